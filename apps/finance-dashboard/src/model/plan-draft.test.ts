import { ApiError } from '@pos/plugin-sdk';
import { somePlans } from '../testing/fixtures';
import { copyToAll, dayTotal, draftOf, fieldErrorsOf, hourField, inputOf, setHour, weekdaysWithErrors } from './plan-draft';

const refusal = (errors: { path: string; message: string }[]) =>
  new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors });

describe('plan draft', () => {
  it('sends every weekday with the threshold', () => {
    const draft = setHour(draftOf(somePlans({ thresholdPercent: 7 })), 3, 12, 1_500_000);
    const input = inputOf(draft);
    expect(input.thresholdPercent).toBe(7);
    expect(input.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(input.days[2].hours[12]).toBe(1_500_000);
    expect(input.days[0].hours[12]).toBe(0);
  });

  it('copies one weekday to all, and sums a day', () => {
    const draft = copyToAll(setHour(setHour(draftOf(somePlans()), 5, 18, 2_000_000), 5, 19, 3_000_000), 5);
    expect(draft.days.every((d) => d.hours[18] === 2_000_000 && d.hours[19] === 3_000_000)).toBe(true);
    expect(dayTotal(draft.days[0].hours)).toBe(5_000_000);
    expect(dayTotal([null, 100, null])).toBe(100);
  });

  it('places problem paths at the hour field of the weekday sent at that index', () => {
    const sent = { thresholdPercent: 80, days: [{ weekday: 6, hours: new Array<number>(24).fill(0) }] };
    const errors = fieldErrorsOf(
      refusal([
        { path: 'body.days.0.hours.9', message: 'Too big' },
        { path: 'body.thresholdPercent', message: 'At most 50' },
        { path: 'body.days.0.hours.10', message: 'Too big too' },
      ]),
      sent,
    );
    expect(errors).toEqual(new Map([
        [hourField(6, 9), 'Too big'],
        ['thresholdPercent', 'At most 50'],
        [hourField(6, 10), 'Too big too'],
      ]));
    expect(weekdaysWithErrors(errors)).toEqual(new Set([6]));
  });

  it('puts a weekday-level problem on its first hour, and has no fields for other errors', () => {
    const sent = inputOf(draftOf(somePlans()));
    expect(fieldErrorsOf(refusal([{ path: 'body.days.2', message: 'Bad day' }]), sent)).toEqual(new Map([[hourField(3, 0), 'Bad day']]));
    expect(fieldErrorsOf(new Error('offline'), sent).size).toBe(0);
  });
});
