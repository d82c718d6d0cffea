import { expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

/**
 * Fault injected: the API server is stopped (its process killed) while the tablet is signed in.
 * Playwright's context.setOffline does not cut a service worker's own traffic, so only a server
 * that is really gone proves the page is served from the worker's caches.
 * Proven here: the worker part (precached shell, cached remote files). The app's data while
 * offline (IndexedDB) is another spec's business.
 */
let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

interface Manifest {
  exposes: { name: string; assets: { js: { sync: string[]; async: string[] } } }[];
}

/** Fetches a URL from inside the page (through its service worker): status and whether Cache Storage holds it. */
const fetchFromPage = (page: Page, url: string) =>
  page.evaluate(async (u) => {
    const res = await fetch(u).catch(() => null);
    return { status: res?.status ?? 0, body: res?.ok ? await res.text() : '', isCached: Boolean(await caches.match(u)) };
  }, url);

test('with the server gone, a reload brings the shell back from the service worker, admin remote files included', async ({ page }) => {
  const admin = await apiLogin(server.url, '999999', 'demo');
  const { remotes } = await admin.get<{ remotes: { name: string; manifestUrl: string }[] }>('/pos/config');
  const manifestUrl = new URL(remotes.find((r) => r.name === 'admin')!.manifestUrl, server.url).href;
  const manifest = (await (await fetch(manifestUrl)).json()) as Manifest;
  const plugin = manifest.exposes.find((e) => e.name === 'plugin')!;
  // A lazy chunk is fetched only by the preload after sign-in, never by loading the plugin.
  const lazyChunk = new URL(plugin.assets.js.async[0], manifestUrl).href;
  const pluginChunk = new URL(plugin.assets.js.sync[0], manifestUrl).href;

  await signIn(page, server.url, '999999', 'demo');
  await expect(page.locator('header nav').getByRole('button', { name: 'Администрирование', exact: true })).toBeVisible();

  // The worker installs after the page loads and then takes control of it (clientsClaim).
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/\/sw\.js$/);
  // The admin remote's manifest, its plugin and its lazy chunk end up in the worker's caches.
  for (const url of [manifestUrl, pluginChunk, lazyChunk]) {
    // (The worker fetches what the page loaded before it took control: allow a loaded machine time.)
    await expect.poll(() => page.evaluate((u) => caches.match(u).then(Boolean), url), { message: url, timeout: 30_000 }).toBe(true);
  }

  await server.kill();
  expect((await fetch(`${server.url}/pos/ping`).catch(() => null))?.ok ?? false).toBe(false);

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(reloaded?.status()).toBe(200);
  await expect(page).toHaveTitle('POS');
  // The shell's JS ran from the precache: React rendered the signed-in header (the session is local).
  await expect(page.getByTestId('staff-name')).toBeVisible();

  const fromCache = await fetchFromPage(page, manifestUrl);
  expect(fromCache.status).toBe(200);
  expect((JSON.parse(fromCache.body) as Manifest).exposes.map((e) => e.name)).toContain('plugin');
  for (const url of [pluginChunk, lazyChunk]) {
    const chunk = await fetchFromPage(page, url);
    expect(chunk, url).toMatchObject({ status: 200, isCached: true });
    expect(chunk.body.length).toBeGreaterThan(0);
  }
  // API responses are never cached: with the server gone they fail.
  expect((await fetchFromPage(page, `${server.url}/pos/ping`)).status).toBe(0);

  // The server comes back: the next reload is online again and the admin remote is there.
  await server.restart();
  await page.reload();
  await expect(page.locator('header nav').getByRole('button', { name: 'Администрирование', exact: true })).toBeVisible();
});
