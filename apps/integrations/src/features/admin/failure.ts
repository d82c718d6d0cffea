import { problemCode, problemFields, problemText } from '@pos/i18n';
import { ApiError } from '@pos/plugin-sdk';

/** What a refused change means for a form: stale (reload), fields to mark, or a sentence. */
export type Failure = { kind: 'conflict' } | { kind: 'fields'; fields: Record<string, string> } | { kind: 'other'; text: string };

type T = (key: string, options?: Record<string, unknown>) => string;

export function readFailure(t: T, error: unknown): Failure {
  const code = problemCode(error);
  // Every stale version is `<what>.version_conflict`; a 409 without a problem body means the same.
  if (code?.endsWith('.version_conflict') || (error instanceof ApiError && error.status === 409 && code === 'http')) return { kind: 'conflict' };
  const fields = problemFields(error);
  if (Object.keys(fields).length > 0) return { kind: 'fields', fields };
  return { kind: 'other', text: t('admin.failed', { message: problemText(t, error) }) };
}
