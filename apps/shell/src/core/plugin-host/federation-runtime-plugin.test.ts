import { createInstance } from '@module-federation/enhanced/runtime';
import { generateSnapshotFromManifest } from '@module-federation/sdk';
import type { Remote } from '@pos/contracts';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import type { HostApi } from '@pos/plugin-sdk';
import { createMemoryStorage } from '../host-storage';
import posRemoteFallback, { distrustRemote, type FailedRemote, trustRemotes } from './federation-runtime-plugin';
import { type FederationRuntime, PluginHost } from './plugin-host';

/**
 * The runtime plugin inside the real federation runtime (@module-federation/enhanced 2.x) in
 * jsdom. jsdom fetches no scripts, so where a browser would load or refuse the entry the test
 * plays the browser's part on the script element the runtime created; that the browser really
 * refuses a file whose hash differs is e2e/remote-isolation.spec.ts.
 */
const ORIGIN = window.location.origin;
const HASH = `sha384-${'A'.repeat(64)}`;
const OTHER_HASH = `sha384-${'B'.repeat(64)}`;
let seq = 0;
/** A fresh remote name per test: the runtime keeps entries and containers globally. */
const nextName = () => `remote${++seq}`;
const folderOf = (name: string) => `${ORIGIN}/remotes/${name}/1.0.0/`;

function runtime() {
  return createInstance({ name: `shell${++seq}`, remotes: [], plugins: [posRemoteFallback()] });
}

const entryScripts = (url: string) => [...document.querySelectorAll('script')].filter((s) => s.getAttribute('src') === url);

/** Waits until the runtime has put the entry's script element into the document. */
async function scriptFor(url: string): Promise<HTMLScriptElement> {
  for (let i = 0; i < 100; i++) {
    const [script] = entryScripts(url);
    if (script) return script;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no script element for ${url}`);
}

const failure = (loaded: unknown) => (loaded as { default?: FailedRemote } | null)?.default;

describe('federation runtime plugin: remote integrity', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('puts the registry hash and crossOrigin on the entry script; the entry that then runs is used', async () => {
    const mf = runtime();
    const name = nextName();
    const entry = `${folderOf(name)}remoteEntry.js`;
    trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
    mf.registerRemotes([{ name, entry }]);

    const loading = mf.loadRemote<{ default: { id: string } }>(`${name}/plugin`);
    const script = await scriptFor(entry);
    expect(script.getAttribute('integrity')).toBe(HASH);
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(script.getAttribute('fetchpriority')).toBe('high');

    // The browser checked the hash and ran the entry: it defines the container.
    const container = { init: jest.fn(), get: jest.fn(async () => () => ({ default: { id: name } })) };
    (window as unknown as Record<string, unknown>)[name] = container;
    script.dispatchEvent(new Event('load'));
    await expect(loading).resolves.toEqual({ default: { id: name } });
    expect(container.get).toHaveBeenCalledWith('./plugin');
  });

  it('a file whose hash differs is refused by the browser: the remote resolves to a failed marker', async () => {
    const mf = runtime();
    const name = nextName();
    const entry = `${folderOf(name)}remoteEntry.js`;
    trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: OTHER_HASH }]);
    mf.registerRemotes([{ name, entry }]);
    const loading = mf.loadRemote(`${name}/plugin`);
    const script = await scriptFor(entry);
    expect(script.getAttribute('integrity')).toBe(OTHER_HASH);
    // What Chromium does on an integrity mismatch: an error event, the script never runs.
    script.dispatchEvent(new Event('error'));
    expect(failure(await loading)).toMatchObject({ __failedRemote: true, id: `${name}/plugin` });
  });

  it.each([
    ['has no hash in the registry', (name: string) => trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json` }]), /no integrity hash/],
    ['has a hash that is not sha384', (name: string) => trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: 'sha256-abc' }]), /no integrity hash/],
    ['is not in the registry at all', () => undefined, /not in the venue registry/],
    ['was dropped from the registry', (name: string) => {
      trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
      distrustRemote(name);
    }, /not in the venue registry/],
    ['has its entry in another remote’s folder', (name: string) => trustRemotes([{ name, manifestUrl: `${ORIGIN}/remotes/elsewhere/1.0.0/mf-manifest.json`, integrity: HASH }]), /outside/],
    ['has its entry on another origin', (name: string) => trustRemotes([{ name, manifestUrl: `https://cdn.example.com/remotes/${name}/1.0.0/mf-manifest.json`, integrity: HASH }]), /outside/],
  ])('a remote that %s is refused before any script is created', async (_what, arrange, reason) => {
    const mf = runtime();
    const name = nextName();
    const entry = `${folderOf(name)}remoteEntry.js`;
    arrange(name);
    mf.registerRemotes([{ name, entry }]);
    const loaded = failure(await mf.loadRemote(`${name}/plugin`));
    expect(loaded).toMatchObject({ __failedRemote: true });
    expect(loaded?.reason).toMatch(reason);
    expect(entryScripts(entry)).toHaveLength(0);
  });

  it('a remote registered by its manifest and without a hash is refused before the manifest is fetched', async () => {
    const mf = runtime();
    const name = nextName();
    const manifestUrl = `${folderOf(name)}mf-manifest.json`;
    trustRemotes([{ name, manifestUrl }]);
    mf.registerRemotes([{ name, entry: manifestUrl }]);
    const fetch = jest.fn(async () => {
      throw new Error('fetched');
    });
    (globalThis as { fetch?: unknown }).fetch = fetch;
    try {
      expect(failure(await mf.loadRemote(`${name}/plugin`))?.reason).toMatch(/no integrity hash/);
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      delete (globalThis as { fetch?: unknown }).fetch;
    }
  });

  it('refuses an ES module entry (SRI needs a classic script)', async () => {
    const mf = runtime();
    const name = nextName();
    trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
    mf.registerRemotes([{ name, entry: `${folderOf(name)}remoteEntry.mjs`, type: 'module' }]);
    expect(failure(await mf.loadRemote(`${name}/plugin`))?.reason).toMatch(/classic script/);
  });

  describe('scripts of a remote other than its entry', () => {
    const plugin = posRemoteFallback();
    const createScript = plugin.createScript!;
    const info = (name: string) => ({ name, entry: `${folderOf(name)}remoteEntry.js`, type: 'global', entryGlobalName: name, shareScope: 'default' }) as never;

    it('chunks from its folder load as usual; from anywhere else, or of a remote without a hash, they are refused', () => {
      const name = nextName();
      trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
      expect(createScript({ url: `${folderOf(name)}123.abcdef0123.js`, remoteInfo: info(name) })).toBeUndefined();
      expect(() => createScript({ url: 'https://evil.example/x.js', remoteInfo: info(name) })).toThrow(/outside/);
      expect(() => createScript({ url: `${ORIGIN}/remotes/${name}/1.0.0/../../other/1.0.0/x.js`, remoteInfo: info(name) })).toThrow(/outside/);
      trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json` }]);
      expect(() => createScript({ url: `${folderOf(name)}123.abcdef0123.js`, remoteInfo: info(name) })).toThrow(/no integrity hash/);
    });

    it('leaves the shell’s own scripts alone', () => {
      expect(createScript({ url: `${ORIGIN}/main.0123456789.js` })).toBeUndefined();
    });
  });

  describe('the manifest', () => {
    const plugin = posRemoteFallback();
    const manifest = (name: string, metaData: Record<string, unknown> = {}) => ({
      id: name,
      name,
      metaData: {
        name,
        type: 'app',
        buildInfo: { buildVersion: '1.0.0', buildName: name },
        remoteEntry: { name: 'remoteEntry.js', path: '', type: 'global' },
        types: { path: '', name: '', zip: '', api: '' },
        globalName: name,
        pluginVersion: '2.9.3',
        prefetchInterface: false,
        publicPath: 'auto',
        ...metaData,
      } as Record<string, unknown>,
      shared: [],
      remotes: [],
      exposes: [],
    });
    /** The snapshot the runtime makes of a fetched manifest, through the plugin's loadRemoteSnapshot. */
    const check = async (name: string, metaData?: Record<string, unknown>) => {
      const manifestUrl = `${folderOf(name)}mf-manifest.json`;
      const json = manifest(name, metaData);
      // `undefined` in a case drops the field, as a manifest without it.
      for (const [key, value] of Object.entries(json.metaData)) if (value === undefined) delete json.metaData[key];
      const remoteSnapshot = generateSnapshotFromManifest(json as never, { version: manifestUrl });
      return plugin.loadRemoteSnapshot!({ options: {} as never, moduleInfo: { name, entry: manifestUrl }, manifestJson: json as never, manifestUrl, remoteSnapshot, from: 'manifest' });
    };

    it('passes a manifest whose entry is in its folder', async () => {
      const name = nextName();
      trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
      await expect(check(name)).resolves.toMatchObject({ moduleInfo: { name } });
      await expect(check(name, { remoteEntry: { name: 'remoteEntry.js', path: 'js', type: 'global' } })).resolves.toBeDefined();
    });

    it.each([
      ['an entry in a parent folder', { remoteEntry: { name: 'remoteEntry.js', path: '../../other/1.0.0', type: 'global' } }, /outside/],
      ['an entry named with encoded dots', { remoteEntry: { name: '%2e%2e/%2e%2e/other/1.0.0/remoteEntry.js', path: '', type: 'global' } }, /outside/],
      ['a publicPath on another origin', { publicPath: 'https://evil.example/' }, /outside/],
      ['a protocol-relative publicPath', { publicPath: '//evil.example/' }, /outside/],
      ['a public path computed at run time', { publicPath: undefined, getPublicPath: 'return "https://evil.example/"' }, /run time/],
      ['an ES module entry', { remoteEntry: { name: 'remoteEntry.js', path: '', type: 'module' } }, /classic script/],
    ])('refuses a manifest with %s', async (_what, metaData, reason) => {
      const name = nextName();
      trustRemotes([{ name, manifestUrl: `${folderOf(name)}mf-manifest.json`, integrity: HASH }]);
      await expect(Promise.resolve().then(() => check(name, metaData))).rejects.toThrow(reason);
    });
  });
});

describe('plugin host on the real federation runtime', () => {
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('a remote without a hash ends as failed (after one retry), on the bus too, with no script ever created', async () => {
    const mf = runtime();
    const federation: FederationRuntime = {
      registerRemotes: (remotes, options) => mf.registerRemotes(remotes, options),
      loadRemote: (id) => mf.loadRemote(id),
      satisfies: () => true,
      preloadRemote: (remotes) => mf.preloadRemote(remotes),
    };
    const bus = createEventBus();
    const statuses: string[] = [];
    bus.on('remote.status').subscribe((s) => statuses.push(`${s.name}:${s.status}`));
    const storage = createMemoryStorage();
    const host = { bus, i18n: createI18n('en'), storage, session: { venue: { id: 'venue-1' } } } as unknown as HostApi;
    const pluginHost = new PluginHost({ host: () => host, runtime: federation, routes: { registerApplication: () => undefined, unregisterApplication: async () => undefined }, shellApi: '1.0.0', timeoutMs: 200, outlet: () => null });
    const name = nextName();
    const remote: Remote = { name, feature: 'admin', version: '1.0.0', manifestUrl: `/remotes/${name}/1.0.0/remoteEntry.js`, updatedAt: new Date().toISOString() };

    await pluginHost.sync([remote]);
    expect(pluginHost.remotes).toEqual([expect.objectContaining({ name, status: 'failed', reason: expect.stringMatching(/no integrity hash/) })]);
    expect(statuses).toEqual([`${name}:loading`, `${name}:failed`]);
    expect(entryScripts(`${ORIGIN}/remotes/${name}/1.0.0/remoteEntry.js`)).toHaveLength(0);
  });
});
