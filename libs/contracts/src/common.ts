import { z } from 'zod';

/** Server ids are UUIDs; a malformed id is a 400 with the field path, never a 500. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Money is an integer amount of minor units (kopecks for RUB); never a float. */
export const MoneySchema = z.number().int().min(0).max(100_000_000_000);
export type Money = z.infer<typeof MoneySchema>;

/** A signed amount of minor units, for differences (counted minus expected). */
export const SignedMoneySchema = z.number().int().min(-100_000_000_000).max(100_000_000_000);

export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code');

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

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
