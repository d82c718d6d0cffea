import { amountProblem, giftCardPayable, maxPointsFor, parsePoints, pointsValue } from './tender-amounts';

describe('giftCardPayable', () => {
  it('pays the whole bill from a card that holds more', () => {
    expect(giftCardPayable(500_000, 123_450)).toBe(123_450);
  });
  it('pays the card’s whole balance on a larger bill', () => {
    expect(giftCardPayable(100_000, 123_450)).toBe(100_000);
  });
  it('pays nothing from an empty card or on a settled bill', () => {
    expect(giftCardPayable(0, 123_450)).toBe(0);
    expect(giftCardPayable(100_000, 0)).toBe(0);
  });
});

describe('points', () => {
  it('values points at the venue’s point value', () => {
    expect(pointsValue(250, 100)).toBe(25_000);
    expect(pointsValue(3, 50)).toBe(150);
  });

  it('spends at most the balance', () => {
    expect(maxPointsFor({ balance: 120, pointValue: 100, due: 50_000 })).toBe(120);
  });

  it('spends at most the whole points the bill holds: 1 234,50 ₽ at 1 ₽ a point is 1 234 points, the 50 kopecks stay due', () => {
    expect(maxPointsFor({ balance: 10_000, pointValue: 100, due: 123_450 })).toBe(1234);
    expect(pointsValue(1234, 100)).toBeLessThanOrEqual(123_450);
  });

  it('spends nothing when a point is worth more than is due, or nothing is due', () => {
    expect(maxPointsFor({ balance: 10, pointValue: 500, due: 499 })).toBe(0);
    expect(maxPointsFor({ balance: 10, pointValue: 100, due: 0 })).toBe(0);
    expect(maxPointsFor({ balance: 0, pointValue: 100, due: 5_000 })).toBe(0);
  });

  it('reads typed points as a whole positive number', () => {
    expect(parsePoints('1 250')).toBe(1250);
    expect(parsePoints(' 7 ')).toBe(7);
    expect(parsePoints('0')).toBeNull();
    expect(parsePoints('12,5')).toBeNull();
    expect(parsePoints('-3')).toBeNull();
    expect(parsePoints('')).toBeNull();
  });
});

describe('amountProblem', () => {
  it('says what is wrong with a typed amount', () => {
    expect(amountProblem(null, 1_000)).toBe('empty');
    expect(amountProblem(0, 1_000)).toBe('zero');
    expect(amountProblem(1_001, 1_000)).toBe('over');
    expect(amountProblem(1_000, 1_000)).toBeNull();
    expect(amountProblem(1, 1_000)).toBeNull();
  });
});
