import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema, SignedMoneySchema } from './common';
import { MAX_ORDER_TOTAL } from './constants';
import { CustomerSchema } from './customers';
import { withoutCardData } from './finance';
import { OrderSchema } from './orders';

/**
 * Loyalty at the till (issue 18): the venue's programme settings, points (an append-only ledger
 * per guest) and gift cards (stored value with an append-only movement log). Gift cards and points
 * are tenders: they pay part of a bill like cash or card, through their own routes
 * (`POST /pos/finance/giftcards/redeem`, `POST /pos/loyalty/points/redeem`), and a refund of such a
 * payment puts the value back where it came from.
 */

// --- settings ---

export const LoyaltySettingsSchema = z.object({
  /** Points earned on the net amount paid (not on gift-card purchases, nor on what points or gift cards paid), in percent. */
  earnPercent: z.number().int().min(0).max(50),
  /** What one point is worth when spent, in minor units (100 = 1 ₽ per point). */
  pointValue: z.number().int().min(1).max(10_000),
  /** A sold gift card is valid this many days from its activation. */
  giftCardExpiryDays: z.number().int().min(1).max(1_825),
});
export type LoyaltySettings = z.infer<typeof LoyaltySettingsSchema>;

export const UpdateLoyaltySettingsInputSchema = z
  .strictObject({
    earnPercent: LoyaltySettingsSchema.shape.earnPercent.optional(),
    pointValue: LoyaltySettingsSchema.shape.pointValue.optional(),
    giftCardExpiryDays: LoyaltySettingsSchema.shape.giftCardExpiryDays.optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'clientRequestId'), { message: 'Nothing to change', path: ['earnPercent'] });
export type UpdateLoyaltySettingsInput = z.infer<typeof UpdateLoyaltySettingsInputSchema>;

// --- gift card codes ---

/**
 * Gift card codes: 13 random Crockford base-32 symbols (65 bits from a CSPRNG) and one check
 * symbol (Luhn mod 32), shown in groups `XXXX-XXXX-XXXX-XX`. Crockford's alphabet has no I, L, O,
 * U: what a guest reads aloud is typed back right (`normalizeGiftCardCode` maps I/L → 1, O → 0).
 */
export const CROCKFORD32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const GIFT_CARD_CODE_RANDOM_SYMBOLS = 13;

/** Upper case, no spaces or dashes, I/L → 1 and O → 0 (Crockford's reading rules). */
export function normalizeGiftCardCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
}

/** Luhn mod 32 over Crockford symbols: catches every single wrong symbol and most swaps of neighbours. */
export function giftCardCheckSymbol(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = CROCKFORD32.indexOf(body[i]);
    if (code < 0) throw new Error(`Not a Crockford base-32 symbol: ${body[i]}`);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return CROCKFORD32[(32 - (sum % 32)) % 32];
}

/** Whether `text` (as typed or scanned) is a well-formed gift card code with a right check symbol. */
export function isGiftCardCode(text: string): boolean {
  const code = normalizeGiftCardCode(text);
  if (code.length !== GIFT_CARD_CODE_RANDOM_SYMBOLS + 1) return false;
  if ([...code].some((c) => !CROCKFORD32.includes(c))) return false;
  return giftCardCheckSymbol(code.slice(0, -1)) === code.slice(-1);
}

/** `XXXX-XXXX-XXXX-XX`, as printed and shown. */
export const formatGiftCardCode = (code: string) => normalizeGiftCardCode(code).replace(/(.{4})(?=.)/g, '$1-');

/** A gift card code as a client sends it: normalized, checked; a wrong check symbol is a 400 before any lookup. */
export const GiftCardCodeSchema = z
  .string()
  .trim()
  .max(40)
  .transform(normalizeGiftCardCode)
  .refine(isGiftCardCode, 'Not a gift card code: 14 symbols XXXX-XXXX-XXXX-XX with a valid check symbol');

// --- gift cards ---

/** `pending`: sold, its order not paid yet (not usable); `active`; `blocked` by a supervisor; `cancelled`: its sale was voided or refunded. */
export const GIFT_CARD_STATUSES = ['pending', 'active', 'blocked', 'cancelled'] as const;
export const GiftCardStatusSchema = z.enum(GIFT_CARD_STATUSES);
export type GiftCardStatus = z.infer<typeof GiftCardStatusSchema>;

export const GiftCardSchema = z.object({
  id: IdSchema,
  /** Normalized (no dashes); show it with `formatGiftCardCode`. */
  code: z.string(),
  status: GiftCardStatusSchema,
  /** What it was sold for. */
  initialAmount: MoneySchema,
  balance: MoneySchema,
  currency: z.string(),
  /** Set at activation (the venue's expiry); a card past it is refused everywhere. */
  expiresAt: IsoDateTimeSchema.nullable(),
  expired: z.boolean(),
  /** The order it was sold on. */
  saleOrderId: IdSchema,
  activatedAt: IsoDateTimeSchema.nullable(),
  blockedReason: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type GiftCard = z.infer<typeof GiftCardSchema>;

/** `issue`: sold (pending); `activate`: its sale was paid; `redeem`: paid part of a bill; `restore`: a refund of a redeem put value back; `block` / `unblock`; `cancel`: its sale went away before it was paid or was refunded. */
export const GIFT_CARD_MOVEMENT_KINDS = ['issue', 'activate', 'redeem', 'restore', 'block', 'unblock', 'cancel'] as const;
export const GiftCardMovementKindSchema = z.enum(GIFT_CARD_MOVEMENT_KINDS);

export const GiftCardMovementSchema = z.object({
  id: IdSchema,
  kind: GiftCardMovementKindSchema,
  /** Signed change of the balance (− for a redeem, + for a restore, 0 for a block). */
  amount: SignedMoneySchema,
  balanceAfter: MoneySchema,
  orderId: IdSchema.nullable(),
  paymentId: IdSchema.nullable(),
  /** A restore names the redeem it gives back. */
  redeemId: IdSchema.nullable(),
  staffName: z.string(),
  reason: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type GiftCardMovement = z.infer<typeof GiftCardMovementSchema>;

export const GiftCardDetailsSchema = z.object({ card: GiftCardSchema, movements: z.array(GiftCardMovementSchema) });
export type GiftCardDetails = z.infer<typeof GiftCardDetailsSchema>;

/** The smallest and largest value a gift card is sold for (minor units). */
export const GIFT_CARD_MIN_AMOUNT = 100_00;
export const GIFT_CARD_MAX_AMOUNT = 100_000_00;

/**
 * Sell a gift card: it goes on the order as a line (a new counter order without `orderId`) and
 * becomes active when that order is paid.
 */
export const SellGiftCardInputSchema = z.strictObject({
  orderId: IdSchema.optional(),
  amount: MoneySchema.min(GIFT_CARD_MIN_AMOUNT).max(GIFT_CARD_MAX_AMOUNT),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type SellGiftCardInput = z.infer<typeof SellGiftCardInputSchema>;

export const SellGiftCardResultSchema = z.object({ card: GiftCardSchema, order: OrderSchema });
export type SellGiftCardResult = z.infer<typeof SellGiftCardResultSchema>;

/** Pay part of a bill (or one check of a split bill) from a gift card: never more than its balance or what is due. */
export const RedeemGiftCardInputSchema = z.strictObject({
  code: GiftCardCodeSchema,
  orderId: IdSchema,
  checkIndex: z.number().int().min(0).max(19).optional(),
  amount: MoneySchema.min(1).max(MAX_ORDER_TOTAL),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type RedeemGiftCardInput = z.infer<typeof RedeemGiftCardInputSchema>;

export const BlockGiftCardInputSchema = z.strictObject({
  reason: withoutCardData(z.string().trim().min(1).max(200)),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type BlockGiftCardInput = z.infer<typeof BlockGiftCardInputSchema>;

export const GiftCardCodeParamsSchema = z.strictObject({ code: GiftCardCodeSchema });

// --- points ---

/** `earn`: accrued on a payment; `spend`: paid part of a bill; `earn_reversal` / `spend_return`: a refund took back earned points or gave spent ones back, pro rata. */
export const POINTS_MOVEMENT_KINDS = ['earn', 'spend', 'earn_reversal', 'spend_return'] as const;
export const PointsMovementKindSchema = z.enum(POINTS_MOVEMENT_KINDS);

export const PointsMovementSchema = z.object({
  id: IdSchema,
  kind: PointsMovementKindSchema,
  /** Signed points. */
  points: z.number().int().min(-1_000_000_000).max(1_000_000_000),
  orderId: IdSchema.nullable(),
  orderNumber: z.number().int().nullable(),
  paymentId: IdSchema.nullable(),
  createdAt: IsoDateTimeSchema,
});
export type PointsMovement = z.infer<typeof PointsMovementSchema>;

/** Spend points on a bill (or one check): `points` × the venue's point value, never more than the balance or what is due. */
export const RedeemPointsInputSchema = z.strictObject({
  orderId: IdSchema,
  checkIndex: z.number().int().min(0).max(19).optional(),
  points: z.number().int().min(1).max(1_000_000_000),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type RedeemPointsInput = z.infer<typeof RedeemPointsInputSchema>;

// --- the guest at the till ---

/** A paid order the guest was attached to. */
export const CustomerVisitSchema = z.object({
  orderId: IdSchema,
  orderNumber: z.number().int(),
  total: MoneySchema,
  closedAt: IsoDateTimeSchema,
});
export type CustomerVisit = z.infer<typeof CustomerVisitSchema>;

/** What the till shows of a guest: the profile, points (balance and recent movements), last visits, and the venue's point value. */
export const CustomerProfileSchema = z.object({
  customer: CustomerSchema,
  points: z.number().int(),
  pointValue: z.number().int().min(1),
  lastVisits: z.array(CustomerVisitSchema),
  pointsHistory: z.array(PointsMovementSchema),
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

export const AttachCustomerInputSchema = z.strictObject({
  customerId: IdSchema,
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type AttachCustomerInput = z.infer<typeof AttachCustomerInputSchema>;
