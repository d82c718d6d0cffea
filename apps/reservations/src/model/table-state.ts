import type { Reservation, Table } from '@pos/contracts';
import type { FloorTone } from '@pos/plugin-sdk';

const MINUTE = 60_000;
/** From this long before the booked time the guests are "due now". */
export const DUE_BEFORE_MS = 15 * MINUTE;
/** This long after the booked time without them, the booking is a no-show candidate. */
export const LATE_AFTER_MS = 15 * MINUTE;
/** Within this window a booking is "soon": the table should not take a long walk-in. */
export const SOON_MS = 60 * MINUTE;

/**
 * What a table means to the host right now, from its live status and the day's bookings:
 * free · later (booked later today) · soon (within the hour) · due (guests expected now) ·
 * late (no-show candidate) · seated (sat from a booking) · busy (a walk-in sits there).
 */
export type TablePhase = 'free' | 'later' | 'soon' | 'due' | 'late' | 'seated' | 'busy';

export const PHASES: readonly TablePhase[] = ['free', 'later', 'soon', 'due', 'late', 'seated', 'busy'];

export const PHASE_TONE: Record<TablePhase, FloorTone> = {
  free: 'free',
  later: 'info',
  soon: 'warning',
  due: 'accent',
  late: 'danger',
  seated: 'success',
  busy: 'muted',
};

export interface TableState {
  phase: TablePhase;
  /** The booking the phase is about (the next one, or the one seated). */
  reservation?: Reservation;
}

export const holdsTable = (r: Reservation, tableId: string) => r.tables.some((t) => t.id === tableId);

/** Where a booked reservation stands at `now`; undefined once its window is over. */
export function bookingPhase(r: Reservation, now: number): 'later' | 'soon' | 'due' | 'late' | undefined {
  if (r.status !== 'booked') return undefined;
  const starts = Date.parse(r.startsAt);
  if (Date.parse(r.endsAt) <= now) return undefined;
  if (now >= starts + LATE_AFTER_MS) return 'late';
  if (now >= starts - DUE_BEFORE_MS) return 'due';
  if (now >= starts - SOON_MS) return 'soon';
  return 'later';
}

/**
 * A table's phase at `now`. `reservations` are the day's bookings (any tables, any status).
 * `isToday` false (another date chosen) shows only whether the table is booked that day.
 */
export function tableState(table: Table, reservations: readonly Reservation[], now: number, isToday = true): TableState {
  const mine = reservations.filter((r) => holdsTable(r, table.id));
  if (!isToday) {
    const first = mine.filter((r) => r.status === 'booked').sort(byStart)[0];
    return first ? { phase: 'later', reservation: first } : { phase: 'free' };
  }
  const session = table.session;
  if (session) {
    const seated = mine.find((r) => r.status === 'seated' && r.sessionId === session.id);
    return seated ? { phase: 'seated', reservation: seated } : { phase: 'busy', reservation: nextBooked(mine, now) };
  }
  const next = nextBooked(mine, now);
  if (!next) return { phase: 'free' };
  return { phase: bookingPhase(next, now) ?? 'free', reservation: next };
}

/** The earliest booked reservation whose window is not over yet. */
function nextBooked(reservations: readonly Reservation[], now: number): Reservation | undefined {
  return reservations.filter((r) => bookingPhase(r, now) !== undefined).sort(byStart)[0];
}

export const byStart = (a: Reservation, b: Reservation) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** Bookings that need the host now: due, late, or starting within the hour; earliest first. */
export function upcoming(reservations: readonly Reservation[], now: number): Reservation[] {
  return reservations.filter((r) => {
    const phase = bookingPhase(r, now);
    return phase === 'soon' || phase === 'due' || phase === 'late';
  }).sort(byStart);
}
