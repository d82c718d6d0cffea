import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Remote integrity (issue 13): the registry keeps the sha384 of each remote's entry script in
 * SRI form (`sha384-<base64>`). The shell refuses a remote without it, so existing rows stay
 * empty until the server computes it: at the next start for builds it serves from its web root,
 * or when the remote is published again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('remotes').addColumn('integrity', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('remotes').dropColumn('integrity').execute();
}
