import { ApiError, type PosApi } from '@pos/api-client';
import { applyMenuChanges, COMPACT_MENU_FORMAT, type CompactMenu, decodeMenu, encodeMenu, type Menu } from '@pos/contracts';
import type { ConnectivityMonitor } from './connectivity';
import type { OfflineDb } from './db';

export interface MenuStoreOptions {
  db: OfflineDb;
  api: Pick<PosApi, 'menuSnapshot' | 'menuChanges'>;
  connectivity: Pick<ConnectivityMonitor, 'reportAnswer' | 'reportNetworkFailure'>;
  /**
   * How long live patches gather before the copy is written (ms). A copy a minute old costs only
   * a longer delta at the next start (the server keeps the last 1,000 versions), while writing a
   * 50,000-dish copy on every stock count of a busy service would cost the tablet main-thread
   * time each time; the page's hiding and a sign-out write it at once anyway.
   */
  saveDelayMs?: number;
}

const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

/**
 * Each venue's menu on this tablet: an IndexedDB copy kept compact, brought up to the server's
 * version with a delta since its version, and downloaded whole (the compact snapshot) only when
 * there is no copy or the server cannot cover the gap with a delta. Live patches (socket events)
 * are written back at most once per `saveDelayMs`, not once per event.
 */
export class MenuStore {
  private readonly saveDelayMs: number;
  private pending: { venueId: string; menu: Menu } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private saving: Promise<void> = Promise.resolve();
  /** The version each venue's copy holds, so a menu already written is not encoded again. */
  private readonly savedVersion = new Map<string, number>();
  /** Snapshots already in compact form: written as they came, never encoded back. */
  private readonly compactOf = new WeakMap<Menu, CompactMenu>();

  constructor(private readonly options: MenuStoreOptions) {
    this.saveDelayMs = options.saveDelayMs ?? 60_000;
  }

  /** The venue's copy, decoded; null when there is none (or it is in a format this build cannot read). */
  async copy(venueId: string): Promise<Menu | null> {
    const stored = await this.options.db.menus.get(venueId);
    if (!stored || stored.menu.format !== COMPACT_MENU_FORMAT) return null;
    this.savedVersion.set(venueId, stored.version);
    return decodeMenu(stored.menu);
  }

  /**
   * `base` brought up to the server's version: a delta applied to it, or the snapshot when the
   * server requires one (or the delta does not fit). Without the network the base stays as it is;
   * without a base the network error is thrown.
   */
  async catchUp(venueId: string, base: Menu | null): Promise<Menu> {
    const { api, connectivity } = this.options;
    try {
      if (base) {
        const delta = await api.menuChanges(base.version);
        connectivity.reportAnswer();
        const next = applyMenuChanges(base, delta);
        if (next) return next;
      }
      const compact = await api.menuSnapshot();
      connectivity.reportAnswer();
      const menu = decodeMenu(compact);
      this.compactOf.set(menu, compact);
      this.keep(venueId, menu);
      return menu;
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      connectivity.reportNetworkFailure();
      if (base) return base;
      throw error;
    }
  }

  /** Schedules writing the venue's menu (the latest one given wins); at most one write per delay. */
  keep(venueId: string, menu: Menu): void {
    if (this.savedVersion.get(venueId) === menu.version && this.pending?.venueId !== venueId) return;
    // Another venue's menu waiting to be written goes now: each venue keeps its own copy.
    if (this.pending && this.pending.venueId !== venueId) void this.flush();
    this.pending = { venueId, menu };
    // The venue's first copy goes at once: a tablet that loses Wi-Fi (or reloads) right after its
    // first download must still have a menu.
    if (!this.savedVersion.has(venueId)) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.saveDelayMs);
  }

  /** Writes what waits now (the page is being hidden, the tablet signs out). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.pending;
    this.pending = null;
    if (!next) return this.saving;
    this.saving = this.saving.then(() => this.write(next.venueId, next.menu)).catch((error) => console.warn('[offline] the menu copy was not saved', error));
    return this.saving;
  }

  private async write(venueId: string, menu: Menu): Promise<void> {
    if (this.savedVersion.get(venueId) === menu.version) return;
    const compact = this.compactOf.get(menu) ?? encodeMenu(menu);
    await this.options.db.menus.put({ venueId, version: menu.version, menu: compact, savedAt: Date.now() });
    this.savedVersion.set(venueId, menu.version);
  }
}
