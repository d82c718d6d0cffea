import { MAX_ORDER_LINES, MAX_ORDER_TOTAL, MAX_TABLE_TOTAL } from '@pos/contracts/constants';
import { DomainError } from '../../shared/errors';
import { assertOrderFits, assertTablesFit, newLinesAmount } from './order-limits';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : String(error);
  }
};
const empty = { lineCount: 0, subtotal: 0, tableOpenTotal: null };

describe('order limits (pure)', () => {
  it('prices new lines with their modifiers, a discounting modifier never below zero', () => {
    expect(newLinesAmount([{ unitPrice: 1000, modifiers: [{ priceDelta: 250 }], quantity: 3 }, { unitPrice: 500, modifiers: [{ priceDelta: -900 }], quantity: 2 }])).toBe(3750);
  });

  it('takes an order up to the limits and refuses one line or one kopeck more', () => {
    expect(codeOf(() => assertOrderFits({ ...empty, lineCount: MAX_ORDER_LINES - 10 }, { lines: 10, amount: 0 }))).toBeNull();
    expect(codeOf(() => assertOrderFits({ ...empty, lineCount: MAX_ORDER_LINES - 10 }, { lines: 11, amount: 0 }))).toBe('422 order.too_many_lines');
    expect(codeOf(() => assertOrderFits({ ...empty, subtotal: MAX_ORDER_TOTAL - 5 }, { lines: 1, amount: 5 }))).toBeNull();
    expect(codeOf(() => assertOrderFits({ ...empty, subtotal: MAX_ORDER_TOTAL - 5 }, { lines: 1, amount: 6 }))).toBe('422 order.total_too_large');
  });

  it("counts the table's open bill as well", () => {
    expect(codeOf(() => assertOrderFits({ ...empty, tableOpenTotal: MAX_TABLE_TOTAL - 5 }, { lines: 1, amount: 5 }))).toBeNull();
    expect(codeOf(() => assertOrderFits({ ...empty, tableOpenTotal: MAX_TABLE_TOTAL - 5 }, { lines: 1, amount: 6 }))).toBe('422 table.total_too_large');
  });

  it('never refuses a change that shrinks the order, even one already past a limit', () => {
    const oversized = { lineCount: MAX_ORDER_LINES + 1, subtotal: MAX_ORDER_TOTAL + 1, tableOpenTotal: MAX_TABLE_TOTAL + 1 };
    expect(codeOf(() => assertOrderFits(oversized, { lines: -2, amount: -100 }))).toBeNull();
    expect(codeOf(() => assertOrderFits(oversized, { lines: 0, amount: 0 }))).toBeNull();
  });

  it('merges tables only when their open bills fit one table', () => {
    expect(codeOf(() => assertTablesFit([MAX_TABLE_TOTAL / 2, MAX_TABLE_TOTAL / 2]))).toBeNull();
    expect(codeOf(() => assertTablesFit([MAX_TABLE_TOTAL / 2, MAX_TABLE_TOTAL / 2 + 1]))).toBe('422 table.total_too_large');
  });
});
