import { type CashMovement, type CloseShiftInput, type ClosedShift, type OpenShiftInput, type OpenShiftSummary, PAYMENT_METHODS, PERMISSIONS, type PaymentMethod, type RecordCashMovementInput, type Shift, type ShiftStaffWork } from '@pos/contracts';
import { isUniqueViolation } from '../../db/dialect';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, type Outcome, outcome } from '../../shared/command';
import { conflict, forbidden, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { AdminService } from '../admin/service';
import type { OrderReads, OrderShifts } from '../orders';
import type { ShiftCloseListener, ShiftLedger } from './ports';
import * as repo from './repository';
import * as tills from './tills-repository';

type ByMethod<T> = Record<PaymentMethod, T>;
const byMethod = <T>(make: (m: PaymentMethod) => T) => Object.fromEntries(PAYMENT_METHODS.map((m) => [m, make(m)])) as ByMethod<T>;

const toCashMovement = (row: repo.CashMovementRow): CashMovement => ({
  id: row.id,
  shiftId: row.shift_id,
  kind: row.kind as CashMovement['kind'],
  amount: row.amount,
  reason: row.reason,
  staffId: row.staff_id,
  staffName: row.staff_name,
  createdAt: row.created_at,
});

/** Cash shifts: open with a float, close with counted money and the difference per method. */
export class ShiftsService implements OrderShifts {
  constructor(
    private readonly orders: OrderReads,
    private readonly admin: AdminService,
    private readonly ledger: ShiftLedger,
    private readonly closeListener: ShiftCloseListener,
  ) {}

  private async toShift(db: Db, row: repo.ShiftRow): Promise<Shift> {
    const ledger = await this.ledger.shiftTotals(db, row.id);
    const cashMovements = await repo.cashMovementTotals(db, row.id);
    const sum = (kind: string, method: string) => ledger.filter((l) => l.kind === kind && l.method === method).reduce((s, l) => s + l.total, 0);
    // The drawer also holds the float and what was paid in, less what was paid out.
    const drawer = row.opening_float + cashMovements.paidIn - cashMovements.paidOut;
    const totals = byMethod((m) => {
      const sales = sum('sale', m);
      const tips = sum('tip', m);
      const refunds = sum('refund', m);
      return { sales, tips, refunds, expected: (m === 'cash' ? drawer : 0) + sales + tips - refunds };
    });
    return {
      id: row.id,
      cashierId: row.cashier_id,
      cashierName: row.cashier_name,
      status: row.status as Shift['status'],
      tillId: row.till_id,
      tillName: row.till_name,
      closeMode: row.close_mode as Shift['closeMode'],
      isRescue: row.is_rescue === 1,
      openedAt: row.opened_at,
      closedAt: row.closed_at,
      openingFloat: row.opening_float,
      totals,
      cashMovements,
      counted: parseJson<ByMethod<number> | null>(row.counted, null),
      difference: parseJson<ByMethod<number> | null>(row.difference, null),
      closedBy: row.closed_by,
      overrideReason: row.override_reason,
    };
  }

  async get(db: Db, venueId: string, shiftId: string): Promise<Shift> {
    const row = await repo.findShift(db, venueId, shiftId);
    if (!row) throw notFound('shift', shiftId);
    return this.toShift(db, row);
  }

  /**
   * The cashier's open shift; failing that, the open shift of the till this tablet is attached to
   * (a colleague working the same drawer sees it), then an open rescue shift of theirs still to
   * count and close.
   */
  async current(db: Db, actor: Actor): Promise<Shift | null> {
    const row =
      (await repo.findOpenShiftOf(db, actor.venueId, actor.staffId)) ??
      (await this.tabletTillShift(db, actor)) ??
      (await repo.findOpenShiftOf(db, actor.venueId, actor.staffId, 1));
    return row ? this.toShift(db, row) : null;
  }

  /** The open regular shift of the till the actor's tablet (as the server verified it) is attached to. */
  private async tabletTillShift(db: Db, actor: Actor): Promise<repo.ShiftRow | undefined> {
    const tillId = await tills.deviceTillId(db, actor.venueId, actor.deviceId);
    return tillId ? repo.findOpenShiftOnTill(db, actor.venueId, tillId) : undefined;
  }

  /** The supervisor's board: every open shift of the venue with its open checks — never an expected figure (the count is blind). */
  async openShifts(db: Db, venueId: string): Promise<OpenShiftSummary[]> {
    const rows = await repo.openShiftsWithChecks(db, venueId);
    return rows.map((r) => ({
      id: r.id,
      cashierId: r.cashier_id,
      cashierName: r.cashier_name,
      openedAt: r.opened_at,
      tillId: r.till_id,
      tillName: r.till_name,
      isRescue: r.is_rescue === 1,
      openChecks: Number(r.open_checks),
    }));
  }

  /**
   * Opens a shift with its float on a till: the one named, else the one this tablet is attached
   * to, else none (a personal drawer, as before tills). One open shift per till and per cashier.
   */
  async open(db: Db, actor: Actor, input: OpenShiftInput) {
    const openingFloat = input.openingFloat;
    let tillId: string | null;
    if (input.tillId) {
      const till = await tills.findTill(db, actor.venueId, input.tillId);
      if (!till || till.archived_at) throw invalid('body.tillId', 'No such till in use in this venue');
      tillId = till.id;
    } else {
      tillId = await tills.deviceTillId(db, actor.venueId, actor.deviceId);
    }
    const busy = async () => {
      const other = tillId ? await repo.findOpenShiftOnTill(db, actor.venueId, tillId) : undefined;
      return other ? conflict('till.busy', `A shift of ${other.cashier_name} is already open on this till`, { shiftId: other.id, cashierName: other.cashier_name }) : null;
    };
    const taken = await busy();
    if (taken) throw taken;
    const id = newId();
    const inserted = await repo.insertOpenShift(db, {
      id,
      venue_id: actor.venueId,
      cashier_id: actor.staffId,
      status: 'open',
      is_rescue: 0,
      opened_at: nowIso(),
      closed_at: null,
      opening_float: openingFloat,
      counted: null,
      expected: null,
      difference: null,
      closed_by: null,
      override_reason: null,
      till_id: tillId,
      close_mode: null,
    }).catch(async (error: unknown) => {
      // Another shift was opened on the till meanwhile: the partial unique index refused this one.
      if (isUniqueViolation(error)) throw (await busy().catch(() => null)) ?? conflict('till.busy', 'A shift is already open on this till');
      throw error;
    });
    if (!inserted) throw conflict('shift.already_open', 'You already have an open shift');
    return outcome(await this.get(db, actor.venueId, id));
  }

  /**
   * Closes with counted money. Closing one of several open regular shifts hands its open checks
   * over to another open shift (`handoverTo`, default the longest-running one; audited
   * `shift.handover`, listed in `handedOver`). Closing the venue's last open regular shift is its
   * day close: holds past their expiry are captured (booked to this shift) or released first, as
   * the venue chose, and listed in `settledHolds` (left out when another shift stays open); its
   * open checks, and those no shift has, must be settled or closed over by a supervisor.
   */
  async close(db: Db, actor: Actor, shiftId: string, input: CloseShiftInput) {
    const row = await repo.findShift(db, actor.venueId, shiftId);
    if (!row) throw notFound('shift', shiftId);
    if (row.status !== 'open') throw conflict('shift.closed', 'This shift is already closed');
    const canOverride = actor.permissions.has('shifts.close.override');
    const isOthers = row.cashier_id !== actor.staffId;
    if (isOthers && !actor.permissions.has('shifts.close-others')) {
      throw forbidden('auth.forbidden', "Closing another staff member's shift needs shifts.close-others");
    }
    // A supervisor closing someone else's drawer says why; the audit keeps it with both names.
    if (isOthers && !input.reason) throw invalid('body.reason', "Give the reason for closing another staff member's shift");
    if (input.force) {
      if (!canOverride) throw forbidden('auth.forbidden', 'Closing over open checks needs a supervisor (shifts.close.override)');
      if (!input.reason) throw invalid('body.reason', 'Give the reason for closing over open checks');
    }
    await repo.serializeCloses(db, actor.venueId);
    // A close of the same shift that ran meanwhile has committed by now.
    if (!(await repo.holdShift(db, shiftId, 'share'))) throw conflict('shift.closed', 'This shift is already closed');
    // Checked before anything is written: a bad target leaves the shift as it was.
    const others = (await repo.openRegularShifts(db, actor.venueId)).filter((s) => s.id !== shiftId);
    if (input.handoverTo && !others.some((s) => s.id === input.handoverTo)) {
      throw invalid('body.handoverTo', 'Hand over to another open shift of this venue');
    }
    const handoverTo = input.handoverTo ?? others[0]?.id ?? null;
    const closed = await this.closeHeld(db, actor, row, { mode: isOthers ? 'blind' : 'counted', input, handoverTo });
    if (input.force) {
      await this.admin.audit(db, actor, 'shift.closed.override', 'shift', shiftId, {
        reason: input.reason ?? null,
        openOrderIds: closed.openOrderIds,
        cashierId: row.cashier_id,
      });
    }
    if (isOthers) {
      await this.admin.audit(db, actor, 'shift.closed.blind', 'shift', shiftId, {
        reason: input.reason ?? null,
        openedBy: { id: row.cashier_id, name: row.cashier_name },
        closedBy: { id: actor.staffId, name: actor.staffName },
        counted: closed.shift.counted,
        expected: byMethod((m) => closed.shift.totals[m].expected),
        difference: closed.shift.difference,
      });
    }
    return outcome(closed.shift, closed.events);
  }

  /**
   * The closeout hour closes a shift still open (`close_mode` auto): not counted, no difference,
   * closed by nobody, audited `shift.auto_closed`. Its open checks go to a shift that stays open
   * (one opened since the closeout), else to none — the next shift to open takes them. Closing
   * the venue's last open shift settles expired holds as a day close does. Null when the shift is
   * no longer open (another instance or a person closed it first).
   */
  async autoClose(db: Db, venueId: string, shiftId: string, closeoutAt: string): Promise<Outcome<ClosedShift> | null> {
    const row = await repo.findShift(db, venueId, shiftId);
    if (!row || row.status !== 'open' || row.is_rescue === 1) return null;
    await repo.serializeCloses(db, venueId);
    if (!(await repo.holdShift(db, shiftId, 'share'))) return null;
    const staying = (await repo.openRegularShifts(db, venueId)).find((s) => s.id !== shiftId && Date.parse(s.opened_at) >= Date.parse(closeoutAt));
    // Day-close money (expired holds) needs someone to book it: the drawer's own cashier, as the
    // close itself is nobody's. Every permission, as the venue's rules decided this close.
    const system: Actor = { staffId: row.cashier_id, staffName: row.cashier_name, role: 'system', venueId, sessionId: 'shift-closeout', deviceId: null, permissions: new Set(PERMISSIONS) };
    const closed = await this.closeHeld(db, system, row, { mode: 'auto', handoverTo: staying?.id ?? null });
    await this.admin.audit(db, system, 'shift.auto_closed', 'shift', shiftId, {
      closeoutAt,
      cashierId: row.cashier_id,
      carriedOver: closed.shift.handedOver ?? [],
    });
    return outcome(closed.shift, closed.events);
  }

  /**
   * The one close path (counted, blind and auto): day-close holds, open checks handed over or
   * refused, the shift row closed. The shift is held `share`d by the caller.
   */
  private async closeHeld(db: Db, actor: Actor, row: repo.ShiftRow, how: { mode: 'counted' | 'blind'; input: CloseShiftInput; handoverTo: string | null } | { mode: 'auto'; handoverTo: string | null }) {
    const shiftId = row.id;
    // Settled before the shift is held for update: a capture locks its order, then shares the
    // shift, the same order every payment takes its locks in.
    const isDayClose = !(await repo.hasOtherOpenShift(db, actor.venueId, shiftId));
    const settled = isDayClose ? await this.ledger.settleExpiredHolds(db, actor, shiftId) : undefined;
    // Hold the shift: payments still booking to it finish before its totals are read.
    if (!(await repo.holdShift(db, shiftId, 'update'))) throw conflict('shift.closed', 'This shift is already closed');
    // The day's last shift also answers for open orders no shift has (taken before any was open);
    // an auto-close leaves those where they are, for the next shift.
    const openOrders = await this.orders.openOrdersOfShift(db, actor.venueId, shiftId, isDayClose && how.mode !== 'auto');
    const passesOn = !isDayClose || how.mode === 'auto';
    if (openOrders.length > 0 && !passesOn && !how.input.force) {
      throw conflict('shift.open_checks', `Checks still open: ${openOrders.map((o) => `№${o.number}`).join(', ')}`, {
        orderIds: openOrders.map((o) => o.id),
      });
    }
    const handedOver = passesOn ? openOrders.map((o) => ({ orderId: o.id, number: Number(o.number), toShiftId: how.handoverTo })) : [];
    if (handedOver.length > 0) {
      await repo.handOverOrders(db, actor.venueId, handedOver.map((o) => o.orderId), how.handoverTo);
      if (how.mode !== 'auto') {
        await this.admin.audit(db, actor, 'shift.handover', 'shift', shiftId, { toShiftId: how.handoverTo, orderIds: handedOver.map((o) => o.orderId) });
      }
    }
    const shift = await this.toShift(db, row);
    const expected = byMethod((m) => shift.totals[m].expected);
    const counted = how.mode === 'auto' ? null : how.input.counted;
    await repo.closeShift(db, shiftId, {
      status: 'closed',
      closed_at: nowIso(),
      counted: counted ? JSON.stringify(counted) : null,
      expected: JSON.stringify(expected),
      difference: counted ? JSON.stringify(byMethod((m) => counted[m] - expected[m])) : null,
      closed_by: how.mode === 'auto' ? null : actor.staffId,
      override_reason: how.mode !== 'auto' && how.input.force ? how.input.reason! : null,
      close_mode: how.mode,
      carried_over: handedOver.length > 0 ? JSON.stringify(handedOver) : null,
    });
    // The Z-report is issued in the close's transaction, auto-closes included.
    await this.closeListener.shiftClosed(db, actor, shiftId);
    const closed: ClosedShift = {
      ...(await this.get(db, actor.venueId, shiftId)),
      ...(settled ? { settledHolds: settled.value } : {}),
      ...(handedOver.length > 0 ? { handedOver } : {}),
    };
    return { shift: closed, events: settled?.events ?? [], openOrderIds: openOrders.map((o) => o.id) };
  }

  /**
   * Cash paid into or out of an open shift's drawer, with its reason; who recorded it and when are
   * kept, and the audit log has it. A paid-out never takes more than the drawer should hold now
   * (its cash `expected`), so the drawer is never booked below zero.
   */
  async recordCashMovement(db: Db, actor: Actor, shiftId: string, input: RecordCashMovementInput) {
    const row = await repo.findShift(db, actor.venueId, shiftId);
    if (!row) throw notFound('shift', shiftId);
    await repo.serializeCloses(db, actor.venueId);
    // Held for update: no payment, refund, other movement or close changes or counts the drawer
    // between the check below and the insert.
    if (!(await repo.holdShift(db, shiftId, 'update'))) throw conflict('shift.closed', 'This shift is closed; its drawer takes no more cash movements');
    if (input.kind === 'paid_out') {
      const available = (await this.toShift(db, row)).totals.cash.expected;
      if (input.amount > available) {
        throw conflict('shift.cash_short', 'The paid-out is more than the cash the drawer should hold now', { available: Math.max(available, 0) });
      }
    }
    const movement = { id: newId(), venue_id: actor.venueId, shift_id: shiftId, kind: input.kind, amount: input.amount, reason: input.reason, staff_id: actor.staffId, created_at: nowIso() };
    await repo.insertCashMovement(db, movement);
    await this.admin.audit(db, actor, `shift.cash.${input.kind}`, 'shift', shiftId, { movementId: movement.id, amount: input.amount, reason: input.reason });
    return outcome(toCashMovement({ ...movement, staff_name: actor.staffName }));
  }

  /**
   * Who took what on a shift — a till's shift has several people — from the ledger rows the
   * totals come from, so the per-person figures add up to the shift's. Most sales first.
   */
  /**
   * A shift whose figures per person and reports `actor` may read: every shift with
   * shifts.reports.all; otherwise their own shifts and the shifts of the till they work on now.
   * Another's is 403 with `code`; another venue's shift is a 404.
   */
  async readableBy(db: Db, actor: Actor, shiftId: string, code: string): Promise<Shift> {
    const shift = await this.get(db, actor.venueId, shiftId);
    if (actor.permissions.has('shifts.reports.all') || shift.cashierId === actor.staffId) return shift;
    const own = shift.tillId ? await this.current(db, actor) : null;
    if (own && own.tillId === shift.tillId) return shift;
    throw forbidden(code, "A cashier reads their own shift's figures; another's needs shifts.reports.all");
  }

  async staffWork(db: Db, venueId: string, shiftId: string): Promise<ShiftStaffWork[]> {
    if (!(await repo.findShift(db, venueId, shiftId))) throw notFound('shift', shiftId);
    const people = new Map<string, ShiftStaffWork>();
    for (const r of await this.ledger.shiftStaffTotals(db, shiftId)) {
      const work = people.get(r.staffId) ?? { staffId: r.staffId, staffName: r.staffName, payments: 0, sales: 0, tips: 0, refunds: 0 };
      if (r.kind === 'sale') {
        work.sales += r.total;
        work.payments = r.payments;
      } else if (r.kind === 'tip') work.tips += r.total;
      else if (r.kind === 'refund') work.refunds += r.total;
      people.set(r.staffId, work);
    }
    return [...people.values()].sort((a, b) => b.sales - a.sales || a.staffName.localeCompare(b.staffName));
  }

  /** A shift's cash movements, oldest first. */
  async cashMovements(db: Db, venueId: string, shiftId: string): Promise<CashMovement[]> {
    if (!(await repo.findShift(db, venueId, shiftId))) throw notFound('shift', shiftId);
    return (await repo.cashMovementsOf(db, venueId, shiftId)).map(toCashMovement);
  }

  /** A shift the server opens to book a late command whose own shift has already closed. */
  private async rescueShift(db: Db, venueId: string, cashierId: string): Promise<string> {
    const existing = await repo.findOpenShiftOf(db, venueId, cashierId, 1);
    if (existing && (await repo.holdShift(db, existing.id, 'share'))) return existing.id;
    const id = newId();
    await repo.insertOpenShift(db, {
      id, venue_id: venueId, cashier_id: cashierId, status: 'open', is_rescue: 1, opened_at: nowIso(), closed_at: null,
      opening_float: 0, counted: null, expected: null, difference: null, closed_by: null, override_reason: null, till_id: null, close_mode: null,
    });
    // Ours, or the one a concurrent late command opened first (the partial unique index decides).
    const rescue = (await repo.findOpenShiftOf(db, venueId, cashierId, 1))!;
    await repo.holdShift(db, rescue.id, 'share');
    return rescue.id;
  }

  /** The shift a command names, or a rescue shift when that one closed in the meantime. */
  private async namedShift(db: Db, venueId: string, shiftId: string, mayBook: (row: repo.ShiftRow) => void = () => undefined): Promise<string> {
    const row = await repo.findShift(db, venueId, shiftId);
    if (!row) throw invalid('body.shiftId', 'No such shift in this venue');
    mayBook(row);
    if (row.status === 'open' && (await repo.holdShift(db, row.id, 'share'))) return row.id;
    return this.rescueShift(db, venueId, row.cashier_id);
  }

  /** Day close books the captures of expired holds to the shift being closed (the close checked who may close it). */
  closingShift(db: Db, venueId: string, shiftId: string): Promise<string> {
    return this.namedShift(db, venueId, shiftId);
  }

  /**
   * Orders book to the named shift, else the open shift of the till this tablet is attached to,
   * else the actor's own, else the venue's latest opened one (or none yet).
   */
  async shiftForOrder(db: Db, actor: Actor, shiftId?: string): Promise<string | null> {
    if (shiftId) return this.namedShift(db, actor.venueId, shiftId);
    // The tablet's till's shift, else the actor's own, else the latest opened: one read in that
    // order. One that closed before it could be held gives way to the next.
    const skip: string[] = [];
    for (;;) {
      const id = await repo.orderShiftId(db, actor.venueId, actor.staffId, actor.deviceId, skip);
      if (!id || (await repo.holdShift(db, id, 'share'))) return id;
      skip.push(id);
    }
  }

  /**
   * The drawer a refund's money leaves: a named shift (as for a payment), else the refunding
   * staff's own open shift; a supervisor or manager without a drawer of their own refunds from the
   * till the sale went into while it is open, else the venue's till open now — never a second
   * shift opened just for the refund. Chosen by the server from who is verified and what the sale
   * was; the slip names the drawer.
   */
  async shiftForRefund(db: Db, actor: Actor, named: string | undefined, saleShiftId: string | null): Promise<{ id: string; cashierName: string }> {
    const drawer = async (id: string) => {
      const row = await repo.findShift(db, actor.venueId, id);
      return { id, cashierName: row?.cashier_name ?? '' };
    };
    if (named) return drawer(await this.shiftForPayment(db, actor, named));
    const candidates = [
      await this.tabletTillShift(db, actor),
      await repo.findOpenShiftOf(db, actor.venueId, actor.staffId),
      saleShiftId ? await repo.findShift(db, actor.venueId, saleShiftId) : undefined,
      await repo.latestOpenShift(db, actor.venueId),
    ];
    for (const row of candidates) {
      if (row && row.status === 'open' && !row.is_rescue && (await repo.holdShift(db, row.id, 'share'))) return { id: row.id, cashierName: row.cashier_name };
    }
    throw conflict('shift.not_open', 'No cash shift is open to refund from');
  }

  /**
   * Money books to the open shift of the till this tablet is attached to, else to the actor's own
   * open shift. A command may name a shift: the actor's own or this till's (a late one from the
   * tablet's outbox goes to a rescue shift if it closed since), or someone else's only with
   * shifts.book.other — decided by who and which tablet the server verified, never by the body.
   */
  async shiftForPayment(db: Db, actor: Actor, shiftId?: string): Promise<string> {
    if (shiftId) {
      const tillId = await tills.deviceTillId(db, actor.venueId, actor.deviceId);
      return this.namedShift(db, actor.venueId, shiftId, (row) => {
        const onThisTill = tillId !== null && row.till_id === tillId;
        if (row.cashier_id !== actor.staffId && !onThisTill && !actor.permissions.has('shifts.book.other')) {
          throw forbidden('shift.not_yours', "Money books to your own shift or this tablet's till; booking to another's needs shifts.book.other");
        }
      });
    }
    // The drawer this tablet is attached to takes the money, whoever takes it; else the person's own.
    const till = await this.tabletTillShift(db, actor);
    if (till && (await repo.holdShift(db, till.id, 'share'))) return till.id;
    const own = await repo.findOpenShiftOf(db, actor.venueId, actor.staffId);
    if (!own || !(await repo.holdShift(db, own.id, 'share'))) {
      throw conflict('shift.not_open', 'Open a cash shift before taking payments');
    }
    return own.id;
  }
}
