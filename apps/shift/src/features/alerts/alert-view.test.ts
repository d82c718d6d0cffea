import type { ShiftAlerts } from '@pos/contracts';
import { alertLines } from './alert-view';

const SHIFT = '0190a000-0000-7000-8000-000000000801';
const CASHIER = '0190a000-0000-7000-8000-000000000802';
const data = (over: Partial<ShiftAlerts> = {}): ShiftAlerts => ({
  serverTime: '2026-12-07T20:30:00.000Z',
  closeoutAt: '2026-12-07T21:00:00.000Z',
  alerts: [
    { kind: 'closeout_30', shiftId: SHIFT, cashierId: CASHIER, cashierName: 'Вера (касса)', tillName: 'Касса 1', openedAt: '2026-12-07T08:00:00.000Z', since: '2026-12-07T20:30:00.000Z', minutesLeft: 30 },
    { kind: 'over_limit', shiftId: SHIFT, cashierId: CASHIER, cashierName: 'Вера (касса)', tillName: 'Касса 1', openedAt: '2026-12-07T08:00:00.000Z', since: '2026-12-07T20:00:00.000Z', minutesLeft: null },
  ],
  ...over,
});

describe('alertLines', () => {
  // The tablet's clock is 5 minutes behind the server's: the countdown follows the server.
  const received = Date.parse('2026-12-07T20:25:00.000Z');

  it('counts down from the server time, whatever the tablet clock says, nearest closeout first', () => {
    const lines = alertLines(data(), received, received);
    expect(lines.map((l) => [l.kind, l.minutes])).toEqual([
      ['closeout_30', 30],
      ['over_limit', 0],
    ]);
    expect(lines[1].hoursOpen).toBe(12);
    expect(alertLines(data(), received, received + 60_000)[0].minutes).toBe(29);
    expect(alertLines(data(), received, received + 19 * 60_000 + 1)[0]).toMatchObject({ kind: 'closeout_30', minutes: 11 });
  });

  it('turns urgent at 10 minutes before the next refetch does, and drops the reminder once the closeout has passed', () => {
    expect(alertLines(data(), received, received + 20 * 60_000)[0]).toMatchObject({ kind: 'closeout_10', minutes: 10 });
    expect(alertLines(data(), received, received + 30 * 60_000).map((l) => l.kind)).toEqual(['over_limit']);
    expect(alertLines(data({ alerts: [] }), received, received)).toEqual([]);
  });
});
