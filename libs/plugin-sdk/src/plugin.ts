import type { Feature, Order, Permission } from '@pos/contracts';
import type { Resources } from '@pos/i18n';
import type { LifeCycles, ParcelConfigObject } from 'single-spa';
import type { FloorModeDeclaration } from './floor-mode';
import type { HostApi } from './host-api';

/** Named places in the core screens where remotes mount parcels. */
export const SLOTS = [
  'order.suggestions',
  'order.side-panel',
  'floor.mode',
  'floor.toolbar',
  'home.widgets',
  'header.indicators',
  'orders.row-actions',
  'payment.methods',
  'admin.pages',
] as const;
export type SlotName = (typeof SLOTS)[number];

/**
 * The context of the `order.suggestions` slot (under the menu of the order screen). A type, not an
 * interface, so it passes as a slot's `Record<string, unknown>` context.
 */
export type OrderSuggestionsContext = {
  /** The order on screen, as the host's cache has it. */
  order: Order;
  /** The course selected on the order screen: whatever the remote adds (dishes, combos) goes there. */
  course: number;
};

/** What every parcel and application receives from the host as props. */
export interface HostProps {
  host: HostApi;
  /** Slot-specific context, e.g. the order on the order screen. */
  context?: Record<string, unknown>;
}

export interface PluginRoute {
  /** Under /x/, e.g. 'admin' → /x/admin. */
  path: string;
  /** i18n key in the remote's namespace, or plain text. */
  title: string;
  /** Who sees the route: any one of these permissions (none: everyone signed in). */
  permission?: Permission | readonly Permission[];
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
  slots?: Partial<Record<SlotName, ParcelConfigObject<HostProps>>>;
  /** With a `floor.mode` slot: the tab of the mode on the floor map (see floor-mode.ts). */
  floorMode?: FloorModeDeclaration;
}

export const definePlugin = (plugin: PosPlugin): PosPlugin => plugin;
