import { z } from 'zod';
import { FeatureSchema } from './admin';
import { BusinessDateSchema, ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema, PriceSchema, VersionSchema } from './common';
import { AppliedPromotionSchema } from './promotion-applied';
import { LocalTimeSchema, WeekdaySchema } from './upsell';

export { AppliedPromotionSchema, PROMOTION_KINDS, PromotionKindSchema } from './promotion-applied';
export type { AppliedPromotion, PromotionKind } from './promotion-applied';

/**
 * Promotions (issue 19): rules a venue writes in Admin, one pure pricing engine
 * (`promotion-engine.ts`) that the server runs on every order change and the tablets run on
 * their cached copy, and what the till shows (active promotions with countdowns, savings on the
 * bill, "why not applied" hints). All money is integer minor units.
 */


/** Largest number of products and categories one set may name. */
export const MAX_SET_PRODUCTS = 500;
export const MAX_SET_CATEGORIES = 100;
export const MAX_PROMOTIONS_PER_VENUE = 2_000;

/**
 * A set of menu items: the products named, plus every product of the categories named. A set
 * naming nothing is refused where a set is required (use a `check` target for the whole bill).
 */
export const ItemSetSchema = z.strictObject({
  productIds: z.array(IdSchema).max(MAX_SET_PRODUCTS),
  categoryIds: z.array(IdSchema).max(MAX_SET_CATEGORIES),
});
export type ItemSet = z.infer<typeof ItemSetSchema>;

/** What a % or fixed rule takes off: the whole check, or the items of a set (per portion for `fixed`). */
export const PromotionTargetSchema = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('check') }),
  z.strictObject({ scope: z.literal('items'), items: ItemSetSchema }),
]);
export type PromotionTarget = z.infer<typeof PromotionTargetSchema>;

/** Which portion a "buy X get Y" gives away (default: the cheapest, as every peer does). */
export const RewardPickSchema = z.enum(['cheapest', 'most_expensive']);

export const PromotionEffectSchema = z.discriminatedUnion('kind', [
  /** `percent` off the target (1–100). */
  z.strictObject({ kind: z.literal('percent'), percent: z.number().int().min(1).max(100), target: PromotionTargetSchema }),
  /** `amount` off each portion of the items (never below 0), or once off the check. */
  z.strictObject({ kind: z.literal('fixed'), amount: PriceSchema.min(1), target: PromotionTargetSchema }),
  /**
   * Buy `buyQuantity` of `buy`, get `getQuantity` of `get` at `getPercent` off (100: free). `get`
   * naming nothing means the same set as `buy` (N+1: every (X+Y)th portion). Repeats as often
   * as the order allows.
   */
  z.strictObject({
    kind: z.literal('buy_x_get_y'),
    buy: ItemSetSchema,
    buyQuantity: z.number().int().min(1).max(20),
    get: ItemSetSchema,
    getQuantity: z.number().int().min(1).max(20),
    getPercent: z.number().int().min(1).max(100),
    reward: RewardPickSchema,
  }),
  /** Each group of `items` (one set and a quantity each) is sold for `price`; only when that saves the guest money. */
  z.strictObject({
    kind: z.literal('combo_price'),
    items: z.array(z.strictObject({ items: ItemSetSchema, quantity: z.number().int().min(1).max(10) })).min(2).max(6),
    price: PriceSchema,
  }),
]);
export type PromotionEffect = z.infer<typeof PromotionEffectSchema>;

/**
 * A recurring window in the venue's time zone. `from` later than `to` runs past midnight and
 * belongs to the day it starts on (22:00–02:00 on Friday ends on Saturday at 02:00).
 */
export const PromotionWindowSchema = z
  .strictObject({
    days: z.array(WeekdaySchema).min(1).max(7),
    from: LocalTimeSchema,
    to: LocalTimeSchema,
  })
  .refine((w) => w.from !== w.to, { message: 'The window must not be empty', path: ['to'] })
  .refine((w) => new Set(w.days).size === w.days.length, { message: 'A weekday is named twice', path: ['days'] });
export type PromotionWindow = z.infer<typeof PromotionWindowSchema>;

/** When a rule may apply: optional validity dates (venue-local, inclusive) and recurring windows (none: all day). */
export const PromotionScheduleSchema = z.strictObject({
  validFrom: BusinessDateSchema.nullable(),
  validTo: BusinessDateSchema.nullable(),
  windows: z.array(PromotionWindowSchema).max(14),
});
export type PromotionSchedule = z.infer<typeof PromotionScheduleSchema>;

export const PromotionConditionsSchema = z.strictObject({
  /** The order's list-price subtotal (lines a promotion may touch) must reach this. */
  minSubtotal: MoneySchema.min(1).nullable(),
  /** Portions of the rule's items (the whole order for a check rule) the order must hold. */
  minQuantity: z.number().int().min(1).max(999).nullable(),
});
export type PromotionConditions = z.infer<typeof PromotionConditionsSchema>;

export const PromotionLimitsSchema = z.strictObject({
  /** Orders of one loyalty guest that may get the rule (the order must have a guest attached). */
  perGuest: z.number().int().min(1).max(100_000).nullable(),
  /** Orders in all that may get the rule; an open order holds its use until it is voided or the rule drops off it. */
  total: z.number().int().min(1).max(10_000_000).nullable(),
});
export type PromotionLimits = z.infer<typeof PromotionLimitsSchema>;

/**
 * `stackable` rules combine (in priority order, each on what the previous left); an `exclusive`
 * rule applies alone. Which of several matching options wins is the venue's `exclusiveChoice`.
 */
export const PromotionStackingSchema = z.enum(['stackable', 'exclusive']);

const PromotionFields = {
  name: z.string().trim().min(1).max(80),
  effect: PromotionEffectSchema,
  schedule: PromotionScheduleSchema,
  conditions: PromotionConditionsSchema,
  limits: PromotionLimitsSchema,
  /** Higher first; 0–1000. */
  priority: z.number().int().min(0).max(1000),
  stacking: PromotionStackingSchema,
  /** Applied only by staff with `promotions.apply` (`POST /pos/orders/{id}/promotion/apply`), never automatically. */
  manual: z.boolean(),
  /** Optional gate: the rule applies only while this feature flag is on for the venue (a pilot). */
  featureFlag: FeatureSchema.nullable(),
  /** Switched off rules are kept (history) but never apply. */
  enabled: z.boolean(),
};

export const PromotionRuleSchema = z.object({
  id: IdSchema,
  ...PromotionFields,
  version: VersionSchema,
  updatedAt: IsoDateTimeSchema,
});
export type PromotionRule = z.infer<typeof PromotionRuleSchema>;

export const PromotionInputSchema = z.strictObject({
  ...PromotionFields,
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type PromotionInput = z.infer<typeof PromotionInputSchema>;

/** A change quotes the version it saw (409 when someone else changed the rule since). */
export const UpdatePromotionInputSchema = PromotionInputSchema.extend({ version: VersionSchema });
export type UpdatePromotionInput = z.infer<typeof UpdatePromotionInputSchema>;

export const PromotionListSchema = z.object({ promotions: z.array(PromotionRuleSchema) });

/** The venue's choice between several matching exclusive options: the highest priority, or the biggest saving. */
export const ExclusiveChoiceSchema = z.enum(['priority', 'best_for_guest']);
export type ExclusiveChoice = z.infer<typeof ExclusiveChoiceSchema>;
export const PromotionSettingsSchema = z.object({ exclusiveChoice: ExclusiveChoiceSchema });
export type PromotionSettings = z.infer<typeof PromotionSettingsSchema>;
export const PutPromotionSettingsInputSchema = z.strictObject({ exclusiveChoice: ExclusiveChoiceSchema, clientRequestId: ClientRequestIdSchema.optional() });

// --- on the order ---


export const PROMOTION_HINT_REASONS = [
  /** The window opens later (`startsAt`, `secondsToStart`). */
  'not_started',
  /** `missingAmount` more on the bill. */
  'min_subtotal',
  /** `missingQuantity` more portions of `missingItems` (null: any item). */
  'min_quantity',
  /** `missingQuantity` more of `missingItems` to unlock a buy X get Y or a combo ("one more dessert"). */
  'more_items',
  /** The rule has a per-guest limit: attach a loyalty guest. */
  'needs_guest',
  /** The guest's or the venue's uses are spent. */
  'limit_reached',
  /** A manual rule that fits: staff may apply it. */
  'manual',
  /** It matches, but an exclusive option won (`outrankedBy`). */
  'outranked',
] as const;
export const PromotionHintReasonSchema = z.enum(PROMOTION_HINT_REASONS);
export type PromotionHintReason = z.infer<typeof PromotionHintReasonSchema>;

/** Why a rule near the order did not apply, and what is missing. */
export const PromotionHintSchema = z.object({
  ruleId: IdSchema,
  name: z.string(),
  reason: PromotionHintReasonSchema,
  missingAmount: MoneySchema.optional(),
  missingQuantity: z.number().int().min(1).optional(),
  missingItems: ItemSetSchema.nullable().optional(),
  /** Names of `missingItems` (the server fills them in from the menu; the engine leaves them out). */
  missingLabel: z.string().optional(),
  startsAt: IsoDateTimeSchema.optional(),
  secondsToStart: z.number().int().min(0).optional(),
  outrankedBy: IdSchema.optional(),
});
export type PromotionHint = z.infer<typeof PromotionHintSchema>;

/** `GET /pos/orders/{id}/promotions`: what applies to the order and why the rest does not. */
export const OrderPromotionsSchema = z.object({
  orderId: IdSchema,
  version: VersionSchema,
  applied: z.array(AppliedPromotionSchema),
  hints: z.array(PromotionHintSchema),
});
export type OrderPromotions = z.infer<typeof OrderPromotionsSchema>;

export const ApplyPromotionInputSchema = z.strictObject({
  ruleId: IdSchema,
  /** true takes a manually applied rule off the order again. */
  remove: z.boolean().optional(),
  version: VersionSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type ApplyPromotionInput = z.infer<typeof ApplyPromotionInputSchema>;

// --- the till ---

/**
 * A rule as the till sees it (`GET /pos/promotions/active`): the rule itself (the tablet's engine
 * runs on it offline), whether it applies now, and the seconds to its start or end by the
 * server's clock. Rules that do not apply now are listed when they start within 24 hours.
 */
export const ActivePromotionSchema = z.object({
  rule: PromotionRuleSchema,
  activeNow: z.boolean(),
  /** The current window's end (null: runs all day, past the next 24 hours). */
  endsAt: IsoDateTimeSchema.nullable(),
  secondsToEnd: z.number().int().min(0).nullable(),
  /** The next start when not active now. */
  startsAt: IsoDateTimeSchema.nullable(),
  secondsToStart: z.number().int().min(0).nullable(),
});
export type ActivePromotion = z.infer<typeof ActivePromotionSchema>;

export const ActivePromotionsSchema = z.object({
  serverTime: IsoDateTimeSchema,
  timeZone: z.string(),
  settings: PromotionSettingsSchema,
  promotions: z.array(ActivePromotionSchema),
});
export type ActivePromotions = z.infer<typeof ActivePromotionsSchema>;

/** `promotions.changed`: a rule was created, changed or deleted, a window opened or closed, or a gating flag flipped. Tablets refetch. */
export const PromotionsChangedEventSchema = z.object({
  venueId: IdSchema,
  reason: z.enum(['rules', 'window', 'flags', 'settings']),
  at: IsoDateTimeSchema,
});
