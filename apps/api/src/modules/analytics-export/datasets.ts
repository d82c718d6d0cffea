import { type AnalyticsExportDataset, lineTotal, unitTotal } from '@pos/contracts';
import type { Db } from '../../shared/command';
import { parseJson } from '../../shared/json';
import type { ExportRow } from './format';
import * as readModel from './read-model';
import type { ExportLedgerRow, ExportLineRow, ExportOrderRow, ExportPromotionRow, ExportScope, ExportShiftRow, PageKey } from './read-model';

/**
 * The five datasets of a BI export: each its columns (the CSV header, the NDJSON keys, in order),
 * a count to estimate progress by, and its rows as pages read one after another — never a whole
 * dataset at once. Money is an integer of minor units with the venue's `currency` beside it;
 * times are ISO-8601 UTC as stored.
 */
export interface DatasetSource {
  columns: readonly string[];
  count(): Promise<number>;
  /** A reader of the dataset's pages: each call answers the next page, null after the last. */
  pages(): () => Promise<ExportPage | null>;
}

/**
 * A page as read, its rows built one at a time (`rowAt`) while they are written: a row object
 * lives only until its line is formatted, and a page is let go of before the next is read.
 * Objects that outlive two young-generation collections move to the old generation, which only a
 * full GC empties — the API's memory would grow by that garbage. (A generator over the page's
 * rows did exactly that: measured +27 MB of old generation per 100k lines.)
 */
export interface ExportPage {
  readonly size: number;
  rowAt(index: number): ExportRow;
}

class RowPage<T> implements ExportPage {
  constructor(
    private readonly rows: readonly T[],
    private readonly build: (row: T) => ExportRow,
  ) {}

  get size(): number {
    return this.rows.length;
  }

  rowAt(index: number): ExportRow {
    return this.build(this.rows[index]);
  }
}

/** Rows per page of a dataset read directly (orders, ledger, shifts). */
export const PAGE_ROWS = 2_000;
/** Orders per page when their lines or promotions are read (an order holds at most a few hundred lines). */
export const PAGE_ORDERS = 200;

const ORDER_COLUMNS = ['id', 'number', 'status', 'table_id', 'session_id', 'waiter_id', 'shift_id', 'customer_id', 'guests', 'note', 'version', 'currency', 'created_at', 'updated_at', 'closed_at'] as const;
const LINE_COLUMNS = [
  'id', 'order_id', 'order_number', 'product_id', 'name', 'course', 'position', 'unit_price', 'modifiers_price', 'quantity', 'voided_quantity', 'void_reason', 'amount', 'voided_amount',
  'currency', 'modifiers', 'note', 'is_charge', 'combo_line_id', 'created_at', 'first_fired_at',
] as const;
const PAYMENT_COLUMNS = ['id', 'kind', 'method', 'amount', 'currency', 'order_id', 'order_number', 'payment_id', 'shift_id', 'staff_id', 'created_at'] as const;
const SHIFT_COLUMNS = [
  'id', 'cashier_id', 'till_id', 'status', 'is_rescue', 'opened_at', 'closed_at', 'close_mode', 'opening_float', 'currency', 'expected', 'counted', 'difference', 'closed_by',
] as const;
const PROMOTION_COLUMNS = ['order_id', 'order_number', 'promotion_id', 'position', 'name', 'kind', 'manual', 'saving', 'currency', 'lines'] as const;

export const orderRow = (o: ExportOrderRow, currency: string): ExportRow => ({
  id: o.id,
  number: Number(o.number),
  status: o.status,
  table_id: o.table_id,
  session_id: o.session_id,
  waiter_id: o.waiter_id,
  shift_id: o.shift_id,
  customer_id: o.customer_id ?? null,
  guests: Number(o.guests),
  note: o.note,
  version: Number(o.version),
  currency,
  created_at: o.created_at,
  updated_at: o.updated_at,
  closed_at: o.closed_at,
});

export function lineRow(l: ExportLineRow, orderNumber: number, currency: string): ExportRow {
  const modifiers = parseJson<{ priceDelta: number }[]>(l.modifiers, []);
  const priced = { id: l.id, unitPrice: Number(l.unit_price), modifiers, quantity: Number(l.quantity), voidedQuantity: Number(l.voided_quantity) };
  const unit = unitTotal(priced);
  return {
    id: l.id,
    order_id: l.order_id,
    order_number: orderNumber,
    product_id: l.product_id,
    name: l.name,
    course: Number(l.course),
    position: Number(l.position),
    unit_price: priced.unitPrice,
    // What the modifiers add to a portion (a discounting modifier never takes it below zero).
    modifiers_price: unit - priced.unitPrice,
    quantity: priced.quantity,
    voided_quantity: priced.voidedQuantity,
    void_reason: l.void_reason,
    // The standing portions at the line's price before promotions (the promotions dataset holds the savings).
    amount: lineTotal(priced),
    voided_amount: unit * priced.voidedQuantity,
    currency,
    modifiers,
    note: l.note,
    is_charge: Boolean(Number(l.is_charge ?? 0)),
    combo_line_id: l.combo_line_id ?? null,
    created_at: l.created_at,
    first_fired_at: l.first_fired_at ?? null,
  };
}

export const paymentRow = (p: ExportLedgerRow, currency: string): ExportRow => ({
  id: p.id,
  kind: p.kind,
  method: p.method,
  amount: Number(p.amount),
  currency,
  order_id: p.order_id,
  order_number: p.order_number === null ? null : Number(p.order_number),
  payment_id: p.payment_id,
  shift_id: p.shift_id,
  staff_id: p.staff_id,
  created_at: p.created_at,
});

export const shiftRow = (s: ExportShiftRow, currency: string): ExportRow => ({
  id: s.id,
  cashier_id: s.cashier_id,
  till_id: s.till_id,
  status: s.status,
  is_rescue: Boolean(Number(s.is_rescue)),
  opened_at: s.opened_at,
  closed_at: s.closed_at,
  close_mode: s.close_mode,
  opening_float: Number(s.opening_float),
  currency,
  expected: parseJson<object | null>(s.expected, null),
  counted: parseJson<object | null>(s.counted, null),
  difference: parseJson<object | null>(s.difference, null),
  closed_by: s.closed_by,
});

export const promotionRow = (p: ExportPromotionRow, orderNumber: number, currency: string): ExportRow => ({
  order_id: p.order_id,
  order_number: orderNumber,
  promotion_id: p.promotion_id,
  position: Number(p.position),
  name: p.name,
  kind: p.kind,
  manual: Boolean(Number(p.manual)),
  saving: Number(p.saving),
  currency,
  lines: parseJson<object[]>(p.lines, []),
});

/**
 * A keyset reader: each call reads the page after the last one (null once there is none). A
 * plain function over its cursor, not an async generator: a generator's frame keeps the last
 * page it awaited alive while it reads the next, so every page outlived two young-generation
 * collections and went to the old generation (+57 MB of garbage per 100k lines, measured).
 */
function keysetPages<T, K>(read: (after: K | null) => Promise<T[]>, keyOf: (last: T) => K, limit: number): () => Promise<T[] | null> {
  let after: K | null = null;
  let isDone = false;
  return async () => {
    if (isDone) return null;
    const page = await read(after);
    if (page.length < limit) isDone = true;
    else after = keyOf(page[page.length - 1]);
    return page.length > 0 ? page : null;
  };
}

/** Pages of what each order holds (lines, promotions), read a page of orders at a time. */
function perOrderPages<T extends { order_id: string }>(db: Db, venueId: string, scope: ExportScope, read: (ids: string[]) => Promise<T[]>, row: (r: T, orderNumber: number) => ExportRow): () => Promise<ExportPage | null> {
  const nextOrders = keysetPages((after: PageKey | null) => readModel.ordersPage(db, venueId, scope, after, PAGE_ORDERS), (o) => readModel.orderPageKey(scope, o), PAGE_ORDERS);
  return async () => {
    for (;;) {
      const orders = await nextOrders();
      if (!orders) return null;
      const numbers = new Map(orders.map((o) => [o.id, Number(o.number)]));
      const rows = await read(orders.map((o) => o.id));
      if (rows.length > 0) return new RowPage(rows, (r: T) => row(r, numbers.get(r.order_id) ?? 0));
    }
  };
}

/** Pages of rows read directly, each row built by `build`. */
function directPages<T, K>(read: (after: K | null) => Promise<T[]>, keyOf: (last: T) => K, build: (row: T) => ExportRow): () => Promise<ExportPage | null> {
  const next = keysetPages(read, keyOf, PAGE_ROWS);
  return async () => {
    const rows = await next();
    return rows ? new RowPage(rows, build) : null;
  };
}

export function datasetSource(dataset: AnalyticsExportDataset, db: Db, venueId: string, scope: ExportScope, currency: string): DatasetSource {
  switch (dataset) {
    case 'orders':
      return {
        columns: ORDER_COLUMNS,
        count: () => readModel.countOrders(db, venueId, scope),
        pages: () => directPages((after: PageKey | null) => readModel.ordersPage(db, venueId, scope, after, PAGE_ROWS), (o) => readModel.orderPageKey(scope, o), (o) => orderRow(o, currency)),
      };
    case 'lines':
      return {
        columns: LINE_COLUMNS,
        count: () => readModel.countLines(db, venueId, scope),
        pages: () => perOrderPages(db, venueId, scope, (ids) => readModel.linesOf(db, ids), (l, n) => lineRow(l, n, currency)),
      };
    case 'promotions':
      return {
        columns: PROMOTION_COLUMNS,
        count: () => readModel.countPromotions(db, venueId, scope),
        pages: () => perOrderPages(db, venueId, scope, (ids) => readModel.promotionsOf(db, ids), (p, n) => promotionRow(p, n, currency)),
      };
    case 'payments':
      return {
        columns: PAYMENT_COLUMNS,
        count: () => readModel.countLedger(db, venueId, scope),
        pages: () => directPages((after: PageKey | null) => readModel.ledgerPage(db, venueId, scope, after, PAGE_ROWS), (p) => ({ at: p.created_at, id: p.id }), (p) => paymentRow(p, currency)),
      };
    case 'shifts':
      return {
        columns: SHIFT_COLUMNS,
        count: () => readModel.countShifts(db, venueId, scope),
        pages: () => directPages((after: string | null) => readModel.shiftsPage(db, venueId, scope, after, PAGE_ROWS), (sh) => sh.id, (sh) => shiftRow(sh, currency)),
      };
  }
}
