import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Revenue plans for the cashier dashboard (issue 16): one row per venue and weekday with its 24
 * hour targets (a JSON array of minor units, hour 0 first), and one row of plan settings per venue
 * (the on-plan threshold, like `venue_payment_settings` holds the payment rules). A weekday
 * without a row has no plan. The admin role of every existing venue gets `admin.plans`, as the
 * defaults grant it to new venues. Running it again changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('revenue_plans')
    .ifNotExists()
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revenue_plans_pk', ['venue_id', 'weekday'])
    .execute();

  await db.schema
    .createTable('venue_plan_settings')
    .ifNotExists()
    .addColumn('venue_id', 'text', (c) => c.primaryKey().references('venues.id'))
    .addColumn('threshold_percent', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  const roles = await db.selectFrom('role_permissions').select(['venue_id', 'role', 'permissions']).where('role', '=', 'admin').execute();
  for (const row of roles as { venue_id: string; role: string; permissions: string }[]) {
    const current = JSON.parse(row.permissions) as string[];
    if (current.includes('admin.plans')) continue;
    await db
      .updateTable('role_permissions')
      .set({ permissions: JSON.stringify([...current, 'admin.plans']) })
      .where('venue_id', '=', row.venue_id)
      .where('role', '=', row.role)
      .execute();
  }
}

/** The grant stays: a permission an admin may since have removed or kept cannot be told apart. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_plan_settings').ifExists().execute();
  await db.schema.dropTable('revenue_plans').ifExists().execute();
}
