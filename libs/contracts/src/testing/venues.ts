import type { Reservation } from '../reservations';
import type { Hall, Table, TableSession } from '../venues';
import { FIXTURE_IDS, FIXTURE_TIME, fixtureId } from './ids';

/** The main hall. */
export const aHall = (over: Partial<Hall> = {}): Hall => ({ id: FIXTURE_IDS.hall, name: 'Основной зал', sort: 1, ...over });

/** Waiter Анна's open session of table 7, two guests. */
export const aTableSession = (over: Partial<TableSession> = {}): TableSession => ({
  id: FIXTURE_IDS.tableSession,
  tableId: FIXTURE_IDS.table,
  waiterId: FIXTURE_IDS.waiter,
  waiterName: 'Анна',
  guests: 2,
  status: 'open',
  openedAt: FIXTURE_TIME,
  closedAt: null,
  ...over,
});

/** A free square four-seater in the main hall, nothing cooking for it. */
export const aTable = (over: Partial<Table> = {}): Table => ({
  id: fixtureId(),
  hallId: FIXTURE_IDS.hall,
  label: '7',
  seats: 4,
  shape: 'square',
  x: 100,
  y: 100,
  width: 100,
  height: 100,
  status: 'free',
  session: null,
  openTotal: 0,
  kitchen: { cooking: 0, ready: 0 },
  ...over,
});

/** A booking of table 7 for four, tonight 19:00–21:00 UTC, made by Анна. */
export const aReservation = (over: Partial<Reservation> = {}): Reservation => ({
  id: fixtureId(),
  status: 'booked',
  tables: [{ id: FIXTURE_IDS.table, hallId: FIXTURE_IDS.hall, label: '7', seats: 4 }],
  startsAt: '2026-01-01T19:00:00.000Z',
  endsAt: '2026-01-01T21:00:00.000Z',
  date: '2026-01-01',
  guests: 4,
  guestName: 'Иванова',
  guestPhone: '+79161234567',
  note: null,
  sessionId: null,
  cancelReason: null,
  createdById: FIXTURE_IDS.waiter,
  createdByName: 'Анна',
  createdAt: FIXTURE_TIME,
  updatedAt: FIXTURE_TIME,
  version: 1,
  ...over,
});
