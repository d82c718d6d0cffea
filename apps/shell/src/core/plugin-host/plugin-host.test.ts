import type { Remote } from '@pos/contracts';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import type { HostApi, PosPlugin } from '@pos/plugin-sdk';
import type { LifeCycles } from 'single-spa';
import { createMemoryStorage } from '../host-storage';
import { type FederationRuntime, lastGoodRegistryKey, PluginHost, type RouteRegistry } from './plugin-host';

const noop = async () => undefined;
const lifecycles = { bootstrap: noop, mount: noop, unmount: noop } as unknown as LifeCycles<never>;

const plugin = (id: string, extra: Partial<PosPlugin> = {}): PosPlugin => ({
  id,
  feature: 'admin',
  shellApi: '^1',
  routes: [{ path: id, title: id, app: lifecycles as never }],
  slots: { 'header.indicators': lifecycles as never },
  ...extra,
});

const remote = (name: string, version = '1.0.0'): Remote => ({
  name,
  feature: 'admin',
  version,
  manifestUrl: `/remotes/${name}/${version}/mf-manifest.json`,
  updatedAt: new Date().toISOString(),
});

/**
 * A federation runtime whose remotes behave as each test says: load, throw, hang. `calls` lists
 * preloads (`preload:<name>`) and plugin loads (`<name>/plugin`) in order.
 */
function fakeRuntime(behaviour: Record<string, () => Promise<unknown>>, preload: (name: string) => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  const registered: string[] = [];
  const runtime: FederationRuntime = {
    registerRemotes: (remotes) => registered.push(...remotes.map((r) => r.entry)),
    loadRemote: async <T>(id: string) => {
      calls.push(id);
      return (await behaviour[id.split('/')[0]]()) as T;
    },
    preloadRemote: async (remotes) => {
      for (const r of remotes) calls.push(`preload:${r.nameOrAlias}:${r.resourceCategory}`);
      await Promise.all(remotes.map((r) => preload(r.nameOrAlias)));
    },
    // The real host uses the federation runtime's semver check; a major-version check suffices here.
    satisfies: (version, range) => range.replace('^', '').split('.')[0] === version.split('.')[0],
  };
  return { runtime, calls, registered };
}

function fakeRoutes() {
  const apps = new Set<string>();
  const routes: RouteRegistry = {
    registerApplication: (config) => void apps.add(config.name),
    unregisterApplication: async (name) => apps.delete(name),
  };
  return { routes, apps };
}

const VENUE = 'venue-1';

/** A host signed in to VENUE; `signedIn = false` makes host() throw as the shell's does after sign-out. */
function makeHost(runtime: FederationRuntime, routes: RouteRegistry, timeoutMs = 50, storage = createMemoryStorage()) {
  const bus = createEventBus();
  const statuses: string[] = [];
  bus.on('remote.status').subscribe((s) => statuses.push(`${s.name}:${s.status}`));
  const host = { bus, i18n: createI18n('en'), storage, session: { venue: { id: VENUE } } } as unknown as HostApi;
  const session = { signedIn: true };
  const hostOrThrow = () => {
    if (!session.signedIn) throw new Error('No session');
    return host;
  };
  const pluginHost = new PluginHost({ host: hostOrThrow, runtime, routes, shellApi: '1.0.0', timeoutMs, outlet: () => null });
  return { pluginHost, statuses, host, storage, session };
}

describe('plugin host', () => {
  // Failures are logged on purpose; keep the test output readable.
  beforeEach(() => jest.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('loads a remote, registers its routes and exposes its slot parcels', async () => {
    const { runtime, registered } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }) });
    const { routes, apps } = fakeRoutes();
    const { pluginHost, statuses } = makeHost(runtime, routes);
    await pluginHost.sync([remote('admin')]);
    expect(registered[0]).toMatch(/\/remotes\/admin\/1\.0\.0\/mf-manifest\.json$/);
    expect(pluginHost.remotes[0].status).toBe('loaded');
    expect([...apps]).toEqual(['admin:admin']);
    expect(pluginHost.slot('header.indicators').map((p) => p.remote)).toEqual(['admin']);
    expect(statuses).toEqual(['admin:loading', 'admin:loaded']);
  });

  it("lists who fills a slot with what they declared for it (an admin page), for remotes that mount other remotes' slots", async () => {
    const upsell = plugin('upsell', { slots: { 'admin.pages': lifecycles as never }, adminPage: { id: 'upsell', title: 'nav', permission: 'admin.menu' } });
    const { runtime } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }), upsell: async () => ({ default: upsell }) });
    const { pluginHost } = makeHost(runtime, fakeRoutes().routes);
    await pluginHost.sync([remote('admin'), remote('upsell')]);
    const page = { id: 'upsell', title: 'nav', permission: 'admin.menu' };
    expect(pluginHost.slotEntries('admin.pages')).toEqual([{ remote: 'upsell', namespace: 'upsell', adminPage: page, adminPages: [page] }]);
    expect(pluginHost.slotEntries('header.indicators')).toEqual([{ remote: 'admin', namespace: 'admin' }]);
    expect(pluginHost.slotEntries('shift.close')).toEqual([]);
  });

  it('lists every Admin page a remote declares with adminPages (host API 1.4); the first is also its adminPage', async () => {
    const pages = [
      { id: 'open-shifts', title: 'board.nav', permission: 'shifts.close-others' as const },
      { id: 'z-reports', title: 'archive.nav', permission: 'shifts.reports.all' as const },
    ];
    const shift = plugin('shift', { slots: { 'admin.pages': lifecycles as never }, adminPages: pages });
    const { runtime } = fakeRuntime({ shift: async () => ({ default: shift }) });
    const { pluginHost } = makeHost(runtime, fakeRoutes().routes);
    await pluginHost.sync([remote('shift')]);
    expect(pluginHost.slotEntries('admin.pages')).toEqual([{ remote: 'shift', namespace: 'shift', adminPage: pages[0], adminPages: pages }]);
  });

  it('isolates a remote that throws: one retry, then failed, the others still load', async () => {
    const { runtime, calls } = fakeRuntime({
      broken: async () => Promise.reject(new Error('remoteEntry.js 404')),
      admin: async () => ({ default: plugin('admin') }),
    });
    const { routes } = fakeRoutes();
    const { pluginHost, statuses } = makeHost(runtime, routes);
    await pluginHost.sync([remote('broken'), remote('admin')]);
    expect(calls.filter((c) => c === 'broken/plugin')).toHaveLength(2);
    expect(pluginHost.remotes.find((r) => r.name === 'broken')).toMatchObject({ status: 'failed', reason: 'remoteEntry.js 404' });
    expect(pluginHost.remotes.find((r) => r.name === 'admin')?.status).toBe('loaded');
    expect(statuses).toContain('broken:failed');
  });

  it('treats the federation fallback module as a failure', async () => {
    const { runtime } = fakeRuntime({ gone: async () => ({ default: { __failedRemote: true, id: 'gone/plugin', reason: 'manifest 404' } }) });
    const { routes } = fakeRoutes();
    const { pluginHost } = makeHost(runtime, routes);
    await pluginHost.sync([remote('gone')]);
    expect(pluginHost.remotes[0]).toMatchObject({ status: 'failed', reason: 'manifest 404' });
  });

  it('gives up on a remote that hangs, without blocking', async () => {
    const { runtime, calls } = fakeRuntime({ slow: () => new Promise(() => undefined) });
    const { routes } = fakeRoutes();
    const { pluginHost } = makeHost(runtime, routes, 30);
    await pluginHost.sync([remote('slow')]);
    expect(calls.filter((c) => c === 'slow/plugin')).toHaveLength(2);
    expect(pluginHost.remotes[0].status).toBe('failed');
    expect(pluginHost.remotes[0].reason).toMatch(/did not load within 30 ms/);
  });

  it('refuses a remote written for another host API', async () => {
    const { runtime } = fakeRuntime({ future: async () => ({ default: plugin('future', { shellApi: '^2' }) }) });
    const { routes, apps } = fakeRoutes();
    const { pluginHost } = makeHost(runtime, routes);
    await pluginHost.sync([remote('future')]);
    expect(pluginHost.remotes[0].status).toBe('failed');
    expect(pluginHost.remotes[0].reason).toMatch(/\^2/);
    expect(apps.size).toBe(0);
  });

  it('unmounts a remote whose flag went off and swaps in a new version', async () => {
    let version = 'v1';
    const { runtime } = fakeRuntime({ admin: async () => ({ default: plugin('admin', { routes: [{ path: version, title: version, app: lifecycles as never }] }) }) });
    const { routes, apps } = fakeRoutes();
    const { pluginHost, statuses } = makeHost(runtime, routes);
    await pluginHost.sync([remote('admin', '1.0.0')]);
    expect([...apps]).toEqual(['admin:v1']);
    version = 'v2';
    await pluginHost.sync([remote('admin', '1.0.1')]);
    expect([...apps]).toEqual(['admin:v2']);
    expect(pluginHost.remotes[0].version).toBe('1.0.1');
    await pluginHost.sync([]);
    expect(apps.size).toBe(0);
    expect(pluginHost.remotes).toEqual([]);
    expect(statuses.filter((s) => s === 'admin:unmounted')).toHaveLength(2);
  });

  it('loads a rebuild published under the same version again (its hash changed) and keeps the hash for a reload offline', async () => {
    let build = 'b1';
    const { runtime, registered } = fakeRuntime({ admin: async () => ({ default: plugin('admin', { routes: [{ path: build, title: build, app: lifecycles as never }] }) }) });
    const { routes, apps } = fakeRoutes();
    const { pluginHost } = makeHost(runtime, routes);
    const pinned = (integrity: string): Remote => ({ ...remote('admin'), integrity });
    await pluginHost.sync([pinned(`sha384-${'1'.repeat(64)}`)]);
    expect([...apps]).toEqual(['admin:b1']);
    build = 'b2';
    const rebuilt = pinned(`sha384-${'2'.repeat(64)}`);
    await pluginHost.sync([rebuilt]);
    expect([...apps]).toEqual(['admin:b2']);
    expect(registered).toHaveLength(2);
    expect(pluginHost.remotes[0]).toMatchObject({ status: 'loaded', integrity: rebuilt.integrity });
    expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual([rebuilt]);
    // The same registry again changes nothing.
    await pluginHost.sync([{ ...rebuilt }]);
    expect(registered).toHaveLength(2);
  });

  describe('for a reload while offline', () => {
    it('preloads all files of every remote before loading its plugin, so the service worker caches them', async () => {
      const { runtime, calls } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }), shift: async () => ({ default: plugin('shift') }) });
      const { pluginHost } = makeHost(runtime, fakeRoutes().routes);
      await pluginHost.sync([remote('admin'), remote('shift')]);
      // Loading first would mark the plugin as preloaded (sync files only) and its lazy chunks would be skipped.
      for (const name of ['admin', 'shift']) {
        expect(calls.indexOf(`preload:${name}:all`)).toBeGreaterThanOrEqual(0);
        expect(calls.indexOf(`preload:${name}:all`)).toBeLessThan(calls.indexOf(`${name}/plugin`));
      }
    });

    it('only logs a preload that fails or hangs: the remote still loads', async () => {
      const { runtime } = fakeRuntime(
        { admin: async () => ({ default: plugin('admin') }), shift: async () => ({ default: plugin('shift') }) },
        (name) => (name === 'admin' ? Promise.reject(new Error('chunk 404')) : new Promise(() => undefined)),
      );
      const { pluginHost } = makeHost(runtime, fakeRoutes().routes, 30);
      await pluginHost.sync([remote('admin'), remote('shift')]);
      expect(pluginHost.remotes.map((r) => `${r.name}:${r.status}`)).toEqual(['admin:loaded', 'shift:loaded']);
      expect(console.warn).toHaveBeenCalledWith('[plugin-host] could not preload remote admin', expect.any(Error));
      expect(console.warn).toHaveBeenCalledWith('[plugin-host] could not preload remote shift', expect.objectContaining({ message: expect.stringMatching(/within 30 ms/) }));
    });

    it("keeps the venue's last registry, even one whose remote failed or that is empty", async () => {
      const { runtime } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }), broken: async () => Promise.reject(new Error('404')) });
      const { pluginHost, storage } = makeHost(runtime, fakeRoutes().routes);
      expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual([]);
      const registry = [remote('admin'), remote('broken')];
      await pluginHost.sync(registry);
      expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual(registry);
      expect(await pluginHost.lastGoodRegistry('another-venue')).toEqual([]);
      expect(await storage.get(lastGoodRegistryKey(VENUE))).toEqual(registry);
      // Every flag switched off is a registry too: offline, no remote comes back.
      await pluginHost.sync([]);
      expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual([]);
    });

    it('keeps the registry through sign-out (no venue then), unmounting every remote, and ignores junk in storage', async () => {
      const { runtime } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }), shift: async () => ({ default: plugin('shift') }) });
      const { routes, apps } = fakeRoutes();
      const { pluginHost, storage, session } = makeHost(runtime, routes);
      const kept = [remote('admin'), remote('shift')];
      await pluginHost.sync(kept);
      // The shell's sign-out syncs to [] after dropping the session: host() throws by then.
      session.signedIn = false;
      await pluginHost.sync([]);
      expect(pluginHost.remotes).toEqual([]);
      expect(apps.size).toBe(0);
      session.signedIn = true;
      expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual(kept);
      await storage.set(lastGoodRegistryKey(VENUE), { not: 'a registry' });
      expect(await pluginHost.lastGoodRegistry(VENUE)).toEqual([]);
    });

    it('after a reload without the server, registers and loads the remotes of the last good registry', async () => {
      const storage = createMemoryStorage();
      const online = makeHost(fakeRuntime({ admin: async () => ({ default: plugin('admin') }) }).runtime, fakeRoutes().routes, 50, storage);
      await online.pluginHost.sync([remote('admin', '1.2.0')]);

      // The page reloads: a new host over the same storage; GET /pos/config fails, so the app asks for the kept registry.
      const { runtime, registered } = fakeRuntime({ admin: async () => ({ default: plugin('admin') }) });
      const { routes, apps } = fakeRoutes();
      const offline = makeHost(runtime, routes, 50, storage);
      await offline.pluginHost.sync(await offline.pluginHost.lastGoodRegistry(VENUE));
      expect(registered[0]).toMatch(/\/remotes\/admin\/1\.2\.0\/mf-manifest\.json$/);
      expect(offline.pluginHost.remotes[0]).toMatchObject({ name: 'admin', version: '1.2.0', status: 'loaded' });
      expect([...apps]).toEqual(['admin:admin']);
    });
  });
});
