import { DEFAULT_ROLE_PERMISSIONS } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';
import { MENU_CHANGES_KEPT } from './service';

/** GET /pos/menu/changes: the catch-up delta a tablet takes after a version gap or a reconnect. */
describe('menu changes', () => {
  let t: TestApp;
  let anna: Client;
  let cook: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    cook = await t.login('4444');
    admin = await t.login('999999');
  });
  afterAll(() => t.close());

  const stockUrl = (productId: string) => `/pos/menu/products/${productId}/stock`;
  const version = async () => (await anna.get('/pos/menu')).body.version as number;
  const changesSince = (since: number | string) => anna.get(`/pos/menu/changes?since=${since}`);

  it('returns the changes after a version, oldest first, ending at the current version', async () => {
    const solyanka = await t.product('solyanka');
    const ukha = await t.product('ukha');
    const since = await version();

    const a = await cook.patch(stockUrl(solyanka.id), { isAvailable: false });
    const b = await cook.patch(stockUrl(ukha.id), { stock: 5 });
    const c = await cook.patch(stockUrl(solyanka.id), { isAvailable: true });
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);

    const res = await changesSince(since);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      version: c.body.menuVersion,
      changes: [
        { kind: 'stock', version: since + 1, productId: solyanka.id, stock: null, isAvailable: false },
        { kind: 'stock', version: since + 2, productId: ukha.id, stock: 5, isAvailable: true },
        { kind: 'stock', version: since + 3, productId: solyanka.id, stock: null, isAvailable: true },
      ],
    });
    expect(res.body.version).toBe(await version());

    // From the middle: only what came after.
    const tail = await changesSince(since + 2);
    expect(tail.body).toEqual({ version: since + 3, changes: [{ kind: 'stock', version: since + 3, productId: solyanka.id, stock: null, isAvailable: true }] });
  });

  it('is empty when the client is up to date', async () => {
    const current = await version();
    const res = await changesSince(current);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: current, changes: [] });
  });

  it('asks for the snapshot when the version is older than the kept history, or in the future', async () => {
    // Version 1 (the seeded menu) predates any recorded change.
    const fromStart = await changesSince(0);
    expect(fromStart.status).toBe(200);
    expect(fromStart.body).toEqual({ version: await version(), snapshotRequired: true, changes: [] });

    const ahead = await changesSince((await version()) + 5);
    expect(ahead.status).toBe(200);
    expect(ahead.body).toEqual({ version: await version(), snapshotRequired: true, changes: [] });

    // A hole in the history (the oldest rows pruned) is a snapshot too, never a partial delta.
    const shchi = await t.product('shchi');
    const since = await version();
    await cook.patch(stockUrl(shchi.id), { stock: 9 });
    await cook.patch(stockUrl(shchi.id), { stock: null });
    expect((await changesSince(since)).body.changes).toHaveLength(2);
    await t.database.db.deleteFrom('menu_changes').where('venue_id', '=', cook.venueId!).where('version', '=', since + 1).execute();
    expect((await changesSince(since)).body).toEqual({ version: since + 2, snapshotRequired: true, changes: [] });
    expect((await changesSince(since + 1)).body.changes).toHaveLength(1);
  });

  it(`keeps only the last ${MENU_CHANGES_KEPT} versions per venue`, async () => {
    const db = t.database.db;
    const venueId = cook.venueId!;
    const shchi = await t.product('shchi');
    const since = await version();
    await cook.patch(stockUrl(shchi.id), { isAvailable: false });
    const rowsOf = async (vid: string) => db.selectFrom('menu_changes').select('version').where('venue_id', '=', vid).orderBy('version').execute();
    expect((await rowsOf(venueId)).map((r) => Number(r.version))).toContain(since + 1);

    // Jump the version as if MENU_CHANGES_KEPT - 1 changes had happened without history rows: the
    // next change is exactly the one that pushes version since+1 out of the window.
    const other = (await t.login('1111', 'demo-2')).venueId!;
    const otherRows = (await rowsOf(other)).length;
    await db.updateTable('venues').set({ menu_version: since + MENU_CHANGES_KEPT }).where('id', '=', venueId).execute();
    await cook.patch(stockUrl(shchi.id), { isAvailable: true });
    const kept = (await rowsOf(venueId)).map((r) => Number(r.version));
    expect(kept).not.toContain(since + 1);
    expect(Math.min(...kept)).toBeGreaterThan(since + 1);
    expect(kept[kept.length - 1]).toBe(since + MENU_CHANGES_KEPT + 1);
    expect((await rowsOf(other)).length).toBe(otherRows);

    expect((await changesSince(since)).body.snapshotRequired).toBe(true);
    expect((await changesSince(since + MENU_CHANGES_KEPT)).body.changes).toEqual([
      { kind: 'stock', version: since + MENU_CHANGES_KEPT + 1, productId: shchi.id, stock: null, isAvailable: true },
    ]);
  });

  it('records the stock taken by an order', async () => {
    const table = await t.table('Т3');
    const tartare = await t.product('beef-tartare');
    expect(tartare.stock).not.toBeNull();
    const since = await version();
    const ordered = await anna.post('/pos/orders', { tableId: table.id, items: [{ productId: tartare.id, quantity: 1 }], clientRequestId: requestId() });
    expect(ordered.status).toBe(201);
    const res = await changesSince(since);
    expect(res.body).toEqual({ version: since + 1, changes: [{ kind: 'stock', version: since + 1, productId: tartare.id, stock: tartare.stock! - 1, isAvailable: true }] });
  });

  it('records nothing for a refused order (the change rolls back with it)', async () => {
    const table = await t.table('Т4');
    const tartare = await t.product('beef-tartare');
    const duck = await t.product('duck-breast');
    const since = await version();
    // Stock is taken product by product: one of them succeeds, then the other runs out, and the
    // whole command — version bump and history row included — rolls back.
    const refused = await anna.post('/pos/orders', {
      tableId: table.id,
      items: [{ productId: tartare.id, quantity: 1 }, { productId: duck.id, quantity: duck.stock! + 1 }],
      clientRequestId: requestId(),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('menu.out_of_stock');
    expect(await changesSince(since)).toMatchObject({ status: 200, body: { version: since, changes: [] } });
    expect(await t.database.db.selectFrom('menu_changes').select('version').where('version', '>', since).where('venue_id', '=', anna.venueId!).execute()).toEqual([]);
    expect((await t.product('beef-tartare')).stock).toBe(tartare.stock);
  });

  it('needs menu.view', async () => {
    expect((await t.anonymous.get('/pos/menu/changes?since=1')).status).toBe(401);
    const without = DEFAULT_ROLE_PERMISSIONS.waiter.filter((p) => p !== 'menu.view');
    expect((await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: without }] })).status).toBe(200);
    try {
      const res = await changesSince(1);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'auth.forbidden', permission: 'menu.view' });
    } finally {
      await admin.put('/admin/roles', { roles: [{ role: 'waiter', permissions: DEFAULT_ROLE_PERMISSIONS.waiter }] });
    }
    expect((await changesSince(1)).status).toBe(200);
  });

  // z.coerce read '' as 0, '0x10' as 16, '1e1' as 10 and '2.0' as 2: a client sending those has a bug.
  it.each(['', '?since=', '?since=0x10', '?since=1e1', '?since=2.0', '?since=+1', '?since=%201', '?since=0b1', '?since=-1', '?since=abc', '?since=1.5', '?since=1e400', '?since=1&since=2'])(
    'rejects %p with 400 at query.since',
    async (query) => {
    const res = await anna.get(`/pos/menu/changes${query}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('query.since');
    },
  );

  it('reads ?since= as a plain decimal number, leading zeros allowed', async () => {
    const current = await version();
    expect((await changesSince(current)).body).toEqual({ version: current, changes: [] });
    expect((await changesSince(`00${current}`)).body).toEqual({ version: current, changes: [] });
  });

  it('rejects unknown query parameters', async () => {
    const res = await anna.get('/pos/menu/changes?since=1&full=1');
    expect(res.status).toBe(400);
  });
});
