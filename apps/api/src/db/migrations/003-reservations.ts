import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Reservations: a booked time window on one or more tables of the venue (tables pushed together
 * for a bigger party), linked to the table session opened when the party is seated. Roles that
 * existed before this migration get the new reservation permissions as the defaults grant them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('guests', 'integer', (c) => c.notNull())
    .addColumn('guest_name', 'text', (c) => c.notNull())
    .addColumn('guest_phone', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('session_id', 'text', (c) => c.references('table_sessions.id'))
    .addColumn('cancel_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reservations_venue_starts_idx').on('reservations').columns(['venue_id', 'starts_at']).execute();

  // One row per booked table; `position` 0 is the table the party is seated at.
  await db.schema
    .createTable('reservation_tables')
    .addColumn('reservation_id', 'text', (c) => c.notNull().references('reservations.id'))
    .addColumn('table_id', 'text', (c) => c.notNull().references('tables.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reservation_tables_pk', ['reservation_id', 'table_id'])
    .execute();
  await db.schema.createIndex('reservation_tables_table_idx').on('reservation_tables').column('table_id').execute();

  const grants: Record<string, string[]> = {
    waiter: ['reservations.view', 'reservations.manage'],
    supervisor: ['reservations.view', 'reservations.manage'],
    admin: ['reservations.view', 'reservations.manage'],
    cashier: ['reservations.view'],
  };
  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const extra = grants[row.role];
    if (!extra) continue;
    const current = JSON.parse(row.permissions) as string[];
    const next = [...current, ...extra.filter((p) => !current.includes(p))];
    await db.updateTable('role_permissions').set({ permissions: JSON.stringify(next) }).where('venue_id', '=', row.venue_id).where('role', '=', row.role).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reservation_tables').execute();
  await db.schema.dropTable('reservations').execute();
}
