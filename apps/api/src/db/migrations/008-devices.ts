import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Enrolled tablets (issue 13). A tablet is enrolled once with a one-time code an admin reads off
 * Admin → Devices; it keeps a device key and proves it on every sign-in by answering a one-time
 * challenge. Codes and challenges are stored as SHA-256 hashes (a database copy does not hand out
 * live codes). Staff rows learn how many digits their PIN has, so a role change to supervisor or
 * admin can demand a longer PIN without knowing the PIN. The admin role of every venue gets
 * `admin.devices`, as the defaults grant it to new venues.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('devices')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_secret', 'text', (c) => c.notNull())
    .addColumn('enrolled_at', 'text', (c) => c.notNull())
    .addColumn('enrolled_by', 'text')
    .addColumn('last_sign_in_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('devices_venue_idx').ifNotExists().on('devices').columns(['venue_id', 'enrolled_at']).execute();

  await db.schema
    .createTable('device_enrollment_codes')
    .ifNotExists()
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('device_id', 'text')
    .execute();

  await db.schema
    .createTable('device_challenges')
    .ifNotExists()
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('device_challenges_expiry_idx').ifNotExists().on('device_challenges').column('expires_at').execute();

  await db.schema.alterTable('staff').addColumn('pin_digits', 'integer').execute();

  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('admin.devices')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'admin.devices']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}

/** The grant stays: a permission an admin may since have removed or kept cannot be told apart. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').dropColumn('pin_digits').execute();
  await db.schema.dropTable('device_challenges').ifExists().execute();
  await db.schema.dropTable('device_enrollment_codes').ifExists().execute();
  await db.schema.dropTable('devices').ifExists().execute();
}
