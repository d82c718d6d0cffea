import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/test';
import { ROOT, startServer, type TestServer, WEB_ROOT } from './support/server';
import { apiLogin, openSection, signIn } from './support/staff';

const NEW_VERSION = '1.0.1-e2e';
const newBuild = path.join(WEB_ROOT, 'remotes/admin', NEW_VERSION);

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(newBuild, { recursive: true, force: true });
});

const shellFingerprint = () =>
  fs
    .readdirSync(WEB_ROOT)
    .filter((f) => f.endsWith('.js') || f === 'index.html')
    .sort()
    .map((f) => `${f}:${crypto.createHash('sha256').update(fs.readFileSync(path.join(WEB_ROOT, f))).digest('hex')}`)
    .join('\n');

test('publishing a new remote version changes what staff see on the next load; the shell is not rebuilt', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, server.url, '999999');
  await openSection(page, 'Администрирование');
  await expect(page.getByTestId('admin-version')).toContainText('1.0.0');
  const before = shellFingerprint();

  // Build only the admin remote, as its own deploy, into a new versioned folder.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--config', 'apps/admin/webpack.config.js'], {
    cwd: ROOT,
    env: { ...process.env, REMOTE_VERSION: NEW_VERSION },
    stdio: 'inherit',
  });
  expect(fs.existsSync(path.join(newBuild, 'mf-manifest.json'))).toBe(true);

  const admin = await apiLogin(server.url, '999999');
  const published = await admin.put<{ integrity?: string }>('/admin/remotes/admin', { version: NEW_VERSION, manifestUrl: `/remotes/admin/${NEW_VERSION}/mf-manifest.json` });
  // Publishing pinned the new build's entry: the shell loads it with this sha384 as its integrity.
  const entry = fs.readFileSync(path.join(newBuild, 'remoteEntry.js'));
  expect(published.integrity).toBe(`sha384-${crypto.createHash('sha384').update(entry).digest('base64')}`);
  // Notes the integrity attribute of every script element the page adds (the runtime removes them once loaded).
  await page.addInitScript(() => {
    const seen: Record<string, string | null> = {};
    (window as unknown as { __scriptIntegrity: typeof seen }).__scriptIntegrity = seen;
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof HTMLScriptElement && node.src) seen[node.src] = node.getAttribute('integrity');
    }).observe(document, { childList: true, subtree: true });
  });

  await page.reload();
  await expect(page.getByTestId('admin-version')).toContainText(NEW_VERSION);
  const integrity = await page.evaluate(() => (window as unknown as { __scriptIntegrity: Record<string, string | null> }).__scriptIntegrity);
  expect(integrity[`${server.url}/remotes/admin/${NEW_VERSION}/remoteEntry.js`]).toBe(published.integrity);
  expect(shellFingerprint()).toBe(before);
});
