import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema } from './common';
import { addDays, businessDate, zonedWallTimeToUtc } from './reservation-time';

/**
 * Shift reminders and the closeout hour (issue 17, points 3 and 4): the venue may set a daily
 * closeout time; before it the cashiers are reminded (30 and 10 minutes ahead), and with
 * auto-close on, shifts still open at that instant close by themselves (not counted), their open
 * checks passed on to the next shift. A shift open longer than the venue's limit is flagged.
 */

export const DEFAULT_MAX_OPEN_MINUTES = 720;
export const MIN_MAX_OPEN_MINUTES = 60;
export const MAX_MAX_OPEN_MINUTES = 2880;

/** Wall-clock 'HH:MM' (24 h), read in the venue's time zone. */
export const WallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM, 00:00–23:59');

export const ShiftSettingsSchema = z.object({
  /** The venue's daily closeout hour in its time zone; null = none (no reminders, no auto-close). */
  closeoutTime: WallTimeSchema.nullable(),
  /** Close shifts still open at the closeout instant (only with a closeout time). */
  autoClose: z.boolean(),
  /** A shift open this long is flagged (`over_limit`). */
  maxOpenMinutes: z.number().int().min(MIN_MAX_OPEN_MINUTES).max(MAX_MAX_OPEN_MINUTES),
  timeZone: z.string().min(1).max(64),
  updatedAt: IsoDateTimeSchema.nullable(),
});
export type ShiftSettings = z.infer<typeof ShiftSettingsSchema>;

export const PutShiftSettingsInputSchema = z
  .strictObject({
    closeoutTime: WallTimeSchema.nullable(),
    autoClose: z.boolean(),
    maxOpenMinutes: z.number().int().min(MIN_MAX_OPEN_MINUTES).max(MAX_MAX_OPEN_MINUTES),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => !v.autoClose || v.closeoutTime !== null, { path: ['autoClose'], message: 'Auto-close needs a closeout time' });
export type PutShiftSettingsInput = z.infer<typeof PutShiftSettingsInputSchema>;

/**
 * `closeout_30` is due from 30 minutes before the closeout instant, `closeout_10` from 10 (then it
 * replaces the other); `over_limit` once the shift has been open `maxOpenMinutes`.
 */
export const SHIFT_ALERT_KINDS = ['over_limit', 'closeout_30', 'closeout_10'] as const;
export const ShiftAlertKindSchema = z.enum(SHIFT_ALERT_KINDS);
export type ShiftAlertKind = z.infer<typeof ShiftAlertKindSchema>;

const shiftAlertFields = {
  shiftId: IdSchema,
  cashierId: IdSchema,
  cashierName: z.string(),
  tillName: z.string().nullable(),
  openedAt: IsoDateTimeSchema,
  /** When it became due. */
  since: IsoDateTimeSchema,
  /** Whole minutes to the closeout instant, rounded up; null for `over_limit` and `auto_closed`. */
  minutesLeft: z.number().int().min(0).max(24 * 60).nullable(),
};

export const ShiftAlertSchema = z.object({ kind: ShiftAlertKindSchema, ...shiftAlertFields });
export type ShiftAlert = z.infer<typeof ShiftAlertSchema>;

export const ShiftAlertsSchema = z.object({
  serverTime: IsoDateTimeSchema,
  /** The next closeout instant, or null when the venue has no closeout time. */
  closeoutAt: IsoDateTimeSchema.nullable(),
  alerts: z.array(ShiftAlertSchema),
});
export type ShiftAlerts = z.infer<typeof ShiftAlertsSchema>;

/**
 * The socket event's alert: one of the kinds above the moment it becomes due, or `auto_closed`
 * — the shift was closed at the closeout instant (`since`) without a count.
 */
export const SHIFT_ALERT_EVENT_KINDS = [...SHIFT_ALERT_KINDS, 'auto_closed'] as const;
export const ShiftAlertEventSchema = z.object({ kind: z.enum(SHIFT_ALERT_EVENT_KINDS), ...shiftAlertFields });
export type ShiftAlertEvent = z.infer<typeof ShiftAlertEventSchema>;

/** The first closeout instant after `now` (a closeout exactly at `now` is past). */
export function nextCloseoutAt(now: Date | string, closeoutTime: string, timeZone: string): string {
  const ms = new Date(now).getTime();
  const today = businessDate(ms, timeZone);
  for (const date of [addDays(today, -1), today, addDays(today, 1), addDays(today, 2)]) {
    const at = zonedWallTimeToUtc(date, closeoutTime, timeZone);
    if (Date.parse(at) > ms) return at;
  }
  return zonedWallTimeToUtc(addDays(today, 2), closeoutTime, timeZone);
}

/** The latest closeout instant at or before `now`. */
export function lastCloseoutAt(now: Date | string, closeoutTime: string, timeZone: string): string {
  const ms = new Date(now).getTime();
  const today = businessDate(ms, timeZone);
  for (const date of [addDays(today, 1), today, addDays(today, -1), addDays(today, -2)]) {
    const at = zonedWallTimeToUtc(date, closeoutTime, timeZone);
    if (Date.parse(at) <= ms) return at;
  }
  return zonedWallTimeToUtc(addDays(today, -2), closeoutTime, timeZone);
}

/** Whole minutes from `now` to `at`, rounded up (30:00 → 30, 29:59 → 30, 9:01 → 10). */
export const minutesUntil = (now: Date | string, at: string) => Math.max(0, Math.ceil((Date.parse(at) - new Date(now).getTime()) / 60_000));

/** Which closeout reminder is due `now` for a closeout at `closeoutAt`, if any. */
export function closeoutReminderDue(now: Date | string, closeoutAt: string): { kind: 'closeout_30' | 'closeout_10'; since: string } | null {
  const left = Date.parse(closeoutAt) - new Date(now).getTime();
  if (left <= 0) return null;
  const at = (minutes: number) => new Date(Date.parse(closeoutAt) - minutes * 60_000).toISOString();
  if (left <= 10 * 60_000) return { kind: 'closeout_10', since: at(10) };
  if (left <= 30 * 60_000) return { kind: 'closeout_30', since: at(30) };
  return null;
}
