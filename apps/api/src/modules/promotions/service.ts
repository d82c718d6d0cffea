import {
  type ActivePromotion,
  type ActivePromotions,
  type AppliedPromotion,
  type EngineLine,
  evaluatePromotions,
  type OrderPromotions,
  MAX_PROMOTIONS_PER_VENUE,
  type PromotionInput,
  type PromotionRule,
  type PromotionSettings,
  scheduleAt,
  type UpdatePromotionInput,
} from '@pos/contracts';
import type { OrderPromotionsTable } from '../../db/schema';
import { clock, nowIso } from '../../shared/clock';
import { parseJson } from '../../shared/json';
import { type Actor, type Db, event, type Outcome, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { deepFreeze, type VenueCache, type VenueCaches } from '../../shared/venue-cache';
import type { AdminService } from '../admin/service';
import * as repo from './repository';
import { itemSetsOf, overlappingWindow, ruleColumns, toRule } from './rules';

/** An order as pricing sees it: its lines for the engine and its loyalty guest. */
export interface PricedOrder {
  id: string;
  customerId: string | null;
  lines: EngineLine[];
}

export const DEFAULT_PROMOTION_SETTINGS: PromotionSettings = { exclusiveChoice: 'best_for_guest' };
const DAY_S = 86_400;
/** How long a venue's stored pricing inputs are kept if word of a change from another instance was lost. */
const STORED_INPUTS_TTL_MS = 60_000;

/** What the engine needs of a venue to price its orders. Shared between commands: never changed by a caller. */
export interface PricingInputs {
  readonly rules: readonly PromotionRule[];
  readonly settings: Readonly<PromotionSettings>;
  readonly timeZone: string;
  readonly flags: Readonly<Record<string, boolean>>;
  /** The venue's `promotions` feature: off, nothing applies (what applied is taken off open orders). */
  readonly on: boolean;
}

/** The venue's own rows pricing reads (its flags are admin's): what is kept between commands. */
type StoredInputs = Pick<PricingInputs, 'rules' | 'settings' | 'timeZone'>;

/**
 * Promotions (issue 19), the base module: the venue's rules and settings, the till's list of what
 * applies now, and the use counts that hold limits. Pricing itself is the pure engine in
 * @pos/contracts; orders run it on every change (orders/order-pricing.ts).
 */
export class PromotionsService {
  /**
   * The venue's enabled rules, settings and zone, read by every order command: kept between
   * commands (see `VenueCache`), dropped once a rule or the settings change commits. Only stored
   * rows: what applies at a moment (dates, windows) is still worked out when an order is priced.
   */
  private readonly stored: VenueCache<StoredInputs>;

  constructor(
    private readonly admin: AdminService,
    caches: VenueCaches,
  ) {
    this.stored = caches.create<StoredInputs>('promotion-inputs', STORED_INPUTS_TTL_MS);
  }

  async list(db: Db, venueId: string): Promise<PromotionRule[]> {
    return (await repo.listRules(db, venueId)).map(toRule);
  }

  async get(db: Db, venueId: string, id: string): Promise<PromotionRule> {
    const row = await repo.findRule(db, venueId, id);
    if (!row) throw notFound('promotion', id);
    return toRule(row);
  }

  async create(db: Db, actor: Actor, input: PromotionInput) {
    await this.validate(db, actor.venueId, input);
    if ((await repo.countRules(db, actor.venueId)) >= MAX_PROMOTIONS_PER_VENUE) {
      throw conflict('promotion.too_many', `A venue keeps at most ${MAX_PROMOTIONS_PER_VENUE} promotions; delete old ones first`);
    }
    const now = nowIso();
    const id = newId();
    await repo.insertRule(db, { id, venue_id: actor.venueId, ...ruleColumns(input), uses: 0, version: 1, created_at: now, updated_at: now, deleted_at: null });
    await this.admin.audit(db, actor, 'promotion.created', 'promotion', id, { name: input.name, kind: input.effect.kind });
    return this.inputsChanged(actor.venueId, outcome(await this.get(db, actor.venueId, id), [this.changedEvent(actor.venueId, 'rules')]));
  }

  async update(db: Db, actor: Actor, id: string, input: UpdatePromotionInput) {
    const before = await this.get(db, actor.venueId, id);
    await this.validate(db, actor.venueId, input);
    if (!(await repo.updateRule(db, id, input.version, { ...ruleColumns(input), updated_at: nowIso() }))) {
      throw conflict('promotion.version_conflict', 'Someone else changed this promotion; reload it and try again', { currentVersion: before.version });
    }
    await this.admin.audit(db, actor, 'promotion.changed', 'promotion', id, { name: input.name, enabled: input.enabled });
    return this.inputsChanged(actor.venueId, outcome(await this.get(db, actor.venueId, id), [this.changedEvent(actor.venueId, 'rules')]));
  }

  /** Deleted rules are kept for the orders that name them; open orders lose them at the next tick. */
  async remove(db: Db, actor: Actor, id: string) {
    const rule = await this.get(db, actor.venueId, id);
    await db.updateTable('promotions').set({ deleted_at: nowIso(), enabled: 0 }).where('id', '=', id).execute();
    await this.admin.audit(db, actor, 'promotion.deleted', 'promotion', id, { name: rule.name });
    return this.inputsChanged(actor.venueId, outcome({ ok: true as const }, [this.changedEvent(actor.venueId, 'rules')]));
  }

  async settings(db: Db, venueId: string): Promise<PromotionSettings> {
    const row = await repo.settingsRow(db, venueId);
    return row ? { exclusiveChoice: row.exclusive_choice as PromotionSettings['exclusiveChoice'] } : DEFAULT_PROMOTION_SETTINGS;
  }

  async saveSettings(db: Db, actor: Actor, input: PromotionSettings) {
    await repo.upsertSettings(db, actor.venueId, input.exclusiveChoice, nowIso());
    await this.admin.audit(db, actor, 'promotion.settings', 'venue', actor.venueId, { exclusiveChoice: input.exclusiveChoice });
    return this.inputsChanged(actor.venueId, outcome(await this.settings(db, actor.venueId), [this.changedEvent(actor.venueId, 'settings')]));
  }

  /**
   * A rule or the settings changed: once that commits, the venue's stored inputs are read again
   * here and on every other instance. (Dropped only after the commit: a command reading them
   * before it would keep the old ones.)
   */
  private inputsChanged<T>(venueId: string, result: Outcome<T>): Outcome<T> {
    return { ...result, afterCommit: () => this.stored.invalidate(venueId) };
  }

  changedEvent(venueId: string, reason: 'rules' | 'window' | 'flags' | 'settings') {
    return event('promotions.changed', { venueId, reason, at: nowIso() });
  }

  /**
   * The rules the engine runs on: enabled, not deleted; with the venue's settings, zone and flags.
   * All of them kept between commands (rules, settings and zone here, the flags by admin): an
   * order command usually reads none of them.
   */
  async pricingInputs(db: Db, venueId: string): Promise<PricingInputs> {
    const { rules, settings, timeZone } = await this.stored.get(venueId, () => this.storedInputs(db, venueId));
    // A venue without rules: no flags to read either.
    if (rules.length === 0) return { rules, settings, timeZone, flags: {}, on: false };
    const flags = await this.admin.keptFlags(db, venueId);
    return { rules, settings, timeZone, flags, on: flags.promotions };
  }

  /**
   * Read in the command's transaction: no command that prices orders writes rules or settings, so
   * what it reads is committed. The venue's zone is only ever written by the seed (no route
   * changes it); a change made straight in the database is seen within the TTL.
   */
  private async storedInputs(db: Db, venueId: string): Promise<StoredInputs> {
    const rules = (await repo.listRules(db, venueId)).filter((r) => r.enabled === 1).map(toRule);
    // A venue without rules: one query, nothing else to read.
    // (The zone is not read: nothing is priced; `active` reads it itself.)
    if (rules.length === 0) return deepFreeze({ rules, settings: { ...DEFAULT_PROMOTION_SETTINGS }, timeZone: '' });
    const [settings, timeZone] = await Promise.all([this.settings(db, venueId), repo.venueTimeZone(db, venueId)]);
    return deepFreeze({ rules, settings: { ...settings }, timeZone });
  }

  /**
   * `GET /pos/promotions/active`: every rule that applies now (its flag on, inside its dates and
   * windows) or starts within 24 hours, with the seconds to its end or start by the server's clock.
   */
  async active(db: Db, venueId: string): Promise<ActivePromotions> {
    const now = clock.now();
    const at = now.toISOString();
    const { rules, settings, timeZone, flags, on } = await this.pricingInputs(db, venueId);
    const seconds = (iso: string | null) => (iso === null ? null : Math.max(0, Math.floor((Date.parse(iso) - now.getTime()) / 1000)));
    const promotions = on
      ? rules
          .filter((rule) => rule.featureFlag === null || flags[rule.featureFlag] === true)
          .flatMap((rule): ActivePromotion[] => {
            const s = scheduleAt(rule, at, timeZone);
            if (s.active) return [{ rule, activeNow: true, endsAt: s.endsAt, secondsToEnd: seconds(s.endsAt), startsAt: null, secondsToStart: null }];
            const toStart = seconds(s.startsAt);
            if (toStart === null || toStart > DAY_S) return [];
            return [{ rule, activeNow: false, endsAt: null, secondsToEnd: null, startsAt: s.startsAt, secondsToStart: toStart }];
          })
      : [];
    return { serverTime: at, timeZone: timeZone || (await repo.venueTimeZone(db, venueId)), settings, promotions };
  }

  /**
   * The signature of what may apply at `at`: the enabled rules (id and version), which of them are
   * live now (flag on, inside their dates and windows) and the settings. The tick re-prices a venue's open orders when it changes.
   */
  stateKey(inputs: PricingInputs, at: string): string {
    if (!inputs.on) return 'off';
    const rules = inputs.rules.map((r) => `${r.id}:${r.version}`).sort();
    const live = inputs.rules
      .filter((r) => (r.featureFlag === null || inputs.flags[r.featureFlag] === true) && scheduleAt(r, at, inputs.timeZone).active)
      .map((r) => r.id)
      .sort();
    return `${inputs.settings.exclusiveChoice}|${rules.join(',')}|${live.join(',')}`;
  }

  // --- pricing an order (orders call these on every change) ---

  /** The promotions applied to each of these orders, as they were last priced. */
  async appliedOf(db: Db, orderIds: string[]): Promise<Map<string, AppliedPromotion[]>> {
    const byOrder = new Map<string, AppliedPromotion[]>();
    for (const r of await repo.orderPromotionRows(db, orderIds)) {
      const list = byOrder.get(r.order_id) ?? [];
      list.push({ ruleId: r.promotion_id, name: r.name, kind: r.kind as AppliedPromotion['kind'], manual: r.manual === 1, saving: r.saving, lines: parseJson(r.lines, []) });
      byOrder.set(r.order_id, list);
    }
    return byOrder;
  }

  /**
   * Prices an open order (locked by the caller) with the engine and stores the answer when it
   * changed; holds the uses of limited rules (a refused claim prices again without that rule).
   * Idempotent: the same order at the same moment writes nothing the second time.
   */
  async price(db: Db, venueId: string, order: PricedOrder, inputs?: PricingInputs): Promise<{ changed: boolean; applied: AppliedPromotion[] }> {
    const venue = inputs ?? (await this.pricingInputs(db, venueId));
    const current = await repo.orderPromotionRows(db, [order.id]);
    // Nothing applies and nothing did: no uses are held either (a use goes with an applied rule).
    if (!venue.on && current.length === 0) return { changed: false, applied: [] };
    let applied: AppliedPromotion[] = [];
    if (venue.on) {
      const manualRuleIds = await repo.manualRuleIds(db, order.id);
      const byId = new Map(venue.rules.map((r) => [r.id, r]));
      let usage = await this.usage(db, venue.rules, order.id, order.customerId);
      for (;;) {
        const result = evaluatePromotions(venue.rules, order.lines, {
          now: nowIso(),
          timeZone: venue.timeZone,
          exclusiveChoice: venue.settings.exclusiveChoice,
          customerId: order.customerId,
          manualRuleIds,
          flags: venue.flags,
          usage,
        });
        const refused = await this.syncUses(db, venueId, order.id, order.customerId, result.applied.map((a) => byId.get(a.ruleId)!));
        applied = result.applied;
        if (refused.length === 0) break;
        usage = { ...usage, ...Object.fromEntries(refused.map((id) => [id, { total: Number.MAX_SAFE_INTEGER, guest: Number.MAX_SAFE_INTEGER }])) };
      }
    } else {
      await this.releaseAll(db, order.id);
    }
    const rows: OrderPromotionsTable[] = applied.map((a, position) => ({
      order_id: order.id,
      promotion_id: a.ruleId,
      venue_id: venueId,
      position,
      name: a.name,
      kind: a.kind,
      manual: a.manual ? 1 : 0,
      saving: a.saving,
      lines: JSON.stringify(a.lines),
    }));
    const key = (r: OrderPromotionsTable) => [r.promotion_id, r.name, r.kind, Number(r.manual), Number(r.saving), r.lines].join('\u0000');
    const same = rows.length === current.length && rows.every((r, i) => key(r) === key(current[i]));
    if (!same) await repo.replaceOrderPromotions(db, order.id, rows);
    return { changed: !same, applied };
  }

  /** `GET /pos/orders/{id}/promotions`: what applies and why the rest does not, with the names of what is missing. */
  async explain(db: Db, venueId: string, order: PricedOrder & { version: number }): Promise<OrderPromotions> {
    const venue = await this.pricingInputs(db, venueId);
    const applied = (await this.appliedOf(db, [order.id])).get(order.id) ?? [];
    if (!venue.on) return { orderId: order.id, version: order.version, applied, hints: [] };
    const result = evaluatePromotions(venue.rules, order.lines, {
      now: nowIso(),
      timeZone: venue.timeZone,
      exclusiveChoice: venue.settings.exclusiveChoice,
      customerId: order.customerId,
      manualRuleIds: await repo.manualRuleIds(db, order.id),
      flags: venue.flags,
      usage: await this.usage(db, venue.rules, order.id, order.customerId),
    });
    const hints = await Promise.all(
      result.hints.map(async (h) => (h.missingItems ? { ...h, missingLabel: await this.setLabel(db, venueId, h.missingItems) } : h)),
    );
    return { orderId: order.id, version: order.version, applied, hints };
  }

  /** Staff apply (or take off) a manual rule; the caller re-prices the order. */
  async setManual(db: Db, actor: Actor, orderId: string, ruleId: string, remove: boolean): Promise<PromotionRule> {
    const rule = await this.get(db, actor.venueId, ruleId);
    if (!rule.manual) throw conflict('promotion.not_manual', `«${rule.name}» applies by itself; it cannot be applied by hand`);
    if (remove) await repo.removeManual(db, orderId, ruleId);
    else {
      if (!rule.enabled) throw conflict('promotion.not_applicable', `«${rule.name}» is switched off`);
      await repo.addManual(db, { order_id: orderId, promotion_id: ruleId, staff_id: actor.staffId, created_at: nowIso() });
    }
    await this.admin.audit(db, actor, remove ? 'promotion.manual_removed' : 'promotion.manual_applied', 'order', orderId, { ruleId, name: rule.name });
    return rule;
  }

  venuesToWatch(db: Db) {
    return repo.venuesToWatch(db);
  }

  swapStateKey(db: Db, venueId: string, key: string, now: string) {
    return repo.swapStateKey(db, venueId, key, now);
  }

  // --- limits ---

  /** Uses of the limited rules by other orders than `orderId` (venue-wide, and by its guest). */
  async usage(db: Db, rules: readonly PromotionRule[], orderId: string, customerId: string | null) {
    const limited = rules.filter((r) => r.limits.total !== null || r.limits.perGuest !== null);
    if (limited.length === 0) return {};
    const ids = limited.map((r) => r.id);
    const [counts, held, guest] = await Promise.all([
      db.selectFrom('promotions').select(['id', 'uses']).where('id', 'in', ids).execute(),
      repo.usesOfOrder(db, orderId),
      customerId ? repo.guestUses(db, ids, customerId) : Promise.resolve([]),
    ]);
    const heldBy = new Map(held.map((u) => [u.promotion_id, u]));
    const guestOf = new Map(guest.map((g) => [g.promotion_id, g.uses]));
    return Object.fromEntries(
      ids.map((id) => {
        const own = heldBy.get(id);
        const total = (counts.find((c) => c.id === id)?.uses ?? 0) - (own ? 1 : 0);
        const guestUses = (guestOf.get(id) ?? 0) - (own && own.customer_id === customerId ? 1 : 0);
        return [id, { total, guest: guestUses }];
      }),
    );
  }

  /**
   * Makes the order's held uses match what applies: releases the rules that dropped off (or whose
   * guest changed) and claims the new limited ones. Answers the rules whose claim was refused (a
   * parallel order took the last use): the caller prices again without them.
   */
  async syncUses(db: Db, venueId: string, orderId: string, customerId: string | null, applied: readonly PromotionRule[]): Promise<string[]> {
    const limited = new Map(applied.filter((r) => r.limits.total !== null || r.limits.perGuest !== null).map((r) => [r.id, r]));
    const refused: string[] = [];
    for (const use of await repo.usesOfOrder(db, orderId)) {
      const rule = limited.get(use.promotion_id);
      if (rule && (rule.limits.perGuest === null || use.customer_id === customerId)) {
        limited.delete(use.promotion_id);
        continue;
      }
      await this.release(db, use);
    }
    for (const rule of limited.values()) {
      if (!(await repo.claimTotal(db, rule.id))) {
        refused.push(rule.id);
        continue;
      }
      if (rule.limits.perGuest !== null && (!customerId || !(await repo.claimGuest(db, rule.id, customerId, rule.limits.perGuest)))) {
        await repo.unclaimTotal(db, rule.id);
        refused.push(rule.id);
        continue;
      }
      await repo.insertUse(db, { promotion_id: rule.id, order_id: orderId, venue_id: venueId, customer_id: customerId, created_at: nowIso() });
    }
    return refused;
  }

  /** A voided order gives its uses back. */
  async releaseAll(db: Db, orderId: string): Promise<void> {
    for (const use of await repo.usesOfOrder(db, orderId)) await this.release(db, use);
  }

  private async release(db: Db, use: { promotion_id: string; order_id: string; customer_id: string | null }) {
    await repo.deleteUse(db, use.promotion_id, use.order_id);
    await repo.unclaimTotal(db, use.promotion_id);
    if (use.customer_id) await repo.unclaimGuest(db, use.promotion_id, use.customer_id);
  }

  // --- input checks the schema cannot make ---

  private async validate(db: Db, venueId: string, input: PromotionInput): Promise<void> {
    const { validFrom, validTo, windows } = input.schedule;
    if (validFrom && validTo && validTo < validFrom) throw invalid('body.schedule.validTo', 'The last day is before the first');
    const overlap = overlappingWindow(windows);
    if (overlap >= 0) throw invalid(`body.schedule.windows.${overlap}`, 'This window overlaps an earlier one');
    const sets = itemSetsOf(input);
    for (const { path, set, required } of sets) {
      if (required && set.productIds.length === 0 && set.categoryIds.length === 0) throw invalid(path, 'Name at least one product or category');
      const dupe = (ids: string[]) => ids.findIndex((id, i) => ids.indexOf(id) !== i);
      if (dupe(set.productIds) >= 0) throw invalid(`${path}.productIds.${dupe(set.productIds)}`, 'Listed twice');
      if (dupe(set.categoryIds) >= 0) throw invalid(`${path}.categoryIds.${dupe(set.categoryIds)}`, 'Listed twice');
      const products = new Set((await repo.existingProducts(db, venueId, set.productIds)).map((p) => p.id));
      const missingProduct = set.productIds.findIndex((id) => !products.has(id));
      if (missingProduct >= 0) throw invalid(`${path}.productIds.${missingProduct}`, 'No such product in this venue');
      const categories = new Set((await repo.existingCategories(db, venueId, set.categoryIds)).map((c) => c.id));
      const missingCategory = set.categoryIds.findIndex((id) => !categories.has(id));
      if (missingCategory >= 0) throw invalid(`${path}.categoryIds.${missingCategory}`, 'No such category in this venue');
    }
  }

  /** Names of a set's products and categories (for the till's hints), in one line. */
  async setLabel(db: Db, venueId: string, set: { productIds: string[]; categoryIds: string[] }): Promise<string> {
    const [products, categories] = await Promise.all([repo.existingProducts(db, venueId, set.productIds), repo.existingCategories(db, venueId, set.categoryIds)]);
    return [...categories.map((c) => c.name), ...products.map((p) => p.name)].join(', ');
  }
}
