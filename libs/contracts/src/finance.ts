import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema } from './common';
import { OrderSchema } from './orders';

export const PAYMENT_METHODS = ['cash', 'card'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const TenderInputSchema = z.strictObject({
  method: PaymentMethodSchema,
  /** What this tender pays of the order (without the tip). */
  amount: MoneySchema.refine((v) => v > 0, 'Must be more than zero'),
  tip: MoneySchema.optional(),
  /** Cash handed over by the guest; the change is computed from it. */
  tendered: MoneySchema.optional(),
  /** Card terminal's transaction reference (never card data). */
  reference: z.string().max(100).optional(),
});
export type TenderInput = z.infer<typeof TenderInputSchema>;

export const CreatePaymentInputSchema = z.strictObject({
  orderId: IdSchema,
  /** Pay one check of a split order; without it the payment goes against the whole order. */
  checkIndex: z.number().int().min(0).max(19).optional(),
  tenders: z.array(TenderInputSchema).min(1).max(6),
  shiftId: IdSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CreatePaymentInput = z.infer<typeof CreatePaymentInputSchema>;

export const PaymentSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  checkIndex: z.number().int().nullable(),
  shiftId: IdSchema,
  method: PaymentMethodSchema,
  status: z.enum(['captured']),
  amount: MoneySchema,
  tip: MoneySchema,
  tendered: MoneySchema.nullable(),
  change: MoneySchema,
  reference: z.string().nullable(),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

export const ReceiptSchema = z.object({
  venueName: z.string(),
  currency: z.string(),
  orderNumber: z.number().int(),
  tableLabel: z.string().nullable(),
  waiterName: z.string(),
  lines: z.array(
    z.object({
      name: z.string(),
      modifiers: z.array(z.string()),
      quantity: z.number().int(),
      unitPrice: MoneySchema,
      total: MoneySchema,
    }),
  ),
  subtotal: MoneySchema,
  discount: MoneySchema,
  total: MoneySchema,
  tips: MoneySchema,
  payments: z.array(z.object({ method: PaymentMethodSchema, amount: MoneySchema, tip: MoneySchema })),
  change: MoneySchema,
  due: MoneySchema,
  issuedAt: IsoDateTimeSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const PaymentResultSchema = z.object({
  payments: z.array(PaymentSchema),
  change: MoneySchema,
  order: OrderSchema,
  receipt: ReceiptSchema,
});
export type PaymentResult = z.infer<typeof PaymentResultSchema>;

export const LEDGER_KINDS = ['sale', 'tip', 'refund'] as const;
export const LedgerKindSchema = z.enum(LEDGER_KINDS);
