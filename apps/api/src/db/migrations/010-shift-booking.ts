import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Money books to the acting staff's own shift (issue 13): naming another's shift in a payment,
 * capture or refund now takes the new `shifts.book.other` permission. The defaults grant it to
 * admins only, so the admin role of every existing venue gets it too; supervisors, who could book
 * into a cashier's drawer before, no longer can unless the venue grants it in Admin. Running it
 * again changes nothing. No `down`: a permission an admin may since have removed or kept cannot
 * be told apart from the grant.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('shifts.book.other')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'shifts.book.other']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}
