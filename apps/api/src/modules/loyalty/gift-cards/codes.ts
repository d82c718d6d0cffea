import { randomBytes } from 'node:crypto';
import { CROCKFORD32, GIFT_CARD_CODE_RANDOM_SYMBOLS, giftCardCheckSymbol } from '@pos/contracts';

/**
 * A new gift card code: 13 Crockford base-32 symbols from 65 bits of the CSPRNG (9 bytes, 7 bits
 * left over) and the Luhn mod 32 check symbol — normalized, as stored.
 */
export function newGiftCardCode(): string {
  let bits = BigInt(`0x${randomBytes(9).toString('hex')}`);
  let body = '';
  for (let i = 0; i < GIFT_CARD_CODE_RANDOM_SYMBOLS; i++) {
    body += CROCKFORD32[Number(bits & 31n)];
    bits >>= 5n;
  }
  return body + giftCardCheckSymbol(body);
}

/** What a receipt, a payment and an order line show of a card: its last four symbols. */
export const maskGiftCardCode = (code: string): string => `••••${code.slice(-4)}`;
