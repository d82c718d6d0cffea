import type { Kysely } from 'kysely';
import { nowIso } from '../../shared/clock';
import type { Database } from '../schema';

/**
 * The demo venue's revenue plan: 60 000 ₽ a day Monday to Thursday and Sunday, 90 000 ₽ on Friday
 * and Saturday, shaped like a restaurant's day — closed at night, a lunch peak 12–14, a dinner
 * peak 18–21 — with a ±5 % on-plan threshold. Money in kopecks.
 */
const SHAPE: readonly number[] = [
  // 0–7: closed
  0, 0, 0, 0, 0, 0, 0, 0,
  // 8–11: breakfast and the late morning
  2, 2, 3, 4,
  // 12–14: lunch
  9, 10, 7,
  // 15–17: the afternoon lull
  4, 4, 5,
  // 18–21: dinner
  10, 12, 11, 8,
  // 22–23: the last orders
  3, 1,
];

/** A day's total spread over the shape, rounded to whole roubles; the last open hour takes the rounding. */
export function shapedDay(total: number): number[] {
  const weight = SHAPE.reduce((s, w) => s + w, 0);
  const hours = SHAPE.map((w) => Math.round((total * w) / weight / 100) * 100);
  const last = SHAPE.findLastIndex((w) => w > 0);
  hours[last] += total - hours.reduce((s, h) => s + h, 0);
  return hours;
}

export const DEMO_PLAN_THRESHOLD_PERCENT = 5;
/** ISO weekday → the day's target in kopecks. */
export const DEMO_DAY_TARGETS: Record<number, number> = { 1: 6_000_000, 2: 6_000_000, 3: 6_000_000, 4: 6_000_000, 5: 9_000_000, 6: 9_000_000, 7: 6_000_000 };

/**
 * Gives the venue the demo plan unless it already has plans of its own: safe on every start, on a
 * new database and on one made before plans existed; an admin's edits are never overwritten.
 */
export async function ensureDemoPlans(db: Kysely<Database>, venueId: string): Promise<void> {
  const existing = await db.selectFrom('venue_plan_settings').select('venue_id').where('venue_id', '=', venueId).executeTakeFirst();
  if (existing) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('revenue_plans')
      .values(Object.entries(DEMO_DAY_TARGETS).map(([weekday, total]) => ({ venue_id: venueId, weekday: Number(weekday), hours: JSON.stringify(shapedDay(total)) })))
      .onConflict((oc) => oc.columns(['venue_id', 'weekday']).doNothing())
      .execute();
    await trx
      .insertInto('venue_plan_settings')
      .values({ venue_id: venueId, threshold_percent: DEMO_PLAN_THRESHOLD_PERCENT, updated_at: nowIso(), updated_by: null })
      .onConflict((oc) => oc.column('venue_id').doNothing())
      .execute();
  });
}
