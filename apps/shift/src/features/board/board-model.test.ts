import { ApiError } from '@pos/plugin-sdk';
import { differenceTone, fieldErrorsOf, missingOf, openedAtText, openFor, refusalOf, wasAnswered } from './board-model';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) => new ApiError(status, { type: 'about:blank', title: 'x', status, code, ...extra });

describe('the blind close draft', () => {
  it('needs both amounts (zero counts) and a reason of at least 3 characters', () => {
    expect([...missingOf({ cash: null, card: null, reason: '  a ' })]).toEqual(['cash', 'card', 'reason']);
    expect([...missingOf({ cash: 0, card: 0, reason: ' Ушёл ' })]).toEqual([]);
    expect([...missingOf({ cash: 100, card: null, reason: 'abc' })]).toEqual(['card']);
  });

  it("maps the server's field paths to the dialog's fields", () => {
    const error = problem(400, 'validation', { errors: [{ path: 'body.reason', message: 'Required' }, { path: 'body.counted.card', message: 'Too big' }, { path: 'body.other', message: '?' }] });
    expect([...fieldErrorsOf(error)]).toEqual([
      ['reason', 'Required'],
      ['card', 'Too big'],
    ]);
  });

  it('tells the refusals apart, and a lost answer from a refusal', () => {
    expect(refusalOf(problem(409, 'shift.open_checks', { orderIds: ['a', 'b'] }))).toEqual({ kind: 'open_checks', count: 2 });
    expect(refusalOf(problem(409, 'shift.open_checks'))).toEqual({ kind: 'open_checks', count: 0 });
    expect(refusalOf(problem(409, 'shift.closed'))).toEqual({ kind: 'closed' });
    expect(refusalOf(problem(0, 'network'))).toEqual({ kind: 'offline' });
    expect(refusalOf(problem(403, 'auth.forbidden'))).toEqual({ kind: 'other' });
    expect(wasAnswered(problem(0, 'network'))).toBe(false);
    expect(wasAnswered(problem(409, 'shift.closed'))).toBe(true);
  });
});

describe('when a shift opened', () => {
  const now = Date.parse('2026-12-07T12:00:00Z'); // 15:00 in Moscow

  it("is the clock alone on the venue's today, in the venue's time zone", () => {
    expect(openedAtText('2026-12-07T06:15:00Z', now, 'Europe/Moscow', 'ru')).toBe('09:15');
    // 23:30 UTC on the 6th is already the 7th in Moscow.
    expect(openedAtText('2026-12-06T23:30:00Z', now, 'Europe/Moscow', 'ru')).toBe('02:30');
  });

  it('carries the day when the shift was left open overnight', () => {
    expect(openedAtText('2026-12-06T19:10:00Z', now, 'Europe/Moscow', 'ru')).toBe('6 дек., 22:10');
    expect(openedAtText('2026-12-06T19:10:00Z', now, 'Europe/Moscow', 'en')).toBe('6 Dec, 22:10');
  });

  it('has run whole hours and minutes, never less than none', () => {
    expect(openFor('2026-12-07T06:15:00Z', now)).toEqual({ hours: 5, minutes: 45 });
    expect(openFor('2026-12-07T12:05:00Z', now)).toEqual({ hours: 0, minutes: 0 });
  });

  it('tones a difference', () => {
    expect([differenceTone(0), differenceTone(-1), differenceTone(1)]).toEqual(['balanced', 'short', 'over']);
  });
});
