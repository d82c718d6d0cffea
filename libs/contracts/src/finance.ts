import { z } from 'zod';
import { CARD_DATA_MESSAGE, containsCardNumber } from './card-data';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema } from './common';
import { MAX_ORDER_TOTAL } from './constants';
import { OrderSchema } from './orders';

/** Settlement channels: how money reaches the venue (the ledger and shift totals count these). */
export const PAYMENT_METHODS = ['cash', 'card'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/**
 * How a guest pays. `softpos` (tap-to-pay on the tablet) and `deferred` (a card hold captured
 * later) start `created` and go through the payment state machine; both settle as `card`.
 */
export const TENDER_METHODS = ['cash', 'card', 'softpos', 'deferred', 'giftcard', 'points'] as const;
export const TenderMethodSchema = z.enum(TENDER_METHODS);
export type TenderMethod = z.infer<typeof TenderMethodSchema>;

/**
 * Stored value the venue itself issued (issue 18): a gift card's balance, a guest's points. They
 * pay a bill like any tender but through their own routes (`POST /pos/finance/giftcards/redeem`,
 * `POST /pos/loyalty/points/redeem`); no money moves, so they are not in the drawer's ledger
 * (`ledger_entries`: cash and card) and a refund puts the value back on the card or the account.
 */
export const STORED_VALUE_METHODS = ['giftcard', 'points'] as const satisfies readonly TenderMethod[];
export const isStoredValue = (method: TenderMethod) => (STORED_VALUE_METHODS as readonly TenderMethod[]).includes(method);

/** What `POST /pos/payments` takes: the money tenders (stored value goes through its own routes). */
export const PAY_TENDER_METHODS = ['cash', 'card', 'softpos', 'deferred'] as const satisfies readonly TenderMethod[];

/**
 * Free text of a payment or a shift (references, reasons): never a card number (PCI DSS 3.3/3.4).
 * Anything that looks like a full PAN, however written, is a 400 naming the field.
 */
export const withoutCardData = <T extends z.ZodString>(schema: T) => schema.refine((v) => !containsCardNumber(v), CARD_DATA_MESSAGE);

/** The channel a tender settles through. */
export const settlementMethod = (method: TenderMethod): PaymentMethod => (method === 'cash' ? 'cash' : 'card');
// Stored value (giftcard, points) never reaches settlementMethod: it has no ledger rows.

/** No tender, hold, capture or refund carries more than the largest bill (`MAX_ORDER_TOTAL`). */
const TenderMoneySchema = MoneySchema.max(MAX_ORDER_TOTAL);

export const TenderInputSchema = z.strictObject({
  method: z.enum(PAY_TENDER_METHODS),
  /** What this tender pays of the order (without the tip). */
  amount: TenderMoneySchema.refine((v) => v > 0, 'Must be more than zero'),
  /**
   * Cash and card: the tip paid with this tender. Tap-to-pay and deferred: the tip the terminal
   * will add — checked against the venue's tolerance now, before the card is touched, and
   * recorded when the payment is captured.
   */
  tip: TenderMoneySchema.optional(),
  /** Cash handed over by the guest; the change is computed from it. */
  tendered: TenderMoneySchema.optional(),
  /** Card terminal's transaction reference (never card data). */
  reference: withoutCardData(z.string().max(100)).optional(),
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

// --- the payment state machine ---

export const PAYMENT_STATUSES = ['created', 'unknown', 'authorized', 'captured', 'partially_refunded', 'refunded', 'cancelled', 'failed'] as const;
export const PaymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatusSchema>;

export const PAYMENT_ACTIONS = ['create', 'hold', 'capture', 'cancel', 'refund', 'reconcile'] as const;
export const PaymentActionSchema = z.enum(PAYMENT_ACTIONS);
export type PaymentAction = z.infer<typeof PaymentActionSchema>;

/**
 * The one transition table: for each status, the actions allowed and the statuses they may lead
 * to. A terminal operation (hold, capture) that times out leaves the payment `unknown` until it
 * is reconciled with the terminal's answer; it is never silently paid or failed. Capturing a
 * payment that is already captured is a no-op replay, not a transition (and not a second charge).
 */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, Partial<Record<PaymentAction, readonly PaymentStatus[]>>>> = {
  created: { hold: ['authorized', 'failed', 'unknown'], capture: ['captured', 'failed', 'unknown'], cancel: ['cancelled'] },
  unknown: { reconcile: ['authorized', 'captured', 'failed', 'cancelled'] },
  authorized: { capture: ['captured', 'failed', 'unknown'], cancel: ['cancelled'] },
  captured: { refund: ['partially_refunded', 'refunded'] },
  partially_refunded: { refund: ['partially_refunded', 'refunded'] },
  refunded: {},
  cancelled: {},
  failed: {},
};

/** Whether `action` is allowed on a payment in `status` (the UI shows buttons by this). */
export const canPayment = (status: PaymentStatus, action: PaymentAction): boolean => PAYMENT_TRANSITIONS[status][action] !== undefined;

/** Statuses whose money counts toward the order (captured minus refunded). */
export const CAPTURED_STATUSES: readonly PaymentStatus[] = ['captured', 'partially_refunded', 'refunded'];

export const CARD_SCHEMES = ['visa', 'mastercard', 'mir', 'unionpay', 'amex', 'jcb', 'other'] as const;
export const CardSchemeSchema = z.enum(CARD_SCHEMES);
export type CardScheme = z.infer<typeof CardSchemeSchema>;

/**
 * A masked card as the terminal prints it ('•••• 4242', '424242******4242'). The server never
 * takes card data: anything with more than ten digits could be a full PAN and is refused.
 */
export const MaskedCardSchema = withoutCardData(
  z
    .string()
    .max(25)
    .regex(/^[0-9•*xX -]+$/, 'Only digits, mask characters (•, *, X), spaces and dashes')
    .refine((v) => /[•*xX]/.test(v), 'Must be masked (e.g. "•••• 4242")')
    .refine((v) => (v.match(/\d/g) ?? []).length <= 10, 'Looks like a full card number: send only the masked card')
    .refine((v) => /\d{4}$/.test(v), 'Must end with the last four digits'),
);

/** The terminal's transaction reference, never a card number (however written). */
export const TerminalReferenceSchema = withoutCardData(z.string().min(1).max(100));

/** Why: a refund's, a cancel's, a terminal answer's reason, kept in the payment's log. */
const ReasonSchema = withoutCardData(z.string().trim().min(1).max(200));

/** What the terminal answered: `timeout` leaves the payment `unknown` until reconciled. */
export const TERMINAL_OUTCOMES = ['approved', 'declined', 'timeout'] as const;
export const TerminalOutcomeSchema = z.enum(TERMINAL_OUTCOMES);
export type TerminalOutcome = z.infer<typeof TerminalOutcomeSchema>;

const TerminalFieldsSchema = {
  outcome: TerminalOutcomeSchema.optional(),
  terminalReference: TerminalReferenceSchema.optional(),
  maskedCard: MaskedCardSchema.optional(),
  scheme: CardSchemeSchema.optional(),
  reason: ReasonSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
};

/** The terminal authorized (held) an amount on the card; without `amount`, the payment's. */
export const HoldPaymentInputSchema = z.strictObject({
  amount: TenderMoneySchema.refine((v) => v > 0, 'Must be more than zero').optional(),
  ...TerminalFieldsSchema,
});
export type HoldPaymentInput = z.infer<typeof HoldPaymentInputSchema>;

/**
 * Capture all or part of the hold (`amount` ≤ held), or sell directly from `created`. A tip may
 * take the total above the hold only within the venue's tip tolerance.
 */
export const CapturePaymentInputSchema = z.strictObject({
  amount: TenderMoneySchema.refine((v) => v > 0, 'Must be more than zero').optional(),
  tip: TenderMoneySchema.optional(),
  shiftId: IdSchema.optional(),
  ...TerminalFieldsSchema,
});
export type CapturePaymentInput = z.infer<typeof CapturePaymentInputSchema>;

export const CancelPaymentInputSchema = z.strictObject({
  reason: ReasonSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CancelPaymentInput = z.infer<typeof CancelPaymentInputSchema>;

/** Give money back: never more than captured minus what was refunded already. */
export const RefundPaymentInputSchema = z.strictObject({
  amount: TenderMoneySchema.refine((v) => v > 0, 'Must be more than zero'),
  reason: ReasonSchema,
  /** The shift the refund is booked to; by default the refunding staff's open shift. */
  shiftId: IdSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type RefundPaymentInput = z.infer<typeof RefundPaymentInputSchema>;

/** The terminal's answer for an `unknown` payment: checked status, or reversed. */
export const ReconcilePaymentInputSchema = z.strictObject({
  outcome: z.enum(['approved', 'declined', 'reversed']),
  terminalReference: TerminalReferenceSchema.optional(),
  maskedCard: MaskedCardSchema.optional(),
  scheme: CardSchemeSchema.optional(),
  reason: ReasonSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type ReconcilePaymentInput = z.infer<typeof ReconcilePaymentInputSchema>;

export const PaymentsQuerySchema = z.strictObject({ orderId: IdSchema });
export type PaymentsQuery = z.infer<typeof PaymentsQuerySchema>;

export const PaymentSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  checkIndex: z.number().int().nullable(),
  shiftId: IdSchema,
  method: TenderMethodSchema,
  status: PaymentStatusSchema,
  /** Of the order (without the tip): requested until captured, then what was captured. */
  amount: MoneySchema,
  tip: MoneySchema,
  tendered: MoneySchema.nullable(),
  change: MoneySchema,
  reference: z.string().nullable(),
  /** Authorized on the card (0 when never held). */
  held: MoneySchema,
  refunded: MoneySchema,
  maskedCard: z.string().nullable(),
  scheme: CardSchemeSchema.nullable(),
  /** When an authorized hold lapses (the venue's hold expiry). */
  expiresAt: IsoDateTimeSchema.nullable(),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
});
export type Payment = z.infer<typeof PaymentSchema>;

/** One row of a payment's append-only transition log: who did what, when and why. */
export const PaymentEventSchema = z.object({
  id: IdSchema,
  paymentId: IdSchema,
  action: PaymentActionSchema,
  fromStatus: PaymentStatusSchema.nullable(),
  toStatus: PaymentStatusSchema,
  amount: MoneySchema,
  tip: MoneySchema,
  staffId: IdSchema,
  reason: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
});
export type PaymentEvent = z.infer<typeof PaymentEventSchema>;

/** The venue's rules for holds and tips (defaults when it never set them). */
export const PaymentSettingsSchema = z.object({
  tipTolerancePercent: z.number().int().min(0).max(100),
  holdExpiryDays: z.number().int().min(0).max(30),
  /** What day close does with holds past their expiry. */
  dayClosePolicy: z.enum(['capture', 'release']),
});
export type PaymentSettings = z.infer<typeof PaymentSettingsSchema>;

/** Admin: change the venue's payment rules; fields left out keep their value. */
export const UpdatePaymentSettingsInputSchema = z
  .strictObject({
    tipTolerancePercent: PaymentSettingsSchema.shape.tipTolerancePercent.optional(),
    holdExpiryDays: PaymentSettingsSchema.shape.holdExpiryDays.optional(),
    dayClosePolicy: PaymentSettingsSchema.shape.dayClosePolicy.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change', path: ['tipTolerancePercent'] });
export type UpdatePaymentSettingsInput = z.infer<typeof UpdatePaymentSettingsInputSchema>;

export const ExpiredHoldsSchema = z.object({ settings: PaymentSettingsSchema, holds: z.array(PaymentSchema) });
export type ExpiredHolds = z.infer<typeof ExpiredHoldsSchema>;

export const SettleHoldsInputSchema = z.strictObject({ clientRequestId: ClientRequestIdSchema.optional() });
export const SettleHoldsResultSchema = z.object({ captured: z.array(PaymentSchema), released: z.array(PaymentSchema) });
export type SettleHoldsResult = z.infer<typeof SettleHoldsResultSchema>;

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
  /** The promotions behind `discount`, by name (issue 19); absent from a server before them. */
  promotions: z.array(z.object({ name: z.string(), saving: MoneySchema })).optional(),
  total: MoneySchema,
  tips: MoneySchema,
  payments: z.array(
    z.object({
      method: TenderMethodSchema,
      amount: MoneySchema,
      tip: MoneySchema,
      /** Given back of this payment so far (sale first, then tip). */
      refunded: MoneySchema.optional(),
      maskedCard: z.string().nullable().optional(),
    }),
  ),
  /** Everything refunded on this order so far; the receipt's net is paid − refunded. */
  refunded: MoneySchema.optional(),
  change: MoneySchema,
  due: MoneySchema,
  issuedAt: IsoDateTimeSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The slip the guest gets for one refund (the refund's own transition row is its id). */
export const RefundReceiptSchema = z.object({
  refundId: IdSchema,
  paymentId: IdSchema,
  venueName: z.string(),
  currency: z.string(),
  orderNumber: z.number().int(),
  tableLabel: z.string().nullable(),
  method: TenderMethodSchema,
  maskedCard: z.string().nullable(),
  /** The terminal's reference of the original sale. */
  reference: z.string().nullable(),
  /** What the payment captured (sale + tip). */
  captured: MoneySchema,
  /** This refund. */
  amount: MoneySchema,
  /** Refunded on this payment so far, this refund included. */
  refundedTotal: MoneySchema,
  /** What can still be refunded on this payment. */
  refundable: MoneySchema,
  reason: z.string(),
  staffName: z.string(),
  /** The cash shift (drawer) the refund booked to, and whose it is: the money leaves that till. */
  drawer: z.object({ shiftId: IdSchema, cashierName: z.string() }),
  issuedAt: IsoDateTimeSchema,
});
export type RefundReceipt = z.infer<typeof RefundReceiptSchema>;

/** A refund answers with the payment as it is now plus the slip of this refund. */
export const RefundResultSchema = PaymentSchema.extend({ refundReceipt: RefundReceiptSchema });
export type RefundResult = z.infer<typeof RefundResultSchema>;

export const PaymentResultSchema = z.object({
  payments: z.array(PaymentSchema),
  change: MoneySchema,
  order: OrderSchema,
  receipt: ReceiptSchema,
});
export type PaymentResult = z.infer<typeof PaymentResultSchema>;

export const LEDGER_KINDS = ['sale', 'tip', 'refund'] as const;
export const LedgerKindSchema = z.enum(LEDGER_KINDS);
