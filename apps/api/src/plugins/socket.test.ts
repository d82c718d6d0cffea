import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '../app';
import { openDatabase } from '../db/database';
import { type Client, createTestApp, requestId, type TestApp } from '../testing/harness';

/** Socket.IO at /ws with a real client: handshake auth, venue rooms, events, Redis fan-out. */

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const ABSENCE_MS = 300;

const sockets: Socket[] = [];

function portOf(app: FastifyInstance): number {
  return (app.server.address() as AddressInfo).port;
}

/** Connects and resolves once the handshake (with its auth middleware) has passed. */
function connect(port: number, namespace: '/menu-updates' | '/pos', token?: string): Promise<Socket> {
  const socket = io(`http://127.0.0.1:${port}${namespace}`, {
    path: '/ws',
    ...(token !== undefined ? { auth: { token } } : {}),
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5_000,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Resolves with the handshake error; fails if the connection is accepted. */
function connectError(port: number, namespace: '/menu-updates' | '/pos', token?: string): Promise<Error> {
  return connect(port, namespace, token).then(
    () => {
      throw new Error(`connection to ${namespace} was accepted`);
    },
    (err: Error) => err,
  );
}

/** Waits for the first `name` event whose payload matches; rejects after the timeout. */
function nextEvent<T = any>(socket: Socket, name: string, match: (payload: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(new Error(`no ${name} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

/** Records every `name` event from now on. */
function record<T = any>(socket: Socket, name: string): { events: T[]; stop(): void } {
  const events: T[] = [];
  const listener = (payload: T) => events.push(payload);
  socket.on(name, listener);
  return { events, stop: () => socket.off(name, listener) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function closeSockets() {
  for (const s of sockets.splice(0)) s.disconnect();
}

describe('Socket.IO on /ws', () => {
  let t: TestApp;
  let port: number;
  let waiter: Client;
  let cook: Client;
  let admin: Client;
  let waiter2: Client;
  let cook2: Client;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = portOf(t.app);
    [waiter, cook, admin, waiter2, cook2] = await Promise.all([
      t.login('1111'),
      t.login('4444'),
      t.login('999999'),
      t.login('1111', 'demo-2'),
      t.login('4444', 'demo-2'),
    ]);
  });
  afterAll(async () => {
    closeSockets();
    await t?.close();
  });
  afterEach(() => closeSockets());

  describe('handshake', () => {
    it.each(['/menu-updates', '/pos'] as const)('refuses %s without a token', async (namespace) => {
      const err = await connectError(port, namespace);
      expect(err.message).toBe('unauthorized');
    });

    it.each(['/menu-updates', '/pos'] as const)('refuses %s with an invalid token', async (namespace) => {
      expect((await connectError(port, namespace, 'not-a-jwt')).message).toBe('unauthorized');
      // A well-formed token with a forged signature is no better.
      const [header, payload] = waiter.token!.split('.');
      expect((await connectError(port, namespace, `${header}.${payload}.${'A'.repeat(43)}`)).message).toBe('unauthorized');
    });

    it('refuses the token of a session that has signed out', async () => {
      const boris = await t.login('1112');
      const out = await boris.post('/pos/auth/logout', {});
      expect(out.status).toBeLessThan(300);
      expect((await connectError(port, '/pos', boris.token)).message).toBe('unauthorized');
    });

    it('drops a staff member\'s open sockets at once when they are deactivated, re-roled or re-PINned, and a revoked tablet\'s', async () => {
      const created = await admin.post('/admin/staff', { name: 'Сокет Тест', role: 'waiter', pin: '7171' });
      expect(created.status).toBe(201);
      const staffId = created.body.id as string;
      const untilDisconnected = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

      let pin = '7171';
      const changes: { role?: string; pin?: string; isActive?: boolean }[] = [{ role: 'cashier' }, { pin: '7272' }, { isActive: false }];
      for (const change of changes) {
        const person = await t.login(pin);
        const socket = await connect(port, '/pos', person.token);
        const bystander = await connect(port, '/pos', waiter.token);
        const gone = untilDisconnected(socket);
        expect((await admin.patch(`/admin/staff/${staffId}`, change)).status).toBe(200);
        expect(await gone).toBe('io server disconnect');
        await sleep(ABSENCE_MS);
        expect(bystander.connected).toBe(true);
        if (change.pin) pin = change.pin;
      }

      // A revoked tablet: everyone signed in on it loses their sockets.
      const tablet = await t.enroll('demo', 'Отозванный');
      const anna = await t.anonymous.post('/pos/auth/login', { pin: '1111', ...(await tablet.signInProof()) });
      const socket = await connect(port, '/pos', anna.body.token);
      const bystander = await connect(port, '/pos', waiter.token);
      const gone = untilDisconnected(socket);
      expect((await admin.post(`/admin/devices/${tablet.deviceId}/revoke`, {})).status).toBe(200);
      expect(await gone).toBe('io server disconnect');
      await sleep(ABSENCE_MS);
      expect(bystander.connected).toBe(true);
    });

    it('accepts a valid staff token on both namespaces', async () => {
      const menu = await connect(port, '/menu-updates', waiter.token);
      const pos = await connect(port, '/pos', waiter.token);
      expect(menu.connected).toBe(true);
      expect(pos.connected).toBe(true);
    });
  });

  describe('/menu-updates', () => {
    it('pushes menu.stock to the venue room only, with the new menu version', async () => {
      const medovik = await t.product('medovik');
      const before = await waiter.get('/pos/menu');
      expect(before.status).toBe(200);

      const inDemo = await connect(port, '/menu-updates', waiter.token);
      const inDemo2 = await connect(port, '/menu-updates', waiter2.token);
      const onPos = await connect(port, '/pos', waiter.token);
      const demo2Events = record(inDemo2, 'menu.stock');
      const posEvents = record(onPos, 'menu.stock');

      const received = nextEvent(inDemo, 'menu.stock', (e) => e.productId === medovik.id);
      const patched = await cook.patch(`/pos/menu/products/${medovik.id}/stock`, { stock: 7 });
      expect(patched.status).toBe(200);
      const payload = await received;
      expect(payload).toMatchObject({ venueId: waiter.venueId, productId: medovik.id, stock: 7, isAvailable: true });
      expect(payload.menuVersion).toBeGreaterThan(before.body.version);
      expect(payload.menuVersion).toBe(patched.body.menuVersion);

      const stopListed = nextEvent(inDemo, 'menu.stock', (e) => e.productId === medovik.id && e.isAvailable === false);
      expect((await cook.patch(`/pos/menu/products/${medovik.id}/stock`, { isAvailable: false })).status).toBe(200);
      const second = await stopListed;
      expect(second.menuVersion).toBeGreaterThan(payload.menuVersion);

      await sleep(ABSENCE_MS);
      expect(demo2Events.events).toEqual([]);
      expect(posEvents.events).toEqual([]); // menu events travel on /menu-updates only

      // The demo-2 client is live: it gets its own venue's change, and demo's client does not.
      const demoEvents = record(inDemo, 'menu.stock');
      const medovik2 = await t.product('medovik', 'demo-2');
      const own = nextEvent(inDemo2, 'menu.stock', (e) => e.productId === medovik2.id);
      expect((await cook2.patch(`/pos/menu/products/${medovik2.id}/stock`, { stock: 4 })).status).toBe(200);
      expect(await own).toMatchObject({ venueId: waiter2.venueId, productId: medovik2.id, stock: 4, isAvailable: true });
      await sleep(ABSENCE_MS);
      expect(demoEvents.events).toEqual([]);

      expect((await cook.patch(`/pos/menu/products/${medovik.id}/stock`, { isAvailable: true })).status).toBe(200);
    });

    it('pushes menu.stock when an order takes tracked stock', async () => {
      const duck = await t.product('duck-breast');
      const inDemo = await connect(port, '/menu-updates', waiter.token);
      const received = nextEvent(inDemo, 'menu.stock', (e) => e.productId === duck.id);
      const created = await waiter.post('/pos/orders', { items: [{ productId: duck.id, quantity: 2 }], clientRequestId: requestId() });
      expect(created.status).toBe(201);
      expect(await received).toMatchObject({ productId: duck.id, stock: duck.stock! - 2, isAvailable: true });
    });

    it('sends nothing for a failed command or a replay', async () => {
      const tartare = await t.product('beef-tartare');
      const inDemo = await connect(port, '/menu-updates', waiter.token);
      const events = record(inDemo, 'menu.stock');

      const refused = await waiter.post('/pos/orders', { items: [{ productId: tartare.id, quantity: tartare.stock! + 1 }], clientRequestId: requestId() });
      expect(refused.status).toBe(409);
      await sleep(ABSENCE_MS);
      expect(events.events).toEqual([]);

      const body = { stock: 9, clientRequestId: requestId() };
      const first = nextEvent(inDemo, 'menu.stock', (e) => e.productId === tartare.id);
      expect((await cook.patch(`/pos/menu/products/${tartare.id}/stock`, body)).status).toBe(200);
      await first;
      const replay = await cook.patch(`/pos/menu/products/${tartare.id}/stock`, body);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      await sleep(ABSENCE_MS);
      expect(events.events).toHaveLength(1);
    });
  });

  describe('/pos', () => {
    it('pushes table.updated, order.updated and kitchen.ticket.updated through open, order and send', async () => {
      const table = await t.table('7');
      const steak = await t.product('ribeye-steak');
      const doneness = await t.database.db
        .selectFrom('modifier_options as o')
        .innerJoin('modifier_groups as g', 'g.id', 'o.group_id')
        .select('o.code')
        .where('g.code', '=', 'doneness')
        .orderBy('o.sort')
        .executeTakeFirstOrThrow();
      const medium = await t.option('doneness', doneness.code);
      const wine = await t.product('wine-red-glass');

      const pos = await connect(port, '/pos', waiter.token);
      const pos2 = await connect(port, '/pos', waiter2.token);
      const leaked = {
        order: record(pos2, 'order.updated'),
        table: record(pos2, 'table.updated'),
        ticket: record(pos2, 'kitchen.ticket.updated'),
      };

      const tableOpened = nextEvent(pos, 'table.updated', (e) => e.table.id === table.id && e.table.status !== 'free');
      const opened = await waiter.post(`/pos/tables/${table.id}/open`, { guests: 2, clientRequestId: requestId() });
      expect(opened.status).toBe(201);
      const tableEvent = await tableOpened;
      expect(tableEvent.venueId).toBe(waiter.venueId);
      expect(tableEvent.table.session).toMatchObject({ id: opened.body.id });

      const orderEvent = nextEvent(pos, 'order.updated', (e) => e.order.tableId === table.id);
      const tableAfterOrder = nextEvent(pos, 'table.updated', (e) => e.table.id === table.id && e.table.openTotal > 0);
      const created = await waiter.post('/pos/orders', {
        tableId: table.id,
        items: [
          { productId: steak.id, quantity: 1, modifierIds: [medium] },
          { productId: wine.id, quantity: 1 },
        ],
        clientRequestId: requestId(),
      });
      expect(created.status).toBe(201);
      const ordered = await orderEvent;
      expect(ordered.order).toMatchObject({ id: created.body.id, total: created.body.total, status: 'open' });
      expect((await tableAfterOrder).table.openTotal).toBe(created.body.total);

      const tickets: any[] = [];
      const bothStations = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${tickets.length} of 2 tickets`)), 5_000);
        const listener = (e: any) => {
          if (e.ticket.orderId !== created.body.id) return;
          tickets.push(e.ticket);
          if (tickets.length === 2) {
            clearTimeout(timer);
            pos.off('kitchen.ticket.updated', listener);
            resolve();
          }
        };
        pos.on('kitchen.ticket.updated', listener);
      });
      const orderFired = nextEvent(pos, 'order.updated', (e) => e.order.id === created.body.id && e.order.lines.every((l: any) => l.kitchenState === 'fired'));
      const fired = await waiter.post(`/pos/orders/${created.body.id}/send`, { clientRequestId: requestId() });
      expect(fired.status).toBe(200);
      await bothStations;
      expect(tickets.map((tk) => tk.stationCode).sort()).toEqual(['bar', 'hot']);
      expect(tickets.every((tk) => tk.status === 'queued')).toBe(true);
      await orderFired;

      // A cook bumping a ticket is pushed too, and so is its table: the floor tile shows the kitchen's progress.
      const hot = tickets.find((tk) => tk.stationCode === 'hot');
      const bumped = nextEvent(pos, 'kitchen.ticket.updated', (e) => e.ticket.id === hot.id && e.ticket.status === 'cooking');
      const tableReady = nextEvent(pos, 'table.updated', (e) => e.table.id === hot.tableId && e.table.kitchen.ready > 0);
      expect((await cook.post(`/pos/kitchen/tickets/${hot.id}/status`, { status: 'cooking' })).status).toBe(200);
      await bumped;
      expect((await cook.post(`/pos/kitchen/tickets/${hot.id}/status`, { status: 'ready' })).status).toBe(200);
      const readyTable = await tableReady;
      expect(readyTable.table.kitchen.ready).toBe(hot.items.reduce((n: number, i: { kind: string; quantity: number }) => n + (i.kind === 'add' ? i.quantity : 0), 0));

      await sleep(ABSENCE_MS);
      expect(leaked.order.events).toEqual([]);
      expect(leaked.table.events).toEqual([]);
      expect(leaked.ticket.events).toEqual([]);
    });

    it('pushes feature-flags.changed after PUT /admin/feature-flags, to that venue only', async () => {
      const pos = await connect(port, '/pos', waiter.token);
      const pos2 = await connect(port, '/pos', waiter2.token);
      const leaked = record(pos2, 'feature-flags.changed');

      const off = nextEvent(pos, 'feature-flags.changed', (e) => e.flags.upsell === false);
      const put = await admin.put('/admin/feature-flags', { flags: { upsell: false } });
      expect(put.status).toBe(200);
      const payload = await off;
      expect(payload.venueId).toBe(admin.venueId);
      expect(payload.flags).toEqual(put.body.flags);

      const on = nextEvent(pos, 'feature-flags.changed', (e) => e.flags.upsell === true);
      expect((await admin.put('/admin/feature-flags', { flags: { upsell: true } })).status).toBe(200);
      await on;

      await sleep(ABSENCE_MS);
      expect(leaked.events).toEqual([]);
    });
  });
});

describe('Socket.IO across two instances over Redis', () => {
  let t1: TestApp;
  let app2: FastifyInstance;
  let port1: number;
  let port2: number;

  beforeAll(async () => {
    t1 = await createTestApp({ redisUrl: REDIS_URL });
    // A second server on the same database (same SQLite file or PostgreSQL schema).
    app2 = await buildApp({ config: t1.config, database: openDatabase(t1.config) });
    await t1.app.listen({ port: 0, host: '127.0.0.1' });
    await app2.listen({ port: 0, host: '127.0.0.1' });
    port1 = portOf(t1.app);
    port2 = portOf(app2);
  });
  afterAll(async () => {
    closeSockets();
    await app2?.close();
    await t1?.close();
  });
  afterEach(() => closeSockets());

  /** Both instances' adapters have subscribed, so a broadcast from one reaches the other. */
  async function bothSubscribed() {
    for (const app of [t1.app, app2]) {
      for (const ns of ['/menu-updates', '/pos']) {
        const adapter = app.io.of(ns).adapter as unknown as { serverCount(): Promise<number> };
        const deadline = Date.now() + 5_000;
        while ((await adapter.serverCount()) < 2) {
          if (Date.now() > deadline) throw new Error(`redis adapter of ${ns} never saw the other instance`);
          await sleep(50);
        }
      }
    }
  }

  it('a change made on instance 1 reaches a client connected to instance 2', async () => {
    await bothSubscribed();
    const cook = await t1.login('4444');
    const waiter = await t1.login('1111');
    const napoleon = await t1.product('napoleon');

    const menuOn2 = await connect(port2, '/menu-updates', waiter.token);
    const posOn2 = await connect(port2, '/pos', waiter.token);

    const stock = nextEvent(menuOn2, 'menu.stock', (e) => e.productId === napoleon.id);
    const patched = await cook.patch(`/pos/menu/products/${napoleon.id}/stock`, { stock: 15 });
    expect(patched.status).toBe(200);
    expect(await stock).toMatchObject({ venueId: waiter.venueId, productId: napoleon.id, stock: 15, isAvailable: true, menuVersion: patched.body.menuVersion });

    const order = nextEvent(posOn2, 'order.updated', (e) => e.order.note === 'via instance 1');
    const created = await waiter.post('/pos/orders', { note: 'via instance 1', clientRequestId: requestId() });
    expect(created.status).toBe(201);
    expect((await order).order.id).toBe(created.body.id);
  });

  it('a change made on instance 2 reaches a client of instance 1, and stays in its venue', async () => {
    await bothSubscribed();
    const waiter = await t1.login('1111');
    const other = await t1.login('1111', 'demo-2');
    const posOn1 = await connect(port1, '/pos', waiter.token);
    const otherOn1 = await connect(port1, '/pos', other.token);
    const leaked = record(otherOn1, 'order.updated');

    const received = nextEvent(posOn1, 'order.updated', (e) => e.order.note === 'via instance 2');
    const res = await app2.inject({
      method: 'POST',
      url: '/pos/orders',
      headers: { authorization: `Bearer ${waiter.token}`, 'idempotency-key': requestId() },
      payload: { note: 'via instance 2' },
    });
    expect(res.statusCode).toBe(201);
    expect((await received).order.id).toBe(JSON.parse(res.body).id);

    await sleep(ABSENCE_MS);
    expect(leaked.events).toEqual([]);
  });
});
