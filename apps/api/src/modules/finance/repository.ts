import type { LedgerEntriesTable, PaymentsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const insertPayment = (db: Db, row: PaymentsTable) => db.insertInto('payments').values(row).execute();

/** The ledger is append-only (the database refuses updates and deletes). */
export const appendLedger = (db: Db, rows: LedgerEntriesTable[]) =>
  rows.length === 0 ? Promise.resolve() : db.insertInto('ledger_entries').values(rows).execute();

export const capturedPaymentsOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([] as PaymentsTable[])
    : db.selectFrom('payments').selectAll().where('order_id', 'in', orderIds).where('status', '=', 'captured').orderBy('created_at').execute();

/** Ledger sums of a shift per kind and method (PostgreSQL returns bigint sums as strings). */
export async function ledgerTotals(db: Db, shiftId: string) {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['kind', 'method', (eb) => eb.fn.sum<string | number>('amount').as('total')])
    .where('shift_id', '=', shiftId)
    .groupBy(['kind', 'method'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, method: r.method, total: Number(r.total ?? 0) }));
}
