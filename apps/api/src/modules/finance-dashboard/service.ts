import { businessDate, businessDayBounds, type Dashboard, type DashboardPlan, type DashboardQuery, type Shift } from '@pos/contracts';
import { clock, nowIso } from '../../shared/clock';
import type { Actor, Db } from '../../shared/command';
import { conflict, forbidden } from '../../shared/errors';
import type { AuthService } from '../auth/service';
import type { ShiftsService } from '../shifts/service';
import { average, ledgerFigures, topProducts, voids } from './figures';
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

/** How many scopes' figures an instance keeps (a venue's day and shifts, per waiter): a few KB each. */
const CACHED_SCOPES = 2_000;
/** Figures are recomputed at least this often even when nothing changed (staff renamed, say). */
const CACHE_MAX_AGE_MS = 60_000;

/**
 * The shift or the day at a glance, live from the ledger. Figures are computed once per change of
 * their scope, not once per request: each request reads the scope's mark (repo.scopeMark, a few
 * index-only counts) and reuses the figures computed under the same mark. 500 tablets polling
 * every 30 s then cost 17 mark reads a second. The mark is read in the database every time, so
 * several API instances never serve each other's stale figures.
 */
export class FinanceDashboardService {
  private readonly cache = new Map<string, { mark: string; at: number; figures: Figures }>();

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

  /** The scope's figures: the cached ones while the scope's mark is unchanged, else computed. */
  private async figuresOf(db: Db, venueId: string, scope: Scope, waiterId: string | null, venue: { currency: string; timezone: string }): Promise<Figures> {
    const key = [venueId, scope.scope, scope.shiftId ?? scope.businessDate, waiterId ?? '', venue.timezone, venue.currency].join('|');
    // The mark first: a payment landing while the figures are computed then leaves a newer mark, never stale figures under it.
    const mark = await repo.scopeMark(db, venueId, scope.ledger);
    const now = clock.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.mark === mark && now - hit.at < CACHE_MAX_AGE_MS) return hit.figures;
    const figures = await this.compute(db, venueId, scope, waiterId, venue);
    this.cache.delete(key);
    this.cache.set(key, { mark, at: now, figures });
    if (this.cache.size > CACHED_SCOPES) this.cache.delete(this.cache.keys().next().value as string);
    return figures;
  }

  private async compute(db: Db, venueId: string, scope: Scope, waiterId: string | null, venue: { currency: string; timezone: string }): Promise<Figures> {
    const rows = await repo.ledgerRows(db, venueId, scope.ledger, waiterId);
    const { tipsTotal, tipsByWaiter, paidOrderIds, discountCount: _discountCount, ...figures } = ledgerFigures(rows, venue.timezone);
    const inScope = await repo.ordersInScope(db, venueId, scope.ledger, waiterId);
    const orderIds = [...new Set([...paidOrderIds, ...inScope.map((o) => o.id)])];
    const [orders, lines, staff] = await Promise.all([
      repo.ordersByIds(db, paidOrderIds),
      repo.linesOf(db, orderIds),
      repo.staffNames(db, venueId, [...tipsByWaiter.keys()]),
    ]);
    const guests = orders.reduce((s, o) => s + o.guests, 0);
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
