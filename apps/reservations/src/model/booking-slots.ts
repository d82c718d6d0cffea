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

/**
 * Tables that suit a party in a window: free then, enough seats, the snuggest first (a couple
 * should not take the banquet table). At most `limit`.
 */
export function suggestTables(tables: readonly Table[], reservations: readonly Reservation[], guests: number, window: { startsAt: string; endsAt: string }, exceptId?: string, limit = 3): Table[] {
  return tables
    .filter((t) => t.seats >= guests && clashes(reservations, [t.id], window, exceptId).length === 0)
    .sort((a, b) => a.seats - b.seats || a.label.localeCompare(b.label, 'ru', { numeric: true }))
    .slice(0, limit);
}

/** Tables in the order staff read them on the map: 1, 2, … 10, then Т1, Т2… */
export const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'ru', { numeric: true });
