import type { Menu, Order, OrderLine, Product, Recommendation } from '@pos/contracts';
import { aCategory, aLine, aMenu, aModifierGroup, aModifierOption, anOrder, aProduct } from '@pos/contracts/testing';
import type { PosApi } from '@pos/plugin-sdk';
import { createTestHost } from '@pos/plugin-sdk/testing';
import type { ComboRecommendation } from '../model/suggestions';
import { upsellTexts } from '../texts';

const id = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

export const IDS = {
  steak: id(101),
  wine: id(102),
  veg: id(103),
  borscht: id(104),
  kiev: id(105),
  mors: id(106),
  lunch: id(201),
  doneness: id(301),
  order: id(401),
};

export function product(productId: string, code: string, name: string, price: number, over: Partial<Product> = {}): Product {
  return aProduct({ id: productId, categoryId: id(1), code, name, price, stationId: id(2), sort: 0, ...over });
}

export function demoMenu(over: Partial<Record<keyof typeof IDS, Partial<Product>>> = {}): Menu {
  return aMenu({
    currency: 'RUB',
    categories: [aCategory({ id: id(1), name: 'Кухня', color: '#E57373', sort: 0 })],
    stations: [],
    modifierGroups: [aModifierGroup({ id: IDS.doneness, name: 'Прожарка', minSelect: 1, maxSelect: 1, options: [aModifierOption({ id: id(302), name: 'Medium rare', priceDelta: 0 })] })],
    products: [
      product(IDS.steak, 'ribeye-steak', 'Рибай', 250000, { modifierGroupIds: [IDS.doneness], ...over.steak }),
      product(IDS.wine, 'wine-red-glass', 'Красное вино, бокал', 60000, over.wine),
      product(IDS.veg, 'grilled-vegetables', 'Овощи гриль', 45000, over.veg),
      product(IDS.borscht, 'borscht', 'Борщ', 45000, over.borscht),
      product(IDS.kiev, 'chicken-kiev', 'Котлета по-киевски', 79000, over.kiev),
      product(IDS.mors, 'mors-cranberry', 'Морс клюквенный', 25000, over.mors),
    ],
  });
}

/** A new line of one portion at 100 ₽ of the product. */
export function line(productId: string, name: string, over: Partial<OrderLine> = {}): OrderLine {
  return aLine({ productId, name, unitPrice: 10000, quantity: 1, lineTotal: 10000, ...over });
}

/** The open order the suggestions are for, at version 3. */
export function order(lines: OrderLine[], over: Partial<Order> = {}): Order {
  return anOrder({ id: IDS.order, status: 'open', version: 3, lines, total: 0, ...over });
}

export const wineRec: Recommendation = { kind: 'product', productId: IDS.wine, name: 'Красное вино, бокал', price: 60000, source: 'configured', reason: 'к стейку — красное вино' };
export const vegRec: Recommendation = { kind: 'product', productId: IDS.veg, name: 'Овощи гриль', price: 45000, source: 'popular', reason: null, timesOrderedTogether: 12 };
export const lunchRec: ComboRecommendation = {
  kind: 'combo',
  comboId: IDS.lunch,
  name: 'Бизнес-ланч',
  price: 115000,
  listPrice: 149000,
  saving: 34000,
  items: [
    { productId: IDS.borscht, name: 'Борщ', price: 45000, quantity: 1 },
    { productId: IDS.kiev, name: 'Котлета по-киевски', price: 79000, quantity: 1 },
    { productId: IDS.mors, name: 'Морс клюквенный', price: 25000, quantity: 1 },
  ],
  source: 'configured',
  reason: 'по будням с 12 до 16',
};

/** A host whose api answers recommendations with `items()` and the menu with `menu()`. */
export interface FakeHostOptions {
  menu?: () => Menu;
  language?: 'ru' | 'en';
  api?: Partial<PosApi>;
}

export function hostWith(items: () => Recommendation[], options: FakeHostOptions = {}) {
  const api = {
    menu: jest.fn(async () => (options.menu ?? (() => demoMenu()))()),
    recommendations: jest.fn(async (productId: string) => ({ productId, items: items() })),
    recordUpsellEvent: jest.fn(async () => ({ ok: true as const })),
    addItems: jest.fn(),
    addCombo: jest.fn(),
    ...options.api,
  };
  const notify = jest.fn();
  const host = createTestHost({ namespace: { name: 'upsell', resources: upsellTexts }, language: options.language, api: api as Partial<PosApi>, notify });
  return { host, api, notify };
}
