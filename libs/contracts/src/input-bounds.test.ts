import { BusinessDateSchema, InputInstantSchema, MoneySchema, PriceSchema, queryInteger } from './common';
import { MAX_ITEMS_PER_COMMAND, MAX_LINE_QUANTITY, MAX_ORDER_LINES, MAX_ORDER_TOTAL, MAX_TABLE_TOTAL, MAX_UNIT_PRICE } from './constants';
import { MenuChangesQuerySchema } from './menu';
import { AddItemsInputSchema, OrdersQuerySchema } from './orders';
import { CreateReservationInputSchema } from './reservations';
import { ComboInputSchema, RecommendationsQuerySchema } from './upsell';

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;
const item = (quantity: number) => ({ productId: '00000000-0000-4000-8000-000000000001', quantity });

describe('input bounds', () => {
  it('keep the largest order far inside what an answer may carry', () => {
    // Every portion at the dearest price on every line: still below the order limit's answer cap.
    expect(MAX_ORDER_TOTAL).toBeLessThan(MoneySchema.maxValue!);
    expect(MAX_TABLE_TOTAL).toBeLessThan(MoneySchema.maxValue!);
    expect(MAX_ORDER_LINES * MAX_LINE_QUANTITY * MAX_UNIT_PRICE).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('portions per line and items per command', () => {
    expect(accepts(AddItemsInputSchema, { items: [item(MAX_LINE_QUANTITY)] })).toBe(true);
    expect(accepts(AddItemsInputSchema, { items: [item(MAX_LINE_QUANTITY + 1)] })).toBe(false);
    expect(accepts(AddItemsInputSchema, { items: Array.from({ length: MAX_ITEMS_PER_COMMAND }, () => item(1)) })).toBe(true);
    expect(accepts(AddItemsInputSchema, { items: Array.from({ length: MAX_ITEMS_PER_COMMAND + 1 }, () => item(1)) })).toBe(false);
  });

  it('prices an admin sets', () => {
    const combo = (price: number) => ({ name: 'Ланч', price, items: [{ productId: item(1).productId }, { productId: '00000000-0000-4000-8000-000000000002' }] });
    expect(accepts(ComboInputSchema, combo(MAX_UNIT_PRICE))).toBe(true);
    expect(accepts(ComboInputSchema, combo(MAX_UNIT_PRICE + 1))).toBe(false);
    expect(accepts(PriceSchema, -1)).toBe(false);
  });

  it.each(['', '0x10', '1e1', '2.0', '+1', ' 1', '1 ', '-1', '0b1', 'Infinity', '12345678901234567'])('query numbers refuse %p', (value) => {
    expect(accepts(queryInteger(0, Number.MAX_SAFE_INTEGER), value)).toBe(false);
    expect(accepts(MenuChangesQuerySchema, { since: value })).toBe(false);
  });

  it('query numbers read decimal digits within their bounds', () => {
    expect(MenuChangesQuerySchema.parse({ since: '16' })).toEqual({ since: 16 });
    expect(MenuChangesQuerySchema.parse({ since: '007' })).toEqual({ since: 7 });
    expect(RecommendationsQuerySchema.parse({ limit: '20' })).toEqual({ limit: 20 });
    expect(accepts(RecommendationsQuerySchema, { limit: '21' })).toBe(false);
    expect(accepts(RecommendationsQuerySchema, { limit: '0' })).toBe(false);
  });

  it.each([
    ['2000-01-01', true],
    ['2099-12-31', true],
    ['1999-12-31', false],
    ['9999-12-31', false],
    ['2100-01-01', false],
    ['2025-02-30', false],
    ['', false],
  ])('business date %p → %p', (date, ok) => {
    expect(accepts(BusinessDateSchema, date)).toBe(ok);
    expect(accepts(OrdersQuerySchema, { date })).toBe(ok);
  });

  it.each([
    ['2030-06-01T19:30:00Z', true],
    ['2030-06-01T19:30:00+03:00', true],
    ['2099-12-31T23:59:59Z', true],
    ['9999-12-31T23:00:00Z', false],
    ['2100-01-01T00:00:00Z', false],
    ['1999-12-31T23:59:59Z', false],
  ])('booking instant %p → %p', (startsAt, ok) => {
    expect(accepts(InputInstantSchema, startsAt)).toBe(ok);
    const booking = { tableId: '00000000-0000-4000-8000-000000000001', startsAt, guests: 2, guestName: 'Иванова', guestPhone: '+79161234567' };
    expect(accepts(CreateReservationInputSchema, booking)).toBe(ok);
  });
});
