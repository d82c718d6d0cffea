import { OFFLINE_CAPABILITIES, type Permission, PERMISSIONS, type SessionInfo, SHELL_API_VERSION } from '@pos/contracts';
import { createEventBus } from '@pos/event-bus';
import { addNamespace, createI18n, type Resources } from '@pos/i18n';
import { QueryClient } from '@tanstack/react-query';
import type { PosApi } from '@pos/api-client';
import type { Connectivity, HostApi, HostOutbox, HostSlots, HostStorage } from './host-api';

/**
 * Test fixtures for remotes (imported as `@pos/plugin-sdk/testing`, never from the main index):
 * a HostApi as the shell gives it — the real bus, a real QueryClient without retries, i18n with
 * the remote's namespace — around a fake api and an in-memory storage.
 */
export const TEST_VENUE_ID = '0190a000-0000-7000-8000-000000000001';
export const TEST_STAFF_ID = '0190a000-0000-7000-8000-0000000000aa';

export interface TestHostOptions {
  /** The remote's i18n namespace and texts. */
  namespace?: { name: string; resources: Resources };
  language?: 'ru' | 'en';
  staff?: Partial<SessionInfo['staff']>;
  /** What the signed-in staff member may do; everything by default. */
  permissions?: readonly Permission[];
  /** Overrides the permission check (e.g. a jest.fn to assert on). */
  can?: HostApi['can'];
  /** The api functions the test needs; anything else rejects when called. */
  api?: Partial<PosApi>;
  storage?: HostStorage;
  notify?: HostApi['notify'];
  navigate?: HostApi['navigate'];
  /** The supervisor's answer; by default nobody approves (null). */
  requestApproval?: HostApi['requestApproval'];
  /** Other remotes' slots (host API 1.2); absent by default, as on an older host. */
  slots?: HostSlots;
  /** This tablet's outbox (host API 1.3); absent by default, as on an older host. */
  outbox?: HostOutbox;
  /** What `connectivity()` answers; online with nothing pending by default. */
  connectivity?: () => Connectivity;
}

/** Storage that round-trips values by copy, as IndexedDB does; `data` is visible to the test. */
export function createMemoryStorage(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(initial));
  const copy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
  return {
    data,
    get: <T>(key: string) => Promise.resolve(copy(data.get(key)) as T | undefined),
    set: (key: string, value: unknown) => {
      data.set(key, copy(value));
      return Promise.resolve();
    },
  };
}

export function createTestHost(options: TestHostOptions = {}): HostApi {
  const permissions = options.permissions ?? PERMISSIONS;
  const allowed = new Set(permissions);
  const i18n = createI18n(options.language ?? 'ru');
  if (options.namespace) addNamespace(i18n, options.namespace.name, options.namespace.resources);
  const api = options.api ?? {};
  const missing = (name: string) => () => Promise.reject(new Error(`api.${name} is not faked in this test`));
  return {
    shellApi: SHELL_API_VERSION,
    bus: createEventBus(),
    api: new Proxy(api, { get: (target, name: string) => target[name as keyof PosApi] ?? missing(name) }) as PosApi,
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
    i18n,
    session: {
      staff: { id: TEST_STAFF_ID, name: 'Анна', role: 'waiter', isActive: true, ...options.staff },
      venue: { id: TEST_VENUE_ID, slug: 'demo', name: 'Ресторан «Демо»', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru-RU' },
      permissions: [...permissions],
    },
    can: options.can ?? ((p) => allowed.has(p)),
    requestApproval: options.requestApproval ?? (() => Promise.resolve(null)),
    connectivity: options.connectivity ?? (() => ({ state: 'online', pending: 0 })),
    worksOffline: (capability) => (OFFLINE_CAPABILITIES as readonly string[]).includes(capability),
    navigate: options.navigate ?? (() => undefined),
    notify: options.notify ?? (() => undefined),
    storage: options.storage ?? createMemoryStorage(),
    ...(options.slots ? { slots: options.slots } : {}),
    ...(options.outbox ? { outbox: options.outbox } : {}),
  };
}
