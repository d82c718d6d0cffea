import { DEFAULT_PLAN_THRESHOLD_PERCENT, type Plans, type PutPlansInput } from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { parseJson } from '../../shared/json';
import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import * as repo from './plans-repository';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const noPlan = (): number[] => Array.from({ length: 24 }, () => 0);
const thresholdOf = (settings: { threshold_percent: number } | undefined) => (settings ? Number(settings.threshold_percent) : DEFAULT_PLAN_THRESHOLD_PERCENT);

/** What the dashboard measures against on one business day; null when that weekday has no plan. */
export interface DayPlan {
  hours: number[];
  thresholdPercent: number;
}

/** The venue's revenue plans (Admin → Plans): hour targets per weekday and the on-plan threshold. */
export class RevenuePlans {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: AdminService,
  ) {}

  /** All seven weekdays, Monday first; a weekday never planned has 24 zeros. */
  async plans(db: Db, venueId: string): Promise<Plans> {
    const [venue, rows, settings] = await Promise.all([this.auth.venue(db, venueId), repo.planRows(db, venueId), repo.planSettings(db, venueId)]);
    const byWeekday = new Map(rows.map((r) => [Number(r.weekday), parseJson<number[]>(r.hours, noPlan())]));
    return {
      currency: venue.currency,
      timeZone: venue.timezone,
      thresholdPercent: thresholdOf(settings),
      days: WEEKDAYS.map((weekday) => ({ weekday, hours: byWeekday.get(weekday) ?? noPlan() })),
      updatedAt: settings?.updated_at ?? null,
    };
  }

  /** Replaces the given weekdays' hours and the threshold; the weekdays left out keep theirs. */
  async save(db: Db, actor: Actor, input: PutPlansInput) {
    for (const day of input.days) await repo.savePlanRow(db, { venue_id: actor.venueId, weekday: day.weekday, hours: JSON.stringify(day.hours) });
    await repo.savePlanSettings(db, { venue_id: actor.venueId, threshold_percent: input.thresholdPercent, updated_at: nowIso(), updated_by: actor.staffId });
    // The day totals tell an auditor what changed without storing 24 numbers per weekday twice.
    const dayTotals = Object.fromEntries(input.days.map((d) => [d.weekday, d.hours.reduce((s, h) => s + h, 0)]));
    await this.admin.audit(db, actor, 'plans.changed', 'venue', actor.venueId, { thresholdPercent: input.thresholdPercent, dayTotals });
    return outcome(await this.plans(db, actor.venueId));
  }

  /** The plan of one weekday for the dashboard, or null when nothing is planned on it. */
  async dayPlan(db: Db, venueId: string, weekday: number): Promise<DayPlan | null> {
    const [row, settings] = await Promise.all([repo.planRow(db, venueId, weekday), repo.planSettings(db, venueId)]);
    const hours = row ? parseJson<number[]>(row.hours, noPlan()) : noPlan();
    if (hours.every((h) => h === 0)) return null;
    return { hours, thresholdPercent: thresholdOf(settings) };
  }
}
