import { addDays, type AppliedPromotion, businessDate, businessDayBounds, type Order, orderChecks, type OrderLine, type OrdersQuery, orderTotals, type Split } from '@pos/contracts';
import { MAX_DAYS_AHEAD } from '@pos/contracts/constants';
import type { OrderLinesTable, OrdersTable } from '../../db/schema';
import { clock } from '../../shared/clock';
import type { Db } from '../../shared/command';
import { invalid, notFound } from '../../shared/errors';
import { parseJson } from '../../shared/json';
import type { AuthService } from '../auth/service';
import type { PromotionsService } from '../promotions/service';
import { withComboKitchenState } from './combo-lines';
import { toLine } from './line-state';
import type { OrderPayments, PaymentShare } from './ports';
import * as repo from './repository';

/** Orders as screens see them: lines, totals, checks and what was paid, read in the caller's transaction. */
export class OrderReads {
  constructor(
    private readonly auth: AuthService,
    private readonly payments: OrderPayments,
    private readonly promotions: PromotionsService,
  ) {}

  async get(db: Db, venueId: string, orderId: string): Promise<Order> {
    const row = await repo.findOrder(db, venueId, orderId);
    if (!row) throw notFound('order', orderId);
    return (await this.assemble(db, [row]))[0];
  }

  /** Orders matching the filters; `date` is the venue's business day the order was opened on. */
  async list(db: Db, venueId: string, query: OrdersQuery): Promise<Order[]> {
    const { date, ...filter } = query;
    let opened = {};
    if (date) {
      const { timezone } = await this.auth.venue(db, venueId);
      const latest = addDays(businessDate(clock.now(), timezone), MAX_DAYS_AHEAD);
      if (date > latest) throw invalid('query.date', `A business day up to ${latest}`);
      const { from, to } = businessDayBounds(date, timezone);
      opened = { openedFrom: from, openedBefore: to };
    }
    return this.assemble(db, await repo.listOrders(db, venueId, { ...filter, ...opened }));
  }

  /** One order from its row (and its lines, ordered by position) read by the caller in this transaction. */
  async assembleOne(db: Db, row: OrdersTable, lines: OrderLinesTable[]): Promise<Order> {
    return (await this.assemble(db, [row], lines))[0];
  }

  private async assemble(db: Db, rows: OrdersTable[], knownLines?: OrderLinesTable[]): Promise<Order[]> {
    const ids = rows.map((r) => r.id);
    const customerIds = [...new Set(rows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))];
    const [lines, payments, tables, staff, customers, promotions] = await Promise.all([
      knownLines ?? repo.linesOf(db, ids),
      this.payments.paymentShares(db, ids),
      repo.tableLabels(db, [...new Set(rows.flatMap((r) => (r.table_id ? [r.table_id] : [])))]),
      repo.staffNames(db, [...new Set(rows.map((r) => r.waiter_id))]),
      repo.customerNames(db, customerIds),
      this.promotions.appliedOf(db, ids),
    ]);
    const labelOf = new Map(tables.map((t) => [t.id, t.label]));
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    const customerOf = new Map(customers.map((c) => [c.id, { id: c.id, name: c.name }]));
    return rows.map((row) =>
      this.toOrder(
        row,
        withComboKitchenState(lines.filter((l) => l.order_id === row.id).map(toLine)),
        payments.filter((p) => p.orderId === row.id),
        row.table_id ? (labelOf.get(row.table_id) ?? null) : null,
        nameOf.get(row.waiter_id) ?? '',
        row.customer_id ? (customerOf.get(row.customer_id) ?? null) : null,
        promotions.get(row.id) ?? [],
      ),
    );
  }

  private toOrder(row: OrdersTable, lines: OrderLine[], payments: PaymentShare[], tableLabel: string | null, waiterName: string, customer: Order['customer'], promotions: AppliedPromotion[]): Order {
    const totals = orderTotals(lines, promotions.reduce((s, p) => s + p.saving, 0));
    const split = parseJson<Split | null>(row.split, null);
    const paid = payments.reduce((s, p) => s + p.amount, 0);
    return {
      id: row.id,
      number: row.number,
      tableId: row.table_id,
      tableLabel,
      sessionId: row.session_id,
      waiterId: row.waiter_id,
      waiterName,
      shiftId: row.shift_id,
      status: row.status as Order['status'],
      guests: row.guests,
      note: row.note,
      heldCourses: parseJson<number[]>(row.held_courses, []),
      version: row.version,
      lines,
      split,
      checks: orderChecks(totals.total, lines, split, payments),
      ...totals,
      paid,
      tips: payments.reduce((s, p) => s + p.tip, 0),
      due: Math.max(0, totals.total - paid),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      closedAt: row.closed_at,
      customer,
      promotions,
      source: row.source === 'delivery' ? 'delivery' : 'pos',
      delivery: row.integration_id && row.external_id ? deliveryOf(row.integration_id, row.external_id, row.external_status ?? null, row.delivery ?? null) : null,
    };
  }

  /**
   * Per open table session: the bill still open, and whether money was taken — a table whose
   * orders are all paid but not yet closed shows as "bill", not as an empty seated table.
   */
  async openSessionSummaries(db: Db, venueId: string, sessionIds: string[]) {
    const rows = (await repo.listOrders(db, venueId, { sessionIds })).filter((r) => r.status !== 'void');
    const orders = await this.assemble(db, rows);
    const summaries = new Map<string, { openTotal: number; hasPayments: boolean }>();
    for (const o of orders) {
      const s = summaries.get(o.sessionId!) ?? { openTotal: 0, hasPayments: false };
      summaries.set(o.sessionId!, { openTotal: s.openTotal + (o.status === 'open' ? o.total : 0), hasPayments: s.hasPayments || o.paid > 0 });
    }
    return summaries;
  }

  /** Open orders of the shift; `orphans` adds those no open shift answers for (see the repository). */
  async openOrdersOfShift(db: Db, venueId: string, shiftId: string, orphans = false) {
    return repo.openOrdersOfShift(db, venueId, shiftId, orphans);
  }
}

/** The delivery side of a partner's order, from its columns and the details stored with it. */
function deliveryOf(integrationId: string, externalId: string, externalStatus: string | null, details: string | null): NonNullable<Order['delivery']> {
  const d = parseJson<{ partnerName?: string; customerName?: string; phone?: string | null; address?: string | null; pickupAt?: string | null }>(details, {});
  return {
    integrationId,
    partnerName: d.partnerName ?? '',
    externalId,
    externalStatus: (externalStatus as NonNullable<Order['delivery']>['externalStatus']) ?? null,
    customerName: d.customerName ?? '',
    phone: d.phone ?? null,
    address: d.address ?? null,
    pickupAt: d.pickupAt ?? null,
  };
}
