import { ClosedShiftSchema, ShiftAlertsSchema, type ShiftAlertEvent } from '@pos/contracts';
import { createServices } from '../../composition';
import { openDatabase } from '../../db/database';
import { clock } from '../../shared/clock';
import type { OutboundEvent } from '../../shared/command';
import { type Client, createTestApp, hire, requestId, type TestApp } from '../../testing/harness';

/**
 * Shift reminders and the closeout hour (issue 17, points 3 and 4): the alerts at their
 * boundaries, each sent once across instances, the auto-close at the closeout instant across a
 * DST change with the open checks passed on, the handover on a close, and the settings' bounds.
 */
describe('shift alerts', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let supervisor: Client;
  const realNow = clock.now;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    supervisor = await t.login('333333');
  });
  afterEach(() => {
    clock.now = realNow;
  });
  afterAll(() => t.close());

  const at = (iso: string | number) => {
    const instant = new Date(iso);
    clock.now = () => new Date(instant);
  };
  const MIN = 60_000;
  const zonedHhMm = (ms: number, timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  const openShift = async (client: Client) => {
    const res = await client.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const order = async (waiter: Client, venue = 'demo') => {
    const product = await t.product('borscht', venue);
    const res = await waiter.post('/pos/orders', { items: [{ productId: product.id, quantity: 1 }], clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: number; total: number; shiftId: string | null };
  };
  const settings = (client: Client, body: Record<string, unknown>) => client.put('/admin/shift-settings', { clientRequestId: requestId(), ...body });
  const closeAllOpen = () => t.database.db.updateTable('shifts').set({ status: 'closed', closed_at: new Date().toISOString(), close_mode: 'counted' }).where('status', '=', 'open').execute();
  const tick = async () => {
    const publish = jest.fn<void, [readonly OutboundEvent[]]>();
    const sent = await t.app.services.shiftAlerts.tick(t.database.db, publish);
    expect(publish.mock.calls.flatMap(([events]) => events)).toEqual(sent);
    return sent;
  };
  const alertsOf = (events: OutboundEvent[]) => events.filter((e) => e.name === 'shift.alert').map((e) => (e.payload as { alert: ShiftAlertEvent }).alert);

  describe('settings', () => {
    it('defaults to no closeout hour, no auto-close, 720 minutes; saves and audits', async () => {
      const res = await admin.get('/admin/shift-settings');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ closeoutTime: null, autoClose: false, maxOpenMinutes: 720, timeZone: 'Europe/Moscow', updatedAt: null });
      const saved = await settings(admin, { closeoutTime: '03:00', autoClose: true, maxOpenMinutes: 600 });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ closeoutTime: '03:00', autoClose: true, maxOpenMinutes: 600 });
      expect((await admin.get('/admin/shift-settings')).body).toEqual(saved.body);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'shift.settings.changed').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].details)).toEqual({ closeoutTime: '03:00', autoClose: true, maxOpenMinutes: 600 });
      // A cashier may not.
      const cashier = await t.login('2222');
      expect((await cashier.get('/admin/shift-settings')).status).toBe(403);
      expect((await settings(cashier, { closeoutTime: null, autoClose: false, maxOpenMinutes: 720 })).status).toBe(403);
    });

    it('refuses bad input with 400 problem+json and field paths, writing nothing', async () => {
      const before = await admin.get('/admin/shift-settings');
      const cases: [Record<string, unknown>, string][] = [
        [{ closeoutTime: '25:00', autoClose: false, maxOpenMinutes: 720 }, 'body.closeoutTime'],
        [{ closeoutTime: '3:00', autoClose: false, maxOpenMinutes: 720 }, 'body.closeoutTime'],
        [{ closeoutTime: '03:00', autoClose: false, maxOpenMinutes: 5 }, 'body.maxOpenMinutes'],
        [{ closeoutTime: '03:00', autoClose: false, maxOpenMinutes: 2881 }, 'body.maxOpenMinutes'],
        [{ closeoutTime: '03:00', autoClose: false, maxOpenMinutes: 90.5 }, 'body.maxOpenMinutes'],
        [{ closeoutTime: null, autoClose: true, maxOpenMinutes: 720 }, 'body.autoClose'],
      ];
      for (const [body, path] of cases) {
        const res = await settings(admin, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
      }
      expect((await admin.get('/admin/shift-settings')).body).toEqual(before.body);
      expect(await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'shift.settings.changed').execute()).toHaveLength(1);
    });
  });

  describe('alerts', () => {
    it('closeout reminders at 30:01 / 30:00 / 10:00 before, over the limit at exactly max minutes; a cashier sees their own, a supervisor all', async () => {
      // A closeout two hours from now, on a whole minute, written as the venue's (Moscow) wall time.
      const closeout = Math.ceil((Date.now() + 120 * MIN) / MIN) * MIN;
      const closeoutIso = new Date(closeout).toISOString();
      expect((await settings(admin, { closeoutTime: zonedHhMm(closeout, 'Europe/Moscow'), autoClose: false, maxOpenMinutes: 90 })).status).toBe(200);
      const vera = await t.login('2222');
      const other = await hire(t, admin, 'cashier', 'Кассир Другой');
      at(closeout - 120 * MIN);
      const veraShift = await openShift(vera);
      await openShift(other);

      const alertsAt = async (client: Client, ms: number) => {
        at(ms);
        const res = await client.get('/pos/shifts/alerts');
        expect(res.status).toBe(200);
        expect(() => ShiftAlertsSchema.parse(res.body)).not.toThrow();
        expect(res.body.serverTime).toBe(new Date(ms).toISOString());
        expect(res.body.closeoutAt).toBe(closeoutIso);
        return res.body.alerts as { kind: string; shiftId: string; minutesLeft: number | null; since: string }[];
      };
      expect(await alertsAt(vera, closeout - 30 * MIN - 1000)).toEqual([]);
      const at30 = await alertsAt(vera, closeout - 30 * MIN);
      // Opened 120 min before the closeout with a 90 min limit: over it at exactly 30 min before.
      expect(at30).toEqual([
        expect.objectContaining({ kind: 'over_limit', shiftId: veraShift, since: new Date(closeout - 30 * MIN).toISOString(), minutesLeft: null }),
        expect.objectContaining({ kind: 'closeout_30', shiftId: veraShift, since: new Date(closeout - 30 * MIN).toISOString(), minutesLeft: 30, cashierName: 'Вера (касса)', tillName: null }),
      ]);
      const at10 = await alertsAt(vera, closeout - 10 * MIN);
      expect(at10.map((a) => [a.kind, a.minutesLeft])).toEqual([
        ['over_limit', null],
        ['closeout_10', 10],
      ]);
      expect((await alertsAt(vera, closeout - 10 * MIN - 1000)).map((a) => a.kind)).toEqual(['over_limit', 'closeout_30']);
      // The supervisor sees both cashiers' shifts; a waiter without shifts.view none.
      const all = await alertsAt(supervisor, closeout - 10 * MIN);
      expect(new Set(all.filter((a) => a.kind === 'closeout_10').map((a) => a.shiftId)).size).toBe(2);
      expect((await anna.get('/pos/shifts/alerts')).status).toBe(403);
      await closeAllOpen();
    });

    it('the tick sends each alert once, even when two instances tick together', async () => {
      const closeout = Math.ceil((Date.now() + 180 * MIN) / MIN) * MIN;
      expect((await settings(admin, { closeoutTime: zonedHhMm(closeout, 'Europe/Moscow'), autoClose: false, maxOpenMinutes: 60 })).status).toBe(200);
      const cashier = await hire(t, admin, 'cashier', 'Кассир Тик');
      // Over its 60 min limit 20 min before the closeout.
      at(closeout - 80 * MIN);
      const shiftId = await openShift(cashier);

      at(closeout - 31 * MIN);
      expect(alertsOf(await tick())).toEqual([]);
      at(closeout - 30 * MIN);
      // A second instance: its own pool and services on the same database.
      const db2 = openDatabase(t.config);
      try {
        const services2 = await createServices(db2.db, t.config);
        const [one, two] = await Promise.all([tick(), services2.shiftAlerts.tick(db2.db, () => undefined)]);
        const sent = alertsOf([...one, ...two]);
        expect(sent).toEqual([expect.objectContaining({ kind: 'closeout_30', shiftId, minutesLeft: 30 })]);
      } finally {
        await db2.close();
      }
      expect(alertsOf(await tick())).toEqual([]);
      at(closeout - 10 * MIN);
      const events = await tick();
      expect(events).toEqual([expect.objectContaining({ name: 'shift.alert', venueId: cashier.venueId, payload: { venueId: cashier.venueId, alert: expect.objectContaining({ kind: 'over_limit', shiftId }) } }), expect.objectContaining({ name: 'shift.alert' })]);
      expect(alertsOf(events).map((a) => a.kind)).toEqual(['over_limit', 'closeout_10']);
      expect(alertsOf(await tick())).toEqual([]);
      const rows = await t.database.db.selectFrom('shift_alerts_sent').select(['kind']).where('shift_id', '=', shiftId).orderBy('kind').execute();
      expect(rows.map((r) => r.kind)).toEqual(['closeout_10', 'closeout_30', 'over_limit']);
      // Auto-close is off: the closeout instant passes and the shift stays open.
      at(closeout + MIN);
      await tick();
      expect((await t.database.db.selectFrom('shifts').select('status').where('id', '=', shiftId).executeTakeFirstOrThrow()).status).toBe('open');
      await closeAllOpen();
    });
  });

  describe('auto-close', () => {
    it('closes at the closeout instant across the spring DST change (Berlin), passing its open checks to the next shift', async () => {
      const admin2 = await t.login('999999', 'demo-2');
      const cashier2 = await t.login('2222', 'demo-2');
      const waiter2 = await t.login('1111', 'demo-2');
      await t.database.db.updateTable('venues').set({ timezone: 'Europe/Berlin' }).where('slug', '=', 'demo-2').execute();
      // 02:30 does not exist on 2026-03-29 in Berlin: the closeout is the jump, 03:00 CEST = 01:00Z.
      expect((await settings(admin2, { closeoutTime: '02:30', autoClose: true, maxOpenMinutes: 720 })).status).toBe(200);
      at('2026-03-28T20:00:00Z');
      const shiftId = await openShift(cashier2);
      const check = await order(waiter2, 'demo-2');
      expect(check.shiftId).toBe(shiftId);

      at('2026-03-29T00:50:00Z');
      expect(alertsOf(await tick())).toEqual([expect.objectContaining({ kind: 'closeout_10', shiftId, since: '2026-03-29T00:50:00.000Z', minutesLeft: 10 })]);
      at('2026-03-29T00:59:59Z');
      await tick();
      expect((await t.database.db.selectFrom('shifts').select('status').where('id', '=', shiftId).executeTakeFirstOrThrow()).status).toBe('open');

      at('2026-03-29T01:00:00Z');
      const events = await tick();
      expect(alertsOf(events)).toEqual([expect.objectContaining({ kind: 'auto_closed', shiftId, since: '2026-03-29T01:00:00.000Z', minutesLeft: null })]);
      expect(alertsOf(await tick())).toEqual([]);

      const closed = (await cashier2.get(`/pos/shifts/${shiftId}`)).body;
      expect(() => ClosedShiftSchema.parse(closed)).not.toThrow();
      expect(closed).toMatchObject({ status: 'closed', closeMode: 'auto', counted: null, difference: null, closedBy: null, closedAt: '2026-03-29T01:00:00.000Z' });
      const row = await t.database.db.selectFrom('shifts').select(['carried_over', 'expected']).where('id', '=', shiftId).executeTakeFirstOrThrow();
      expect(JSON.parse(row.carried_over!)).toEqual([{ orderId: check.id, number: check.number, toShiftId: null }]);
      expect(JSON.parse(row.expected!)).toEqual({ cash: 0, card: 0 });
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', shiftId).execute();
      expect(audit.map((a) => a.action)).toEqual(['shift.auto_closed']);
      expect(JSON.parse(audit[0].details)).toMatchObject({ closeoutAt: '2026-03-29T01:00:00.000Z', carriedOver: [{ orderId: check.id, number: check.number, toShiftId: null }] });

      // Not lost: the check is open with no shift, and the next shift answers for it.
      expect((await waiter2.get(`/pos/orders/${check.id}`)).body).toMatchObject({ status: 'open', shiftId: null });
      at('2026-03-29T07:00:00Z');
      const next = await openShift(cashier2);
      const refused = await cashier2.post(`/pos/shifts/${next}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId() });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'shift.open_checks', orderIds: [check.id] });
      const paid = await cashier2.post('/pos/finance/payments', { orderId: check.id, tenders: [{ method: 'cash', amount: check.total }], clientRequestId: requestId() });
      expect(paid.status).toBe(201);
      expect(paid.body.payments[0].shiftId).toBe(next);
      expect((await waiter2.get(`/pos/orders/${check.id}`)).body).toMatchObject({ status: 'paid', shiftId: next });
      // The next shift is open after the closeout it was not part of: the tick leaves it.
      at('2026-03-29T07:30:00Z');
      await tick();
      expect((await t.database.db.selectFrom('shifts').select('status').where('id', '=', next).executeTakeFirstOrThrow()).status).toBe('open');
      await closeAllOpen();
    });

    it('closes at the first of the two 02:30s on the autumn change (Berlin); a shift opened after the closeout stays open and takes the checks', async () => {
      const admin2 = await t.login('999999', 'demo-2');
      const cashier2 = await t.login('2222', 'demo-2');
      const late = await t.login('333333', 'demo-2');
      const waiter2 = await t.login('1111', 'demo-2');
      expect((await settings(admin2, { closeoutTime: '02:30', autoClose: true, maxOpenMinutes: 720 })).status).toBe(200);
      at('2026-10-24T18:00:00Z');
      const shiftId = await openShift(cashier2);
      const check = await order(waiter2, 'demo-2');
      // First 02:30 (CEST) = 00:30Z; the second (CET) would be 01:30Z.
      at('2026-10-25T00:29:59Z');
      await tick();
      expect((await t.database.db.selectFrom('shifts').select('status').where('id', '=', shiftId).executeTakeFirstOrThrow()).status).toBe('open');
      // Opened just after the closeout instant: not closed by it.
      at('2026-10-25T00:30:00Z');
      const lateShift = await openShift(late);
      const events = await tick();
      expect(alertsOf(events)).toEqual([expect.objectContaining({ kind: 'auto_closed', shiftId })]);
      const row = await t.database.db.selectFrom('shifts').select(['status', 'carried_over', 'close_mode']).where('id', '=', shiftId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'closed', close_mode: 'auto' });
      expect(JSON.parse(row.carried_over!)).toEqual([{ orderId: check.id, number: check.number, toShiftId: lateShift }]);
      expect((await waiter2.get(`/pos/orders/${check.id}`)).body.shiftId).toBe(lateShift);
      expect((await t.database.db.selectFrom('shifts').select('status').where('id', '=', lateShift).executeTakeFirstOrThrow()).status).toBe('open');
      // The second 02:30 is no closeout: nothing more happens then.
      at('2026-10-25T01:30:00Z');
      expect(alertsOf(await tick())).toEqual([]);
      await closeAllOpen();
    });
  });

  describe('handover on close', () => {
    it('hands the open checks to the named shift, or by default to the longest-running one; a bad handoverTo is a 400 that writes nothing', async () => {
      const [first, second, third] = await Promise.all(['Кассир Первый', 'Кассир Второй', 'Кассир Третий'].map((n) => hire(t, admin, 'cashier', n)));
      at(Date.now() - 30 * MIN);
      const firstShift = await openShift(first);
      at(Date.now() - 20 * MIN);
      const secondShift = await openShift(second);
      at(Date.now() - 10 * MIN);
      const thirdShift = await openShift(third);
      clock.now = realNow;
      const a = await order(anna);
      // Anna's order books to the latest open shift.
      expect(a.shiftId).toBe(thirdShift);
      const close = (client: Client, id: string, extra: Record<string, unknown> = {}) => client.post(`/pos/shifts/${id}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId(), ...extra });

      const closedShift = await t.database.db.selectFrom('shifts').select('id').where('status', '=', 'closed').executeTakeFirstOrThrow();
      const otherVenue = await t.database.db.selectFrom('shifts as s').innerJoin('venues as v', 'v.id', 's.venue_id').select('s.id').where('v.slug', '=', 'demo-2').executeTakeFirstOrThrow();
      for (const bad of [thirdShift, closedShift.id, otherVenue.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await close(third, thirdShift, { handoverTo: bad });
        expect(res.status).toBe(400);
        expect((res.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['body.handoverTo']);
      }
      expect((await close(third, thirdShift, { handoverTo: 'not-an-id' })).status).toBe(400);
      // Nothing written: still open, the check still on it, no audit.
      expect((await third.get(`/pos/shifts/${thirdShift}`)).body.status).toBe('open');
      expect((await anna.get(`/pos/orders/${a.id}`)).body.shiftId).toBe(thirdShift);
      expect(await t.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', thirdShift).execute()).toEqual([]);

      const named = await close(third, thirdShift, { handoverTo: secondShift });
      expect(named.status).toBe(200);
      expect(named.body.handedOver).toEqual([{ orderId: a.id, number: a.number, toShiftId: secondShift }]);
      expect((await anna.get(`/pos/orders/${a.id}`)).body.shiftId).toBe(secondShift);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', thirdShift).where('action', '=', 'shift.handover').execute();
      expect(JSON.parse(audit[0].details)).toEqual({ toShiftId: secondShift, orderIds: [a.id] });

      // Default: the longest-running other open shift (the first).
      const byDefault = await close(second, secondShift);
      expect(byDefault.status).toBe(200);
      expect(byDefault.body.handedOver).toEqual([{ orderId: a.id, number: a.number, toShiftId: firstShift }]);
      // Now the venue's last open shift: its close is the day close, which still refuses over open checks.
      const last = await close(first, firstShift);
      expect(last.status).toBe(409);
      expect(last.body).toMatchObject({ code: 'shift.open_checks', orderIds: [a.id] });
    });
  });
});
