import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Cash drawer movements of a shift (issue 17): cash paid into the drawer or paid out of it, with
 * the reason and who recorded it. The shift owns them as it owns its float, so they live beside
 * the shift, not in the payments ledger (`ledger_entries`). Like the ledger, the table is
 * append-only: a mistake is undone by an opposite movement, never by editing one. The cashier,
 * supervisor and admin roles of every existing venue get `shifts.cash`, as the defaults grant it
 * to new venues. Running it again changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cash_movements')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cash_movements_shift_idx').ifNotExists().on('cash_movements').columns(['shift_id', 'created_at']).execute();

  if (isPostgres(db)) {
    await sql`CREATE OR REPLACE FUNCTION cash_movements_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'cash_movements is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE OR REPLACE TRIGGER cash_movements_append_only BEFORE UPDATE OR DELETE ON cash_movements
      FOR EACH ROW EXECUTE FUNCTION cash_movements_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER IF NOT EXISTS cash_movements_no_update BEFORE UPDATE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER IF NOT EXISTS cash_movements_no_delete BEFORE DELETE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash_movements is append-only'); END`.execute(db);
  }

  const granted = ['cashier', 'supervisor', 'admin'];
  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', 'in', granted).execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('shifts.cash')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'shifts.cash']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}

/** The grant stays: a permission an admin may since have removed or kept cannot be told apart. */
export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS cash_movements_append_only() CASCADE`.execute(db);
  await db.schema.dropTable('cash_movements').ifExists().execute();
}
