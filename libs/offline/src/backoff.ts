export interface BackoffOptions {
  /** First retry after about this long (ms). */
  baseMs: number;
  /** Never wait longer than this (ms): a tablet back on Wi-Fi should not sit idle for minutes. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 30_000 };

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * base·2ⁿ⁻¹ (capped). The random half keeps a room full of tablets that lost the same Wi-Fi
 * from hammering the server in lockstep when it returns; the fixed half keeps retries spaced.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
