import type { ShiftAlert, ShiftAlerts } from '@pos/contracts';

/** One line the banner shows, with the minutes counted down from the tablet's clock. */
export interface AlertLine {
  key: string;
  kind: ShiftAlert['kind'];
  shiftId: string;
  cashierName: string;
  tillName: string | null;
  /** Minutes to the closeout (closeout reminders), or hours open so far (over the limit). */
  minutes: number;
  hoursOpen: number;
}

const MINUTE = 60_000;

/**
 * What the screen shows at `now` (the tablet's clock) from the server's answer: the tablet's clock
 * may be off, so the time left is the server's `closeoutAt` minus the server time now (the answer's
 * `serverTime` plus what has passed since it arrived). A reminder whose closeout has passed goes.
 */
export function alertLines(data: ShiftAlerts, receivedAt: number, now: number): AlertLine[] {
  const serverNow = Date.parse(data.serverTime) + (now - receivedAt);
  const left = data.closeoutAt ? Math.ceil((Date.parse(data.closeoutAt) - serverNow) / MINUTE) : null;
  const lines: AlertLine[] = [];
  for (const a of data.alerts) {
    const hoursOpen = Math.floor((serverNow - Date.parse(a.openedAt)) / (60 * MINUTE));
    if (a.kind === 'over_limit') {
      lines.push({ key: `${a.shiftId}:${a.kind}`, kind: a.kind, shiftId: a.shiftId, cashierName: a.cashierName, tillName: a.tillName, minutes: 0, hoursOpen });
      continue;
    }
    if (left === null || left <= 0) continue;
    // Counting down may cross the 10-minute mark before the next refetch.
    const kind = left <= 10 ? 'closeout_10' : a.kind;
    lines.push({ key: `${a.shiftId}:closeout`, kind, shiftId: a.shiftId, cashierName: a.cashierName, tillName: a.tillName, minutes: left, hoursOpen });
  }
  // The nearest closeout first, then the shifts over their limit.
  return lines.sort((x, y) => rank(x) - rank(y));
}

const rank = (l: AlertLine) => (l.kind === 'over_limit' ? 2 : l.kind === 'closeout_10' ? 0 : 1);
