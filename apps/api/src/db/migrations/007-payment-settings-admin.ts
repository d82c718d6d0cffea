import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Payment rules edited in Admin (issue 8): the admin role of every existing venue gets the new
 * `admin.payments` permission, as the defaults grant it to new venues. Orders are also listed by
 * the business day they were opened on, so they get an index on their opening time. Running it
 * again changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('admin.payments')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'admin.payments']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
  await db.schema.createIndex('orders_venue_created_idx').ifNotExists().on('orders').columns(['venue_id', 'created_at']).execute();
}

/** The grant stays: a permission an admin may since have removed or kept cannot be told apart. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_venue_created_idx').execute();
}
