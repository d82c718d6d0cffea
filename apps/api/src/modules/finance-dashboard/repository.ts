import type { Db } from '../../shared/command';

/**
 * Read-only queries of the dashboard over the ledger and the orders it names. It never writes, so
 * it reads those tables itself (a read model) instead of assembling whole orders through
 * `OrderReads`: a day of 2,000 checks is a few indexed scans, not 2,000 order assemblies.
 */

/** Which ledger rows a dashboard covers: one shift, or a venue's business day [from, to). */
export type LedgerScope = { shiftId: string } | { from: string; to: string };

export interface DashboardLedgerRow {
  id: string;
  kind: string;
  method: string;
  amount: number;
  created_at: string;
  order_id: string | null;
  waiter_id: string | null;
}

/**
 * The ledger rows in scope with the waiter of their order. By day the (venue_id, created_at)
 * index bounds the scan to the day, so older history does not slow it down.
 */
export function ledgerRowsQuery(db: Db, venueId: string, scope: LedgerScope, waiterId: string | null) {
  let query = db
    .selectFrom('ledger_entries as l')
    .leftJoin('orders as o', 'o.id', 'l.order_id')
    .select(['l.id', 'l.kind', 'l.method', 'l.amount', 'l.created_at', 'l.order_id', 'o.waiter_id'])
    .where('l.venue_id', '=', venueId);
  query = 'shiftId' in scope ? query.where('l.shift_id', '=', scope.shiftId) : query.where('l.created_at', '>=', scope.from).where('l.created_at', '<', scope.to);
  if (waiterId) query = query.where('o.waiter_id', '=', waiterId);
  return query.orderBy('l.created_at').orderBy('l.id');
}

/** The scope's ledger rows; with `from`, only those booked after it (or at it, `inclusive`): the rows a kept scope may lack. */
export const ledgerRows = (db: Db, venueId: string, scope: LedgerScope, waiterId: string | null, from: { at: string; inclusive: boolean } | null = null): Promise<DashboardLedgerRow[]> =>
  (from ? ledgerRowsQuery(db, venueId, scope, waiterId).where('l.created_at', from.inclusive ? '>=' : '>', from.at) : ledgerRowsQuery(db, venueId, scope, waiterId)).execute();

/**
 * Orders booked to the shift or opened in the day: their voids count even when nothing was paid.
 * A shift's are found by the shift alone (the service checked it is the venue's): with a venue
 * condition beside it, PostgreSQL without statistics took an index led by venue_id
 * (orders_venue_updated_idx, the BI export's) and filtered every order of the venue.
 */
export function ordersInScopeQuery(db: Db, venueId: string, scope: LedgerScope, waiterId: string | null) {
  const base = db.selectFrom('orders').select(['id', 'version', 'guests', 'waiter_id']);
  let query = 'shiftId' in scope ? base.where('shift_id', '=', scope.shiftId) : base.where('venue_id', '=', venueId).where('created_at', '>=', scope.from).where('created_at', '<', scope.to);
  if (waiterId) query = query.where('waiter_id', '=', waiterId);
  return query;
}

export const ordersInScope = (db: Db, venueId: string, scope: LedgerScope, waiterId: string | null) => ordersInScopeQuery(db, venueId, scope, waiterId).execute();

/** An order's state as the dashboard keeps it: its version tells when its lines must be read again. */
export interface OrderState {
  id: string;
  version: number;
  guests: number;
  waiter_id: string;
}

export const ordersByIds = (db: Db, ids: string[]): Promise<OrderState[]> =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('orders').select(['id', 'version', 'guests', 'waiter_id']).where('id', 'in', ids).execute();

export const linesOf = (db: Db, orderIds: string[]) =>
  orderIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('order_lines')
        .select(['id', 'order_id', 'product_id', 'name', 'unit_price', 'modifiers', 'quantity', 'voided_quantity'])
        .where('order_id', 'in', orderIds)
        .execute();

export const staffNames = (db: Db, venueId: string, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('staff').select(['id', 'name']).where('venue_id', '=', venueId).where('id', 'in', ids).execute();

/**
 * What the figures of a scope are made of, in three numbers: the ledger rows in scope (append-only,
 * so their count only grows), and the count and summed versions of the orders in scope (every
 * change to an order or its lines bumps its version). Equal marks, equal figures. Index-only for a
 * day's ledger and a shift's ledger; the orders' versions are one indexed pass over the scope.
 */
export async function scopeMark(db: Db, venueId: string, scope: LedgerScope): Promise<ScopeMark> {
  let ledger = db.selectFrom('ledger_entries').select((eb) => eb.fn.countAll().as('n'));
  ledger = 'shiftId' in scope ? ledger.where('shift_id', '=', scope.shiftId) : ledger.where('venue_id', '=', venueId).where('created_at', '>=', scope.from).where('created_at', '<', scope.to);
  const counted = db.selectFrom('orders').select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('version').as('v')]);
  // A shift's orders by the shift alone, as in ordersInScopeQuery.
  const orders = 'shiftId' in scope ? counted.where('shift_id', '=', scope.shiftId) : counted.where('venue_id', '=', venueId).where('created_at', '>=', scope.from).where('created_at', '<', scope.to);
  const [l, o] = await Promise.all([ledger.executeTakeFirstOrThrow(), orders.executeTakeFirstOrThrow()]);
  return { ledgerRows: Number(l.n), orders: `${o.n}:${o.v ?? 0}` };
}

export interface ScopeMark {
  /** Ledger rows in scope: append-only, so a scope that holds this many rows holds them all. */
  ledgerRows: number;
  /** The count and summed versions of the orders in scope: unchanged, no order in scope changed. */
  orders: string;
}
