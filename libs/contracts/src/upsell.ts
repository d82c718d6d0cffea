import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, MoneySchema, PriceSchema, VersionSchema, queryInteger } from './common';
import { AddItemInputSchema, CourseSchema } from './orders';

/**
 * Upsell and combos: what the admin recommends to add to a product (ordered add-ons with a
 * reason, combos sold together at a combo price in time windows), what the POS suggests on a tap
 * (configured first, then what this venue's guests often order together), and the shown /
 * accepted events behind each rule's accept rate.
 */

const ReasonSchema = z.string().trim().min(1).max(120);
/** "HH:MM", 00:00–23:59, venue-local. */
export const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Time as HH:MM (00:00–23:59)');
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = z.number().int().min(1).max(7);

/**
 * When a combo may be sold, in the venue's time zone. `from` later than `to` runs past midnight
 * (a late bar combo 22:00–02:00 belongs to the day it starts on). No `days` means every day.
 */
export const ComboWindowSchema = z
  .strictObject({
    days: z.array(WeekdaySchema).min(1).max(7).optional(),
    from: LocalTimeSchema,
    to: LocalTimeSchema,
  })
  .refine((w) => w.from !== w.to, { message: 'The window must not be empty', path: ['to'] });
export type ComboWindow = z.infer<typeof ComboWindowSchema>;

// --- admin config ---

export const UpsellAddonInputSchema = z.strictObject({
  productId: IdSchema,
  /** Shown to the waiter, e.g. "к стейку — красное вино". */
  reason: ReasonSchema.nullable().optional(),
});

export const ComboItemInputSchema = z.strictObject({
  productId: IdSchema,
  quantity: z.number().int().min(1).max(9).optional(),
});

export const ComboInputSchema = z.strictObject({
  /** An existing combo of this product keeps its id (and its accept-rate history); omit for a new one. */
  id: IdSchema.optional(),
  name: z.string().trim().min(1).max(80),
  price: PriceSchema,
  items: z.array(ComboItemInputSchema).min(2).max(10),
  /** Empty or absent: any time. */
  windows: z.array(ComboWindowSchema).max(14).optional(),
  reason: ReasonSchema.nullable().optional(),
});
export type ComboInput = z.infer<typeof ComboInputSchema>;

/** Replaces the product's whole upsell config: add-ons in the order given, and its combos. */
export const SaveUpsellConfigInputSchema = z.strictObject({
  addons: z.array(UpsellAddonInputSchema).max(20),
  combos: z.array(ComboInputSchema).max(10).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type SaveUpsellConfigInput = z.infer<typeof SaveUpsellConfigInputSchema>;

export const UpsellStatsSchema = z.object({
  shown: z.number().int().min(0),
  accepted: z.number().int().min(0),
  /** accepted / shown, 0–1 (null until shown once). */
  acceptRate: z.number().min(0).nullable(),
});
export type UpsellStats = z.infer<typeof UpsellStatsSchema>;

export const UpsellAddonSchema = z.object({
  productId: IdSchema,
  name: z.string(),
  price: MoneySchema,
  reason: z.string().nullable(),
  position: z.number().int(),
  isAvailable: z.boolean(),
  stats: UpsellStatsSchema,
});
export type UpsellAddon = z.infer<typeof UpsellAddonSchema>;

export const ComboItemSchema = z.object({
  productId: IdSchema,
  name: z.string(),
  /** The product's own menu price (one portion). */
  price: MoneySchema,
  quantity: z.number().int().min(1),
});
export type ComboItem = z.infer<typeof ComboItemSchema>;

export const ComboSchema = z.object({
  id: IdSchema,
  /** The product whose upsell config the combo belongs to (always one of its items). */
  productId: IdSchema,
  name: z.string(),
  price: MoneySchema,
  /** The items at their menu prices. */
  listPrice: MoneySchema,
  saving: MoneySchema,
  items: z.array(ComboItemSchema),
  windows: z.array(ComboWindowSchema),
  reason: z.string().nullable(),
  position: z.number().int(),
});
export type Combo = z.infer<typeof ComboSchema>;

export const UpsellConfigSchema = z.object({
  productId: IdSchema,
  addons: z.array(UpsellAddonSchema),
  combos: z.array(ComboSchema.extend({ stats: UpsellStatsSchema })),
});
export type UpsellConfig = z.infer<typeof UpsellConfigSchema>;

// --- POS recommendations ---

export const RecommendationsQuerySchema = z.strictObject({
  /** The order being edited: what is already in it is not suggested again. */
  orderId: IdSchema.optional(),
  /** Decimal digits only ('', '0x10', '1e1' are a 400). */
  limit: queryInteger(1, 20).optional(),
});
export type RecommendationsQuery = z.infer<typeof RecommendationsQuerySchema>;

/** `configured`: an admin rule; `popular`: often ordered together with the product here. */
export const RecommendationSourceSchema = z.enum(['configured', 'popular']);

export const ProductRecommendationSchema = z.object({
  kind: z.literal('product'),
  productId: IdSchema,
  name: z.string(),
  price: MoneySchema,
  source: RecommendationSourceSchema,
  /** The admin's reason; null for a popular pairing (the UI says "often ordered together"). */
  reason: z.string().nullable(),
  /** For a popular pairing: in how many recent paid orders the two were together. */
  timesOrderedTogether: z.number().int().optional(),
});

export const ComboRecommendationSchema = z.object({
  kind: z.literal('combo'),
  comboId: IdSchema,
  name: z.string(),
  price: MoneySchema,
  listPrice: MoneySchema,
  saving: MoneySchema,
  items: z.array(ComboItemSchema),
  source: z.literal('configured'),
  reason: z.string().nullable(),
});

export const RecommendationSchema = z.discriminatedUnion('kind', [ProductRecommendationSchema, ComboRecommendationSchema]);
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationsSchema = z.object({
  productId: IdSchema,
  items: z.array(RecommendationSchema),
});
export type Recommendations = z.infer<typeof RecommendationsSchema>;

export const UpsellEventKindSchema = z.enum(['shown', 'accepted']);

/** One suggestion shown to, or accepted by, a waiter: a product or a combo, never both. */
export const RecordUpsellEventInputSchema = z
  .strictObject({
    productId: IdSchema,
    recommendedProductId: IdSchema.optional(),
    comboId: IdSchema.optional(),
    kind: UpsellEventKindSchema,
    orderId: IdSchema.optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => (v.recommendedProductId === undefined) !== (v.comboId === undefined), {
    message: 'Give recommendedProductId or comboId (one of them)',
    path: ['recommendedProductId'],
  });
export type RecordUpsellEventInput = z.infer<typeof RecordUpsellEventInputSchema>;

// --- combos in orders ---

export const ComboPartInputSchema = AddItemInputSchema.pick({ productId: true, modifierIds: true, note: true });

export const AddComboInputSchema = z.strictObject({
  comboId: IdSchema,
  quantity: z.number().int().min(1).max(20).optional(),
  /**
   * Lines already in the order that the combo takes over: their unfired portions of the combo's
   * products are removed (modifiers, note and course carry over to the combo's dishes).
   */
  replaceLineIds: z.array(IdSchema).max(10).optional(),
  /** Modifiers / note per dish of the combo (required modifiers, e.g. a steak's doneness). */
  parts: z.array(ComboPartInputSchema).max(10).optional(),
  course: CourseSchema.optional(),
  version: VersionSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type AddComboInput = z.infer<typeof AddComboInputSchema>;

// --- rules (pure, shared by the server and the tablets) ---

/** The combo's items at their menu prices. */
export const comboListPrice = (items: readonly { price: number; quantity: number }[]): number =>
  items.reduce((sum, i) => sum + i.price * i.quantity, 0);

/** What the guest saves with the combo (never negative). */
export const comboSaving = (price: number, items: readonly { price: number; quantity: number }[]): number =>
  Math.max(0, comboListPrice(items) - price);

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether a venue-local moment (ISO weekday 1–7, minutes since midnight) falls in one of the
 * windows. No windows: always. A window past midnight counts its after-midnight part for the
 * day it started on.
 */
export function isWithinWindows(windows: readonly ComboWindow[], weekday: number, minutes: number): boolean {
  if (windows.length === 0) return true;
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return windows.some((w) => {
    const from = minutesOf(w.from);
    const to = minutesOf(w.to);
    const on = (day: number) => !w.days || w.days.includes(day);
    if (from < to) return on(weekday) && minutes >= from && minutes < to;
    return (on(weekday) && minutes >= from) || (on(yesterday) && minutes < to);
  });
}
