import fs from 'node:fs';
import path from 'node:path';
import type { AnalyticsExport, Shift } from '@pos/contracts';
import { exportDirOf } from '../../config';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, hire, requestId, type Response, type TestApp } from '../../testing/harness';
import { csvRecords } from './csv.testing';
import { CURSOR_LAG_MS } from './service';

/**
 * BI export through the HTTP API: the files' figures against what was rung up (orders, a void, a
 * payment, a partial refund), CSV quoting and NDJSON, incremental exports by the change cursor,
 * who may export, and bad input.
 */
describe('analytics export', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let supervisor: Client;
  let cashier: Client;
  let otherAdmin: Client;
  const realNow = clock.now;
  /** Moves the server's clock ahead of the wall clock (incremental exports are cut by time). */
  let ahead = 0;

  /** A dish name that needs every kind of CSV quoting: a comma, quotes, a line break, Cyrillic. */
  const TRICKY_NAME = 'Борщ "Домашний", со сметаной\nи чесноком';

  beforeAll(async () => {
    t = await createTestApp();
    clock.now = () => new Date(Date.now() + ahead);
    admin = await t.login('999999');
    anna = await t.login('1111');
    supervisor = await t.login('333333');
    otherAdmin = await t.login('999999', 'demo-2');
    cashier = await hire(t, admin, 'cashier', 'Кассир Выгрузка');
    const shift = await cashier.post('/pos/shifts', { openingFloat: 100000, clientRequestId: requestId() });
    expect(shift.status).toBe(201);
    // The menu has no admin route for names; the dish is renamed in place before any order takes it.
    await t.database.db.updateTable('products').set({ name: TRICKY_NAME }).where('id', '=', (await t.product('borscht')).id).execute();
  });
  afterAll(async () => {
    clock.now = realNow;
    await t.close();
  });

  const order = async (items: { code: string; quantity?: number }[], guests = 2) => {
    const lines = await Promise.all(items.map(async (i) => ({ productId: (await t.product(i.code)).id, quantity: i.quantity ?? 1 })));
    const res = await anna.post('/pos/orders', { items: lines, guests, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; total: number; version: number; lines: { id: string; productId: string }[] };
  };
  const fireAndVoidFirst = async (orderId: string, reason: string) => {
    expect((await anna.post(`/pos/orders/${orderId}/send`, {})).status).toBe(200);
    const fired = (await anna.get(`/pos/orders/${orderId}`)).body;
    const voided = await supervisor.post(`/pos/orders/${orderId}/items/${fired.lines[0].id}/void`, { version: fired.version, quantity: 1, reason });
    expect(voided.status).toBe(200);
    return voided.body as { total: number };
  };
  const pay = async (orderId: string, amount: number, method = 'card') => {
    const res = await cashier.post('/pos/finance/payments', { orderId, tenders: [{ method, amount }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { payments: { id: string }[] };
  };
  const refund = async (paymentId: string, amount: number) => {
    const res = await supervisor.post(`/pos/finance/payments/${paymentId}/refund`, { amount, reason: 'вино тёплое', clientRequestId: requestId() });
    expect(res.status).toBe(200);
  };

  const start = async (body: object, by = admin) => {
    const res = await by.post<AnalyticsExport>('/admin/analytics/export', body);
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('queued');
    return res.body;
  };
  const runExports = () => t.app.services.analyticsExports.runPending(t.database.db);
  const finished = async (id: string, by = admin) => {
    const res = await by.get<AnalyticsExport>(`/admin/analytics/export/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', error: null, progress: { percent: 100 } });
    return res.body;
  };
  /** The raw file (the harness client would parse a one-line NDJSON file as JSON). */
  const download = async (id: string, dataset: string, by = admin) => {
    const res = await t.app.inject({ method: 'GET', url: `/admin/analytics/export/${id}/files/${dataset}`, headers: { authorization: `Bearer ${by.token}` } });
    return { status: res.statusCode, headers: res.headers, text: res.body, bytes: res.rawPayload.length };
  };
  const csv = async (id: string, dataset: string) => {
    const file = await download(id, dataset);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    return csvRecords(file.text);
  };
  const ndjson = async (id: string, dataset: string) => {
    const file = await download(id, dataset);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    return file.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const paths = (res: Response) => ((res.body.errors ?? []) as { path: string }[]).map((e) => e.path);
  const hour = 3_600_000;
  const around = () => ({ from: new Date(clock.now().getTime() - hour).toISOString(), to: new Date(clock.now().getTime() + hour).toISOString() });

  /** The first batch: two orders, a void after firing, payments and a partial refund. */
  let first: { a: { id: string; number: number }; b: { id: string }; bPayment: string; borscht: number; wine: number };

  beforeAll(async () => {
    const borscht = (await t.product('borscht')).price;
    const wine = (await t.product('wine-red-glass')).price;
    const a = await order([{ code: 'borscht', quantity: 2 }, { code: 'wine-red-glass' }], 3);
    const afterVoid = await fireAndVoidFirst(a.id, 'гость передумал');
    expect(afterVoid.total).toBe(borscht + wine);
    await pay(a.id, borscht + wine);
    const b = await order([{ code: 'wine-red-glass' }], 1);
    const paidB = await pay(b.id, wine);
    await refund(paidB.payments[0].id, 5000);
    first = { a, b, bPayment: paidB.payments[0].id, borscht, wine };
  });

  describe('a period', () => {
    let done: AnalyticsExport;

    beforeAll(async () => {
      const queued = await start({ datasets: ['orders', 'lines', 'payments', 'shifts', 'promotions'], format: 'csv', period: around() });
      expect(queued).toMatchObject({ mode: 'period', progress: { rows: 0, percent: 0 }, files: [], finishedAt: null });
      expect(await runExports()).toBe(1);
      done = await finished(queued.id);
    });

    it('writes one file per dataset with its rows and bytes, and lists the export', async () => {
      expect(done.files.map((f) => f.dataset)).toEqual(['orders', 'lines', 'payments', 'shifts', 'promotions']);
      expect(done.progress.rows).toBe(done.files.reduce((s, f) => s + f.rows, 0));
      expect(done.cursor).toEqual({ from: done.period!.from, to: done.period!.to });
      expect(done.requestedBy.id).toBe(admin.staffId);
      for (const f of done.files) {
        const file = await download(done.id, f.dataset);
        expect(file.bytes).toBe(f.bytes);
        expect(file.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="export-\\d{4}-\\d{2}-\\d{2}-${done.id.slice(0, 8)}-${f.dataset}\\.csv"$`));
        expect(file.text.startsWith('\uFEFF')).toBe(true);
      }
      const list = await admin.get('/admin/analytics/exports');
      expect(list.status).toBe(200);
      expect(list.body.exports[0]).toMatchObject({ id: done.id, status: 'done' });
    });

    it('matches what was rung up: orders, a voided portion, the sale and the partial refund', async () => {
      const orders = await csv(done.id, 'orders');
      const a = orders.find((o) => o.id === first.a.id)!;
      expect(a).toMatchObject({ number: String(first.a.number), status: 'paid', guests: '3', currency: 'RUB' });
      expect(orders.find((o) => o.id === first.b.id)).toBeDefined();

      const lines = (await csv(done.id, 'lines')).filter((l) => l.order_id === first.a.id);
      const borscht = lines.find((l) => l.name === TRICKY_NAME)!;
      // Quoting survives the round trip: comma, quotes, the line break, Cyrillic.
      expect(borscht).toMatchObject({
        order_number: String(first.a.number),
        unit_price: String(first.borscht),
        quantity: '2',
        voided_quantity: '1',
        void_reason: 'гость передумал',
        amount: String(first.borscht),
        voided_amount: String(first.borscht),
        currency: 'RUB',
        modifiers: '[]',
      });
      expect(lines.reduce((s, l) => s + Number(l.amount), 0)).toBe(first.borscht + first.wine);

      const money = await csv(done.id, 'payments');
      const sum = (orderId: string, kind: string) => money.filter((m) => m.order_id === orderId && m.kind === kind).reduce((s, m) => s + Number(m.amount), 0);
      expect(sum(first.a.id, 'sale')).toBe(first.borscht + first.wine);
      expect(sum(first.b.id, 'sale')).toBe(first.wine);
      expect(sum(first.b.id, 'refund')).toBe(5000);
      expect(money.find((m) => m.kind === 'refund')).toMatchObject({ payment_id: first.bPayment, method: 'card', currency: 'RUB' });
      // The export is the ledger, row for row.
      const ledger = await t.database.db.selectFrom('ledger_entries').select(['id', 'amount']).where('order_id', 'in', [first.a.id, first.b.id]).execute();
      expect(money.filter((m) => m.order_id === first.a.id || m.order_id === first.b.id).map((m) => m.id).sort()).toEqual(ledger.map((l) => l.id).sort());

      const shifts = await csv(done.id, 'shifts');
      const { shift } = (await cashier.get('/pos/shifts/current')).body as { shift: Shift };
      expect(shifts.find((s) => s.id === shift.id)).toMatchObject({ status: 'open', opening_float: '100000', cashier_id: cashier.staffId });
    });

    it('writes NDJSON: one JSON object per line, structured values nested', async () => {
      const queued = await start({ datasets: ['lines', 'payments'], format: 'ndjson', period: around() });
      await runExports();
      const done2 = await finished(queued.id);
      const lines = await ndjson(done2.id, 'lines');
      expect(lines).toHaveLength(done2.files[0].rows);
      const borscht = lines.find((l) => l.order_id === first.a.id && l.name === TRICKY_NAME)!;
      expect(borscht).toMatchObject({ quantity: 2, voided_quantity: 1, amount: first.borscht, modifiers: [], is_charge: false });
      expect(Object.keys(borscht)[0]).toBe('id');
      const money = await ndjson(done2.id, 'payments');
      expect(money.filter((m) => m.kind === 'refund')).toEqual([expect.objectContaining({ amount: 5000, order_id: first.b.id })]);
    });
  });

  describe('incremental (since_last)', () => {
    it('exports everything first, then only what changed after it: a new order with a void, a refund of an older payment', async () => {
      ahead = 60_000;
      const firstExport = await start({ datasets: ['orders', 'lines', 'payments'], format: 'csv', mode: 'since_last' });
      expect(firstExport).toMatchObject({ mode: 'since_last', period: null, cursor: null });
      await runExports();
      const one = await finished(firstExport.id);
      expect(one.cursor!.from).toBeNull();
      expect(Date.parse(one.cursor!.to)).toBeLessThanOrEqual(clock.now().getTime() - CURSOR_LAG_MS);
      const firstOrders = (await csv(one.id, 'orders')).map((o) => o.id);
      expect(firstOrders).toEqual(expect.arrayContaining([first.a.id, first.b.id]));

      // The second batch, later: a new order with a voided portion, paid; a refund of B's payment.
      ahead = 120_000;
      const c = await order([{ code: 'borscht', quantity: 3 }, { code: 'wine-red-glass' }]);
      const afterVoid = await fireAndVoidFirst(c.id, 'пролили');
      await pay(c.id, afterVoid.total);
      await refund(first.bPayment, 1000);

      ahead = 180_000;
      const secondExport = await start({ datasets: ['orders', 'lines', 'payments'], format: 'csv', mode: 'since_last' });
      await runExports();
      const two = await finished(secondExport.id);
      expect(two.cursor!.from).toBe(one.cursor!.to);

      const orders = (await csv(two.id, 'orders')).map((o) => o.id);
      expect(orders).toContain(c.id);
      expect(orders).not.toContain(first.a.id);
      const lines = await csv(two.id, 'lines');
      expect(lines.every((l) => orders.includes(l.order_id))).toBe(true);
      expect(lines.filter((l) => l.order_id === c.id)).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: TRICKY_NAME, quantity: '3', voided_quantity: '1', void_reason: 'пролили', amount: String(2 * first.borscht) })]),
      );
      const money = await csv(two.id, 'payments');
      expect(money.filter((m) => m.kind === 'refund')).toEqual([expect.objectContaining({ amount: '1000', order_id: first.b.id, payment_id: first.bPayment })]);
      expect(money.filter((m) => m.kind === 'sale')).toEqual([expect.objectContaining({ order_id: c.id, amount: String(afterVoid.total) })]);
      expect(money.some((m) => m.order_id === first.a.id)).toBe(false);

      // Nothing changed since: the third is empty, its window starting where the second ended.
      ahead = 240_000;
      const third = await start({ datasets: ['orders', 'payments'], format: 'ndjson', mode: 'since_last' });
      await runExports();
      const three = await finished(third.id);
      expect(three.cursor!.from).toBe(two.cursor!.to);
      expect(three.files.map((f) => f.rows)).toEqual([0, 0]);
      expect((await download(three.id, 'orders')).text).toBe('');
    });
  });

  describe('access', () => {
    let exportId: string;
    beforeAll(async () => {
      exportId = (await start({ datasets: ['orders'], format: 'csv', period: around() })).id;
    });

    it('is for admins: a waiter and a cashier get 403', async () => {
      for (const who of [anna, cashier]) {
        expect((await who.post('/admin/analytics/export', { datasets: ['orders'], format: 'csv', mode: 'since_last' })).status).toBe(403);
        expect((await who.get(`/admin/analytics/export/${exportId}`)).status).toBe(403);
        expect((await who.get('/admin/analytics/exports')).status).toBe(403);
        expect((await download(exportId, 'orders', who)).status).toBe(403);
      }
      expect((await t.anonymous.get('/admin/analytics/exports')).status).toBe(401);
    });

    it("hides another venue's export (404) and never lists it", async () => {
      const res = await otherAdmin.get(`/admin/analytics/export/${exportId}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('analytics_export.not_found');
      expect((await download(exportId, 'orders', otherAdmin)).status).toBe(404);
      expect((await otherAdmin.get('/admin/analytics/exports')).body.exports.map((e: AnalyticsExport) => e.id)).not.toContain(exportId);
    });

    it('answers 409 for the files of an export not done yet, 404 for a dataset it does not hold', async () => {
      const queued = await download(exportId, 'orders');
      expect(queued.status).toBe(409);
      expect(JSON.parse(queued.text).code).toBe('analytics_export.not_ready');
      await runExports();
      expect((await download(exportId, 'orders')).status).toBe(200);
      const missing = await download(exportId, 'lines');
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.text).code).toBe('analytics_export_file.not_found');
    });

    it('runs an export once: a second run (another instance) finds nothing to claim', async () => {
      const queued = await start({ datasets: ['shifts'], format: 'csv', period: around() });
      const [x, y] = await Promise.all([runExports(), runExports()]);
      expect(x + y).toBe(1);
      await finished(queued.id);
    });
  });

  describe('bad input', () => {
    const post = (body: object) => admin.post('/admin/analytics/export', body);
    const ok = { datasets: ['orders'], format: 'csv' };

    it.each([
      ['an unknown dataset', { ...ok, datasets: ['orders', 'tips'], mode: 'since_last' }, 'body.datasets.1'],
      ['a dataset twice', { ...ok, datasets: ['orders', 'orders'], mode: 'since_last' }, 'body.datasets'],
      ['no dataset', { ...ok, datasets: [], mode: 'since_last' }, 'body.datasets'],
      ['an unknown format', { ...ok, format: 'xlsx', mode: 'since_last' }, 'body.format'],
      ['to before from', { ...ok, period: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 'body.period.to'],
      ['to equal to from', { ...ok, period: { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 'body.period.to'],
      ['a period over 366 days', { ...ok, period: { from: '2025-01-01T00:00:00Z', to: '2026-01-03T00:00:00Z' } }, 'body.period.to'],
      ['a date that is no date', { ...ok, period: { from: 'yesterday', to: '2026-03-01T00:00:00Z' } }, 'body.period.from'],
      ['both a period and since_last', { ...ok, period: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }, mode: 'since_last' }, 'body.mode'],
      ['neither', ok, 'body.period'],
      ['an unknown mode', { ...ok, mode: 'all' }, 'body.mode'],
      ['an unknown field', { ...ok, mode: 'since_last', compress: true }, 'body.compress'],
    ])('refuses %s with 400 and the path', async (_what, body, path) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('validation');
      expect(paths(res)).toContain(path);
    });

    it('accepts a period of exactly 366 days, and refuses bad ids and datasets in the URL', async () => {
      const res = await post({ ...ok, period: { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } });
      expect(res.status).toBe(202);
      expect((await admin.get('/admin/analytics/export/not-a-uuid')).status).toBe(400);
      expect((await download(res.body.id, 'tips')).status).toBe(400);
      expect((await admin.get(`/admin/analytics/export/${res.body.id.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))}`)).status).toBe(404);
      await runExports();
    });

    it('refuses a sixth export while five wait (409)', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await start({ ...ok, mode: 'since_last' })).id);
      const res = await post({ ...ok, mode: 'since_last' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('analytics_export.too_many');
      expect(await runExports()).toBe(5);
      for (const id of ids) await finished(id);
    });
  });

  // Last: stopping the service is for good (the app is closing).
  describe('shutdown', () => {
    it('puts the export being written back in the queue, without a partial file', async () => {
      const queued = await start({ datasets: ['lines', 'payments'], format: 'csv', period: around() });
      const service = t.app.services.analyticsExports;
      const errors: unknown[] = [];
      service.kick(t.database.db, (error) => errors.push(error));
      await service.stop();
      expect(errors).toEqual([]);
      const after = (await admin.get<AnalyticsExport>(`/admin/analytics/export/${queued.id}`)).body;
      expect(after).toMatchObject({ status: 'queued', files: [], finishedAt: null, startedAt: null });
      const dir = path.join(exportDirOf(t.config), admin.venueId!, queued.id);
      expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
      // A stopped service runs nothing more.
      expect(await runExports()).toBe(0);
    });
  });
});
