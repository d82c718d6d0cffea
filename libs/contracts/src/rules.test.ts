import { choiceRange, currencyDigits, isChoiceCountAllowed, minorPerMajor, settleCash } from './rules';

describe('currency digits', () => {
  it('reads minor units per currency from Intl', () => {
    expect(currencyDigits('RUB')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
    expect(minorPerMajor('RUB')).toBe(100);
    expect(minorPerMajor('JPY')).toBe(1);
  });
});

describe('modifier choice limits', () => {
  const sauce = { minSelect: 1, maxSelect: 2 };
  it('allows counts inside the range only', () => {
    expect([0, 1, 2, 3].map((n) => isChoiceCountAllowed(sauce, n))).toEqual([false, true, true, false]);
  });
  it('reads the range as staff would', () => {
    expect(choiceRange(sauce)).toBe('1–2');
    expect(choiceRange({ minSelect: 1, maxSelect: 1 })).toBe('1');
  });
});

describe('cash tender', () => {
  it('takes exact cash when nothing was handed over', () => {
    expect(settleCash({ amount: 59000, tip: 1000 })).toEqual({ tendered: 60000, change: 0, missing: 0 });
  });
  it('gives change above the amount and the tip', () => {
    expect(settleCash({ amount: 59000, tip: 1000, tendered: 100000 })).toEqual({ tendered: 100000, change: 40000, missing: 0 });
  });
  it('says what is missing when the guest handed over too little', () => {
    expect(settleCash({ amount: 59000, tip: 1000, tendered: 50000 })).toEqual({ tendered: 50000, change: 0, missing: 10000 });
  });
});
