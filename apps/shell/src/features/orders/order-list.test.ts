import type { Order } from '@pos/contracts';
import { anOrder } from '@pos/contracts/testing';
import { filterOrders, hasTakenMoney, indexOrders, listPath, normalizeSearch, readListParams, sumOrders } from './order-list';

const order = (number: number, over: Partial<Order> = {}): Order =>
  anOrder({ id: `o${number}`, number, tableLabel: String(number), waiterName: 'Анна', status: 'open', total: 100_00, paid: 0, due: 100_00, ...over });

describe('the list address', () => {
  const today = '2026-03-02';

  it('reads the day and the status tab, today and all by default', () => {
    expect(readListParams('', today)).toEqual({ date: today, tab: 'all' });
    expect(readListParams('?date=2026-02-27&status=paid', today)).toEqual({ date: '2026-02-27', tab: 'paid' });
  });

  it('falls back on what it cannot read or what has not happened yet', () => {
    expect(readListParams('?date=2026-02-30&status=closed', today)).toEqual({ date: today, tab: 'all' });
    expect(readListParams('?date=2026-03-03', today)).toEqual({ date: today, tab: 'all' });
  });

  it('writes only what differs from the defaults', () => {
    expect(listPath({ date: today, tab: 'all' }, today)).toBe('/orders');
    expect(listPath({ date: '2026-03-01', tab: 'void' }, today)).toBe('/orders?date=2026-03-01&status=void');
    expect(listPath({ date: today, tab: 'open' }, today)).toBe('/orders?status=open');
  });
});

describe('searching the list', () => {
  const list = indexOrders([
    order(7, { tableLabel: 'Веранда 2', waiterName: 'Пётр' }),
    order(12, { tableLabel: null, waiterName: 'Анна' }),
    order(31, { tableLabel: '5', waiterName: 'Алёна' }),
  ]);
  const numbers = (q: string) => filterOrders(list, q).map((o) => o.number);

  it('shows every order newest number first without a query', () => {
    expect(numbers('')).toEqual([31, 12, 7]);
    expect(numbers('   ')).toEqual([31, 12, 7]);
  });

  it('finds by number, with or without №', () => {
    expect(numbers('12')).toEqual([12]);
    expect(numbers('№ 31')).toEqual([31]);
    expect(numbers('#7')).toEqual([7]);
  });

  it('finds by table label and waiter, case and ё aside', () => {
    expect(numbers('веранда')).toEqual([7]);
    expect(numbers('петр')).toEqual([7]);
    expect(numbers('АЛЕНА')).toEqual([31]);
    expect(numbers('никто')).toEqual([]);
  });

  it('normalizes what staff type', () => {
    expect(normalizeSearch('  №12 ')).toBe('12');
    expect(normalizeSearch('Ёлка')).toBe('елка');
  });
});

describe('orders that took money', () => {
  it('are the ones with a payment or a tip left, or paid even when everything was refunded', () => {
    expect(hasTakenMoney({ paid: 0, tips: 0, status: 'open' })).toBe(false);
    expect(hasTakenMoney({ paid: 0, tips: 0, status: 'void' })).toBe(false);
    expect(hasTakenMoney({ paid: 500, tips: 0, status: 'open' })).toBe(true);
    expect(hasTakenMoney({ paid: 500, tips: 0, status: 'void' })).toBe(true);
    expect(hasTakenMoney({ paid: 0, tips: 100, status: 'open' })).toBe(true);
    expect(hasTakenMoney({ paid: 0, tips: 0, status: 'paid' })).toBe(true);
  });
});

describe('the sums under the list', () => {
  it('add totals and payments, leaving voided orders out', () => {
    expect(sumOrders([order(1, { total: 1000, paid: 1000 }), order(2, { total: 500, paid: 200 }), order(3, { status: 'void', total: 900 })])).toEqual({ total: 1500, paid: 1200 });
    expect(sumOrders([])).toEqual({ total: 0, paid: 0 });
  });
});
