import { giftCardCheckSymbol, type Order } from '@pos/contracts';
import { loadConfig } from '../../../config';
import { type Client, createTestApp, requestId, type TestApp } from '../../../testing/harness';
import { newGiftCardCode } from './codes';

/**
 * What a gift card must withstand (issue 18): 20 tills redeeming one card at once never take more
 * than it holds; any sequence of sales, partial redeems and refunds keeps balance = issued −
 * redeemed + restored, never negative; guessing codes hits the rate limit.
 */

/** A small seeded PRNG (mulberry32): a failing sequence is reproduced by its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

describe('gift cards under pressure', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
  });
  afterAll(() => t.close());

  const dishOrder = async (quantity = 1) => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as Order;
  };
  const activeCard = async (amount: number) => {
    const sold = await cashier.post('/pos/finance/giftcards', { amount, clientRequestId: requestId() });
    expect(sold.status).toBe(201);
    const paid = await cashier.post('/pos/finance/payments', { orderId: sold.body.order.id, tenders: [{ method: 'cash', amount }], clientRequestId: requestId() });
    expect(paid.status).toBe(201);
    return sold.body.card.code as string;
  };
  const card = (code: string) => t.database.db.selectFrom('gift_cards').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const movementSum = async (cardId: string) =>
    Number((await t.database.db.selectFrom('gift_card_movements').select((eb) => eb.fn.sum<string | number>('amount').as('s')).where('gift_card_id', '=', cardId).executeTakeFirstOrThrow()).s);

  it('20 redeems of one card at once on 20 orders never overspend it', async () => {
    const code = await activeCard(100000);
    const orders = await Promise.all(Array.from({ length: 20 }, () => dishOrder()));
    const results = await Promise.all(orders.map((o) => cashier.post('/pos/finance/giftcards/redeem', { code, orderId: o.id, amount: 15000, clientRequestId: requestId() })));
    const ok = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.every((r) => r.status === 409 && r.body.code === 'giftcard.insufficient_balance')).toBe(true);
    const redeemed = ok.length * 15000;
    expect(ok.length).toBe(6);
    expect(redeemed).toBeLessThanOrEqual(100000);
    const row = await card(code);
    expect(Number(row.balance)).toBe(100000 - redeemed);
    expect(Number(row.balance)).toBeGreaterThanOrEqual(0);
    expect(await movementSum(row.id)).toBe(Number(row.balance));
    const payments = await t.database.db.selectFrom('payments').select('id').where('method', '=', 'giftcard').where('order_id', 'in', orders.map((o) => o.id)).execute();
    expect(payments).toHaveLength(ok.length);
  });

  it('the database itself refuses a negative balance', async () => {
    const row = await card(await activeCard(10000));
    const write = t.database.db.updateTable('gift_cards').set({ balance: -1 }).where('id', '=', row.id).execute();
    await expect(write.then(() => 'written', () => 'refused')).resolves.toBe('refused');
  });

  /**
   * The model of one card: what its sale loaded, what redeems took, what refunds of those redeems
   * gave back, and what refunds of its sale took off it. Its balance must always be
   * loaded − redeemed + restored − taken back, never negative, and the sum of its movements.
   */
  interface CardModel {
    code: string;
    id: string;
    issued: number;
    redeemed: number;
    restored: number;
    takenBack: number;
    cancelled: boolean;
    salePaymentId: string;
    saleRefunded: number;
    redeems: { paymentId: string; left: number }[];
  }
  const balanceOf = (c: CardModel) => c.issued - c.redeemed + c.restored - c.takenBack;

  it.each([1, 7, 2024])('any sequence of sales, partial redeems and refunds keeps balance = issued − redeemed + restored (seed %i)', async (seed) => {
    const random = prng(seed);
    const pick = <T>(list: T[]) => list[random.int(0, list.length - 1)];
    const cards: CardModel[] = [];
    const sellOne = async () => {
      const amount = random.int(10000, 60000);
      const sold = await cashier.post('/pos/finance/giftcards', { amount, clientRequestId: requestId() });
      const paid = await cashier.post('/pos/finance/payments', { orderId: sold.body.order.id, tenders: [{ method: 'cash', amount }], clientRequestId: requestId() });
      expect(paid.status).toBe(201);
      const code = sold.body.card.code as string;
      cards.push({ code, id: (await card(code)).id, issued: amount, redeemed: 0, restored: 0, takenBack: 0, cancelled: false, salePaymentId: paid.body.payments[0].id, saleRefunded: 0, redeems: [] });
    };
    await sellOne();
    for (let step = 0; step < 30; step++) {
      const roll = random.next();
      const c = pick(cards);
      const balance = balanceOf(c);
      if (roll < 0.12) {
        await sellOne();
      } else if (roll < 0.55) {
        // A partial redeem, now and then more than is left (the bill always has room: 90 000 due).
        const order = await dishOrder(2);
        const amount = random.next() < 0.2 ? balance + random.int(1, 5000) : random.int(1, Math.min(45000, Math.max(1, balance)));
        const res = await cashier.post('/pos/finance/giftcards/redeem', { code: c.code, orderId: order.id, amount, clientRequestId: requestId() });
        if (c.cancelled) {
          expect(res.body.code).toBe('giftcard.not_active');
        } else if (amount <= balance) {
          expect(res.status).toBe(201);
          c.redeemed += amount;
          c.redeems.push({ paymentId: res.body.payments[0].id, left: amount });
        } else {
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ code: 'giftcard.insufficient_balance', balance });
        }
      } else if (roll < 0.85 && c.redeems.some((r) => r.left > 0)) {
        // A refund of a redeem: back on the same card, never more than it took.
        const target = pick(c.redeems.filter((r) => r.left > 0));
        const amount = random.next() < 0.15 ? target.left + 1 : random.int(1, target.left);
        const res = await supervisor.post(`/pos/finance/payments/${target.paymentId}/refund`, { amount, reason: 'Возврат', clientRequestId: requestId() });
        if (amount <= target.left) {
          expect(res.status).toBe(200);
          c.restored += amount;
          target.left -= amount;
        } else {
          expect(res.body.code).toBe('payment.exceeds_refundable');
        }
      } else if (c.issued - c.saleRefunded > 0) {
        // A refund of the card's sale: off the card, refused whole when it was spent.
        const amount = random.int(1, c.issued - c.saleRefunded);
        const res = await supervisor.post(`/pos/finance/payments/${c.salePaymentId}/refund`, { amount, reason: 'Возврат карты', clientRequestId: requestId() });
        if (amount <= balance) {
          expect(res.status).toBe(200);
          c.saleRefunded += amount;
          c.takenBack += amount;
          if (balanceOf(c) === 0) c.cancelled = true;
        } else {
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ code: 'giftcard.sale_refund_spent', refundable: balance });
        }
      }
      for (const m of cards) {
        const row = await card(m.code);
        expect({ code: m.code, balance: Number(row.balance) }).toEqual({ code: m.code, balance: balanceOf(m) });
        expect(Number(row.balance)).toBeGreaterThanOrEqual(0);
        expect(await movementSum(m.id)).toBe(Number(row.balance));
        if (m.cancelled) expect(row.status).toBe('cancelled');
      }
    }
    // Every restore names its redeem and never gives back more than it took.
    const moves = await t.database.db.selectFrom('gift_card_movements').selectAll().where('gift_card_id', 'in', cards.map((c) => c.id)).execute();
    for (const r of moves.filter((m) => m.kind === 'redeem')) {
      const back = moves.filter((m) => m.kind === 'restore' && m.redeem_id === r.id).reduce((s, m) => s + Number(m.amount), 0);
      expect(back).toBeLessThanOrEqual(-Number(r.amount));
    }
  });

  it('keeps the default limit well above a till’s few lookups a minute', () => {
    expect(loadConfig({}).rateLimits.giftCards).toBeGreaterThanOrEqual(20);
  });
});

describe('gift card codes cannot be guessed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimits: { signIn: 100_000, enroll: 100_000, challenge: 100_000, giftCards: 5 } });
  });
  afterAll(() => t.close());

  it('lookups past the limit answer 429 problem+json with Retry-After, per tablet, counting 400s and 404s; another tablet is unaffected', async () => {
    const cashier = await t.login('2222', 'demo', 'till-1');
    const body = newGiftCardCode().slice(0, 13);
    const badCheck = body + (giftCardCheckSymbol(body) === '0' ? '1' : '0');
    const statuses: number[] = [];
    for (const code of [badCheck, newGiftCardCode(), newGiftCardCode(), badCheck, newGiftCardCode()]) statuses.push((await cashier.get(`/pos/finance/giftcards/${code}`)).status);
    expect(statuses).toEqual([400, 404, 404, 400, 404]);

    const limited = await cashier.get(`/pos/finance/giftcards/${newGiftCardCode()}`, { 'x-forwarded-for': '10.9.9.9', 'x-device-id': 'other' });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    // Another staff member on the same tablet shares its count; another tablet has its own.
    const supervisor = await t.login('333333', 'demo', 'till-1');
    expect((await supervisor.get(`/pos/finance/giftcards/${newGiftCardCode()}`)).status).toBe(429);
    const elsewhere = await t.login('2222', 'demo', 'till-2');
    expect((await elsewhere.get(`/pos/finance/giftcards/${newGiftCardCode()}`)).status).toBe(404);

    // Redeeming is limited the same way (bad codes count too).
    const redeems: number[] = [];
    for (let i = 0; i < 6; i++) redeems.push((await elsewhere.post('/pos/finance/giftcards/redeem', { code: badCheck, orderId: '00000000-0000-4000-8000-000000000000', amount: 100 })).status);
    expect(redeems).toEqual([400, 400, 400, 400, 400, 429]);

    // Blocking and unblocking tell a card exists too (404 against 200): each limited the same way.
    const third = await t.login('333333', 'demo', 'till-3');
    for (const action of ['block', 'unblock']) {
      const answers: number[] = [];
      for (let i = 0; i < 6; i++) answers.push((await third.post(`/pos/finance/giftcards/${newGiftCardCode()}/${action}`, { reason: 'guessing' })).status);
      expect(answers).toEqual([404, 404, 404, 404, 404, 429]);
    }
  });
});
