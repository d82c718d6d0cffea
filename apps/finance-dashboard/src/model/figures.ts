import type { Dashboard, DashboardPlan, PlanStatus } from '@pos/contracts';
import { currencyDigits } from '@pos/contracts/rules';

/**
 * The dashboard's figures as staff read them: money without kopecks when there are none, the
 * plan deviation signed and coloured, the clock in the venue's time zone, the bars of the chart.
 * Pure functions; the widget only lays them out.
 */

/** How a plan status is coloured: ahead green, on plan neutral, behind red. */
export type PlanTone = 'good' | 'neutral' | 'bad';
export const PLAN_TONE: Record<PlanStatus, PlanTone> = { ahead: 'good', on_plan: 'neutral', behind: 'bad' };

const MINUS = '\u2212';
const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ru-RU');
const formats = new Map<string, Intl.NumberFormat>();

/** "12 300 ₽", "12 300,50 ₽" ("₽12,300" in English): a dashboard figure, kopecks only when there are some. */
export function figure(minor: number, currency: string, language: string): string {
  const digits = currencyDigits(currency);
  const fraction = minor % 10 ** digits === 0 ? 0 : digits;
  const key = `${locale(language)}:${currency}:${fraction}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: fraction, maximumFractionDigits: fraction });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** digits).replace('-', MINUS);
}

/** "12,3 тыс. ₽", "1,5 млн ₽" ("₽12.3k" in English): the chart's money axis, Intl's compact notation. */
export function compactFigure(minor: number, currency: string, language: string): string {
  const key = `${locale(language)}:${currency}:compact`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), { style: 'currency', currency, currencyDisplay: 'narrowSymbol', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** currencyDigits(currency)).replace('-', MINUS);
}

/** "09:00": an hour of the chart's axis (24 reads as the next day's 00:00). */
export const hourLabel = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;

/** "+12 300 ₽" / "−12 300 ₽": a deviation always shows its sign. */
export function signedFigure(minor: number, currency: string, language: string): string {
  return `${minor > 0 ? '+' : minor < 0 ? MINUS : ''}${figure(Math.abs(minor), currency, language)}`;
}

/** "−8,4" / "+8.4": one decimal, signed, with the typographic minus. */
export function signedPercent(percent: number, language: string): string {
  const text = new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(percent));
  return `${percent > 0 ? '+' : percent < 0 ? MINUS : ''}${text}`;
}

export interface Deviation {
  tone: PlanTone;
  status: PlanStatus;
  amount: string;
  /** Null while nothing was planned up to now (no percent of zero). */
  percent: string | null;
}

export function deviationOf(plan: DashboardPlan, currency: string, language: string): Deviation {
  return {
    tone: PLAN_TONE[plan.status],
    status: plan.status,
    amount: signedFigure(plan.deviation, currency, language),
    percent: plan.deviationPercent === null ? null : signedPercent(plan.deviationPercent, language),
  };
}

/** "14:02:11" in the venue's time zone. */
export function clockTime(iso: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

export interface HourBar {
  hour: number;
  /** Net revenue booked in the hour (a refund-heavy hour may be below zero). */
  net: number;
  /** The plan's target for the hour; 0 without a plan. */
  target: number;
}

/** The chart shows at least this many hours, so one busy hour is a bar and not the whole chart. */
export const MIN_CHART_HOURS = 8;

/**
 * The chart's hours: net revenue per wall-clock hour (a shift past midnight adds both days' hours
 * of the same clock hour) beside the plan's target, trimmed to the hours from the first with money
 * or a target to the last one, widened to `MIN_CHART_HOURS` (later hours first). With neither,
 * nothing to draw.
 */
export function hourBars(byHour: Dashboard['byHour'], planHours: readonly number[] | null): HourBar[] {
  const net = new Array<number>(24).fill(0);
  for (const h of byHour) net[h.hour] += h.net;
  const target = planHours ?? new Array<number>(24).fill(0);
  const used = net.map((n, hour) => n !== 0 || target[hour] > 0);
  const first = used.indexOf(true);
  if (first < 0) return [];
  let start = first;
  let last = used.lastIndexOf(true);
  while (last - start + 1 < MIN_CHART_HOURS) {
    if (last < 23) last++;
    else start--;
  }
  const bars: HourBar[] = [];
  for (let hour = start; hour <= last; hour++) bars.push({ hour, net: net[hour], target: target[hour] });
  return bars;
}
