import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema, MoneyTotalSchema, SignedMoneyTotalSchema } from './common';
import { MAX_ORDER_TOTAL } from './constants';
import { PAYMENT_METHODS, SettleHoldsResultSchema, withoutCardData } from './finance';

export const OpenShiftInputSchema = z.strictObject({
  openingFloat: MoneySchema.max(MAX_ORDER_TOTAL),
  /**
   * The till (cash drawer) to open the shift on. Default: the till this tablet is attached to
   * (Admin); a tablet without a till opens a personal drawer, as before tills.
   */
  tillId: IdSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type OpenShiftInput = z.infer<typeof OpenShiftInputSchema>;

const ByMethod = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(PAYMENT_METHODS.map((m) => [m, value])) as Record<(typeof PAYMENT_METHODS)[number], T>);

export const ShiftMethodTotalsSchema = z.object({
  sales: MoneyTotalSchema,
  tips: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
  /**
   * What should be in the drawer / on the terminal: sales + tips − refunds, and for cash also the
   * float + paid in − paid out (`cashMovements`).
   */
  expected: SignedMoneyTotalSchema,
});

/** Cash put into the drawer (change from the bank) or taken out of it (a supplier paid, a bank drop). */
export const CASH_MOVEMENT_KINDS = ['paid_in', 'paid_out'] as const;
export const CashMovementKindSchema = z.enum(CASH_MOVEMENT_KINDS);
export type CashMovementKind = z.infer<typeof CashMovementKindSchema>;

export const RecordCashMovementInputSchema = z.strictObject({
  kind: CashMovementKindSchema,
  /** Minor units, more than zero; no more than the largest bill (`MAX_ORDER_TOTAL`). */
  amount: MoneySchema.min(1).max(MAX_ORDER_TOTAL),
  reason: withoutCardData(z.string().trim().min(1).max(200)),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type RecordCashMovementInput = z.infer<typeof RecordCashMovementInputSchema>;

export const CashMovementSchema = z.object({
  id: IdSchema,
  shiftId: IdSchema,
  kind: CashMovementKindSchema,
  amount: MoneySchema,
  reason: z.string(),
  /** Who recorded it. */
  staffId: IdSchema,
  staffName: z.string(),
  createdAt: IsoDateTimeSchema,
});
export type CashMovement = z.infer<typeof CashMovementSchema>;

/** What the shift's cash movements add up to (the cash `expected` counts them). */
export const CashMovementTotalsSchema = z.object({ paidIn: MoneyTotalSchema, paidOut: MoneyTotalSchema });

export const SHIFT_CLOSE_MODES = ['counted', 'blind', 'auto'] as const;
export const ShiftCloseModeSchema = z.enum(SHIFT_CLOSE_MODES);
export type ShiftCloseMode = z.infer<typeof ShiftCloseModeSchema>;

export const ShiftSchema = z.object({
  id: IdSchema,
  cashierId: IdSchema,
  cashierName: z.string(),
  status: z.enum(['open', 'closed']),
  /** The till (cash drawer) the shift runs on; null for a personal drawer (no till). */
  tillId: IdSchema.nullable(),
  tillName: z.string().nullable(),
  /**
   * How it was closed (null while open): `counted` by its cashier, `blind` — a supervisor counted
   * another's drawer before seeing the expected figure, `auto` — closed at the venue's closeout
   * hour without a count.
   */
  closeMode: ShiftCloseModeSchema.nullable(),
  /** Opened by the server to book a late command whose shift had already closed. */
  isRescue: z.boolean(),
  openedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
  openingFloat: MoneySchema,
  totals: ByMethod(ShiftMethodTotalsSchema),
  cashMovements: CashMovementTotalsSchema,
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
  /**
   * The open regular shift of the venue that takes this shift's open checks (a handover);
   * default: the longest-running other open shift. Not for the venue's last open shift.
   */
  handoverTo: IdSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CloseShiftInput = z.infer<typeof CloseShiftInputSchema>;

/**
 * Closing answers with the closed shift; closing the venue's last open shift is its day close,
 * so holds past their expiry were captured or released first (the venue's policy) and are listed.
 */
export const ClosedShiftSchema = ShiftSchema.extend({
  settledHolds: SettleHoldsResultSchema.optional(),
  /**
   * Open checks this shift passed on as it closed: to another open shift (`toShiftId`), or, when
   * the closeout hour closed it with none left open, to whichever shift opens next (null).
   */
  handedOver: z.array(z.object({ orderId: IdSchema, number: z.number().int().min(0).max(2_147_483_647), toShiftId: IdSchema.nullable() })).max(10_000).optional(),
});
export type ClosedShift = z.infer<typeof ClosedShiftSchema>;

/** A till's open shift, as the till list and the supervisor's board show it (no expected figures: a supervisor counts blind). */
export const TillShiftSchema = z.object({
  id: IdSchema,
  cashierId: IdSchema,
  cashierName: z.string(),
  openedAt: IsoDateTimeSchema,
});

/** A cash drawer of the venue. */
export const TillSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Archived tills keep their history but take no new shift. */
  archived: z.boolean(),
  openShift: TillShiftSchema.nullable(),
});
export type Till = z.infer<typeof TillSchema>;

/** `GET /pos/tills`: the venue's tills (not archived) and the one this tablet is attached to. */
export const TillsSchema = z.object({ tills: z.array(TillSchema), deviceTillId: IdSchema.nullable() });
export type Tills = z.infer<typeof TillsSchema>;

const TillNameSchema = withoutCardData(z.string().trim().min(1).max(40));

export const CreateTillInputSchema = z.strictObject({ name: TillNameSchema, clientRequestId: ClientRequestIdSchema.optional() });
export type CreateTillInput = z.infer<typeof CreateTillInputSchema>;

export const UpdateTillInputSchema = z.strictObject({
  name: TillNameSchema.optional(),
  archived: z.boolean().optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type UpdateTillInput = z.infer<typeof UpdateTillInputSchema>;

/** Attach a tablet to a till (its payments and refunds book to the till's open shift), or detach it (null). */
export const SetDeviceTillInputSchema = z.strictObject({ tillId: IdSchema.nullable(), clientRequestId: ClientRequestIdSchema.optional() });
export type SetDeviceTillInput = z.infer<typeof SetDeviceTillInputSchema>;

/** A row of the supervisor's board of open shifts: who, where, since when, how many checks are open — never the expected cash. */
export const OpenShiftSummarySchema = TillShiftSchema.extend({
  tillId: IdSchema.nullable(),
  tillName: z.string().nullable(),
  isRescue: z.boolean(),
  openChecks: z.number().int().min(0),
});
export type OpenShiftSummary = z.infer<typeof OpenShiftSummarySchema>;
export const OpenShiftsSchema = z.object({ shifts: z.array(OpenShiftSummarySchema) });

/** One staff member's work on a shift, from the same ledger rows as the shift's totals. */
export const ShiftStaffWorkSchema = z.object({
  staffId: IdSchema,
  staffName: z.string(),
  /** Payments they took (a split bill's payments count one each). */
  payments: z.number().int().min(0),
  sales: MoneyTotalSchema,
  tips: MoneyTotalSchema,
  refunds: MoneyTotalSchema,
});
export type ShiftStaffWork = z.infer<typeof ShiftStaffWorkSchema>;
export const ShiftStaffSchema = z.object({ staff: z.array(ShiftStaffWorkSchema) });
