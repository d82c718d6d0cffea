import { randomUUID } from 'node:crypto';
import { addDays, businessDate, comboSaving, isWithinWindows, type Order, orderTotals, zonedToUtc } from '@pos/contracts';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';
import { venueMoment } from './service';

const TZ = 'Europe/Moscow';
const paths = (res: Response) => ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

/** The most recent past day (yesterday or before) with this ISO weekday, at a venue-local time. */
function pastLocal(weekday: number, time: string): Date {
  const today = businessDate(Date.now(), TZ);
  for (let back = 1; back <= 7; back++) {
    const date = addDays(today, -back);
    const instant = new Date(zonedToUtc(date, '12:00', TZ));
    if (venueMoment(instant, TZ).weekday === weekday) return new Date(zonedToUtc(date, time, TZ));
  }
  throw new Error('unreachable');
}

describe('upsell and combos', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let cashier: Client;
  let cook: Client;
  let supervisor: Client;
  const realNow = clock.now;
  const id: Record<string, string> = {};
  const at = (instant: Date) => {
    clock.now = () => instant;
  };
  const weekdayLunch = pastLocal(3, '13:00');

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    cashier = await t.login('2222');
    cook = await t.login('4444');
    supervisor = await t.login('333333');
    const codes = [
      'ribeye-steak', 'wine-red-glass', 'grilled-vegetables', 'borscht', 'chicken-kiev', 'mors-cranberry', 'vodka-50', 'solyanka', 'kvass', 'sbiten',
      'pelmeni', 'lemonade-house', 'golubtsy', 'olivier', 'greek-salad', 'ukha', 'shchi', 'medovik', 'cappuccino', 'cheesecake',
    ];
    for (const code of codes) id[code] = (await t.product(code)).id;
    expect((await cashier.post('/pos/shifts', { openingFloat: 100_000 })).status).toBe(201);
  });
  afterAll(() => t.close());
  afterEach(() => {
    clock.now = realNow;
  });

  const configUrl = (code: string) => `/admin/menu/products/${id[code]}/upsell`;
  const save = (code: string, body: Record<string, unknown>, who: Client = admin) => who.post(configUrl(code), { addons: [], ...body });
  const recs = async (code: string, query = '', who: Client = anna) => {
    const res = await who.get(`/pos/menu/products/${id[code]}/recommendations${query}`);
    expect(res.status).toBe(200);
    return res.body.items as { kind: string; productId?: string; comboId?: string; source: string; reason: string | null; timesOrderedTogether?: number; saving?: number }[];
  };
  const names = (items: { productId?: string; comboId?: string }[]) =>
    items.map((i) => (i.productId ? Object.keys(id).find((code) => id[code] === i.productId) : `combo:${i.comboId}`));

  async function createOrder(codes: string[], who: Client = anna): Promise<Order> {
    const res = await who.post('/pos/orders', { items: codes.map((code) => ({ productId: id[code], quantity: 1 })), clientRequestId: requestId() });
    if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  async function pay(order: Order) {
    const res = await cashier.post('/pos/finance/payments', { orderId: order.id, tenders: [{ method: 'card', amount: order.total }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
  }
  const paidOrder = async (codes: string[]) => pay(await createOrder(codes));
  const setStock = async (code: string, body: { stock?: number | null; isAvailable?: boolean }) =>
    expect((await cook.patch(`/pos/menu/products/${id[code]}/stock`, body)).status).toBe(200);

  describe('rules (pure)', () => {
    it('time windows: days, the end excluded, past midnight counted for the day it started', () => {
      const lunch = [{ days: [1, 2, 3, 4, 5], from: '12:00', to: '16:00' }];
      expect(isWithinWindows(lunch, 3, 12 * 60)).toBe(true);
      expect(isWithinWindows(lunch, 3, 16 * 60)).toBe(false);
      expect(isWithinWindows(lunch, 6, 13 * 60)).toBe(false);
      const late = [{ days: [5], from: '22:00', to: '02:00' }];
      expect(isWithinWindows(late, 5, 23 * 60)).toBe(true);
      expect(isWithinWindows(late, 6, 60)).toBe(true);
      expect(isWithinWindows(late, 5, 60)).toBe(false);
      expect(isWithinWindows([], 7, 0)).toBe(true);
      expect(venueMoment(new Date('2030-01-07T10:00:00Z'), TZ)).toEqual({ weekday: 1, minutes: 13 * 60 });
    });

    it('a combo saving is the dishes one by one minus the combo price, never negative', () => {
      expect(comboSaving(115_000, [{ price: 45_000, quantity: 1 }, { price: 79_000, quantity: 1 }, { price: 25_000, quantity: 1 }])).toBe(34_000);
      expect(comboSaving(200, [{ price: 50, quantity: 2 }])).toBe(0);
    });
  });

  describe('admin config: /admin/menu/products/{id}/upsell', () => {
    it('the demo venue comes with rules: steak → red wine with its reason', async () => {
      const res = await admin.get(configUrl('ribeye-steak'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        productId: id['ribeye-steak'],
        addons: [
          { productId: id['wine-red-glass'], reason: 'к стейку — красное вино', position: 0, isAvailable: true, stats: { shown: 0, accepted: 0, acceptRate: null } },
          { productId: id['grilled-vegetables'], position: 1 },
        ],
        combos: [],
      });
      const borscht = await admin.get(configUrl('borscht'));
      expect(borscht.body.combos).toMatchObject([
        { name: 'Бизнес-ланч', price: 115_000, listPrice: 149_000, saving: 34_000, windows: [{ days: [1, 2, 3, 4, 5], from: '12:00', to: '16:00' }] },
      ]);
      expect(borscht.body.combos[0].items.map((i: { productId: string }) => i.productId)).toEqual([id.borscht, id['chicken-kiev'], id['mors-cranberry']]);
    });

    it('POST replaces the add-ons (in order) and combos; a combo keeps its id when re-sent, one left out is retired', async () => {
      const res = await save('ukha', {
        addons: [{ productId: id['vodka-50'], reason: 'к ухе — рюмка' }, { productId: id.kvass }],
        combos: [
          { name: 'Уха + квас', price: 80_000, items: [{ productId: id.ukha }, { productId: id.kvass }] },
          { name: 'Две ухи', price: 110_000, items: [{ productId: id.ukha, quantity: 2 }, { productId: id.shchi }], windows: [{ from: '18:00', to: '23:00' }] },
        ],
        clientRequestId: requestId(),
      });
      expect(res.status).toBe(200);
      expect(res.body.addons.map((a: { productId: string; reason: string | null }) => [a.productId, a.reason])).toEqual([
        [id['vodka-50'], 'к ухе — рюмка'],
        [id.kvass, null],
      ]);
      expect(res.body.combos).toMatchObject([
        { name: 'Уха + квас', price: 80_000, listPrice: 62_000 + 25_000, saving: 7_000, windows: [], position: 0 },
        { name: 'Две ухи', listPrice: 2 * 62_000 + 42_000, saving: 2 * 62_000 + 42_000 - 110_000, position: 1, stats: { shown: 0, accepted: 0, acceptRate: null } },
      ]);
      expect((await admin.get(configUrl('ukha'))).body).toEqual(res.body);

      const [kept, dropped] = res.body.combos;
      const again = await save('ukha', { addons: [{ productId: id.kvass }], combos: [{ id: kept.id, name: 'Уха и квас', price: 79_000, items: [{ productId: id.ukha }, { productId: id.kvass }] }] });
      expect(again.status).toBe(200);
      expect(again.body.addons.map((a: { productId: string }) => a.productId)).toEqual([id.kvass]);
      expect(again.body.combos).toMatchObject([{ id: kept.id, name: 'Уха и квас', price: 79_000 }]);
      expect(again.body.combos.map((c: { id: string }) => c.id)).not.toContain(dropped.id);

      const deleted = await admin.request('DELETE', configUrl('ukha'));
      expect(deleted.status).toBe(200);
      expect(deleted.body).toMatchObject({ addons: [], combos: [] });
      expect((await admin.get(configUrl('ukha'))).body).toMatchObject({ addons: [], combos: [] });
    });

    const combo = (over: Record<string, unknown> = {}) => ({ name: 'Комбо', price: 50_000, items: [{ productId: id.shchi }, { productId: id.kvass }], ...over });
    it.each<[string, () => Record<string, unknown>, string]>([
      ['a product recommending itself', () => ({ addons: [{ productId: id.shchi }] }), 'body.addons.0.productId'],
      ['an unknown product', () => ({ addons: [{ productId: randomUUID() }] }), 'body.addons.0.productId'],
      ['a malformed product id', () => ({ addons: [{ productId: 'steak' }] }), 'body.addons.0.productId'],
      ['the same add-on twice', () => ({ addons: [{ productId: id.kvass }, { productId: id.kvass }] }), 'body.addons.1.productId'],
      ['a reason that is too long', () => ({ addons: [{ productId: id.kvass, reason: 'x'.repeat(121) }] }), 'body.addons.0.reason'],
      ['addons missing', () => ({ addons: undefined }), 'body.addons'],
      ['a combo price above its dishes one by one', () => ({ combos: [combo({ price: 42_000 + 25_000 + 1 })] }), 'body.combos.0.price'],
      ['a combo without the product itself', () => ({ combos: [combo({ items: [{ productId: id.kvass }, { productId: id.sbiten }] })] }), 'body.combos.0.items'],
      ['a combo with an unknown product', () => ({ combos: [combo({ items: [{ productId: id.shchi }, { productId: randomUUID() }] })] }), 'body.combos.0.items.1.productId'],
      ['a combo with one dish', () => ({ combos: [combo({ items: [{ productId: id.shchi }] })] }), 'body.combos.0.items'],
      ['a combo listing a dish twice', () => ({ combos: [combo({ items: [{ productId: id.shchi }, { productId: id.shchi }] })] }), 'body.combos.0.items.1.productId'],
      ['a combo id of another product', () => ({ combos: [combo({ id: randomUUID() })] }), 'body.combos.0.id'],
      ['a negative combo price', () => ({ combos: [combo({ price: -1 })] }), 'body.combos.0.price'],
      ['a window at 25:00', () => ({ combos: [combo({ windows: [{ from: '25:00', to: '26:00' }] })] }), 'body.combos.0.windows.0.from'],
      ['an empty window', () => ({ combos: [combo({ windows: [{ from: '12:00', to: '12:00' }] })] }), 'body.combos.0.windows.0.to'],
      ['a weekday 8', () => ({ combos: [combo({ windows: [{ days: [8], from: '12:00', to: '13:00' }] })] }), 'body.combos.0.windows.0.days.0'],
    ])('400 with the field path for %s', async (_, body, path) => {
      const res = await save('shchi', body());
      expectProblem(res, 400, 'validation');
      expect(paths(res)).toContain(path);
      expect((await admin.get(configUrl('shchi'))).body).toMatchObject({ addons: [], combos: [] });
    });

    it('404 for a product of another venue or none', async () => {
      expectProblem(await admin.get(`/admin/menu/products/${randomUUID()}/upsell`), 404, 'product.not_found');
      const other = await t.product('borscht', 'demo-2');
      expectProblem(await admin.post(`/admin/menu/products/${other.id}/upsell`, { addons: [] }), 404, 'product.not_found');
    });

    it('needs admin.menu: waiters, cooks and supervisors get 403, nobody signed in 401', async () => {
      for (const who of [anna, cook, supervisor]) {
        const res = await who.get(configUrl('ribeye-steak'));
        expectProblem(res, 403, 'auth.forbidden');
        expect(res.body.permission).toBe('admin.menu');
        expectProblem(await save('ribeye-steak', {}, who), 403, 'auth.forbidden');
        expectProblem(await who.request('DELETE', configUrl('ribeye-steak')), 403, 'auth.forbidden');
      }
      expectProblem(await t.anonymous.get(configUrl('ribeye-steak')), 401, 'auth.unauthorized');
      expect((await admin.get(configUrl('ribeye-steak'))).body.addons).toHaveLength(2);
    });
  });

  describe('GET /pos/menu/products/{id}/recommendations', () => {
    beforeAll(async () => {
      const saved = await save('solyanka', { addons: [{ productId: id.kvass, reason: 'к солянке — квас' }, { productId: id.sbiten }] });
      expect(saved.status).toBe(200);
      // pelmeni ×3, lemonade ×2, kvass ×2 (configured anyway), golubtsy once: chance, not a habit.
      for (let i = 0; i < 2; i++) await paidOrder(['solyanka', 'pelmeni', 'lemonade-house']);
      await paidOrder(['solyanka', 'pelmeni']);
      await paidOrder(['solyanka', 'golubtsy']);
      for (let i = 0; i < 2; i++) await paidOrder(['solyanka', 'kvass']);
    });

    it('ranks the configured add-ons first, in the admin order with their reasons, then what is often ordered together', async () => {
      const items = await recs('solyanka');
      expect(names(items)).toEqual(['kvass', 'sbiten', 'pelmeni', 'lemonade-house']);
      expect(items).toMatchObject([
        { kind: 'product', source: 'configured', reason: 'к солянке — квас', price: 25_000, name: 'Квас домашний' },
        { kind: 'product', source: 'configured', reason: null },
        { kind: 'product', source: 'popular', reason: null, timesOrderedTogether: 3 },
        { kind: 'product', source: 'popular', reason: null, timesOrderedTogether: 2 },
      ]);
      // Pairs count both ways.
      expect(await recs('pelmeni')).toMatchObject([{ productId: id.solyanka, source: 'popular', timesOrderedTogether: 3 }, { productId: id['lemonade-house'], timesOrderedTogether: 2 }]);
      expect(names(await recs('solyanka', '?limit=3'))).toEqual(['kvass', 'sbiten', 'pelmeni']);
    });

    it('leaves out what is sold out, stop-listed, or already in the order', async () => {
      await setStock('kvass', { stock: 0 });
      await setStock('pelmeni', { isAvailable: false });
      try {
        expect(names(await recs('solyanka'))).toEqual(['sbiten', 'lemonade-house']);
      } finally {
        await setStock('kvass', { stock: null });
        await setStock('pelmeni', { isAvailable: true });
      }
      const order = await createOrder(['solyanka', 'sbiten', 'lemonade-house']);
      expect(names(await recs('solyanka', `?orderId=${order.id}`))).toEqual(['kvass', 'pelmeni']);
      // A line voided whole is no longer in the order.
      const sbitenLine = order.lines.find((l) => l.productId === id.sbiten)!;
      expect((await anna.post(`/pos/orders/${order.id}/items/${sbitenLine.id}/void`, { version: order.version })).status).toBe(200);
      expect(names(await recs('solyanka', `?orderId=${order.id}`))).toEqual(['kvass', 'sbiten', 'pelmeni']);
    });

    it('suggests a combo with any of its dishes, only in its hours and when every dish can be sold, with the saving', async () => {
      at(weekdayLunch);
      const lunch = (await admin.get(configUrl('borscht'))).body.combos[0];
      const borscht = await recs('borscht');
      expect(borscht).toMatchObject([
        { kind: 'product', productId: id['vodka-50'], source: 'configured', reason: 'к борщу — рюмка водки' },
        { kind: 'combo', comboId: lunch.id, name: 'Бизнес-ланч', price: 115_000, listPrice: 149_000, saving: 34_000, source: 'configured', reason: 'по будням с 12 до 16' },
      ]);
      expect(borscht[1]).toMatchObject({ items: [{ productId: id.borscht, quantity: 1 }, { productId: id['chicken-kiev'] }, { productId: id['mors-cranberry'], price: 25_000 }] });
      expect((await recs('chicken-kiev')).map((i) => i.comboId)).toContain(lunch.id);

      at(new Date(weekdayLunch.getTime() + 4 * 3_600_000)); // 17:00
      expect((await recs('borscht')).some((i) => i.kind === 'combo')).toBe(false);
      at(pastLocal(6, '13:00')); // Saturday lunch
      expect((await recs('borscht')).some((i) => i.kind === 'combo')).toBe(false);

      at(weekdayLunch);
      await setStock('mors-cranberry', { isAvailable: false });
      try {
        expect((await recs('borscht')).some((i) => i.kind === 'combo')).toBe(false);
      } finally {
        await setStock('mors-cranberry', { isAvailable: true });
      }
      const order = await createOrder(['olivier']);
      expect((await anna.post(`/pos/orders/${order.id}/combos`, { comboId: lunch.id, clientRequestId: requestId() })).status).toBe(200);
      const inOrder = await recs('borscht', `?orderId=${order.id}`);
      expect(inOrder.some((i) => i.kind === 'combo')).toBe(false);
      expect(names(inOrder)).toEqual(['vodka-50']);
    });

    it('404 for an unknown product or order; 400 for a bad limit; sign-in needed', async () => {
      expectProblem(await anna.get(`/pos/menu/products/${randomUUID()}/recommendations`), 404, 'product.not_found');
      expectProblem(await anna.get(`/pos/menu/products/${id.solyanka}/recommendations?orderId=${randomUUID()}`), 404, 'order.not_found');
      const bad = await anna.get(`/pos/menu/products/${id.solyanka}/recommendations?limit=0`);
      expectProblem(bad, 400, 'validation');
      expect(paths(bad)).toContain('query.limit');
      expectProblem(await t.anonymous.get(`/pos/menu/products/${id.solyanka}/recommendations`), 401, 'auth.unauthorized');
      // Every role reads the menu (menu.view), the cook too.
      expect((await cook.get(`/pos/menu/products/${id.solyanka}/recommendations`)).status).toBe(200);
    });
  });

  describe('query numbers', () => {
    it.each(['0x2', '1e1', '2.0', '', '+3', '-1', '21'])('?limit=%p is a 400 at query.limit (decimal digits 1–20 only)', async (limit) => {
      const res = await anna.get(`/pos/menu/products/${id.solyanka}/recommendations?limit=${limit}`);
      expectProblem(res, 400, 'validation');
      expect(paths(res)).toEqual(['query.limit']);
    });

    it('?limit=1 caps the list', async () => {
      expect((await recs('ribeye-steak', '?limit=1')).length).toBe(1);
    });
  });

  describe('shown / accepted events and the accept rate per rule', () => {
    it('counts each suggestion once per clientRequestId and shows the rate in the admin config', async () => {
      const event = (body: Record<string, unknown>) => anna.post('/pos/menu/recommendations/events', { productId: id['ribeye-steak'], ...body });
      const replayed = { recommendedProductId: id['wine-red-glass'], kind: 'shown', clientRequestId: requestId() };
      expect((await event(replayed)).status).toBe(201);
      expect((await event(replayed)).status).toBe(201);
      for (let i = 0; i < 3; i++) expect((await event({ recommendedProductId: id['wine-red-glass'], kind: 'shown', clientRequestId: requestId() })).status).toBe(201);
      expect((await event({ recommendedProductId: id['wine-red-glass'], kind: 'accepted', clientRequestId: requestId() })).body).toEqual({ ok: true });
      const config = await admin.get(configUrl('ribeye-steak'));
      expect(config.body.addons[0]).toMatchObject({ productId: id['wine-red-glass'], stats: { shown: 4, accepted: 1, acceptRate: 0.25 } });
      expect(config.body.addons[1].stats).toEqual({ shown: 0, accepted: 0, acceptRate: null });

      const lunch = (await admin.get(configUrl('borscht'))).body.combos[0];
      const comboEvent = (kind: string) => anna.post('/pos/menu/recommendations/events', { productId: id.borscht, comboId: lunch.id, kind, clientRequestId: requestId() });
      await comboEvent('shown');
      await comboEvent('shown');
      await comboEvent('accepted');
      expect((await admin.get(configUrl('borscht'))).body.combos[0].stats).toEqual({ shown: 2, accepted: 1, acceptRate: 0.5 });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['both a product and a combo', { recommendedProductId: randomUUID(), comboId: randomUUID(), kind: 'shown' }, 'body.recommendedProductId'],
      ['neither', { kind: 'shown' }, 'body.recommendedProductId'],
      ['an unknown kind', { recommendedProductId: randomUUID(), kind: 'clicked' }, 'body.kind'],
      ['an unknown combo', { comboId: randomUUID(), kind: 'shown' }, 'body.comboId'],
      ['an unknown product', { recommendedProductId: randomUUID(), kind: 'shown' }, 'body.recommendedProductId'],
    ])('400 for %s', async (_, body, path) => {
      const res = await anna.post('/pos/menu/recommendations/events', { productId: id['ribeye-steak'], ...body });
      expectProblem(res, 400, 'validation');
      expect(paths(res)).toContain(path);
    });

    it("refuses another venue's order (400 body.orderId) and records nothing; its own order is fine", async () => {
      const elsewhere = await t.login('1111', 'demo-2');
      const foreign = await elsewhere.post('/pos/orders', { clientRequestId: requestId() });
      expect(foreign.status).toBe(201);
      const events = async () => Number((await t.database.db.selectFrom('upsell_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await events();
      const event = (orderId: string) =>
        anna.post('/pos/menu/recommendations/events', { productId: id['ribeye-steak'], recommendedProductId: id['wine-red-glass'], kind: 'shown', orderId, clientRequestId: requestId() });

      for (const orderId of [foreign.body.id, randomUUID()]) {
        const res = await event(orderId);
        expectProblem(res, 400, 'validation');
        expect(paths(res)).toEqual(['body.orderId']);
      }
      expect(await events()).toBe(before);
      const own = await createOrder(['olivier']);
      expect((await event(own.id)).status).toBe(201);
      expect(await events()).toBe(before + 1);
    });
  });

  describe('combos in orders: POST /pos/orders/{id}/combos', () => {
    let lunchId: string;
    beforeAll(async () => {
      lunchId = (await admin.get(configUrl('borscht'))).body.combos[0].id;
    });
    beforeEach(() => at(weekdayLunch));

    const addCombo = (order: Order, body: Record<string, unknown> = {}, who: Client = anna) =>
      who.post(`/pos/orders/${order.id}/combos`, { comboId: lunchId, clientRequestId: requestId(), ...body });
    const expectTotalsFromOrderMath = (order: Order) => expect({ subtotal: order.subtotal, total: order.total }).toEqual({ subtotal: orderTotals(order.lines).subtotal, total: orderTotals(order.lines).total });

    it('adds one combo line at the combo price and its dishes at 0; the totals are the order math', async () => {
      const order = await createOrder(['olivier']);
      const res = await addCombo(order);
      expect(res.status).toBe(200);
      const combo = res.body as Order;
      const comboLine = combo.lines.find((l) => l.comboId)!;
      expect(comboLine).toMatchObject({ comboId: lunchId, name: 'Бизнес-ланч', unitPrice: 115_000, quantity: 1, lineTotal: 115_000, kitchenState: 'new' });
      expect(comboLine.comboLineId).toBeUndefined();
      const dishes = combo.lines.filter((l) => l.comboLineId === comboLine.id);
      expect(dishes.map((d) => [d.productId, d.unitPrice, d.quantity])).toEqual([
        [id.borscht, 0, 1],
        [id['chicken-kiev'], 0, 1],
        [id['mors-cranberry'], 0, 1],
      ]);
      const olivier = (await t.product('olivier')).price;
      expect(combo.total).toBe(olivier + 115_000);
      expectTotalsFromOrderMath(combo);
      expect(combo.lines.find((l) => l.productId === id.olivier)!.comboId).toBeUndefined();

      // Two combos at once.
      const twice = (await addCombo(order, { quantity: 2 })).body as Order;
      expect(twice.total).toBe(olivier + 3 * 115_000);
      expect(twice.lines.filter((l) => l.comboLineId && l.productId === id.borscht).map((l) => l.quantity)).toEqual([1, 2]);
      expectTotalsFromOrderMath(twice);
    });

    it('takes over unfired lines: their portions go, modifiers, note and course carry over; the kitchen gets the dishes, never the combo', async () => {
      const fries = await t.option('side-choice', 'french-fries');
      const created = await anna.post('/pos/orders', {
        items: [
          { productId: id.borscht, quantity: 2, note: 'без сметаны' },
          { productId: id['chicken-kiev'], quantity: 1, modifierIds: [fries], course: 2 },
        ],
        clientRequestId: requestId(),
      });
      const order = created.body as Order;
      const [borschtLine, kievLine] = order.lines;
      const res = await addCombo(order, { replaceLineIds: [borschtLine.id, kievLine.id], version: order.version });
      expect(res.status).toBe(200);
      const after = res.body as Order;
      expect(after.lines.find((l) => l.id === borschtLine.id)).toMatchObject({ quantity: 1, lineTotal: 45_000 });
      expect(after.lines.find((l) => l.id === kievLine.id)).toBeUndefined();
      const comboLine = after.lines.find((l) => l.comboId)!;
      const dishes = after.lines.filter((l) => l.comboLineId === comboLine.id);
      expect(dishes).toMatchObject([
        { productId: id.borscht, note: 'без сметаны', course: 1 },
        { productId: id['chicken-kiev'], modifiers: [{ id: fries, name: 'Картофель фри', priceDelta: 0 }], course: 2 },
        { productId: id['mors-cranberry'], course: 1 },
      ]);
      expect(after.total).toBe(45_000 + 115_000);
      expectTotalsFromOrderMath(after);

      const fired = await anna.post(`/pos/orders/${order.id}/send`, {});
      expect(fired.status).toBe(200);
      const items = (fired.body.tickets as { stationCode: string; items: { name: string; quantity: number; kind: string; modifiers: string[]; note: string | null }[] }[]).flatMap((tk) =>
        tk.items.map((i) => ({ station: tk.stationCode, name: i.name, quantity: i.quantity, kind: i.kind })),
      );
      expect(items).toEqual(
        expect.arrayContaining([
          { station: 'hot', name: 'Борщ', quantity: 1, kind: 'add' },
          { station: 'hot', name: 'Котлета по-киевски', quantity: 1, kind: 'add' },
          { station: 'bar', name: 'Морс клюквенный', quantity: 1, kind: 'add' },
        ]),
      );
      expect(items.filter((i) => i.name === 'Борщ')).toHaveLength(2);
      expect(items.some((i) => i.name === 'Бизнес-ланч')).toBe(false);
      expect(items).toHaveLength(4);
      const sent = fired.body.order as Order;
      expect(sent.lines.find((l) => l.comboId)!.kitchenState).toBe('fired');

      // The fired dishes are the kitchen's now: the combo goes only with a supervisor and a reason.
      expectProblem(await anna.post(`/pos/orders/${order.id}/items/${comboLine.id}/void`, { version: sent.version, reason: 'гость передумал' }), 403, 'auth.forbidden');
      const voided = await supervisor.post(`/pos/orders/${order.id}/items/${comboLine.id}/void`, { version: sent.version, reason: 'гость передумал' });
      expect(voided.status).toBe(200);
      expect((voided.body as Order).lines.filter((l) => l.comboLineId === comboLine.id || l.id === comboLine.id).every((l) => l.voidedQuantity === l.quantity)).toBe(true);
      expect((voided.body as Order).total).toBe(45_000);
      const cancels = await anna.post(`/pos/orders/${order.id}/send`, {});
      const cancelled = (cancels.body.tickets as { items: { name: string; quantity: number; kind: string }[] }[]).flatMap((tk) => tk.items);
      expect(cancelled.map((i) => [i.name, i.quantity, i.kind]).sort()).toEqual([
        ['Борщ', -1, 'cancel'],
        ['Котлета по-киевски', -1, 'cancel'],
        ['Морс клюквенный', -1, 'cancel'],
      ]);
    });

    it('a combo changes as a whole: a dish cannot be voided or re-counted alone', async () => {
      const order = (await addCombo(await createOrder(['olivier']))).body as Order;
      const comboLine = order.lines.find((l) => l.comboId)!;
      const dish = order.lines.find((l) => l.comboLineId)!;
      expectProblem(await anna.post(`/pos/orders/${order.id}/items/${dish.id}/void`, { version: order.version }), 409, 'line.combo_part');
      expectProblem(await anna.patch(`/pos/orders/${order.id}/items/${dish.id}`, { version: order.version, quantity: 2 }), 409, 'line.combo');
      expectProblem(await anna.patch(`/pos/orders/${order.id}/items/${comboLine.id}`, { version: order.version, quantity: 2 }), 409, 'line.combo');
      // A note for the cook on a dish is fine.
      const noted = await anna.patch(`/pos/orders/${order.id}/items/${dish.id}`, { version: order.version, note: 'погорячее' });
      expect(noted.status).toBe(200);
      // Voiding the unfired combo: dishes and stock go with it, the total drops back.
      const voided = await anna.post(`/pos/orders/${order.id}/items/${comboLine.id}/void`, { version: noted.body.version });
      expect(voided.status).toBe(200);
      expect((voided.body as Order).total).toBe((await t.product('olivier')).price);
    });

    it('refuses outside the combo hours, fired or foreign lines, dishes not in the combo, and a missing required modifier', async () => {
      const order = await createOrder(['olivier', 'borscht']);
      at(new Date(weekdayLunch.getTime() + 5 * 3_600_000));
      expectProblem(await addCombo(order), 409, 'combo.outside_hours');
      at(weekdayLunch);

      const olivierLine = order.lines[0];
      const notInCombo = await addCombo(order, { replaceLineIds: [olivierLine.id] });
      expectProblem(notInCombo, 400, 'validation');
      expect(paths(notInCombo)).toEqual(['body.replaceLineIds.0']);
      const unknownLine = await addCombo(order, { replaceLineIds: [randomUUID()] });
      expect(paths(unknownLine)).toEqual(['body.replaceLineIds.0']);
      const foreignDish = await addCombo(order, { parts: [{ productId: id.olivier }] });
      expect(paths(foreignDish)).toEqual(['body.parts.0.productId']);
      const unknownCombo = await addCombo(order, { comboId: randomUUID() });
      expect(paths(unknownCombo)).toEqual(['body.comboId']);

      const sent = (await anna.post(`/pos/orders/${order.id}/send`, {})).body.order as Order;
      expectProblem(await addCombo(sent, { replaceLineIds: [sent.lines[1].id] }), 409, 'line.fired');

      const steak = await save('ribeye-steak', {
        addons: [{ productId: id['wine-red-glass'], reason: 'к стейку — красное вино' }, { productId: id['grilled-vegetables'] }],
        combos: [{ name: 'Стейк и вино', price: 350_000, items: [{ productId: id['ribeye-steak'] }, { productId: id['wine-red-glass'] }] }],
      });
      const steakCombo = steak.body.combos[0].id;
      const missing = await addCombo(order, { comboId: steakCombo });
      expectProblem(missing, 400, 'validation');
      expect(paths(missing)).toEqual(['body.parts.0.modifierIds']);
      const medium = await t.option('doneness', 'medium');
      const ok = await addCombo(order, { comboId: steakCombo, parts: [{ productId: id['ribeye-steak'], modifierIds: [medium], note: 'без соли' }] });
      expect(ok.status).toBe(200);
      const steakDish = (ok.body as Order).lines.find((l) => l.comboLineId && l.productId === id['ribeye-steak']);
      expect(steakDish).toMatchObject({ modifiers: [{ id: medium }], note: 'без соли', unitPrice: 0 });
    });

    it('takes stock for the dishes and refuses a stop-listed one', async () => {
      await setStock('mors-cranberry', { stock: 1 });
      try {
        const order = await createOrder(['olivier']);
        expect((await addCombo(order)).status).toBe(200);
        expect((await t.product('mors-cranberry')).stock).toBe(0);
        expectProblem(await addCombo(order), 409, 'menu.out_of_stock');
      } finally {
        await setStock('mors-cranberry', { stock: null });
      }
    });

    it('a combo cannot grow an order past 500 lines or 10 000 000.00: 422 before anything changes, no stock taken', async () => {
      await setStock('mors-cranberry', { stock: 5 });
      try {
        const items = (code: string, lines: number, quantity: number) => ({ items: Array.from({ length: lines }, () => ({ productId: id[code], quantity })) });
        const add = async (order: Order, body: object) => {
          const res = await anna.post(`/pos/orders/${order.id}/items`, { ...body, clientRequestId: requestId() });
          expect(res.status).toBe(200);
          return res.body as Order;
        };

        let long = await createOrder(['olivier']);
        long = await add(long, items('olivier', 99, 1));
        for (let i = 0; i < 4; i++) long = await add(long, items('olivier', 100, 1));
        expect(long.lines).toHaveLength(500);
        const tooLong = await addCombo(long);
        expectProblem(tooLong, 422, 'order.too_many_lines');
        expect((await anna.get(`/pos/orders/${long.id}`)).body).toEqual(long);

        id['wine-white-bottle'] ??= (await t.product('wine-white-bottle')).id;
        // 2 857 bottles at 3 500 ₽ = 9 999 500 ₽: the combo's 1 150 ₽ does not fit under 10 000 000 ₽.
        const opened = await anna.post('/pos/orders', { ...items('wine-white-bottle', 28, 99), clientRequestId: requestId() });
        expect(opened.status).toBe(201);
        const rich = await add(opened.body, items('wine-white-bottle', 1, 85));
        expect(rich.total).toBe(999_950_000);
        const refused = await addCombo(rich);
        expectProblem(refused, 422, 'order.total_too_large');
        expect((await anna.get(`/pos/orders/${rich.id}`)).body).toEqual(rich);
        expect((await t.product('mors-cranberry')).stock).toBe(5);
      } finally {
        await setStock('mors-cranberry', { stock: null });
      }
    });

    it('a paid order with a combo counts its dishes as ordered together (not the combo line)', async () => {
      const order = (await addCombo(await createOrder(['greek-salad']))).body as Order;
      await pay(order);
      const pairs = await t.database.db.selectFrom('product_pairs').select(['product_id', 'other_id', 'count']).where('product_id', '=', id['greek-salad']).execute();
      expect(pairs.map((p) => [p.other_id, Number(p.count)]).sort()).toEqual(
        [
          [id.borscht, 1],
          [id['chicken-kiev'], 1],
          [id['mors-cranberry'], 1],
        ].sort(),
      );
      const receipt = await anna.get(`/pos/orders/${order.id}`);
      expect(receipt.body.status).toBe('paid');
    });
  });

  describe('the upsell feature flag', () => {
    it('demo-2 has upsell off: 403 feature.disabled for suggestions, events and combos; the admin can still prepare rules', async () => {
      const waiter2 = await t.login('1111', 'demo-2');
      const admin2 = await t.login('999999', 'demo-2');
      const borscht2 = await t.product('borscht', 'demo-2');
      expectProblem(await waiter2.get(`/pos/menu/products/${borscht2.id}/recommendations`), 403, 'feature.disabled');
      expectProblem(await waiter2.post('/pos/menu/recommendations/events', { productId: borscht2.id, recommendedProductId: borscht2.id, kind: 'shown' }), 403, 'feature.disabled');
      const order = await waiter2.post('/pos/orders', { items: [{ productId: borscht2.id, quantity: 1 }] });
      expect(order.status).toBe(201);
      expectProblem(await waiter2.post(`/pos/orders/${order.body.id}/combos`, { comboId: randomUUID() }), 403, 'feature.disabled');
      expect((await admin2.get(`/admin/menu/products/${borscht2.id}/upsell`)).status).toBe(200);
    });
  });
});
