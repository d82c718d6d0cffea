import type { Order, PromotionInput, PromotionRule } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import { type Client, createTestApp, heardOverRedis, instancesOverRedis, isPg, requestId, type TestApp } from '../../testing/harness';
import { ruleColumns } from './rules';

/**
 * What promotions price an order with — the venue's rules, its promotion settings and its feature
 * flags — is kept in memory between order commands (`PromotionsService.pricingInputs`): a rule
 * created, changed, switched off or removed, the settings saved or a flag flipped is what the very
 * next order command sees — on the instance that changed it and, through Redis, on the others.
 */
describe(`promotion pricing inputs seen by the next order command (${isPg() ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let venueId: string;
  let productId: string;
  let price: number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    venueId = (await t.database.db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
    ({ id: productId, price } = await t.product('borscht'));
  });
  afterAll(() => t.close());
  afterEach(async () => {
    // Each test starts from no automatic rules (the seeded manual staff discount stays), every flag on as seeded.
    for (const rule of (await admin.get('/admin/promotions')).body.promotions as PromotionRule[]) {
      if (!rule.manual) await admin.request('DELETE', `/admin/promotions/${rule.id}`, undefined, { 'idempotency-key': requestId() });
    }
    await admin.put('/admin/feature-flags', { flags: { promotions: true, 'promotions-pilot': true } });
    await admin.put('/admin/promotions/settings', { exclusiveChoice: 'best_for_guest', clientRequestId: requestId() });
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
  const percentOff = (percent: number) => (price * percent) / 100;

  const inject = async <T>(app: FastifyInstance, as: Client, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${as.token}`, ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
    expect({ status: res.statusCode, body: res.statusCode < 300 ? null : res.json() }).toEqual({ status: expect.any(Number), body: null });
    return res.json() as T;
  };
  /** The discount an order of one borscht gets, taken on `app`. */
  const discountOn = async (app: FastifyInstance) => (await inject<Order>(app, anna, 'POST', '/pos/orders', { items: [{ productId, quantity: 1 }], clientRequestId: requestId() })).discount;
  const createRule = (app: FastifyInstance, over: Partial<PromotionInput> = {}) =>
    inject<PromotionRule>(app, admin, 'POST', '/admin/promotions', { ...base(over), clientRequestId: requestId() });
  const updateRule = (app: FastifyInstance, rule: PromotionRule, over: Partial<PromotionInput>) =>
    inject<PromotionRule>(app, admin, 'PUT', `/admin/promotions/${rule.id}`, { ...base({ ...ruleInput(rule), ...over }), version: rule.version });
  const removeRule = (app: FastifyInstance, rule: PromotionRule) => inject(app, admin, 'DELETE', `/admin/promotions/${rule.id}`);
  const saveSettings = (app: FastifyInstance, exclusiveChoice: 'priority' | 'best_for_guest') =>
    inject(app, admin, 'PUT', '/admin/promotions/settings', { exclusiveChoice, clientRequestId: requestId() });
  const setFlags = (app: FastifyInstance, flags: Record<string, boolean>) => inject(app, admin, 'PUT', '/admin/feature-flags', { flags });
  const ruleInput = (r: PromotionRule): Partial<PromotionInput> => ({
    name: r.name,
    effect: r.effect,
    schedule: r.schedule,
    conditions: r.conditions,
    limits: r.limits,
    priority: r.priority,
    stacking: r.stacking,
    manual: r.manual,
    featureFlag: r.featureFlag,
    enabled: r.enabled,
  });

  describe('on one instance', () => {
    it('a rule created, changed, switched off and on, and removed is seen by the next order command', async () => {
      const app = t.app;
      // Read (and kept) before the rule exists: a new rule is still seen at once.
      expect(await discountOn(app)).toBe(0);
      let rule = await createRule(app);
      expect(await discountOn(app)).toBe(percentOff(10));

      rule = await updateRule(app, rule, { effect: { kind: 'percent', percent: 20, target: { scope: 'check' } } });
      expect(await discountOn(app)).toBe(percentOff(20));

      rule = await updateRule(app, rule, { enabled: false });
      expect(await discountOn(app)).toBe(0);

      rule = await updateRule(app, rule, { enabled: true });
      expect(await discountOn(app)).toBe(percentOff(20));

      await removeRule(app, rule);
      expect(await discountOn(app)).toBe(0);
    });

    it('the settings saved are seen by the next order command', async () => {
      const app = t.app;
      await createRule(app, { name: 'Высокий приоритет', stacking: 'exclusive', priority: 5 });
      await createRule(app, { name: 'Самая большая', stacking: 'exclusive', priority: 0, effect: { kind: 'percent', percent: 30, target: { scope: 'check' } } });
      expect(await discountOn(app)).toBe(percentOff(30));
      await saveSettings(app, 'priority');
      expect(await discountOn(app)).toBe(percentOff(10));
      await saveSettings(app, 'best_for_guest');
      expect(await discountOn(app)).toBe(percentOff(30));
    });

    it('the venue flags changed are seen by the next order command', async () => {
      const app = t.app;
      await createRule(app, { name: 'Пилот', featureFlag: 'promotions-pilot' });
      expect(await discountOn(app)).toBe(percentOff(10));
      await setFlags(app, { 'promotions-pilot': false });
      expect(await discountOn(app)).toBe(0);
      await setFlags(app, { 'promotions-pilot': true });
      expect(await discountOn(app)).toBe(percentOff(10));
      // The venue's promotions feature itself.
      await setFlags(app, { promotions: false });
      expect(await discountOn(app)).toBe(0);
      await setFlags(app, { promotions: true });
      expect(await discountOn(app)).toBe(percentOff(10));
    });

    it('keeps what it read between commands, frozen: a rule written past the services is seen once the caches are cleared', async () => {
      const app = t.app;
      expect(await discountOn(app)).toBe(0);
      const now = new Date().toISOString();
      const id = '0190a000-0000-7000-8000-0000000cac4e';
      await t.database.db
        .insertInto('promotions')
        .values({ id, venue_id: venueId, ...ruleColumns(base()), uses: 0, version: 1, created_at: now, updated_at: now, deleted_at: null })
        .execute();
      try {
        expect(await discountOn(app)).toBe(0);
        app.services.caches.clearAll();
        expect(await discountOn(app)).toBe(percentOff(10));
        const inputs = await app.services.promotions.pricingInputs(t.database.db, venueId);
        expect(inputs.rules.map((r) => r.id)).toContain(id);
        expect([inputs.rules, inputs.rules[0].schedule, inputs.settings, inputs.flags].every(Object.isFrozen)).toBe(true);
      } finally {
        await t.database.db.updateTable('promotions').set({ deleted_at: now, enabled: 0 }).where('id', '=', id).execute();
        app.services.caches.clearAll();
      }
    });
  });

  describe('on two instances sharing Redis', () => {
    let instances: FastifyInstance[] = [];
    beforeAll(async () => {
      instances = await instancesOverRedis(t);
    });
    afterAll(async () => {
      for (const app of instances) await app.close();
    });
    const heard = heardOverRedis;

    it('a rule, the settings or a flag changed on one instance is seen by the next order command on the other', async () => {
      const [a, b] = instances;
      // B reads (and keeps) the venue's inputs before the rule exists.
      expect(await discountOn(b)).toBe(0);
      let rule = await createRule(a, { name: 'Самая большая', stacking: 'exclusive', effect: { kind: 'percent', percent: 30, target: { scope: 'check' } } });
      await heard();
      expect(await discountOn(b)).toBe(percentOff(30));

      rule = await updateRule(a, rule, { enabled: false });
      await heard();
      expect(await discountOn(b)).toBe(0);

      rule = await updateRule(b, rule, { enabled: true });
      await heard();
      expect(await discountOn(a)).toBe(percentOff(30));

      await createRule(a, { name: 'Высокий приоритет', stacking: 'exclusive', priority: 5, featureFlag: 'promotions-pilot' });
      await heard();
      expect(await discountOn(b)).toBe(percentOff(30));
      await saveSettings(a, 'priority');
      await heard();
      expect(await discountOn(b)).toBe(percentOff(10));

      await setFlags(b, { 'promotions-pilot': false });
      await heard();
      expect(await discountOn(a)).toBe(percentOff(30));

      await removeRule(a, rule);
      await heard();
      expect(await discountOn(b)).toBe(0);
    });
  });
});
