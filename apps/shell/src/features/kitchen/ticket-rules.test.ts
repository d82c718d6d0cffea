import type { KitchenTicket } from '@pos/contracts';
import { aTicket } from '@pos/contracts/testing';
import {
  ACTIVE_STATUSES,
  applyBump,
  byOldestFirst,
  countByStation,
  formatAge,
  LATE_AFTER_MS,
  nextStatus,
  recallStatus,
  replaceTicket,
  restoreTicket,
  ticketAgeMs,
  ticketsOfStation,
  urgencyOf,
  WARNING_AFTER_MS,
} from './ticket-rules';

/** Ticket №1 of order №1 (table 5) for the hot station, queued at noon. */
const ticket = (over: Partial<KitchenTicket>): KitchenTicket =>
  aTicket({ id: `t${over.number ?? 1}`, number: 1, orderNumber: 1, tableLabel: '5', stationId: 's-hot', stationCode: 'hot', status: 'queued', items: [], createdAt: '2026-01-01T12:00:00.000Z', statusChangedAt: '2026-01-01T12:00:00.000Z', ...over });

describe('next status and recall (from the transition table)', () => {
  it('bumps one step forward: queued → cooking → ready → served, never skipping', () => {
    expect(nextStatus('queued')).toBe('cooking');
    expect(nextStatus('cooking')).toBe('ready');
    expect(nextStatus('ready')).toBe('served');
    expect(nextStatus('served')).toBeNull();
  });

  it('recalls only a ready ticket, back to cooking: nothing goes back to queued once started', () => {
    expect(recallStatus('queued')).toBeNull();
    expect(recallStatus('cooking')).toBeNull();
    expect(recallStatus('ready')).toBe('cooking');
    expect(recallStatus('served')).toBeNull();
  });

  it('shows lanes for every status but served, in order', () => {
    expect(ACTIVE_STATUSES).toEqual(['queued', 'cooking', 'ready']);
  });
});

describe('age and urgency', () => {
  const created = Date.parse('2026-01-01T12:00:00.000Z');

  it('formats mm:ss and keeps counting minutes past the hour', () => {
    expect(formatAge(0)).toBe('00:00');
    expect(formatAge(59_999)).toBe('00:59');
    expect(formatAge(61_000)).toBe('01:01');
    expect(formatAge(75 * 60_000 + 3_000)).toBe('75:03');
    expect(formatAge(-5_000)).toBe('00:00');
  });

  it('measures the age from the creation and never goes below zero', () => {
    const t = ticket({});
    expect(ticketAgeMs(t, created + 90_000)).toBe(90_000);
    expect(ticketAgeMs(t, created - 10_000)).toBe(0);
  });

  it('turns amber after 10 minutes and red after 20', () => {
    expect(WARNING_AFTER_MS).toBe(600_000);
    expect(LATE_AFTER_MS).toBe(1_200_000);
    expect(urgencyOf(0)).toBe('normal');
    expect(urgencyOf(WARNING_AFTER_MS)).toBe('normal');
    expect(urgencyOf(WARNING_AFTER_MS + 1_000)).toBe('warning');
    expect(urgencyOf(LATE_AFTER_MS)).toBe('warning');
    expect(urgencyOf(LATE_AFTER_MS + 1_000)).toBe('late');
  });
});

describe('lists', () => {
  const a = ticket({ id: 'a', number: 3, createdAt: '2026-01-01T12:05:00.000Z', stationCode: 'hot' });
  const b = ticket({ id: 'b', number: 1, createdAt: '2026-01-01T12:01:00.000Z', stationCode: 'bar' });
  const c = ticket({ id: 'c', number: 2, createdAt: '2026-01-01T12:01:00.000Z', stationCode: 'hot' });
  const served = ticket({ id: 'd', number: 4, status: 'served' });

  it('orders oldest first, then by number', () => {
    expect([a, c, b].sort(byOldestFirst).map((t) => t.id)).toEqual(['b', 'c', 'a']);
  });

  it('filters by station and leaves served tickets out', () => {
    expect(ticketsOfStation([a, b, c, served], null).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect(ticketsOfStation([a, b, c, served], 'hot').map((t) => t.id)).toEqual(['c', 'a']);
    expect(countByStation([a, b, c, served])).toEqual(new Map([['hot', 2], ['bar', 1]]));
  });

  it('applies a bump: new status, next version; served leaves the list', () => {
    const moved = applyBump([a, b], { ticketId: 'a', status: 'cooking' }, '2026-01-01T12:10:00.000Z');
    expect(moved[0]).toMatchObject({ id: 'a', status: 'cooking', version: 2, statusChangedAt: '2026-01-01T12:10:00.000Z' });
    expect(moved[1]).toBe(b);
    expect(applyBump(moved, { ticketId: 'a', status: 'cooking' }, 'later')[0].version).toBe(2);
    expect(applyBump([a, b], { ticketId: 'a', status: 'served' }, 'x').map((t) => t.id)).toEqual(['b']);
  });

  it('restores a ticket after a failed bump, whether or not it is still listed', () => {
    const moved = applyBump([a, b], { ticketId: 'a', status: 'cooking' }, 'x');
    expect(restoreTicket(moved, a)).toEqual([a, b]);
    expect(restoreTicket([b], a)).toEqual([b, a]);
  });

  it("takes the server's ticket unless a newer one is already shown", () => {
    const newer = { ...a, status: 'ready' as const, version: 3 };
    expect(replaceTicket([newer], { ...a, status: 'cooking', version: 2 })).toEqual([newer]);
    expect(replaceTicket([a], { ...a, status: 'cooking', version: 2 })[0].status).toBe('cooking');
    expect(replaceTicket([a, b], { ...a, status: 'served', version: 4 })).toEqual([b]);
  });
});
