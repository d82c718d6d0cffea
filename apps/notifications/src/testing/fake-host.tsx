import type { KitchenTicket } from '@pos/contracts';
import { aTicket, aTicketItem } from '@pos/contracts/testing';
import type { HostApi, HostStorage } from '@pos/plugin-sdk';
import { createMemoryStorage, createTestHost, TEST_STAFF_ID, TEST_VENUE_ID } from '@pos/plugin-sdk/testing';
import { notificationsTexts } from '../texts';

export const VENUE_ID = TEST_VENUE_ID;
export const ME_ID = TEST_STAFF_ID;
export const OTHER_ID = '0190a000-0000-7000-8000-0000000000bb';
export const MAIN_HALL = { id: '0190a000-0000-7000-8000-00000000b001', name: 'Основной зал' };
export const TERRACE = { id: '0190a000-0000-7000-8000-00000000b002', name: 'Терраса' };

/** The shared in-memory storage with spied get/set; `data` is visible to the test. */
export function createFakeStorage(initial: Record<string, unknown> = {}) {
  const memory = createMemoryStorage(initial);
  return {
    data: memory.data,
    get: jest.fn(memory.get) as jest.Mock & HostStorage['get'],
    set: jest.fn(memory.set),
  };
}

/** The shared test host, signed in as waiter Анна, with this remote's texts. */
export function createFakeHost({
  storage = createFakeStorage(),
  language = 'ru' as 'ru' | 'en',
  can = (() => true) as HostApi['can'],
}: { storage?: ReturnType<typeof createFakeStorage>; language?: 'ru' | 'en'; can?: HostApi['can'] } = {}) {
  const host = createTestHost({
    namespace: { name: 'notifications', resources: notificationsTexts },
    language,
    can: jest.fn(can),
    storage,
    navigate: jest.fn(),
    notify: jest.fn(),
  });
  return { host, storage };
}

let seq = 0;
/** The next ticket of Анна's order №7 (table 5, main hall) ready at the pass: one ribeye. */
export function readyTicket(overrides: Partial<KitchenTicket> = {}): KitchenTicket {
  seq += 1;
  const at = new Date(Date.UTC(2025, 0, 1, 12, 0, seq)).toISOString();
  return aTicket({
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
    items: [aTicketItem({ id: '0190a000-0000-7000-8000-00000000f001', lineId: '0190a000-0000-7000-8000-00000000f002', name: 'Стейк рибай', quantity: 1 })],
    createdAt: at,
    statusChangedAt: at,
    version: 2,
    ...overrides,
  });
}
