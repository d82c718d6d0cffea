import { businessDayBounds, businessDate, type Dashboard, type Shift } from '@pos/contracts';
import { CompiledQuery, sql } from 'kysely';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, isPg, requestId, type Response, type TestApp } from '../../testing/harness';
import { ledgerRowsQuery, ordersInScopeQuery } from './repository';

/**
 * The live dashboard: figures from the ledger reconciled with the shift close, the business-day
 * boundary in the venue's zone, who sees what, and bad input.
 */
describe('finance dashboard', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let boris: Client;
  let supervisor: Client;
  let nextPin = 7101;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    boris = await t.login('1112');
    supervisor = await t.login('333333');
  });
  afterAll(() => t.close());

  const newCashier = async (name: string, venue = 'demo', by = admin) => {
    const pin = String(nextPin++);
    expect((await by.post('/admin/staff', { name, role: 'cashier', pin })).status).toBe(201);
    return t.login(pin, venue);
  };
  const openShift = async (cashier: Client) => {
    const res = await cashier.post('/pos/shifts', { openingFloat: 100000, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as Shift;
  };
  const order = async (waiter: Client, items: { code: string; quantity?: number }[], guests = 2, venue = 'demo') => {
    const lines = await Promise.all(items.map(async (i) => ({ productId: (await t.product(i.code, venue)).id, quantity: i.quantity ?? 1 })));
    const res = await waiter.post('/pos/orders', { items: lines, guests, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number; version: number; lines: { id: string }[] };
  };
  const pay = async (cashier: Client, orderId: string, tenders: Record<string, unknown>[]) => {
    const res = await cashier.post('/pos/finance/payments', { orderId, tenders, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { payments: { id: string; method: string }[] };
  };
  const dashboard = (client: Client, query = '') => client.get<Dashboard>(`/pos/finance/dashboard${query}`);
  const ok = (res: Response<Dashboard>) => {
    expect(res.status).toBe(200);
    return res.body;
  };
  const expectProblem = (res: Response, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (code) expect(res.body.code).toBe(code);
  };
  const paths = (res: Response) => ((res.body.errors ?? []) as { path: string }[]).map((e) => e.path);
  /** What the ledger itself says for a shift, per kind and method. */
  const ledgerOf = async (shiftId: string) => {
    const rows = await t.database.db.selectFrom('ledger_entries').select(['kind', 'method', 'amount']).where('shift_id', '=', shiftId).execute();
    const sum = (kind: string, method?: string) => rows.filter((r) => r.kind === kind && (!method || r.method === method)).reduce((s, r) => s + Number(r.amount), 0);
    return { sum };
  };

  describe('figures', () => {
    let cashier: Client;
    let shift: Shift;
    let borscht: number;
    let wine: number;

    beforeAll(async () => {
      cashier = await newCashier('Кассир Дашборд');
      shift = await openShift(cashier);
      borscht = (await t.product('borscht')).price;
      wine = (await t.product('wine-red-glass')).price;
    });

    it('reconciles to the minor unit with the shift close and the ledger: mixed tenders, tips, a partial refund, a void after firing', async () => {
      // Anna: two borscht and a wine, fired; the supervisor voids one fired borscht.
      const a = await order(anna, [{ code: 'borscht', quantity: 2 }, { code: 'wine-red-glass' }], 3);
      expect((await anna.post(`/pos/orders/${a.id}/send`, {})).status).toBe(200);
      const fired = (await anna.get(`/pos/orders/${a.id}`)).body;
      const voided = await supervisor.post(`/pos/orders/${a.id}/items/${fired.lines[0].id}/void`, { version: fired.version, quantity: 1, reason: 'гость передумал' });
      expect(voided.status).toBe(200);
      const dueA = borscht + wine;
      expect(voided.body.total).toBe(dueA);
      const cashPart = 20000;
      const paidA = await pay(cashier, a.id, [
        { method: 'cash', amount: cashPart, tip: 1500, tendered: 30000 },
        { method: 'card', amount: dueA - cashPart, tip: 2500 },
      ]);
      // Boris: one wine on card with a tip, then a partial refund of 5000 by the supervisor.
      const b = await order(boris, [{ code: 'wine-red-glass' }], 1);
      const paidB = await pay(cashier, b.id, [{ method: 'card', amount: wine, tip: 1000 }]);
      const refund = await supervisor.post(`/pos/finance/payments/${paidB.payments[0].id}/refund`, { amount: 5000, reason: 'вино тёплое', clientRequestId: requestId() });
      expect(refund.status).toBe(200);
      expect(paidA.payments).toHaveLength(2);

      const d = ok(await dashboard(cashier));
      const closeScreen = (await cashier.get(`/pos/shifts/${shift.id}`)).body as Shift;
      const ledger = await ledgerOf(shift.id);
      // The shift close and the dashboard read the same ledger.
      for (const m of ['cash', 'card'] as const) {
        expect(d.byMethod[m]).toEqual({ sales: closeScreen.totals[m].sales, tips: closeScreen.totals[m].tips, refunds: closeScreen.totals[m].refunds, net: closeScreen.totals[m].sales - closeScreen.totals[m].refunds });
        expect(d.byMethod[m].sales).toBe(ledger.sum('sale', m));
      }
      expect(d).toMatchObject({
        scope: 'shift',
        shiftId: shift.id,
        waiterId: null,
        currency: 'RUB',
        timeZone: 'Europe/Moscow',
        gross: dueA + wine,
        discounts: 0,
        refunds: 5000,
        net: dueA + wine - 5000,
        checks: 2,
        guests: 4,
        averageCheck: Math.round((dueA + wine - 5000) / 2),
        averagePerGuest: Math.round((dueA + wine - 5000) / 4),
        voids: { count: 1, amount: borscht },
      });
      expect(d.gross).toBe(ledger.sum('sale'));
      expect(d.refunds).toBe(ledger.sum('refund'));
      expect(d.byMethod).toEqual({
        cash: { sales: cashPart, tips: 1500, refunds: 0, net: cashPart },
        card: { sales: dueA - cashPart + wine, tips: 3500, refunds: 5000, net: dueA - cashPart + wine - 5000 },
      });
      expect(d.tips.total).toBe(ledger.sum('tip'));
      expect(d.tips.byStaff).toEqual([
        { staffId: anna.staffId, staffName: 'Анна', amount: 4000 },
        { staffId: boris.staffId, staffName: 'Борис', amount: 1000 },
      ]);
      expect(d.byHour.reduce((s, h) => s + h.net, 0)).toBe(d.net);
      expect(d.byHour.every((h) => h.date === d.businessDate)).toBe(true);
      const products = Object.fromEntries(d.topProducts.map((p) => [p.name, p]));
      expect(d.topProducts.map((p) => p.revenue)).toEqual([...d.topProducts.map((p) => p.revenue)].sort((x, y) => y - x));
      expect(Object.values(products).find((p) => p.quantity === 2)?.revenue).toBe(2 * wine);
      expect(d.topProducts.reduce((s, p) => s + p.revenue, 0)).toBe(d.gross);
    });

    it('a waiter sees only their own checks and tips', async () => {
      const d = ok(await dashboard(anna));
      expect(d).toMatchObject({ scope: 'day', shiftId: null, waiterId: anna.staffId });
      expect(d.tips.byStaff.map((s) => s.staffId)).toEqual([anna.staffId]);
      const own = await t.database.db
        .selectFrom('ledger_entries as l')
        .innerJoin('orders as o', 'o.id', 'l.order_id')
        .select(['l.kind', 'l.amount', 'l.created_at'])
        .where('o.waiter_id', '=', anna.staffId!)
        .execute();
      const { from, to } = businessDayBounds(d.businessDate, 'Europe/Moscow');
      const today = own.filter((r) => r.created_at >= from && r.created_at < to);
      expect(d.gross).toBe(today.filter((r) => r.kind === 'sale').reduce((s, r) => s + Number(r.amount), 0));
      // Naming a shift narrows to that shift, still only Anna's checks.
      const inShift = ok(await dashboard(anna, `?sessionId=${shift.id}`));
      expect(inShift).toMatchObject({ scope: 'shift', waiterId: anna.staffId, checks: 1, gross: borscht + wine, refunds: 0 });
    });

    it('a supervisor sees any shift of the venue and the day; a cashier only their own shift', async () => {
      const other = await newCashier('Кассир Чужая');
      const otherShift = await openShift(other);
      const viaSupervisor = ok(await dashboard(supervisor, `?sessionId=${shift.id}`));
      const viaCashier = ok(await dashboard(cashier, `?sessionId=${shift.id}`));
      expect({ ...viaSupervisor, updatedAt: '' }).toEqual({ ...viaCashier, updatedAt: '' });
      expect(ok(await dashboard(supervisor, '?scope=day')).scope).toBe('day');
      expect(ok(await dashboard(admin, '?scope=day')).gross).toBeGreaterThanOrEqual(viaSupervisor.gross);

      expectProblem(await dashboard(cashier, `?sessionId=${otherShift.id}`), 403, 'dashboard.not_your_shift');
      expectProblem(await dashboard(cashier, '?scope=day'), 403, 'dashboard.day_forbidden');
      // The supervisor has no shift of their own: the default is a 409, not someone else's.
      expectProblem(await dashboard(supervisor), 409, 'shift.not_open');
      expectProblem(await dashboard(await t.login('4444')), 403, 'auth.forbidden');
      expect(ok(await dashboard(other))).toMatchObject({ shiftId: otherShift.id, gross: 0, checks: 0, averageCheck: 0, averagePerGuest: 0, byHour: [], topProducts: [] });
    });

    it("another venue's shift is a 404, whoever asks", async () => {
      const foreign = await t.login('333333', 'demo-2');
      expectProblem(await dashboard(foreign, `?sessionId=${shift.id}`), 404, 'shift.not_found');
      expectProblem(await dashboard(await t.login('2222', 'demo-2'), `?sessionId=${shift.id}`), 404, 'shift.not_found');
    });

    it('bad input is a 4xx problem with field paths', async () => {
      expectProblem(await dashboard(supervisor, `?sessionId=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`), 404, 'shift.not_found');
      const bad = await dashboard(supervisor, '?scope=week');
      expectProblem(bad, 400);
      expect(paths(bad)).toEqual(['query.scope']);
      const both = await dashboard(supervisor, `?sessionId=${shift.id}&scope=day`);
      expectProblem(both, 400);
      expect(paths(both)).toEqual(['query.scope']);
      const notId = await dashboard(supervisor, '?sessionId=42');
      expectProblem(notId, 400);
      expect(paths(notId)).toEqual(['query.sessionId']);
      const extra = await dashboard(supervisor, '?scope=day&venueId=x');
      expectProblem(extra, 400);
    });
  });

  describe('a rescue shift', () => {
    it('shows the late payment on the rescue shift it booked to, reconciled with its totals; the closed shift stays as counted', async () => {
      const cashier = await newCashier('Кассир Спасение');
      const shift = await openShift(cashier);
      expect((await cashier.post(`/pos/shifts/${shift.id}/close`, { counted: { cash: 100000, card: 0 }, clientRequestId: requestId() })).status).toBe(200);
      expectProblem(await dashboard(cashier), 409, 'shift.not_open');
      const o = await order(anna, [{ code: 'borscht', quantity: 2 }], 2);
      // Queued on the tablet while the shift was open, it arrives after the close.
      const late = await cashier.post('/pos/finance/payments', { orderId: o.id, shiftId: shift.id, tenders: [{ method: 'cash', amount: o.total, tip: 700 }], clientRequestId: requestId() });
      expect(late.status).toBe(201);
      const rescueId = late.body.payments[0].shiftId as string;
      expect(rescueId).not.toBe(shift.id);

      const d = ok(await dashboard(cashier));
      const rescue = (await cashier.get(`/pos/shifts/${rescueId}`)).body as Shift;
      expect(rescue.isRescue).toBe(true);
      expect(d).toMatchObject({ scope: 'shift', shiftId: rescueId, gross: rescue.totals.cash.sales, checks: 1, guests: 2, tips: { total: rescue.totals.cash.tips } });
      expect(d.byMethod.cash).toEqual({ sales: o.total, tips: 700, refunds: 0, net: o.total });
      expect(ok(await dashboard(cashier, `?sessionId=${shift.id}`))).toMatchObject({ shiftId: shift.id, gross: 0, checks: 0, tips: { total: 0, byStaff: [] } });
    });
  });

  describe('the business day in the venue time zone', () => {
    afterEach(() => jest.restoreAllMocks());

    it('a payment a minute before the boundary is yesterday, a minute after is today', async () => {
      const venue = 'demo-2';
      const boss = await t.login('333333', venue);
      const cashier = await newCashier('Кассир Полночь', venue, await t.login('999999', venue));
      const waiter = await t.login('1111', venue);
      await openShift(cashier);
      const price = (await t.product('borscht', venue)).price;
      const today = businessDate(new Date(), 'Europe/Moscow');
      const midnight = Date.parse(businessDayBounds(today, 'Europe/Moscow').from);
      expect(new Date(midnight).toISOString().slice(11, 16)).toBe('21:00');
      const before = ok(await dashboard(boss, '?scope=day'));

      const at = (ms: number) => jest.spyOn(clock, 'now').mockImplementation(() => new Date(ms));
      const first = await order(waiter, [{ code: 'borscht' }], 1, venue);
      at(midnight - 60_000);
      await pay(cashier, first.id, [{ method: 'cash', amount: price, tendered: price }]);
      jest.restoreAllMocks();
      const second = await order(waiter, [{ code: 'borscht', quantity: 2 }], 1, venue);
      at(midnight + 60_000);
      await pay(cashier, second.id, [{ method: 'card', amount: 2 * price }]);
      jest.restoreAllMocks();

      const after = ok(await dashboard(boss, '?scope=day'));
      expect(after.businessDate).toBe(today);
      expect(after.gross - before.gross).toBe(2 * price);
      expect(after.checks - before.checks).toBe(1);
      expect(after.byHour.find((h) => h.hour === 0 && h.date === today)?.gross).toBeGreaterThanOrEqual(2 * price);

      // Asked a minute before midnight, the day is yesterday's: it holds the first payment only.
      at(midnight - 30_000);
      const yesterday = ok(await dashboard(boss, '?scope=day'));
      expect(yesterday.businessDate).not.toBe(today);
      expect(yesterday.gross).toBe(price);
      expect(yesterday.byHour).toEqual([{ date: yesterday.businessDate, hour: 23, gross: price, refunds: 0, net: price }]);
    });
  });

  describe('kept figures', () => {
    it('a change to an order or the ledger shows at once, though unchanged figures are reused between requests', async () => {
      const before = ok(await dashboard(supervisor, '?scope=day'));
      expect(ok(await dashboard(supervisor, '?scope=day'))).toEqual({ ...before, updatedAt: expect.any(String) });

      // A void on an unpaid order: no ledger row, only the order's version moves.
      const o = await order(anna, [{ code: 'borscht', quantity: 2 }]);
      expect((await anna.post(`/pos/orders/${o.id}/send`, {})).status).toBe(200);
      const fired = (await anna.get(`/pos/orders/${o.id}`)).body;
      const voided = await supervisor.post(`/pos/orders/${o.id}/items/${fired.lines[0].id}/void`, { version: fired.version, quantity: 1, reason: 'пролили' });
      expect(voided.status).toBe(200);
      const afterVoid = ok(await dashboard(supervisor, '?scope=day'));
      expect(afterVoid.voids.count).toBe(before.voids.count + 1);
      expect(afterVoid.checks).toBe(before.checks);

      // Its payment: a ledger row.
      const cashier = await newCashier('Кассир Кэш');
      await openShift(cashier);
      await pay(cashier, o.id, [{ method: 'cash', amount: voided.body.total }]);
      const afterPay = ok(await dashboard(supervisor, '?scope=day'));
      expect(afterPay.checks).toBe(before.checks + 1);
      expect(afterPay.gross).toBe(before.gross + voided.body.total);
    });

    /** The same request answered from nothing kept: the service's kept scopes are set aside for it, then put back. */
    const fromScratch = async (client: Client, query: string) => {
      const cache = (t.app.services.financeDashboard as unknown as { cache: Map<string, unknown> }).cache;
      const kept = new Map(cache);
      cache.clear();
      try {
        return ok(await dashboard(client, query));
      } finally {
        cache.clear();
        for (const [key, value] of kept) cache.set(key, value);
      }
    };
    /** The kept figures, brought up to date by what changed, equal figures read from scratch (the plan moves with the clock). */
    const expectUpToDate = async (client: Client, query = '') => {
      const kept = ok(await dashboard(client, query));
      const scratch = await fromScratch(client, query);
      expect({ ...kept, plan: null, updatedAt: '' }).toEqual({ ...scratch, plan: null, updatedAt: '' });
      return kept;
    };

    it('figures brought up to date change by change equal figures read from scratch: payments, tips, a void, a refund, a row committed late', async () => {
      const cashier = await newCashier('Кассир Инкремент');
      const shift = await openShift(cashier);
      await expectUpToDate(cashier);
      const first = await expectUpToDate(supervisor, '?scope=day');

      const a = await order(anna, [{ code: 'borscht', quantity: 2 }, { code: 'wine-red-glass' }], 3);
      const paidA = await pay(cashier, a.id, [{ method: 'card', amount: a.total, tip: 700 }]);
      expect((await expectUpToDate(cashier)).checks).toBe(1);
      expect((await expectUpToDate(supervisor, '?scope=day')).checks).toBe(first.checks + 1);

      // An open order changes (its version moves, no ledger row): its void shows.
      const b = await order(boris, [{ code: 'borscht', quantity: 2 }]);
      expect((await boris.post(`/pos/orders/${b.id}/send`, {})).status).toBe(200);
      const fired = (await boris.get(`/pos/orders/${b.id}`)).body;
      expect((await supervisor.post(`/pos/orders/${b.id}/items/${fired.lines[0].id}/void`, { version: fired.version, quantity: 1, reason: 'остыл' })).status).toBe(200);
      expect((await expectUpToDate(supervisor, '?scope=day')).voids.count).toBe(first.voids.count + 1);
      await expectUpToDate(cashier);

      // A payment and a refund of the earlier one.
      await pay(cashier, b.id, [{ method: 'cash', amount: (await boris.get(`/pos/orders/${b.id}`)).body.total }]);
      expect((await supervisor.post(`/pos/finance/payments/${paidA.payments[0].id}/refund`, { amount: 3000, reason: 'долго ждали', clientRequestId: requestId() })).status).toBe(200);
      const afterRefund = await expectUpToDate(cashier);
      expect(afterRefund.refunds).toBe(3000);
      await expectUpToDate(supervisor, '?scope=day');

      // A row whose time is older than the newest row kept by more than the look-back (a payment
      // committed late): the count in the mark shows it missing, and the scope is read again.
      const newest = await t.database.db.selectFrom('ledger_entries').select((eb) => eb.fn.max('created_at').as('at')).where('shift_id', '=', shift.id).executeTakeFirstOrThrow();
      const row = await t.database.db.selectFrom('ledger_entries').selectAll().where('shift_id', '=', shift.id).where('kind', '=', 'sale').executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('ledger_entries')
        .values({ ...row, id: crypto.randomUUID(), order_id: null, payment_id: null, amount: 1234, created_at: new Date(Date.parse(String(newest.at)) - 5 * 60_000).toISOString() })
        .execute();
      const late = await expectUpToDate(cashier);
      expect(late.gross).toBe(afterRefund.gross + 1234);
      // One a moment older than the newest (within the look-back): found without reading the scope again.
      await t.database.db
        .insertInto('ledger_entries')
        .values({ ...row, id: crypto.randomUUID(), order_id: null, payment_id: null, amount: 4321, created_at: new Date(Date.parse(String(newest.at)) - 1_000).toISOString() })
        .execute();
      expect((await expectUpToDate(cashier)).gross).toBe(late.gross + 4321);
    });
  });

  describe('the indexes', () => {
    const venueId = async () => (await t.database.db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
    /** The plan the database would run `query` with. */
    const planOf = (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
      const compiled = query.compile();
      return t.database.db.transaction().execute(async (trx) => {
        // A test database is tiny: PostgreSQL would scan it whole whatever the indexes; asked not to, it shows which one it would use.
        if (isPg()) await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        const res = await trx.executeQuery(CompiledQuery.raw(`${isPg() ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${compiled.sql}`, [...compiled.parameters]));
        return JSON.stringify(res.rows);
      });
    };

    it("reads a day's ledger through (venue_id, created_at), so older history is never scanned", async () => {
      const { from, to } = businessDayBounds(businessDate(new Date(), 'Europe/Moscow'), 'Europe/Moscow');
      expect(await planOf(ledgerRowsQuery(t.database.db, await venueId(), { from, to }, null))).toContain('ledger_entries_venue_created_idx');
    });

    it("reads a shift's orders through orders_shift_idx, not every order of the venue", async () => {
      const plan = await planOf(ordersInScopeQuery(t.database.db, await venueId(), { shiftId: '00000000-0000-4000-8000-000000000000' }, null));
      expect(plan).toContain('orders_shift_idx');
    });
  });
});
