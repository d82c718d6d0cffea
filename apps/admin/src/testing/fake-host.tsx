import { type BusEventName, type BusEvents, type Permission, PERMISSIONS, type SessionInfo } from '@pos/contracts';
import { addNamespace, createI18n } from '@pos/i18n';
import { type HostApi, HostProvider, type PosApi } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { filter, map, Subject } from 'rxjs';
import { adminTexts } from '../texts';

export const VENUE_ID = '0190a000-0000-7000-8000-000000000001';
export const ME_ID = '0190a000-0000-7000-8000-0000000000aa';

export interface FakeHostOptions {
  /** What the signed-in staff member may do; everything by default. */
  permissions?: readonly Permission[];
  /** The api functions the test needs (jest.fn()); anything else throws when called. */
  api?: Partial<PosApi>;
  language?: 'ru' | 'en';
}

/** A HostApi as the shell gives it, with a real QueryClient and i18n, and a fake api and bus. */
export function createFakeHost({ permissions = PERMISSIONS, api = {}, language = 'ru' }: FakeHostOptions = {}) {
  const events = new Subject<{ name: BusEventName; payload: unknown }>();
  const bus = {
    emit: <N extends BusEventName>(name: N, payload: BusEvents[N]) => events.next({ name, payload }),
    on: <N extends BusEventName>(name: N) =>
      events.pipe(
        filter((e) => e.name === name),
        map((e) => e.payload as BusEvents[N]),
      ),
    all: () => events.asObservable(),
  };
  const i18n = createI18n(language);
  addNamespace(i18n, 'admin', adminTexts);
  const session: SessionInfo = {
    staff: { id: ME_ID, name: 'Елена', role: 'admin', isActive: true },
    venue: { id: VENUE_ID, slug: 'demo', name: 'Ресторан «Демо»', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru-RU' },
    permissions: [...permissions],
  };
  const missing = (name: string) => () => Promise.reject(new Error(`api.${name} is not faked in this test`));
  const fakeApi = new Proxy(api, { get: (target, name: string) => target[name as keyof PosApi] ?? missing(name) }) as PosApi;
  const allowed = new Set(permissions);
  const host: HostApi = {
    shellApi: '1.0.0',
    bus: bus as unknown as HostApi['bus'],
    api: fakeApi,
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } }),
    i18n,
    session,
    can: (p) => allowed.has(p),
    connectivity: () => ({ state: 'online', pending: 0 }),
    navigate: jest.fn(),
    notify: jest.fn(),
    storage: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
  };
  return host;
}

export function renderWithHost(ui: ReactElement, options: FakeHostOptions = {}) {
  const host = createFakeHost(options);
  return { host, ...render(<HostProvider host={host}>{ui}</HostProvider>) };
}
