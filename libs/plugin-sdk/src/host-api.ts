import type { ApprovablePermission, Approval, BusEvents, Permission, SessionInfo } from '@pos/contracts';
import type { PosApi } from '@pos/api-client';
import type { EventBus } from '@pos/event-bus';
import type { I18n } from '@pos/i18n';
import type { QueryClient } from '@tanstack/react-query';
import type { AdminPageDeclaration, SlotContexts, SlotName } from './slots';

export type Connectivity = BusEvents['connectivity.changed'];

/** A small persistent key-value store the host keeps for remotes (IndexedDB in the browser). */
export interface HostStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** A remote whose parcel fills a slot, with what it declared for that slot. */
export interface SlotEntry {
  remote: string;
  /** The remote's i18n namespace (its plugin id): where its titles are. */
  namespace: string;
  /** With `admin.pages`: the page's navigation entry. */
  adminPage?: AdminPageDeclaration;
  /** With `admin.pages`: every page the remote declared (the first is also `adminPage`). Host API 1.4. */
  adminPages?: readonly AdminPageDeclaration[];
}

/** A slot mounted by a remote into its own element (see `HostSlots.mount`). */
export interface MountedSlot<N extends SlotName> {
  update(context: SlotContexts[N]): void;
  unmount(): void;
}

/**
 * The host's slots, for a remote that hosts other remotes' parcels in its own screen (the Admin
 * remote shows the `admin.pages` of other remotes). The host mounts them as it does in its own
 * screens: live as remotes come and go, a crashing parcel cut off.
 */
export interface HostSlots {
  /** The remotes that fill the slot now. */
  entries(name: SlotName): SlotEntry[];
  /** Calls `listener` whenever the loaded remotes change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Mounts the slot's parcels (or only `remote`'s) into `element`. */
  mount<N extends SlotName>(name: N, element: HTMLElement, context: SlotContexts[N], options?: { remote?: string }): MountedSlot<N>;
}

/** Payments taken on this tablet and still waiting in its outbox: money not yet in the server's figures. */
export interface PendingPayments {
  /** Sum of the tenders' amounts in minor units, tips left out (they are not revenue). */
  amount: number;
  /** Queued payment commands. */
  count: number;
}

/**
 * This tablet's outbox, read-only: what it took offline and has not sent yet, so a remote can add
 * it to the server's last figures (a till never goes backwards while offline).
 */
export interface HostOutbox {
  pendingPayments(): Promise<PendingPayments>;
  /** Calls `listener` whenever the outbox changes (a command queued, sent or refused); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** Everything a remote may use of the host. Remotes never reach into the shell otherwise. */
export interface HostApi {
  /** The host API version (semver); remotes declare the range they need. */
  shellApi: string;
  bus: EventBus;
  api: PosApi;
  queryClient: QueryClient;
  i18n: I18n;
  session: SessionInfo;
  can(permission: Permission): boolean;
  /**
   * Asks a supervisor for an inline approval of one action the signed-in staff member may not do
   * alone (`can(permission)` is false): the host shows its PIN dialog on this tablet, the
   * supervisor types their PIN, and the approval comes back — null when it was cancelled or the
   * tablet is offline (approvals need the server). Pass `approval.token` as `{ approval }` in the
   * request options of the one api call it is for; it is single-use and lasts two minutes.
   * Since host API 1.1.
   */
  requestApproval(permission: ApprovablePermission): Promise<Approval | null>;
  connectivity(): Connectivity;
  /**
   * Whether a capability works without the server (e.g. 'payments.cash' yes, card payments no):
   * while `connectivity().state` is 'offline', features that return false show "needs network".
   */
  worksOffline(capability: string): boolean;
  navigate(path: string): void;
  /** Shows a toast; with `href` (a shell path) tapping the toast opens that path. */
  notify(kind: BusEvents['notification.toast']['kind'], message: string, options?: { href?: string }): void;
  /** Persistent key-value storage; remotes namespace their own keys. */
  storage: HostStorage;
  /** Other remotes' slots, to mount in a remote's own screen. Since host API 1.2; absent before. */
  slots?: HostSlots;
  /** This tablet's unsent commands (payments so far). Since host API 1.3; absent before. */
  outbox?: HostOutbox;
}
