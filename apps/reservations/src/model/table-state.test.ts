import { aTableSession } from '@pos/contracts/testing';
import { reservation, table } from '../testing/fixtures';
import { bookingPhase, tableState, upcoming } from './table-state';

const MIN = 60_000;
const now = Date.parse('2030-01-01T16:00:00Z');

describe('what a table means to the host now', () => {
  const t1 = table('1');
  it.each([
    ['free: nothing booked', [], 'free'],
    ['later today: booked in three hours', [180], 'later'],
    ['soon: booked within the hour', [45], 'soon'],
    ['due: guests expected (15 min either side)', [10], 'due'],
    ['due: five minutes past the time', [-5], 'due'],
    ['late: 15 minutes past without them', [-15], 'late'],
    ['the next booking counts, not a later one', [200, 30], 'soon'],
  ] as const)('%s', (_what, offsets, phase) => {
    const bookings = offsets.map((m) => reservation([t1], now + m * MIN));
    expect(tableState(t1, bookings, now).phase).toBe(phase);
  });

  it('ignores cancelled, no-show and finished bookings, and other tables', () => {
    const other = table('2');
    const bookings = [
      reservation([t1], now + 10 * MIN, { status: 'cancelled' }),
      reservation([t1], now - 10 * MIN, { status: 'no-show' }),
      reservation([t1], now - 3 * 60 * MIN),
      reservation([other], now + 10 * MIN),
    ];
    expect(tableState(t1, bookings, now)).toEqual({ phase: 'free' });
    expect(bookingPhase(bookings[2], now)).toBeUndefined();
  });

  it('tells a party seated from a booking from a walk-in', () => {
    const session = aTableSession({ id: 's1', tableId: t1.id, waiterId: 'w', waiterName: 'Анна', guests: 4, status: 'open', openedAt: new Date(now).toISOString(), closedAt: null });
    const seatedTable = table('1', { status: 'occupied', session });
    const seated = reservation([t1], now - 20 * MIN, { status: 'seated', sessionId: 's1' });
    expect(tableState(seatedTable, [seated], now)).toEqual({ phase: 'seated', reservation: seated });
    const next = reservation([t1], now + 90 * MIN);
    expect(tableState(seatedTable, [next], now)).toEqual({ phase: 'busy', reservation: next });
  });

  it('on another day only says whether the table is booked', () => {
    const booking = reservation([t1], now + 26 * 60 * MIN);
    expect(tableState(t1, [booking], now, false)).toEqual({ phase: 'later', reservation: booking });
    expect(tableState(table('2'), [booking], now, false)).toEqual({ phase: 'free' });
  });

  it('lists the guests expected now, earliest first', () => {
    const late = reservation([t1], now - 20 * MIN);
    const soon = reservation([table('2')], now + 50 * MIN);
    const due = reservation([table('3')], now + 5 * MIN);
    const later = reservation([table('4')], now + 3 * 60 * MIN);
    expect(upcoming([soon, later, due, late], now).map((r) => r.id)).toEqual([late.id, due.id, soon.id]);
  });
});
