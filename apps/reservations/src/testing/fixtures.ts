import type { Reservation, Table } from '@pos/contracts';
import { aReservation, aTable } from '@pos/contracts/testing';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { reservationsTexts } from '../texts';

export const HALL_ID = '0190a000-0000-7000-8000-00000000b001';

/** A free four-seater of the hall, its id made from its label. */
export function table(label: string, over: Partial<Table> = {}): Table {
  return aTable({ id: `0190a000-0000-7000-8000-0000000010${label.padStart(2, '0')}`, hallId: HALL_ID, label, seats: 4, status: 'free', session: null, ...over });
}

let seq = 0;
/** A booked reservation of these tables from `startsAt` for two hours. */
export function reservation(tables: Table[], startsAt: number | string, over: Partial<Reservation> = {}): Reservation {
  const starts = typeof startsAt === 'number' ? new Date(startsAt).toISOString() : startsAt;
  seq++;
  return aReservation({
    id: `0190a000-0000-7000-8000-0000000020${String(seq).padStart(2, '0')}`,
    status: 'booked',
    tables: tables.map((tb) => ({ id: tb.id, hallId: tb.hallId, label: tb.label, seats: tb.seats })),
    startsAt: starts,
    endsAt: new Date(Date.parse(starts) + 2 * 3_600_000).toISOString(),
    date: '2030-01-01',
    guests: 4,
    guestName: 'Иванова',
    guestPhone: '+79161234567',
    createdById: TEST_STAFF_ID,
    createdByName: 'Анна',
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...over,
  });
}

/** A host whose api lists `list()` (whatever it is at call time) as the reservations of any day. */
export function hostWith(list: () => Reservation[], options: { language?: 'ru' | 'en'; can?: HostApi['can'] } = {}) {
  const get = jest.fn(async (_query: { date: string }) => list());
  const post = jest.fn();
  const host = createTestHost({
    namespace: { name: 'reservations', resources: reservationsTexts },
    language: options.language,
    can: options.can,
    api: { reservations: get, createReservation: post, createOrder: jest.fn() },
    navigate: jest.fn(),
    notify: jest.fn(),
  });
  return { host, get, post };
}
