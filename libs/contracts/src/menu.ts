import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, MoneySchema, SignedMoneySchema, VersionSchema, queryInteger } from './common';

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

export const MenuChangeSchema = z.object({
  version: VersionSchema,
  productId: IdSchema,
  stock: z.number().int().nullable(),
  isAvailable: z.boolean(),
});
export type MenuChange = z.infer<typeof MenuChangeSchema>;

/**
 * The changes after `since`, oldest first, up to `version` (the current menu version). With
 * `snapshotRequired` the server no longer has them all (or `since` is ahead of it): take
 * `GET /pos/menu` instead.
 */
export const MenuChangesSchema = z.object({
  version: VersionSchema,
  snapshotRequired: z.boolean().optional(),
  changes: z.array(MenuChangeSchema),
});
export type MenuChanges = z.infer<typeof MenuChangesSchema>;
