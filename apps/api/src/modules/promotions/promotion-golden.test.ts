import { type Order, type PromotionRule } from '@pos/contracts';
import { PROMOTION_GOLDEN_CASES } from '@pos/contracts/testing';
import { clock } from '../../shared/clock';
import { createTestApp, requestId, type TestApp } from '../../testing/harness';
import { ruleColumns } from './rules';

/**
 * The engine's golden cases (libs/contracts/src/promotion-golden), priced the way the server
 * prices an order: the rules stored and read back as JSON, `PromotionsService.price` in a
 * transaction (manual rules and the guest's uses from the database), the answer stored on a real
 * order and read back through `GET /pos/orders/{id}`. The tablets run the same cases, so the
 * server and the tablets cannot drift apart.
 */
describe('promotion golden cases through the server', () => {
  let t: TestApp;
  let venueId: string;
  const realNow = clock.now;

  beforeAll(async () => {
    t = await createTestApp();
    venueId = (await t.database.db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());
  afterEach(() => {
    clock.now = realNow;
  });

  const store = async (rule: PromotionRule) => {
    const { db } = t.database;
    if (await db.selectFrom('promotions').select('id').where('id', '=', rule.id).executeTakeFirst()) return;
    await db
      .insertInto('promotions')
      .values({ id: rule.id, venue_id: venueId, ...ruleColumns(rule), uses: 0, version: rule.version, created_at: rule.updatedAt, updated_at: rule.updatedAt, deleted_at: null })
      .execute();
  };
  const guest = async (id: string) => {
    const { db } = t.database;
    if (await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst()) return;
    const now = new Date().toISOString();
    await db
      .insertInto('customers')
      .values({ id, venue_id: venueId, name: 'Golden', phone: `+7900${id.slice(-7)}`, email: null, sms_consent: 0, sms_consent_at: null, email_consent: 0, email_consent_at: null, tier: 'base', visits: 0, last_visit_at: null, created_at: now, updated_at: now, search_text: 'golden', points: 0 })
      .execute();
  };

  it.each(PROMOTION_GOLDEN_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const anna = await t.login('1111');
    const created = await anna.post('/pos/orders', { items: [{ productId: (await t.product('borscht')).id, quantity: 1 }], clientRequestId: requestId() });
    expect(created.status).toBe(201);
    const orderId = (created.body as Order).id;
    for (const rule of c.rules) await store(rule as PromotionRule);
    if (c.context.customerId) await guest(c.context.customerId);
    const { db } = t.database;
    for (const ruleId of c.context.manualRuleIds) {
      await db.insertInto('order_manual_promotions').values({ order_id: orderId, promotion_id: ruleId, staff_id: (await db.selectFrom('staff').select('id').where('venue_id', '=', venueId).executeTakeFirstOrThrow()).id, created_at: c.context.now }).execute();
    }
    // Uses by other orders, as the case has them: the server counts them from its tables.
    for (const [ruleId, usage] of Object.entries(c.context.usage)) {
      await db.updateTable('promotions').set({ uses: usage.total }).where('id', '=', ruleId).execute();
      if (c.context.customerId && usage.guest > 0) {
        await db.insertInto('promotion_guest_uses').values({ promotion_id: ruleId, customer_id: c.context.customerId, uses: usage.guest }).execute();
      }
    }
    // Written past the services: the venue's inputs they keep between commands are read again.
    t.app.services.caches.clearAll();
    clock.now = () => new Date(c.context.now);
    const inputs = { rules: c.rules as PromotionRule[], settings: { exclusiveChoice: c.context.exclusiveChoice }, timeZone: c.context.timeZone, flags: c.context.flags, on: true };
    const priced = await db.transaction().execute((tx) => t.app.services.promotions.price(tx, venueId, { id: orderId, customerId: c.context.customerId, lines: c.lines }, inputs));
    expect(priced.applied).toEqual(c.expected.applied);
    // The sign-in's token lives by the real clock.
    clock.now = realNow;
    const read = await anna.get(`/pos/orders/${orderId}`);
    expect(read.status).toBe(200);
    expect((read.body as Order).promotions).toEqual(c.expected.applied);
    // Priced again at the same moment: nothing changes, nothing is written.
    clock.now = () => new Date(c.context.now);
    const again = await db.transaction().execute((tx) => t.app.services.promotions.price(tx, venueId, { id: orderId, customerId: c.context.customerId, lines: c.lines }, inputs));
    expect(again).toEqual({ changed: false, applied: c.expected.applied });
  });
});
