import { addDays, type Reservation, type Table, windowsOverlap, zonedToUtc } from '@pos/contracts';

const MINUTE = 60_000;

/** The times offered when booking: every half hour of the venue's evening and day. */
export function daySlots(firstHour = 10, lastHour = 23): string[] {
  const slots: string[] = [];
  for (let h = firstHour; h <= lastHour; h++) for (const m of [0, 30]) slots.push(`${String(h).padStart(2, '0')}:${m === 0 ? '00' : '30'}`);
  return slots;
}

/** A booking window in UTC from a venue-local date, time and length; 24:00 and later roll over. */
export function slotWindow(date: string, time: string, minutes: number, timeZone: string): { startsAt: string; endsAt: string } {
  const [h, m] = time.split(':').map(Number);
  const startsAt = h >= 24 ? zonedToUtc(addDays(date, 1), `${String(h - 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`, timeZone) : zonedToUtc(date, time, timeZone);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * MINUTE).toISOString() };
}

/** Bookings that would clash with this window on any of these tables (booked or sitting there). */
export function clashes(reservations: readonly Reservation[], tableIds: readonly string[], window: { startsAt: string; endsAt: string }, exceptId?: string): Reservation[] {
  return reservations.filter(
    (r) => r.id !== exceptId && (r.status === 'booked' || r.status === 'seated') && r.tables.some((t) => tableIds.includes(t.id)) && windowsOverlap(r, window),
  );
}

/** A party seated now is assumed to stay this long: a booking starting sooner finds the table taken. */
export const SEATED_STAY_MINUTES = 120;

/**
 * Whether a table can take a booking in this window: `booked` by another reservation then (the
 * first such is given, for its times and name), `occupied` by guests sitting there now when the
 * window starts before they are likely to leave, else `free`.
 */
export type TableAvailability = { state: 'free' } | { state: 'booked'; by: Reservation } | { state: 'occupied' };

export function tableAvailability(
  table: Pick<Table, 'id' | 'session'>,
  reservations: readonly Reservation[],
  window: { startsAt: string; endsAt: string },
  now: number,
  exceptId?: string,
): TableAvailability {
  const [by] = clashes(reservations, [table.id], window, exceptId);
  if (by) return { state: 'booked', by };
  if (table.session && Date.parse(window.startsAt) < now + SEATED_STAY_MINUTES * MINUTE && Date.parse(window.endsAt) > now) return { state: 'occupied' };
  return { state: 'free' };
}

/**
 * Tables that suit a party in a window: free then (not booked, nobody sitting there who will not
 * have left), enough seats, the snuggest first (a couple should not take the banquet table). At
 * most `limit`.
 */
export function suggestTables(
  tables: readonly Table[],
  reservations: readonly Reservation[],
  guests: number,
  window: { startsAt: string; endsAt: string },
  exceptId?: string,
  limit = 3,
  now = Date.now(),
): Table[] {
  return tables
    .filter((t) => t.seats >= guests && tableAvailability(t, reservations, window, now, exceptId).state === 'free')
    .sort((a, b) => a.seats - b.seats || a.label.localeCompare(b.label, 'ru', { numeric: true }))
    .slice(0, limit);
}

/** Tables in the order staff read them on the map: 1, 2, … 10, then Т1, Т2… */
export const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'ru', { numeric: true });
