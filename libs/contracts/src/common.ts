import { z } from 'zod';
import { MAX_BUSINESS_DATE, MAX_UNIT_PRICE, MIN_BUSINESS_DATE } from './constants';
import { isCalendarDate } from './reservation-time';

// In the browser our CSP forbids eval: zod's JIT would probe `new Function` (a CSP report on
// every load) and fall back anyway. Tablets validate little; the server keeps the JIT.
if ('document' in globalThis) z.config({ jitless: true });

/** Server ids are UUIDs; a malformed id is a 400 with the field path, never a 500. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Money is an integer amount of minor units (kopecks for RUB); never a float. */
export const MoneySchema = z.number().int().min(0).max(100_000_000_000);
export type Money = z.infer<typeof MoneySchema>;

/** The price of one product or combo as an admin sets it: far below what an order may total. */
export const PriceSchema = MoneySchema.max(MAX_UNIT_PRICE);

/**
 * Sums over many orders (a shift's sales, tips, what the drawer should hold): each order is
 * bounded, their sum need not fit `MoneySchema`; it stays an exact integer.
 */
export const MoneyTotalSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const SignedMoneyTotalSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** A signed amount of minor units, for differences (counted minus expected). */
export const SignedMoneySchema = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');

/** An optimistic-concurrency version (orders, tickets, reservations, the menu): a counter, never huge. */
export const VersionSchema = z.number().int().min(0).max(2_147_483_647);

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

const FIRST_INSTANT = Date.parse(`${MIN_BUSINESS_DATE}T00:00:00Z`);
const LAST_INSTANT = Date.parse(`${MAX_BUSINESS_DATE}T23:59:59.999Z`);

/**
 * An instant a client asks for (a booking's start or end): ISO-8601 within MIN_BUSINESS_DATE ..
 * MAX_BUSINESS_DATE, so everything computed from it (an end two hours later, a business day) can
 * still be written as ISO and compared. The server narrows it to what makes sense today.
 */
export const InputInstantSchema = IsoDateTimeSchema.refine((v) => {
  const ms = Date.parse(v);
  return ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
}, `A time between ${MIN_BUSINESS_DATE} and ${MAX_BUSINESS_DATE}`);

/**
 * A business day of the venue, YYYY-MM-DD in the venue's time zone: a real calendar date within
 * MIN_BUSINESS_DATE .. MAX_BUSINESS_DATE (the server narrows it to today + MAX_DAYS_AHEAD).
 */
export const BusinessDateSchema = z
  .string()
  .refine((v) => isCalendarDate(v) && v >= MIN_BUSINESS_DATE && v <= MAX_BUSINESS_DATE, `A date as YYYY-MM-DD, ${MIN_BUSINESS_DATE} to ${MAX_BUSINESS_DATE}`);

/**
 * A whole number given in a query string: decimal digits only. `z.coerce.number()` would read
 * '' as 0, '0x10' as 16 and '1e3' as 1000; a client sending those has a bug worth a 400.
 */
export const queryInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,16}$/, 'A whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/**
 * Idempotency key of a mutating command. The client generates it (UUID v7) once per command and
 * sends it again on every retry; the server replays the stored response for a repeated key.
 */
export const ClientRequestIdSchema = z.string().min(8).max(100).regex(/^[A-Za-z0-9._:-]+$/);

export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** RFC 9457 problem details, with the failing field paths for validation errors. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
