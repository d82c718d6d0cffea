import { z } from 'zod';
import { BusinessDateSchema, ClientRequestIdSchema, IdSchema, InputInstantSchema, IsoDateTimeSchema, VersionSchema } from './common';
import { TableSessionSchema } from './venues';

export const RESERVATION_STATUSES = ['booked', 'seated', 'cancelled', 'no-show'] as const;
export const ReservationStatusSchema = z.enum(RESERVATION_STATUSES);
export type ReservationStatus = z.infer<typeof ReservationStatusSchema>;

/** The one transition table of a reservation; anything else is a 409. */
export const RESERVATION_TRANSITIONS: Record<ReservationStatus, readonly ReservationStatus[]> = {
  booked: ['seated', 'cancelled', 'no-show'],
  seated: [],
  cancelled: [],
  'no-show': [],
};

export const canMoveReservation = (from: ReservationStatus, to: ReservationStatus): boolean => RESERVATION_TRANSITIONS[from].includes(to);

/** A booking is this long unless the host says otherwise. */
export const DEFAULT_RESERVATION_MINUTES = 120;
export const MAX_RESERVATION_MINUTES = 12 * 60;

/** Formatting (spaces, dashes, brackets) is allowed; 10 to 15 digits, optionally after a '+'. */
export const GuestPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]*$/, 'A phone number: digits, optionally +, spaces, dashes or brackets')
  .refine((v) => {
    const digits = v.replace(/\D/g, '').length;
    return digits >= 10 && digits <= 15;
  }, 'A phone number has 10 to 15 digits');

export { BusinessDateSchema } from './common';

const GuestNameSchema = z.string().trim().min(1).max(80);
const ReservationNoteSchema = z.string().trim().max(300);
const DurationSchema = z.number().int().min(15).max(MAX_RESERVATION_MINUTES);
const TableIdsSchema = z
  .array(IdSchema)
  .min(1)
  .max(6)
  .refine((ids) => new Set(ids).size === ids.length, 'A table is listed twice');

export const ReservationTableSchema = z.object({
  id: IdSchema,
  hallId: IdSchema,
  label: z.string(),
  seats: z.number().int(),
});
export type ReservationTable = z.infer<typeof ReservationTableSchema>;

export const ReservationSchema = z.object({
  id: IdSchema,
  status: ReservationStatusSchema,
  /** The first table is where the party is seated; more tables are pushed together for it. */
  tables: z.array(ReservationTableSchema).min(1),
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  /** The venue's business day of `startsAt`. */
  date: z.string(),
  guests: z.number().int(),
  guestName: z.string(),
  guestPhone: z.string(),
  note: z.string().nullable(),
  /** The table session opened when the party was seated. */
  sessionId: IdSchema.nullable(),
  cancelReason: z.string().nullable(),
  createdById: IdSchema,
  createdByName: z.string(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  /** Optimistic concurrency: every change bumps it; a change must quote the version it saw. */
  version: VersionSchema,
});
export type Reservation = z.infer<typeof ReservationSchema>;

const onlyOneEnd = (v: { durationMinutes?: number; endsAt?: string }) => v.durationMinutes === undefined || v.endsAt === undefined;
const oneEndMessage = { message: 'Give either durationMinutes or endsAt, not both', path: ['endsAt'] };

/** Book a table (`tableId`) or tables pushed together (`tableIds`), from `startsAt` for a duration or until `endsAt`. */
export const CreateReservationInputSchema = z
  .strictObject({
    tableId: IdSchema.optional(),
    tableIds: TableIdsSchema.optional(),
    /** Within the contracts' date window; the server takes bookings up to MAX_DAYS_AHEAD from today. */
    startsAt: InputInstantSchema,
    /** Without it and without `endsAt` a booking lasts DEFAULT_RESERVATION_MINUTES. */
    durationMinutes: DurationSchema.optional(),
    endsAt: InputInstantSchema.optional(),
    guests: z.number().int().min(1).max(99),
    guestName: GuestNameSchema,
    guestPhone: GuestPhoneSchema,
    note: ReservationNoteSchema.optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => (v.tableId === undefined) !== (v.tableIds === undefined), { message: 'Give exactly one of tableId or tableIds', path: ['tableIds'] })
  .refine(onlyOneEnd, oneEndMessage);
export type CreateReservationInput = z.infer<typeof CreateReservationInputSchema>;

/** Change a booked reservation; only the fields given change. */
export const UpdateReservationInputSchema = z
  .strictObject({
    version: VersionSchema,
    tableIds: TableIdsSchema.optional(),
    startsAt: InputInstantSchema.optional(),
    durationMinutes: DurationSchema.optional(),
    endsAt: InputInstantSchema.optional(),
    guests: z.number().int().min(1).max(99).optional(),
    guestName: GuestNameSchema.optional(),
    guestPhone: GuestPhoneSchema.optional(),
    note: ReservationNoteSchema.nullable().optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine(onlyOneEnd, oneEndMessage);
export type UpdateReservationInput = z.infer<typeof UpdateReservationInputSchema>;

export const CancelReservationInputSchema = z.strictObject({
  reason: z.string().trim().min(2).max(200),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CancelReservationInput = z.infer<typeof CancelReservationInputSchema>;

export const NoShowReservationInputSchema = z.strictObject({
  clientRequestId: ClientRequestIdSchema.optional(),
});

export const SeatReservationInputSchema = z.strictObject({
  /** How many actually came; the booked number by default. */
  guests: z.number().int().min(1).max(99).optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type SeatReservationInput = z.infer<typeof SeatReservationInputSchema>;

export const SeatReservationResultSchema = z.object({
  reservation: ReservationSchema,
  session: TableSessionSchema,
});
export type SeatReservationResult = z.infer<typeof SeatReservationResultSchema>;

export const ReservationsQuerySchema = z.strictObject({
  date: BusinessDateSchema,
  hallId: IdSchema.optional(),
  tableId: IdSchema.optional(),
});
export type ReservationsQuery = z.infer<typeof ReservationsQuerySchema>;
