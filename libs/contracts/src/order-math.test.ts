import {
  equalShares,
  isOrderOnServer,
  lineTotal,
  orderChecks,
  orderTotals,
  type PricedLine,
  proportionalShares,
  standingQuantity,
  unitTotal,
} from './order-math';
import type { Split } from './orders';

const line = (id: string, unitPrice: number, quantity: number, deltas: number[] = [], voidedQuantity = 0): PricedLine => ({
  id,
  unitPrice,
  modifiers: deltas.map((priceDelta) => ({ priceDelta })),
  quantity,
  voidedQuantity,
});

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A small deterministic generator, so the "for many inputs" cases are reproducible. */
function lcg(seed: number) {
  let s = seed;
  return (max: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % max;
  };
}

describe('unitTotal', () => {
  it('is the price without modifiers', () => {
    expect(unitTotal(line('a', 45000, 1))).toBe(45000);
  });

  it('adds every modifier delta, positive and zero', () => {
    expect(unitTotal(line('a', 329000, 1, [0, 7000, 9000]))).toBe(345000);
  });

  it('subtracts a discounting modifier', () => {
    expect(unitTotal(line('a', 30000, 1, [5000, -12000]))).toBe(23000);
  });

  it('never goes below zero', () => {
    expect(unitTotal(line('a', 10000, 1, [-15000]))).toBe(0);
    expect(unitTotal(line('a', 0, 1, [-1]))).toBe(0);
  });

  it('does not depend on quantity or voids', () => {
    expect(unitTotal(line('a', 100, 7, [5], 3))).toBe(105);
  });
});

describe('standingQuantity and lineTotal', () => {
  it('standing = ordered - voided', () => {
    expect(standingQuantity(line('a', 100, 5, [], 2))).toBe(3);
  });

  it('lineTotal = unit total × standing quantity', () => {
    expect(lineTotal(line('a', 329000, 2, [7000, 5000]))).toBe(2 * 341000);
  });

  it('voided portions are not charged', () => {
    expect(lineTotal(line('a', 65000, 3, [], 1))).toBe(2 * 65000);
  });

  it('a fully voided line costs nothing', () => {
    expect(lineTotal(line('a', 65000, 3, [9000], 3))).toBe(0);
  });

  it('a line whose modifiers discount it to below zero costs nothing, not a negative amount', () => {
    expect(lineTotal(line('a', 1000, 4, [-5000]))).toBe(0);
  });
});

describe('orderTotals', () => {
  it('of no lines is zero', () => {
    expect(orderTotals([])).toEqual({ subtotal: 0, discount: 0, total: 0 });
  });

  it('sums line totals with modifiers and voids, in integer minor units', () => {
    const lines = [line('a', 329000, 2, [7000]), line('b', 65000, 3, [], 1), line('c', 45000, 1, [], 1)];
    expect(orderTotals(lines)).toEqual({ subtotal: 2 * 336000 + 2 * 65000, discount: 0, total: 802000 });
  });

  it('applies a discount', () => {
    expect(orderTotals([line('a', 10000, 3)], 2500)).toEqual({ subtotal: 30000, discount: 2500, total: 27500 });
  });

  it('caps the discount at the subtotal: the total is never negative', () => {
    expect(orderTotals([line('a', 10000, 1)], 25000)).toEqual({ subtotal: 10000, discount: 10000, total: 0 });
  });

  it('keeps integers for odd amounts', () => {
    const totals = orderTotals([line('a', 3333, 3, [1]), line('b', 1, 7)]);
    expect(totals.total).toBe(3334 * 3 + 7);
    expect(Number.isInteger(totals.total)).toBe(true);
  });
});

describe('equalShares', () => {
  it('splits an even amount evenly', () => {
    expect(equalShares(30000, 3)).toEqual([10000, 10000, 10000]);
  });

  it('gives the leftover minor units to the first shares', () => {
    expect(equalShares(100, 3)).toEqual([34, 33, 33]);
    expect(equalShares(101, 3)).toEqual([34, 34, 33]);
  });

  it('handles an amount smaller than the number of parts', () => {
    expect(equalShares(2, 5)).toEqual([1, 1, 0, 0, 0]);
  });

  it('of zero is all zeros', () => {
    expect(equalShares(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('for many amounts and part counts: sums exactly, differs by at most one, integers only', () => {
    const next = lcg(42);
    for (let i = 0; i < 2000; i++) {
      const total = next(10_000_000);
      const parts = 2 + next(19);
      const shares = equalShares(total, parts);
      expect(shares).toHaveLength(parts);
      expect(sum(shares)).toBe(total);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      expect(shares.every((s) => Number.isInteger(s) && s >= 0)).toBe(true);
    }
  });

  it('stays exact for large amounts', () => {
    const shares = equalShares(99_999_999_999, 7);
    expect(sum(shares)).toBe(99_999_999_999);
    expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
  });
});

describe('proportionalShares', () => {
  it('shares in proportion, largest remainders first', () => {
    expect(proportionalShares(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(proportionalShares(10, [2, 1, 1])).toEqual([5, 3, 2]);
  });

  it('keeps zero weights at zero', () => {
    expect(proportionalShares(500, [0, 300, 0, 200])).toEqual([0, 300, 0, 200]);
  });

  it('of no weight is all zeros', () => {
    expect(proportionalShares(0, [0, 0])).toEqual([0, 0]);
  });

  it('for many inputs: exact sum, each within one unit of its exact share, even for large amounts', () => {
    const next = lcg(3);
    for (let i = 0; i < 500; i++) {
      const weights = Array.from({ length: 1 + next(6) }, () => (i % 5 === 0 ? 10_000_000_000 + next(1_000_000) : next(1_000_000)));
      const whole = sum(weights);
      const total = whole === 0 ? 0 : next(whole + 1);
      const shares = proportionalShares(total, weights);
      expect(sum(shares)).toBe(total);
      shares.forEach((s, k) => {
        expect(Number.isInteger(s)).toBe(true);
        expect(Math.abs(s - (weights[k] * total) / whole)).toBeLessThan(1.000001);
      });
    }
  });
});

describe('orderChecks', () => {
  const steak = line('steak', 329000, 2, [7000]); // 336000 each
  const wine = line('wine', 65000, 3); // 65000 each
  const soup = line('soup', 45000, 1);
  const lines = [steak, wine, soup];
  const total = orderTotals(lines).total; // 672000 + 195000 + 45000 = 912000

  describe('without a split', () => {
    it('is one check for the whole total', () => {
      expect(orderChecks(total, lines, null, [])).toEqual([{ index: 0, amount: 912000, paid: 0, due: 912000, lines: null }]);
    });

    it('counts every payment on the single check, whatever its check index', () => {
      const checks = orderChecks(total, lines, null, [
        { checkIndex: null, amount: 100000 },
        { checkIndex: 0, amount: 12000 },
        { checkIndex: 3, amount: 1000 },
      ]);
      expect(checks).toEqual([{ index: 0, amount: 912000, paid: 113000, due: 799000, lines: null }]);
    });

    it('never shows a negative due when overpaid', () => {
      expect(orderChecks(1000, [line('a', 1000, 1)], null, [{ checkIndex: null, amount: 1500 }])[0]).toMatchObject({ paid: 1500, due: 0 });
    });
  });

  describe('equal parts', () => {
    it('makes `parts` checks that sum exactly to the total and differ by at most one', () => {
      const checks = orderChecks(100, [line('a', 100, 1)], { mode: 'equal', parts: 3 }, []);
      expect(checks.map((c) => c.amount)).toEqual([34, 33, 33]);
      expect(checks.map((c) => c.index)).toEqual([0, 1, 2]);
      expect(checks.every((c) => c.lines === null && c.paid === 0 && c.due === c.amount)).toBe(true);
    });

    it('shares the total it is given (after a discount), not the line subtotal', () => {
      const { total: discounted } = orderTotals(lines, 12001);
      const checks = orderChecks(discounted, lines, { mode: 'equal', parts: 4 }, []);
      expect(sum(checks.map((c) => c.amount))).toBe(912000 - 12001);
    });

    it('tracks paid and due per check', () => {
      const checks = orderChecks(total, lines, { mode: 'equal', parts: 2 }, [
        { checkIndex: 1, amount: 456000 },
        { checkIndex: 0, amount: 6000 },
        { checkIndex: 0, amount: 50000 },
      ]);
      expect(checks).toEqual([
        { index: 0, amount: 456000, paid: 56000, due: 400000, lines: null },
        { index: 1, amount: 456000, paid: 456000, due: 0, lines: null },
      ]);
    });
  });

  describe('by lines', () => {
    it('gives each check its lines and nothing extra when every portion is claimed', () => {
      const split: Split = {
        mode: 'lines',
        checks: [
          [{ lineId: 'steak', quantity: 2 }, { lineId: 'soup', quantity: 1 }],
          [{ lineId: 'wine', quantity: 3 }],
        ],
      };
      const checks = orderChecks(total, lines, split, []);
      expect(checks).toEqual([
        { index: 0, amount: 672000 + 45000, paid: 0, due: 717000, lines: [{ lineId: 'steak', quantity: 2 }, { lineId: 'soup', quantity: 1 }] },
        { index: 1, amount: 195000, paid: 0, due: 195000, lines: [{ lineId: 'wine', quantity: 3 }] },
      ]);
      expect(sum(checks.map((c) => c.amount))).toBe(total);
    });

    it('puts what no check claims on one extra remainder check, so the checks still sum to the total', () => {
      const split: Split = {
        mode: 'lines',
        checks: [[{ lineId: 'steak', quantity: 1 }], [{ lineId: 'wine', quantity: 1 }]],
      };
      const checks = orderChecks(total, lines, split, []);
      expect(checks).toHaveLength(3);
      expect(checks[0]).toMatchObject({ index: 0, amount: 336000, lines: [{ lineId: 'steak', quantity: 1 }] });
      expect(checks[1]).toMatchObject({ index: 1, amount: 65000, lines: [{ lineId: 'wine', quantity: 1 }] });
      expect(checks[2]).toMatchObject({
        index: 2,
        amount: 336000 + 2 * 65000 + 45000,
        due: 336000 + 2 * 65000 + 45000,
        lines: [
          { lineId: 'steak', quantity: 1 },
          { lineId: 'wine', quantity: 2 },
          { lineId: 'soup', quantity: 1 },
        ],
      });
      expect(sum(checks.map((c) => c.amount))).toBe(total);
    });

    it('splits one line across checks by quantity', () => {
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'wine', quantity: 1 }], [{ lineId: 'wine', quantity: 2 }]] };
      const checks = orderChecks(195000, [wine], split, []);
      expect(checks.map((c) => c.amount)).toEqual([65000, 130000]);
    });

    it('caps allocations at what still stands after voids, first come first served', () => {
      const voided = [line('steak', 329000, 2, [7000], 1), wine, soup]; // one steak voided after the split
      const split: Split = {
        mode: 'lines',
        checks: [[{ lineId: 'steak', quantity: 1 }], [{ lineId: 'steak', quantity: 1 }, { lineId: 'wine', quantity: 3 }, { lineId: 'soup', quantity: 1 }]],
      };
      const checks = orderChecks(orderTotals(voided).total, voided, split, []);
      expect(checks).toHaveLength(2);
      expect(checks[0]).toMatchObject({ amount: 336000, lines: [{ lineId: 'steak', quantity: 1 }] });
      expect(checks[1]).toMatchObject({ amount: 195000 + 45000, lines: [{ lineId: 'wine', quantity: 3 }, { lineId: 'soup', quantity: 1 }] });
      expect(sum(checks.map((c) => c.amount))).toBe(orderTotals(voided).total);
    });

    it('a check whose every line was voided is empty, not negative', () => {
      const voided = [line('steak', 329000, 2, [7000], 2), wine];
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'steak', quantity: 2 }], [{ lineId: 'wine', quantity: 3 }]] };
      const checks = orderChecks(195000, voided, split, []);
      expect(checks[0]).toEqual({ index: 0, amount: 0, paid: 0, due: 0, lines: [] });
      expect(checks[1].amount).toBe(195000);
      expect(checks).toHaveLength(2);
    });

    it('ignores allocations of lines that are not in the order', () => {
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'ghost', quantity: 1 }, { lineId: 'soup', quantity: 1 }]] };
      const checks = orderChecks(45000, [soup], split, []);
      expect(checks).toEqual([{ index: 0, amount: 45000, paid: 0, due: 0 + 45000, lines: [{ lineId: 'soup', quantity: 1 }] }]);
    });

    it('sends lines added after the split to the remainder check', () => {
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'soup', quantity: 1 }]] };
      const added = [soup, line('tea', 35000, 2)];
      const checks = orderChecks(orderTotals(added).total, added, split, []);
      expect(checks).toEqual([
        { index: 0, amount: 45000, paid: 0, due: 45000, lines: [{ lineId: 'soup', quantity: 1 }] },
        { index: 1, amount: 70000, paid: 0, due: 70000, lines: [{ lineId: 'tea', quantity: 2 }] },
      ]);
    });

    it('tracks paid and due per check, including the remainder check', () => {
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'steak', quantity: 2 }]] };
      const checks = orderChecks(total, lines, split, [
        { checkIndex: 0, amount: 672000 },
        { checkIndex: 1, amount: 40000 },
      ]);
      expect(checks.map(({ index, amount, paid, due }) => ({ index, amount, paid, due }))).toEqual([
        { index: 0, amount: 672000, paid: 672000, due: 0 },
        { index: 1, amount: 240000, paid: 40000, due: 200000 },
      ]);
    });

    it('keeps a paid remainder check visible even when nothing is left on it', () => {
      const split: Split = { mode: 'lines', checks: [[{ lineId: 'soup', quantity: 1 }]] };
      const checks = orderChecks(45000, [soup], split, [{ checkIndex: 1, amount: 5000 }]);
      expect(checks).toHaveLength(2);
      expect(checks[1]).toEqual({ index: 1, amount: 0, paid: 5000, due: 0, lines: [] });
    });

    it('with a discount, the checks still sum exactly to the discounted total (nobody overpays)', () => {
      const { total: discounted } = orderTotals(lines, 91201);
      const split: Split = {
        mode: 'lines',
        checks: [[{ lineId: 'steak', quantity: 2 }], [{ lineId: 'wine', quantity: 3 }]],
      };
      const checks = orderChecks(discounted, lines, split, []);
      expect(checks).toHaveLength(3);
      expect(sum(checks.map((c) => c.amount))).toBe(discounted);
      // Shared in proportion to what each check holds (672000 : 195000 : 45000), to the minor unit.
      const exact = [672000, 195000, 45000].map((a) => (a * discounted) / 912000);
      checks.forEach((c, i) => expect(Math.abs(c.amount - exact[i])).toBeLessThan(1));
      expect(checks.every((c) => Number.isInteger(c.amount) && c.due === c.amount)).toBe(true);
    });

    it('for many random splits: amounts are integers, never negative, and sum to the total', () => {
      const next = lcg(7);
      for (let round = 0; round < 300; round++) {
        const pool = Array.from({ length: 1 + next(6) }, (_, i) => {
          const quantity = 1 + next(5);
          return line(`l${i}`, next(500000), quantity, next(3) ? [next(20000) - 5000] : [], next(quantity + 1));
        });
        const checks: Split = {
          mode: 'lines',
          checks: Array.from({ length: 1 + next(4) }, () =>
            Array.from({ length: 1 + next(3) }, () => ({ lineId: `l${next(pool.length)}`, quantity: 1 + next(4) })),
          ),
        };
        const totals = orderTotals(pool, next(3) === 0 ? next(100000) : 0);
        const result = orderChecks(totals.total, pool, checks, []);
        expect(sum(result.map((c) => c.amount))).toBe(totals.total);
        expect(result.every((c) => Number.isInteger(c.amount) && c.amount >= 0)).toBe(true);
        // No line is billed for more portions than still stand.
        for (const l of pool) {
          const billed = sum(result.flatMap((c) => (c.lines ?? []).filter((x) => x.lineId === l.id).map((x) => x.quantity)));
          expect(billed).toBe(standingQuantity(l));
        }
      }
    });
  });
});

describe('isOrderOnServer', () => {
  it('is false for the number 0 a tablet gives an order it made offline, true once the server numbered it', () => {
    expect(isOrderOnServer({ number: 0 })).toBe(false);
    expect(isOrderOnServer({ number: 1 })).toBe(true);
    expect(isOrderOnServer({ number: 412 })).toBe(true);
  });
});
