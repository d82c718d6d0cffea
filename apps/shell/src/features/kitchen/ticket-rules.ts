import { type KitchenTicket, TICKET_STATUSES, TICKET_TRANSITIONS, type TicketStatus } from '@pos/contracts';

/** The statuses a cook sees on the screen, in the order the lanes show them. */
export const ACTIVE_STATUSES = TICKET_STATUSES.filter((s): s is Exclude<TicketStatus, 'served'> => s !== 'served');

const rank = (status: TicketStatus) => TICKET_STATUSES.indexOf(status);

/**
 * The status the big bump button moves a ticket to: the nearest later status the transition
 * table allows, so a queued ticket goes to cooking, not straight to ready.
 */
export function nextStatus(status: TicketStatus): TicketStatus | null {
  const later = TICKET_TRANSITIONS[status].filter((to) => rank(to) > rank(status));
  return later.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** The status the recall button moves a ticket back to, when the transition table allows one. */
export function recallStatus(status: TicketStatus): TicketStatus | null {
  const earlier = TICKET_TRANSITIONS[status].filter((to) => rank(to) < rank(status));
  return earlier.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

export type Urgency = 'normal' | 'warning' | 'late';

/** A ticket older than this turns amber… */
export const WARNING_AFTER_MS = 10 * 60_000;
/** …and older than this turns red. */
export const LATE_AFTER_MS = 20 * 60_000;

/** How long the ticket has been in the kitchen; never negative when the tablet's clock runs behind. */
export function ticketAgeMs(ticket: Pick<KitchenTicket, 'createdAt'>, now: number): number {
  return Math.max(0, now - Date.parse(ticket.createdAt));
}

export function urgencyOf(ageMs: number): Urgency {
  if (ageMs > LATE_AFTER_MS) return 'late';
  if (ageMs > WARNING_AFTER_MS) return 'warning';
  return 'normal';
}

/** mm:ss; minutes keep counting past an hour (a 75-minute ticket reads 75:00), as kitchen timers do. */
export function formatAge(ageMs: number): string {
  const seconds = Math.floor(Math.max(0, ageMs) / 1000);
  const mm = Math.floor(seconds / 60);
  const ss = seconds % 60;
  return `${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
}

/** Oldest first: the kitchen works in the order the tickets came in. */
export function byOldestFirst(a: KitchenTicket, b: KitchenTicket): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number - b.number;
}

/** The tickets of one station (all of them when no station is chosen), oldest first. */
export function ticketsOfStation(tickets: readonly KitchenTicket[], stationCode: string | null): KitchenTicket[] {
  return tickets.filter((t) => t.status !== 'served' && (stationCode === null || t.stationCode === stationCode)).sort(byOldestFirst);
}

/** Tickets per station code, for the counters on the station tabs. */
export function countByStation(tickets: readonly KitchenTicket[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tickets) if (t.status !== 'served') counts.set(t.stationCode, (counts.get(t.stationCode) ?? 0) + 1);
  return counts;
}

export interface Bump {
  ticketId: string;
  status: TicketStatus;
}

/**
 * A list as it looks once the bump has gone through: the ticket takes the new status and the
 * next version (the server counts versions up by one per move); a served ticket leaves the screen.
 */
export function applyBump(tickets: readonly KitchenTicket[], bump: Bump, at: string): KitchenTicket[] {
  if (bump.status === 'served') return tickets.filter((t) => t.id !== bump.ticketId);
  return tickets.map((t) =>
    t.id === bump.ticketId && t.status !== bump.status ? { ...t, status: bump.status, version: t.version + 1, statusChangedAt: at } : t,
  );
}

/** Puts a ticket back as it was (rolling back a bump that failed), whether or not it is still listed. */
export function restoreTicket(tickets: readonly KitchenTicket[], ticket: KitchenTicket): KitchenTicket[] {
  return tickets.some((t) => t.id === ticket.id) ? tickets.map((t) => (t.id === ticket.id ? ticket : t)) : [...tickets, ticket];
}

/** Puts the server's answer in place of the optimistic guess, unless a newer state is already shown. */
export function replaceTicket(tickets: readonly KitchenTicket[], ticket: KitchenTicket): KitchenTicket[] {
  if (ticket.status === 'served') return tickets.filter((t) => t.id !== ticket.id);
  return tickets.map((t) => (t.id === ticket.id && t.version <= ticket.version ? ticket : t));
}
