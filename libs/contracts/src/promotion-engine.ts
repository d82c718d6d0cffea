import { proportionalShares } from './order-math';
import type { AppliedPromotion, ExclusiveChoice, ItemSet, PromotionHint, PromotionRule, PromotionWindow } from './promotions';

/**
 * The one pricing engine for promotions (issue 19): pure functions, run by the server on every
 * order change (the authority) and by the tablets on their cached rules (the same answer offline).
 * Nothing here reads a clock, a database or the network: everything comes in the arguments.
 *
 * Semantics (the server, the tablets and the golden cases in `promotion-golden/` rely on them):
 *
 * Canonical order. Lines are sorted by id, rules by priority (desc) then id: the answer never
 * depends on the order the arrays come in. Lines with `excluded: true` or a quantity ≤ 0 are never
 * counted and never discounted; a line's list amount is `unitPrice × quantity`.
 *
 * Eligibility of a rule, in this order:
 *  1. `enabled: false`, a `featureFlag` that is not on, or a venue-local business date of `now`
 *     outside [validFrom, validTo]: ignored silently (except `not_started`, below).
 *  2. Windows (venue wall-clock, half-open [from, to); `from > to` runs past midnight and belongs
 *     to the day it starts on; none: all day). A line is "in time" when `firedAt ?? now` lies in a
 *     window — the boundary rule: a line fired inside the happy hour keeps it, an unfired one loses
 *     it when the window closes. Lines not in time are not eligible for that rule. Wall-clock
 *     comparison makes DST safe: a skipped hour simply never happens, a repeated one counts twice.
 *  3. The rule is evaluated alone on list prices (below). Hints are only given for rules "near the
 *     order", i.e. that would save money: if no line is in time (or the validity dates have not
 *     started) and the rule would save money with every line in time and starts within 2 hours →
 *     `not_started` (startsAt, secondsToStart floored). If its effect saves money but a condition
 *     fails → `min_subtotal` / `min_quantity`. A buy-X-get-Y or combo that forms no group at all
 *     and is 1–2 portions short → `more_items`. A rule that saves money but whose limit is spent →
 *     `limit_reached`; per-guest limit without a guest → `needs_guest`; a manual rule that saves
 *     money but staff did not apply it (not in `manualRuleIds`) → `manual`. Missing usage = 0.
 *     Checked in this order, the first failing one gives the hint: window/dates, effect (more_items),
 *     conditions (minSubtotal, then minQuantity), limits (total, then per guest), manual. For a
 *     buy X get Y with different sets, `more_items` names the one short set (none when both are).
 *     A combo's `more_items` names the first short item's set and its shortfall, given when the
 *     whole first group lacks 1–2 portions and the order holds at least one of its portions.
 *  Conditions: `minSubtotal` compares with the list total of all counted lines (not time-filtered);
 *  `minQuantity` with the portions of the rule's in-time items (check target: all in-time counted
 *  portions; buy X get Y: the buy set; combo: the union of its sets).
 *
 * Effects, each on the REMAINING amount of each line (list amount minus what earlier stacked rules
 * took; never below 0). Rounding:
 *  - percent: total = round-half-up(Σ remaining × percent / 100) over the eligible lines, spread
 *    over them in proportion to their remaining (largest remainder, ties by line id).
 *  - fixed, items: per line min(amount × quantity, remaining). fixed, check: min(amount, Σ
 *    remaining) spread in proportion to remaining.
 *  - buy_x_get_y: g = min(⌊|G|/Y⌋, ⌊|B|/X⌋, ⌊|B∪G|/(X+Y)⌋) groups (portions counted per line, never
 *    expanded); g × Y free portions are picked from G in reward order (per-portion remaining price,
 *    cheapest or most expensive first, ties by line id), never taking so many portions that are
 *    also in B that fewer than g × X buy portions remain. k portions taken from a line save
 *    min(remaining, round-half-up(remaining × k / quantity × getPercent / 100)).
 *  - combo_price: groups are formed greedily: each item of the combo, in order, takes its quantity
 *    of portions from its set, most expensive (per-portion remaining) first, ties by line id,
 *    a portion used once per rule. A portion's value is ⌊remaining × k / quantity⌋ for k portions
 *    of a line. A group whose value is ≤ price, or that cannot be filled, ends the search (at most
 *    100 groups). Each group saves value − price, spread over its portions in proportion to value.
 *  Each application lists only lines with a saving > 0, sorted by line id; a rule saving 0 is not
 *  applied.
 *
 * Combination: the candidates are the eligible rules that save money alone on list prices. The
 * stack = every stackable candidate in canonical order, each on what the previous left (a member
 * left with 0 drops out silently). Each exclusive candidate alone is another option. With no
 * exclusive candidate the stack wins; otherwise `best_for_guest` picks the largest saving (ties:
 * higher priority — the stack's is its highest member's — then the smaller rule id — the stack's is
 * its first member's), `priority` the highest priority (ties: larger saving, then smaller id).
 * When an exclusive candidate exists, every losing candidate (the losing exclusive ones, and the
 * stack's members when the stack lost) gets `outranked` with `outrankedBy` = the winner's first
 * rule id; a stack member that the stack left with nothing gets no hint.
 * At most one hint per rule; hints come in canonical rule order.
 */

/** An order line as the engine sees it. */
export interface EngineLine {
  id: string;
  productId: string;
  /** The product's menu category (null: none, or the product is gone from the menu). */
  categoryId: string | null;
  /** One portion with its modifiers (`unitTotal`), integer minor units. */
  unitPrice: number;
  /** Portions still standing (quantity − voided); lines with 0 are ignored. */
  quantity: number;
  /**
   * When the line was first fired to the kitchen (ISO), null while never fired. The boundary
   * rule: a windowed rule prices a fired line by its firing moment (a line fired inside the
   * happy hour keeps the happy-hour price), an unfired one by `now`.
   */
  firedAt: string | null;
  /** Combo lines and their dishes, charge lines (gift cards): never discounted, never counted. */
  excluded: boolean;
}

export interface EngineContext {
  /** The evaluation instant (ISO). */
  now: string;
  /** The venue's IANA time zone: windows and validity dates are venue-local. */
  timeZone: string;
  exclusiveChoice: ExclusiveChoice;
  /** The order's loyalty guest, for per-guest limits. */
  customerId: string | null;
  /** Manual rules staff applied to this order. */
  manualRuleIds: readonly string[];
  /** The venue's feature flags (a rule with `featureFlag` applies only while it is on). */
  flags: Readonly<Record<string, boolean>>;
  /**
   * Uses of each limited rule by other orders: `total` for the venue, `guest` for this order's
   * guest. A rule whose limit is reached does not apply (hint `limit_reached`).
   */
  usage: Readonly<Record<string, { total: number; guest: number }>>;
}

export interface EngineResult {
  /** In the order they were applied (exclusive winner, or stackables by priority desc then id). */
  applied: AppliedPromotion[];
  /** Sum of `applied[].saving`; never more than the order's non-excluded list total. */
  discount: number;
  /** For each rule near the order that did not apply: why, and what is missing. */
  hints: PromotionHint[];
}

/** A rule that cannot apply yet gets a `not_started` hint when it starts within this many seconds. */
export const NOT_STARTED_HINT_SECONDS = 2 * 3600;
/** `more_items` is the "one item away" hint: given only when this many portions or fewer are missing. */
export const MORE_ITEMS_HINT_MAX = 2;
/** Most groups one combo rule forms on one order. */
export const MAX_COMBO_GROUPS = 100;

// --- venue-local time, fast -------------------------------------------------------------------

const DAY_MS = 86_400_000;
const QUARTER_MS = 15 * 60_000;
const SEARCH_DAYS = 8;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * How far the zone's wall clock is ahead of UTC at an instant (ms). A zone's offset only changes
 * on a UTC quarter hour (see `zonedHourOf` in reservation-time), so `Intl` is asked once per
 * quarter hour and zone and the answer is kept (a pure cache: the answer never changes).
 */
function offsetAt(ms: number, timeZone: string): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const quarter = Math.floor(ms / QUARTER_MS);
  let offset = cache.get(quarter);
  if (offset === undefined) {
    const at = quarter * QUARTER_MS;
    const p: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    offset = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second) - at;
    if (cache.size > 20_000) cache.clear();
    cache.set(quarter, offset);
  }
  return offset;
}

interface LocalInfo {
  /** Days since 1970-01-01 of the venue-local date. */
  day: number;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

function localInfo(ms: number, timeZone: string): LocalInfo {
  const wall = ms + offsetAt(ms, timeZone);
  const day = Math.floor(wall / DAY_MS);
  return { day, weekday: ((((day + 3) % 7) + 7) % 7) + 1, minutes: Math.floor((wall - day * DAY_MS) / 60_000) };
}

const dayOfDate = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * The instant a venue wall-clock time happens (`wall` = the wall time read as if UTC): a repeated
 * time is its first occurrence, a skipped one the moment the clocks jump (as `zonedWallTimeToUtc`).
 */
function wallToUtc(wall: number, timeZone: string): number {
  const offsets = [...new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY_MS, timeZone)])];
  let best = Infinity;
  for (const o of offsets) {
    const ms = wall - o;
    if (ms + offsetAt(ms, timeZone) === wall && ms < best) best = ms;
  }
  if (best !== Infinity) return best;
  const end = wall - Math.min(...offsets);
  for (let ms = Math.ceil((wall - Math.max(...offsets)) / QUARTER_MS) * QUARTER_MS; ms <= end; ms += QUARTER_MS) {
    if (ms + offsetAt(ms, timeZone) >= wall) return ms;
  }
  return end;
}

interface CompiledWindow {
  days: number; // bit mask of ISO weekdays
  from: number;
  to: number;
}

interface CompiledSchedule {
  windows: CompiledWindow[];
  fromDay: number | null;
  toDay: number | null;
}

const scheduleCache = new WeakMap<object, CompiledSchedule>();
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

function compileSchedule(schedule: PromotionRule['schedule']): CompiledSchedule {
  let c = scheduleCache.get(schedule);
  if (!c) {
    c = {
      windows: schedule.windows.map((w: PromotionWindow) => ({ days: w.days.reduce((m, d) => m | (1 << d), 0), from: minutesOf(w.from), to: minutesOf(w.to) })),
      fromDay: schedule.validFrom ? dayOfDate(schedule.validFrom) : null,
      toDay: schedule.validTo ? dayOfDate(schedule.validTo) : null,
    };
    scheduleCache.set(schedule, c);
  }
  return c;
}

const previousWeekday = (weekday: number) => (weekday === 1 ? 7 : weekday - 1);

/** The window covering a local time, and the local day it started on, or null. */
function windowAt(windows: readonly CompiledWindow[], info: LocalInfo): { window: CompiledWindow; startDay: number } | null {
  for (const w of windows) {
    if (w.from < w.to) {
      if (w.days & (1 << info.weekday) && info.minutes >= w.from && info.minutes < w.to) return { window: w, startDay: info.day };
    } else {
      if (w.days & (1 << info.weekday) && info.minutes >= w.from) return { window: w, startDay: info.day };
      if (w.days & (1 << previousWeekday(info.weekday)) && info.minutes < w.to) return { window: w, startDay: info.day - 1 };
    }
  }
  return null;
}

const inWindows = (windows: readonly CompiledWindow[], info: LocalInfo) => windows.length === 0 || windowAt(windows, info) !== null;
const validOn = (s: CompiledSchedule, day: number) => (s.fromDay === null || day >= s.fromDay) && (s.toDay === null || day <= s.toDay);
const activeAt = (s: CompiledSchedule, ms: number, timeZone: string) => {
  const info = localInfo(ms, timeZone);
  return validOn(s, info.day) && inWindows(s.windows, info);
};

/** The next instant after `ms` (within 8 days) when the schedule becomes active, or null. */
function nextStart(s: CompiledSchedule, ms: number, timeZone: string): number | null {
  const limit = ms + SEARCH_DAYS * DAY_MS;
  const today = localInfo(ms, timeZone).day;
  let best = Infinity;
  const consider = (at: number) => {
    if (at > ms && at <= limit && at < best && activeAt(s, at, timeZone)) best = at;
  };
  if (s.fromDay !== null && s.fromDay > today - 1) consider(wallToUtc(s.fromDay * DAY_MS, timeZone));
  if (s.windows.length > 0) {
    // Wall times grow with the days, so a start found on one day is beaten by the next day at most.
    for (let day = today - 1; day <= today + SEARCH_DAYS && (best === Infinity || day * DAY_MS <= best + 2 * DAY_MS); day++) {
      if (!validOn(s, day)) continue;
      const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
      for (const w of s.windows) if (w.days & (1 << weekday)) consider(wallToUtc(day * DAY_MS + w.from * 60_000, timeZone));
    }
  }
  return best === Infinity ? null : best;
}

/**
 * The end of the active stretch that covers `ms` (windows chained back to back, capped by validTo);
 * a stretch running past the 8-day horizon ends only at validTo (null without one).
 */
function currentEnd(s: CompiledSchedule, ms: number, timeZone: string): number | null {
  const validEnd = s.toDay === null ? null : wallToUtc((s.toDay + 1) * DAY_MS, timeZone);
  if (s.windows.length === 0) return validEnd;
  let end = ms;
  for (let guard = 0; ; guard++) {
    // Windows that run on for more than the search horizon: no end in sight (but validTo).
    if (guard >= 64 || end > ms + SEARCH_DAYS * DAY_MS) return validEnd;
    const info = localInfo(end, timeZone);
    if (guard > 0 && !validOn(s, info.day)) break;
    let latest = -Infinity;
    for (const w of s.windows) {
      const hit = windowAt([w], info);
      if (!hit) continue;
      const endDay = w.from < w.to ? hit.startDay : hit.startDay + 1;
      latest = Math.max(latest, wallToUtc(endDay * DAY_MS + w.to * 60_000, timeZone));
    }
    if (latest === -Infinity || latest <= end) break;
    end = latest;
  }
  return validEnd === null ? end : Math.min(end, validEnd);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Whether a rule's schedule (validity dates and windows, not flags or limits) covers `at`, and
 * the bounds around it: the end of the current window when active (windows that follow back to
 * back are one stretch; capped at the end of `validTo`; null when there are no windows, or the
 * stretch runs on for more than 8 days, and no `validTo`), else the next start (searched up to 8 days ahead, never before `validFrom`, nothing
 * after `validTo`). DST-safe: windows are venue wall-clock times.
 */
export function scheduleAt(rule: Pick<PromotionRule, 'schedule'>, at: string, timeZone: string): { active: boolean; endsAt: string | null; startsAt: string | null } {
  const s = compileSchedule(rule.schedule);
  const ms = Date.parse(at);
  if (activeAt(s, ms, timeZone)) {
    const end = currentEnd(s, ms, timeZone);
    return { active: true, endsAt: end === null ? null : iso(end), startsAt: null };
  }
  const start = nextStart(s, ms, timeZone);
  return { active: false, endsAt: null, startsAt: start === null ? null : iso(start) };
}

// --- items ----------------------------------------------------------------------------------

interface Order {
  lines: EngineLine[];
  /** List amount of each line (0 for lines that never count). */
  list: number[];
  counted: boolean[];
  /** Indices of the counted lines. */
  countedIdx: number[];
  byProduct: Map<string, number[]>;
  byCategory: Map<string, number[]>;
  /** A scratch array for de-duplicating line indices. */
  mark: Uint32Array;
  stamp: number;
}

const setCache = new WeakMap<ItemSet, { products: Set<string>; categories: Set<string> }>();

/** Indices (ascending = by line id) of counted lines matching the set and passing `keep`. */
function matching(order: Order, set: ItemSet, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  const n = order.lines.length;
  if (set.productIds.length + set.categoryIds.length > n) {
    let c = setCache.get(set);
    if (!c) {
      c = { products: new Set(set.productIds), categories: new Set(set.categoryIds) };
      setCache.set(set, c);
    }
    for (let i = 0; i < n; i++) {
      const l = order.lines[i];
      if (order.counted[i] && (c.products.has(l.productId) || (l.categoryId !== null && c.categories.has(l.categoryId))) && keep(i)) out.push(i);
    }
    return out;
  }
  const stamp = ++order.stamp;
  let lists = 0;
  for (let k = 0; k < set.productIds.length + set.categoryIds.length; k++) {
    const list = k < set.productIds.length ? order.byProduct.get(set.productIds[k]) : order.byCategory.get(set.categoryIds[k - set.productIds.length]);
    if (!list) continue;
    lists++;
    for (const i of list) {
      if (order.mark[i] !== stamp) {
        order.mark[i] = stamp;
        if (keep(i)) out.push(i);
      }
    }
  }
  return lists > 1 ? sortInPlace(out, ascending) : out;
}

const ascending = (a: number, b: number) => a - b;

/** Sorts in place; small arrays (the usual few lines of a rule) by insertion, which allocates nothing. */
function sortInPlace<T>(a: T[], compare: (x: T, y: T) => number): T[] {
  if (a.length > 24) return a.sort(compare);
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && compare(a[j], x) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
  return a;
}

const isEmptySet = (set: ItemSet) => set.productIds.length === 0 && set.categoryIds.length === 0;
const unique = (ids: readonly string[]) => [...new Set(ids)];
const unionSet = (sets: readonly ItemSet[]): ItemSet => ({
  productIds: unique(sets.flatMap((s) => s.productIds)),
  categoryIds: unique(sets.flatMap((s) => s.categoryIds)),
});

/** A scratch buffer for `spreadShares` (only ever read after being written in the same call). */
let scratch = new Float64Array(64);
let restScratch = new Float64Array(64);

/** The k-th largest (1-based) of distinct numbers, by quickselect; reorders `a`. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return a[target];
  }
  return a[target];
}

/**
 * `proportionalShares` (largest remainder, ties by index) without BigInt when the products stay
 * exact in doubles; the same answer, faster.
 */
export function spreadShares(total: number, weights: readonly number[]): number[] {
  let whole = 0;
  let max = 0;
  for (const w of weights) {
    whole += w;
    if (w > max) max = w;
  }
  if (whole === 0) return weights.map(() => 0);
  if (weights.length === 1) return [total];
  if (max * total > Number.MAX_SAFE_INTEGER) return proportionalShares(total, weights);
  const shares = new Array<number>(weights.length);
  if (restScratch.length < weights.length) restScratch = new Float64Array(Math.max(weights.length, restScratch.length * 2));
  const rests = restScratch;
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const e = weights[i] * total;
    shares[i] = Math.floor(e / whole);
    rests[i] = e - shares[i] * whole;
    left -= shares[i];
  }
  if (left > 0) {
    // Largest remainder first, ties by index: packed into one number and sorted natively.
    const n = weights.length;
    if (n < 1024 && whole * 1024 < Number.MAX_SAFE_INTEGER) {
      if (scratch.length < n) scratch = new Float64Array(Math.max(n, scratch.length * 2));
      const keys = scratch.subarray(0, n);
      for (let i = 0; i < n; i++) keys[i] = rests[i] * 1024 + (1023 - i);
      // The keys are distinct: the `left` largest are those ≥ the left-th largest.
      const threshold = kthLargest(keys, left);
      for (let i = 0; i < n; i++) if (rests[i] * 1024 + (1023 - i) >= threshold) shares[i] += 1;
    } else {
      const order = weights.map((_, i) => i).sort((a, b) => (rests[a] === rests[b] ? a - b : rests[b] - rests[a]));
      for (const i of order) {
        if (left <= 0) break;
        shares[i] += 1;
        left -= 1;
      }
    }
  }
  return shares;
}

// --- one rule ---------------------------------------------------------------------------------

type Need = Pick<PromotionHint, 'reason' | 'missingAmount' | 'missingQuantity' | 'missingItems'>;

interface Outcome {
  saving: number;
  /** Saving per line index (only when saving > 0). */
  lines: Savings;
  /** Why it saves nothing (conditions or "one item away"), when that is worth a hint. */
  need: Need | null;
  /** The lines the rule looked at (when it saves): if none has changed, the outcome still holds. */
  scope?: readonly (readonly number[])[];
}

const always = () => true;
const NO_USAGE = { total: 0, guest: 0 };
const NOTHING: Outcome = { saving: 0, lines: { idx: [], amount: [] }, need: null, scope: undefined };

/** Savings by line index (ascending), `amount[k]` for line `idx[k]`; amounts of 0 are left out of the answer. */
interface Savings {
  idx: readonly number[];
  amount: readonly number[];
}

/** Adds to a saving map (for rules that may take a line in several pieces). */
function addSaving(lines: Map<number, number>, i: number, saving: number) {
  if (saving > 0) lines.set(i, (lines.get(i) ?? 0) + saving);
}

function fromMap(map: Map<number, number>): Savings {
  const idx = sortInPlace([...map.keys()], ascending);
  return { idx, amount: idx.map((i) => map.get(i) ?? 0) };
}

function outcome(lines: Savings): Outcome {
  let saving = 0;
  for (const s of lines.amount) saving += s;
  return saving > 0 ? { saving, lines, need: null, scope: undefined } : NOTHING;
}

const sumQuantity = (order: Order, idx: readonly number[]) => idx.reduce((s, i) => s + order.lines[i].quantity, 0);

/** The rule's effect on `rem` (not changed), for the lines `inTime` lets through; conditions checked. */
function evaluateRule(rule: PromotionRule, order: Order, rem: readonly number[], inTime: (i: number) => boolean, subtotal: number): Outcome {
  const effect = rule.effect;
  let result: Outcome;
  let units = 0;
  let scope: number[][];
  if (effect.kind === 'percent' || effect.kind === 'fixed') {
    const target = effect.target;
    const idx = target.scope === 'items' ? matching(order, target.items, inTime) : inTime === always ? order.countedIdx : order.countedIdx.filter(inTime);
    if (idx.length === 0) return NOTHING;
    units = sumQuantity(order, idx);
    scope = [idx];
    if (effect.kind === 'fixed' && target.scope === 'items') {
      result = outcome({ idx, amount: idx.map((i) => Math.min(effect.amount * order.lines[i].quantity, rem[i])) });
    } else {
      const weights = idx.map((i) => rem[i]);
      let sum = 0;
      for (const w of weights) sum += w;
      const total = effect.kind === 'percent' ? Math.floor((sum * effect.percent + 50) / 100) : Math.min(effect.amount, sum);
      result = total > 0 ? outcome({ idx, amount: spreadShares(total, weights) }) : NOTHING;
    }
  } else if (effect.kind === 'buy_x_get_y') {
    const buy = matching(order, effect.buy, inTime);
    const get = isEmptySet(effect.get) ? buy : matching(order, effect.get, inTime);
    if (buy.length === 0 && get.length === 0) return NOTHING;
    units = sumQuantity(order, buy);
    scope = [buy, get];
    result = buyXGetY(effect, order, rem, buy, get);
  } else {
    const sets = effect.items.map((item) => matching(order, item.items, inTime));
    if (sets.every((idx) => idx.length === 0)) return NOTHING;
    scope = sets;
    const stamp = ++order.stamp;
    for (const idx of sets)
      for (const i of idx)
        if (order.mark[i] !== stamp) {
          order.mark[i] = stamp;
          units += order.lines[i].quantity;
        }
    result = combo(effect, order, rem, sets);
  }
  if (result.saving === 0) return result;
  const c = rule.conditions;
  if (c.minSubtotal !== null && subtotal < c.minSubtotal) return { ...NOTHING, need: { reason: 'min_subtotal', missingAmount: c.minSubtotal - subtotal } };
  if (c.minQuantity !== null && units < c.minQuantity) {
    const missingItems =
      effect.kind === 'buy_x_get_y' ? effect.buy : effect.kind === 'combo_price' ? unionSet(effect.items.map((item) => item.items)) : effect.target.scope === 'items' ? effect.target.items : null;
    return { ...NOTHING, need: { reason: 'min_quantity', missingQuantity: c.minQuantity - units, missingItems } };
  }
  result.scope = scope;
  return result;
}

/** Line indices in reward order: per-portion remaining price (cheapest or dearest first), ties by id. */
function byUnitPrice(order: Order, rem: readonly number[], idx: number[], dearestFirst: boolean): number[] {
  const q = (i: number) => order.lines[i].quantity;
  return sortInPlace(idx, (a, b) => {
    const d = rem[a] * q(b) - rem[b] * q(a);
    return d === 0 ? a - b : dearestFirst ? -d : d;
  });
}

function buyXGetY(effect: Extract<PromotionRule['effect'], { kind: 'buy_x_get_y' }>, order: Order, rem: readonly number[], buy: number[], get: number[]): Outcome {
  const sameSet = isEmptySet(effect.get);
  const X = effect.buyQuantity;
  const Y = effect.getQuantity;
  const q = (i: number) => order.lines[i].quantity;
  // Buy lines marked (no other marking happens until this function returns).
  const stamp = ++order.stamp;
  for (const i of buy) order.mark[i] = stamp;
  const inBuy = { has: (i: number) => order.mark[i] === stamp };
  const B = sumQuantity(order, buy);
  const G = sumQuantity(order, get);
  let common = 0;
  for (const i of get) if (inBuy.has(i)) common += q(i);
  const T = B + G - common;
  const groups = Math.min(Math.floor(G / Y), Math.floor(B / X), Math.floor(T / (X + Y)));
  if (groups === 0) {
    if (T === 0) return NOTHING;
    let need: Need | null = null;
    if (sameSet) need = { reason: 'more_items', missingQuantity: X + Y - B, missingItems: effect.buy };
    else {
      const shortB = Math.max(0, X - B);
      const shortG = Math.max(0, Y - G);
      const shortT = Math.max(0, X + Y - T);
      if (shortB > 0 && shortG === 0) need = { reason: 'more_items', missingQuantity: Math.max(shortB, shortT), missingItems: effect.buy };
      else if (shortG > 0 && shortB === 0) need = { reason: 'more_items', missingQuantity: Math.max(shortG, shortT), missingItems: effect.get };
      else if (shortB === 0 && shortG === 0 && shortT > 0) need = { reason: 'more_items', missingQuantity: shortT, missingItems: effect.get };
    }
    return need && (need.missingQuantity ?? 0) <= MORE_ITEMS_HINT_MAX ? { ...NOTHING, need } : NOTHING;
  }
  // Portions in both sets that may be given away: the buy side needs groups × X of B.
  const commonCap = common - Math.max(0, groups * X - (B - common));
  let need = groups * Y;
  let commonTaken = 0;
  const lines = new Map<number, number>();
  for (const i of byUnitPrice(order, rem, [...get], effect.reward === 'most_expensive')) {
    if (need === 0) break;
    let k = Math.min(q(i), need);
    if (inBuy.has(i)) {
      k = Math.min(k, commonCap - commonTaken);
      commonTaken += k;
    }
    if (k <= 0) continue;
    need -= k;
    const saving = Math.floor((rem[i] * k * effect.getPercent * 2 + q(i) * 100) / (q(i) * 200));
    addSaving(lines, i, Math.min(rem[i], saving));
  }
  return outcome(fromMap(lines));
}

function combo(effect: Extract<PromotionRule['effect'], { kind: 'combo_price' }>, order: Order, rem: readonly number[], sets: number[][]): Outcome {
  const q = (i: number) => order.lines[i].quantity;
  const used = new Map<number, number>();
  const ordered = sets.map((idx) => byUnitPrice(order, rem, [...idx], true));
  const lines = new Map<number, number>();
  let formed = 0;
  let firstShort: Need | null = null;
  for (; formed < MAX_COMBO_GROUPS; formed++) {
    const chunks: { i: number; value: number }[] = [];
    const pending = new Map<number, number>();
    let missingTotal = 0;
    for (let s = 0; s < ordered.length; s++) {
      let want = effect.items[s].quantity;
      for (const i of ordered[s]) {
        if (want === 0) break;
        const free = q(i) - (used.get(i) ?? 0) - (pending.get(i) ?? 0);
        const k = Math.min(free, want);
        if (k <= 0) continue;
        pending.set(i, (pending.get(i) ?? 0) + k);
        chunks.push({ i, value: Math.floor((rem[i] * k) / q(i)) });
        want -= k;
      }
      if (want > 0) {
        missingTotal += want;
        if (formed === 0 && !firstShort) firstShort = { reason: 'more_items', missingQuantity: want, missingItems: effect.items[s].items };
        if (formed > 0) break;
      }
    }
    if (missingTotal > 0) {
      if (formed === 0 && firstShort && missingTotal <= MORE_ITEMS_HINT_MAX && chunks.length > 0) return { ...NOTHING, need: firstShort };
      break;
    }
    const value = chunks.reduce((s, c) => s + c.value, 0);
    if (value <= effect.price) break;
    const shares = spreadShares(value - effect.price, chunks.map((c) => c.value));
    chunks.forEach((c, k) => addSaving(lines, c.i, shares[k]));
    for (const [i, k] of pending) used.set(i, (used.get(i) ?? 0) + k);
  }
  return outcome(fromMap(lines));
}

// --- the order --------------------------------------------------------------------------------

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const canonicalRules = (a: PromotionRule, b: PromotionRule) => b.priority - a.priority || byId(a, b);

/**
 * The rules by priority (desc) then id. A venue's rule list is usually the same array call after
 * call (the server's cache, the tablet's copy): its order is kept, checked element by element.
 */
const orderCache = new WeakMap<readonly PromotionRule[], { seen: PromotionRule[]; priorities: number[]; ids: string[]; sorted: PromotionRule[] }>();
function canonicalOrder(rules: readonly PromotionRule[]): PromotionRule[] {
  const c = orderCache.get(rules);
  if (c && c.seen.length === rules.length && c.seen.every((r, k) => r === rules[k] && r.priority === c.priorities[k] && r.id === c.ids[k])) return c.sorted;
  const sorted = [...rules].sort(canonicalRules);
  orderCache.set(rules, { seen: [...rules], priorities: rules.map((r) => r.priority), ids: rules.map((r) => r.id), sorted });
  return sorted;
}

function applied(rule: PromotionRule, order: Order, o: Outcome): AppliedPromotion {
  const lines: AppliedPromotion['lines'] = [];
  o.lines.idx.forEach((i, k) => {
    if (o.lines.amount[k] > 0) lines.push({ lineId: order.lines[i].id, saving: o.lines.amount[k] });
  });
  return { ruleId: rule.id, name: rule.name, kind: rule.effect.kind, manual: rule.manual, saving: o.saving, lines };
}

function hint(rule: PromotionRule, fields: Omit<PromotionHint, 'ruleId' | 'name'>): PromotionHint {
  const h: PromotionHint = { ruleId: rule.id, name: rule.name, reason: fields.reason };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) (h as unknown as Record<string, unknown>)[k] = v;
  return h;
}

interface Option {
  rules: PromotionRule[];
  outcomes: Outcome[];
  saving: number;
  priority: number;
  id: string;
}

/** Evaluates every rule against the order. Deterministic: the same input gives the same output whatever the order of `rules` and `lines`. */
export function evaluatePromotions(rules: readonly PromotionRule[], lines: readonly EngineLine[], context: EngineContext): EngineResult {
  const tz = context.timeZone;
  const nowMs = Date.parse(context.now);
  const sorted = [...lines].sort(byId);
  const order: Order = {
    lines: sorted,
    list: sorted.map((l) => (!l.excluded && l.quantity > 0 ? Math.max(0, l.unitPrice) * l.quantity : 0)),
    counted: sorted.map((l) => !l.excluded && l.quantity > 0),
    countedIdx: [],
    byProduct: new Map(),
    byCategory: new Map(),
    mark: new Uint32Array(sorted.length),
    stamp: 0,
  };
  let subtotal = 0;
  sorted.forEach((l, i) => {
    if (!order.counted[i]) return;
    order.countedIdx.push(i);
    subtotal += order.list[i];
    const p = order.byProduct.get(l.productId);
    if (p) p.push(i);
    else order.byProduct.set(l.productId, [i]);
    if (l.categoryId !== null) {
      const c = order.byCategory.get(l.categoryId);
      if (c) c.push(i);
      else order.byCategory.set(l.categoryId, [i]);
    }
  });

  // The venue-local time of each distinct moment the lines are priced at (firedAt ?? now).
  const nowInfo = localInfo(nowMs, tz);
  const moments: LocalInfo[] = [nowInfo];
  const momentIndex = new Map<string, number>();
  const lineMoment = sorted.map((l) => {
    if (l.firedAt === null) return 0;
    let k = momentIndex.get(l.firedAt);
    if (k === undefined) {
      k = moments.length;
      moments.push(localInfo(Date.parse(l.firedAt), tz));
      momentIndex.set(l.firedAt, k);
    }
    return k;
  });
  const manual = new Set(context.manualRuleIds);

  const hints: PromotionHint[] = [];
  const stackable: { rule: PromotionRule; rank: number; alone: Outcome }[] = [];
  const exclusive: { rule: PromotionRule; rank: number; alone: Outcome }[] = [];
  const inTimeOf = new Map<PromotionRule, (i: number) => boolean>();
  const hintRank: number[] = [];
  const giveHint = (rule: PromotionRule, rank: number, fields: Omit<PromotionHint, 'ruleId' | 'name'>) => {
    hintRank.push(rank);
    hints.push(hint(rule, fields));
  };

  const inOrder = canonicalOrder(rules);
  for (let rank = 0; rank < inOrder.length; rank++) {
    const rule = inOrder[rank];
    if (!rule.enabled) continue;
    if (rule.featureFlag !== null && context.flags[rule.featureFlag] !== true) continue;
    const schedule = compileSchedule(rule.schedule);
    const valid = validOn(schedule, nowInfo.day);
    let inTime: (i: number) => boolean = always;
    if (valid && schedule.windows.length > 0) {
      // Whether each distinct pricing moment lies in a window, worked out when first asked.
      const momentIn = new Int8Array(moments.length);
      inTime = (i) => {
        const m = lineMoment[i];
        if (momentIn[m] === 0) momentIn[m] = windowAt(schedule.windows, moments[m]) !== null ? 1 : 2;
        return momentIn[m] === 1;
      };
    }
    const alone = valid ? evaluateRule(rule, order, order.list, inTime, subtotal) : NOTHING;
    if (alone.saving === 0) {
      if (!valid || (inTime !== always && !order.countedIdx.some(inTime))) {
        // Not started (or no line in its window): a hint when it would save money and starts soon.
        if (schedule.fromDay !== null && schedule.fromDay > nowInfo.day + 1) continue;
        if (schedule.toDay !== null && schedule.toDay < nowInfo.day) continue;
        if (evaluateRule(rule, order, order.list, always, subtotal).saving === 0) continue;
        const start = nextStart(schedule, nowMs, tz);
        if (start !== null && start - nowMs <= NOT_STARTED_HINT_SECONDS * 1000) {
          giveHint(rule, rank, { reason: 'not_started', startsAt: iso(start), secondsToStart: Math.floor((start - nowMs) / 1000) });
        }
      } else if (alone.need) giveHint(rule, rank, alone.need);
      continue;
    }
    const usage = context.usage[rule.id] ?? NO_USAGE;
    if (rule.limits.total !== null && usage.total >= rule.limits.total) {
      giveHint(rule, rank, { reason: 'limit_reached' });
      continue;
    }
    if (rule.limits.perGuest !== null) {
      if (context.customerId === null) {
        giveHint(rule, rank, { reason: 'needs_guest' });
        continue;
      }
      if (usage.guest >= rule.limits.perGuest) {
        giveHint(rule, rank, { reason: 'limit_reached' });
        continue;
      }
    }
    if (rule.manual && !manual.has(rule.id)) {
      giveHint(rule, rank, { reason: 'manual' });
      continue;
    }
    (rule.stacking === 'exclusive' ? exclusive : stackable).push({ rule, rank, alone });
    inTimeOf.set(rule, inTime);
  }

  const options: Option[] = [];
  if (stackable.length > 0) {
    const rem = [...order.list];
    const touched = new Uint8Array(sorted.length);
    const stack: Option = { rules: [], outcomes: [], saving: 0, priority: 0, id: '' };
    for (const { rule, alone } of stackable) {
      // On lines no earlier rule touched, the rule saves what it saves alone.
      const fresh = alone.scope !== undefined && alone.scope.every((idx) => idx.every((i) => touched[i] === 0));
      const o = fresh ? alone : evaluateRule(rule, order, rem, inTimeOf.get(rule) ?? always, subtotal);
      if (o.saving === 0) continue;
      for (let k = 0; k < o.lines.idx.length; k++) {
        if (o.lines.amount[k] === 0) continue;
        rem[o.lines.idx[k]] -= o.lines.amount[k];
        touched[o.lines.idx[k]] = 1;
      }
      stack.rules.push(rule);
      stack.outcomes.push(o);
      stack.saving += o.saving;
    }
    stack.priority = Math.max(...stack.rules.map((r) => r.priority));
    stack.id = stack.rules[0].id;
    options.push(stack);
  }
  for (const { rule, alone } of exclusive) options.push({ rules: [rule], outcomes: [alone], saving: alone.saving, priority: rule.priority, id: rule.id });

  let winner: Option | null = null;
  for (const o of options) {
    if (!winner) {
      winner = o;
      continue;
    }
    const better =
      context.exclusiveChoice === 'best_for_guest'
        ? o.saving > winner.saving || (o.saving === winner.saving && (o.priority > winner.priority || (o.priority === winner.priority && o.id < winner.id)))
        : o.priority > winner.priority || (o.priority === winner.priority && (o.saving > winner.saving || (o.saving === winner.saving && o.id < winner.id)));
    if (better) winner = o;
  }
  if (!winner) return { applied: [], discount: 0, hints };

  if (exclusive.length > 0) {
    // The losers: every exclusive option but the winner, and the stack's members when it lost.
    const winnerId = winner.id;
    const losers = [...(winner === options[0] && stackable.length > 0 ? [] : stackable), ...exclusive].filter((c) => !winner.rules.includes(c.rule));
    for (const c of losers) giveHint(c.rule, c.rank, { reason: 'outranked', outrankedBy: winnerId });
    // Hints in canonical rule order (the outranked ones were added last).
    const byRank = hints.map((_, k) => k).sort((a, b) => hintRank[a] - hintRank[b] || a - b);
    return finish(winner, byRank.map((k) => hints[k]));
  }

  return finish(winner, hints);

  function finish(win: Option, sortedHints: PromotionHint[]): EngineResult {
    const result = win.rules.map((r, k) => applied(r, order, win.outcomes[k]));
    return { applied: result, discount: result.reduce((s, a) => s + a.saving, 0), hints: sortedHints };
  }
}
