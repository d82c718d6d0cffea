import type { AppliedPromotion, ExclusiveChoice, PromotionHint, PromotionRule } from './promotions';

/**
 * The one pricing engine for promotions (issue 19): pure functions, run by the server on every
 * order change (the authority) and by the tablets on their cached rules (the same answer offline).
 * Nothing here reads a clock, a database or the network: everything comes in the arguments.
 */

/** An order line as the engine sees it. */
export interface EngineLine {
  id: string;
  productId: string;
  /** The product's menu category (null: none, or the product is gone from the menu). */
  categoryId: string | null;
  /** One portion with its modifiers (`unitTotal`), integer minor units. */
  unitPrice: number;
  /** Portions still standing (quantity − voided); lines with 0 are ignored. */
  quantity: number;
  /**
   * When the line was first fired to the kitchen (ISO), null while never fired. The boundary
   * rule: a windowed rule prices a fired line by its firing moment (a line fired inside the
   * happy hour keeps the happy-hour price), an unfired one by `now`.
   */
  firedAt: string | null;
  /** Combo lines and their dishes, charge lines (gift cards): never discounted, never counted. */
  excluded: boolean;
}

export interface EngineContext {
  /** The evaluation instant (ISO). */
  now: string;
  /** The venue's IANA time zone: windows and validity dates are venue-local. */
  timeZone: string;
  exclusiveChoice: ExclusiveChoice;
  /** The order's loyalty guest, for per-guest limits. */
  customerId: string | null;
  /** Manual rules staff applied to this order. */
  manualRuleIds: readonly string[];
  /** The venue's feature flags (a rule with `featureFlag` applies only while it is on). */
  flags: Readonly<Record<string, boolean>>;
  /**
   * Uses of each limited rule by other orders: `total` for the venue, `guest` for this order's
   * guest. A rule whose limit is reached does not apply (hint `limit_reached`).
   */
  usage: Readonly<Record<string, { total: number; guest: number }>>;
}

export interface EngineResult {
  /** In the order they were applied (exclusive winner, or stackables by priority desc then id). */
  applied: AppliedPromotion[];
  /** Sum of `applied[].saving`; never more than the order's non-excluded list total. */
  discount: number;
  /** For each rule near the order that did not apply: why, and what is missing. */
  hints: PromotionHint[];
}

/** Evaluates every rule against the order. Deterministic: the same input gives the same output whatever the order of `rules` and `lines`. */
export function evaluatePromotions(rules: readonly PromotionRule[], lines: readonly EngineLine[], context: EngineContext): EngineResult {
  void rules;
  void lines;
  void context;
  throw new Error('not implemented');
}

/**
 * Whether a rule's schedule (validity dates and windows, not flags or limits) covers `at`, and
 * the bounds around it: the end of the current window when active, else the next start (searched
 * up to 8 days ahead). DST-safe: windows are venue wall-clock times.
 */
export function scheduleAt(rule: Pick<PromotionRule, 'schedule'>, at: string, timeZone: string): { active: boolean; endsAt: string | null; startsAt: string | null } {
  void rule;
  void at;
  void timeZone;
  throw new Error('not implemented');
}
