import { businessDate, type DashboardPlan, PLAN_DEVIATION_PERCENT_LIMIT, type PlanStatus, zonedMinutes } from '@pos/contracts';

/**
 * The dashboard's figures against the plan, as pure arithmetic over wall-clock minutes of one
 * business day (0 = the venue's midnight, 1440 = the next one). Working in the venue's wall clock
 * keeps "hour 13" the hour the staff see on the wall, whatever the zone's offset (+03:00,
 * +05:30 …); on a day a DST change adds or drops an hour the plan still follows the wall clock.
 */

export const MINUTES_PER_DAY = 24 * 60;

/** A part of a business day in wall-clock minutes, [from, to). */
export interface PlanWindow {
  from: number;
  to: number;
}

/**
 * Where an instant falls on a business day's wall clock: its minute of the day, 0 before the day
 * began, 1440 once it is over.
 */
export function minuteOfDay(instant: string | Date, date: string, timeZone: string): number {
  const day = businessDate(instant, timeZone);
  if (day < date) return 0;
  if (day > date) return MINUTES_PER_DAY;
  return zonedMinutes(instant, timeZone);
}

/**
 * The plan over a window, spread along the hourly curve: each hour counts by the share of its
 * minutes inside the window (not a straight line over the day). Rounded to the minor unit.
 */
export function plannedIn(hours: readonly number[], window: PlanWindow): number {
  let total = 0;
  for (let hour = 0; hour < 24; hour++) {
    const overlap = Math.min(window.to, (hour + 1) * 60) - Math.max(window.from, hour * 60);
    if (overlap > 0) total += (hours[hour] * overlap) / 60;
  }
  return Math.round(total);
}

/** Rounded to one decimal, halves away from zero (so +2.25 and −2.25 show as 2.3 and −2.3). */
const oneDecimal = (value: number) => (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;

/**
 * Net revenue against the plan up to now: within ± the threshold is on plan. With nothing planned
 * yet there is no percent: no money is on plan, money kept is ahead (a refund alone, behind).
 */
export function planStanding(net: number, targetToNow: number, thresholdPercent: number): Pick<DashboardPlan, 'deviation' | 'deviationPercent' | 'status'> {
  const deviation = net - targetToNow;
  if (targetToNow === 0) return { deviation, deviationPercent: null, status: net === 0 ? 'on_plan' : net > 0 ? 'ahead' : 'behind' };
  // A few kopecks planned so far (a shift opened a minute ago) make a first check millions of percent ahead: held at the limit.
  const deviationPercent = Math.max(-PLAN_DEVIATION_PERCENT_LIMIT, Math.min(PLAN_DEVIATION_PERCENT_LIMIT, oneDecimal((deviation / targetToNow) * 100)));
  const status: PlanStatus = Math.abs(deviationPercent) <= thresholdPercent ? 'on_plan' : deviationPercent > 0 ? 'ahead' : 'behind';
  return { deviation, deviationPercent, status };
}

export interface PlanInput {
  /** The business day's 24 hour targets. */
  hours: readonly number[];
  thresholdPercent: number;
  /** The window in wall-clock minutes of that day: the whole day, or the shift's part of it. */
  window: PlanWindow;
  /** Now (or the shift's close) in wall-clock minutes of that day. */
  now: number;
  /** Net revenue booked in scope. */
  net: number;
}

/** The dashboard's `plan`: the window's target, the part of it due by now, and where net stands. */
export function dashboardPlan({ hours, thresholdPercent, window, now, net }: PlanInput): DashboardPlan {
  const target = plannedIn(hours, window);
  const targetToNow = plannedIn(hours, { from: window.from, to: Math.max(window.from, Math.min(window.to, now)) });
  return { target, targetToNow, ...planStanding(net, targetToNow, thresholdPercent), thresholdPercent, hours: [...hours] };
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a business date (YYYY-MM-DD). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
