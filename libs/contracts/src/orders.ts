import { z } from 'zod';
import { BusinessDateSchema, ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema, SignedMoneySchema, VersionSchema } from './common';
import { OrderDeliverySchema } from './integrations';
import { AppliedPromotionSchema } from './promotion-applied';
import { MAX_ITEMS_PER_COMMAND, MAX_LINE_QUANTITY, MAX_ORDER_LINES } from './constants';

export const CourseSchema = z.number().int().min(1).max(9);
/** Portions on a line per command; an order as a whole is bounded by the server (MAX_ORDER_LINES, MAX_ORDER_TOTAL). */
export const QuantitySchema = z.number().int().min(1).max(MAX_LINE_QUANTITY);
const NoteSchema = z.string().trim().max(200);

export const LineModifierSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceDelta: SignedMoneySchema,
});
export type LineModifier = z.infer<typeof LineModifierSchema>;

/**
 * What the kitchen knows of a line: `new` was never fired, `fired` matches the kitchen,
 * `changed` was fired but its quantity or note changed since (the next firing sends the delta).
 */
export const LineKitchenStateSchema = z.enum(['new', 'fired', 'changed']);

export const OrderLineSchema = z.object({
  id: IdSchema,
  productId: IdSchema,
  /** Name and price are snapshots taken when the line was added. */
  name: z.string(),
  unitPrice: MoneySchema,
  modifiers: z.array(LineModifierSchema),
  quantity: z.number().int(),
  voidedQuantity: z.number().int(),
  firedQuantity: z.number().int(),
  note: z.string().nullable(),
  course: CourseSchema,
  kitchenState: LineKitchenStateSchema,
  voidReason: z.string().nullable(),
  lineTotal: MoneySchema,
  /**
   * A combo line: the combo sold at its price. It never goes to the kitchen itself — its dishes
   * do, as lines of their own with `comboLineId` set (priced 0: the combo line carries the price,
   * paid modifiers of a dish still count). Its `productId` is the product that owns the combo
   * (one of its dishes), not something sold on its own: tell combo lines by this field. Absent on
   * ordinary lines.
   */
  comboId: IdSchema.optional(),
  /** A dish of a combo: the id of its combo line. Absent on ordinary lines. */
  comboLineId: IdSchema.optional(),
  /**
   * A charge line (a gift card sold on the order): a name and a price, never sent to the kitchen,
   * sold as it is (void it, never change it). Absent on ordinary lines.
   */
  isCharge: z.literal(true).optional(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const CheckSchema = z.object({
  index: z.number().int().min(0),
  amount: MoneySchema,
  paid: MoneySchema,
  due: MoneySchema,
  /** For a split by lines: which line quantities this check covers. */
  lines: z.array(z.object({ lineId: IdSchema, quantity: z.number().int() })).nullable(),
});
export type Check = z.infer<typeof CheckSchema>;

export const SplitSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('equal'), parts: z.number().int().min(2).max(20) }),
  z.object({
    mode: z.literal('lines'),
    checks: z.array(z.array(z.object({ lineId: IdSchema, quantity: QuantitySchema })).min(1).max(MAX_ORDER_LINES)).min(1).max(20),
  }),
]);
export type Split = z.infer<typeof SplitSchema>;

export const ORDER_STATUSES = ['open', 'paid', 'void'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  tableId: IdSchema.nullable(),
  tableLabel: z.string().nullable(),
  sessionId: IdSchema.nullable(),
  waiterId: IdSchema,
  waiterName: z.string(),
  shiftId: IdSchema.nullable(),
  status: OrderStatusSchema,
  guests: z.number().int(),
  note: z.string().nullable(),
  heldCourses: z.array(CourseSchema),
  /** Optimistic concurrency: every change bumps it; edits must quote the version they saw. */
  version: VersionSchema,
  lines: z.array(OrderLineSchema),
  split: SplitSchema.nullable(),
  checks: z.array(CheckSchema),
  subtotal: MoneySchema,
  discount: MoneySchema,
  total: MoneySchema,
  paid: MoneySchema,
  tips: MoneySchema,
  due: MoneySchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
  /**
   * The loyalty guest attached to the order (issue 18): points are earned on its payments and
   * spent on it. Absent from a server before loyalty; null when no guest is attached.
   */
  customer: z.object({ id: IdSchema, name: z.string() }).nullable().optional(),
  /**
   * Promotions applied to the order (issue 19), re-evaluated by the server on every change; their
   * savings sum to `discount`. Absent from a server before promotions.
   */
  promotions: z.array(AppliedPromotionSchema).optional(),
  /**
   * Where the order came from (issue 20): taken at the till, or in from a delivery partner, with
   * the partner's details in `delivery`. Absent from a server before integrations.
   */
  source: z.enum(['pos', 'delivery']).optional(),
  delivery: OrderDeliverySchema.nullable().optional(),
});
export type Order = z.infer<typeof OrderSchema>;

export const AddItemInputSchema = z.strictObject({
  productId: IdSchema,
  quantity: QuantitySchema,
  modifierIds: z.array(IdSchema).max(20).optional(),
  note: NoteSchema.optional(),
  course: CourseSchema.optional(),
});
export type AddItemInput = z.infer<typeof AddItemInputSchema>;

export const CreateOrderInputSchema = z.strictObject({
  /** A free table is opened for the waiter on the fly (offline clients queue one command). */
  tableId: IdSchema.optional(),
  guests: z.number().int().min(1).max(99).optional(),
  items: z.array(AddItemInputSchema).max(MAX_ITEMS_PER_COMMAND).optional(),
  note: NoteSchema.optional(),
  heldCourses: z.array(CourseSchema).max(9).optional(),
  /** The shift the client saw when it queued the command; a closed one books to a rescue shift. */
  shiftId: IdSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInputSchema>;

export const AddItemsInputSchema = z.strictObject({
  items: z.array(AddItemInputSchema).min(1).max(MAX_ITEMS_PER_COMMAND),
  /** Optional: adding lines never overwrites anyone's change, so it does not need the version. */
  version: VersionSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type AddItemsInput = z.infer<typeof AddItemsInputSchema>;

export const UpdateLineInputSchema = z
  .strictObject({
    version: VersionSchema,
    quantity: QuantitySchema.optional(),
    note: NoteSchema.nullable().optional(),
    course: CourseSchema.optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => v.quantity !== undefined || v.note !== undefined || v.course !== undefined, {
    message: 'Nothing to change',
    path: ['quantity'],
  });
export type UpdateLineInput = z.infer<typeof UpdateLineInputSchema>;

export const VoidLineInputSchema = z.strictObject({
  version: VersionSchema,
  /** Defaults to everything still standing on the line. */
  quantity: QuantitySchema.optional(),
  /** Required once the line was fired to the kitchen. */
  reason: z.string().trim().min(3).max(200).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type VoidLineInput = z.infer<typeof VoidLineInputSchema>;

export const LineParamsSchema = z.strictObject({ id: IdSchema, lineId: IdSchema });

export const UpdateOrderInputSchema = z.strictObject({
  version: VersionSchema,
  note: NoteSchema.nullable().optional(),
  guests: z.number().int().min(1).max(99).optional(),
  heldCourses: z.array(CourseSchema).max(9).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type UpdateOrderInput = z.infer<typeof UpdateOrderInputSchema>;

export const SplitOrderInputSchema = z.strictObject({
  version: VersionSchema,
  /** null removes the split. */
  split: SplitSchema.nullable(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type SplitOrderInput = z.infer<typeof SplitOrderInputSchema>;

export const SendOrderInputSchema = z.strictObject({
  /** Fire only these courses (held or not); without it every course that is not held fires. */
  courses: z.array(CourseSchema).min(1).max(9).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type SendOrderInput = z.infer<typeof SendOrderInputSchema>;

export const OrdersQuerySchema = z.strictObject({
  status: OrderStatusSchema.optional(),
  /** The venue's business day the order was opened on (YYYY-MM-DD, in the venue's time zone). */
  date: BusinessDateSchema.optional(),
  tableId: IdSchema.optional(),
  sessionId: IdSchema.optional(),
  waiterId: IdSchema.optional(),
  /** Taken at the till, or in from a delivery partner (issue 20: the delivery board). */
  source: z.enum(['pos', 'delivery']).optional(),
});
export type OrdersQuery = z.infer<typeof OrdersQuerySchema>;
