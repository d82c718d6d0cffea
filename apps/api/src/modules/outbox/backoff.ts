/**
 * When the outbox tries a message again. Attempt n (1-based) failed → wait RETRY_DELAYS_MS[n-1]
 * (± 10 % so endpoints that fail together are not hit together again), and after the last one the
 * message is dead. The delays add up to about 32 hours, so a receiver that is down for a whole day
 * still gets every event (Toast gives up after 15 minutes; the issue asks for 24 h at least).
 */
export const RETRY_DELAYS_MS = [
  30_000, // 30 s
  60_000, // 1 min
  5 * 60_000, // 5 min
  10 * 60_000, // 10 min
  30 * 60_000, // 30 min
  60 * 60_000, // 1 h
  2 * 3_600_000, // 2 h
  4 * 3_600_000, // 4 h
  8 * 3_600_000, // 8 h
  8 * 3_600_000, // 8 h
  8 * 3_600_000, // 8 h
] as const;

/** Attempts in all: the first and one after each delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The wait after failed attempt `attempt` (1-based), or null when it was the last. `random` in [0, 1)
 * (tests pass a fixed one) spreads it by ± 10 %.
 */
export function retryDelayMs(attempt: number, random: number = Math.random()): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[Math.max(0, attempt - 1)];
  return Math.round(base * (0.9 + 0.2 * random));
}
