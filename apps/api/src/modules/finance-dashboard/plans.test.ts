import { type Dashboard, type Plans, type Shift, zonedToUtc } from '@pos/contracts';
import { DEMO_DAY_TARGETS } from '../../db/seed/demo-plans';
import { seedDemo } from '../../db/seed/seed';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';

/**
 * Revenue plans: `GET/PUT /admin/plans` (who may, what a bad body says, one venue's plans only)
 * and the dashboard's figures against them at a frozen venue-local moment with a known ledger.
 */
describe('revenue plans', () => {
  // A Wednesday in Moscow; the clock is frozen so "now" on the plan's curve is known.
  const DATE = '2026-11-18';
  const ZONE = 'Europe/Moscow';
  const WEDNESDAY = 3;
  const at = (time: string) => {
    now = Date.parse(zonedToUtc(DATE, time, ZONE));
  };
  let now = 0;

  let t: TestApp;
  let admin: Client;
  let admin2: Client;

  beforeAll(async () => {
    at('09:00');
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
    t = await createTestApp();
    admin = await t.login('999999');
    admin2 = await t.login('999999', 'demo-2');
  });
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  const zeros = () => Array.from({ length: 24 }, () => 0);
  const hours = (targets: Record<number, number>) => zeros().map((_, h) => targets[h] ?? 0);
  const getPlans = (client: Client) => client.get<Plans>('/admin/plans');
  const putPlans = (client: Client, body: unknown, headers?: Record<string, string>) => client.put<Plans>('/admin/plans', body, headers);
  const expectProblem = (res: Response, status: number, code?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (code) expect(res.body.code).toBe(code);
  };
  const paths = (res: Response) => ((res.body.errors ?? []) as { path: string }[]).map((e) => e.path);

  describe('GET and PUT /admin/plans', () => {
    it('a venue without plans (demo-2 is seeded without one) has seven zero weekdays, Monday first, and no updatedAt', async () => {
      const res = await getPlans(admin2);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ currency: 'RUB', timeZone: ZONE, thresholdPercent: 5, days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: zeros() })), updatedAt: null });
    });

    it('saves the given weekdays and the threshold, reads them back, and keeps the weekdays left out', async () => {
      const monday = hours({ 12: 500_000, 13: 700_000, 19: 900_000 });
      const friday = hours({ 18: 1_000_000, 20: 1_500_000 });
      const saved = await putPlans(admin2, { thresholdPercent: 7, days: [{ weekday: 1, hours: monday }, { weekday: 5, hours: friday }] });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ thresholdPercent: 7, updatedAt: new Date(now).toISOString() });
      expect((await getPlans(admin2)).body).toEqual(saved.body);

      const sunday = hours({ 14: 300_000 });
      const partial = await putPlans(admin2, { thresholdPercent: 3, days: [{ weekday: 7, hours: sunday }] });
      expect(partial.status).toBe(200);
      const byDay = Object.fromEntries(partial.body.days.map((d) => [d.weekday, d.hours]));
      expect(byDay).toEqual({ 1: monday, 2: zeros(), 3: zeros(), 4: zeros(), 5: friday, 6: zeros(), 7: sunday });
      expect(partial.body.thresholdPercent).toBe(3);

      // Only the threshold: every weekday stays.
      const thresholdOnly = await putPlans(admin2, { thresholdPercent: 4, days: [] });
      expect(thresholdOnly.body.days).toEqual(partial.body.days);
      // Saving the same again is the same answer (a PUT by nature).
      expect((await putPlans(admin2, { thresholdPercent: 4, days: [] })).body.days).toEqual(partial.body.days);

      // The audit names the threshold and each saved weekday's total (the clock is frozen: order by content, not time).
      const audit = await admin2.get('/admin/audit');
      expect(audit.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'plans.changed', details: { thresholdPercent: 7, dayTotals: { 1: 2_100_000, 5: 2_500_000 } } })]));
    });

    it('replays an Idempotency-Key like the other admin commands', async () => {
      const body = { thresholdPercent: 4, days: [{ weekday: 2, hours: hours({ 12: 1000 }) }] };
      const first = await putPlans(admin2, body, { 'idempotency-key': requestId() });
      expect(first.status).toBe(200);
      const key = requestId();
      expect((await putPlans(admin2, body, { 'idempotency-key': key })).status).toBe(200);
      const replay = await putPlans(admin2, body, { 'idempotency-key': key });
      expect(replay.headers['idempotent-replayed']).toBe('true');
    });

    it('the demo venue comes with its seeded plan', async () => {
      const plans = (await getPlans(admin)).body;
      expect(plans.thresholdPercent).toBe(5);
      for (const day of plans.days) {
        expect(day.hours.reduce((s, h) => s + h, 0)).toBe(DEMO_DAY_TARGETS[day.weekday]);
        // Closed at night, a lunch peak above the morning, dinner the busiest.
        expect(day.hours.slice(0, 8)).toEqual(zeros().slice(0, 8));
        expect(day.hours[13]).toBeGreaterThan(day.hours[10]);
        expect(Math.max(...day.hours)).toBe(day.hours[19]);
      }
    });

    it("the seed's ensure step runs on every start: it plans a venue made before plans existed and never overwrites an admin's plan", async () => {
      const demoId = (await t.database.db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow()).id;
      const seeded = (await getPlans(admin)).body;
      await t.database.db.deleteFrom('revenue_plans').where('venue_id', '=', demoId).execute();
      await t.database.db.deleteFrom('venue_plan_settings').where('venue_id', '=', demoId).execute();
      await seedDemo(t.database.db, t.app.services.auth);
      expect((await getPlans(admin)).body.days).toEqual(seeded.days);

      const edited = await putPlans(admin, { thresholdPercent: 10, days: [{ weekday: 2, hours: hours({ 12: 1 }) }] });
      await seedDemo(t.database.db, t.app.services.auth);
      expect((await getPlans(admin)).body).toEqual(edited.body);
    });

    it("one venue never sees or changes another's plans", async () => {
      const before = (await getPlans(admin)).body;
      await putPlans(admin2, { thresholdPercent: 9, days: [{ weekday: 3, hours: hours({ 3: 1 }) }] });
      expect((await getPlans(admin)).body).toEqual(before);
      expect((await getPlans(admin2)).body.thresholdPercent).toBe(9);
    });

    it('only admin.plans reads or writes plans', async () => {
      for (const pin of ['1111', '2222', '333333', '4444']) {
        const who = await t.login(pin);
        expectProblem(await getPlans(who), 403, 'auth.forbidden');
        expectProblem(await putPlans(who, { thresholdPercent: 5, days: [] }), 403, 'auth.forbidden');
      }
      expectProblem(await t.anonymous.get('/admin/plans'), 401);
    });

    it('bad input is a 400 problem naming the field', async () => {
      const day = (weekday: number, h = zeros()) => ({ weekday, hours: h });
      const cases: [unknown, string[]][] = [
        [{ thresholdPercent: 5, days: [{ weekday: 1, hours: [...zeros(), 0] }] }, ['body.days.0.hours']],
        [{ thresholdPercent: 5, days: [day(1, zeros().slice(1))] }, ['body.days.0.hours']],
        [{ thresholdPercent: 5, days: [day(1), day(2, hours({ 3: -100 }))] }, ['body.days.1.hours.3']],
        [{ thresholdPercent: 5, days: [day(1, hours({ 4: 1.5 }))] }, ['body.days.0.hours.4']],
        [{ thresholdPercent: 5, days: [day(8)] }, ['body.days.0.weekday']],
        [{ thresholdPercent: 5, days: [day(0)] }, ['body.days.0.weekday']],
        [{ thresholdPercent: 5, days: [day(2), day(2)] }, ['body.days']],
        [{ thresholdPercent: 51, days: [] }, ['body.thresholdPercent']],
        [{ thresholdPercent: -1, days: [] }, ['body.thresholdPercent']],
        [{ days: [] }, ['body.thresholdPercent']],
        [{ thresholdPercent: 5 }, ['body.days']],
        [{ thresholdPercent: 5, days: [], venueId: 'x' }, ['body.venueId']],
        [{ thresholdPercent: 5, days: [{ ...day(1), note: 'x' }] }, ['body.days.0.note']],
        [{ thresholdPercent: 5, days: [1, 2, 3, 4, 5, 6, 7, 1].map((w) => day(w)) }, ['body.days']],
      ];
      const before = (await getPlans(admin2)).body;
      for (const [body, expected] of cases) {
        const res = await putPlans(admin2, body);
        expectProblem(res, 400, 'validation');
        expect({ body, paths: paths(res) }).toEqual({ body, paths: expected });
      }
      expect((await getPlans(admin2)).body).toEqual(before);
    });
  });

  describe('the dashboard against the plan', () => {
    let supervisor: Client;
    let cashier: Client;
    let anna: Client;
    let shift: Shift;
    const borscht = 45_000;

    /** Wednesday: a little at 11, lunch at 12 and 13, dinner at 19; 13:30 is half of hour 13. */
    const wednesday = (h12: number, thresholdPercent = 5) => ({ thresholdPercent, days: [{ weekday: WEDNESDAY, hours: hours({ 11: 10_000, 12: h12, 13: 40_000, 19: 200_000 }) }] });
    const dayView = async () => {
      const res = await supervisor.get<Dashboard>('/pos/finance/dashboard?scope=day');
      expect(res.status).toBe(200);
      return res.body;
    };

    beforeAll(async () => {
      supervisor = await t.login('333333');
      anna = await t.login('1111');
      const pin = '7301';
      expect((await admin.post('/admin/staff', { name: 'Кассир План', role: 'cashier', pin })).status).toBe(201);
      cashier = await t.login(pin);
      // The shift opens at 12:15; two borscht are paid by card at 12:40: net 90 000 by 13:30.
      at('12:15');
      const opened = await cashier.post('/pos/shifts', { openingFloat: 100_000, clientRequestId: requestId() });
      expect(opened.status).toBe(201);
      shift = opened.body;
      const product = await t.product('borscht');
      expect(product.price).toBe(borscht);
      const order = await anna.post('/pos/orders', { items: [{ productId: product.id, quantity: 2 }], guests: 2, clientRequestId: requestId() });
      expect(order.status).toBe(201);
      at('12:40');
      expect((await cashier.post('/pos/finance/payments', { orderId: order.body.id, tenders: [{ method: 'card', amount: 2 * borscht }], clientRequestId: requestId() })).status).toBe(201);
      at('13:30');
    });

    it('the day: target over 24 hours, the plan to 13:30 along the curve, on plan when net meets it', async () => {
      expect((await putPlans(admin, wednesday(60_000))).status).toBe(200);
      const d = await dayView();
      expect(d.net).toBe(90_000);
      // To 13:30: 10 000 (hour 11) + 60 000 (hour 12) + half of 40 000 (hour 13).
      expect(d.plan).toEqual({ target: 310_000, targetToNow: 90_000, deviation: 0, deviationPercent: 0, status: 'on_plan', thresholdPercent: 5, hours: wednesday(60_000).days[0].hours });
    });

    it('ahead above the threshold, behind below it, on plan within it', async () => {
      await putPlans(admin, wednesday(40_000));
      expect((await dayView()).plan).toMatchObject({ targetToNow: 70_000, deviation: 20_000, deviationPercent: 28.6, status: 'ahead' });
      await putPlans(admin, wednesday(100_000));
      expect((await dayView()).plan).toMatchObject({ targetToNow: 130_000, deviation: -40_000, deviationPercent: -30.8, status: 'behind' });
      await putPlans(admin, wednesday(64_000));
      expect((await dayView()).plan).toMatchObject({ targetToNow: 94_000, deviation: -4_000, deviationPercent: -4.3, status: 'on_plan' });
      await putPlans(admin, wednesday(64_000, 4));
      expect((await dayView()).plan).toMatchObject({ deviationPercent: -4.3, status: 'behind', thresholdPercent: 4 });
    });

    it("the shift: from its opening minute, the first hour counted from 12:15", async () => {
      await putPlans(admin, wednesday(60_000));
      const res = await cashier.get<Dashboard>('/pos/finance/dashboard');
      expect(res.body).toMatchObject({ scope: 'shift', shiftId: shift.id, net: 90_000 });
      // 45 of hour 12's 60 minutes, then hour 13 (half by 13:30) and 19.
      expect(res.body.plan).toMatchObject({ target: 45_000 + 40_000 + 200_000, targetToNow: 45_000 + 20_000, deviation: 25_000, deviationPercent: 38.5, status: 'ahead' });
    });

    it('a closed shift ends its window at its close', async () => {
      const pin = '7302';
      expect((await admin.post('/admin/staff', { name: 'Кассир Закрытие', role: 'cashier', pin })).status).toBe(201);
      const early = await t.login(pin);
      at('11:30');
      const opened = await early.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
      expect(opened.status).toBe(201);
      at('12:00');
      expect((await early.post(`/pos/shifts/${opened.body.id}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId() })).status).toBe(200);
      at('13:30');
      const res = await supervisor.get<Dashboard>(`/pos/finance/dashboard?sessionId=${opened.body.id}`);
      expect(res.status).toBe(200);
      // Half of hour 11 and nothing sold: the whole (closed) window was due, all of it missed.
      expect(res.body.plan).toMatchObject({ target: 5_000, targetToNow: 5_000, deviation: -5_000, deviationPercent: -100, status: 'behind' });
    });

    it("a waiter's own view has no plan; neither has a weekday without one", async () => {
      const mine = await anna.get<Dashboard>('/pos/finance/dashboard');
      expect(mine.body).toMatchObject({ waiterId: anna.staffId, net: 90_000, plan: null });
      await putPlans(admin, { thresholdPercent: 5, days: [{ weekday: WEDNESDAY, hours: zeros() }] });
      expect((await dayView()).plan).toBeNull();
    });
  });
});
