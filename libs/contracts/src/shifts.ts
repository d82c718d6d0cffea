import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema, MoneyTotalSchema, SignedMoneyTotalSchema } from './common';
import { MAX_ORDER_TOTAL } from './constants';
import { PAYMENT_METHODS, SettleHoldsResultSchema, withoutCardData } from './finance';

export const OpenShiftInputSchema = z.strictObject({
  openingFloat: MoneySchema.max(MAX_ORDER_TOTAL),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type OpenShiftInput = z.infer<typeof OpenShiftInputSchema>;

const ByMethod = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, value])) as Record<(typeof PAYMENT_METHODS)[number], T>);

export const ShiftMethodTotalsSchema = z.object({
  sales: MoneyTotalSchema,
  tips: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
  /** What should be in the drawer / on the terminal: float (cash only) + sales + tips − refunds. */
  expected: SignedMoneyTotalSchema,
});

export const ShiftSchema = z.object({
  id: IdSchema,
  cashierId: IdSchema,
  cashierName: z.string(),
  status: z.enum(['open', 'closed']),
  /** Opened by the server to book a late command whose shift had already closed. */
  isRescue: z.boolean(),
  openedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
  openingFloat: MoneySchema,
  totals: ByMethod(ShiftMethodTotalsSchema),
  counted: ByMethod(MoneySchema).nullable(),
  difference: ByMethod(SignedMoneyTotalSchema).nullable(),
  closedBy: IdSchema.nullable(),
  overrideReason: z.string().nullable(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const CurrentShiftSchema = z.object({ shift: ShiftSchema.nullable() });

export const CloseShiftInputSchema = z.strictObject({
  counted: z.strictObject({ cash: MoneySchema.max(MAX_ORDER_TOTAL), card: MoneySchema.max(MAX_ORDER_TOTAL) }),
  /** Close although checks are still open (needs shifts.close.override and a reason; audited). */
  force: z.boolean().optional(),
  reason: withoutCardData(z.string().trim().min(3).max(200)).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CloseShiftInput = z.infer<typeof CloseShiftInputSchema>;

/**
 * Closing answers with the closed shift; closing the venue's last open shift is its day close,
 * so holds past their expiry were captured or released first (the venue's policy) and are listed.
 */
export const ClosedShiftSchema = ShiftSchema.extend({ settledHolds: SettleHoldsResultSchema.optional() });
export type ClosedShift = z.infer<typeof ClosedShiftSchema>;
