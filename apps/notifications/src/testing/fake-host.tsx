import { type BusEventName, type BusEvents, type KitchenTicket, PERMISSIONS, type SessionInfo } from '@pos/contracts';
import { addNamespace, createI18n } from '@pos/i18n';
import type { HostApi, HostStorage, PosApi } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { filter, map, Subject } from 'rxjs';
import { notificationsTexts } from '../texts';

/** Storage round-trips values the way IndexedDB does: by copy, never by reference. */
const clone = <T,>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export const VENUE_ID = '0190a000-0000-7000-8000-000000000001';
export const ME_ID = '0190a000-0000-7000-8000-0000000000aa';
export const OTHER_ID = '0190a000-0000-7000-8000-0000000000bb';
export const MAIN_HALL = { id: '0190a000-0000-7000-8000-00000000b001', name: 'Основной зал' };
export const TERRACE = { id: '0190a000-0000-7000-8000-00000000b002', name: 'Терраса' };

/** A key-value storage in memory, as the shell's fallback; `data` is visible to the test. */
export function createFakeStorage(initial: Record<string, unknown> = {}) {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    data,
    get: jest.fn((key: string) => Promise.resolve(clone(data.get(key)))) as jest.Mock & HostStorage['get'],
    set: jest.fn((key: string, value: unknown) => {
      data.set(key, clone(value));
      return Promise.resolve();
    }),
  };
}

/** A HostApi as the shell gives it: a real bus-like Subject, i18n with this remote's texts. */
export function createFakeHost({
  storage = createFakeStorage(),
  language = 'ru' as 'ru' | 'en',
  can = (() => true) as HostApi['can'],
}: { storage?: ReturnType<typeof createFakeStorage>; language?: 'ru' | 'en'; can?: HostApi['can'] } = {}) {
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
  addNamespace(i18n, 'notifications', notificationsTexts);
  const session: SessionInfo = {
    staff: { id: ME_ID, name: 'Анна', role: 'waiter', isActive: true },
    venue: { id: VENUE_ID, slug: 'demo', name: 'Ресторан «Демо»', currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru-RU' },
    permissions: [...PERMISSIONS],
  };
  const host: HostApi = {
    shellApi: '1.0.0',
    bus: bus as unknown as HostApi['bus'],
    api: {} as PosApi,
    queryClient: new QueryClient(),
    i18n,
    session,
    can: jest.fn(can),
    connectivity: () => ({ state: 'online', pending: 0 }),
    navigate: jest.fn(),
    notify: jest.fn(),
    storage,
  };
  return { host, storage };
}

let seq = 0;
export function readyTicket(overrides: Partial<KitchenTicket> = {}): KitchenTicket {
  seq += 1;
  const at = new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString();
  return {
    id: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    number: seq,
    orderId: '0190a000-0000-7000-8000-00000000c001',
    orderNumber: 7,
    tableId: '0190a000-0000-7000-8000-00000000d005',
    tableLabel: '5',
    hallId: MAIN_HALL.id,
    hallName: MAIN_HALL.name,
    waiterId: ME_ID,
    waiterName: 'Анна',
    stationId: '0190a000-0000-7000-8000-00000000e001',
    stationCode: 'hot',
    course: 1,
    status: 'ready',
    items: [{ id: '0190a000-0000-7000-8000-00000000f001', lineId: '0190a000-0000-7000-8000-00000000f002', name: 'Стейк рибай', modifiers: [], quantity: 1, note: null, kind: 'add' }],
    createdAt: at,
    statusChangedAt: at,
    version: 2,
    ...overrides,
  };
}
