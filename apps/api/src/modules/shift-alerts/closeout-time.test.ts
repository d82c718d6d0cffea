import { closeoutReminderDue, lastCloseoutAt, minutesUntil, nextCloseoutAt, zonedWallTimeToUtc } from '@pos/contracts';

/** The closeout instant is wall-clock time in the venue's zone, exact on the days the clocks change. */
describe('next closeout instant', () => {
  const berlin = 'Europe/Berlin';

  it('is the same wall time on an ordinary day (Berlin winter +01:00, summer +02:00; Moscow +03:00 all year)', () => {
    expect(nextCloseoutAt('2026-01-15T10:00:00Z', '03:00', berlin)).toBe('2026-01-16T02:00:00.000Z');
    expect(nextCloseoutAt('2026-07-15T10:00:00Z', '03:00', berlin)).toBe('2026-07-16T01:00:00.000Z');
    expect(nextCloseoutAt('2026-03-29T10:00:00Z', '03:00', 'Europe/Moscow')).toBe('2026-03-30T00:00:00.000Z');
    expect(nextCloseoutAt('2026-10-24T23:59:00Z', '03:00', 'Europe/Moscow')).toBe('2026-10-25T00:00:00.000Z');
    // Later the same evening: today's, not tomorrow's.
    expect(nextCloseoutAt('2026-01-15T10:00:00Z', '23:30', 'Europe/Moscow')).toBe('2026-01-15T20:30:00.000Z');
  });

  it('spring forward (Berlin, 2026-03-29, 02:00 CET → 03:00 CEST)', () => {
    // 03:00 exists (the first instant of summer time).
    expect(nextCloseoutAt('2026-03-28T20:00:00Z', '03:00', berlin)).toBe('2026-03-29T01:00:00.000Z');
    // 04:00 that day is summer time already.
    expect(nextCloseoutAt('2026-03-28T20:00:00Z', '04:00', berlin)).toBe('2026-03-29T02:00:00.000Z');
    // 01:30 is still winter time.
    expect(nextCloseoutAt('2026-03-28T20:00:00Z', '01:30', berlin)).toBe('2026-03-29T00:30:00.000Z');
    // 02:30 never happens: the first valid instant after it is the jump (03:00 CEST).
    expect(zonedWallTimeToUtc('2026-03-29', '02:30', berlin)).toBe('2026-03-29T01:00:00.000Z');
    expect(nextCloseoutAt('2026-03-28T20:00:00Z', '02:30', berlin)).toBe('2026-03-29T01:00:00.000Z');
    // The next day it is an ordinary summer 02:30.
    expect(nextCloseoutAt('2026-03-29T01:00:00Z', '02:30', berlin)).toBe('2026-03-30T00:30:00.000Z');
  });

  it('fall back (Berlin, 2026-10-25, 03:00 CEST → 02:00 CET): a repeated time is its first occurrence', () => {
    expect(zonedWallTimeToUtc('2026-10-25', '02:30', berlin)).toBe('2026-10-25T00:30:00.000Z');
    expect(nextCloseoutAt('2026-10-24T20:00:00Z', '02:30', berlin)).toBe('2026-10-25T00:30:00.000Z');
    // After the first 02:30 has passed, the second one is not another closeout: the next is tomorrow's.
    expect(nextCloseoutAt('2026-10-25T00:30:00Z', '02:30', berlin)).toBe('2026-10-26T01:30:00.000Z');
    expect(nextCloseoutAt('2026-10-24T20:00:00Z', '03:00', berlin)).toBe('2026-10-25T02:00:00.000Z');
    expect(nextCloseoutAt('2026-10-24T20:00:00Z', '01:59', berlin)).toBe('2026-10-24T23:59:00.000Z');
  });

  it('the last closeout is at or before now; a closeout exactly now is past for the next one', () => {
    expect(lastCloseoutAt('2026-03-29T01:00:00Z', '02:30', berlin)).toBe('2026-03-29T01:00:00.000Z');
    expect(lastCloseoutAt('2026-03-29T00:59:59Z', '02:30', berlin)).toBe('2026-03-28T01:30:00.000Z');
    expect(nextCloseoutAt('2026-03-29T01:00:00Z', '03:00', berlin)).toBe('2026-03-30T01:00:00.000Z');
  });

  it('reminders: nothing at 30:01 before, closeout_30 from 30:00, closeout_10 from 10:00, none at the instant', () => {
    const at = '2026-03-29T01:00:00.000Z';
    const before = (ms: number) => new Date(Date.parse(at) - ms);
    expect(closeoutReminderDue(before(30 * 60_000 + 1000), at)).toBeNull();
    expect(closeoutReminderDue(before(30 * 60_000), at)).toEqual({ kind: 'closeout_30', since: '2026-03-29T00:30:00.000Z' });
    expect(closeoutReminderDue(before(10 * 60_000 + 1000), at)?.kind).toBe('closeout_30');
    expect(closeoutReminderDue(before(10 * 60_000), at)).toEqual({ kind: 'closeout_10', since: '2026-03-29T00:50:00.000Z' });
    expect(closeoutReminderDue(before(0), at)).toBeNull();
    expect(minutesUntil(before(30 * 60_000), at)).toBe(30);
    expect(minutesUntil(before(9 * 60_000 + 1), at)).toBe(10);
  });
});
