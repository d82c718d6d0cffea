import { createApiClient, createPosApi, type PosApi, queryKeys } from '@pos/api-client';
import type { LoginResult, Menu, Order } from '@pos/contracts';
import { OFFLINE_ROLES } from '@pos/contracts/sign-in';
import type { EventBus } from '@pos/event-bus';
import { ConnectivityMonitor, createOfflineApi, MenuStore, OfflineDb, OfflineStaffStore, orderView, Outbox, pendingPaymentsOf } from '@pos/offline';
import type { PendingPayments } from '@pos/plugin-sdk';
import type { QueryClient } from '@tanstack/react-query';
import type { BehaviorSubject } from 'rxjs';
import { loadEnrollment } from './device';
import { deviceId } from './session';
import type { SocketLink } from './socket-bridge';

/** A request without an answer this long counts as "no network" (a quiet Wi-Fi drop hangs, it does not fail). */
const REQUEST_TIMEOUT_MS = 10_000;
const PING_TIMEOUT_MS = 3_000;
/** While the socket is down the link is suspect: ping every second, and give up on a ping sooner. */
const SUSPECT_PING_MS = 1_000;
const SUSPECT_PING_TIMEOUT_MS = 1_500;

export interface ShellOffline {
  /** The PosApi the screens use: cached reads, queued commands. */
  api: PosApi;
  outbox: Outbox;
  connectivity: ConnectivityMonitor;
  db: OfflineDb;
  /** For the socket bridge. */
  link: SocketLink;
  /** Staff switching without the network. */
  staff: OfflineStaffStore;
  /** The signed-in venue's payments still in the outbox (`HostApi.outbox`). */
  pendingPayments(): Promise<PendingPayments>;
}

/**
 * The shell's offline layer: one IndexedDB, one outbox, one connectivity monitor. The outbox
 * drains whenever the server is reachable; its counts feed the header, and every acknowledged
 * command refreshes the screens from the server's answer (temporary ids become real ones).
 */
export function createShellOffline(deps: {
  session$: BehaviorSubject<LoginResult | null>;
  queryClient: QueryClient;
  bus: EventBus;
  onUnauthorized(): void;
}): ShellOffline {
  const { session$, queryClient, bus } = deps;
  const client = createApiClient({ getToken: () => session$.value?.token, onUnauthorized: () => session$.value && deps.onUnauthorized() });
  const plain = createPosApi(client);
  const db = new OfflineDb();

  const connectivity = new ConnectivityMonitor({
    ping: (timeoutMs) => client.get('/pos/ping', { signal: AbortSignal.timeout(timeoutMs) }),
    pingTimeoutMs: PING_TIMEOUT_MS,
    suspectMs: SUSPECT_PING_MS,
    suspectPingTimeoutMs: SUSPECT_PING_TIMEOUT_MS,
    navigator,
    window,
  });

  // Offline verifiers are bound to this tablet's device key: only it can check a PIN against them.
  const staff = new OfflineStaffStore(db, { deviceKey: async (venue) => (await loadEnrollment(venue))?.key ?? null });
  const staffLoaded = staff.load().catch((error) => console.warn('[offline] remembered sessions unavailable', error));

  // A queued command goes out with the token of whoever queued it (a colleague may be signed in
  // by now); without one it waits until that person signs in online again.
  const sendAs = (staffId: string) => {
    const current = session$.value;
    const token = staff.tokenFor(staffId) ?? (current?.staff.id === staffId && current.token ? current.token : null);
    return createApiClient({ getToken: () => token });
  };

  const outbox = new Outbox({
    db,
    send: async ({ method, path, body, idempotencyKey, staffId }) => {
      await staffLoaded;
      return sendAs(staffId).request(method, path, body, { idempotencyKey, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    },
    context: () => {
      const session = session$.value;
      return { venueId: session?.venue.id ?? '', staffId: session?.staff.id ?? '', deviceId: deviceId() };
    },
  });

  const menus = new MenuStore({ db, api: plain, connectivity });
  const api = createOfflineApi({
    api: plain,
    db,
    outbox,
    connectivity,
    session: () => {
      const s = session$.value;
      return s ? { venueId: s.venue.id, staffId: s.staff.id, staffName: s.staff.name, venueName: s.venue.name, currency: s.venue.currency } : null;
    },
    menu: () => queryClient.getQueryData<Menu>(queryKeys.menu),
    menus,
    onFresherMenu: (venueId, fresh) => {
      // Signed in elsewhere meanwhile: that venue's menu is not this screen's.
      if (session$.value?.venue.id !== venueId) return;
      queryClient.setQueryData<Menu>(queryKeys.menu, (shown) => (shown && shown.version >= fresh.version ? shown : fresh));
    },
  });

  connectivity.events.on('changed', ({ state, pending, reachable }) => {
    outbox.setOnline(reachable);
    bus.emit('connectivity.changed', { state, pending });
  });
  // Orders with queued commands, kept in step with the outbox (the socket bridge asks synchronously).
  let pendingOrders = new Set<string>();
  outbox.events.on('changed', ({ pending }) => {
    connectivity.setPending(pending);
    void outbox.pending().then(async (records) => {
      const ids = await Promise.all(records.flatMap((r) => (r.orderId ? [outbox.resolveId(r.orderId)] : [])));
      pendingOrders = new Set(ids);
    });
  });
  outbox.events.on('retrying', ({ error }) => {
    if (error.status === 0) connectivity.reportNetworkFailure();
  });
  outbox.events.on('acked', ({ record, order }) => {
    connectivity.reportAnswer();
    if (order) {
      // Every key a screen may file this order under: the server id, and the temporary id the
      // command was queued with (a screen opened offline keeps it until it follows the real one).
      const ids = new Set([order.id, ...[record.orderId, record.creates?.order].filter((id): id is string => Boolean(id))]);
      void outbox.pending().then(async (pending) => {
        const view = orderView(order, pending, ids);
        if (!view) return;
        // A read started before this answer would land after it with older data: drop it.
        for (const id of ids) await queryClient.cancelQueries({ queryKey: queryKeys.order(id) });
        // An answer that arrives after a newer one (a retried command) must not roll the screen back.
        for (const id of ids) queryClient.setQueryData<Order>(queryKeys.order(id), (cached) => (cached && cached.version > view.version ? cached : view));
      });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
    void queryClient.invalidateQueries({ queryKey: ['orders'] });
  });
  outbox.events.on('failed', ({ record }) => {
    bus.emit('notification.toast', { kind: 'error', message: record.error?.message ?? 'Command refused', ...(record.orderId ? { href: `/order/${record.orderId}` } : {}) });
    if (record.orderId) void queryClient.invalidateQueries({ queryKey: queryKeys.order(record.orderId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
  });

  // The menu is patched live by the socket: keep the copy in step (compact, a few seconds behind
  // at most), so a reload offline has it and the next start needs only a delta.
  const menuCache = queryClient.getQueryCache();
  menuCache.subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.query.queryKey[0] !== queryKeys.menu[0]) return;
    // A fetch started before a venue switch ends in a query the switch removed: not this venue's menu.
    if (menuCache.find({ queryKey: queryKeys.menu, exact: true }) !== event.query) return;
    const venueId = session$.value?.venue.id;
    const menu = event.query.state.data as Menu | undefined;
    if (venueId && menu) menus.keep(venueId, menu);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void menus.flush();
  });

  session$.subscribe((session) => {
    // Signed out (or switching staff): the menu's last patches are written now, not in a few seconds.
    if (!session) void menus.flush();
    if (!session?.token) return;
    // Online sign-in: remember it and refresh the venue's offline verifiers (roles that work
    // offline only: a cook's or an admin's token gets none), then send what waited.
    const mayKeepVerifiers = (OFFLINE_ROLES as readonly string[]).includes(session.staff.role);
    void (mayKeepVerifiers ? plain.offlineStaff() : Promise.reject(new Error('no offline verifiers for this role')))
      .then(
        (list) => staff.remember(session, list),
        () => staff.remember(session),
      )
      .catch((error) => console.warn('[offline] could not keep the sign-in for offline use', error))
      .finally(() => outbox.resumeAfterSignIn());
  });
  void outbox.emitCounts().then(() => outbox.drain());
  const link: SocketLink = {
    setSocketConnected: (connected) => connectivity.setSocketConnected(connected),
    hasPending: (orderId) => pendingOrders.has(orderId),
  };
  const pendingPayments = async () => pendingPaymentsOf(await outbox.pending(), session$.value?.venue.id ?? '');
  return { api, outbox, connectivity, db, link, staff, pendingPayments };
}
