import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';

const PROBLEM_JSON = /^application\/problem\+json/;
/** The distinct field paths of a problem (a field may break two rules at once). */
const paths = (body: { errors?: { path: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.path))];
/** In the tables below, CDN_HOST stands for the allowed CDN's host:port (known only at run time). */
const ALLOWED = 'http://CDN_HOST/remotes/admin/1.1.0/mf-manifest.json';
const sri = (text: string) => `sha384-${crypto.createHash('sha384').update(text).digest('base64')}`;

type Manifest = { metaData: Record<string, unknown> & { remoteEntry: Record<string, unknown> } } & Record<string, unknown>;

/** The mf-manifest.json @module-federation/enhanced writes for a remote (the fields the runtime reads). */
const manifestOf = (name: string, version: string): Manifest => ({
  id: name,
  name,
  metaData: {
    name,
    type: 'app',
    buildInfo: { buildVersion: version, buildName: name },
    remoteEntry: { name: 'remoteEntry.js', path: '', type: 'global' },
    types: { path: '', name: '', zip: '', api: '' },
    globalName: name,
    pluginVersion: '2.9.3',
    prefetchInterface: false,
    publicPath: 'auto',
  },
  shared: [],
  remotes: [],
  exposes: [{ id: `${name}:plugin`, name: 'plugin', path: './plugin', assets: { js: { sync: [], async: [] }, css: { sync: [], async: [] } } }],
});

/** Writes a remote's build into a web root as `nx build` would: <root>/remotes/<name>/<version>/. Returns the entry's text. */
function writeBuild(webRoot: string, name: string, version: string, options: { entry?: string; manifest?: (m: Manifest) => unknown } = {}) {
  const dir = path.join(webRoot, 'remotes', name, version);
  fs.mkdirSync(dir, { recursive: true });
  const entry = options.entry ?? `var ${name}; /* ${name} ${version} built ${Math.random()} */`;
  fs.writeFileSync(path.join(dir, 'remoteEntry.js'), entry);
  const manifest = options.manifest ? options.manifest(manifestOf(name, version)) : manifestOf(name, version);
  fs.writeFileSync(path.join(dir, 'mf-manifest.json'), JSON.stringify(manifest));
  return entry;
}

/** A CDN on another origin: a real HTTP server answering from `files` (a string, or [status, location] for a redirect). */
async function startCdn() {
  const files = new Map<string, string | [number, string]>();
  const server = http.createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (file === undefined) {
      res.writeHead(404).end('not found');
    } else if (Array.isArray(file)) {
      res.writeHead(file[0], { location: file[1] }).end();
    } else {
      res.writeHead(200, { 'content-type': req.url?.endsWith('.json') ? 'application/json' : 'text/javascript' }).end(file);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, files, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('remote registry: URL rules and entry integrity (issue 13)', () => {
  let t: TestApp;
  let admin: Client;
  let admin2: Client;
  let waiter: Client;
  let supervisor: Client;
  let cdn: Awaited<ReturnType<typeof startCdn>>;
  let webRoot: string;
  /** The entries built before the server started. */
  const built: Record<string, string> = {};

  beforeAll(async () => {
    cdn = await startCdn();
    webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-remotes-web-'));
    // What `npm start` finds after its build: two of the seeded remotes are built, the others not.
    built.admin = writeBuild(webRoot, 'admin', '1.0.0');
    built.notifications = writeBuild(webRoot, 'notifications', '1.0.0');
    t = await createTestApp({ webRoot, remoteOrigins: [cdn.origin] });
    admin = await t.login('999999');
    admin2 = await t.login('999999', 'demo-2');
    waiter = await t.login('1111');
    supervisor = await t.login('333333');
  });
  afterAll(async () => {
    await t?.close();
    await cdn?.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  const registry = async (who: Client = admin) => (await who.get('/admin/remotes')).body.remotes as { name: string; version: string; manifestUrl: string; integrity?: string }[];
  const entryOf = async (name: string, who: Client = admin) => (await registry(who)).find((r) => r.name === name);
  const auditRows = (venueId: string, action: string) =>
    t.database.db.selectFrom('audit_log').selectAll().where('venue_id', '=', venueId).where('action', '=', action).orderBy('created_at').execute();

  describe('at start', () => {
    it('hashes the built remotes in the web root for every venue; an unbuilt one gets no hash', async () => {
      for (const who of [admin, admin2]) {
        expect(await entryOf('admin', who)).toMatchObject({ version: '1.0.0', integrity: sri(built.admin) });
        expect(await entryOf('notifications', who)).toMatchObject({ integrity: sri(built.notifications) });
        // payments is seeded but not built: no hash, so the shell will not load it.
        expect(await entryOf('payments', who)).not.toHaveProperty('integrity');
      }
    });

    it('GET /pos/config hands the hashes to the shell', async () => {
      const res = await waiter.get('/pos/config');
      expect(res.status).toBe(200);
      expect(res.body.remotes).toContainEqual({
        name: 'admin',
        feature: 'admin',
        version: '1.0.0',
        manifestUrl: '/remotes/admin/1.0.0/mf-manifest.json',
        integrity: sri(built.admin),
        updatedAt: expect.any(String),
      });
      expect(res.body.remotes.find((r: { name: string }) => r.name === 'payments')).not.toHaveProperty('integrity');
    });

    it('a rebuild of the same version gets its new hash on the next start; a build that is gone loses its hash; a new build gains one', async () => {
      const rebuilt = writeBuild(webRoot, 'admin', '1.0.0');
      expect(sri(rebuilt)).not.toBe(sri(built.admin));
      fs.rmSync(path.join(webRoot, 'remotes/notifications'), { recursive: true });
      const payments = writeBuild(webRoot, 'payments', '1.0.0');
      // Nothing changes while the server runs…
      expect((await entryOf('admin'))?.integrity).toBe(sri(built.admin));

      await t.restart();
      for (const who of [admin, admin2]) {
        expect((await entryOf('admin', who))?.integrity).toBe(sri(rebuilt));
        expect(await entryOf('notifications', who)).not.toHaveProperty('integrity');
        expect((await entryOf('payments', who))?.integrity).toBe(sri(payments));
      }
      built.admin = rebuilt;
    });
  });

  describe('publishing', () => {
    it('PUT computes the hash of the entry the manifest names; /pos/config and the audit carry it', async () => {
      const entry = writeBuild(webRoot, 'admin', '1.1.0');
      const manifestUrl = '/remotes/admin/1.1.0/mf-manifest.json';
      const res = await admin.put('/admin/remotes/admin', { version: '1.1.0', manifestUrl });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'admin', version: '1.1.0', manifestUrl, integrity: sri(entry) });

      const config = await waiter.get('/pos/config');
      expect(config.body.remotes).toContainEqual(expect.objectContaining({ name: 'admin', version: '1.1.0', manifestUrl, integrity: sri(entry) }));
      // demo-2 keeps its own entry.
      expect(await entryOf('admin', admin2)).toMatchObject({ version: '1.0.0', integrity: sri(built.admin) });
      const rows = await auditRows(admin.venueId!, 'remote.published');
      expect(JSON.parse(rows[rows.length - 1].details)).toMatchObject({ version: '1.1.0', manifestUrl, integrity: sri(entry) });
    });

    it('follows the manifest to its entry (remoteEntry.path, an absolute publicPath on this server)', async () => {
      const entry = writeBuild(webRoot, 'admin', '1.2.0', {
        manifest: (m) => ({ ...m, metaData: { ...m.metaData, publicPath: '/remotes/admin/1.2.0/', remoteEntry: { name: 'remoteEntry.js', path: 'js', type: 'global' } } }),
      });
      fs.mkdirSync(path.join(webRoot, 'remotes/admin/1.2.0/js'));
      fs.renameSync(path.join(webRoot, 'remotes/admin/1.2.0/remoteEntry.js'), path.join(webRoot, 'remotes/admin/1.2.0/js/remoteEntry.js'));
      const res = await admin.put('/admin/remotes/admin', { version: '1.2.0', manifestUrl: '/remotes/admin/1.2.0/mf-manifest.json' });
      expect(res.status).toBe(200);
      expect(res.body.integrity).toBe(sri(entry));
    });

    it('a version that is not built is refused (400 at body.manifestUrl), the registry unchanged', async () => {
      const before = await entryOf('admin');
      const res = await admin.put('/admin/remotes/admin', { version: '9.9.9', manifestUrl: '/remotes/admin/9.9.9/mf-manifest.json' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.code).toBe('remote.build_not_found');
      expect(paths(res.body)).toEqual(['body.manifestUrl']);
      expect(await entryOf('admin')).toEqual(before);
    });

    it.each([
      ['an entry in another folder (path ..)', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, remoteEntry: { name: 'remoteEntry.js', path: '../1.0.0', type: 'global' } } }), 'remote.entry_outside_folder'],
      ['an entry named ../../payments/…', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, remoteEntry: { name: '../../payments/1.0.0/remoteEntry.js', path: '', type: 'global' } } }), 'remote.entry_outside_folder'],
      ['an entry with encoded dots', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, remoteEntry: { name: '%2e%2e/%2e%2e/payments/1.0.0/remoteEntry.js', path: '', type: 'global' } } }), 'remote.entry_outside_folder'],
      ['a publicPath on another origin', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, publicPath: 'https://evil.example/' } }), 'remote.entry_outside_folder'],
      ['a protocol-relative publicPath', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, publicPath: '//evil.example/' } }), 'remote.manifest_invalid'],
      ['a publicPath computed at run time', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, publicPath: undefined, getPublicPath: 'return "https://evil.example/"' } }), 'remote.manifest_invalid'],
      ['an ES module entry (SRI does not apply)', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' } } }), 'remote.manifest_invalid'],
      ['no remoteEntry', (m: Manifest) => ({ ...m, metaData: { ...m.metaData, remoteEntry: undefined } }), 'remote.manifest_invalid'],
    ])('a manifest with %s is refused', async (_what, manifest, code) => {
      const version = `3.0.${crypto.randomInt(1_000_000)}`;
      writeBuild(webRoot, 'admin', version, { manifest });
      const before = await entryOf('admin');
      const res = await admin.put('/admin/remotes/admin', { version, manifestUrl: `/remotes/admin/${version}/mf-manifest.json` });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(paths(res.body)).toEqual(['body.manifestUrl']);
      expect(await entryOf('admin')).toEqual(before);
    });

    it('is for admins only, and a refused publish never reads the files', async () => {
      expect((await waiter.get('/admin/remotes/admin')).status).toBe(403);
      const put = await supervisor.put('/admin/remotes/admin', { version: '6.6.6', manifestUrl: '/remotes/admin/1.1.0/mf-manifest.json' });
      expect(put.status).toBe(403);
      expect((await entryOf('admin'))?.version).not.toBe('6.6.6');
    });

    it('a new remote needs its feature (checked before the files)', async () => {
      const res = await admin.put('/admin/remotes/guest-sms', { version: '1.0.0', manifestUrl: '/remotes/guest-sms/1.0.0/mf-manifest.json' });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['body.feature']);
      expect((await admin.get('/admin/remotes/guest-sms')).status).toBe(404);
    });

    it('/pos/config lists remotes of enabled features only', async () => {
      // The loyalty remote is seeded (issue 18); a new version of it is published here.
      expect((await admin.get('/admin/remotes/loyalty')).body).toMatchObject({ feature: 'loyalty', version: '1.0.0' });
      const entry = writeBuild(webRoot, 'loyalty', '2.0.0');
      const created = await admin.put('/admin/remotes/loyalty', { feature: 'loyalty', version: '2.0.0', manifestUrl: '/remotes/loyalty/2.0.0/mf-manifest.json' });
      expect(created.status).toBe(200);
      expect(created.body).toMatchObject({ name: 'loyalty', feature: 'loyalty', version: '2.0.0', integrity: sri(entry) });

      const names = async (who: Client) => (await who.get('/pos/config')).body.remotes.map((r: { name: string }) => r.name).sort();
      expect(await names(waiter)).toEqual(['admin', 'finance-dashboard', 'integrations', 'loyalty', 'notifications', 'payments', 'promotions', 'reservations', 'shift', 'upsell']);
      await admin.put('/admin/feature-flags', { flags: { loyalty: false } });
      expect(await names(waiter)).toEqual(['admin', 'finance-dashboard', 'integrations', 'notifications', 'payments', 'promotions', 'reservations', 'shift', 'upsell']);
      expect((await admin.get('/admin/remotes/loyalty')).status).toBe(200);
      await admin.put('/admin/feature-flags', { flags: { loyalty: true } });
      expect(await names(waiter)).toEqual(['admin', 'finance-dashboard', 'integrations', 'loyalty', 'notifications', 'payments', 'promotions', 'reservations', 'shift', 'upsell']);

      // demo-2 has loyalty off: its own loyalty remote is registered but not handed out.
      expect((await admin2.put('/admin/remotes/loyalty', { feature: 'loyalty', version: '2.0.0', manifestUrl: '/remotes/loyalty/2.0.0/mf-manifest.json' })).status).toBe(200);
      expect(await names(admin2)).toEqual(['admin', 'notifications', 'payments', 'shift']);
    });
  });

  describe('manifest URL rules', () => {
    beforeAll(() => {
      // Real builds where the tricks point, so only the rule can refuse them.
      writeBuild(webRoot, 'payments', '1.0.0');
      writeBuild(webRoot, 'admin', '1.1.0');
    });

    it.each([
      ['protocol-relative //host', '//evil.example/remotes/admin/1.1.0/mf-manifest.json'],
      ['a .. segment into another remote', '/remotes/admin/../payments/1.0.0/mf-manifest.json'],
      ['.. after the version', '/remotes/admin/1.1.0/../../payments/1.0.0/mf-manifest.json'],
      ['a . segment', '/remotes/admin/./1.1.0/mf-manifest.json'],
      ['encoded dots', '/remotes/admin/%2e%2e/payments/1.0.0/mf-manifest.json'],
      ['upper-case encoded dots', '/remotes/admin/%2E%2E/payments/1.0.0/mf-manifest.json'],
      ['an encoded slash', '/remotes/admin/1.1.0%2fmf-manifest.json'],
      ['backslashes', '/remotes\\admin\\1.1.0\\mf-manifest.json'],
      ['a backslash ..', '/remotes/admin/1.1.0/..\\..\\payments\\1.0.0\\mf-manifest.json'],
      ['a double slash', '/remotes//admin/1.1.0/mf-manifest.json'],
      ['a query', '/remotes/admin/1.1.0/mf-manifest.json?next=//evil.example'],
      ['a fragment', '/remotes/admin/1.1.0/mf-manifest.json#x'],
      ['another remote’s folder', '/remotes/payments/1.0.0/mf-manifest.json'],
      ['a path outside /remotes', '/evil/mf-manifest.json'],
      ['a file that is not the manifest', '/remotes/admin/1.1.0/remoteEntry.js'],
      ['the remote folder itself', '/remotes/admin/'],
      ['an origin that is not allowed', 'https://evil.example/remotes/admin/1.1.0/mf-manifest.json'],
      ['an allowed origin with user info', ALLOWED.replace('http://', 'http://user@')],
      ['an allowed origin with a query', `${ALLOWED}?x=1`],
      ['an allowed origin with a fragment', `${ALLOWED}#x`],
      ['an allowed origin, another remote’s folder', ALLOWED.replace('/admin/', '/payments/')],
      ['an allowed origin with ..', ALLOWED.replace('/remotes/admin/', '/remotes/admin/../admin/')],
      ['an allowed origin with encoded dots', ALLOWED.replace('/remotes/admin/', '/remotes/admin/%2e%2e/admin/')],
      ['an allowed origin in upper case', ALLOWED.replace('http://', 'HTTP://')],
      ['an allowed host over another scheme', ALLOWED.replace('http://', 'https://')],
      ['an allowed host on another port', ALLOWED.replace('CDN_HOST', 'CDN_HOST0')],
      ['a relative path', 'remotes/admin/1.1.0/mf-manifest.json'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a data: URL', 'data:application/json,{}'],
      ['an ftp URL', 'ftp://cdn.example.com/remotes/admin/1.1.0/mf-manifest.json'],
      ['an empty URL', ''],
    ])('refuses %s with 400 at body.manifestUrl, changing nothing', async (_what, raw) => {
      const manifestUrl = raw.replace('CDN_HOST', new URL(cdn.origin).host);
      const before = await entryOf('admin');
      const res = await admin.put('/admin/remotes/admin', { version: '1.1.0', manifestUrl });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(paths(res.body)).toEqual(['body.manifestUrl']);
      expect(await entryOf('admin')).toEqual(before);
    });

    it.each([
      ['no URL', { version: '1.2.0' }, 'body.manifestUrl'],
      ['a version with spaces', { version: '1 2', manifestUrl: '/remotes/admin/1.1.0/mf-manifest.json' }, 'body.version'],
      ['an unknown feature', { feature: 'teleport', version: '1.2.0', manifestUrl: '/remotes/admin/1.1.0/mf-manifest.json' }, 'body.feature'],
    ])('rejects %s with 400 and the field path', async (_what, body, field) => {
      const res = await admin.put('/admin/remotes/admin', body);
      expect(res.status).toBe(400);
      expect(paths(res.body)).toContain(field);
    });

    it('answers 404 for a remote not in the registry, 400 for a bad name', async () => {
      expect((await admin.get('/admin/remotes/no-such-remote')).status).toBe(404);
      const bad = await admin.get('/admin/remotes/Bad_Name');
      expect(bad.status).toBe(400);
      expect(paths(bad.body)).toContain('params.name');
    });
  });

  describe('an allowed external origin (REMOTE_ORIGINS)', () => {
    it('PUT fetches the manifest and the entry it names and stores its hash; a restart keeps it', async () => {
      const entry = 'var admin; /* from the CDN */';
      cdn.files.set('/remotes/admin/5.0.0/mf-manifest.json', JSON.stringify(manifestOf('admin', '5.0.0')));
      cdn.files.set('/remotes/admin/5.0.0/remoteEntry.js', entry);
      const manifestUrl = `${cdn.origin}/remotes/admin/5.0.0/mf-manifest.json`;
      const res = await admin.put('/admin/remotes/admin', { version: '5.0.0', manifestUrl });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ version: '5.0.0', manifestUrl, integrity: sri(entry) });
      expect((await waiter.get('/pos/config')).body.remotes).toContainEqual(expect.objectContaining({ name: 'admin', manifestUrl, integrity: sri(entry) }));

      // Start-up never fetches: the hash from publishing stays (even with the CDN down).
      cdn.files.clear();
      await t.restart();
      expect(await entryOf('admin')).toMatchObject({ manifestUrl, integrity: sri(entry) });
    });

    it.each([
      ['a manifest that is not there', () => cdn.files.delete('/remotes/admin/6.0.0/mf-manifest.json'), 'remote.build_not_found'],
      ['an entry that is not there', () => cdn.files.delete('/remotes/admin/6.0.0/remoteEntry.js'), 'remote.build_not_found'],
      ['a manifest that redirects elsewhere', () => cdn.files.set('/remotes/admin/6.0.0/mf-manifest.json', [302, 'https://evil.example/mf-manifest.json']), 'remote.build_not_found'],
      ['a manifest that is not JSON', () => cdn.files.set('/remotes/admin/6.0.0/mf-manifest.json', '<html>'), 'remote.manifest_invalid'],
      [
        'an entry on a path of the page’s origin',
        () => cdn.files.set('/remotes/admin/6.0.0/mf-manifest.json', JSON.stringify({ ...manifestOf('admin', '6.0.0'), metaData: { ...manifestOf('admin', '6.0.0').metaData, publicPath: '/remotes/admin/1.1.0/' } })),
        'remote.manifest_invalid',
      ],
    ])('refuses %s', async (_what, arrange, code) => {
      cdn.files.clear();
      cdn.files.set('/remotes/admin/6.0.0/mf-manifest.json', JSON.stringify(manifestOf('admin', '6.0.0')));
      cdn.files.set('/remotes/admin/6.0.0/remoteEntry.js', 'var admin;');
      arrange();
      const before = await entryOf('admin');
      const res = await admin.put('/admin/remotes/admin', { version: '6.0.0', manifestUrl: `${cdn.origin}/remotes/admin/6.0.0/mf-manifest.json` });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(paths(res.body)).toEqual(['body.manifestUrl']);
      expect(await entryOf('admin')).toEqual(before);
    });
  });
});
