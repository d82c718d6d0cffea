import { CAPTURED_STATUSES } from '@pos/contracts';
import { isPostgres } from '../../db/dialect';
import type { LedgerEntriesTable, PaymentEventsTable, PaymentsTable, VenuePaymentSettingsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const insertPayment = (db: Db, row: PaymentsTable) => db.insertInto('payments').values(row).execute();

/** The ledger is append-only (the database refuses updates and deletes). */
export const appendLedger = (db: Db, rows: LedgerEntriesTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('ledger_entries').values(rows).execute();

/** The transition log is append-only too. */
export const appendPaymentEvent = (db: Db, row: PaymentEventsTable) => db.insertInto('payment_events').values(row).execute();

/** Payments whose money counts toward their orders: captured, possibly refunded in part or whole. */
export const capturedPaymentsOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([] as PaymentsTable[])
    : db.selectFrom('payments').selectAll().where('order_id', 'in', orderIds).where('status', 'in', [...CAPTURED_STATUSES]).orderBy('created_at').execute();

export const paymentsOfOrder = (db: Db, venueId: string, orderId: string) =>
  db.selectFrom('payments').selectAll().where('venue_id', '=', venueId).where('order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();

/**
 * Reads a payment for a transition. On PostgreSQL the row stays locked until the command's
 * transaction ends, so two captures or refunds of one payment run one after the other; SQLite
 * runs one write transaction at a time anyway.
 */
export function lockPayment(db: Db, venueId: string, paymentId: string) {
  const query = db.selectFrom('payments').selectAll().where('venue_id', '=', venueId).where('id', '=', paymentId);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

export const updatePayment = (db: Db, paymentId: string, patch: Partial<PaymentsTable>) =>
  db.updateTable('payments').set(patch).where('id', '=', paymentId).execute();

export const eventsOfPayment = (db: Db, venueId: string, paymentId: string) =>
  db.selectFrom('payment_events').selectAll().where('venue_id', '=', venueId).where('payment_id', '=', paymentId).orderBy('created_at').orderBy('id').execute();

/** Authorized holds whose expiry has passed. */
export const expiredHolds = (db: Db, venueId: string, now: string) =>
  db.selectFrom('payments').selectAll().where('venue_id', '=', venueId).where('status', '=', 'authorized').where('expires_at', '<=', now).orderBy('expires_at').orderBy('id').execute();

export const paymentSettingsOf = (db: Db, venueId: string): Promise<VenuePaymentSettingsTable | undefined> =>
  db.selectFrom('venue_payment_settings').selectAll().where('venue_id', '=', venueId).executeTakeFirst();

/** One row per venue: inserted the first time, overwritten after (the same upsert on SQLite and PostgreSQL). */
export const savePaymentSettings = (db: Db, row: VenuePaymentSettingsTable) =>
  db
    .insertInto('venue_payment_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('venue_id').doUpdateSet({ tip_tolerance_percent: row.tip_tolerance_percent, hold_expiry_days: row.hold_expiry_days, day_close_policy: row.day_close_policy }),
    )
    .execute();

/** Ledger sums of a shift per kind and method (PostgreSQL returns bigint sums as strings). */
/** Sales, tips and refunds of a shift per staff member who took them, with the payments each took. */
export async function ledgerStaffTotals(db: Db, shiftId: string) {
  const rows = await db
    .selectFrom('ledger_entries as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .select([
      'l.staff_id',
      's.name as staff_name',
      'l.kind',
      (eb) => eb.fn.sum<string | number>('l.amount').as('total'),
      (eb) => eb.fn.count<string | number>('l.payment_id').distinct().as('payments'),
    ])
    .where('l.shift_id', '=', shiftId)
    .groupBy(['l.staff_id', 's.name', 'l.kind'])
    .execute();
  return rows.map((r) => ({ staffId: r.staff_id, staffName: r.staff_name, kind: r.kind, total: Number(r.total ?? 0), payments: Number(r.payments ?? 0) }));
}

export async function ledgerTotals(db: Db, shiftId: string) {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['kind', 'method', (eb) => eb.fn.sum<string | number>('amount').as('total')])
    .where('shift_id', '=', shiftId)
    .groupBy(['kind', 'method'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, method: r.method, total: Number(r.total ?? 0) }));
}
