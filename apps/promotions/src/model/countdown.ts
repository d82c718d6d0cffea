import type { ActivePromotion } from '@pos/contracts';

/**
 * The till's countdowns. The server answers seconds to each start and end by its own clock; the
 * tablet counts them down from the moment the answer arrived with its local clock (`Date.now()`
 * deltas only), so a tablet whose clock is off by minutes still shows the server's time left.
 */

/** Seconds left of `seconds` (as answered at local time `receivedAt`) at local time `now`; never below 0. */
export const secondsLeft = (seconds: number, receivedAt: number, now: number): number => Math.max(0, seconds - Math.floor(Math.max(0, now - receivedAt) / 1000));

const pad = (n: number) => String(n).padStart(2, '0');

/** "04:59", "12:34"; past an hour "1:02:03". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`;
}

/** A promotion of the active list as the widget shows it at one instant. */
export type LivePromotion =
  | { promotion: ActivePromotion; state: 'active'; secondsToEnd: number | null }
  | { promotion: ActivePromotion; state: 'upcoming'; secondsToStart: number };

/**
 * The list at local time `now`: active ones with the time to their end (null: all day), upcoming
 * ones with the time to their start. `isDue` says a
 * countdown has reached 0 since the answer: the list is stale and must be fetched again.
 */
export function livePromotions(promotions: readonly ActivePromotion[], receivedAt: number, now: number): { items: LivePromotion[]; isDue: boolean } {
  let isDue = false;
  const items: LivePromotion[] = [];
  for (const promotion of promotions) {
    if (promotion.activeNow) {
      const end = promotion.secondsToEnd === null ? null : secondsLeft(promotion.secondsToEnd, receivedAt, now);
      if (end === 0) isDue = true;
      items.push({ promotion, state: 'active', secondsToEnd: end });
    } else if (promotion.secondsToStart !== null) {
      const start = secondsLeft(promotion.secondsToStart, receivedAt, now);
      if (start === 0) isDue = true;
      items.push({ promotion, state: 'upcoming', secondsToStart: start });
    }
  }
  // Running ones first, the soonest to end first (all day last among them); then the nearest start.
  const rank = (item: LivePromotion) => (item.state === 'active' ? [0, item.secondsToEnd ?? Number.MAX_SAFE_INTEGER] : [1, item.secondsToStart]);
  items.sort((a, b) => {
    const [ra, sa] = rank(a);
    const [rb, sb] = rank(b);
    return ra - rb || sa - sb || b.promotion.rule.priority - a.promotion.rule.priority;
  });
  return { items, isDue };
}
