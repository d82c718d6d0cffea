import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Z-reports (issue 17): one per closed shift, issued in the close's transaction. `number` counts
 * a venue's Z-reports 1, 2, 3… without gaps (the unique index guards it); `data` is the report's
 * canonical JSON frozen at the close, so a later change in the ledger never changes a printed Z;
 * `hash` = sha256(prev_hash + data) chains each Z to the one before it, so an edited row is found
 * by recomputing the chain. `prints` counts prints: every print after the first is a copy.
 *
 * The supervisor and admin roles of every existing venue get `shifts.reports.all`, as the
 * defaults grant it to new venues. Running it again changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('z_reports')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('shift_id', 'text', (c) => c.notNull().unique().references('shifts.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('prints', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('z_reports_venue_number').ifNotExists().unique().on('z_reports').columns(['venue_id', 'number']).execute();
  await db.schema.createIndex('z_reports_venue_issued').ifNotExists().on('z_reports').columns(['venue_id', 'issued_at']).execute();

  const granted = ['supervisor', 'admin'];
  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', 'in', granted).execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('shifts.reports.all')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'shifts.reports.all']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}

/** The grant stays: a permission an admin may since have removed or kept cannot be told apart. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('z_reports').ifExists().execute();
}
