import {
  businessDate,
  type Combo,
  type ComboWindow,
  comboListPrice,
  comboSaving,
  isWithinWindows,
  type Recommendation,
  type Recommendations,
  type RecommendationsQuery,
  type RecordUpsellEventInput,
  type SaveUpsellConfigInput,
  type UpsellConfig,
  type UpsellStats,
  zonedMinutes,
} from '@pos/contracts';
import type { CombosTable } from '../../db/schema';
import { clock, nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { conflict, DomainError, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { AdminService } from '../admin/service';
import * as repo from './repository';

/** How many suggestions a tap shows unless the client asks for another number. */
export const DEFAULT_RECOMMENDATIONS = 8;
/** "Often ordered together" looks at pairs seen within this many days… */
export const RECENT_PAIR_DAYS = 90;
/** …and at least this many times: a single shared order is chance, not a habit. */
export const MIN_PAIR_COUNT = 2;
/** A banquet order of 100 dishes would add ~10,000 pairs; its first dishes tell enough. */
export const MAX_PAIRED_PRODUCTS = 30;

const DAY_MS = 86_400_000;

type ProductInfo = { stock: number | null; is_available: number };
type ComboItemRow = Awaited<ReturnType<typeof repo.comboItemsOf>>[number];

/** Can be sold right now, `quantity` portions of it. */
export const isSellable = (p: ProductInfo, quantity = 1): boolean =>
  Number(p.is_available) === 1 && (p.stock === null || Number(p.stock) >= quantity);

/** The venue-local weekday (1 = Monday) and minutes since midnight of an instant. */
export function venueMoment(instant: Date, timeZone: string): { weekday: number; minutes: number } {
  const [y, m, d] = businessDate(instant, timeZone).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { weekday: day === 0 ? 7 : day, minutes: zonedMinutes(instant, timeZone) };
}

function toCombo(row: CombosTable, items: ComboItemRow[]): Combo {
  const parts = items
    .filter((i) => i.combo_id === row.id)
    .map((i) => ({ productId: i.product_id, name: i.name, price: Number(i.price), quantity: Number(i.quantity) }));
  const price = Number(row.price);
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    price,
    listPrice: comboListPrice(parts),
    saving: comboSaving(price, parts),
    items: parts,
    windows: parseJson<ComboWindow[]>(row.windows, []),
    reason: row.reason,
    position: Number(row.position),
  };
}

const stats = (counts: Map<string, { shown: number; accepted: number }>, targetId: string): UpsellStats => {
  const c = counts.get(targetId) ?? { shown: 0, accepted: 0 };
  return { ...c, acceptRate: c.shown === 0 ? null : Math.min(1, Math.round((c.accepted / c.shown) * 1000) / 1000) };
};

/**
 * Upsell: the admin's rules per product (add-ons, combos), the suggestions a waiter sees on a
 * tap, the shown / accepted record behind each rule's accept rate, and the pair counts that
 * paid orders leave behind for "often ordered together".
 */
export class UpsellService {
  constructor(private readonly admin: AdminService) {}

  private async requireFeature(db: Db, venueId: string): Promise<void> {
    if (!(await this.admin.isEnabled(db, venueId, 'upsell'))) {
      throw new DomainError(403, 'feature.disabled', 'Upsell is switched off for this venue');
    }
  }

  private async requireProduct(db: Db, venueId: string, productId: string) {
    const [product] = await repo.findProducts(db, venueId, [productId]);
    if (!product) throw notFound('product', productId);
    return product;
  }

  // --- admin config ---

  async config(db: Db, venueId: string, productId: string): Promise<UpsellConfig> {
    await this.requireProduct(db, venueId, productId);
    const [addons, combos, events] = await Promise.all([
      repo.addonsOf(db, venueId, productId),
      repo.combosOwnedBy(db, venueId, productId),
      repo.eventCounts(db, venueId, productId),
    ]);
    const items = await repo.comboItemsOf(db, combos.map((c) => c.id));
    const counts = new Map<string, { shown: number; accepted: number }>();
    for (const e of events) {
      const c = counts.get(e.target_id) ?? { shown: 0, accepted: 0 };
      if (e.kind === 'shown') c.shown += Number(e.n);
      else c.accepted += Number(e.n);
      counts.set(e.target_id, c);
    }
    return {
      productId,
      addons: addons.map((a) => ({
        productId: a.addon_id,
        name: a.name,
        price: Number(a.price),
        reason: a.reason,
        position: Number(a.position),
        isAvailable: isSellable(a),
        stats: stats(counts, a.addon_id),
      })),
      combos: combos.map((c) => ({ ...toCombo(c, items), stats: stats(counts, c.id) })),
    };
  }

  /**
   * Replaces a product's rules. Every rule that cannot hold is a 400 naming its field: a product
   * recommending itself, an unknown product, a product listed twice, a combo without the product
   * itself, a combo dearer than its dishes bought one by one.
   */
  async saveConfig(db: Db, actor: Actor, productId: string, input: SaveUpsellConfigInput) {
    const venueId = actor.venueId;
    await this.requireProduct(db, venueId, productId);
    const combosIn = input.combos ?? [];
    const referenced = [...new Set([...input.addons.map((a) => a.productId), ...combosIn.flatMap((c) => c.items.map((i) => i.productId))])];
    const products = new Map((await repo.findProducts(db, venueId, referenced)).map((p) => [p.id, p]));

    const seenAddons = new Set<string>();
    input.addons.forEach((a, i) => {
      const path = `body.addons.${i}.productId`;
      if (a.productId === productId) throw invalid(path, 'A product cannot recommend itself');
      if (!products.has(a.productId)) throw invalid(path, 'No such product in this venue');
      if (seenAddons.has(a.productId)) throw invalid(path, 'This product is already recommended above');
      seenAddons.add(a.productId);
    });

    const existing = new Map((await repo.combosOwnedBy(db, venueId, productId)).map((c) => [c.id, c]));
    const seenCombos = new Set<string>();
    combosIn.forEach((combo, c) => {
      if (combo.id !== undefined) {
        if (!existing.has(combo.id) || seenCombos.has(combo.id)) throw invalid(`body.combos.${c}.id`, 'No such combo of this product (or listed twice)');
        seenCombos.add(combo.id);
      }
      const seenItems = new Set<string>();
      combo.items.forEach((item, i) => {
        const path = `body.combos.${c}.items.${i}.productId`;
        if (!products.has(item.productId)) throw invalid(path, 'No such product in this venue');
        if (seenItems.has(item.productId)) throw invalid(path, 'Listed twice: give a quantity instead');
        seenItems.add(item.productId);
      });
      if (!seenItems.has(productId)) throw invalid(`body.combos.${c}.items`, 'A combo of this product must include the product itself');
      const listPrice = comboListPrice(combo.items.map((i) => ({ price: Number(products.get(i.productId)?.price ?? 0), quantity: i.quantity ?? 1 })));
      if (combo.price > listPrice) {
        throw invalid(`body.combos.${c}.price`, `The combo price is above its dishes bought one by one (${listPrice})`);
      }
    });

    const now = nowIso();
    await repo.deleteAddons(db, venueId, productId);
    await repo.insertAddons(
      db,
      input.addons.map((a, position) => ({ venue_id: venueId, product_id: productId, addon_id: a.productId, position, reason: a.reason ?? null, created_at: now })),
    );
    for (const [position, combo] of combosIn.entries()) {
      const fields = {
        name: combo.name,
        price: combo.price,
        windows: JSON.stringify((combo.windows ?? []).map((w) => (w.days ? { ...w, days: [...new Set(w.days)].sort() } : w))),
        reason: combo.reason ?? null,
        position,
        updated_at: now,
      };
      const id = combo.id ?? newId();
      if (combo.id) await repo.updateCombo(db, id, fields);
      else await repo.insertCombo(db, { id, venue_id: venueId, product_id: productId, created_at: now, deleted_at: null, ...fields });
      await repo.replaceComboItems(db, id, combo.items.map((i) => ({ product_id: i.productId, quantity: i.quantity ?? 1 })));
    }
    // A combo left out is retired, not deleted: order lines and its accept-rate history point at it.
    for (const id of existing.keys()) if (!seenCombos.has(id)) await repo.updateCombo(db, id, { deleted_at: now, updated_at: now });

    const { clientRequestId: _key, ...details } = input;
    await this.admin.audit(db, actor, 'upsell.saved', 'product', productId, details);
    return outcome(await this.config(db, venueId, productId));
  }

  async deleteConfig(db: Db, actor: Actor, productId: string) {
    await this.requireProduct(db, actor.venueId, productId);
    const now = nowIso();
    await repo.deleteAddons(db, actor.venueId, productId);
    for (const c of await repo.combosOwnedBy(db, actor.venueId, productId)) await repo.updateCombo(db, c.id, { deleted_at: now, updated_at: now });
    await this.admin.audit(db, actor, 'upsell.deleted', 'product', productId, {});
    return outcome(await this.config(db, actor.venueId, productId));
  }

  // --- suggestions ---

  /**
   * What to suggest with a product, best first: the admin's add-ons in their order, the combos
   * with this dish that can be sold now, then what this venue's guests often order with it.
   * Nothing that cannot be sold right now (stop-list, sold out, combo out of its hours) and
   * nothing the order (`orderId`) already has. A handful of indexed reads: it runs on every tap.
   */
  async recommendations(db: Db, venueId: string, productId: string, query: RecommendationsQuery): Promise<Recommendations> {
    await this.requireFeature(db, venueId);
    const limit = query.limit ?? DEFAULT_RECOMMENDATIONS;
    const [product, venue] = await Promise.all([repo.findProducts(db, venueId, [productId]), repo.venueClock(db, venueId)]);
    if (product.length === 0) throw notFound('product', productId);

    const inOrder = new Set<string>();
    const combosInOrder = new Set<string>();
    if (query.orderId) {
      if (!(await repo.orderOfVenue(db, venueId, query.orderId))) throw notFound('order', query.orderId);
      for (const line of await repo.standingLinesOf(db, query.orderId)) {
        if (line.combo_id) combosInOrder.add(line.combo_id);
        else inOrder.add(line.product_id);
      }
    }

    const since = new Date(clock.now().getTime() - RECENT_PAIR_DAYS * DAY_MS).toISOString();
    const [addons, combos, popular] = await Promise.all([
      repo.addonsOf(db, venueId, productId),
      repo.combosContaining(db, venueId, productId),
      // Enough rows that the ones filtered out below still leave a full list.
      repo.popularCompanions(db, venueId, productId, since, MIN_PAIR_COUNT, limit + inOrder.size + DEFAULT_RECOMMENDATIONS),
    ]);

    const items: Recommendation[] = [];
    const listed = new Set<string>([productId]);
    for (const a of addons) {
      if (!isSellable(a) || inOrder.has(a.addon_id) || listed.has(a.addon_id)) continue;
      listed.add(a.addon_id);
      items.push({ kind: 'product', productId: a.addon_id, name: a.name, price: Number(a.price), source: 'configured', reason: a.reason });
    }

    if (combos.length > 0) {
      const moment = venueMoment(clock.now(), venue.timezone);
      const parts = await repo.comboItemsOf(db, combos.map((c) => c.id));
      for (const row of combos) {
        if (combosInOrder.has(row.id)) continue;
        const mine = parts.filter((p) => p.combo_id === row.id);
        if (!mine.every((p) => isSellable(p, Number(p.quantity)))) continue;
        const combo = toCombo(row, mine);
        if (!isWithinWindows(combo.windows, moment.weekday, moment.minutes)) continue;
        items.push({
          kind: 'combo',
          comboId: combo.id,
          name: combo.name,
          price: combo.price,
          listPrice: combo.listPrice,
          saving: combo.saving,
          items: combo.items,
          source: 'configured',
          reason: combo.reason,
        });
      }
    }

    for (const p of popular) {
      if (inOrder.has(p.other_id) || listed.has(p.other_id)) continue;
      listed.add(p.other_id);
      items.push({ kind: 'product', productId: p.other_id, name: p.name, price: Number(p.price), source: 'popular', reason: null, timesOrderedTogether: Number(p.count) });
    }
    return { productId, items: items.slice(0, limit) };
  }

  /** A suggestion shown to or accepted by a waiter; the admin's accept rate per rule counts these. */
  async recordEvent(db: Db, actor: Actor, input: RecordUpsellEventInput) {
    await this.requireFeature(db, actor.venueId);
    await this.requireProduct(db, actor.venueId, input.productId);
    let target: { kind: 'product' | 'combo'; id: string };
    if (input.comboId) {
      const combo = await repo.findCombo(db, actor.venueId, input.comboId);
      if (!combo) throw invalid('body.comboId', 'No such combo in this venue');
      target = { kind: 'combo', id: combo.id };
    } else {
      const [other] = input.recommendedProductId ? await repo.findProducts(db, actor.venueId, [input.recommendedProductId]) : [];
      if (!other) throw invalid('body.recommendedProductId', 'No such product in this venue');
      target = { kind: 'product', id: other.id };
    }
    // Another venue's order id would tie this venue's statistics to an order it cannot see.
    if (input.orderId && !(await repo.orderOfVenue(db, actor.venueId, input.orderId))) {
      throw invalid('body.orderId', 'No such order in this venue');
    }
    await repo.insertEvent(db, {
      id: newId(),
      venue_id: actor.venueId,
      product_id: input.productId,
      target_kind: target.kind,
      target_id: target.id,
      kind: input.kind,
      order_id: input.orderId ?? null,
      staff_id: actor.staffId,
      created_at: nowIso(),
    });
    return outcome({ ok: true as const });
  }

  // --- for the orders domain ---

  /** A combo as an order sells it now: 403 with the feature off, 409 outside its hours. */
  async comboForOrder(db: Db, venueId: string, comboId: string): Promise<Combo> {
    await this.requireFeature(db, venueId);
    const row = await repo.findCombo(db, venueId, comboId);
    if (!row) throw invalid('body.comboId', 'No such combo in this venue');
    const combo = toCombo(row, await repo.comboItemsOf(db, [row.id]));
    const moment = venueMoment(clock.now(), (await repo.venueClock(db, venueId)).timezone);
    if (!isWithinWindows(combo.windows, moment.weekday, moment.minutes)) {
      throw conflict('combo.outside_hours', `${combo.name} is not sold at this time`, { comboId, windows: combo.windows });
    }
    return combo;
  }

  /** A paid order's products count as "ordered together", each pair once per order. */
  async recordPaidOrder(db: Db, venueId: string, productIds: readonly string[]) {
    const distinct = [...new Set(productIds)].slice(0, MAX_PAIRED_PRODUCTS);
    const now = nowIso();
    const rows = distinct.flatMap((a) => distinct.filter((b) => b !== a).map((b) => ({ venue_id: venueId, product_id: a, other_id: b, count: 1, last_at: now })));
    // Bounded statements (at most 30 × 29 rows in all; 5 values each).
    for (let i = 0; i < rows.length; i += 200) await repo.addPairs(db, rows.slice(i, i + 200));
  }
}
