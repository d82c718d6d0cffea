import { z } from 'zod';
import { IdSchema, InputInstantSchema, IsoDateTimeSchema, MoneyTotalSchema, SignedMoneyTotalSchema, queryInteger } from './common';
import { PaymentMethodSchema, STORED_VALUE_METHODS } from './finance';
import { ShiftCloseModeSchema } from './shifts';

/* ----------------------------------------------------------------------------------------------
 * Shift reports (issue 17): the X-report of an open shift (interim, not numbered) and the
 * Z-report issued when it closes (numbered per venue, gapless, hash-chained). A Z-report's data is
 * frozen at the close as `ShiftReportData` and every later print renders that, not the ledger.
 * -------------------------------------------------------------------------------------------- */

export const SHIFT_REPORT_FORMATS = ['html', 'pdf'] as const;
export const ShiftReportFormatSchema = z.enum(SHIFT_REPORT_FORMATS);
export type ShiftReportFormat = z.infer<typeof ShiftReportFormatSchema>;

export const SHIFT_REPORT_LANGS = ['ru', 'en'] as const;
export const ShiftReportLangSchema = z.enum(SHIFT_REPORT_LANGS);
export type ShiftReportLang = z.infer<typeof ShiftReportLangSchema>;

/** `GET /pos/shifts/{id}/report`: html or pdf (else the Accept header, else html), ru or en (default ru). */
export const ShiftReportQuerySchema = z.strictObject({
  format: ShiftReportFormatSchema.optional(),
  lang: ShiftReportLangSchema.optional(),
});
export type ShiftReportQuery = z.infer<typeof ShiftReportQuerySchema>;

const NameSchema = z.string().max(200);
const CountSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** One payment method: what the ledger booked and, on a Z, what was counted against what was expected. */
export const ShiftReportMethodSchema = z.object({
  method: PaymentMethodSchema,
  sales: MoneyTotalSchema,
  tips: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
  /** sales − refunds. */
  net: SignedMoneyTotalSchema,
  /** The shift close's `expected` (cash: float + paid in − paid out + sales + tips − refunds). */
  expected: SignedMoneyTotalSchema,
  /** Counted at the close; null on an X-report and on a shift auto-closed without a count. */
  counted: MoneyTotalSchema.nullable(),
  difference: SignedMoneyTotalSchema.nullable(),
});
export type ShiftReportMethod = z.infer<typeof ShiftReportMethodSchema>;

/**
 * The figures of a shift report. Money is integer minor units of `venue.currency`; they reconcile
 * with the shift close (`Shift.totals`) and the ledger rows booked to the shift.
 */
export const ShiftReportDataSchema = z.object({
  kind: z.enum(['x', 'z']),
  shiftId: IdSchema,
  /** When these figures were taken: the close for a Z. */
  takenAt: IsoDateTimeSchema,
  venue: z.object({ name: NameSchema, currency: z.string().regex(/^[A-Z]{3}$/), timeZone: z.string().max(100) }),
  shift: z.object({
    cashierId: IdSchema,
    /** Who opened the shift (its cashier). */
    cashierName: NameSchema,
    openedAt: IsoDateTimeSchema,
    closedAt: IsoDateTimeSchema.nullable(),
    closedById: IdSchema.nullable(),
    closedByName: NameSchema.nullable(),
    closeMode: ShiftCloseModeSchema.nullable(),
    tillName: NameSchema.nullable(),
    isRescue: z.boolean(),
    overrideReason: z.string().max(200).nullable(),
  }),
  openingFloat: MoneyTotalSchema,
  totals: z.object({
    gross: MoneyTotalSchema,
    discounts: MoneyTotalSchema,
    refunds: MoneyTotalSchema,
    /** gross − discounts − refunds. */
    net: SignedMoneyTotalSchema,
    tips: MoneyTotalSchema,
  }),
  byMethod: z.array(ShiftReportMethodSchema).max(10),
  /** Line revenue of the checks paid in the shift, by menu category. */
  byCategory: z.array(z.object({ categoryId: z.string().max(100), name: NameSchema, quantity: CountSchema, amount: MoneyTotalSchema })).max(1000),
  discounts: z.object({ count: CountSchema, amount: MoneyTotalSchema }),
  refunds: z.object({ count: CountSchema, amount: MoneyTotalSchema }),
  voids: z.object({
    count: CountSchema,
    amount: MoneyTotalSchema,
    byReason: z.array(z.object({ reason: z.string().max(200).nullable(), count: CountSchema, amount: MoneyTotalSchema })).max(1000),
  }),
  tips: z.object({ total: MoneyTotalSchema, byStaff: z.array(z.object({ staffId: IdSchema, staffName: NameSchema, amount: MoneyTotalSchema })).max(1000) }),
  cashMovements: z.object({
    paidIn: MoneyTotalSchema,
    paidOut: MoneyTotalSchema,
    items: z.array(z.object({ kind: z.enum(['paid_in', 'paid_out']), amount: MoneyTotalSchema, reason: z.string().max(200), staffName: NameSchema, createdAt: IsoDateTimeSchema })).max(10_000),
  }),
  openChecks: z.array(z.object({ orderId: IdSchema, number: CountSchema, table: z.string().max(100).nullable(), amount: MoneyTotalSchema })).max(10_000),
  /** Checks paid in the shift, their guests and the net revenue per check. */
  checks: CountSchema,
  guests: CountSchema,
  averageCheck: SignedMoneyTotalSchema,
  /**
   * What the venue's own stored value paid on checks in the shift — gift cards, loyalty points
   * (issue 18): no money entered a drawer or a terminal for it, so it is not in `totals` nor
   * `byMethod`; `refunded`: put back on the card or the account so far. Absent from a Z issued
   * before loyalty.
   */
  storedValue: z
    .array(z.object({ method: z.enum(STORED_VALUE_METHODS), count: CountSchema, amount: MoneyTotalSchema, refunded: MoneyTotalSchema }))
    .max(10)
    .optional(),
  /** Per VAT rate; null: the menu carries no tax rates, so the report has no tax section. */
  taxes: z.array(z.object({ rate: z.number().min(0).max(100), base: MoneyTotalSchema, tax: MoneyTotalSchema })).max(20).nullable(),
});
export type ShiftReportData = z.infer<typeof ShiftReportDataSchema>;

/** `GET /pos/shifts/z-reports`: the venue's Z archive, newest first. */
export const ZReportListQuerySchema = z
  .strictObject({
    /** Closed at or after / before (ISO-8601). */
    from: InputInstantSchema.optional(),
    to: InputInstantSchema.optional(),
    limit: queryInteger(1, 200).optional(),
    /** The `nextCursor` of the previous page. */
    cursor: queryInteger(1, 2_147_483_647).optional(),
  })
  .refine((q) => !(q.from && q.to && q.from > q.to), { path: ['to'], message: '`to` must not be before `from`' });
export type ZReportListQuery = z.infer<typeof ZReportListQuerySchema>;

export const ZReportSummarySchema = z.object({
  number: z.number().int().min(1),
  shiftId: IdSchema,
  cashierName: NameSchema,
  tillName: NameSchema.nullable(),
  openedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema,
  issuedAt: IsoDateTimeSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  netRevenue: SignedMoneyTotalSchema,
  /** Counted − expected cash; null when the shift was auto-closed without a count. */
  cashDifference: SignedMoneyTotalSchema.nullable(),
  closeMode: ShiftCloseModeSchema.nullable(),
  /** How many times it was printed; every print after the first is marked as a copy. */
  prints: CountSchema,
});
export type ZReportSummary = z.infer<typeof ZReportSummarySchema>;

export const ZReportListSchema = z.object({ items: z.array(ZReportSummarySchema), nextCursor: z.string().nullable() });
export type ZReportList = z.infer<typeof ZReportListSchema>;

/** `GET /pos/shifts/z-reports/verify`: the hash chain recomputed from the first Z. */
export const ZChainCheckSchema = z.object({
  ok: z.boolean(),
  checked: CountSchema,
  /** Number of the first Z whose hash, link or number does not hold; null when all do. */
  brokenAt: z.number().int().min(1).nullable(),
});
export type ZChainCheck = z.infer<typeof ZChainCheckSchema>;

/** The Z issued for a shift, if it is closed (`GET /pos/shifts/{id}/z-report`). */
export const ShiftZReportSchema = z.object({ zReport: ZReportSummarySchema.nullable() });
export type ShiftZReport = z.infer<typeof ShiftZReportSchema>;
