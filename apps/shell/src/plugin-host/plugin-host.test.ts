import type { Remote } from '@pos/contracts';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import type { HostApi, PosPlugin } from '@pos/plugin-sdk';
import type { LifeCycles } from 'single-spa';
import { type FederationRuntime, PluginHost, type RouteRegistry } from './plugin-host';

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

/** A federation runtime whose remotes behave as each test says: load, throw, hang. */
function fakeRuntime(behaviour: Record<string, () => Promise<unknown>>) {
  const calls: string[] = [];
  const registered: string[] = [];
  const runtime: FederationRuntime = {
    registerRemotes: (remotes) => registered.push(...remotes.map((r) => r.entry)),
    loadRemote: async <T>(id: string) => {
      calls.push(id);
      return (await behaviour[id.split('/')[0]]()) as T;
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

function makeHost(runtime: FederationRuntime, routes: RouteRegistry, timeoutMs = 50) {
  const bus = createEventBus();
  const statuses: string[] = [];
  bus.on('remote.status').subscribe((s) => statuses.push(`${s.name}:${s.status}`));
  const host = { bus, i18n: createI18n('en') } as unknown as HostApi;
  const pluginHost = new PluginHost({ host: () => host, runtime, routes, shellApi: '1.0.0', timeoutMs, outlet: () => null });
  return { pluginHost, statuses, host };
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
    expect(calls).toEqual(['slow/plugin', 'slow/plugin']);
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
});
