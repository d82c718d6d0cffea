import { addDays, businessDate, type Order, OrderPromotionsSchema, OrderSchema, type PromotionInput, PromotionRuleSchema, ActivePromotionsSchema, zonedToUtc } from '@pos/contracts';
import type { OutboundEvent } from '../../shared/command';
import { clock } from '../../shared/clock';
import { sql } from 'kysely';
import { type Client, createTestApp, isPg, requestId, type Response, type TestApp } from '../../testing/harness';
import { venuesToWatch, venuesToWatchQuery } from './repository';

const TZ = 'Europe/Moscow';
const paths = (res: Response) => ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** A venue-local instant on a day with this ISO weekday (1 = Monday), `back` weeks ago at least a day back. */
function localAt(weekday: number, time: string): Date {
  const today = businessDate(Date.now(), TZ);
  for (let back = 1; back <= 7; back++) {
    const date = addDays(today, -back);
    const noon = new Date(zonedToUtc(date, '12:00', TZ));
    const iso = ((noon.getUTCDay() + 6) % 7) + 1;
    if (iso === weekday) return new Date(zonedToUtc(date, time, TZ));
  }
  throw new Error('unreachable');
}

/**
 * Promotions (issue 19) through the API: rule CRUD and its validation (field paths, nothing
 * written), orders priced on every change, manual rules with and without the permission, the
 * happy-hour boundary (a fired line keeps its price), the tick that re-prices open orders, limits
 * under parallel orders, and the discount in the ledger. Runs on SQLite and PostgreSQL.
 */
describe('promotions', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let cashier: Client;
  let supervisor: Client;
  const realNow = clock.now;
  const price: Record<string, number> = {};
  const id: Record<string, string> = {};
  const category: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    cashier = await t.login('2222');
    supervisor = await t.login('333333');
    for (const code of ['borscht', 'medovik', 'cheesecake', 'kvass', 'solyanka']) {
      const p = await t.product(code);
      id[code] = p.id;
      price[code] = p.price;
    }
    const venueId = (await t.database.db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
    for (const c of await t.database.db.selectFrom('categories').select(['id', 'code']).where('venue_id', '=', venueId).execute()) category[c.code] = c.id;
    expect((await cashier.post('/pos/shifts', { openingFloat: 0 })).status).toBe(201);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    clock.now = realNow;
    // Each test starts from no automatic rules (the seeded manual staff discount stays).
    for (const rule of (await admin.get('/admin/promotions')).body.promotions as { id: string; manual: boolean }[]) {
      if (!rule.manual) await admin.request('DELETE', `/admin/promotions/${rule.id}`, undefined, { 'idempotency-key': requestId() });
    }
  });

  const base = (over: Partial<PromotionInput> = {}): PromotionInput => ({
    name: 'Скидка',
    effect: { kind: 'percent', percent: 10, target: { scope: 'check' } },
    schedule: { validFrom: null, validTo: null, windows: [] },
    conditions: { minSubtotal: null, minQuantity: null },
    limits: { perGuest: null, total: null },
    priority: 0,
    stacking: 'stackable',
    manual: false,
    featureFlag: null,
    enabled: true,
    ...over,
  });
  const create = async (over: Partial<PromotionInput> = {}) => {
    const res = await admin.post('/admin/promotions', { ...base(over), clientRequestId: requestId() });
    expect(res.status).toBe(201);
    expect(() => PromotionRuleSchema.parse(res.body)).not.toThrow();
    return res.body as { id: string; version: number };
  };
  const count = async () => ((await admin.get('/admin/promotions')).body.promotions as unknown[]).length;
  const order = async (items: [string, number][], who: Client = anna) => {
    const res = await who.post('/pos/orders', { items: items.map(([code, quantity]) => ({ productId: id[code], quantity })), clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as Order;
  };
  const get = async (orderId: string) => {
    const res = await anna.get(`/pos/orders/${orderId}`);
    expect(res.status).toBe(200);
    return OrderSchema.parse(res.body);
  };
  const add = async (orderId: string, code: string, quantity = 1) => {
    const res = await anna.post(`/pos/orders/${orderId}/items`, { items: [{ productId: id[code], quantity }], clientRequestId: requestId() });
    expect(res.status).toBe(200);
    return res.body as Order;
  };
  const tick = async () => {
    const published: OutboundEvent[] = [];
    await t.app.services.orders.pricing.tick(t.database.db, (events) => published.push(...events));
    return published;
  };

  describe('rules in Admin', () => {
    it('creates, lists, changes with the version and deletes a rule', async () => {
      const before = await count();
      const rule = await create({ name: 'Десерты −15 %', effect: { kind: 'percent', percent: 15, target: { scope: 'items', items: { productIds: [], categoryIds: [category.desserts] } } } });
      expect(await count()).toBe(before + 1);
      const changed = await admin.put(`/admin/promotions/${rule.id}`, { ...base({ name: 'Десерты −20 %' }), version: rule.version });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ name: 'Десерты −20 %', version: rule.version + 1 });
      // A stale version changes nothing.
      const stale = await admin.put(`/admin/promotions/${rule.id}`, { ...base({ name: 'Чужая правка' }), version: rule.version });
      expectProblem(stale, 409, 'promotion.version_conflict');
      expect((await admin.get(`/admin/promotions/${rule.id}`)).body.name).toBe('Десерты −20 %');
      const removed = await admin.request('DELETE', `/admin/promotions/${rule.id}`, undefined, { 'idempotency-key': requestId() });
      expect(removed.status).toBe(200);
      expect((await admin.get(`/admin/promotions/${rule.id}`)).status).toBe(404);
      expect(await count()).toBe(before);
    });

    it.each([
      ['overlapping windows', { schedule: { validFrom: null, validTo: null, windows: [{ days: [1, 2], from: '17:00', to: '19:00' }, { days: [2], from: '18:30', to: '20:00' }] } }, ['body.schedule.windows.1']],
      ['a window past midnight running into the next day’s window', { schedule: { validFrom: null, validTo: null, windows: [{ days: [5], from: '22:00', to: '02:00' }, { days: [6], from: '01:00', to: '03:00' }] } }, ['body.schedule.windows.1']],
      ['an empty window', { schedule: { validFrom: null, validTo: null, windows: [{ days: [1], from: '17:00', to: '17:00' }] } }, ['body.schedule.windows.0.to']],
      ['a bad time', { schedule: { validFrom: null, validTo: null, windows: [{ days: [1], from: '25:00', to: '26:00' }] } }, ['body.schedule.windows.0.from', 'body.schedule.windows.0.to']],
      ['a bad weekday', { schedule: { validFrom: null, validTo: null, windows: [{ days: [8], from: '10:00', to: '11:00' }] } }, ['body.schedule.windows.0.days.0']],
      ['the last day before the first', { schedule: { validFrom: '2026-12-10', validTo: '2026-12-01', windows: [] } }, ['body.schedule.validTo']],
      ['an unknown product', { effect: { kind: 'percent', percent: 10, target: { scope: 'items', items: { productIds: ['0190a000-0000-7000-8000-00000000dead'], categoryIds: [] } } } }, ['body.effect.target.items.productIds.0']],
      ['an unknown category', { effect: { kind: 'fixed', amount: 1000, target: { scope: 'items', items: { productIds: [], categoryIds: ['0190a000-0000-7000-8000-00000000dead'] } } } }, ['body.effect.target.items.categoryIds.0']],
      ['an empty item set', { effect: { kind: 'percent', percent: 10, target: { scope: 'items', items: { productIds: [], categoryIds: [] } } } }, ['body.effect.target.items']],
      ['a percent over 100', { effect: { kind: 'percent', percent: 150, target: { scope: 'check' } } }, ['body.effect.percent']],
      ['a negative priority', { priority: -1 }, ['body.priority']],
    ] as [string, Partial<PromotionInput>, string[]][])('refuses %s at its field and writes nothing', async (_name, over, expected) => {
      const before = await count();
      const res = await admin.post('/admin/promotions', { ...base(over), clientRequestId: requestId() });
      expectProblem(res, 400, 'validation');
      expect(paths(res)).toEqual(expected);
      expect(await count()).toBe(before);
    });

    it('is for admins: a waiter and a supervisor get 403, and the settings choose how exclusive rules compete', async () => {
      expect((await anna.get('/admin/promotions')).status).toBe(403);
      expect((await supervisor.post('/admin/promotions', { ...base(), clientRequestId: requestId() })).status).toBe(403);
      expect((await admin.get('/admin/promotions/settings')).body).toEqual({ exclusiveChoice: 'best_for_guest' });
      expect((await admin.put('/admin/promotions/settings', { exclusiveChoice: 'priority', clientRequestId: requestId() })).body).toEqual({ exclusiveChoice: 'priority' });
      expectProblem(await admin.put('/admin/promotions/settings', { exclusiveChoice: 'random', clientRequestId: requestId() }), 400, 'validation');
      expect((await admin.get('/admin/promotions/settings')).body).toEqual({ exclusiveChoice: 'priority' });
      await admin.put('/admin/promotions/settings', { exclusiveChoice: 'best_for_guest', clientRequestId: requestId() });
    });
  });

  describe('orders priced on every change', () => {
    it('applies a category discount as lines are added, records it on the order and explains the rest', async () => {
      await create({ name: 'Десерты −20 %', effect: { kind: 'percent', percent: 20, target: { scope: 'items', items: { productIds: [], categoryIds: [category.desserts] } } } });
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(0);
      const withDessert = await add(o.id, 'medovik', 2);
      const saving = Math.round((price.medovik * 2 * 20) / 100);
      expect(withDessert.discount).toBe(saving);
      expect(withDessert.total).toBe(price.borscht + price.medovik * 2 - saving);
      expect(withDessert.promotions).toEqual([expect.objectContaining({ name: 'Десерты −20 %', kind: 'percent', manual: false, saving })]);
      // Re-reading changes nothing (re-evaluation is idempotent).
      const again = await get(o.id);
      expect(again.discount).toBe(saving);
      expect(again.version).toBe(withDessert.version);
      // More desserts, one at a time: still one promotion on the order, its saving grown (never a discount line per dish added).
      await add(o.id, 'cheesecake');
      const more = await add(o.id, 'medovik');
      expect(more.promotions).toHaveLength(1);
      expect(more.discount).toBe(Math.round(((price.medovik * 3 + price.cheesecake) * 20) / 100));
      await anna.post(`/pos/orders/${o.id}/items/${more.lines.at(-1)!.id}/void`, { version: more.version, clientRequestId: requestId() });
      expect((await get(o.id)).discount).toBe(Math.round(((price.medovik * 2 + price.cheesecake) * 20) / 100));
      const explained = await anna.get(`/pos/orders/${o.id}/promotions`);
      expect(explained.status).toBe(200);
      expect(OrderPromotionsSchema.parse(explained.body).applied).toHaveLength(1);
      // The seeded manual staff discount fits: staff are told they may apply it.
      expect(explained.body.hints).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'manual' })]));
    });

    it('tells what is missing for a minimum amount, and applies once it is reached', async () => {
      await create({ name: 'От 1000 ₽ −10 %', conditions: { minSubtotal: 100_000, minQuantity: null } });
      const o = await order([['kvass', 1]]);
      const hints = (await anna.get(`/pos/orders/${o.id}/promotions`)).body.hints as { reason: string; missingAmount?: number }[];
      expect(hints).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'min_subtotal', missingAmount: 100_000 - price.kvass })]));
      const bigger = await add(o.id, 'borscht', 3);
      expect(bigger.discount).toBe(Math.round(((price.kvass + price.borscht * 3) * 10) / 100));
    });

    it('a manual rule needs promotions.apply; an automatic one cannot be applied by hand; one that gives nothing is refused and not kept', async () => {
      const staff = ((await admin.get('/admin/promotions')).body.promotions as { id: string; name: string; manual: boolean }[]).find((r) => r.manual)!;
      const auto = await create({ name: 'Авто', conditions: { minSubtotal: 10_000_000, minQuantity: null } });
      const o = await order([['borscht', 2]]);
      expect((await anna.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: staff.id, clientRequestId: requestId() })).status).toBe(403);
      expect((await get(o.id)).discount).toBe(0);
      expectProblem(await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: auto.id, clientRequestId: requestId() }), 409, 'promotion.not_manual');
      const applied = await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: staff.id, clientRequestId: requestId() });
      expect(applied.status).toBe(200);
      expect(applied.body.discount).toBe(Math.round((price.borscht * 2 * 10) / 100));
      expect(applied.body.promotions).toEqual([expect.objectContaining({ ruleId: staff.id, manual: true })]);
      const removed = await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: staff.id, remove: true, clientRequestId: requestId() });
      expect(removed.body.discount).toBe(0);

      // A manual rule with a minimum the order does not reach gives nothing: refused, nothing stored.
      const picky = await create({ name: 'Вручную от 1 000 000 ₽', manual: true, conditions: { minSubtotal: 100_000_000, minQuantity: null } });
      expectProblem(await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: picky.id, clientRequestId: requestId() }), 409, 'promotion.not_applicable');
      expect(await t.database.db.selectFrom('order_manual_promotions').select('promotion_id').where('order_id', '=', o.id).execute()).toEqual([]);
      await admin.request('DELETE', `/admin/promotions/${picky.id}`, undefined, { 'idempotency-key': requestId() });
    });

    it('an order of another venue, an unknown rule and a bad body are refused', async () => {
      const o = await order([['borscht', 1]]);
      expectProblem(await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: '0190a000-0000-7000-8000-00000000dead', clientRequestId: requestId() }), 404, 'promotion.not_found');
      expectProblem(await supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: 'nope' }), 400, 'validation');
      expectProblem(await anna.get('/pos/orders/0190a000-0000-7000-8000-00000000dead/promotions'), 404, 'order.not_found');
    });
  });

  describe('happy hour', () => {
    const weekday = 3;
    const window = { days: [weekday], from: '17:00', to: '19:00' };

    it('the active list counts down to the start and to the end by the server clock', async () => {
      const rule = await create({ name: 'Счастливый час', schedule: { validFrom: null, validTo: null, windows: [window] } });
      clock.now = () => localAt(weekday, '16:59');
      let active = ActivePromotionsSchema.parse((await anna.get('/pos/promotions/active')).body);
      expect(active.promotions.find((p) => p.rule.id === rule.id)).toMatchObject({ activeNow: false, secondsToStart: 60 });
      clock.now = () => new Date(localAt(weekday, '18:00').getTime() + 30_000);
      active = ActivePromotionsSchema.parse((await anna.get('/pos/promotions/active')).body);
      expect(active.promotions.find((p) => p.rule.id === rule.id)).toMatchObject({ activeNow: true, secondsToEnd: 3570 });
    });

    it('opens on the tick for an open order, keeps the price of what was fired in the window, and new lines pay full price after it', async () => {
      await create({ name: 'Счастливый час −50 %', effect: { kind: 'percent', percent: 50, target: { scope: 'check' } }, schedule: { validFrom: null, validTo: null, windows: [window] } });
      clock.now = () => localAt(weekday, '16:55');
      await tick();
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(0);
      // The window opens: the tick prices the open order again and says so.
      clock.now = () => localAt(weekday, '17:00');
      const events = await tick();
      expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['order.updated', 'promotions.changed']));
      const opened = await get(o.id);
      expect(opened.discount).toBe(price.borscht / 2);
      // A second run with nothing new does nothing (another instance, or a late run).
      expect(await tick()).toEqual([]);
      // Fired inside the window.
      expect((await anna.post(`/pos/orders/${o.id}/send`, { clientRequestId: requestId() })).status).toBe(200);
      // The window closes: the fired line keeps its half price, a new line pays in full.
      clock.now = () => localAt(weekday, '19:01');
      await tick();
      expect((await get(o.id)).discount).toBe(price.borscht / 2);
      const later = await add(o.id, 'kvass');
      expect(later.discount).toBe(price.borscht / 2);
      expect(later.total).toBe(price.borscht / 2 + price.kvass);
    });

    it('an unfired line loses the happy-hour price when the window closes', async () => {
      await create({ name: 'Счастливый час −50 %', effect: { kind: 'percent', percent: 50, target: { scope: 'check' } }, schedule: { validFrom: null, validTo: null, windows: [window] } });
      clock.now = () => localAt(weekday, '18:30');
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(price.borscht / 2);
      clock.now = () => localAt(weekday, '19:00');
      await tick();
      expect((await get(o.id)).discount).toBe(0);
    });

    it('a rule gated by a flag goes away when the flag is switched off', async () => {
      await create({ name: 'Пилот', featureFlag: 'promotions-pilot' });
      await tick();
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(price.borscht / 10);
      expect((await admin.put('/admin/feature-flags', { flags: { 'promotions-pilot': false } })).status).toBe(200);
      try {
        const events = await tick();
        expect(events.map((e) => e.name)).toContain('promotions.changed');
        expect((await get(o.id)).discount).toBe(0);
        expect(((await anna.get('/pos/promotions/active')).body.promotions as { rule: { name: string } }[]).map((p) => p.rule.name)).not.toContain('Пилот');
      } finally {
        await admin.put('/admin/feature-flags', { flags: { 'promotions-pilot': true } });
      }
    });
  });

  describe('the tick', () => {
    it('watches a venue whose open order still carries a deleted rule, reading only open orders, and prices it again', async () => {
      const rule = await create();
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(price.borscht / 10);
      expect((await admin.request('DELETE', `/admin/promotions/${rule.id}`, undefined, { 'idempotency-key': requestId() })).status).toBe(200);
      expect((await venuesToWatch(t.database.db)).map((r) => r.venue_id)).toContain(anna.venueId);
      await tick();
      expect((await get(o.id)).discount).toBe(0);
      if (!isPg()) {
        // Every few seconds: from each venue's open orders, never a scan of the discount history.
        const plan = await sql.raw<{ detail: string }>(`explain query plan ${venuesToWatchQuery(t.database.db).compile().sql}`).execute(t.database.db);
        const steps = plan.rows.map((r) => r.detail);
        expect(steps).toContainEqual(expect.stringContaining('USING INDEX orders_venue_status_idx'));
        expect(steps.filter((d) => /^SCAN (p|order_promotions)\b/.test(d))).toEqual([]);
      }
    });
  });

  describe('limits', () => {
    it('a total limit holds under parallel orders, and a voided order gives its use back', async () => {
      const rule = await create({ name: 'Первым двум', limits: { perGuest: null, total: 2 } });
      const orders = await Promise.all(Array.from({ length: 6 }, () => order([['borscht', 1]])));
      const discounted = orders.filter((o) => o.discount > 0);
      expect(discounted).toHaveLength(2);
      const used = await t.database.db.selectFrom('promotions').select('uses').where('id', '=', rule.id).executeTakeFirstOrThrow();
      expect(Number(used.uses)).toBe(2);
      // The limit is reached: the others are told so.
      const other = orders.find((o) => o.discount === 0)!;
      expect((await anna.get(`/pos/orders/${other.id}/promotions`)).body.hints).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: rule.id, reason: 'limit_reached' })]));
      // A holder's line is voided whole: it gives nothing, so its use is released and another order can take it.
      const holder = discounted[0];
      const voided = await anna.post(`/pos/orders/${holder.id}/items/${holder.lines[0].id}/void`, { version: holder.version, clientRequestId: requestId() });
      expect(voided.status).toBe(200);
      expect(voided.body.discount).toBe(0);
      expect((await add(other.id, 'kvass')).discount).toBeGreaterThan(0);
    });

    it('a limited manual rule applied to many orders at once is given no more often than its limit, and payments keep the uses', async () => {
      const rule = await create({ name: 'Двоим вручную', manual: true, limits: { perGuest: null, total: 2 } });
      const orders = await Promise.all(Array.from({ length: 5 }, () => order([['borscht', 1]])));
      const answers = await Promise.all(orders.map((o) => supervisor.post(`/pos/orders/${o.id}/promotion/apply`, { ruleId: rule.id, clientRequestId: requestId() })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('promotion.not_applicable');
      const winners = answers.filter((a) => a.status === 200).map((a) => a.body as Order);
      // Both winners are paid at once: the uses stay taken, no third order gets the rule.
      const paid = await Promise.all(winners.map((o) => cashier.post('/pos/finance/payments', { orderId: o.id, tenders: [{ method: 'card', amount: o.total }], clientRequestId: requestId() })));
      expect(paid.map((p) => p.status)).toEqual([201, 201]);
      const uses = await t.database.db.selectFrom('promotion_uses').select('order_id').where('promotion_id', '=', rule.id).execute();
      expect(uses.map((u) => u.order_id).sort()).toEqual(winners.map((o) => o.id).sort());
      const loser = orders.find((o) => !winners.some((w) => w.id === o.id))!;
      expectProblem(await supervisor.post(`/pos/orders/${loser.id}/promotion/apply`, { ruleId: rule.id, clientRequestId: requestId() }), 409, 'promotion.not_applicable');
      await admin.request('DELETE', `/admin/promotions/${rule.id}`, undefined, { 'idempotency-key': requestId() });
    });

    it('a per-guest limit needs a guest on the order', async () => {
      const rule = await create({ name: 'Гостю раз', limits: { perGuest: 1, total: null } });
      const o = await order([['borscht', 1]]);
      expect(o.discount).toBe(0);
      expect((await anna.get(`/pos/orders/${o.id}/promotions`)).body.hints).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: rule.id, reason: 'needs_guest' })]));
      const guest = await admin.post('/admin/customers', { name: 'Гость Акций', phone: '+79250001122', clientRequestId: requestId() });
      expect(guest.status).toBe(201);
      const attached = await cashier.put(`/pos/orders/${o.id}/customer`, { customerId: guest.body.id, clientRequestId: requestId() });
      expect(attached.status).toBe(200);
      expect(attached.body.discount).toBe(price.borscht / 10);
      // The same guest's second order: the use is spent.
      const second = await order([['borscht', 1]]);
      const again = await cashier.put(`/pos/orders/${second.id}/customer`, { customerId: guest.body.id, clientRequestId: requestId() });
      expect(again.body.discount).toBe(0);
    });
  });

  describe('in the ledger', () => {
    it('a paid order books its discount: gross at list price, net what was paid, the Z counts it', async () => {
      await create({ name: 'Всё −10 %' });
      const o = await order([['borscht', 2]]);
      const discount = (price.borscht * 2) / 10;
      expect(o.discount).toBe(discount);
      const before = (await cashier.get('/pos/finance/dashboard')).body as { gross: number; discounts: number; net: number };
      const paid = await cashier.post('/pos/finance/payments', { orderId: o.id, tenders: [{ method: 'card', amount: o.total }], clientRequestId: requestId() });
      expect(paid.status).toBe(201);
      expect(paid.body.order.status).toBe('paid');
      // The guest's receipt names the promotion behind the discount.
      expect(paid.body.receipt).toMatchObject({ discount, promotions: [{ name: 'Всё −10 %', saving: discount }] });
      const after = (await cashier.get('/pos/finance/dashboard')).body as { gross: number; discounts: number; net: number };
      expect(after.discounts - before.discounts).toBe(discount);
      expect(after.gross - before.gross).toBe(price.borscht * 2);
      expect(after.net - before.net).toBe(o.total);
      // The paid order keeps its price: a later rule change does not touch it.
      await tick();
      expect((await get(o.id)).discount).toBe(discount);
    });
  });
});
