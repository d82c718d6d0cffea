/**
 * Card data the POS must never store (PCI DSS 3.3/3.4): a primary account number (PAN) typed or
 * pasted into a free-text field. Zod-free, so the tablet can warn as the cashier types and the
 * server refuses the same thing (the contracts' free-text payment fields refine with it).
 */

/** Characters people put between the digit groups of a card number ('4242 4242', '4242.4242', '4242-4242', '4242/4242'). */
const SEPARATOR = String.raw`[\s.,\-/\\_\u2010-\u2015]`;
/** Digit groups joined by separators: the stretch of text one written number can span. */
const DIGIT_GROUPS = new RegExp(String.raw`\d+(?:${SEPARATOR}+\d+)*`, 'g');

const PAN_MIN_DIGITS = 13;
const PAN_MAX_DIGITS = 19;

/** The Luhn (mod 10) check every payment card number passes. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether the text holds something that looks like a full card number: 13–19 digits passing the
 * Luhn check, written together or in groups with any separators, anywhere in a longer text. A
 * number is read whole groups at a time ('RRN 1234 4242 4242 4242 4242' holds one), never from
 * the middle of an unbroken run of digits (a 23-digit acquirer reference is not a card number).
 */
export function containsCardNumber(text: string): boolean {
  // Full-width and other compatibility digits read as the digits they show.
  for (const [written] of text.normalize('NFKC').matchAll(DIGIT_GROUPS)) {
    const groups = written.split(new RegExp(`${SEPARATOR}+`));
    for (let first = 0; first < groups.length; first++) {
      let digits = '';
      for (let last = first; last < groups.length && digits.length + groups[last].length <= PAN_MAX_DIGITS; last++) {
        digits += groups[last];
        if (digits.length >= PAN_MIN_DIGITS && isLuhnValid(digits)) return true;
      }
    }
  }
  return false;
}

/** What a field refusing card data says (the same words on the tablet and in the API's 400). */
export const CARD_DATA_MESSAGE = 'Looks like a card number: never enter card data, only the terminal reference or the masked card';
