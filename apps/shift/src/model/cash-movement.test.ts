import { ApiError } from '@pos/plugin-sdk';
import { aMovement } from '../testing/fixtures';
import { cashShortOf, clockOf, emptyDraft, fieldErrorsOf, inputOf, newRequestId, totalsOf } from './cash-movement';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => new ApiError(status, { type: 'about:blank', title: code, status, code, ...extra });

describe('cash movement model', () => {
  it('sends the draft with its reason trimmed and the dialog’s request id', () => {
    expect(inputOf({ ...emptyDraft('paid_out'), amount: 50_000, reason: '  Поставщик  ' }, 'req-1')).toEqual({ kind: 'paid_out', amount: 50_000, reason: 'Поставщик', clientRequestId: 'req-1' });
  });

  it('makes a new request id each time', () => {
    expect(newRequestId()).not.toBe(newRequestId());
  });

  it('maps problem paths to the dialog’s fields, a deeper path lands on its top field', () => {
    const error = problem(400, 'validation', {
      errors: [
        { path: 'body.amount', message: 'Too small' },
        { path: 'body.reason', message: 'Required' },
        { path: 'body.reason.0', message: 'Deeper' },
      ],
    });
    expect(Object.fromEntries(fieldErrorsOf(error))).toEqual({ amount: 'Too small', reason: 'Required' });
    expect(fieldErrorsOf(new Error('x')).size).toBe(0);
  });

  it('reads the available cash of a shift.cash_short refusal only', () => {
    expect(cashShortOf(problem(409, 'shift.cash_short', { available: 25_000 }))).toBe(25_000);
    expect(cashShortOf(problem(409, 'shift.cash_short'))).toBe(0);
    expect(cashShortOf(problem(409, 'shift.closed'))).toBeNull();
    expect(cashShortOf(new Error('x'))).toBeNull();
  });

  it('adds up the movements by kind', () => {
    expect(totalsOf([aMovement({ kind: 'paid_in', amount: 100_000 }), aMovement({ amount: 30_000 }), aMovement({ amount: 20_000 })])).toEqual({ paidIn: 100_000, paidOut: 50_000 });
    expect(totalsOf([])).toEqual({ paidIn: 0, paidOut: 0 });
  });

  it('shows the time in the venue’s time zone', () => {
    expect(clockOf('2026-12-07T11:05:00.000Z', 'Europe/Moscow', 'ru')).toBe('14:05');
    expect(clockOf('2026-12-07T23:30:00.000Z', 'Europe/Moscow', 'en')).toBe('02:30');
  });
});
