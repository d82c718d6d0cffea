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
  pages(): AsyncGenerator<ExportPage>;
}

/**
 * A page as read, its rows built one at a time while they are written: a row object lives only
 * until its line is formatted, and a page is let go of before the next is read. Objects that
 * outlive two young-generation collections are moved to the old generation, which only a full GC
 * empties: the API's memory would grow by that garbage up to V8's old-generation limit.
 */
export interface ExportPage {
  size: number;
  rows: Iterable<ExportRow>;
}

function lazyPage<T>(rows: readonly T[], build: (row: T) => ExportRow): ExportPage {
  return {
    size: rows.length,
    rows: (function* () {
      for (const row of rows) yield build(row);
    })(),
  };
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

/** Pages of the orders in scope, by keyset. */
async function* orderPages(db: Db, venueId: string, scope: ExportScope, limit: number): AsyncGenerator<ExportOrderRow[]> {
  let after: PageKey | null = null;
  for (;;) {
    const page = await readModel.ordersPage(db, venueId, scope, after, limit);
    if (page.length > 0) yield page;
    if (page.length < limit) return;
    after = readModel.orderPageKey(scope, page[page.length - 1]);
  }
}

/** The rows of something each order holds (lines, promotions), read a page of orders at a time. */
async function* perOrderPages<T extends { order_id: string }>(db: Db, venueId: string, scope: ExportScope, read: (ids: string[]) => Promise<T[]>, row: (r: T, orderNumber: number) => ExportRow): AsyncGenerator<ExportPage> {
  for await (const orders of orderPages(db, venueId, scope, PAGE_ORDERS)) {
    const numbers = new Map(orders.map((o) => [o.id, Number(o.number)]));
    let page: ExportPage | null = lazyPage(await read(orders.map((o) => o.id)), (r) => row(r, numbers.get(r.order_id) ?? 0));
    if (page.size > 0) yield page;
    // Let go of the page before the next one is read (see ExportPage).
    page = null;
  }
}

export function datasetSource(dataset: AnalyticsExportDataset, db: Db, venueId: string, scope: ExportScope, currency: string): DatasetSource {
  switch (dataset) {
    case 'orders':
      return {
        columns: ORDER_COLUMNS,
        count: () => readModel.countOrders(db, venueId, scope),
        async *pages() {
          for await (const orders of orderPages(db, venueId, scope, PAGE_ROWS)) yield lazyPage(orders, (o) => orderRow(o, currency));
        },
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
        async *pages() {
          let after: PageKey | null = null;
          for (;;) {
            const page = await readModel.ledgerPage(db, venueId, scope, after, PAGE_ROWS);
            if (page.length > 0) yield lazyPage(page, (p) => paymentRow(p, currency));
            if (page.length < PAGE_ROWS) return;
            const last = page[page.length - 1];
            after = { at: last.created_at, id: last.id };
          }
        },
      };
    case 'shifts':
      return {
        columns: SHIFT_COLUMNS,
        count: () => readModel.countShifts(db, venueId, scope),
        async *pages() {
          let after: string | null = null;
          for (;;) {
            const page = await readModel.shiftsPage(db, venueId, scope, after, PAGE_ROWS);
            if (page.length > 0) yield lazyPage(page, (s) => shiftRow(s, currency));
            if (page.length < PAGE_ROWS) return;
            after = page[page.length - 1].id;
          }
        },
      };
  }
}
