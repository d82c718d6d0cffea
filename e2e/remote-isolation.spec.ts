import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, test } from './support/test';
import { startServer, type TestServer, WEB_ROOT } from './support/server';
import { apiLogin, signIn } from './support/staff';

const remotesDir = path.join(WEB_ROOT, 'remotes');
const TAMPERED_VERSION = '1.0.0-e2e-tampered';
const tamperedDir = path.join(remotesDir, 'upsell', TAMPERED_VERSION);
const missingDir = path.join(remotesDir, 'missing');
const sri = (file: string) => `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(server.url, '999999');
  // A remote whose build is gone after it was published: the next start leaves it without a hash.
  fs.cpSync(path.join(remotesDir, 'faulty/1.0.0'), path.join(missingDir, '1.0.0'), { recursive: true });
  await admin.put('/admin/remotes/missing', { feature: 'reservations', version: '1.0.0', manifestUrl: '/remotes/missing/1.0.0/mf-manifest.json' });
  fs.rmSync(missingDir, { recursive: true, force: true });
  // A remote whose build throws when loaded.
  await admin.put('/admin/remotes/faulty', { feature: 'loyalty', version: '1.0.0', manifestUrl: '/remotes/faulty/1.0.0/mf-manifest.json' });
  // The real upsell build, published as its own version: the registry pins its entry's sha384…
  fs.cpSync(path.join(remotesDir, 'upsell/1.0.0'), tamperedDir, { recursive: true });
  const published = await admin.put<{ integrity?: string }>('/admin/remotes/upsell', { version: TAMPERED_VERSION, manifestUrl: `/remotes/upsell/${TAMPERED_VERSION}/mf-manifest.json` });
  expect(published.integrity).toBe(sri(path.join(tamperedDir, 'remoteEntry.js')));

  await server.restart();
  const afterRestart = await (await apiLogin(server.url, '999999')).get<{ remotes: { name: string; integrity?: string }[] }>('/admin/remotes');
  expect(afterRestart.remotes.find((r) => r.name === 'missing')).not.toHaveProperty('integrity');
  expect(afterRestart.remotes.find((r) => r.name === 'upsell')?.integrity).toBe(published.integrity);

  // …and then the file on the server changes (a swapped or tampered deploy): the hash no longer matches.
  const entry = path.join(tamperedDir, 'remoteEntry.js');
  fs.appendFileSync(entry, '\n;globalThis.__tampered = true;\n');
  // The build's pre-compressed copies are what a browser gets (Accept-Encoding: br, gzip): the
  // swapped deploy swaps them too. (A stale copy left behind would fail the hash the same way.)
  const tampered = fs.readFileSync(entry);
  if (fs.existsSync(`${entry}.br`)) fs.writeFileSync(`${entry}.br`, zlib.brotliCompressSync(tampered));
  if (fs.existsSync(`${entry}.gz`)) fs.writeFileSync(`${entry}.gz`, zlib.gzipSync(tampered));
  expect(sri(entry)).not.toBe(published.integrity);
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(tamperedDir, { recursive: true, force: true });
  fs.rmSync(missingDir, { recursive: true, force: true });
});

test('a missing, a throwing and a tampered remote show as unavailable while the waiter takes and fires an order', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  await signIn(page, server.url, '1111');
  await expect(page.getByTestId('floor-screen')).toBeVisible();

  // The core screens do not wait for remotes: seat a table and order right away.
  await page.getByTestId('table-3').click();
  await expect(page.getByTestId('guests-dialog')).toBeVisible();
  await page.getByTestId('seat-confirm').click();
  await expect(page.getByTestId('order-screen')).toBeVisible();
  await page.getByTestId('category-Супы').click();
  await page.getByTestId('product-borscht').click();
  await expect(page.getByTestId('line-Борщ')).toBeVisible();
  await page.getByTestId('order-fire').click();

  const admin = await apiLogin(server.url, '999999');
  await expect
    .poll(async () => (await admin.get<{ stationCode: string }[]>('/pos/kitchen/tickets')).map((t) => t.stationCode))
    .toEqual(['hot']);

  // Meanwhile the broken remotes ended up as placeholders, each after one retry.
  await expect(page.getByTestId('remote-failed-missing')).toBeVisible();
  await expect(page.getByTestId('remote-failed-missing')).toHaveAttribute('title', /no integrity hash/);
  await expect(page.getByTestId('remote-failed-faulty')).toBeVisible();
  // The tampered entry: Chromium fetched it and refused to run it (its sha384 is not the registry's).
  await expect(page.getByTestId('remote-failed-upsell')).toBeVisible();
  expect(messages.some((m) => m.includes('integrity') && m.includes(`/remotes/upsell/${TAMPERED_VERSION}/remoteEntry.js`))).toBe(true);
  expect(await page.evaluate(() => (globalThis as { __tampered?: boolean }).__tampered)).toBeUndefined();
  await page.screenshot({ path: 'tmp/e2e-shots/isolation.png' });
});
