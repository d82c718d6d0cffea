import { z } from 'zod';
import { BusinessDateSchema, CurrencySchema, IdSchema, IsoDateTimeSchema, MoneySchema, MoneyTotalSchema, SignedMoneyTotalSchema } from './common';
import { PAYMENT_METHODS } from './finance';
import { ShiftMethodTotalsSchema } from './shifts';
import { WeekdaySchema } from './upsell';

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

/* ----------------------------------------------------------------------------------------------
 * Plans: the venue's revenue targets per weekday and hour (`GET/PUT /admin/plans`, `admin.plans`).
 * -------------------------------------------------------------------------------------------- */

/** One hour's net revenue target, in minor units (at most 10 million in major units an hour). */
export const HourTargetSchema = MoneySchema.max(1_000_000_000);

/**
 * A weekday's plan: the net revenue target of each wall-clock hour 0–23 in the venue's time zone.
 * The day's target is their sum; their shape is the hourly curve the plan is spread along.
 */
export const PlanDaySchema = z.strictObject({
  weekday: WeekdaySchema,
  hours: z.array(HourTargetSchema).length(24),
});
export type PlanDay = z.infer<typeof PlanDaySchema>;

/** Deviation within ± this percent of the plan up to now counts as on plan. */
export const PlanThresholdSchema = z.number().int().min(0).max(50);
/** The threshold of a venue that never saved its plans. */
export const DEFAULT_PLAN_THRESHOLD_PERCENT = 5;
/** The largest deviation in percent a dashboard states, either way (see DashboardPlan.deviationPercent). */
export const PLAN_DEVIATION_PERCENT_LIMIT = 1_000_000;

export const PlansSchema = z.object({
  currency: CurrencySchema,
  timeZone: z.string().min(1).max(64),
  /** DEFAULT_PLAN_THRESHOLD_PERCENT until the venue saves its plans. */
  thresholdPercent: PlanThresholdSchema,
  /** All seven weekdays, Monday first; a weekday without a plan has 24 zeros. */
  days: z.array(PlanDaySchema).length(7),
  /** When the plans were last saved; null when never. */
  updatedAt: IsoDateTimeSchema.nullable(),
});
export type Plans = z.infer<typeof PlansSchema>;

/**
 * `PUT /admin/plans`: the threshold and the weekdays given (each weekday at most once); weekdays
 * left out keep their plan.
 */
export const PutPlansInputSchema = z
  .strictObject({
    thresholdPercent: PlanThresholdSchema,
    days: z.array(PlanDaySchema).max(7),
  })
  .refine((p) => new Set(p.days.map((d) => d.weekday)).size === p.days.length, { path: ['days'], message: 'Each weekday at most once' });
export type PutPlansInput = z.infer<typeof PutPlansInputSchema>;

export const PLAN_STATUSES = ['ahead', 'on_plan', 'behind'] as const;
export const PlanStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/**
 * The dashboard's figures against the plan. The window is the business day (scope `day`) or the
 * part of it the shift has been open (scope `shift`: from its opening minute to its close, or to
 * the day's end while open, clipped to the business day it opened on); "up to now" ends at now,
 * or at the shift's close. Hours are the venue's wall-clock hours; a part of an hour counts by the
 * share of its minutes, so the plan to now follows the hourly curve, not a straight line.
 */
export const DashboardPlanSchema = z.object({
  /** Target over the whole window (the day, or the shift's hours to its close or the day's end). */
  target: MoneyTotalSchema,
  /** Target from the window's start up to now, each hour counted by the share of it gone by. */
  targetToNow: MoneyTotalSchema,
  /** net − targetToNow. */
  deviation: SignedMoneyTotalSchema,
  /**
   * deviation / targetToNow × 100, one decimal (halves away from zero), held within
   * ±PLAN_DEVIATION_PERCENT_LIMIT (a shift opened a minute ago has kopecks planned, so a first check
   * is millions of percent ahead); null while nothing was planned yet.
   */
  deviationPercent: z.number().min(-PLAN_DEVIATION_PERCENT_LIMIT).max(PLAN_DEVIATION_PERCENT_LIMIT).nullable(),
  /**
   * `on_plan` within ± thresholdPercent, else `ahead` or `behind`. With nothing planned yet
   * (targetToNow 0): `on_plan` at net 0, `ahead` above it, `behind` below it (refunds only).
   */
  status: PlanStatusSchema,
  thresholdPercent: PlanThresholdSchema,
  /** The business day's 24 hour targets (the chart's plan line), hour 0 first. */
  hours: z.array(HourTargetSchema).length(24),
});
export type DashboardPlan = z.infer<typeof DashboardPlanSchema>;

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
  /** What promotions took off the orders paid in scope (one ledger row per paid order, issue 19). */
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
  /** Against the venue's plan; null when the business day's weekday has no plan (all zeros) or the view is one waiter's. */
  plan: DashboardPlanSchema.nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export type DashboardMethod = z.infer<typeof DashboardMethodSchema>;
