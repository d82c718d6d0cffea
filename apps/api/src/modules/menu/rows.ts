import type { Category, Product } from '@pos/contracts';
import type { CategoriesTable, ProductsTable } from '../../db/schema';

/** Database rows as the contract's menu entries. */
export const toProduct = (row: ProductsTable, modifierGroupIds: string[]): Product => ({
  id: row.id,
  categoryId: row.category_id,
  code: row.code,
  name: row.name,
  description: row.description,
  price: Number(row.price),
  stationId: row.station_id,
  stock: row.stock === null ? null : Number(row.stock),
  isAvailable: Number(row.is_available) === 1,
  modifierGroupIds,
  sort: Number(row.sort),
  imageUrl: row.image_url,
});

export const toCategory = (row: CategoriesTable): Category => ({ id: row.id, name: row.name, color: row.color, sort: Number(row.sort) });
