import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { type Client, createTestApp, type TestApp } from '../testing/harness';

/**
 * Socket.IO delivers at most once: a tablet that drops off misses events. The menu version makes
 * that visible and GET /pos/menu/changes fills the gap, so after a reconnect nothing is missing.
 */
describe('menu resync across a reconnect', () => {
  let t: TestApp;
  let cook: Client;
  let waiter: Client;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    [cook, waiter] = await Promise.all([t.login('4444'), t.login('1111')]);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  const connect = (token: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(`http://127.0.0.1:${port}/menu-updates`, { path: '/ws', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const nextStock = (socket: Socket) =>
    new Promise<{ productId: string; isAvailable: boolean; menuVersion: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no menu.stock within 5 s')), 5_000);
      socket.once('menu.stock', (payload) => {
        clearTimeout(timer);
        resolve(payload);
      });
    });

  it('a tablet that was away catches up with exactly the changes it missed, then follows live again', async () => {
    const borscht = await t.product('borscht');
    const solyanka = await t.product('solyanka');
    const first = await connect(waiter.token!);
    const seen = nextStock(first);
    expect((await cook.patch(`/pos/menu/products/${borscht.id}/stock`, { isAvailable: false })).status).toBe(200);
    const last = await seen;
    first.disconnect();

    // While the tablet is away: two changes it never receives.
    await cook.patch(`/pos/menu/products/${solyanka.id}/stock`, { isAvailable: false });
    await cook.patch(`/pos/menu/products/${borscht.id}/stock`, { isAvailable: true });

    const again = await connect(waiter.token!);
    const missed = await waiter.get(`/pos/menu/changes?since=${last.menuVersion}`);
    expect(missed.status).toBe(200);
    expect(missed.body.snapshotRequired).toBeFalsy();
    expect(missed.body.changes.map((c: { version: number; productId: string; isAvailable: boolean }) => [c.version - last.menuVersion, c.productId, c.isAvailable])).toEqual([
      [1, solyanka.id, false],
      [2, borscht.id, true],
    ]);
    expect(missed.body.version).toBe(last.menuVersion + 2);

    // The snapshot agrees with the replayed state.
    const menu = (await waiter.get('/pos/menu')).body;
    expect(menu.version).toBe(missed.body.version);
    expect(menu.products.find((p: { id: string }) => p.id === solyanka.id).isAvailable).toBe(false);

    // Live again, with no gap after the catch-up.
    const live = nextStock(again);
    await cook.patch(`/pos/menu/products/${solyanka.id}/stock`, { isAvailable: true });
    expect((await live).menuVersion).toBe(missed.body.version + 1);
  });
});
