import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** The venue's loyalty programme settings (issue 18): defaults, a partial change (audited), bounds, who may. */
describe('loyalty settings', () => {
  let t: TestApp;
  let admin: Client;
  let cashier: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    cashier = await t.login('2222');
  });
  afterAll(() => t.close());

  it('starts at the defaults, changes only what is sent, and audits the change', async () => {
    expect((await admin.get('/admin/loyalty/settings')).body).toEqual({ earnPercent: 5, pointValue: 100, giftCardExpiryDays: 365 });
    const res = await admin.put('/admin/loyalty/settings', { earnPercent: 7, clientRequestId: requestId() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ earnPercent: 7, pointValue: 100, giftCardExpiryDays: 365 });
    expect((await admin.get('/admin/loyalty/settings')).body.earnPercent).toBe(7);
    const audit = await admin.get('/admin/audit?action=loyalty.settings_changed');
    expect(audit.body.entries[0]).toMatchObject({ action: 'loyalty.settings_changed' });
  });

  it('refuses out-of-bounds and empty changes with field paths, and changes nothing', async () => {
    const before = (await admin.get('/admin/loyalty/settings')).body;
    for (const [body, path] of [
      [{ earnPercent: 51 }, 'body.earnPercent'],
      [{ pointValue: 0 }, 'body.pointValue'],
      [{ giftCardExpiryDays: 1.5 }, 'body.giftCardExpiryDays'],
      [{}, 'body.earnPercent'],
    ] as const) {
      const res = await admin.put('/admin/loyalty/settings', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await admin.get('/admin/loyalty/settings')).body).toEqual(before);
  });

  it('with loyalty switched off for the venue, no guest is attached, no points spent, no gift card sold — and nothing written; a sold card still pays', async () => {
    // A card sold while the feature was on, its order paid.
    const sold = await cashier.post('/pos/finance/giftcards', { amount: 50000, clientRequestId: requestId() });
    expect(sold.status).toBe(201);
    expect((await cashier.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() })).status).toBe(201);
    expect((await cashier.post('/pos/finance/payments', { orderId: sold.body.order.id, tenders: [{ method: 'card', amount: 50000 }], clientRequestId: requestId() })).status).toBe(201);
    const olga = (await cashier.post('/pos/customers/lookup', { phone: '+79161234567' })).body.customer as { id: string };
    const anna = await t.login('1111');
    const order = await anna.post('/pos/orders', { items: [{ productId: (await t.product('borscht')).id, quantity: 1 }], clientRequestId: requestId() });
    expect(order.status).toBe(201);

    expect((await admin.put('/admin/feature-flags', { flags: { loyalty: false } })).status).toBe(200);
    try {
      const count = async (table: 'gift_cards' | 'points_movements' | 'payments') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await Promise.all([count('gift_cards'), count('points_movements'), count('payments')]);
      const refusals = [
        await cashier.put(`/pos/orders/${order.body.id}/customer`, { customerId: olga.id, clientRequestId: requestId() }),
        await cashier.post('/pos/loyalty/points/redeem', { orderId: order.body.id, points: 10, clientRequestId: requestId() }),
        await cashier.post('/pos/finance/giftcards', { orderId: order.body.id, amount: 50000, clientRequestId: requestId() }),
      ];
      expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
        [403, 'feature.disabled'],
        [403, 'feature.disabled'],
        [403, 'feature.disabled'],
      ]);
      expect(await Promise.all([count('gift_cards'), count('points_movements'), count('payments')])).toEqual(before);
      // The guest's money on a card sold earlier keeps its worth.
      const paid = await cashier.post('/pos/finance/giftcards/redeem', { code: sold.body.card.code, orderId: order.body.id, amount: 10000, clientRequestId: requestId() });
      expect(paid.status).toBe(201);
    } finally {
      await admin.put('/admin/feature-flags', { flags: { loyalty: true } });
    }
  });

  it('is an admin page: a cashier may neither read nor change it', async () => {
    expect((await cashier.get('/admin/loyalty/settings')).status).toBe(403);
    expect((await cashier.put('/admin/loyalty/settings', { earnPercent: 10 })).status).toBe(403);
  });
});
