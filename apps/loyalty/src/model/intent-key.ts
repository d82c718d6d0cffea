/**
 * A key for one intent of the cashier (this attach, this sale, this payment), sent as the
 * request's Idempotency-Key: a retry after a lost answer is done once, a new intent gets a new key.
 */
export const newIntentKey = (): string => crypto.randomUUID();
