import type { Menu } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** Admin → Menu: products and categories written as menu versions that tablets catch up with. */
describe('menu admin writes', () => {
  let t: TestApp;
  let admin: Client;
  let waiter: Client;
  let cook: Client;
  let menu: Menu;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    waiter = await t.login('1111');
    cook = await t.login('4444');
    menu = (await waiter.get('/pos/menu')).body;
  });
  afterAll(() => t.close());

  const del = (client: Client, url: string, headers?: Record<string, string>) => client.request('DELETE', url, undefined, headers);
  const version = async () => (await waiter.get('/pos/menu')).body.version as number;
  const productRows = async () => Number((await t.database.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const changesSince = async (since: number) => (await waiter.get(`/pos/menu/changes?since=${since}`)).body;
  const newProduct = (over: Record<string, unknown> = {}) => ({
    categoryId: menu.categories[0].id,
    code: `dish-${requestId().slice(0, 8)}`,
    name: 'Пельмени',
    price: 52000,
    stationId: menu.stations[0].id,
    ...over,
  });

  it('creates a category and a dish in it: each a menu version, recorded as a change of its kind', async () => {
    const since = await version();
    const cat = await admin.post('/admin/menu/categories', { name: 'Сезонное', color: '#a1b2c3' });
    expect(cat.status).toBe(201);
    expect(cat.body).toEqual({ menuVersion: since + 1, category: { id: expect.any(String), name: 'Сезонное', color: '#a1b2c3', sort: Math.max(...menu.categories.map((c) => c.sort)) + 1 } });

    const groups = menu.modifierGroups.slice(0, 2).map((g) => g.id);
    const dish = await admin.post('/admin/menu/products', newProduct({ categoryId: cat.body.category.id, code: 'pelmeni-home', description: 'Домашние', modifierGroupIds: groups, imageUrl: 'https://img.example/p.jpg' }));
    expect(dish.status).toBe(201);
    expect(dish.body).toEqual({
      menuVersion: since + 2,
      product: {
        id: expect.any(String),
        categoryId: cat.body.category.id,
        code: 'pelmeni-home',
        name: 'Пельмени',
        description: 'Домашние',
        price: 52000,
        stationId: menu.stations[0].id,
        stock: null,
        isAvailable: true,
        modifierGroupIds: groups,
        sort: 0,
        imageUrl: 'https://img.example/p.jpg',
      },
    });

    const now = (await waiter.get('/pos/menu')).body as Menu;
    expect(now.version).toBe(since + 2);
    expect(now.categories).toContainEqual(cat.body.category);
    expect(now.products).toContainEqual(dish.body.product);
    expect(await changesSince(since)).toEqual({
      version: since + 2,
      changes: [
        { kind: 'category', version: since + 1, category: cat.body.category },
        { kind: 'product', version: since + 2, product: dish.body.product },
      ],
    });

    // Audited, naming the admin.
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'staff_id']).where('entity_id', 'in', [cat.body.category.id, dish.body.product.id]).orderBy('created_at').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['menu.category.created', 'menu.product.created']);
    expect(audit.every((a) => a.staff_id === admin.staffId)).toBe(true);
  });

  it('changes a dish: the whole new product is the change', async () => {
    const borscht = await t.product('borscht');
    const since = await version();
    const res = await admin.patch(`/admin/menu/products/${borscht.id}`, { price: 47000, name: 'Борщ украинский', description: null });
    expect(res.status).toBe(200);
    expect(res.body.product).toMatchObject({ id: borscht.id, price: 47000, name: 'Борщ украинский', description: null, code: 'borscht' });
    expect(res.body.menuVersion).toBe(since + 1);
    expect((await changesSince(since)).changes).toEqual([{ kind: 'product', version: since + 1, product: res.body.product }]);
    const listed = ((await waiter.get('/pos/menu')).body as Menu).products.find((p) => p.id === borscht.id);
    expect(listed).toEqual(res.body.product);
  });

  it('tells tablets: menu.changed is published with the new version', async () => {
    const published: { name: string; payload: unknown }[] = [];
    const original = t.app.events.publish;
    t.app.events.publish = (events) => {
      published.push(...events.map((e) => ({ name: e.name, payload: e.payload })));
      original(events);
    };
    try {
      const res = await admin.post('/admin/menu/categories', { name: 'Бар', color: '#000000' });
      expect(published).toEqual([{ name: 'menu.changed', payload: { venueId: admin.venueId, menuVersion: res.body.menuVersion } }]);
    } finally {
      t.app.events.publish = original;
    }
  });

  describe('bad input: 400 problem+json at the field, nothing written', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['an unknown category', () => newProduct({ categoryId: '00000000-0000-4000-8000-000000000000' }), 'body.categoryId'],
      ['an unknown station', () => newProduct({ stationId: '00000000-0000-4000-8000-000000000000' }), 'body.stationId'],
      ['an unknown modifier group', () => newProduct({ modifierGroupIds: [menu.modifierGroups[0].id, '00000000-0000-4000-8000-000000000000'] }), 'body.modifierGroupIds.1'],
      ['a modifier group twice', () => newProduct({ modifierGroupIds: [menu.modifierGroups[0].id, menu.modifierGroups[0].id] }), 'body.modifierGroupIds.1'],
      ['an empty name', () => newProduct({ name: '  ' }), 'body.name'],
      ['a negative price', () => newProduct({ price: -1 }), 'body.price'],
      ['a fractional price', () => newProduct({ price: 10.5 }), 'body.price'],
      ['a code with spaces', () => newProduct({ code: 'two words' }), 'body.code'],
      ['a non-http image', () => newProduct({ imageUrl: 'javascript:alert(1)' }), 'body.imageUrl'],
      ['an unknown field', () => newProduct({ stock: 5 }), 'body.stock'],
      ['no category', () => newProduct({ categoryId: undefined }), 'body.categoryId'],
    ];
    it.each(cases)('a product with %s', async (_what, body, path) => {
      const [rows, v] = [await productRows(), await version()];
      const res = await admin.post('/admin/menu/products', body());
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect([await productRows(), await version()]).toEqual([rows, v]);
    });

    it('a patch that changes nothing, or moves a dish to an unknown category', async () => {
      const borscht = await t.product('borscht');
      const v = await version();
      const empty = await admin.patch(`/admin/menu/products/${borscht.id}`, { clientRequestId: requestId() });
      expect(empty.status).toBe(400);
      expect(empty.body.errors.map((e: { path: string }) => e.path)).toContain('body.name');
      const unknown = await admin.patch(`/admin/menu/products/${borscht.id}`, { categoryId: '00000000-0000-4000-8000-000000000000', price: 1 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.categoryId']);
      expect((await t.product('borscht')).price).toBe(borscht.price);
      expect(await version()).toBe(v);
    });

    it.each([
      [{ name: 'X', color: 'red' }, 'body.color'],
      [{ name: '', color: '#ffffff' }, 'body.name'],
      [{ name: 'X', color: '#ffffff', sort: 1.5 }, 'body.sort'],
      [{ color: '#ffffff' }, 'body.name'],
    ])('a category %j', async (body, path) => {
      const v = await version();
      const res = await admin.post('/admin/menu/categories', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await version()).toBe(v);
    });

    it('unknown ids in the path are 404', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      expect((await admin.patch(`/admin/menu/products/${id}`, { price: 1 })).body.code).toBe('product.not_found');
      expect((await del(admin, `/admin/menu/products/${id}`)).status).toBe(404);
      expect((await admin.patch(`/admin/menu/categories/${id}`, { name: 'X' })).body.code).toBe('category.not_found');
      expect((await del(admin, `/admin/menu/categories/${id}`)).status).toBe(404);
    });
  });

  it('refuses a code another dish of the venue has (409 menu.code_taken); a removed dish frees its code', async () => {
    const v = await version();
    const taken = await admin.post('/admin/menu/products', newProduct({ code: 'borscht' }));
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'menu.code_taken' });
    const solyanka = await t.product('solyanka');
    const renamed = await admin.patch(`/admin/menu/products/${solyanka.id}`, { code: 'borscht' });
    expect(renamed.status).toBe(409);
    expect(await version()).toBe(v);

    // Keeping its own code is no conflict.
    expect((await admin.patch(`/admin/menu/products/${solyanka.id}`, { code: 'solyanka', name: 'Солянка сборная' })).status).toBe(200);

    const made = await admin.post('/admin/menu/products', newProduct({ code: 'admin-test-drink' }));
    expect((await del(admin, `/admin/menu/products/${made.body.product.id}`)).status).toBe(200);
    expect((await admin.post('/admin/menu/products', newProduct({ code: 'admin-test-drink' }))).status).toBe(201);
  });

  it('two admins taking one code at once: one dish, the other a 409', async () => {
    const both = await Promise.all([admin.post('/admin/menu/products', newProduct({ code: 'same-time' })), admin.post('/admin/menu/products', newProduct({ code: 'same-time' }))]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.code).toBe('menu.code_taken');
  });

  it('removes a dish: off the menu and the delta, never orderable, while a past order keeps its line', async () => {
    const table = await t.table('Т5');
    const made = await admin.post('/admin/menu/products', newProduct({ code: 'okroshka', name: 'Окрошка' }));
    const productId = made.body.product.id as string;
    const order = await waiter.post('/pos/orders', { tableId: table.id, items: [{ productId, quantity: 1 }], clientRequestId: requestId() });
    expect(order.status).toBe(201);

    const since = await version();
    const removed = await del(admin, `/admin/menu/products/${productId}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual({ menuVersion: since + 1 });
    expect((await changesSince(since)).changes).toEqual([{ kind: 'product.removed', version: since + 1, productId }]);
    expect(((await waiter.get('/pos/menu')).body as Menu).products.some((p) => p.id === productId)).toBe(false);

    const again = await waiter.post(`/pos/orders/${order.body.id}/items`, { items: [{ productId, quantity: 1 }], clientRequestId: requestId() });
    expect(again.status).toBe(400);
    const past = await waiter.get(`/pos/orders/${order.body.id}`);
    expect(past.body.lines).toEqual([expect.objectContaining({ productId, name: 'Окрошка' })]);
    expect((await admin.patch(`/admin/menu/products/${productId}`, { price: 1 })).status).toBe(404);
    expect((await cook.patch(`/pos/menu/products/${productId}/stock`, { stock: 3 })).status).toBe(404);
  });

  it('removes only an empty category (409 menu.category_not_empty)', async () => {
    const cat = await admin.post('/admin/menu/categories', { name: 'Временное', color: '#123456', sort: 99 });
    const categoryId = cat.body.category.id as string;
    const dish = await admin.post('/admin/menu/products', newProduct({ categoryId }));
    const v = await version();
    const refused = await del(admin, `/admin/menu/categories/${categoryId}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'menu.category_not_empty', categoryId });
    expect(await version()).toBe(v);

    // Moving the dish out empties it.
    expect((await admin.patch(`/admin/menu/products/${dish.body.product.id}`, { categoryId: menu.categories[1].id })).status).toBe(200);
    const since = await version();
    const removed = await del(admin, `/admin/menu/categories/${categoryId}`);
    expect(removed.status).toBe(200);
    expect((await changesSince(since)).changes).toEqual([{ kind: 'category.removed', version: since + 1, categoryId }]);
    expect(((await waiter.get('/pos/menu')).body as Menu).categories.some((c) => c.id === categoryId)).toBe(false);
    // Gone for admins too: no edits, no dishes moved into it.
    expect((await admin.patch(`/admin/menu/categories/${categoryId}`, { name: 'Снова' })).status).toBe(404);
    expect((await admin.post('/admin/menu/products', newProduct({ categoryId }))).status).toBe(400);
  });

  it('replays a repeated request (same clientRequestId): one version, the same answer', async () => {
    const since = await version();
    const body = { name: 'Завтраки', color: '#fafafa', clientRequestId: requestId() };
    const first = await admin.post('/admin/menu/categories', body);
    const second = await admin.post('/admin/menu/categories', body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await version()).toBe(since + 1);
  });

  it('needs admin.menu: a waiter or a cook gets 403, nobody signed in 401', async () => {
    const borscht = await t.product('borscht');
    const v = await version();
    for (const client of [waiter, cook]) {
      const attempts = [
        await client.post('/admin/menu/products', newProduct()),
        await client.patch(`/admin/menu/products/${borscht.id}`, { price: 1 }),
        await del(client, `/admin/menu/products/${borscht.id}`),
        await client.post('/admin/menu/categories', { name: 'X', color: '#ffffff' }),
        await client.patch(`/admin/menu/categories/${menu.categories[0].id}`, { name: 'X' }),
        await del(client, `/admin/menu/categories/${menu.categories[0].id}`),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'auth.forbidden', permission: 'admin.menu' });
      }
    }
    expect((await t.anonymous.post('/admin/menu/categories', { name: 'X', color: '#ffffff' })).status).toBe(401);
    expect(await version()).toBe(v);
    expect((await t.product('borscht')).price).toBe(borscht.price);
  });

  it('keeps venues apart: another venue’s category or product is unknown', async () => {
    const other = await t.login('999999', 'demo-2');
    const foreign = ((await other.get('/pos/menu')).body as Menu).categories[0].id;
    const res = await admin.post('/admin/menu/products', newProduct({ categoryId: foreign }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.categoryId']);
    const borscht = await t.product('borscht');
    expect((await other.patch(`/admin/menu/products/${borscht.id}`, { price: 1 })).status).toBe(404);
  });
});
