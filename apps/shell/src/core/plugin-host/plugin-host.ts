import type { Remote } from '@pos/contracts';
import { addNamespace } from '@pos/i18n';
import type { HostApi, HostProps, PosPlugin, SlotEntry, SlotName, SlotParcel } from '@pos/plugin-sdk';
import { BehaviorSubject } from 'rxjs';
import type { LifeCycles } from 'single-spa';
import { distrustRemote, type FailedRemote, trustRemotes } from './federation-runtime-plugin';

/** The parts of the federation runtime the host uses (a fake one in tests). */
export interface FederationRuntime {
  registerRemotes(remotes: { name: string; entry: string }[], options?: { force?: boolean }): void;
  loadRemote<T>(id: string): Promise<T | null>;
  satisfies(version: string, range: string): boolean;
  /** Fetches all of a remote's files (its entry runs, chunks only download); absent: the real runtime's. */
  preloadRemote?(remotes: { nameOrAlias: string; resourceCategory: 'all' }[]): Promise<void>;
}

/** The host storage key of the venue's last registry (the remotes list from /pos/config). */
export const lastGoodRegistryKey = (venueId: string) => `shell:last-good-registry:${venueId}`;

/** The parts of single-spa the host uses. */
export interface RouteRegistry {
  registerApplication(config: { name: string; app: () => Promise<LifeCycles<HostProps>>; activeWhen: string; customProps: () => HostProps & { domElement?: HTMLElement } }): void;
  unregisterApplication(name: string): Promise<unknown>;
}

export type RemoteStatus = 'loading' | 'loaded' | 'failed';

export interface RemoteState {
  name: string;
  version: string;
  manifestUrl: string;
  /** sha384 of the entry from the registry; the runtime plugin refuses the remote without it. */
  integrity?: string;
  feature: string;
  status: RemoteStatus;
  plugin?: PosPlugin;
  reason?: string;
}

export interface PluginHostOptions {
  host: () => HostApi;
  runtime: FederationRuntime;
  routes: RouteRegistry;
  shellApi: string;
  /** A remote that takes longer is given up on (and retried once). */
  timeoutMs?: number;
  outlet: () => HTMLElement | null;
}

const timeout = (ms: number, name: string) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${name} did not load within ${ms} ms`)), ms));

const realPreloadRemote: NonNullable<FederationRuntime['preloadRemote']> = (remotes) =>
  import('@module-federation/enhanced/runtime').then(({ preloadRemote }) => preloadRemote(remotes));

/**
 * Loads the venue's remotes and keeps them in step with the registry: new ones are registered
 * with the federation runtime and loaded, removed ones unmounted, a new version swapped in.
 * A remote that 404s, throws, hangs or wants another host API is isolated: one retry, then a
 * "failed" state the UI shows as a placeholder. Nothing here ever blocks the core screens.
 */
export class PluginHost {
  readonly remotes$ = new BehaviorSubject<RemoteState[]>([]);
  private readonly routeNames = new Map<string, string[]>();
  private generation = 0;

  constructor(private readonly options: PluginHostOptions) {}

  get remotes(): RemoteState[] {
    return this.remotes$.value;
  }

  /**
   * Follows the registry (from /pos/config, or `lastGoodRegistry` when the server is out of
   * reach). Once the remotes have settled, the registry is kept as the venue's last good one.
   */
  async sync(registry: Remote[]): Promise<void> {
    const generation = ++this.generation;
    const wanted = new Map(registry.map((r) => [r.name, r]));
    for (const state of this.remotes) {
      const next = wanted.get(state.name);
      // A rebuild published under the same version has another hash: it is another remote.
      if (!next || next.version !== state.version || next.manifestUrl !== state.manifestUrl || next.integrity !== state.integrity) await this.unmount(state.name);
    }
    const toLoad = registry.filter((r) => !this.remotes.some((s) => s.name === r.name));
    if (toLoad.length > 0) {
      // What the runtime plugin holds each remote to: its folder and its entry's hash.
      trustRemotes(toLoad);
      this.options.runtime.registerRemotes(
        toLoad.map((r) => ({ name: r.name, entry: new URL(r.manifestUrl, window.location.origin).toString() })),
        { force: true },
      );
      this.update([
        ...this.remotes,
        ...toLoad.map((r) => ({ name: r.name, version: r.version, feature: r.feature, manifestUrl: r.manifestUrl, integrity: r.integrity, status: 'loading' as const })),
      ]);
      await Promise.all(toLoad.map((r) => this.load(r, generation)));
    }
    if (generation === this.generation) await this.keepRegistry(registry);
  }

  /**
   * The registry that last loaded for this venue ([] when none was kept): what the app registers
   * when GET /pos/config cannot be fetched, so a reload while offline brings the remotes back
   * (their files come from the service worker's cache).
   */
  async lastGoodRegistry(venueId: string): Promise<Remote[]> {
    try {
      const kept = await this.options.host().storage.get<Remote[]>(lastGoodRegistryKey(venueId));
      return Array.isArray(kept) ? kept : [];
    } catch (error) {
      console.warn('[plugin-host] last good registry unavailable', error);
      return [];
    }
  }

  private async keepRegistry(registry: Remote[]): Promise<void> {
    const host = this.signedInHost();
    if (!host) return; // Signed out: there is no venue to keep it for.
    await host.storage
      .set(lastGoodRegistryKey(host.session.venue.id), registry)
      .catch((error) => console.warn('[plugin-host] could not keep the registry', error));
  }

  private async load(remote: Remote, generation: number): Promise<void> {
    const host = this.options.host();
    host.bus.emit('remote.status', { name: remote.name, status: 'loading' });
    await this.preload(remote.name);
    let lastError = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const plugin = await this.fetchPlugin(remote.name);
        if (!this.options.runtime.satisfies(this.options.shellApi, plugin.shellApi)) {
          lastError = `needs host API ${plugin.shellApi}, this shell offers ${this.options.shellApi}`;
          break;
        }
        if (generation !== this.generation && !this.remotes.some((s) => s.name === remote.name)) return;
        if (plugin.i18n) addNamespace(host.i18n, plugin.id, plugin.i18n);
        this.registerRoutes(remote.name, plugin);
        this.patch(remote.name, { status: 'loaded', plugin, reason: undefined });
        host.bus.emit('remote.status', { name: remote.name, status: 'loaded' });
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    this.patch(remote.name, { status: 'failed', reason: lastError });
    host.bus.emit('remote.status', { name: remote.name, status: 'failed', reason: lastError });
    console.warn(`[plugin-host] remote ${remote.name} is unavailable: ${lastError}`);
  }

  /**
   * Fetches every file of the remote, lazy chunks included, so the service worker caches them
   * for a reload while offline. It runs before the first loadRemote on purpose: loading marks the
   * exposed module as preloaded (its sync files only), after which the runtime skips its lazy
   * chunks. Bounded by the load timeout; a failure is only logged, loading goes on regardless.
   */
  private async preload(name: string): Promise<void> {
    const preloadRemote = this.options.runtime.preloadRemote ?? realPreloadRemote;
    try {
      await Promise.race([preloadRemote([{ nameOrAlias: name, resourceCategory: 'all' }]), timeout(this.options.timeoutMs ?? 3000, `${name} preload`)]);
    } catch (error) {
      console.warn(`[plugin-host] could not preload remote ${name}`, error);
    }
  }

  private async fetchPlugin(name: string): Promise<PosPlugin> {
    const loaded = await Promise.race([
      this.options.runtime.loadRemote<{ default?: PosPlugin | FailedRemote }>(`${name}/plugin`),
      timeout(this.options.timeoutMs ?? 3000, name),
    ]);
    const plugin = loaded?.default;
    if (!plugin) throw new Error(`${name}/plugin exports nothing`);
    if ('__failedRemote' in plugin) throw new Error(plugin.reason);
    if (typeof plugin.shellApi !== 'string' || typeof plugin.id !== 'string') throw new Error(`${name}/plugin is not a PosPlugin`);
    return plugin;
  }

  private registerRoutes(remoteName: string, plugin: PosPlugin) {
    const names: string[] = [];
    for (const route of plugin.routes ?? []) {
      const name = `${remoteName}:${route.path}`;
      this.options.routes.registerApplication({
        name,
        app: async () => route.app,
        activeWhen: `/x/${route.path}`,
        customProps: () => ({ host: this.options.host(), domElement: this.options.outlet() ?? undefined }),
      });
      names.push(name);
    }
    this.routeNames.set(remoteName, names);
  }

  /** Unmounts a remote's routes (its parcels go when the slots re-render without it). */
  async unmount(name: string): Promise<void> {
    for (const app of this.routeNames.get(name) ?? []) await this.options.routes.unregisterApplication(app).catch(() => undefined);
    this.routeNames.delete(name);
    distrustRemote(name);
    this.update(this.remotes.filter((s) => s.name !== name));
    this.signedInHost()?.bus.emit('remote.status', { name, status: 'unmounted' });
  }

  /** The host, or null after sign-out (the shell syncs to [] once the session is gone). */
  private signedInHost(): HostApi | null {
    try {
      return this.options.host();
    } catch {
      return null;
    }
  }

  /** The loaded remotes' parcels for slot `N`, typed by its context. */
  slot<N extends SlotName>(name: N): { remote: string; parcel: SlotParcel<N> }[] {
    return this.remotes.flatMap((s) => {
      const parcel = s.status === 'loaded' ? s.plugin?.slots?.[name] : undefined;
      return parcel ? [{ remote: s.name, parcel }] : [];
    });
  }

  /** Who fills slot `name`, with what each remote declared for it (`HostSlots.entries`). */
  slotEntries(name: SlotName): SlotEntry[] {
    return this.remotes.flatMap((s) => {
      if (s.status !== 'loaded' || !s.plugin?.slots?.[name]) return [];
      const adminPages = name === 'admin.pages' ? (s.plugin.adminPages ?? (s.plugin.adminPage ? [s.plugin.adminPage] : [])) : [];
      return [{ remote: s.name, namespace: s.plugin.id, ...(adminPages.length ? { adminPage: adminPages[0], adminPages } : {}) }];
    });
  }

  private patch(name: string, change: Partial<RemoteState>) {
    this.update(this.remotes.map((s) => (s.name === name ? { ...s, ...change } : s)));
  }

  private update(next: RemoteState[]) {
    this.remotes$.next(next);
  }
}
