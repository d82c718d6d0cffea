import type { AddressInfo } from 'node:net';
import { addDays, businessDate, zonedToUtc } from '@pos/contracts';
import { io, type Socket } from 'socket.io-client';
import { clock } from '../../shared/clock';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** Reservations: booking rules, the business day, the state machine, seating, and the live event. */
describe('reservations', () => {
  let t: TestApp;
  let anna: Client;
  let boris: Client;
  let cook: Client;
  let cashier: Client;
  const TZ = 'Europe/Moscow';
  const realNow = clock.now;

  beforeAll(async () => {
    t = await createTestApp();
    anna = await t.login('1111');
    boris = await t.login('1112');
    cook = await t.login('4444');
    cashier = await t.login('2222');
  });
  afterAll(() => t.close());
  afterEach(() => {
    clock.now = realNow;
  });

  /** A venue-local day three days ahead, so nothing here is ever "in the past". */
  const day = addDays(businessDate(Date.now(), TZ), 3);
  const at = (time: string, date = day) => zonedToUtc(date, time, TZ);
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  const booking = (over: Record<string, unknown> = {}) => ({
    startsAt: at('19:30'),
    durationMinutes: 120,
    guests: 2,
    guestName: 'Иванова',
    guestPhone: '+7 (916) 123-45-67',
    clientRequestId: requestId(),
    ...over,
  });
  const book = async (label: string, over: Record<string, unknown> = {}, who: Client = anna) => {
    const table = await t.table(label);
    return who.post('/pos/tables/reservations', booking({ tableId: table.id, ...over }));
  };
  const booked = async (label: string, over: Record<string, unknown> = {}) => {
    const res = await book(label, over);
    expect(res.status).toBe(201);
    return res.body;
  };
  const list = async (query: string, who: Client = anna) => {
    const res = await who.get(`/pos/tables/reservations?${query}`);
    expect(res.status).toBe(200);
    return res.body as { id: string; status: string }[];
  };

  describe('booking a table', () => {
    it('books a table (201) with the phone normalised and the business day in the venue time zone', async () => {
      const table = await t.table('6');
      const res = await book('6', { guests: 4, note: 'У окна' });
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body).toMatchObject({
        status: 'booked',
        tables: [{ id: table.id, label: '6', seats: 4, hallId: table.hall_id }],
        startsAt: at('19:30'),
        endsAt: at('21:30'),
        date: day,
        guests: 4,
        guestName: 'Иванова',
        guestPhone: '+79161234567',
        note: 'У окна',
        sessionId: null,
        cancelReason: null,
        createdById: anna.staffId,
        createdByName: 'Анна',
        version: 1,
      });
      const got = await anna.get(`/pos/tables/reservations/${res.body.id}`);
      expect(got.body).toEqual(res.body);
    });

    it('takes an end time instead of a duration, and books tables pushed together for a bigger party', async () => {
      const a = await t.table('7');
      const b = await t.table('8');
      const res = await anna.post('/pos/tables/reservations', booking({ tableIds: [a.id, b.id], startsAt: at('12:00'), durationMinutes: undefined, endsAt: at('14:30'), guests: 8 }));
      expect(res.status).toBe(201);
      expect(res.body.tables.map((tb: { label: string }) => tb.label)).toEqual(['7', '8']);
      expect(res.body.endsAt).toBe(at('14:30'));
    });

    it('replays a retried booking with the same clientRequestId instead of booking twice', async () => {
      const table = await t.table('Т5');
      const body = booking({ tableId: table.id, startsAt: at('13:00') });
      const first = await anna.post('/pos/tables/reservations', body);
      const retry = await anna.post('/pos/tables/reservations', body);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      expect((await list(`date=${day}&tableId=${table.id}`)).map((r) => r.id)).toEqual([first.body.id]);
    });
  });

  describe('overlap rules', () => {
    it('allows touching windows and refuses an overlapping one with 409 naming the conflict', async () => {
      const first = await booked('9', { startsAt: at('18:00'), durationMinutes: 120 });
      // Ends exactly when the first starts, and starts exactly when it ends: both fine.
      expect((await book('9', { startsAt: at('16:00'), durationMinutes: 120 })).status).toBe(201);
      expect((await book('9', { startsAt: at('20:00'), durationMinutes: 60 })).status).toBe(201);

      const clash = await book('9', { startsAt: at('19:00'), durationMinutes: 30, guestName: 'Петров' }, boris);
      expect(clash.status).toBe(409);
      expect(clash.headers['content-type']).toContain('application/problem+json');
      expect(clash.body.code).toBe('reservation.conflict');
      expect(clash.body.title).toBe('Table 9 is already booked 18:00–20:00 for Иванова');
      expect(clash.body.conflict).toMatchObject({ id: first.id, guestName: 'Иванова', startsAt: at('18:00'), endsAt: at('20:00') });
      // A window that swallows the first one whole is refused too.
      expect((await book('9', { startsAt: at('17:30'), durationMinutes: 180 })).status).toBe(409);
    });

    it('checks every table of a combined booking, and ignores cancelled bookings', async () => {
      const ten = await t.table('10');
      const first = await booked('11', { startsAt: at('19:00') });
      const combined = await anna.post('/pos/tables/reservations', booking({ tableIds: [ten.id, first.tables[0].id], startsAt: at('20:00'), guests: 9 }));
      expect(combined.status).toBe(409);
      expect(combined.body.conflict.id).toBe(first.id);

      expect((await anna.post(`/pos/tables/reservations/${first.id}/cancel`, { reason: 'Гость передумал' })).status).toBe(200);
      const again = await anna.post('/pos/tables/reservations', booking({ tableIds: [ten.id, first.tables[0].id], startsAt: at('20:00'), guests: 9 }));
      expect(again.status).toBe(201);
    });

    it('lets exactly one of two concurrent overlapping bookings of one table through', async () => {
      const table = await t.table('12');
      const results = await Promise.all([
        anna.post('/pos/tables/reservations', booking({ tableId: table.id, startsAt: at('19:00') })),
        boris.post('/pos/tables/reservations', booking({ tableId: table.id, startsAt: at('19:30'), guestName: 'Петров' })),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await list(`date=${day}&tableId=${table.id}`)).toHaveLength(1);
    });
  });

  describe('validation', () => {
    it.each([
      ['a time in the past', { startsAt: new Date(Date.now() - 3_600_000).toISOString() }, 'body.startsAt'],
      ['zero guests', { guests: 0 }, 'body.guests'],
      ['a phone with letters', { guestPhone: '+7 916 ABC' }, 'body.guestPhone'],
      ['a phone too short', { guestPhone: '12-34' }, 'body.guestPhone'],
      ['no guest name', { guestName: '  ' }, 'body.guestName'],
      ['an end before the start', { durationMinutes: undefined, endsAt: at('18:00') }, 'body.endsAt'],
      ['both a duration and an end', { endsAt: at('22:00') }, 'body.endsAt'],
      ['a start without a time zone', { startsAt: `${day}T19:30:00` }, 'body.startsAt'],
      ['an unknown field', { vip: true }, 'body.vip'],
    ])('refuses %s with 400 and the field path', async (_what, over, path) => {
      const res = await book('1', over);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(paths(res.body)).toContain(path);
    });

    it('refuses more guests than the table seats (400 body.guests) unless tables are pushed together', async () => {
      const small = await book('2', { guests: 3 });
      expect(small.status).toBe(400);
      expect(paths(small.body)).toContain('body.guests');
      expect(small.body.errors[0].message).toContain('Table 2 seats 2');

      const [a, b] = [await t.table('2'), await t.table('3')];
      const combined = await anna.post('/pos/tables/reservations', booking({ tableIds: [a.id, b.id], guests: 4 }));
      expect(combined.status).toBe(201);
      const tooMany = await anna.post('/pos/tables/reservations', booking({ tableIds: [a.id, b.id], guests: 5, startsAt: at('12:00') }));
      expect(tooMany.status).toBe(400);
      expect(paths(tooMany.body)).toContain('body.guests');
    });

    it('needs exactly one of tableId / tableIds, tables of one hall, no table twice', async () => {
      const [a, terrace] = [await t.table('4'), await t.table('Т1')];
      const both = await anna.post('/pos/tables/reservations', booking({ tableId: a.id, tableIds: [a.id] }));
      expect(paths(both.body)).toContain('body.tableIds');
      const neither = await anna.post('/pos/tables/reservations', booking());
      expect(paths(neither.body)).toContain('body.tableIds');
      const twice = await anna.post('/pos/tables/reservations', booking({ tableIds: [a.id, a.id] }));
      expect(paths(twice.body)).toContain('body.tableIds');
      const halls = await anna.post('/pos/tables/reservations', booking({ tableIds: [a.id, terrace.id] }));
      expect(halls.status).toBe(400);
      expect(paths(halls.body)).toContain('body.tableIds');
      const unknown = await anna.post('/pos/tables/reservations', booking({ tableId: '00000000-0000-4000-8000-000000000000' }));
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('table.not_found');
    });

    it('refuses a malformed date in the query with query.date', async () => {
      for (const date of ['2025-13-01', '14.03.2025', '']) {
        const res = await anna.get(`/pos/tables/reservations?date=${date}`);
        expect(res.status).toBe(400);
        expect(paths(res.body)).toContain('query.date');
      }
      expect(paths((await anna.get('/pos/tables/reservations')).body)).toContain('query.date');
    });
  });

  describe('the booking horizon: bookings and listed days within 2000-01-01 .. two years ahead', () => {
    const DAY_MS = 86_400_000;
    const countReservations = async () =>
      Number((await t.database.db.selectFrom('reservations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('refuses a booking at 9999-12-31T23:00Z (or past two years ahead) with 400 body.startsAt, saves nothing, and the table still books once only', async () => {
      const before = await countReservations();
      for (const startsAt of ['9999-12-31T23:00:00Z', '2100-01-01T00:00:00Z', new Date(Date.now() + 800 * DAY_MS).toISOString()]) {
        // The probe sent the same booking twice: the second was taken as well.
        for (let i = 0; i < 2; i++) {
          const res = await book('12', { startsAt });
          expect({ startsAt, status: res.status, paths: paths(res.body) }).toEqual({ startsAt, status: 400, paths: ['body.startsAt'] });
        }
      }
      const farEnd = await book('12', { durationMinutes: undefined, endsAt: '9999-12-31T23:00:00Z' });
      expect(farEnd.status).toBe(400);
      expect(paths(farEnd.body)).toEqual(['body.endsAt']);
      expect(await countReservations()).toBe(before);

      const lastYear = new Date(Date.now() + 700 * DAY_MS).toISOString();
      expect((await book('12', { startsAt: lastYear })).status).toBe(201);
      const again = await book('12', { startsAt: lastYear });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('reservation.conflict');
    });

    it('refuses a change to 9999-12-31 (400 with the field path) and keeps the reservation as it was', async () => {
      const r = await booked('12', { startsAt: at('12:00') });
      const moved = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: r.version, startsAt: '9999-12-31T23:00:00Z' });
      expect(moved.status).toBe(400);
      expect(paths(moved.body)).toEqual(['body.startsAt']);
      const stretched = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: r.version, endsAt: '9999-12-31T23:00:00Z' });
      expect(stretched.status).toBe(400);
      expect(paths(stretched.body)).toEqual(['body.endsAt']);
      expect((await anna.get(`/pos/tables/reservations/${r.id}`)).body).toEqual(r);
    });

    it('lists business days from 2000-01-01 to two years ahead; others are a 400 query.date, never a 500', async () => {
      const today = businessDate(Date.now(), TZ);
      for (const date of ['9999-12-31', '1999-12-31', addDays(today, 800)]) {
        const res = await anna.get(`/pos/tables/reservations?date=${date}`);
        expect({ date, status: res.status, paths: paths(res.body) }).toEqual({ date, status: 400, paths: ['query.date'] });
      }
      await list('date=2000-01-01');
      await list(`date=${addDays(today, 700)}`);
    });
  });

  describe('the business day', () => {
    it("lists the venue's local day, not the UTC day: 00:30 in Moscow is the previous evening in UTC", async () => {
      const later = addDays(day, 2);
      const early = await booked('Т2', { startsAt: at('00:30', later), durationMinutes: 60 });
      const late = await booked('Т2', { startsAt: at('23:30', later), durationMinutes: 60 });
      // 00:30 MSK is 21:30 UTC of the day before: still the Moscow day `later`.
      expect(early.startsAt.slice(0, 10)).toBe(addDays(later, -1));
      expect(early.date).toBe(later);
      const table = await t.table('Т2');
      expect((await list(`date=${later}&tableId=${table.id}`)).map((r) => r.id)).toEqual([early.id, late.id]);
      expect(await list(`date=${addDays(later, -1)}&tableId=${table.id}`)).toEqual([]);
      expect((await list(`date=${addDays(later, 1)}&tableId=${table.id}`)).map((r) => r.id)).toEqual([]);
    });

    it('filters by hall', async () => {
      const table = await t.table('Т3');
      const terrace = await booked('Т3', { startsAt: at('15:00') });
      const main = await booked('5', { startsAt: at('15:00') });
      const ids = (await list(`date=${day}&hallId=${table.hall_id}`)).map((r) => r.id);
      expect(ids).toContain(terrace.id);
      expect(ids).not.toContain(main.id);
    });
  });

  describe('the state machine', () => {
    it('cancels with a reason; a cancelled reservation cannot be seated, changed or cancelled again', async () => {
      const r = await booked('13', { startsAt: at('11:00'), guests: 6 });
      const noReason = await anna.post(`/pos/tables/reservations/${r.id}/cancel`, {});
      expect(noReason.status).toBe(400);
      expect(paths(noReason.body)).toContain('body.reason');

      const cancelled = await anna.post(`/pos/tables/reservations/${r.id}/cancel`, { reason: 'Перенесли на другой день', clientRequestId: requestId() });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Перенесли на другой день', version: 2 });

      for (const [url, body] of [
        [`/pos/tables/reservations/${r.id}/seat`, {}],
        [`/pos/tables/reservations/${r.id}/cancel`, { reason: 'ещё раз' }],
        [`/pos/tables/reservations/${r.id}/no-show`, {}],
      ] as const) {
        const res = await anna.post(url, body);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'reservation.illegal_transition', currentStatus: 'cancelled', allowed: [] });
      }
      const change = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 2, guests: 4 });
      expect(change.status).toBe(409);
      expect(change.body.code).toBe('reservation.illegal_transition');
    });

    it('marks a no-show only once the time has come', async () => {
      const soon = new Date(Date.now() + 10 * 60_000).toISOString();
      const r = await booked('Т4', { startsAt: soon, durationMinutes: 60 });
      const early = await anna.post(`/pos/tables/reservations/${r.id}/no-show`, {});
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('reservation.not_due');

      clock.now = () => new Date(Date.now() + 25 * 60_000);
      const res = await anna.post(`/pos/tables/reservations/${r.id}/no-show`, { clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'no-show', version: 2 });
      const seat = await anna.post(`/pos/tables/reservations/${r.id}/seat`, {});
      expect(seat.status).toBe(409);
      expect(seat.body).toMatchObject({ code: 'reservation.illegal_transition', currentStatus: 'no-show' });
    });

    it('changes a booked reservation with its version; a stale version or an overlapping change is a 409', async () => {
      const r = await booked('14', { startsAt: at('12:00'), guests: 4 });
      const other = await booked('14', { startsAt: at('18:00'), guests: 2 });
      const moved = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 1, startsAt: at('13:00'), guests: 5, note: 'Торт', clientRequestId: requestId() });
      expect(moved.status).toBe(200);
      // The length is kept when only the start moves.
      expect(moved.body).toMatchObject({ startsAt: at('13:00'), endsAt: at('15:00'), guests: 5, note: 'Торт', version: 2 });

      const stale = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 1, guests: 3 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'reservation.version_conflict', currentVersion: 2 });

      const onto = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 2, startsAt: at('17:00') });
      expect(onto.status).toBe(409);
      expect(onto.body).toMatchObject({ code: 'reservation.conflict', conflict: { id: other.id } });

      const past = await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 2, startsAt: new Date(Date.now() - 7_200_000).toISOString() });
      expect(past.status).toBe(400);
      expect(paths(past.body)).toContain('body.startsAt');
    });
  });

  describe('seating', () => {
    it('opens the table session for the party and links it to the reservation', async () => {
      const table = await t.table('1');
      const r = await booked('1', { startsAt: new Date(Date.now() + 20 * 60_000).toISOString(), guests: 2 });
      const res = await boris.post(`/pos/tables/reservations/${r.id}/seat`, { clientRequestId: requestId() });
      expect(res.status).toBe(200);
      expect(res.body.session).toMatchObject({ tableId: table.id, waiterId: boris.staffId, guests: 2, status: 'open' });
      expect(res.body.reservation).toMatchObject({ id: r.id, status: 'seated', sessionId: res.body.session.id, version: 2 });

      const view = (await anna.get('/pos/tables')).body.find((tb: { id: string }) => tb.id === table.id);
      expect(view).toMatchObject({ status: 'occupied', session: { id: res.body.session.id } });
      // The party sits there: another booking over their window is refused while they stay.
      const clash = await book('1', { startsAt: new Date(Date.now() + 60 * 60_000).toISOString() });
      expect(clash.status).toBe(409);
      expect(clash.body.conflict.id).toBe(r.id);
    });

    it('refuses to seat onto an occupied table (409 table.occupied) and too early (409)', async () => {
      const table = await t.table('Т6');
      const r = await booked('Т6', { startsAt: new Date(Date.now() + 30 * 60_000).toISOString(), guests: 3 });
      expect((await anna.post(`/pos/tables/${table.id}/open`, { guests: 2 })).status).toBe(201);
      const occupied = await anna.post(`/pos/tables/reservations/${r.id}/seat`, { guests: 3 });
      expect(occupied.status).toBe(409);
      expect(occupied.body.code).toBe('table.occupied');
      expect((await anna.get(`/pos/tables/reservations/${r.id}`)).body.status).toBe('booked');

      const later = await booked('Т7', { startsAt: at('19:00') });
      const early = await anna.post(`/pos/tables/reservations/${later.id}/seat`, {});
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('reservation.too_early');
    });
  });

  describe('permissions and the feature flag', () => {
    it('lets a cashier look but not book, and keeps a cook out', async () => {
      expect((await cashier.get(`/pos/tables/reservations?date=${day}`)).status).toBe(200);
      const res = await book('4', {}, cashier);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('auth.forbidden');
      expect((await cook.get(`/pos/tables/reservations?date=${day}`)).status).toBe(403);
    });

    it('refuses everything in a venue with reservations switched off', async () => {
      const waiter2 = await t.login('1111', 'demo-2');
      const list2 = await waiter2.get(`/pos/tables/reservations?date=${day}`);
      expect(list2.status).toBe(403);
      expect(list2.body.code).toBe('feature.disabled');
      const table = await t.table('1', 'demo-2');
      const res = await waiter2.post('/pos/tables/reservations', booking({ tableId: table.id }));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('feature.disabled');
    });

    it("never shows another venue's reservations or tables", async () => {
      const foreign = await t.table('1', 'demo-2');
      const res = await book('1', { tableId: foreign.id });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('table.not_found');
    });
  });

  describe('reservation.changed on the socket', () => {
    let socket: Socket;
    let other: Socket;
    afterAll(() => {
      socket?.disconnect();
      other?.disconnect();
    });

    const connect = (port: number, token: string) =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(`http://127.0.0.1:${port}/pos`, { path: '/ws', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });

    it('pushes every change to the screens of the venue, and to no other venue', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as AddressInfo).port;
      socket = await connect(port, boris.token!);
      other = await connect(port, (await t.login('1112', 'demo-2')).token!);
      const seen: { reservation: { id: string; status: string; version: number } }[] = [];
      const foreign: unknown[] = [];
      socket.on('reservation.changed', (p) => seen.push(p));
      other.on('reservation.changed', (p) => foreign.push(p));

      const r = await booked('Т8', { startsAt: at('21:00'), guests: 5 });
      await anna.patch(`/pos/tables/reservations/${r.id}`, { version: 1, guests: 6 });
      await anna.post(`/pos/tables/reservations/${r.id}/cancel`, { reason: 'Заболели' });
      const deadline = Date.now() + 5_000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
      expect(seen.map((e) => [e.reservation.id, e.reservation.status, e.reservation.version])).toEqual([
        [r.id, 'booked', 1],
        [r.id, 'booked', 2],
        [r.id, 'cancelled', 3],
      ]);
      expect(seen[0]).toMatchObject({ venueId: anna.venueId, reservation: { guestName: 'Иванова', tables: [{ label: 'Т8' }] } });
      // A refused booking changes nothing and pushes nothing.
      expect((await book('Т8', { startsAt: at('10:00'), guests: 12 })).status).toBe(400);
      await new Promise((ok) => setTimeout(ok, 150));
      expect(seen).toHaveLength(3);
      expect(foreign).toEqual([]);
    });
  });
});
