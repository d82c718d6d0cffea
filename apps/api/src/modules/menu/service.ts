import { choiceRange, isChoiceCountAllowed, type LineModifier, type Menu, type MenuChanges, type ProductStock, type UpdateStockInput } from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { type MenuAudit, MenuCatalog } from './catalog';
import { changeOfRow, recordChange } from './history';
import * as repo from './repository';
import { toCategory, toProduct } from './rows';

export { MENU_CHANGES_KEPT } from './history';

/** A product as an order line needs it: price, station, and the modifiers chosen, validated. */
export interface OrderableItem {
  productId: string;
  name: string;
  unitPrice: number;
  stationId: string;
  modifiers: LineModifier[];
  /** Whether the product counts its portions (its stock is not null): only those take stock. */
  tracksStock: boolean;
}

export class MenuService {
  /** An admin's writes to products and categories. */
  readonly catalog: MenuCatalog;

  constructor(audit: MenuAudit) {
    this.catalog = new MenuCatalog(audit);
  }

  /** The venue's menu version now (one row read: enough to answer a conditional request). */
  async version(db: Db, venueId: string): Promise<number> {
    return Number((await repo.menuVersion(db, venueId)).menu_version);
  }

  /**
   * The whole menu at one version, read in one transaction so the version and every row agree
   * exactly (a snapshot a tablet brings up to date with deltas must equal a fresh one): on
   * PostgreSQL REPEATABLE READ (one snapshot for every statement), on SQLite the connection is
   * held by the transaction, so no write lands in between. Products and categories come in
   * (sort, id) order, the order `applyChanges` keeps.
   */
  async menu(db: Db, venueId: string): Promise<Menu> {
    if (db.isTransaction) return this.readMenu(db, venueId);
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute((trx) => this.readMenu(trx, venueId));
  }

  private async readMenu(db: Db, venueId: string): Promise<Menu> {
    const venue = await repo.menuVersion(db, venueId);
    const [stations, categories, groups, options, products, links] = await Promise.all([
      repo.listStations(db, venueId),
      repo.listCategories(db, venueId),
      repo.listModifierGroups(db, venueId),
      repo.listModifierOptions(db, venueId),
      repo.listProducts(db, venueId),
      repo.listProductModifierGroups(db, venueId),
    ]);
    const groupsOf = new Map<string, string[]>();
    for (const l of links) groupsOf.set(l.product_id, [...(groupsOf.get(l.product_id) ?? []), l.group_id]);
    const optionsOf = new Map<string, typeof options>();
    for (const o of options) optionsOf.set(o.group_id, [...(optionsOf.get(o.group_id) ?? []), o]);
    return {
      version: Number(venue.menu_version),
      currency: venue.currency,
      stations: stations.map((s) => ({ id: s.id, code: s.code, name: s.name })),
      categories: categories.map(toCategory),
      modifierGroups: groups.map((g) => ({
        id: g.id,
        name: g.name,
        minSelect: g.min_select,
        maxSelect: g.max_select,
        options: (optionsOf.get(g.id) ?? []).map((o) => ({ id: o.id, name: o.name, priceDelta: o.price_delta })),
      })),
      products: products.map((p) => toProduct(p, groupsOf.get(p.id) ?? [])),
    };
  }

  async updateStock(db: Db, actor: Actor, productId: string, input: UpdateStockInput) {
    const product = await repo.findProduct(db, actor.venueId, productId);
    if (!product) throw notFound('product', productId);
    await repo.updateProductStock(db, actor.venueId, productId, {
      ...(input.stock !== undefined ? { stock: input.stock } : {}),
      ...(input.isAvailable !== undefined ? { is_available: input.isAvailable ? 1 : 0 } : {}),
      updated_at: nowIso(),
    });
    const changed = await this.stockEvent(db, actor.venueId, productId);
    return outcome(changed.payload as ProductStock, [changed]);
  }

  /**
   * What changed after version `since`, oldest first. When the kept history does not reach back
   * to `since` (pruned, or older than the history itself) or `since` is ahead of the server, the
   * client must take the snapshot instead.
   */
  async changes(db: Db, venueId: string, since: number): Promise<MenuChanges> {
    const version = Number((await repo.menuVersion(db, venueId)).menu_version);
    if (since === version) return { version, changes: [] };
    const snapshot: MenuChanges = { version, snapshotRequired: true, changes: [] };
    if (since > version) return snapshot;
    const rows = await repo.listMenuChanges(db, venueId, since, version);
    // Every version in (since, version] must be there: one row each, none missing.
    if (rows.length !== version - since || Number(rows[0]?.version) !== since + 1) return snapshot;
    return { version, changes: rows.map(changeOfRow) };
  }

  /**
   * Bumps the menu version, records the change for catch-up deltas (dropping versions beyond the
   * kept window) and describes the product's availability for every screen.
   */
  private async stockEvent(db: Db, venueId: string, productId: string): Promise<OutboundEvent<'menu.stock'>> {
    const row = await repo.findProduct(db, venueId, productId);
    if (!row) throw notFound('product', productId);
    const stock = row.stock === null ? null : Number(row.stock);
    const isAvailable = Number(row.is_available) === 1;
    const menuVersion = await recordChange(db, venueId, { kind: 'stock', productId, stock, isAvailable });
    return event('menu.stock', { venueId, productId, stock, isAvailable, menuVersion });
  }

  /**
   * Validates products and modifiers for new order lines (each item at `path`.N) and prices
   * them, writing nothing: a caller can check what the lines would cost before taking stock.
   * A stop-listed product is a 409 naming it.
   */
  async priceItems(db: Db, venueId: string, items: { productId: string; modifierIds?: string[] }[], path: string): Promise<OrderableItem[]> {
    const productIds = [...new Set(items.map((i) => i.productId))];
    const [products, groupLinks] = await Promise.all([repo.findProducts(db, venueId, productIds), repo.findModifierGroupsOf(db, productIds)]);
    const options = await repo.findOptionsOfGroups(db, [...new Set(groupLinks.map((g) => g.id))]);
    const productById = new Map(products.map((p) => [p.id, p]));

    return items.map((item, index) => {
      const product = productById.get(item.productId);
      if (!product) throw invalid(`${path}.${index}.productId`, 'No such product in this venue');
      if (product.is_available !== 1) {
        throw conflict('menu.unavailable', `${product.name} is on the stop-list`, { productId: product.id });
      }
      const groups = groupLinks.filter((g) => g.product_id === product.id);
      const chosen = [...new Set(item.modifierIds ?? [])];
      const modifiers: LineModifier[] = chosen.map((optionId, m) => {
        const option = options.find((o) => o.id === optionId && groups.some((g) => g.id === o.group_id));
        if (!option) throw invalid(`${path}.${index}.modifierIds.${m}`, 'This modifier does not belong to the product');
        return { id: option.id, name: option.name, priceDelta: option.price_delta };
      });
      for (const g of groups) {
        const count = chosen.filter((id) => options.some((o) => o.id === id && o.group_id === g.id)).length;
        const limits = { minSelect: g.min_select, maxSelect: g.max_select };
        if (!isChoiceCountAllowed(limits, count)) {
          throw invalid(`${path}.${index}.modifierIds`, `${g.name}: choose ${choiceRange(limits)}`);
        }
      }
      return { productId: product.id, name: product.name, unitPrice: product.price, stationId: product.station_id, modifiers, tracksStock: product.stock !== null };
    });
  }

  /** Product ids by code, for a partner's order that names dishes by code (integrations); unknown codes are left out. */
  async productIdsByCode(db: Db, venueId: string, codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await db.selectFrom('products').select(['id', 'code']).where('venue_id', '=', venueId).where('kind', '=', 'item').where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /**
   * Takes tracked stock for the items, all or nothing (the caller's transaction rolls back). Items
   * `priced` in this transaction (by `priceItems`) already say which products track stock: the
   * products are not read again, and with none tracked nothing is read or written at all.
   */
  async takeStock(db: Db, venueId: string, items: { productId: string; quantity: number }[], priced?: readonly OrderableItem[]): Promise<OutboundEvent[]> {
    const needed = new Map<string, number>();
    for (const i of items) needed.set(i.productId, (needed.get(i.productId) ?? 0) + i.quantity);
    const tracked = new Map<string, string>();
    if (priced) {
      for (const p of priced) if (p.tracksStock && needed.has(p.productId)) tracked.set(p.productId, p.name);
    } else {
      for (const p of await repo.findProducts(db, venueId, [...needed.keys()])) if (p.stock !== null) tracked.set(p.id, p.name);
    }
    const events: OutboundEvent[] = [];
    const now = nowIso();
    // In id order, as every order takes them: two orders never wait on each other's rows in a circle.
    for (const [id, name] of [...tracked].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const quantity = needed.get(id)!;
      if (!(await repo.takeStock(db, venueId, id, quantity, now))) {
        const current = await repo.findProduct(db, venueId, id);
        // No longer counted since it was priced (or gone): there is nothing to take.
        if (!current || current.stock === null) continue;
        throw conflict('menu.out_of_stock', `Only ${current.stock} × ${name} left`, { productId: id, stock: current.stock });
      }
      events.push(await this.stockEvent(db, venueId, id));
    }
    return events;
  }

  /** Gives back portions of a tracked product that was voided before the kitchen had it. */
  async returnStock(db: Db, venueId: string, productId: string, quantity: number): Promise<OutboundEvent[]> {
    const product = await repo.findProduct(db, venueId, productId);
    if (!product || product.stock === null || quantity <= 0) return [];
    await repo.returnStock(db, venueId, productId, quantity, nowIso());
    return [await this.stockEvent(db, venueId, productId)];
  }

  /**
   * The venue's product for gift card lines (kind 'gift_card', price 0, no stock), made on first
   * use in the venue's first category and station: an order line must name a product, and this one
   * never shows on the menu, so it can only be sold through a gift card sale.
   */
  async giftCardProduct(db: Db, venueId: string): Promise<{ id: string; name: string }> {
    const found = await repo.findGiftCardProduct(db, venueId);
    if (found) return found;
    const [category] = await repo.listCategories(db, venueId);
    const [station] = await repo.listStations(db, venueId);
    if (!category || !station) throw conflict('menu.not_set_up', 'The venue has no menu category or kitchen station yet');
    await repo.insertGiftCardProduct(db, {
      id: newId(),
      venue_id: venueId,
      category_id: category.id,
      code: repo.GIFT_CARD_PRODUCT_CODE,
      name: 'Подарочная карта',
      description: null,
      price: 0,
      station_id: station.id,
      stock: null,
      is_available: 1,
      sort: 0,
      image_url: null,
      updated_at: nowIso(),
      kind: 'gift_card',
    });
    const made = await repo.findGiftCardProduct(db, venueId);
    if (!made) throw notFound('product');
    return made;
  }

  async stationsById(db: Db, venueId: string) {
    return new Map((await repo.listStations(db, venueId)).map((s) => [s.id, s]));
  }
}
