import type { FastifyInstance } from 'fastify';
import * as repo from './repository';

/** How long a code printed at start-up stays valid: long enough to open the app after the build. */
const START_CODE_TTL_MS = 24 * 3_600_000;

/**
 * One-time enrollment codes printed at start-up, so the first tablet of a venue can be enrolled
 * before any admin is signed in: the demo venues when the demo is seeded, and the venues named in
 * ENROLLMENT_CODE_FOR (e.g. a new venue's first admin tablet). Each code enrolls one tablet; the
 * next start prints new ones. Printed on stdout (not the log), like the README's quick start says.
 */
export async function printStartEnrollmentCodes(app: FastifyInstance, venues: readonly string[], origin: string) {
  const { db } = app.database;
  const lines: string[] = [];
  for (const slug of [...new Set(venues)]) {
    const venue = await repo.findVenueBySlug(db, slug);
    if (!venue) {
      lines.push(`  ${slug}: no such venue`);
      continue;
    }
    const { code, expiresAt } = await app.services.auth.devices.issueCode(db, venue.id, venue.slug, null, START_CODE_TTL_MS);
    lines.push(`  ${slug.padEnd(10)} ${code}   ${origin}/?venue=${encodeURIComponent(slug)}&enroll=${code}   (until ${expiresAt})`);
  }
  if (lines.length === 0) return;
  console.log(['', 'Enroll a tablet (one-time codes; open the link in the browser, or type the code on its enrollment screen):', ...lines, ''].join('\n'));
}
