import { mixedRemaining, planTenders, quickCash, type TenderDraft, tipAmount, tipCarrierId } from './tender-math';

const base = { due: 125000, tip: 0, tendered: null, drafts: [] as TenderDraft[] };
const d = (method: 'cash' | 'card', amount: number | null, tendered?: number | null): TenderDraft => ({ id: `${method}${amount}`, method, amount, tendered });

describe('tips', () => {
  it('computes percentages to the nearest kopeck, or takes a typed amount', () => {
    expect(tipAmount(125000, { kind: 'percent', percent: 10 })).toBe(12500);
    expect(tipAmount(33333, { kind: 'percent', percent: 15 })).toBe(5000);
    expect(tipAmount(125000, { kind: 'amount', amount: 20000 })).toBe(20000);
    expect(tipAmount(125000, { kind: 'amount', amount: null })).toBe(0);
    expect(tipAmount(125000, { kind: 'none' })).toBe(0);
  });
});

describe('cash', () => {
  it('exact cash when nothing was typed', () => {
    expect(planTenders({ ...base, mode: 'cash' })).toEqual({ tenders: [{ method: 'cash', amount: 125000, tendered: 125000 }], change: 0, toPay: 125000, problem: null });
  });

  it('gives change from the note handed over, tip included', () => {
    const plan = planTenders({ ...base, mode: 'cash', tip: 12500, tendered: 200000 });
    expect(plan.tenders).toEqual([{ method: 'cash', amount: 125000, tip: 12500, tendered: 200000 }]);
    expect(plan.change).toBe(62500);
    expect(plan.toPay).toBe(137500);
  });

  it('refuses less cash than the bill and the tip', () => {
    expect(planTenders({ ...base, mode: 'cash', tip: 12500, tendered: 130000 }).problem).toEqual({ code: 'notEnoughCash', missing: 7500 });
  });

  it('offers the usual notes, marking those that do not cover the sum', () => {
    expect(quickCash(125000, 'RUB')).toEqual([
      { amount: 50000, isEnough: false },
      { amount: 100000, isEnough: false },
      { amount: 200000, isEnough: true },
      { amount: 500000, isEnough: true },
    ]);
  });
});

describe('card', () => {
  it('charges the due amount with the tip on the card', () => {
    expect(planTenders({ ...base, mode: 'card', tip: 5000 }).tenders).toEqual([{ method: 'card', amount: 125000, tip: 5000 }]);
  });
});

describe('mixed', () => {
  it('ignores rows left empty', () => {
    expect(planTenders({ ...base, mode: 'mixed', drafts: [d('card', 125000), d('cash', null)] }).tenders).toEqual([{ method: 'card', amount: 125000 }]);
  });

  it('must add up to exactly what is due', () => {
    expect(planTenders({ ...base, mode: 'mixed', drafts: [d('card', 100000), d('cash', 20000)] }).problem).toEqual({ code: 'mixedMismatch', remaining: 5000 });
    expect(planTenders({ ...base, mode: 'mixed', drafts: [d('card', null), d('cash', null)] }).problem).toEqual({ code: 'mixedMismatch', remaining: 125000 });
    expect(mixedRemaining(125000, [d('card', 100000), d('cash', 30000)])).toBe(-5000);
  });

  it('puts the tip on the first card tender and gives change from cash', () => {
    const plan = planTenders({ ...base, mode: 'mixed', tip: 10000, drafts: [d('cash', 25000, 50000), d('card', 100000)] });
    expect(plan.problem).toBeNull();
    expect(plan.tenders).toEqual([
      { method: 'cash', amount: 25000, tendered: 50000 },
      { method: 'card', amount: 100000, tip: 10000 },
    ]);
    expect(plan.change).toBe(25000);
  });

  it('puts the tip on the first tender when all are cash, and checks each cash tender', () => {
    const plan = planTenders({ ...base, mode: 'mixed', tip: 1000, drafts: [d('cash', 100000), d('cash', 25000)] });
    expect(plan.tenders[0]).toEqual({ method: 'cash', amount: 100000, tip: 1000, tendered: 101000 });
    expect(planTenders({ ...base, mode: 'mixed', drafts: [d('cash', 100000, 90000), d('card', 25000)] }).problem).toEqual({ code: 'cashShort', index: 0, missing: 10000 });
  });

  it('puts the tip on the tender the cashier chose, and its cash must cover amount and tip', () => {
    const drafts = [d('card', 100000), d('cash', 25000)];
    const plan = planTenders({ ...base, mode: 'mixed', tip: 10000, drafts, tipDraftId: 'cash25000' });
    expect(plan.tenders).toEqual([
      { method: 'card', amount: 100000 },
      { method: 'cash', amount: 25000, tip: 10000, tendered: 35000 },
    ]);
    expect(plan.toPay).toBe(135000);
    const short = [d('card', 100000), d('cash', 25000, 30000)];
    expect(planTenders({ ...base, mode: 'mixed', tip: 10000, drafts: short, tipDraftId: 'cash25000' }).problem).toEqual({ code: 'cashShort', index: 1, missing: 5000 });
  });

  it('names the tip carrier: the chosen row while it has an amount, else the first card, else the first row', () => {
    const drafts = [d('cash', 25000), d('card', 100000), d('card', null)];
    expect(tipCarrierId(drafts)).toBe('card100000');
    expect(tipCarrierId(drafts, 'cash25000')).toBe('cash25000');
    // The chosen row was emptied: the default takes over rather than losing the tip.
    expect(tipCarrierId(drafts, 'cardnull')).toBe('card100000');
    expect(tipCarrierId([d('cash', 25000), d('cash', 100000)])).toBe('cash25000');
    expect(tipCarrierId([d('card', null)])).toBeNull();
  });
});

it('has nothing to pay on a settled check', () => {
  expect(planTenders({ ...base, due: 0, mode: 'card' }).problem).toEqual({ code: 'nothingDue' });
});
