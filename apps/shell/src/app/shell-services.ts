import { loadRemote, registerRemotes, satisfy } from '@module-federation/enhanced/runtime';
import type { PosApi } from '@pos/api-client';
import type { LoginResult, Permission } from '@pos/contracts';
import { OFFLINE_CAPABILITIES, SHELL_API_VERSION } from '@pos/contracts/constants';
import { createEventBus } from '@pos/event-bus';
import { createI18n, type Language } from '@pos/i18n';
import type { Connectivity, HostApi } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { BehaviorSubject } from 'rxjs';
import { registerApplication, unregisterApplication } from 'single-spa';
import { ApprovalRequests } from '../core/approval-requests';
import { addPinPadTexts } from '../i18n/frame';
import { createHostOutbox } from '../core/host-outbox';
import { createHostStorage } from '../core/host-storage';
import { createHostSlots } from '../core/plugin-host/host-slots';
import { PluginHost } from '../core/plugin-host/plugin-host';
import { navigate } from '../core/router';
import { REMOTE_OUTLET_ID, type ShellServices } from '../core/services';
import { loadSession, saveSession } from '../core/session';
import { SignedInFrame } from './signed-in-frame';

export function createShellServices(): ShellServices {
  const bus = createEventBus();
  const language = (localStorage.getItem('pos.language') as Language | null) ?? 'ru';
  const i18n = createI18n(language);
  addPinPadTexts(i18n);
  i18n.on('languageChanged', (lng) => {
    localStorage.setItem('pos.language', lng);
    document.documentElement.lang = lng;
  });
  const session$ = new BehaviorSubject<LoginResult | null>(loadSession());
  const connectivity$ = new BehaviorSubject<Connectivity>({ state: navigator.onLine ? 'online' : 'offline', pending: 0 });
  bus.on('connectivity.changed').subscribe((c) => connectivity$.next(c));

  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 5_000 } },
  });

  const approvals = new ApprovalRequests();

  const signOut = () => {
    approvals.cancel();
    saveSession(null);
    session$.next(null);
    queryClient.clear();
    void pluginHost.sync([]);
    navigate('/', true);
  };

  // The offline layer (Dexie, the outbox) is its own chunk, fetched once the first screen has
  // painted (the PIN pad's first load stays small); until it is there, calls wait for it.
  let screenShown!: () => void;
  const firstScreen = new Promise<void>((resolve) => (screenShown = resolve));
  const offline = firstScreen
    .then(afterPaint)
    .then(() => import('../core/offline'))
    .then(({ createShellOffline }) => createShellOffline({ session$, queryClient, bus, onUnauthorized: () => signOut() }));
  const api = deferredApi(offline.then((o) => o.api));
  // While staff type their PIN, the signed-in frame, the floor (where most land) and the screens'
  // texts come too, so a sign-in renders them at once. Only a warm-up: a failure shows at use.
  firstScreen
    .then(afterPaint)
    .then(async () => {
      await SignedInFrame.preload();
      // The screens' set lives in the frame's chunk (here already).
      const { screensOf } = await import('./screens');
      await screensOf(services).FloorScreen.preload();
    })
    .catch(() => undefined);

  const storage = createHostStorage();
  // Remotes mount other remotes' slots through the shell's own <Slot> (host API 1.2).
  const hostSlots = createHostSlots(() => services);
  // Remotes add this tablet's unsent payments to the server's last figures (host API 1.3).
  const hostOutbox = createHostOutbox(offline);
  let host: HostApi | null = null;
  const makeHost = (): HostApi => {
    const session = session$.value;
    if (!session) throw new Error('No session: remotes mount only after sign-in');
    if (host && host.session.staff.id === session.staff.id && host.session.venue.id === session.venue.id) return host;
    const permissions = new Set<Permission>(session.permissions);
    host = {
      shellApi: SHELL_API_VERSION,
      bus,
      api,
      queryClient,
      i18n,
      session: { staff: session.staff, venue: session.venue, permissions: session.permissions },
      can: (p) => permissions.has(p),
      requestApproval: (permission) => approvals.request(permission),
      connectivity: () => connectivity$.value,
      worksOffline: (capability) => (OFFLINE_CAPABILITIES as readonly string[]).includes(capability),
      navigate: (path) => navigate(path),
      notify: (kind, message, options) =>
        bus.emit('notification.toast', options?.href ? { kind, message, href: options.href } : { kind, message }),
      storage,
      slots: hostSlots,
      outbox: hostOutbox,
    };
    return host;
  };

  const pluginHost = new PluginHost({
    host: makeHost,
    runtime: {
      registerRemotes: (remotes, options) => registerRemotes(remotes, options),
      loadRemote: (id) => loadRemote(id),
      satisfies: (version, range) => satisfy(version, range),
    },
    routes: { registerApplication: (config) => registerApplication(config), unregisterApplication },
    shellApi: SHELL_API_VERSION,
    outlet: () => document.getElementById(REMOTE_OUTLET_ID),
  });

  const services: ShellServices = {
    bus,
    api,
    queryClient,
    i18n,
    pluginHost,
    offline,
    screenShown: () => screenShown(),
    session$,
    connectivity$,
    approvals,
    host: makeHost,
    signIn(session) {
      saveSession(session);
      queryClient.clear();
      session$.next(session);
    },
    signOut,
  };
  return services;
}

/** A PosApi whose every call waits for the real one (loaded in its own chunk). */
function deferredApi(ready: Promise<PosApi>): PosApi {
  return new Proxy({} as PosApi, {
    get(_target, name: string) {
      if (name === 'then') return undefined;
      return (...args: unknown[]) => ready.then((api) => (api[name as keyof PosApi] as (...a: unknown[]) => unknown)(...args));
    },
  });
}

/** Resolves once the frame being rendered has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
