import { CROCKFORD32, GiftCardDetailsSchema, giftCardCheckSymbol, isGiftCardCode, type Order, PaymentResultSchema, SellGiftCardResultSchema } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../../testing/harness';
import { newGiftCardCode } from './codes';

/**
 * Gift cards (issue 18, point 4): sold as a line of an order and active only once that order is
 * paid; redeemed in part, never below zero; a refund of a redeem puts the value back on the same
 * card, a refund of the sale takes it off the card sold (or is refused when it was spent); blocked,
 * expired, empty, unpaid and cancelled cards are refused everywhere.
 */
describe('gift cards', () => {
  let t: TestApp;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    cook = await t.login('4444');
    const opened = await Promise.all([cashier.post('/pos/shifts', { openingFloat: 0 }), supervisor.post('/pos/shifts', { openingFloat: 0 })]);
    expect(opened.map((r) => r.status)).toEqual([201, 201]);
  });
  afterAll(() => t.close());

  const borscht = 45000;
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const dishOrder = async (quantity = 1) => {
    const product = await t.product('borscht');
    const res = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as Order;
  };
  const sell = async (amount: number, orderId?: string) => {
    const res = await cashier.post('/pos/finance/giftcards', { amount, ...(orderId ? { orderId } : {}), clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return SellGiftCardResultSchema.parse(res.body);
  };
  const payCash = (orderId: string, amount: number) => cashier.post('/pos/finance/payments', { orderId, tenders: [{ method: 'cash', amount }], clientRequestId: requestId() });
  /** A card sold on a counter order of its own and paid in cash: active. */
  const activeCard = async (amount: number) => {
    const sold = await sell(amount);
    expect((await payCash(sold.order.id, amount)).status).toBe(201);
    return sold.card.code;
  };
  const lookup = (code: string, client: Client = cashier) => client.get(`/pos/finance/giftcards/${code}`);
  const cardOf = async (code: string) => GiftCardDetailsSchema.parse((await lookup(code)).body);
  const redeem = (code: string, orderId: string, amount: number, client: Client = cashier) =>
    client.post('/pos/finance/giftcards/redeem', { code, orderId, amount, clientRequestId: requestId() });
  const refund = (paymentId: string, amount: number) => supervisor.post(`/pos/finance/payments/${paymentId}/refund`, { amount, reason: 'Гость вернул', clientRequestId: requestId() });
  const count = async (table: 'gift_cards' | 'gift_card_movements' | 'orders' | 'order_lines' | 'payments' | 'payment_events' | 'audit_log') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Object.fromEntries(await Promise.all((['gift_cards', 'gift_card_movements', 'orders', 'order_lines', 'payments', 'payment_events', 'audit_log'] as const).map(async (n) => [n, await count(n)])));

  it('makes unguessable codes: 13 random symbols and a check symbol that catches a typo', () => {
    const codes = new Set(Array.from({ length: 2000 }, newGiftCardCode));
    expect(codes.size).toBe(2000);
    for (const code of [...codes].slice(0, 50)) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{14}$/);
      expect(isGiftCardCode(code)).toBe(true);
      const typo = code.slice(0, 3) + CROCKFORD32[(CROCKFORD32.indexOf(code[3]) + 1) % 32] + code.slice(4);
      expect(isGiftCardCode(typo)).toBe(false);
    }
  });

  it('sells a pending card on a new counter order; it is refused until that order is paid, then active with the venue expiry', async () => {
    const sold = await sell(100000);
    expect(sold.card).toMatchObject({ status: 'pending', initialAmount: 100000, balance: 0, currency: 'RUB', expiresAt: null, expired: false, saleOrderId: sold.order.id });
    expect(sold.order).toMatchObject({ tableId: null, total: 100000, due: 100000, status: 'open' });
    const [line] = sold.order.lines;
    expect(line).toMatchObject({ name: `Подарочная карта ••••${sold.card.code.slice(-4)}`, unitPrice: 100000, quantity: 1, firedQuantity: 1, kitchenState: 'fired', isCharge: true });

    // Unpaid: nobody can spend it.
    const other = await dishOrder();
    const early = await redeem(sold.card.code, other.id, 1000);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'giftcard.not_active' });
    expect((await cardOf(sold.card.code)).card.status).toBe('pending');

    // Nothing of it goes to the kitchen.
    const sent = await anna.post(`/pos/orders/${sold.order.id}/send`, { clientRequestId: requestId() });
    expect(sent.status).toBe(200);
    expect(sent.body.tickets).toEqual([]);

    // Half paid: still pending. Fully paid: active for the venue's 365 days.
    expect((await payCash(sold.order.id, 40000)).status).toBe(201);
    expect((await cardOf(sold.card.code)).card.status).toBe('pending');
    expect((await payCash(sold.order.id, 60000)).status).toBe(201);
    const details = await cardOf(sold.card.code);
    expect(details.card).toMatchObject({ status: 'active', balance: 100000, expired: false });
    const days = (Date.parse(details.card.expiresAt!) - Date.parse(details.card.activatedAt!)) / 86_400_000;
    expect(days).toBe(365);
    expect(details.movements.map((m) => [m.kind, m.amount, m.balanceAfter, m.staffName])).toEqual([
      ['issue', 0, 0, 'Вера (касса)'],
      ['activate', 100000, 100000, 'Вера (касса)'],
    ]);
  });

  it('sells on an existing order; the card product is on no menu and cannot be ordered by id; its line is void-only', async () => {
    const order = await dishOrder();
    const sold = await sell(20000, order.id);
    expect(sold.order).toMatchObject({ id: order.id, total: borscht + 20000 });
    const productId = sold.order.lines[1].productId;

    const menu = await anna.get('/pos/menu');
    expect(menu.body.products.map((p: { id: string }) => p.id)).not.toContain(productId);
    const byId = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId, quantity: 1 }], clientRequestId: requestId() });
    expect(byId.status).toBe(400);
    expect(paths(byId.body)).toEqual(['body.items.0.productId']);
    expect((await cook.patch(`/pos/menu/products/${productId}/stock`, { isAvailable: false })).body.code).toBe('product.not_found');
    // Nor is it anything upsell knows: no rules of its own, never an add-on, never recommended.
    const admin = await t.login('999999');
    expect((await admin.get(`/admin/menu/products/${productId}/upsell`)).status).toBe(404);
    const soup = await t.product('borscht');
    const addon = await admin.post(`/admin/menu/products/${soup.id}/upsell`, { addons: [{ productId }], clientRequestId: requestId() });
    expect({ status: addon.status, paths: paths(addon.body) }).toEqual({ status: 400, paths: ['body.addons.0.productId'] });
    expect((await anna.get(`/pos/menu/products/${productId}/recommendations`)).status).toBe(404);

    const changed = await anna.patch(`/pos/orders/${order.id}/items/${sold.order.lines[1].id}`, { quantity: 2, version: sold.order.version, clientRequestId: requestId() });
    expect({ status: changed.status, code: changed.body.code }).toEqual({ status: 409, code: 'line.charge' });

    // A waiter voids it freely (no kitchen behind it); paying the rest cancels the card.
    const voided = await anna.post(`/pos/orders/${order.id}/items/${sold.order.lines[1].id}/void`, { version: sold.order.version, clientRequestId: requestId() });
    expect(voided.status).toBe(200);
    expect(voided.body.total).toBe(borscht);
    expect((await anna.post(`/pos/orders/${order.id}/send`, { clientRequestId: requestId() })).body.tickets.flatMap((tk: { items: { name: string }[] }) => tk.items.map((i) => i.name))).not.toContain(sold.order.lines[1].name);
    expect((await payCash(order.id, borscht)).status).toBe(201);
    const card = await cardOf(sold.card.code);
    expect(card.card).toMatchObject({ status: 'cancelled', balance: 0 });
    expect(card.movements.map((m) => m.kind)).toEqual(['issue', 'cancel']);
    const refused = await redeem(sold.card.code, (await dishOrder()).id, 100);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'giftcard.not_active' });
  });

  it('redeems in part, as a payment with the masked code; never more than the balance', async () => {
    const code = await activeCard(50000);
    const first = await dishOrder();
    const paid = await redeem(code, first.id, 30000);
    expect(paid.status).toBe(201);
    const result = PaymentResultSchema.parse(paid.body);
    expect(result.payments[0]).toMatchObject({ method: 'giftcard', amount: 30000, status: 'captured', reference: `••••${code.slice(-4)}` });
    expect(result.order).toMatchObject({ paid: 30000, due: borscht - 30000 });

    const second = await dishOrder();
    const tooMuch = await redeem(code, second.id, 20001);
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'giftcard.insufficient_balance', balance: 20000 });
    expect((await redeem(code, second.id, 20000)).status).toBe(201);
    const empty = await redeem(code, second.id, 1);
    expect(empty.body).toMatchObject({ code: 'giftcard.insufficient_balance', balance: 0 });

    const details = await cardOf(code);
    expect(details.card.balance).toBe(0);
    expect(details.movements.map((m) => [m.kind, m.amount, m.balanceAfter])).toEqual([
      ['issue', 0, 0],
      ['activate', 50000, 50000],
      ['redeem', -30000, 20000],
      ['redeem', -20000, 0],
    ]);
    expect(details.movements[2].paymentId).toBe(result.payments[0].id);
    // A lookup by a waiter (customers.view) works; a cook has none of the permissions.
    expect((await lookup(code, anna)).status).toBe(200);
    const forbidden = await lookup(code, cook);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'auth.forbidden', permission: 'payments.take', anyOf: ['payments.take', 'giftcards.sell', 'customers.view', 'giftcards.block', 'admin.customers'] });
    expect((await lookup(newGiftCardCode())).body.code).toBe('giftcard.not_found');
    // Admin's gift card page is for whoever may block a card: that permission alone reads one.
    const admin = await t.login('999999');
    const roles = (await admin.get('/admin/roles')).body.roles as { role: string; permissions: string[] }[];
    const cookRole = roles.find((r) => r.role === 'cook')!;
    expect((await admin.put('/admin/roles', { roles: [{ role: 'cook', permissions: [...cookRole.permissions, 'giftcards.block'] }] })).status).toBe(200);
    const blocker = await t.login('4444');
    expect((await lookup(code, blocker)).status).toBe(200);
    await admin.put('/admin/roles', { roles: [cookRole] });
  });

  it('a refund of a redeem puts exactly that value back on the same card, linked to the redeem, even when blocked or expired', async () => {
    const code = await activeCard(40000);
    const order = await dishOrder();
    const paid = await redeem(code, order.id, 25000);
    const paymentId = paid.body.payments[0].id as string;
    const redeemId = (await cardOf(code)).movements.find((m) => m.kind === 'redeem')!.id;

    expect((await refund(paymentId, 10000)).status).toBe(200);
    expect((await cardOf(code)).card.balance).toBe(25000);

    // Blocked and past its expiry meanwhile: the value still comes back, the card stays blocked.
    expect((await supervisor.post(`/pos/finance/giftcards/${code}/block`, { reason: 'Подозрение', clientRequestId: requestId() })).status).toBe(200);
    await t.database.db.updateTable('gift_cards').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('code', '=', code).execute();
    const more = await refund(paymentId, 15000);
    expect(more.status).toBe(200);
    expect(more.body.status).toBe('refunded');
    const details = await cardOf(code);
    expect(details.card).toMatchObject({ status: 'blocked', balance: 40000, expired: true });
    const restores = details.movements.filter((m) => m.kind === 'restore');
    expect(restores.map((m) => [m.amount, m.redeemId, m.paymentId])).toEqual([
      [10000, redeemId, paymentId],
      [15000, redeemId, paymentId],
    ]);
    // Nothing more than was taken can go back.
    const before = await counts();
    expect((await refund(paymentId, 1)).status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('blocked, expired and pending cards are refused; block and unblock need giftcards.block, take a reason and are audited', async () => {
    const code = await activeCard(30000);
    const order = await dishOrder();
    const denied = await cashier.post(`/pos/finance/giftcards/${code}/block`, { reason: 'x', clientRequestId: requestId() });
    expect(denied.status).toBe(403);

    const blocked = await supervisor.post(`/pos/finance/giftcards/${code}/block`, { reason: 'Карта украдена', clientRequestId: requestId() });
    expect(blocked.status).toBe(200);
    expect(GiftCardDetailsSchema.parse(blocked.body).card).toMatchObject({ status: 'blocked', blockedReason: 'Карта украдена', balance: 30000 });
    expect((await redeem(code, order.id, 100)).body.code).toBe('giftcard.blocked');
    expect((await supervisor.post(`/pos/finance/giftcards/${code}/block`, { reason: 'Ещё раз', clientRequestId: requestId() })).body.code).toBe('giftcard.invalid_transition');

    const unblocked = await supervisor.post(`/pos/finance/giftcards/${code}/unblock`, { reason: 'Нашлась', clientRequestId: requestId() });
    expect(unblocked.body.card).toMatchObject({ status: 'active', blockedReason: null });
    expect(unblocked.body.movements.slice(-2).map((m: { kind: string; reason: string; staffName: string }) => [m.kind, m.reason, m.staffName])).toEqual([
      ['block', 'Карта украдена', 'Григорий (старший смены)'],
      ['unblock', 'Нашлась', 'Григорий (старший смены)'],
    ]);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', unblocked.body.card.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['giftcard.blocked', 'giftcard.unblocked']);

    expect((await redeem(code, order.id, 100)).status).toBe(201);
    await t.database.db.updateTable('gift_cards').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('code', '=', code).execute();
    const expired = await redeem(code, order.id, 100);
    expect(expired.body).toMatchObject({ code: 'giftcard.expired' });
    expect((await cardOf(code)).card.expired).toBe(true);
  });

  it('a refund of a sale comes off the other lines first, then off the card sold — refused whole when the card was spent', async () => {
    const order = await dishOrder();
    const sold = await sell(100000, order.id);
    const paid = await payCash(order.id, borscht + 100000);
    expect(paid.status).toBe(201);
    const salePayment = paid.body.payments[0].id as string;

    // The soup first: the card keeps its value.
    expect((await refund(salePayment, borscht)).status).toBe(200);
    expect((await cardOf(sold.card.code)).card.balance).toBe(100000);

    // The guest spends 80 000 of the card; refunding 30 000 more of the sale cannot come off it.
    expect((await redeem(sold.card.code, (await dishOrder(2)).id, 80000)).status).toBe(201);
    const before = await counts();
    const refused = await refund(salePayment, 30000);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'giftcard.sale_refund_spent', refundable: 20000 });
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await counts()).toEqual(before);
    expect((await cardOf(sold.card.code)).card.balance).toBe(20000);

    // What is left can be refunded: the card is cancelled at zero.
    expect((await refund(salePayment, 20000)).status).toBe(200);
    const details = await cardOf(sold.card.code);
    expect(details.card).toMatchObject({ status: 'cancelled', balance: 0 });
    expect(details.movements.at(-1)).toMatchObject({ kind: 'cancel', amount: -20000, balanceAfter: 0, paymentId: salePayment });
  });

  it('refuses bad input with 400 problem+json and field paths, writing nothing', async () => {
    const code = await activeCard(10000);
    const order = await dishOrder();
    const body = code.slice(0, 13);
    const wrongCheck = body + CROCKFORD32[(CROCKFORD32.indexOf(giftCardCheckSymbol(body)) + 1) % 32];
    const before = await counts();
    const cases: [Promise<{ status: number; body: { errors?: { path: string }[] }; headers: Record<string, unknown> }>, string[]][] = [
      [cashier.post('/pos/finance/giftcards', { amount: 50, clientRequestId: requestId() }), ['body.amount']],
      [cashier.post('/pos/finance/giftcards', { amount: 100000, orderId: 'nope', extra: 1, clientRequestId: requestId() }), ['body.extra', 'body.orderId']],
      [cashier.post('/pos/finance/giftcards/redeem', { code: wrongCheck, orderId: order.id, amount: 100, clientRequestId: requestId() }), ['body.code']],
      [cashier.post('/pos/finance/giftcards/redeem', { code, orderId: order.id, amount: 0, clientRequestId: requestId() }), ['body.amount']],
      [cashier.post('/pos/finance/giftcards/redeem', { code, amount: 100, clientRequestId: requestId() }), ['body.orderId']],
      [cashier.get(`/pos/finance/giftcards/${wrongCheck}`), ['params.code']],
      [supervisor.post(`/pos/finance/giftcards/${code}/block`, { reason: '', clientRequestId: requestId() }), ['body.reason']],
      [supervisor.post(`/pos/finance/giftcards/${code}/block`, { reason: 'card 4111 1111 1111 1111', clientRequestId: requestId() }), ['body.reason']],
    ];
    for (const [sent, expected] of cases) {
      const res = await sent;
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(paths(res.body).sort()).toEqual(expected);
    }
    // Typed as printed (dashes, lower case, O for 0) it is the same card.
    const printed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`.toLowerCase();
    expect((await cashier.get(`/pos/finance/giftcards/${printed}`)).status).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('a resent sale (same clientRequestId) answers the same card and sells once', async () => {
    const key = requestId();
    const first = await cashier.post('/pos/finance/giftcards', { amount: 15000, clientRequestId: key });
    const again = await cashier.post('/pos/finance/giftcards', { amount: 15000, clientRequestId: key });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const cards = await t.database.db.selectFrom('gift_cards').select('id').where('sale_order_id', '=', first.body.order.id).execute();
    expect(cards).toHaveLength(1);
  });
});
