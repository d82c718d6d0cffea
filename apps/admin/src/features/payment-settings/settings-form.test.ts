import { ApiError } from '@pos/plugin-sdk';
import { BOUNDS, changesOf, problemsOf, readDraft, toDraft } from './settings-form';

const stored = { tipTolerancePercent: 15, holdExpiryDays: 7, dayClosePolicy: 'release' as const };
const refusal = (errors: { path: string; message: string }[]) => new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors });

describe('payment settings form', () => {
  it('takes its bounds from the contract', () => {
    expect(BOUNDS).toEqual({ tipTolerancePercent: { min: 0, max: 100 }, holdExpiryDays: { min: 0, max: 30 } });
  });

  it('reads whole numbers within the bounds, and says what is wrong otherwise', () => {
    expect(readDraft(toDraft(stored))).toEqual({ settings: stored, errors: {} });
    expect(readDraft({ ...toDraft(stored), tipTolerancePercent: '', holdExpiryDays: '31' })).toEqual({ settings: null, errors: { tipTolerancePercent: 'notWhole', holdExpiryDays: 'outOfRange' } });
    expect(readDraft({ ...toDraft(stored), tipTolerancePercent: '101' }).errors).toEqual({ tipTolerancePercent: 'outOfRange' });
    expect(readDraft({ ...toDraft(stored), holdExpiryDays: '1.5' }).errors).toEqual({ holdExpiryDays: 'notWhole' });
    expect(readDraft({ ...toDraft(stored), tipTolerancePercent: '0', holdExpiryDays: '0' }).settings).toMatchObject({ tipTolerancePercent: 0, holdExpiryDays: 0 });
  });

  it('sends only what changed', () => {
    expect(changesOf(stored, stored)).toEqual({});
    expect(changesOf(stored, { ...stored, holdExpiryDays: 3, dayClosePolicy: 'capture' })).toEqual({ holdExpiryDays: 3, dayClosePolicy: 'capture' });
  });

  it('puts problem+json field errors at their fields, whatever the path spelling; the rest goes to the form', () => {
    expect(problemsOf(refusal([{ path: 'body.holdExpiryDays', message: 'Too long' }]))).toEqual({ fields: { holdExpiryDays: 'Too long' }, form: null });
    expect(problemsOf(refusal([{ path: '/tipTolerancePercent', message: 'Too much' }, { path: 'tipTolerancePercent', message: 'Really' }]))).toEqual({
      fields: { tipTolerancePercent: 'Too much; Really' },
      form: null,
    });
    expect(problemsOf(refusal([{ path: 'body', message: 'Nothing to change' }, { path: 'body.dayClosePolicy', message: 'Unknown policy' }]))).toEqual({
      fields: { dayClosePolicy: 'Unknown policy' },
      form: 'Nothing to change',
    });
    expect(problemsOf(new ApiError(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' }))).toEqual({ fields: {}, form: 'Forbidden' });
    expect(problemsOf(new Error('offline'))).toEqual({ fields: {}, form: 'offline' });
  });
});
