import { ApiError } from '@pos/api-client';
import type { TFunction } from 'i18next';
import { problemFields, problemText } from '@pos/i18n';

/** A refused shift command in the cashier's words; the server's own message for anything unforeseen. */
export function shiftFailureMessage(t: TFunction<'shift'>, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.offline');
    if (error.code === 'shift.already_open') return t('errors.alreadyOpen');
    if (error.code === 'shift.closed') return t('errors.alreadyClosed');
    if (error.code === 'auth.forbidden') return t('errors.forbidden');
    if (error.code === 'till.busy') {
      const cashier = error.problem.cashierName;
      return typeof cashier === 'string' && cashier ? t('errors.tillBusyBy', { cashier }) : t('errors.tillBusy');
    }
    if (error.status === 400 && 'tillId' in problemFields(error)) return t('errors.tillGone');
  }
  return problemText(t, error);
}
