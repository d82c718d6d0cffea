import { businessDate, businessDayBounds, type Dashboard, type DashboardPlan, type DashboardQuery, type Shift } from '@pos/contracts';
import { clock, nowIso } from '../../shared/clock';
import type { Actor, Db } from '../../shared/command';
import { conflict, forbidden } from '../../shared/errors';
import type { AuthService } from '../auth/service';
import type { ShiftsService } from '../shifts/service';
import { average, ledgerFigures, type LineRow, topProducts, voids } from './figures';
import { dashboardPlan, MINUTES_PER_DAY, minuteOfDay, weekdayOf } from './plan';
import type { RevenuePlans } from './plans-service';
import * as repo from './repository';

/**
 * How much of the venue a caller may see, from the permissions the server verified (never from an
 * id the client chose): whoever may override a shift close supervises every shift and the day; a
 * cashier (shifts.view) sees their own shifts; anyone else sees only their own checks and tips.
 */
type Viewer = 'supervisor' | 'cashier' | 'waiter';
const viewerOf = (actor: Actor): Viewer =>
  actor.permissions.has('shifts.close.override') ? 'supervisor' : actor.permissions.has('shifts.view') ? 'cashier' : 'waiter';

interface Scope {
  scope: Dashboard['scope'];
  shiftId: string | null;
  businessDate: string;
  ledger: repo.LedgerScope;
  /** The shift shown, whose open hours are the plan's window (null for the day). */
  shift: Pick<Shift, 'openedAt' | 'closedAt'> | null;
}

/** A dashboard's figures: all but the plan (which moves with the clock) and the time of the answer. */
type Figures = Omit<Dashboard, 'plan' | 'updatedAt'>;

/** How many scopes' figures an instance keeps (a venue's day and shifts, per waiter). */
const CACHED_SCOPES = 500;
/**
 * A kept scope is read from scratch at least this often, in case something its mark does not see
 * changed (a staff member renamed shows at the next change anyway: names are read at every sum).
 */
const CACHE_MAX_AGE_MS = 300_000;
/**
 * How far back of the newest row a cached scope looks for rows it may lack: a payment's rows carry
 * the time its command started, so one committed a moment after a later one has an older time.
 * A row older than this that still arrives is caught by the count (the scope is then read again).
 */
const LATE_ROW_MS = 5_000;

/** What a scope's figures are made of, kept between requests so a change reads only what changed. */
interface ScopeState {
  mark: repo.ScopeMark;
  /** When it was last read from scratch. */
  at: number;
  figures: Figures;
  rows: Map<string, repo.DashboardLedgerRow>;
  newest: string | null;
  /** The orders in scope and the paid ones, with their lines as of `version`. */
  orders: Map<string, { order: repo.OrderState; lines: LineRow[] }>;
  /** The refresh in flight: requests for one scope take turns on its state. */
  turn: Promise<unknown>;
}

const sameMark = (a: repo.ScopeMark, b: repo.ScopeMark) => a.ledgerRows === b.ledgerRows && a.orders === b.orders;

/**
 * The shift or the day at a glance, live from the ledger. Each request reads the scope's mark
 * (repo.scopeMark, a few index-only counts) and reuses the figures computed under the same mark, so
 * 500 tablets polling every 30 s cost 17 mark reads a second. When the mark moved (a payment, an
 * order changed) only what changed is read: the ledger rows since the newest one held (the ledger
 * is append-only, and the count in the mark proves none was missed) and the lines of the orders
 * whose version moved; the figures are then summed again in memory. A day of 2,000 checks is thus
 * a few small reads after a payment instead of reading the day. The mark is read in the database
 * every time, so several API instances never serve each other's stale figures.
 */
export class FinanceDashboardService {
  private readonly cache = new Map<string, ScopeState>();

  constructor(
    private readonly auth: AuthService,
    private readonly shifts: ShiftsService,
    private readonly plans: RevenuePlans,
  ) {}

  async dashboard(db: Db, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    const venue = await this.auth.venue(db, actor.venueId);
    const viewer = viewerOf(actor);
    const waiterId = viewer === 'waiter' ? actor.staffId : null;
    const scope = await this.scopeOf(db, actor, viewer, query, venue.timezone);
    const figures = await this.figuresOf(db, actor.venueId, scope, waiterId, venue);
    return {
      ...figures,
      // One waiter's checks are not the venue's takings: a plan for them would only mislead.
      plan: waiterId ? null : await this.planOf(db, actor.venueId, scope, venue.timezone, figures.net),
      updatedAt: nowIso(),
    };
  }

  /** The scope's figures: the cached ones while the scope's mark is unchanged, else brought up to date. */
  private async figuresOf(db: Db, venueId: string, scope: Scope, waiterId: string | null, venue: { currency: string; timezone: string }): Promise<Figures> {
    const key = [venueId, scope.scope, scope.shiftId ?? scope.businessDate, waiterId ?? '', venue.timezone, venue.currency].join('|');
    const held = this.cache.get(key);
    // One refresh of a scope at a time: a second request waits for it and then finds the figures current.
    const turn = (held?.turn ?? Promise.resolve()).then(() => this.refreshed(db, venueId, key, scope, waiterId, venue));
    if (held) held.turn = turn.catch(() => undefined);
    return turn;
  }

  private async refreshed(db: Db, venueId: string, key: string, scope: Scope, waiterId: string | null, venue: { currency: string; timezone: string }): Promise<Figures> {
    // The mark first: a payment landing while the figures are computed then leaves a newer mark, never stale figures under it.
    const mark = await repo.scopeMark(db, venueId, scope.ledger);
    const now = clock.now().getTime();
    const held = this.cache.get(key);
    const current = held && now - held.at < CACHE_MAX_AGE_MS ? held : undefined;
    if (current && sameMark(current.mark, mark)) return current.figures;
    // A waiter's view is a part of the scope the mark counts: it is always read whole (it is small).
    let state = current && !waiterId ? current : undefined;
    if (state) {
      await this.readChanges(db, venueId, scope, waiterId, state, state.mark.orders !== mark.orders, mark.ledgerRows);
      // Fewer rows than the mark counted: one arrived later than LATE_ROW_MS allows. Read it all.
      if (state.rows.size < mark.ledgerRows) state = undefined;
    }
    if (!state) {
      state = { mark, at: now, figures: undefined as unknown as Figures, rows: new Map(), newest: null, orders: new Map(), turn: held?.turn ?? Promise.resolve() };
      await this.readChanges(db, venueId, scope, waiterId, state, true, mark.ledgerRows);
    }
    state.mark = mark;
    state.figures = await this.sum(db, venueId, scope, waiterId, venue, state);
    this.cache.delete(key);
    this.cache.set(key, state);
    if (this.cache.size > CACHED_SCOPES) this.cache.delete(this.cache.keys().next().value as string);
    return state.figures;
  }

  /**
   * Reads into `state` the ledger rows it lacks and the orders whose version moved (all orders in
   * scope when `orders`). `markRows` is the ledger count of the mark: fewer rows than that after the
   * newer ones means a late row, looked for in the last LATE_ROW_MS (a full read beyond that).
   */
  private async readChanges(db: Db, venueId: string, scope: Scope, waiterId: string | null, state: ScopeState, orders: boolean, markRows: number): Promise<void> {
    const keep = (rows: repo.DashboardLedgerRow[]) => {
      for (const row of rows) {
        state.rows.set(row.id, row);
        if (!state.newest || row.created_at > state.newest) state.newest = row.created_at;
      }
    };
    const newest = state.newest;
    // The rows after the newest held; if the mark counts more than that makes, the late ones of the last few seconds.
    keep(await repo.ledgerRows(db, venueId, scope.ledger, waiterId, newest ? { at: newest, inclusive: false } : null));
    if (newest && state.rows.size < markRows) keep(await repo.ledgerRows(db, venueId, scope.ledger, waiterId, { at: new Date(Date.parse(newest) - LATE_ROW_MS).toISOString(), inclusive: true }));
    const paid = new Set<string>();
    for (const r of state.rows.values()) if (r.kind === 'sale' && r.order_id) paid.add(r.order_id);
    const inScope = orders ? await repo.ordersInScope(db, venueId, scope.ledger, waiterId) : [];
    if (orders) {
      // An order handed over to another shift leaves this one (unless it was paid here).
      const listed = new Set(inScope.map((o) => o.id));
      for (const id of state.orders.keys()) if (!listed.has(id) && !paid.has(id)) state.orders.delete(id);
    }
    const seen = new Set(inScope.map((o) => o.id));
    const unknownPaid = [...paid].filter((id) => !seen.has(id) && !state.orders.has(id));
    const changed = [...inScope, ...(await repo.ordersByIds(db, unknownPaid))].filter((o) => state.orders.get(o.id)?.order.version !== o.version);
    if (changed.length === 0) return;
    const lines = new Map<string, LineRow[]>(changed.map((o) => [o.id, []]));
    for (const line of await repo.linesOf(db, [...lines.keys()])) lines.get(line.order_id)?.push(line);
    const waiterOf = new Map<string, string>();
    for (const order of changed) {
      state.orders.set(order.id, { order, lines: lines.get(order.id) ?? [] });
      waiterOf.set(order.id, order.waiter_id);
    }
    // A check moved to another waiter takes its tips with it.
    for (const r of state.rows.values()) if (r.order_id && waiterOf.has(r.order_id)) r.waiter_id = waiterOf.get(r.order_id) ?? r.waiter_id;
  }

  /** The figures from what the state holds: sums in memory, and the names of the staff with tips. */
  private async sum(db: Db, venueId: string, scope: Scope, waiterId: string | null, venue: { currency: string; timezone: string }, state: ScopeState): Promise<Figures> {
    const { tipsTotal, tipsByWaiter, paidOrderIds, discountCount: _discountCount, ...figures } = ledgerFigures([...state.rows.values()], venue.timezone);
    const staff = await repo.staffNames(db, venueId, [...tipsByWaiter.keys()]);
    const guests = paidOrderIds.reduce((s, id) => s + (state.orders.get(id)?.order.guests ?? 0), 0);
    const lines = [...state.orders.values()].flatMap((o) => o.lines);
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    const byStaff = [...tipsByWaiter].map(([staffId, amount]) => ({ staffId, staffName: nameOf.get(staffId) ?? '', amount })).sort((a, b) => b.amount - a.amount || a.staffName.localeCompare(b.staffName));
    return {
      scope: scope.scope,
      shiftId: scope.shiftId,
      businessDate: scope.businessDate,
      waiterId,
      currency: venue.currency,
      timeZone: venue.timezone,
      ...figures,
      guests,
      averagePerGuest: average(figures.net, guests),
      tips: { total: tipsTotal, byStaff },
      topProducts: topProducts(lines, new Set(paidOrderIds)),
      voids: voids(lines),
    };
  }

  /**
   * Net against the plan of the business day shown. The day's window is its 24 hours; a shift's
   * runs from its opening minute to its close (or to the day's end while open), clipped to the
   * business day it opened on: a shift that runs past midnight is measured against that day's
   * plan alone (its money after midnight still counts in net). "Now" is the shift's close once
   * it closed.
   */
  private async planOf(db: Db, venueId: string, scope: Scope, timeZone: string, net: number): Promise<DashboardPlan | null> {
    const day = await this.plans.dayPlan(db, venueId, weekdayOf(scope.businessDate));
    if (!day) return null;
    const at = (instant: string | Date) => minuteOfDay(instant, scope.businessDate, timeZone);
    const end = scope.shift?.closedAt ? at(scope.shift.closedAt) : MINUTES_PER_DAY;
    const window = { from: scope.shift ? at(scope.shift.openedAt) : 0, to: end };
    const now = Math.min(at(clock.now()), end);
    return dashboardPlan({ ...day, window, now, net });
  }

  /** Resolves the query to a shift or a day the caller may see; another venue's shift is a 404 (shifts.get). */
  private async scopeOf(db: Db, actor: Actor, viewer: Viewer, query: DashboardQuery, timeZone: string): Promise<Scope> {
    if (query.sessionId) {
      const shift = await this.shifts.get(db, actor.venueId, query.sessionId);
      if (viewer === 'cashier' && shift.cashierId !== actor.staffId) {
        throw forbidden('dashboard.not_your_shift', "A cashier sees their own shift; another's needs a supervisor");
      }
      return { scope: 'shift', shiftId: shift.id, businessDate: businessDate(shift.openedAt, timeZone), ledger: { shiftId: shift.id }, shift };
    }
    // A waiter has no drawer: by default their own checks of the day.
    if (query.scope === 'day' || viewer === 'waiter') {
      if (viewer === 'cashier') throw forbidden('dashboard.day_forbidden', "The venue's day is for a supervisor; a cashier sees their shift");
      const date = businessDate(clock.now(), timeZone);
      return { scope: 'day', shiftId: null, businessDate: date, ledger: businessDayBounds(date, timeZone), shift: null };
    }
    const own = await this.shifts.current(db, actor);
    if (!own) throw conflict('shift.not_open', 'No open shift of yours: open one, or name a shift (sessionId) or the day (scope=day)');
    return { scope: 'shift', shiftId: own.id, businessDate: businessDate(own.openedAt, timeZone), ledger: { shiftId: own.id }, shift: own };
  }
}
