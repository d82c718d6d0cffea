import { earnedPoints, earnsPoints, eligibleAmount, mulDivFloor, returnedTotal, reversedTotal } from './points-math';

/** The arithmetic of points: what a payment earns, what refunds take back or give back — exact, never drifting. */
describe('points math', () => {
  it('earns on money only: cash, card, tap-to-pay, deferred; not points nor gift cards', () => {
    expect(['cash', 'card', 'softpos', 'deferred', 'giftcard', 'points'].filter((m) => earnsPoints(m as never))).toEqual(['cash', 'card', 'softpos', 'deferred']);
  });

  it('leaves the gift-card share of a bill out of what earns, floored, and never below zero', () => {
    expect(eligibleAmount(45000, 45000, 0)).toBe(45000);
    // A 1 000 ₽ gift card sold with a 450 ₽ borscht: of a 700 ₽ payment, 700 × 450 / 1450 = 217.24… ₽ earns.
    expect(eligibleAmount(70000, 145000, 100000)).toBe(21724);
    expect(eligibleAmount(100000, 100000, 100000)).toBe(0);
    // A discount larger than the food: the gift card is the whole bill.
    expect(eligibleAmount(50000, 50000, 60000)).toBe(0);
    expect(eligibleAmount(0, 45000, 0)).toBe(0);
    expect(eligibleAmount(100, 0, 0)).toBe(0);
  });

  it('turns an eligible amount into whole points: floor(eligible × % / 100 / point value)', () => {
    expect(earnedPoints(45000, 5, 100)).toBe(22); // 22.5
    expect(earnedPoints(1999, 5, 100)).toBe(0);
    expect(earnedPoints(2000, 5, 100)).toBe(1);
    expect(earnedPoints(45000, 0, 100)).toBe(0);
    expect(earnedPoints(45000, 10, 1)).toBe(4500);
  });

  it('stays exact past 2^53 (money × money)', () => {
    expect(mulDivFloor(9_999_999_999, 9_999_999_999, 9_999_999_999)).toBe(9_999_999_999);
    expect(eligibleAmount(10_000_000_000, 10_000_000_000, 1)).toBe(9_999_999_999);
  });

  it('reverses earned points pro rata of what a refund leaves, cumulatively: all of them after a full refund', () => {
    // Earned 22 on 450 ₽ + 50 ₽ tip: a 100 ₽ refund keeps floor(22 × 400 / 500) = 17.
    expect(reversedTotal(22, 50000, 10000)).toBe(5);
    expect(reversedTotal(22, 50000, 50000)).toBe(22);
    expect(reversedTotal(22, 50000, 0)).toBe(0);
    expect(reversedTotal(0, 50000, 50000)).toBe(0);
  });

  it('gives spent points back pro rata, all of them after a full refund', () => {
    expect(returnedTotal(300, 30000, 10000)).toBe(100);
    expect(returnedTotal(300, 30000, 9999)).toBe(99);
    expect(returnedTotal(300, 30000, 30000)).toBe(300);
  });

  it('never drifts: any sequence of partial refunds sums to the cumulative share, and a full refund to everything', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 500; run++) {
      const earned = Math.floor(random() * 1000);
      const captured = 1 + Math.floor(random() * 1_000_000);
      let refunded = 0;
      let reversed = 0;
      let returned = 0;
      while (refunded < captured) {
        refunded = Math.min(captured, refunded + 1 + Math.floor(random() * captured * 0.4));
        const more = reversedTotal(earned, captured, refunded) - reversed;
        const back = returnedTotal(earned, captured, refunded) - returned;
        expect(more).toBeGreaterThanOrEqual(0);
        expect(back).toBeGreaterThanOrEqual(0);
        reversed += more;
        returned += back;
      }
      expect(reversed).toBe(earned);
      expect(returned).toBe(earned);
    }
  });
});
