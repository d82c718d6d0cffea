import { aTableSession } from '@pos/contracts/testing';
import { reservation, table } from '../testing/fixtures';
import { clashes, daySlots, SEATED_STAY_MINUTES, slotWindow, suggestTables, tableAvailability } from './booking-slots';

describe('booking slots', () => {
  it('offers every half hour from 10:00 to 23:30', () => {
    const slots = daySlots();
    expect(slots[0]).toBe('10:00');
    expect(slots).toContain('19:30');
    expect(slots.at(-1)).toBe('23:30');
  });

  it("turns a slot into a UTC window in the venue's time zone", () => {
    expect(slotWindow('2030-01-01', '19:30', 120, 'Europe/Moscow')).toEqual({ startsAt: '2030-01-01T16:30:00.000Z', endsAt: '2030-01-01T18:30:00.000Z' });
  });

  it('finds clashes on the chosen tables only, touching windows allowed', () => {
    const [a, b] = [table('1'), table('2')];
    const booked = reservation([a], '2030-01-01T16:00:00.000Z');
    const at = (from: string, to: string) => ({ startsAt: `2030-01-01T${from}:00.000Z`, endsAt: `2030-01-01T${to}:00.000Z` });
    expect(clashes([booked], [a.id], at('17:00', '19:00'))).toEqual([booked]);
    expect(clashes([booked], [a.id], at('18:00', '19:00'))).toEqual([]);
    expect(clashes([booked], [b.id], at('17:00', '19:00'))).toEqual([]);
    expect(clashes([booked], [a.id], at('17:00', '19:00'), booked.id)).toEqual([]);
    expect(clashes([{ ...booked, status: 'cancelled' }], [a.id], at('17:00', '19:00'))).toEqual([]);
  });

  it('suggests free tables that seat the party, snuggest first', () => {
    const two = table('1', { seats: 2 });
    const four = table('2', { seats: 4 });
    const six = table('3', { seats: 6 });
    const fourBooked = table('4', { seats: 4 });
    const window = { startsAt: '2030-01-01T16:00:00.000Z', endsAt: '2030-01-01T18:00:00.000Z' };
    const booked = reservation([fourBooked], '2030-01-01T17:00:00.000Z');
    expect(suggestTables([six, two, fourBooked, four], [booked], 3, window).map((tb) => tb.label)).toEqual(['2', '3']);
    expect(suggestTables([six, two, four], [], 8, window)).toEqual([]);
  });

  it('tells a table booked in the window (by whom) from one with guests sitting now, for a booking that starts before they leave', () => {
    const now = Date.parse('2030-01-01T15:00:00.000Z');
    const session = aTableSession({ id: 's1', tableId: 't', waiterId: 'w', waiterName: 'Анна', guests: 2, status: 'open', openedAt: '2030-01-01T14:30:00.000Z', closedAt: null });
    const [free, booked, seated] = [table('1'), table('2'), table('3', { status: 'occupied', session })];
    const other = reservation([booked], '2030-01-01T16:00:00.000Z', { guestName: 'Петров' });
    const soon = { startsAt: '2030-01-01T15:30:00.000Z', endsAt: '2030-01-01T17:30:00.000Z' };
    expect(tableAvailability(free, [other], soon, now)).toEqual({ state: 'free' });
    expect(tableAvailability(booked, [other], soon, now)).toEqual({ state: 'booked', by: other });
    expect(tableAvailability(seated, [other], soon, now)).toEqual({ state: 'occupied' });
    // Later than the seated party's likely stay: the table is free for it.
    const later = new Date(now + SEATED_STAY_MINUTES * 60_000).toISOString();
    expect(tableAvailability(seated, [other], { startsAt: later, endsAt: '2030-01-01T19:00:00.000Z' }, now)).toEqual({ state: 'free' });
    // Editing the booking itself: its own tables are not taken by it.
    expect(tableAvailability(booked, [other], soon, now, other.id)).toEqual({ state: 'free' });
    // Suggestions skip both.
    expect(suggestTables([seated, booked, free], [other], 2, soon, undefined, 3, now).map((tb) => tb.label)).toEqual(['1']);
  });
});
