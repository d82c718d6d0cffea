import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * A salted PIN verifier per staff member that tablets may hold, so staff can switch on a
 * tablet without network (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64url). Written when
 * a PIN is set, and on the next sign-in for PINs set before this column existed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('offline_verifier', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('offline_verifier').execute();
}
