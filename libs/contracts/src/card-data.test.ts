// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the property tests the brief asks for; the library itself still imports zod alone
import fc from 'fast-check';
import { containsCardNumber, isLuhnValid } from './card-data';

/** Appends the one check digit that makes `body` Luhn-valid. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable: one of ten check digits always fits');
}
/** A digit other than the right check digit: the number fails Luhn. */
function withWrongCheckDigit(body: string, pick: number): string {
  const right = withCheckDigit(body).slice(-1);
  const wrong = [...'0123456789'].filter((d) => d !== right);
  return `${body}${wrong[pick % wrong.length]}`;
}

const digitsArb = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const separatorArb = fc.constantFrom(' ', '.', '-', '/', '  ', ' - ', '\u00a0', '_', '\\', '\u2013');
/** Luhn-valid card numbers of every length a PAN can have. */
const panArb = fc.integer({ min: 13, max: 19 }).chain((n) => digitsArb(n - 1, n - 1).map(withCheckDigit));
/** Text around a number that cannot run into it (never a digit or a separator at the seam). */
const contextArb = fc.string({ unit: fc.constantFrom(...'RefNoABCxyzабв#:()'), maxLength: 12 });

/** Cuts the digits into groups and joins them with random separators (or none). */
const written = (digits: string) =>
  fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 19 }).chain((sizes) => {
    const groups: string[] = [];
    let at = 0;
    for (const size of sizes) {
      if (at >= digits.length) break;
      groups.push(digits.slice(at, at + size));
      at += size;
    }
    if (at < digits.length) groups.push(digits.slice(at));
    return fc.array(fc.option(separatorArb, { nil: '' }), { minLength: groups.length, maxLength: groups.length }).map((seps) => groups.map((g, i) => (i === 0 ? g : `${seps[i]}${g}`)).join(''));
  });

describe('card data detection', () => {
  it('knows the Luhn check', () => {
    expect(isLuhnValid('4242424242424242')).toBe(true);
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('5555555555554444')).toBe(true);
    expect(isLuhnValid('378282246310005')).toBe(true);
    expect(isLuhnValid('4242424242424241')).toBe(false);
  });

  it.each([
    ['4242424242424242'],
    ['4242 4242 4242 4242'],
    ['4242.4242.4242.4242'],
    ['4242-4242-4242-4242'],
    ['4242/4242/4242/4242'],
    ['3782 822463 10005'],
    ['REF 4111111111111111'],
    ['card:4242-4242-4242-4242, exp 12/29'],
    ['Гость продиктовал 5555 5555 5555 4444 — вернуть'],
    ['４２４２４２４２４２４２４２４２'],
    ['1 4242 4242 4242 4242'],
    ['4242 4242 4242 4242 99'],
  ])('catches %s', (text) => {
    expect(containsCardNumber(text)).toBe(true);
  });

  it.each([
    [''],
    ['RRN-2041'],
    ['AUTH-77'],
    ['SIM-M0XK2Q1A-17'],
    ['•••• 4242'],
    ['424242******4242'],
    ['Order №1042, table 7, 4500.00 RUB'],
    ['Cold soup'],
    ['4242424242424241'],
    ['4242 4242 4242 4241'],
    ['424242424242'],
    // An unbroken 23-digit acquirer reference: no 13–19 digit number is written in it.
    ['74242424242424242424242'],
  ])('leaves %s alone', (text) => {
    expect(containsCardNumber(text)).toBe(false);
  });

  it('property: a Luhn-valid 13–19 digit number is caught however it is written and wherever it stands', () => {
    fc.assert(
      fc.property(
        panArb.chain((pan) => written(pan)),
        contextArb,
        contextArb,
        (number, before, after) => {
          expect(containsCardNumber(`${before}${number}${after}`)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: numbers failing Luhn are not card numbers, alone or followed by a separator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 13, max: 19 }).chain((n) => fc.tuple(digitsArb(n - 1, n - 1), fc.nat())),
        separatorArb,
        contextArb,
        ([body, pick], sep, before) => {
          const number = withWrongCheckDigit(body, pick);
          // Written whole, or as one group either side of a separator between `before` and it.
          expect(containsCardNumber(`${before}${number}`)).toBe(false);
          expect(containsCardNumber(`${before} ${number}${sep}`)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: short numbers (up to 12 digits) are never card numbers, however written', () => {
    fc.assert(
      fc.property(digitsArb(1, 12).chain((d) => written(d)), contextArb, (number, before) => {
        expect(containsCardNumber(`${before}${number}`)).toBe(false);
      }),
    );
  });

  it('property: order numbers, amounts and terminal references in a refund reason are not card numbers', () => {
    const amount = fc.integer({ min: 0, max: 100_000_000_000 }).map((minor) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')} RUB`);
    const orderNumber = fc.integer({ min: 1, max: 999_999 }).map((n) => `order №${n}`);
    const table = fc.integer({ min: 1, max: 99 }).map((n) => `table ${n}`);
    const reference = fc.tuple(fc.constantFrom('RRN', 'AUTH', 'SIM'), fc.integer({ min: 0, max: 999_999_999 })).map(([p, n]) => `${p}-${n}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(amount, orderNumber, table, reference, fc.constantFrom('Cold soup', 'Guest complaint', 'Wrong dish')), { minLength: 1, maxLength: 4 }), (parts) => {
        expect(containsCardNumber(parts.join('; '))).toBe(false);
      }),
    );
  });
});
