import type { EngineContext, EngineLine } from '../promotion-engine';
import type { AppliedPromotion, PromotionHintReason, PromotionRule } from '../promotions';
import bogoCheapest from './bogo-cheapest.json';
import bogoMostExpensive from './bogo-most-expensive.json';
import boundary from './boundary.json';
import burgerDrinkHalf from './burger-drink-half.json';
import comboPrice from './combo-price.json';
import exclusiveBestForGuest from './exclusive-best-for-guest.json';
import exclusivePriority from './exclusive-priority.json';
import fixedCheck from './fixed-check.json';
import fixedItems from './fixed-items.json';
import hints from './hints.json';
import lateBar from './late-bar.json';
import limits from './limits.json';
import manualApplied from './manual-applied.json';
import notStarted from './not-started.json';
import percentCheck from './percent-check.json';
import stacking from './stacking.json';

/**
 * Golden cases of the promotion engine, self-contained (fixed ids, a fixed `now`, Europe/Moscow):
 * the contracts' tests run them, and so do the API's and the tablet's, so that all three price an
 * order alike. `expected` was worked out by hand (`note` shows the arithmetic), not copied from
 * the engine's output.
 */
export interface PromotionGoldenCase {
  name: string;
  /** How `expected` was worked out. */
  note: string;
  rules: PromotionRule[];
  lines: EngineLine[];
  context: EngineContext;
  expected: { applied: AppliedPromotion[]; discount: number; hintReasons: PromotionHintReason[] };
}

// JSON imports are typed loosely (string for the enums): the golden test checks them against the schemas.
export const PROMOTION_GOLDEN_CASES = [
  percentCheck,
  fixedItems,
  fixedCheck,
  bogoCheapest,
  bogoMostExpensive,
  burgerDrinkHalf,
  comboPrice,
  stacking,
  exclusiveBestForGuest,
  exclusivePriority,
  boundary,
  lateBar,
  notStarted,
  hints,
  manualApplied,
  limits,
] as unknown as readonly PromotionGoldenCase[];
