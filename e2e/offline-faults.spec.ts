import { expect, test } from './support/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { serverBehindFaultProxy } from './support/proxied-server';
import { apiLogin, openSection, signIn } from './support/staff';

/**
 * Fault injection during a scripted shift. The tablet reaches the API only through a TCP proxy
 * the test controls. Faults injected, from a seeded random sequence:
 * - 50 network toggles (cut: every connection incl. the WebSocket reset, new ones refused / restore),
 * - dropped responses (the request reached the server and was committed, the answer is lost),
 * - one API restart (process killed and started again on the same database) while the outbox replays.
 * Afterwards the database must hold every order, line and payment exactly once.
 */
const env = serverBehindFaultProxy();

/** Mulberry32: the same faults on every run (a failure can be replayed). */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TABLES = ['11', '12', '13', '14'];
const TOGGLES = 50;

test('50 network toggles, lost responses and an API restart mid-replay: 0 lost, 0 doubled orders, lines or payments', async ({ browser }) => {
  test.setTimeout(300_000);
  const random = seeded(20261125);
  const cashier = await apiLogin(env.server.url, '333333'); // the supervisor takes the money on their own cash shift
  await cashier.post('/pos/shifts', { openingFloat: 500000 });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(page, env.proxy.url, '333333');
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  await page.waitForTimeout(1_000);

  let toggles = 0;
  const fault = async () => {
    const r = random();
    if (env.proxy.isCut || (r < 0.5 && toggles < TOGGLES)) {
      if (env.proxy.isCut) env.proxy.restore();
      else env.proxy.cut();
      toggles++;
    } else {
      env.proxy.dropResponses(1 + Math.floor(random() * 2));
    }
    await page.waitForTimeout(Math.floor(random() * 300));
  };

  // What the tablet and the server hold, printed when a step fails (faults are timing-sensitive).
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource|WebSocket connection/.test(m.text()) && console.log(`[page] ${m.text()}`));
  test.info().annotations.push({ type: 'seed', description: '20261125' });

  /** The tablet's outbox and cached orders, and the server's orders: printed when a step fails. */
  const diagnose = async () => {
    const local = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('pos-offline');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (store: string) =>
        new Promise<unknown[]>((resolve) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
        });
      return { outbox: await all('outbox'), idMap: await all('idMap'), versions: await all('versions') };
    });
    console.log('[diagnose] local', JSON.stringify(local, (k, v) => (k === 'effect' || k === 'order' ? undefined : v)));
    const open = await cashier.get<{ id: string; version: number; lines: { id: string; name: string; kitchenState: string }[] }[]>('/pos/orders?status=open').catch((e) => String(e));
    console.log('[diagnose] server open orders', JSON.stringify(open));
  };
  const step = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      await diagnose().catch((e) => console.log('[diagnose] failed', e));
      throw error;
    }
  };

  for (const label of TABLES) {
    await openSection(page, 'Зал');
    await fault();
    await page.getByTestId(`table-${label}`).click();
    await page.getByTestId('seat-confirm').click();
    await expect(page.getByTestId('order-screen')).toBeVisible();
    await fault();
    await page.getByTestId('category-Супы').click();
    await page.getByTestId('product-borscht').click();
    await expect(page.getByTestId('line-Борщ')).toBeVisible();
    await fault();
    await page.getByTestId('product-solyanka').click();
    await step(() => expect(page.getByTestId('line-Солянка сборная мясная')).toBeVisible());
    await fault();
    await page.getByTestId('order-fire').click();
    await step(() => expect(page.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', /^(fired|queued)$/));
    await fault();
    await page.getByTestId('order-pay').click();
    await page.getByTestId('pay-method-cash').click();
    await page.getByTestId('pay-submit').click();
    await expect(page.getByTestId('pay-result')).toBeVisible();
    await fault();
    await page.getByTestId('pay-close-table').click();
    await expect(page.getByTestId('floor-screen')).toBeVisible();
    await expect(page.getByTestId(`table-${label}`)).toHaveAttribute('data-status', 'free');
  }

  // The rest of the toggles while the queue drains, with the API restarted in the middle.
  if (!env.proxy.isCut) {
    env.proxy.cut();
    toggles++;
  }
  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  env.proxy.restore();
  toggles++;
  await page.waitForTimeout(150);
  await env.server.kill();
  await page.waitForTimeout(500);
  await env.server.restart();
  while (toggles < TOGGLES) {
    if (env.proxy.isCut) env.proxy.restore();
    else env.proxy.cut();
    toggles++;
    await page.waitForTimeout(100 + Math.floor(random() * 400));
  }
  if (env.proxy.isCut) env.proxy.restore();
  expect(toggles).toBe(TOGGLES);

  await expect(page.getByTestId('connectivity')).toHaveAttribute('data-state', 'online', { timeout: 90_000 });
  // Nothing was handed to a person: a failure prints the outbox (with each record's last error).
  await step(() => expect(page.getByTestId('outbox-attention')).toHaveCount(0));

  // Count in the database itself.
  const db = new Database(path.join(env.server.dataDir, 'pos.db'), { readonly: true });
  try {
    const orders = db.prepare(`select o.id, t.label, o.status from orders o join tables t on t.id = o.table_id where t.label in (${TABLES.map(() => '?').join(',')})`).all(...TABLES) as { id: string; label: string; status: string }[];
    const lines = db.prepare(`select order_id, count(*) n, sum(quantity) q, sum(fired_quantity) f from order_lines where order_id in (${orders.map(() => '?').join(',')}) group by order_id`).all(...orders.map((o) => o.id)) as { order_id: string; n: number; q: number; f: number }[];
    const payments = db.prepare(`select order_id, count(*) n from payments where order_id in (${orders.map(() => '?').join(',')}) group by order_id`).all(...orders.map((o) => o.id)) as { order_id: string; n: number }[];
    const sessions = db.prepare(`select t.label, s.status from table_sessions s join tables t on t.id = s.table_id where t.label in (${TABLES.map(() => '?').join(',')})`).all(...TABLES) as { label: string; status: string }[];
    test.info().annotations.push({ type: 'faults', description: `${toggles} toggles, ${env.proxy.dropped} dropped responses, 1 API restart` });
    console.log(`[faults] ${toggles} toggles, ${env.proxy.dropped} dropped responses, 1 API restart → orders ${orders.length}, lines ${lines.reduce((s, l) => s + l.n, 0)}, payments ${payments.reduce((s, p) => s + p.n, 0)}`);

    expect(env.proxy.dropped).toBeGreaterThan(0);
    expect(orders.map((o) => [o.label, o.status]).sort()).toEqual(TABLES.map((l) => [l, 'paid']));
    expect(lines.map((l) => [l.n, l.q, l.f])).toEqual(orders.map(() => [2, 2, 2]));
    expect(payments.map((p) => p.n)).toEqual(orders.map(() => 1));
    expect(sessions.map((s) => [s.label, s.status]).sort()).toEqual(TABLES.map((l) => [l, 'closed']));
  } finally {
    db.close();
  }
});
