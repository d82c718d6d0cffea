import type { Feature, Permission } from '@pos/contracts';
import type { Resources } from '@pos/i18n';
import type { LifeCycles, ParcelConfigObject } from 'single-spa';
import type { FloorModeDeclaration } from './floor-mode';
import type { HostApi } from './host-api';
import type { AdminPageDeclaration, SlotContexts, SlotName } from './slots';

/** What every parcel and application receives from the host as props. */
export interface HostProps {
  host: HostApi;
}

/** The props of a parcel in slot `N`: the host and the slot's typed context. */
export interface SlotProps<N extends SlotName> extends HostProps {
  context: SlotContexts[N];
}

/** A parcel for slot `N` (e.g. `reactLifecycles(Component)` with `SlotProps<N>`). */
export type SlotParcel<N extends SlotName> = ParcelConfigObject<SlotProps<N>>;

/** A remote's parcels, at most one per slot, each typed by its slot's context. */
export type PluginSlots = { [N in SlotName]?: SlotParcel<N> };

export interface PluginRoute {
  /** Under /x/, e.g. 'admin' → /x/admin. */
  path: string;
  /** i18n key in the remote's namespace, or plain text. */
  title: string;
  /** Who sees the route: any one of these permissions (none: everyone signed in). */
  permission?: Permission | readonly Permission[];
  /**
   * False: the route answers its path but has no entry in the shell's navigation (an old path
   * kept for bookmarks that forwards elsewhere). Since host API 1.2; older shells list it.
   */
  isListed?: boolean;
  app: LifeCycles<HostProps>;
}

/**
 * The one module a remote exposes (`./plugin`). The host checks `shellApi` against its own
 * version, registers `routes` as single-spa applications and mounts `slots` as parcels.
 */
export interface PosPlugin {
  id: string;
  feature: Feature;
  /** Semver range of the host API this remote is written against, e.g. '^1'. */
  shellApi: string;
  /** The remote's own i18n namespace (its id) in Russian and English. */
  i18n?: Resources;
  routes?: PluginRoute[];
  slots?: PluginSlots;
  /** With a `floor.mode` slot: the tab of the mode on the floor map (see floor-mode.ts). */
  floorMode?: FloorModeDeclaration;
  /** With an `admin.pages` slot: the page's entry in the Admin remote's navigation. */
  adminPage?: AdminPageDeclaration;
  /**
   * With an `admin.pages` slot: several pages, each its own navigation entry; the one parcel
   * renders the page its context's `path` ends with. Takes the place of `adminPage` (host API 1.4;
   * an older shell shows `adminPage` only, so a remote may declare its first page there too).
   */
  adminPages?: readonly AdminPageDeclaration[];
}

export const definePlugin = (plugin: PosPlugin): PosPlugin => plugin;
