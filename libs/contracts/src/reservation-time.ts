/**
 * Venue-local time for reservations, with `Intl` alone (no date library): the server and the
 * tablets must agree on which business day a booking belongs to and what "19:30" means in the
 * venue's time zone, whatever zone the tablet itself is set to.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const toMs = (instant: string | number | Date) => (instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant));

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The venue's business day (YYYY-MM-DD) of an instant: its calendar date in the venue's zone. */
export function businessDate(instant: string | number | Date, timeZone: string): string {
  const w = wallClock(toMs(instant), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The wall-clock time (HH:mm) of an instant in the venue's zone. */
export function zonedTime(instant: string | number | Date, timeZone: string): string {
  const w = wallClock(toMs(instant), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Minutes since the venue's local midnight of an instant (0–1439). */
export function zonedMinutes(instant: string | number | Date, timeZone: string): number {
  const w = wallClock(toMs(instant), timeZone);
  return w.hour * 60 + w.minute;
}

const QUARTER_HOUR_MS = 15 * 60_000;

/**
 * The venue's business date and wall-clock hour of many instants, fast: a zone's offset only
 * changes on a quarter hour of UTC (every DST rule and odd offset, +05:45 included, switches
 * there), so the zone is asked once per quarter hour and the rest is arithmetic. For a day of
 * ledger rows that is at most 96 `Intl` calls instead of two per row.
 */
export function zonedHourOf(timeZone: string): (instant: string | number | Date) => { date: string; hour: number } {
  const offsets = new Map<number, number>();
  return (instant) => {
    const ms = toMs(instant);
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = offsetMs(quarter * QUARTER_HOUR_MS, timeZone);
      offsets.set(quarter, offset);
    }
    const wall = new Date(ms + offset);
    return { date: wall.toISOString().slice(0, 10), hour: wall.getUTCHours() };
  };
}

/** The UTC instant (ISO) of a venue-local date and time ("2025-03-14", "19:30"). */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = offsetMs(guess, timeZone);
  let ms = guess - first;
  // Across a DST change the offset at the result differs from the offset at the guess.
  const second = offsetMs(ms, timeZone);
  if (second !== first) ms = guess - second;
  return new Date(ms).toISOString();
}

/** A calendar date moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The business day as a UTC window [from, to): its local midnight to the next one. */
export function businessDayBounds(date: string, timeZone: string): { from: string; to: string } {
  return { from: zonedToUtc(date, '00:00', timeZone), to: zonedToUtc(addDays(date, 1), '00:00', timeZone) };
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(date);
}

export interface TimeWindow {
  startsAt: string;
  endsAt: string;
}

/**
 * Two bookings of one table clash when their windows overlap. Touching windows do not: a table
 * booked 18:00–20:00 can be booked again from 20:00.
 */
export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}

const DAY_MS = 86_400_000;

/**
 * The instant a venue-local wall time ("03:00") happens on a date, exact on a DST change day,
 * where `zonedToUtc` may pick either side: a time the clocks pass twice (autumn) is its first
 * occurrence; a time the clocks skip (spring: 02:30 in Berlin on 2026-03-29) is the first instant
 * after it — the moment the clocks jump (03:00 CEST). Used for deadlines such as a closeout hour,
 * which must come once a day, never late and never twice.
 */
export function zonedWallTimeToUtc(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const local = (ms: number) => ms + offsetMs(ms, timeZone);
  // Every offset the zone has around that day (a day either side covers any DST change).
  const offsets = [...new Set([offsetMs(wall - DAY_MS, timeZone), offsetMs(wall, timeZone), offsetMs(wall + DAY_MS, timeZone)])];
  const occurrences = offsets.map((o) => wall - o).filter((ms) => local(ms) === wall);
  if (occurrences.length > 0) return new Date(Math.min(...occurrences)).toISOString();
  // Skipped: the jump lies between the two readings and falls on a UTC quarter hour (see zonedHourOf).
  const end = wall - Math.min(...offsets);
  for (let ms = Math.ceil((wall - Math.max(...offsets)) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS; ms <= end; ms += QUARTER_HOUR_MS) {
    if (local(ms) >= wall) return new Date(ms).toISOString();
  }
  return new Date(end).toISOString();
}
