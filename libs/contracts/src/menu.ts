import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, MoneySchema, PriceSchema, SignedMoneySchema, VersionSchema, queryInteger } from './common';

export const StationSchema = z.object({ id: IdSchema, code: z.string(), name: z.string() });
export type Station = z.infer<typeof StationSchema>;

export const ModifierOptionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  priceDelta: SignedMoneySchema,
});
export type ModifierOption = z.infer<typeof ModifierOptionSchema>;

export const ModifierGroupSchema = z.object({
  id: IdSchema,
  name: z.string(),
  minSelect: z.number().int().min(0),
  maxSelect: z.number().int().min(1),
  options: z.array(ModifierOptionSchema),
});
export type ModifierGroup = z.infer<typeof ModifierGroupSchema>;

export const CategorySchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: z.string(),
  sort: z.number().int(),
});
export type Category = z.infer<typeof CategorySchema>;

export const ProductSchema = z.object({
  id: IdSchema,
  categoryId: IdSchema,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: MoneySchema,
  stationId: IdSchema,
  /** null: stock is not tracked for this product. */
  stock: z.number().int().min(0).nullable(),
  /** false: on the stop-list, cannot be ordered. */
  isAvailable: z.boolean(),
  modifierGroupIds: z.array(IdSchema),
  sort: z.number().int(),
  imageUrl: z.string().nullable(),
});
export type Product = z.infer<typeof ProductSchema>;

export const MenuSchema = z.object({
  /** Grows with every change of the venue's menu; clients use it to detect missed updates. */
  version: VersionSchema,
  currency: z.string(),
  stations: z.array(StationSchema),
  categories: z.array(CategorySchema),
  modifierGroups: z.array(ModifierGroupSchema),
  products: z.array(ProductSchema),
});
export type Menu = z.infer<typeof MenuSchema>;

export const UpdateStockInputSchema = z
  .strictObject({
    /** Portions left; null stops tracking. */
    stock: z.number().int().min(0).max(1_000_000).nullable().optional(),
    isAvailable: z.boolean().optional(),
    clientRequestId: ClientRequestIdSchema.optional(),
  })
  .refine((v) => v.stock !== undefined || v.isAvailable !== undefined, {
    message: 'Give stock or isAvailable',
    path: ['stock'],
  });
export type UpdateStockInput = z.infer<typeof UpdateStockInputSchema>;

export const ProductStockSchema = z.object({
  productId: IdSchema,
  stock: z.number().int().nullable(),
  isAvailable: z.boolean(),
  menuVersion: VersionSchema,
});
export type ProductStock = z.infer<typeof ProductStockSchema>;

/** `?since=` — the menu version the client has; decimal digits only ('', '0x10', '1e3' are a 400). */
export const MenuChangesQuerySchema = z.strictObject({
  since: queryInteger(0, Number.MAX_SAFE_INTEGER),
});
export type MenuChangesQuery = z.infer<typeof MenuChangesQuerySchema>;

/** A product's portions left and stop-list mark changed (orders taking stock, a cook, an admin). */
export const StockChangeSchema = z.object({
  kind: z.literal('stock'),
  version: VersionSchema,
  productId: IdSchema,
  stock: z.number().int().nullable(),
  isAvailable: z.boolean(),
});
/** A product was added or edited (name, price, category, station, modifiers…): the whole product as it is now. */
export const ProductChangeSchema = z.object({ kind: z.literal('product'), version: VersionSchema, product: ProductSchema });
/** A product left the menu (archived: past orders keep it). */
export const ProductRemovedChangeSchema = z.object({ kind: z.literal('product.removed'), version: VersionSchema, productId: IdSchema });
/** A category was added or edited: the whole category as it is now. */
export const CategoryChangeSchema = z.object({ kind: z.literal('category'), version: VersionSchema, category: CategorySchema });
/** A category left the menu (only an empty one can). */
export const CategoryRemovedChangeSchema = z.object({ kind: z.literal('category.removed'), version: VersionSchema, categoryId: IdSchema });

/**
 * One menu version's change. Each carries the whole new state of what it touches (never a
 * difference), so applying a change twice is harmless.
 */
export const MenuChangeSchema = z.discriminatedUnion('kind', [StockChangeSchema, ProductChangeSchema, ProductRemovedChangeSchema, CategoryChangeSchema, CategoryRemovedChangeSchema]);
export type MenuChange = z.infer<typeof MenuChangeSchema>;
export type StockChange = z.infer<typeof StockChangeSchema>;

/**
 * The changes after `since`, oldest first, up to `version` (the current menu version). With
 * `snapshotRequired` the server no longer has them all (or `since` is ahead of it): take
 * `GET /pos/menu/snapshot` instead.
 */
export const MenuChangesSchema = z.object({
  version: VersionSchema,
  snapshotRequired: z.boolean().optional(),
  changes: z.array(MenuChangeSchema),
});
export type MenuChanges = z.infer<typeof MenuChangesSchema>;

// ---------------------------------------------------------------------------------------------
// Admin: the menu's products and categories (permission `admin.menu`). Every write bumps the
// menu version and is recorded as a change above, so tablets catch up by delta.

const NameSchema = z.string().trim().min(1).max(200);
const CodeSchema = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'Letters, digits, dot, dash or underscore');
const SortSchema = z.number().int().min(-1_000_000).max(1_000_000);
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #a1b2c3');

export const MenuProductInputSchema = z.strictObject({
  categoryId: IdSchema,
  code: CodeSchema,
  name: NameSchema,
  description: z.string().trim().max(2000).nullable().optional(),
  price: PriceSchema,
  stationId: IdSchema,
  modifierGroupIds: z.array(IdSchema).max(20).optional(),
  sort: SortSchema.optional(),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type MenuProductInput = z.infer<typeof MenuProductInputSchema>;

export const MenuProductPatchSchema = MenuProductInputSchema.partial().refine((v) => Object.keys(v).some((k) => k !== 'clientRequestId'), { message: 'Give at least one field to change', path: ['name'] });
export type MenuProductPatch = z.infer<typeof MenuProductPatchSchema>;

export const MenuCategoryInputSchema = z.strictObject({
  name: NameSchema,
  color: ColorSchema,
  sort: SortSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type MenuCategoryInput = z.infer<typeof MenuCategoryInputSchema>;

export const MenuCategoryPatchSchema = MenuCategoryInputSchema.partial().refine((v) => Object.keys(v).some((k) => k !== 'clientRequestId'), { message: 'Give at least one field to change', path: ['name'] });
export type MenuCategoryPatch = z.infer<typeof MenuCategoryPatchSchema>;

/** What an admin write answers: the new menu version (tablets get it as `menu.changed`). */
export const MenuWriteResultSchema = z.object({ menuVersion: VersionSchema });
export type MenuWriteResult = z.infer<typeof MenuWriteResultSchema>;
export const MenuProductResultSchema = MenuWriteResultSchema.extend({ product: ProductSchema });
export type MenuProductResult = z.infer<typeof MenuProductResultSchema>;
export const MenuCategoryResultSchema = MenuWriteResultSchema.extend({ category: CategorySchema });
export type MenuCategoryResult = z.infer<typeof MenuCategoryResultSchema>;

/** `menu.changed`: the menu moved to `menuVersion` by an admin write (not stock): catch up with a delta. */
export const MenuChangedEventSchema = z.object({ venueId: IdSchema, menuVersion: VersionSchema });
