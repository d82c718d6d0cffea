import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateToLatest, openDatabase } from './db/database';
import { DEMO_VENUES, seedDemo } from './db/seed/seed';
import { printStartEnrollmentCodes } from './modules/auth/start-enrollment';

/** Listens on PORT (4200): migrates, seeds the demo venues when missing, and closes gracefully. */
async function main() {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database.db, config.pgSchema);
  const app = await buildApp({ config, database, logger: { level: config.logLevel }, startJobs: true });
  if (process.env.SEED !== 'false') {
    await seedDemo(database.db, app.services.auth, { bigMenu: process.env.SEED_BIG_MENU === 'true', hugeMenu: process.env.SEED_HUGE_MENU === 'true' });
  }
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`POS is up on http://localhost:${config.port} (${database.dialect})`);
  // Tablets sign in only once enrolled: the first one of a venue needs a code from here.
  const enrollVenues = [...(process.env.SEED !== 'false' ? DEMO_VENUES.map((v) => v.slug) : []), ...(process.env.ENROLLMENT_CODE_FOR ?? '').split(',').map((s) => s.trim()).filter(Boolean)];
  await printStartEnrollmentCodes(app, enrollVenues, process.env.PUBLIC_URL ?? `http://localhost:${config.port}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
