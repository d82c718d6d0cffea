import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * For migrations that add a permission: grants it to the given roles of every existing venue (new
 * venues get it from the role defaults). A role that already has it is left as it is, so running
 * it again changes nothing. The grant is never taken back on the way down: a permission an admin
 * may since have removed or kept cannot be told apart.
 */
export async function grantPermission(db: Kysely<any>, roles: string[], permission: string): Promise<void> {
  const rows = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', 'in', roles).execute();
  for (const row of rows as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes(permission)) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, permission]) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}
