import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, MoneySchema } from './common';

export const HallSchema = z.object({ id: IdSchema, name: z.string(), sort: z.number().int() });
export type Hall = z.infer<typeof HallSchema>;

export const TABLE_STATUSES = ['free', 'occupied', 'bill', 'reserved'] as const;
export const TableStatusSchema = z.enum(TABLE_STATUSES);
export type TableStatus = z.infer<typeof TableStatusSchema>;

export const TableSessionSchema = z.object({
  id: IdSchema,
  tableId: IdSchema,
  waiterId: IdSchema,
  waiterName: z.string(),
  guests: z.number().int(),
  status: z.enum(['open', 'closed', 'merged']),
  openedAt: IsoDateTimeSchema,
  closedAt: IsoDateTimeSchema.nullable(),
});
export type TableSession = z.infer<typeof TableSessionSchema>;

export const TableSchema = z.object({
  id: IdSchema,
  hallId: IdSchema,
  label: z.string(),
  seats: z.number().int(),
  shape: z.enum(['round', 'square', 'rect']),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  status: TableStatusSchema,
  session: TableSessionSchema.nullable(),
  /** Sum of the open orders' totals of the current session. */
  openTotal: MoneySchema,
  /**
   * Portions the kitchen has for the session's open orders, not served yet: `cooking` on queued or
   * started tickets, `ready` on tickets waiting at the pass for the waiter. Zeros for a free table.
   */
  kitchen: z.object({ cooking: z.number().int().min(0), ready: z.number().int().min(0) }),
});
export type Table = z.infer<typeof TableSchema>;

export const TablesQuerySchema = z.strictObject({ hallId: IdSchema.optional() });

export const OpenTableInputSchema = z.strictObject({
  guests: z.number().int().min(1).max(99),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type OpenTableInput = z.infer<typeof OpenTableInputSchema>;

export const CloseTableInputSchema = z.strictObject({
  clientRequestId: ClientRequestIdSchema.optional(),
});

/** Hand the table to another waiter, or move the whole session to another (free) table. */
export const TransferTableInputSchema = z
  .strictObject({
    toWaiterId: IdSchema.optional(),
    toTableId: IdSchema.optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => (v.toWaiterId === undefined) !== (v.toTableId === undefined), {
    message: 'Give exactly one of toWaiterId or toTableId',
    path: ['toWaiterId'],
  });
export type TransferTableInput = z.infer<typeof TransferTableInputSchema>;

/** Merge this table's session into the target table's session (guests join that table). */
export const MergeTableInputSchema = z.strictObject({
  targetTableId: IdSchema,
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type MergeTableInput = z.infer<typeof MergeTableInputSchema>;
