import { z } from 'zod';
import { BusinessDateSchema, CurrencySchema, IdSchema, IsoDateTimeSchema, MoneyTotalSchema, SignedMoneyTotalSchema } from './common';
import { PAYMENT_METHODS } from './finance';
import { ShiftMethodTotalsSchema } from './shifts';

/** Counts on a dashboard: checks, guests, voided portions (bounded like everything else we serve). */
const CountSchema = z.number().int().min(0).max(1_000_000_000);

/**
 * `GET /pos/finance/dashboard`: a cashier shift (`sessionId`, default the caller's open shift) or
 * the venue's current business day (`scope=day`) — one or the other, never both.
 */
export const DashboardQuerySchema = z
  .strictObject({
    sessionId: IdSchema.optional(),
    scope: z.enum(['day']).optional(),
  })
  .refine((q) => !(q.sessionId && q.scope), { path: ['scope'], message: 'Give a sessionId or scope=day, not both' });
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** The shift close's figures of a method, with what it kept in place of what the drawer should hold. */
export const DashboardMethodSchema = ShiftMethodTotalsSchema.omit({ expected: true }).extend({
  /** sales − refunds: revenue kept by this method (tips are the staff's, not revenue). */
  net: SignedMoneyTotalSchema,
});

export const DashboardHourSchema = z.object({
  /** The venue's business date and wall-clock hour (0–23) the money was booked in. */
  date: BusinessDateSchema,
  hour: z.number().int().min(0).max(23),
  gross: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
  net: SignedMoneyTotalSchema,
});

export const DashboardSchema = z.object({
  scope: z.enum(['shift', 'day']),
  /** The shift shown (scope `shift`), else null. */
  shiftId: IdSchema.nullable(),
  /** The venue's business day: the day shown, or the day the shift opened. */
  businessDate: BusinessDateSchema,
  /** Set when the view is narrowed to one waiter's own checks and tips. */
  waiterId: IdSchema.nullable(),
  currency: CurrencySchema,
  timeZone: z.string().min(1).max(64),
  /** Captured sales, from the ledger. */
  gross: MoneyTotalSchema,
  /** Always 0 until orders carry discounts (the model has none yet). */
  discounts: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
  /** gross − discounts − refunds. */
  net: SignedMoneyTotalSchema,
  /** Orders with a sale booked in scope. */
  checks: CountSchema,
  guests: CountSchema,
  /** net / checks and net / guests, rounded to the minor unit; 0 when there are none. */
  averageCheck: SignedMoneyTotalSchema,
  averagePerGuest: SignedMoneyTotalSchema,
  tips: z.object({
    total: MoneyTotalSchema,
    /** Per waiter of the order the tip was left on. */
    byStaff: z.array(z.object({ staffId: IdSchema, staffName: z.string().max(200), amount: MoneyTotalSchema })).max(10_000),
  }),
  byMethod: z.object(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, DashboardMethodSchema])) as Record<(typeof PAYMENT_METHODS)[number], typeof DashboardMethodSchema>),
  /** In the venue's time zone, oldest first, only hours with money. */
  byHour: z.array(DashboardHourSchema).max(24 * 62),
  /** The five products with the most revenue on the checks paid in scope. */
  topProducts: z.array(z.object({ productId: IdSchema, name: z.string().max(200), quantity: CountSchema, revenue: MoneyTotalSchema })).max(5),
  /** Portions voided on the checks in scope (fired or not), and what they would have cost. */
  voids: z.object({ count: CountSchema, amount: MoneyTotalSchema }),
  updatedAt: IsoDateTimeSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export type DashboardMethod = z.infer<typeof DashboardMethodSchema>;
