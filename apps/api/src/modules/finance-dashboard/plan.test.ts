import { zonedToUtc } from '@pos/contracts';
import { dashboardPlan, MINUTES_PER_DAY, minuteOfDay, plannedIn, planStanding, weekdayOf } from './plan';

/** A day with a lunch peak: 1 000 an hour from 10 to 12, 6 000 at 12 and 13, nothing else. */
const lunch = Array.from({ length: 24 }, (_, h) => (h === 12 || h === 13 ? 6000 : h >= 10 && h < 12 ? 1000 : 0));
const DAY = { from: 0, to: MINUTES_PER_DAY };

describe('plan arithmetic', () => {
  describe('plannedIn: the plan spread along the hourly curve', () => {
    it('sums whole hours and counts a part of an hour by its share of minutes', () => {
      expect(plannedIn(lunch, DAY)).toBe(14000);
      // 13:30: 10 and 11 whole, 12 whole, half of 13.
      expect(plannedIn(lunch, { from: 0, to: 13 * 60 + 30 })).toBe(1000 + 1000 + 6000 + 3000);
      // Not a straight line over the day: 13:30 is 56 % of the day's minutes but 79 % of its plan.
      expect(plannedIn(lunch, { from: 0, to: 13 * 60 + 30 })).not.toBe(Math.round((14000 * (13 * 60 + 30)) / MINUTES_PER_DAY));
    });

    it("counts a shift's first hour from its opening minute", () => {
      // Opened 11:45, now 12:20: a quarter of hour 11 and a third of hour 12.
      expect(plannedIn(lunch, { from: 11 * 60 + 45, to: 12 * 60 + 20 })).toBe(250 + 2000);
      expect(plannedIn(lunch, { from: 600, to: 600 })).toBe(0);
    });

    it('rounds to the minor unit', () => {
      const odd = Array.from({ length: 24 }, () => 100);
      expect(plannedIn(odd, { from: 0, to: 1 })).toBe(2); // 100 / 60 = 1.67
    });
  });

  describe('planStanding', () => {
    it('is on plan within ± the threshold, ahead above it, behind below it', () => {
      expect(planStanding(10_500, 10_000, 5)).toEqual({ deviation: 500, deviationPercent: 5, status: 'on_plan' });
      // Regression: a shift opened a minute before a big first check (1 kopeck planned) answered 500 (the percent was past the schema's bound).
      expect(planStanding(50_000_000, 1, 5)).toEqual({ deviation: 49_999_999, deviationPercent: 1_000_000, status: 'ahead' });
      expect(planStanding(-50_000_000, 1, 5)).toEqual({ deviation: -50_000_001, deviationPercent: -1_000_000, status: 'behind' });
      expect(planStanding(9_500, 10_000, 5)).toEqual({ deviation: -500, deviationPercent: -5, status: 'on_plan' });
      expect(planStanding(10_510, 10_000, 5)).toEqual({ deviation: 510, deviationPercent: 5.1, status: 'ahead' });
      expect(planStanding(9_490, 10_000, 5)).toEqual({ deviation: -510, deviationPercent: -5.1, status: 'behind' });
      expect(planStanding(10_000, 10_000, 0)).toEqual({ deviation: 0, deviationPercent: 0, status: 'on_plan' });
    });

    it('rounds the percent to one decimal, halves away from zero', () => {
      expect(planStanding(10_225, 10_000, 50).deviationPercent).toBe(2.3);
      expect(planStanding(9_775, 10_000, 50).deviationPercent).toBe(-2.3);
      expect(planStanding(1, 3, 50).deviationPercent).toBe(-66.7);
    });

    it('has no percent while nothing was planned yet', () => {
      expect(planStanding(0, 0, 5)).toEqual({ deviation: 0, deviationPercent: null, status: 'on_plan' });
      expect(planStanding(1200, 0, 5)).toEqual({ deviation: 1200, deviationPercent: null, status: 'ahead' });
      expect(planStanding(-300, 0, 5)).toEqual({ deviation: -300, deviationPercent: null, status: 'behind' });
    });
  });

  describe('dashboardPlan', () => {
    it('measures the day up to now against the curve', () => {
      const plan = dashboardPlan({ hours: lunch, thresholdPercent: 5, window: DAY, now: 13 * 60 + 30, net: 12_000 });
      expect(plan).toEqual({ target: 14000, targetToNow: 11000, deviation: 1000, deviationPercent: 9.1, status: 'ahead', thresholdPercent: 5, hours: lunch });
    });

    it("ends a shift's target at its window and its plan to now at now", () => {
      const shift = { from: 11 * 60 + 45, to: MINUTES_PER_DAY };
      expect(dashboardPlan({ hours: lunch, thresholdPercent: 5, window: shift, now: 12 * 60 + 20, net: 2250 })).toMatchObject({ target: 12250, targetToNow: 2250, deviation: 0, status: 'on_plan' });
      // Closed at 13:00 (now is the close): the target and the plan to now are the same.
      const closed = { from: 11 * 60 + 45, to: 13 * 60 };
      expect(dashboardPlan({ hours: lunch, thresholdPercent: 5, window: closed, now: 13 * 60, net: 5000 })).toMatchObject({ target: 6250, targetToNow: 6250, deviationPercent: -20, status: 'behind' });
      // Asked before the window opened: nothing is due yet.
      expect(dashboardPlan({ hours: lunch, thresholdPercent: 5, window: shift, now: 11 * 60, net: 0 })).toMatchObject({ targetToNow: 0, deviationPercent: null, status: 'on_plan' });
    });
  });

  describe("the venue's wall clock", () => {
    it('reads the minute of the business day in Europe/Moscow (+03:00, no DST)', () => {
      const zone = 'Europe/Moscow';
      expect(minuteOfDay('2026-07-15T10:30:00Z', '2026-07-15', zone)).toBe(13 * 60 + 30);
      expect(minuteOfDay('2026-01-15T10:30:00Z', '2026-01-15', zone)).toBe(13 * 60 + 30);
      expect(minuteOfDay(zonedToUtc('2026-07-15', '13:30', zone), '2026-07-15', zone)).toBe(810);
    });

    it('reads the minute of the business day in Asia/Kolkata (+05:30): the plan hour is the wall-clock hour', () => {
      const zone = 'Asia/Kolkata';
      // 08:00 UTC is 13:30 in Kolkata: hour 13, half gone.
      expect(minuteOfDay('2026-07-15T08:00:00Z', '2026-07-15', zone)).toBe(13 * 60 + 30);
      const plan = dashboardPlan({ hours: lunch, thresholdPercent: 5, window: DAY, now: minuteOfDay('2026-07-15T08:00:00Z', '2026-07-15', zone), net: 11_000 });
      expect(plan).toMatchObject({ targetToNow: 11000, deviation: 0, status: 'on_plan' });
      // The same instant read in UTC would be hour 8: nothing planned yet.
      expect(plannedIn(lunch, { from: 0, to: minuteOfDay('2026-07-15T08:00:00Z', '2026-07-15', 'UTC') })).toBe(0);
    });

    it('is 0 before the business day and 1440 after it', () => {
      const zone = 'Asia/Kolkata';
      // 18:29 UTC on the 14th is 23:59 on the 14th in Kolkata; 18:30 is midnight of the 15th.
      expect(minuteOfDay('2026-07-14T18:29:00Z', '2026-07-15', zone)).toBe(0);
      expect(minuteOfDay('2026-07-14T18:30:00Z', '2026-07-15', zone)).toBe(0);
      expect(minuteOfDay('2026-07-15T18:29:00Z', '2026-07-15', zone)).toBe(MINUTES_PER_DAY - 1);
      expect(minuteOfDay('2026-07-15T18:30:00Z', '2026-07-15', zone)).toBe(MINUTES_PER_DAY);
    });

    it('names the ISO weekday of a business date', () => {
      expect(weekdayOf('2026-12-07')).toBe(1);
      expect(weekdayOf('2026-12-11')).toBe(5);
      expect(weekdayOf('2026-12-13')).toBe(7);
    });
  });
});
