import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** The menu snapshot, the stop-list and tracked stock, as waiters and cooks use them. */
describe('menu', () => {
  let t: TestApp;
  let anna: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cook = await t.login('4444');
  });
  afterAll(() => t.close());

  const stockUrl = (productId: string) => `/pos/menu/products/${productId}/stock`;
  const menuProduct = async (productId: string) => {
    const menu = await anna.get('/pos/menu');
    return { version: menu.body.version as number, product: menu.body.products.find((p: { id: string }) => p.id === productId) };
  };

  describe('GET /pos/menu', () => {
    it('returns the demo menu: version, products, categories, modifier groups and stations', async () => {
      const res = await anna.get('/pos/menu');
      expect(res.status).toBe(200);
      const menu = res.body;
      expect(Number.isInteger(menu.version)).toBe(true);
      expect(menu.version).toBeGreaterThanOrEqual(1);
      expect(menu.currency).toBe('RUB');
      expect(menu.products.length).toBeGreaterThanOrEqual(60);
      expect(menu.categories.length).toBeGreaterThanOrEqual(8);
      expect(menu.stations.map((s: { code: string }) => s.code).sort()).toEqual(['bar', 'cold', 'hot']);

      // Every product points at a known category and station.
      const categoryIds = new Set(menu.categories.map((c: { id: string }) => c.id));
      const stationIds = new Set(menu.stations.map((s: { id: string }) => s.id));
      for (const p of menu.products) {
        expect(categoryIds.has(p.categoryId)).toBe(true);
        expect(stationIds.has(p.stationId)).toBe(true);
      }

      // Modifier groups come with their options, and products link to them.
      expect(menu.modifierGroups.length).toBeGreaterThan(0);
      const groupIds = new Set(menu.modifierGroups.map((g: { id: string }) => g.id));
      for (const g of menu.modifierGroups) {
        expect(g.options.length).toBeGreaterThan(0);
        expect(g.maxSelect).toBeGreaterThanOrEqual(g.minSelect);
      }
      const steak = menu.products.find((p: { code: string }) => p.code === 'ribeye-steak');
      expect(steak.modifierGroupIds.length).toBeGreaterThan(0);
      for (const id of steak.modifierGroupIds) expect(groupIds.has(id)).toBe(true);
      const pepper = await t.option('extra-sauce', 'pepper');
      const pepperOption = menu.modifierGroups.flatMap((g: { options: { id: string }[] }) => g.options).find((o: { id: string }) => o.id === pepper);
      expect(pepperOption).toMatchObject({ name: 'Перечный', priceDelta: 7000 });

      // Seeded stock and prices come through unchanged.
      const tartare = await t.product('beef-tartare');
      expect(menu.products.find((p: { id: string }) => p.id === tartare.id)).toMatchObject({ code: 'beef-tartare', stock: 3, isAvailable: true, price: tartare.price });
      const borscht = menu.products.find((p: { code: string }) => p.code === 'borscht');
      expect(borscht).toMatchObject({ name: 'Борщ', price: 45000, stock: null, isAvailable: true });
    });

    it('needs a signed-in user', async () => {
      const res = await t.anonymous.get('/pos/menu');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });
  });

  describe('PATCH /pos/menu/products/:id/stock', () => {
    it('lets a cook put a product on the stop-list and take it off again, bumping the menu version', async () => {
      const solyanka = await t.product('solyanka');
      const before = await menuProduct(solyanka.id);

      const stopped = await cook.patch(stockUrl(solyanka.id), { isAvailable: false });
      expect(stopped.status).toBe(200);
      expect(stopped.body).toEqual({ productId: solyanka.id, stock: null, isAvailable: false, menuVersion: expect.any(Number) });
      expect(stopped.body.menuVersion).toBeGreaterThan(before.version);

      const after = await menuProduct(solyanka.id);
      expect(after.version).toBe(stopped.body.menuVersion);
      expect(after.product.isAvailable).toBe(false);

      const back = await cook.patch(stockUrl(solyanka.id), { isAvailable: true });
      expect(back.status).toBe(200);
      expect(back.body.isAvailable).toBe(true);
      expect(back.body.menuVersion).toBeGreaterThan(stopped.body.menuVersion);
      expect((await menuProduct(solyanka.id)).product.isAvailable).toBe(true);
    });

    it('sets, and stops tracking, the portions left', async () => {
      const ukha = await t.product('ukha');
      const set = await cook.patch(stockUrl(ukha.id), { stock: 7 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ productId: ukha.id, stock: 7, isAvailable: true });
      expect((await menuProduct(ukha.id)).product.stock).toBe(7);

      const untracked = await cook.patch(stockUrl(ukha.id), { stock: null });
      expect(untracked.status).toBe(200);
      expect(untracked.body.stock).toBeNull();
      expect(untracked.body.menuVersion).toBeGreaterThan(set.body.menuVersion);
      expect((await menuProduct(ukha.id)).product.stock).toBeNull();
    });

    it('refuses a waiter (no menu.stock)', async () => {
      const product = await t.product('shchi');
      const res = await anna.patch(stockUrl(product.id), { isAvailable: false });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
      expect((await menuProduct(product.id)).product.isAvailable).toBe(true);
    });

    it('rejects an empty change', async () => {
      const product = await t.product('shchi');
      const res = await cook.patch(stockUrl(product.id), {});
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('body.stock');
    });

    it('rejects a negative stock with the field path', async () => {
      const product = await t.product('shchi');
      const res = await cook.patch(stockUrl(product.id), { stock: -1 });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'body.stock' })]));
      expect((await menuProduct(product.id)).product.stock).toBeNull();
    });

    it('rejects unknown fields and a malformed product id', async () => {
      const product = await t.product('shchi');
      const extra = await cook.patch(stockUrl(product.id), { isAvailable: false, price: 1 });
      expect(extra.status).toBe(400);
      expect(extra.body.errors.map((e: { path: string }) => e.path)).toContain('body.price');

      const badId = await cook.patch(stockUrl('not-a-uuid'), { isAvailable: false });
      expect(badId.status).toBe(400);
      expect(badId.body.errors.map((e: { path: string }) => e.path)).toContain('params.id');
    });

    it('answers 404 for a product that does not exist (or belongs to another venue)', async () => {
      const res = await cook.patch(stockUrl('00000000-0000-4000-8000-000000000000'), { isAvailable: false });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('product.not_found');

      const foreign = await t.product('borscht', 'demo-2');
      const other = await cook.patch(stockUrl(foreign.id), { isAvailable: false });
      expect(other.status).toBe(404);
      expect((await t.product('borscht', 'demo-2')).stock).toBeNull();
    });
  });

  describe('ordering against the stop-list and stock', () => {
    it('refuses a stop-listed product with 409 menu.unavailable and leaves the table free', async () => {
      const table = await t.table('Т1');
      const pelmeni = await t.product('pelmeni');
      expect((await cook.patch(stockUrl(pelmeni.id), { isAvailable: false })).status).toBe(200);

      const refused = await anna.post('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: pelmeni.id, quantity: 1 }], clientRequestId: requestId() });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'menu.unavailable', productId: pelmeni.id });
      // The whole command rolled back: the table that would have opened on the fly is still free.
      const tables = await anna.get(`/pos/tables?hallId=${table.hall_id}`);
      expect(tables.body.find((tb: { id: string }) => tb.id === table.id).status).toBe('free');

      expect((await cook.patch(stockUrl(pelmeni.id), { isAvailable: true })).status).toBe(200);
      const ordered = await anna.post('/pos/orders', { tableId: table.id, guests: 2, items: [{ productId: pelmeni.id, quantity: 1 }], clientRequestId: requestId() });
      expect(ordered.status).toBe(201);
      expect(ordered.body.lines[0]).toMatchObject({ productId: pelmeni.id, quantity: 1 });
    });

    it('takes tracked stock per order and refuses more than is left', async () => {
      const table = await t.table('Т2');
      const tartare = await t.product('beef-tartare');
      expect(tartare.stock).toBe(3);

      const tooMany = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: tartare.id, quantity: 4 }], clientRequestId: requestId() });
      expect(tooMany.status).toBe(409);
      expect(tooMany.body).toMatchObject({ code: 'menu.out_of_stock', productId: tartare.id, stock: 3 });
      expect((await t.product('beef-tartare')).stock).toBe(3);

      const versionBefore = (await menuProduct(tartare.id)).version;
      const ordered = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: tartare.id, quantity: 2 }], clientRequestId: requestId() });
      expect(ordered.status).toBe(201);
      const after = await menuProduct(tartare.id);
      expect(after.product.stock).toBe(1);
      expect(after.version).toBeGreaterThan(versionBefore);
    });

    it('writes only tracked stock: dishes without a count leave their rows and the menu version alone', async () => {
      const borscht = await t.product('borscht');
      const duck = await t.product('duck-breast');
      expect(borscht.stock).toBeNull();
      const touched = async (id: string) => (await t.database.db.selectFrom('products').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow()).updated_at;
      const borschtTouched = await touched(borscht.id);
      const before = await menuProduct(duck.id);

      const untracked = await anna.post('/pos/orders', { items: [{ productId: borscht.id, quantity: 2 }], clientRequestId: requestId() });
      expect(untracked.status).toBe(201);
      const more = await anna.post(`/pos/orders/${untracked.body.id}/items`, { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId() });
      expect(more.status).toBe(200);
      expect((await menuProduct(duck.id)).version).toBe(before.version);

      // Mixed with a tracked dish (twice): one stock change, for it alone.
      const mixed = await anna.post('/pos/orders', {
        items: [
          { productId: borscht.id, quantity: 1 },
          { productId: duck.id, quantity: 1 },
          { productId: duck.id, quantity: 2 },
        ],
        clientRequestId: requestId(),
      });
      expect(mixed.status).toBe(201);
      const after = await menuProduct(duck.id);
      expect({ version: after.version, stock: after.product.stock }).toEqual({ version: before.version + 1, stock: before.product.stock - 3 });
      expect(await touched(borscht.id)).toBe(borschtTouched);
    });
  });
});
