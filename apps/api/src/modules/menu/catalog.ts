import type { Category, MenuCategoryInput, MenuCategoryPatch, MenuCategoryResult, MenuProductInput, MenuProductPatch, MenuProductResult, MenuWriteResult, Product } from '@pos/contracts';
import { isUniqueViolation } from '../../db/dialect';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type Outcome, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { recordChange } from './history';
import * as repo from './repository';
import { toCategory, toProduct } from './rows';

/** Where admin writes are audited (the admin domain's log). */
export interface MenuAudit {
  audit(db: Db, actor: Actor, action: string, entity: string, entityId: string | null, details: unknown): Promise<void>;
}

/**
 * An admin's menu: products and categories created, edited and removed (permission `admin.menu`).
 * Every write bumps the menu version and records the whole new product or category as that
 * version's change, so tablets catch up by delta (`menu.changed` tells them to). A removed product
 * is archived (past orders' lines keep it); a removed category too, and only an empty one.
 */
export class MenuCatalog {
  constructor(private readonly log: MenuAudit) {}

  async createProduct(db: Db, actor: Actor, input: MenuProductInput): Promise<Outcome<MenuProductResult>> {
    const venueId = actor.venueId;
    await this.checkProductReferences(db, venueId, input);
    await this.checkCodeFree(db, venueId, input.code);
    const id = newId();
    const sort = input.sort ?? (await repo.nextProductSort(db, venueId, input.categoryId));
    await this.codeGuarded(input.code, () => repo.insertProduct(db, {
      id,
      venue_id: venueId,
      category_id: input.categoryId,
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      price: input.price,
      station_id: input.stationId,
      stock: null,
      is_available: 1,
      sort,
      image_url: input.imageUrl ?? null,
      updated_at: nowIso(),
      kind: 'item',
    }));
    await repo.replaceProductModifierGroups(db, id, input.modifierGroupIds ?? []);
    return this.productWritten(db, actor, id, 'menu.product.created');
  }

  async updateProduct(db: Db, actor: Actor, productId: string, patch: MenuProductPatch): Promise<Outcome<MenuProductResult>> {
    const venueId = actor.venueId;
    const row = await repo.findProduct(db, venueId, productId);
    if (!row) throw notFound('product', productId);
    await this.checkProductReferences(db, venueId, patch);
    if (patch.code !== undefined && patch.code !== row.code) await this.checkCodeFree(db, venueId, patch.code);
    await this.codeGuarded(patch.code ?? row.code, () => repo.updateProduct(db, venueId, productId, {
      ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
      ...(patch.code !== undefined ? { code: patch.code } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.price !== undefined ? { price: patch.price } : {}),
      ...(patch.stationId !== undefined ? { station_id: patch.stationId } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
      ...(patch.imageUrl !== undefined ? { image_url: patch.imageUrl } : {}),
      updated_at: nowIso(),
    }));
    if (patch.modifierGroupIds !== undefined) await repo.replaceProductModifierGroups(db, productId, patch.modifierGroupIds);
    return this.productWritten(db, actor, productId, 'menu.product.updated');
  }

  /**
   * Archives the product: off the menu, never orderable again, still named by past orders' lines.
   * Its code is freed (suffixed with the id, which a code can never contain) for a new dish.
   */
  async removeProduct(db: Db, actor: Actor, productId: string): Promise<Outcome<MenuWriteResult>> {
    const venueId = actor.venueId;
    const row = await repo.findProduct(db, venueId, productId);
    if (!row) throw notFound('product', productId);
    await repo.updateProduct(db, venueId, productId, { kind: 'archived', code: `${row.code}~${row.id}`, updated_at: nowIso() });
    const menuVersion = await recordChange(db, venueId, { kind: 'product.removed', productId });
    await this.log.audit(db, actor, 'menu.product.removed', 'product', productId, { code: row.code, name: row.name });
    return outcome({ menuVersion }, [event('menu.changed', { venueId, menuVersion })]);
  }

  async createCategory(db: Db, actor: Actor, input: MenuCategoryInput): Promise<Outcome<MenuCategoryResult>> {
    const venueId = actor.venueId;
    const id = newId();
    // Categories keep a unique code for the seed and reports; an admin's new one is named by its id.
    await repo.insertCategory(db, { id, venue_id: venueId, code: id, name: input.name, color: input.color, sort: input.sort ?? (await repo.nextCategorySort(db, venueId)), archived_at: null });
    return this.categoryWritten(db, actor, id, 'menu.category.created');
  }

  async updateCategory(db: Db, actor: Actor, categoryId: string, patch: MenuCategoryPatch): Promise<Outcome<MenuCategoryResult>> {
    const venueId = actor.venueId;
    if (!(await repo.findCategory(db, venueId, categoryId))) throw notFound('category', categoryId);
    await repo.updateCategory(db, venueId, categoryId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.color !== undefined ? { color: patch.color } : {}),
      ...(patch.sort !== undefined ? { sort: patch.sort } : {}),
    });
    return this.categoryWritten(db, actor, categoryId, 'menu.category.updated');
  }

  /** Archives an empty category (409 `menu.category_not_empty` while a dish is in it). */
  async removeCategory(db: Db, actor: Actor, categoryId: string): Promise<Outcome<MenuWriteResult>> {
    const venueId = actor.venueId;
    const row = await repo.findCategory(db, venueId, categoryId);
    if (!row) throw notFound('category', categoryId);
    if (await repo.categoryHasProducts(db, venueId, categoryId)) {
      throw conflict('menu.category_not_empty', `${row.name} still has dishes: move or remove them first`, { categoryId });
    }
    await repo.updateCategory(db, venueId, categoryId, { archived_at: nowIso() });
    const menuVersion = await recordChange(db, venueId, { kind: 'category.removed', categoryId });
    await this.log.audit(db, actor, 'menu.category.removed', 'category', categoryId, { name: row.name });
    return outcome({ menuVersion }, [event('menu.changed', { venueId, menuVersion })]);
  }

  private async productWritten(db: Db, actor: Actor, productId: string, action: string): Promise<Outcome<MenuProductResult>> {
    const venueId = actor.venueId;
    const row = await repo.findProduct(db, venueId, productId);
    if (!row) throw notFound('product', productId);
    const product: Product = toProduct(row, await repo.modifierGroupIdsOf(db, productId));
    const menuVersion = await recordChange(db, venueId, { kind: 'product', product });
    await this.log.audit(db, actor, action, 'product', productId, { code: product.code, name: product.name, price: product.price });
    return outcome({ menuVersion, product }, [event('menu.changed', { venueId, menuVersion })]);
  }

  private async categoryWritten(db: Db, actor: Actor, categoryId: string, action: string): Promise<Outcome<MenuCategoryResult>> {
    const venueId = actor.venueId;
    const row = await repo.findCategory(db, venueId, categoryId);
    if (!row) throw notFound('category', categoryId);
    const category: Category = toCategory(row);
    const menuVersion = await recordChange(db, venueId, { kind: 'category', category });
    await this.log.audit(db, actor, action, 'category', categoryId, { name: category.name });
    return outcome({ menuVersion, category }, [event('menu.changed', { venueId, menuVersion })]);
  }

  /** Unknown (or archived) category, unknown station, unknown or repeated modifier group: 400 at the field. */
  private async checkProductReferences(db: Db, venueId: string, input: Pick<MenuProductPatch, 'categoryId' | 'stationId' | 'modifierGroupIds'>) {
    if (input.categoryId !== undefined && !(await repo.findCategory(db, venueId, input.categoryId))) {
      throw invalid('body.categoryId', 'No such category in this venue');
    }
    if (input.stationId !== undefined && (await repo.existingStations(db, venueId, [input.stationId])).length === 0) {
      throw invalid('body.stationId', 'No such kitchen station in this venue');
    }
    const groupIds = input.modifierGroupIds ?? [];
    const repeated = groupIds.findIndex((id, i) => groupIds.indexOf(id) !== i);
    if (repeated >= 0) throw invalid(`body.modifierGroupIds.${repeated}`, 'Listed twice');
    const known = new Set((await repo.existingModifierGroups(db, venueId, groupIds)).map((g) => g.id));
    const unknown = groupIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalid(`body.modifierGroupIds.${unknown}`, 'No such modifier group in this venue');
  }

  private async checkCodeFree(db: Db, venueId: string, code: string) {
    if (await repo.productWithCode(db, venueId, code)) throw codeTaken(code);
  }

  /** Two admins taking one code at once: the unique index refuses the second, a 409 like the check's. */
  private async codeGuarded(code: string, write: () => Promise<unknown>) {
    try {
      await write();
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(code) : error;
    }
  }
}

const codeTaken = (code: string) => conflict('menu.code_taken', `A product of this venue already has the code ${code}`);
