import type { Db } from '../../shared/command';

/**
 * Read-only queries of the BI export over orders, order lines, the ledger, shifts and applied
 * promotions. It never writes those tables, so it reads them itself (a read model, as the
 * dashboard does) instead of assembling orders through `OrderReads`. Every reader returns one page
 * after a keyset position, so an export of any size holds one page in memory at a time, and the
 * same SQL runs on SQLite and PostgreSQL.
 */

/**
 * Which rows an export covers, as a half-open window [from, to) of ISO instants:
 * - `created`: a period — orders opened in it (with their lines and promotions), ledger rows booked
 *   in it, shifts opened in it;
 * - `changed`: an incremental export — orders whose `updated_at` moved into it (every edit, void,
 *   payment or close bumps it; with all their lines and promotions), ledger rows booked in it
 *   (sales, tips, refunds, discounts: append-only), shifts opened or closed in it. `from` null:
 *   from the beginning.
 */
export type ExportScope = { by: 'created'; from: string; to: string } | { by: 'changed'; from: string | null; to: string };

/** A keyset position: the last row's time and id. */
export interface PageKey {
  at: string;
  id: string;
}

const orderTime = (scope: ExportScope) => (scope.by === 'created' ? 'created_at' : 'updated_at');

function ordersInScope(db: Db, venueId: string, scope: ExportScope) {
  const at = orderTime(scope);
  let query = db.selectFrom('orders').where('venue_id', '=', venueId).where(at, '<', scope.to);
  if (scope.from !== null) query = query.where(at, '>=', scope.from);
  return query;
}

export interface ExportOrderRow {
  id: string;
  number: number;
  status: string;
  table_id: string | null;
  session_id: string | null;
  waiter_id: string;
  shift_id: string | null;
  customer_id: string | null;
  guests: number;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** A page of the orders in scope, by (time, id) after `after`: (venue_id, created_at) or (venue_id, updated_at, id) indexes. */
export function ordersPage(db: Db, venueId: string, scope: ExportScope, after: PageKey | null, limit: number): Promise<ExportOrderRow[]> {
  const at = orderTime(scope);
  let query = ordersInScope(db, venueId, scope).select([
    'id', 'number', 'status', 'table_id', 'session_id', 'waiter_id', 'shift_id', 'customer_id', 'guests', 'note', 'version', 'created_at', 'updated_at', 'closed_at',
  ]);
  // `at >= after.at` bounds the index range; the OR then skips the rows of that instant already read.
  if (after) query = query.where(at, '>=', after.at).where((eb) => eb.or([eb(at, '>', after.at), eb('id', '>', after.id)]));
  return query.orderBy(at).orderBy('id').limit(limit).execute() as Promise<ExportOrderRow[]>;
}

export const orderPageKey = (scope: ExportScope, row: ExportOrderRow): PageKey => ({ at: scope.by === 'created' ? row.created_at : row.updated_at, id: row.id });

const count = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);

export const countOrders = (db: Db, venueId: string, scope: ExportScope) =>
  count(ordersInScope(db, venueId, scope).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());

export const countLines = (db: Db, venueId: string, scope: ExportScope) =>
  count(
    db
      .selectFrom('order_lines as l')
      .where('l.order_id', 'in', ordersInScope(db, venueId, scope).select('id'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );

export const countPromotions = (db: Db, venueId: string, scope: ExportScope) =>
  count(
    db
      .selectFrom('order_promotions')
      .where('order_id', 'in', ordersInScope(db, venueId, scope).select('id'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  );

/** The lines of a page of orders (at most a few thousand ids), each order's in till order. */
export const linesOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('order_lines')
        .select([
          'id', 'order_id', 'product_id', 'name', 'course', 'position', 'unit_price', 'modifiers', 'quantity', 'voided_quantity', 'void_reason', 'note',
          'is_charge', 'combo_line_id', 'created_at', 'first_fired_at',
        ])
        .where('order_id', 'in', orderIds)
        .orderBy('order_id')
        .orderBy('position')
        .orderBy('id')
        .execute();
export type ExportLineRow = Awaited<ReturnType<typeof linesOf>>[number];

export const promotionsOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('order_promotions')
        .select(['order_id', 'promotion_id', 'position', 'name', 'kind', 'manual', 'saving', 'lines'])
        .where('order_id', 'in', orderIds)
        .orderBy('order_id')
        .orderBy('position')
        .execute();
export type ExportPromotionRow = Awaited<ReturnType<typeof promotionsOf>>[number];

function ledgerInScope(db: Db, venueId: string, scope: ExportScope) {
  let query = db.selectFrom('ledger_entries as l').where('l.venue_id', '=', venueId).where('l.created_at', '<', scope.to);
  if (scope.from !== null) query = query.where('l.created_at', '>=', scope.from);
  return query;
}

/** A page of ledger rows (sales, tips, refunds, discounts) booked in the window, by (created_at, id). */
export function ledgerPage(db: Db, venueId: string, scope: ExportScope, after: PageKey | null, limit: number) {
  let query = ledgerInScope(db, venueId, scope)
    .leftJoin('orders as o', 'o.id', 'l.order_id')
    .select(['l.id', 'l.kind', 'l.method', 'l.amount', 'l.order_id', 'o.number as order_number', 'l.payment_id', 'l.shift_id', 'l.staff_id', 'l.created_at']);
  if (after) query = query.where('l.created_at', '>=', after.at).where((eb) => eb.or([eb('l.created_at', '>', after.at), eb('l.id', '>', after.id)]));
  return query.orderBy('l.created_at').orderBy('l.id').limit(limit).execute();
}
export type ExportLedgerRow = Awaited<ReturnType<typeof ledgerPage>>[number];

export const countLedger = (db: Db, venueId: string, scope: ExportScope) =>
  count(ledgerInScope(db, venueId, scope).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());

function shiftsInScope(db: Db, venueId: string, scope: ExportScope) {
  return db.selectFrom('shifts').where('venue_id', '=', venueId).where((eb) => {
    const inWindow = (column: 'opened_at' | 'closed_at') => (scope.from === null ? eb(column, '<', scope.to) : eb.and([eb(column, '>=', scope.from), eb(column, '<', scope.to)]));
    return scope.by === 'created' ? inWindow('opened_at') : eb.or([inWindow('opened_at'), inWindow('closed_at')]);
  });
}

/** A page of shifts opened (or, incrementally, opened or closed) in the window, by id: a venue has a few thousand. */
export function shiftsPage(db: Db, venueId: string, scope: ExportScope, afterId: string | null, limit: number) {
  let query = shiftsInScope(db, venueId, scope).select([
    'id', 'cashier_id', 'till_id', 'status', 'is_rescue', 'opened_at', 'closed_at', 'close_mode', 'opening_float', 'expected', 'counted', 'difference', 'closed_by',
  ]);
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit).execute();
}
export type ExportShiftRow = Awaited<ReturnType<typeof shiftsPage>>[number];

export const countShifts = (db: Db, venueId: string, scope: ExportScope) =>
  count(shiftsInScope(db, venueId, scope).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());

export const venueCurrency = async (db: Db, venueId: string) =>
  (await db.selectFrom('venues').select('currency').where('id', '=', venueId).executeTakeFirstOrThrow()).currency;
