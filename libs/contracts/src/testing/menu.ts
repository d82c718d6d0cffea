import type { Category, Menu, ModifierGroup, ModifierOption, Product, Station } from '../menu';
import { FIXTURE_IDS, fixtureId } from './ids';

/** The hot kitchen. */
export const aStation = (over: Partial<Station> = {}): Station => ({ id: FIXTURE_IDS.station, code: 'hot', name: 'Горячий цех', ...over });

/** The "Горячее" category. */
export const aCategory = (over: Partial<Category> = {}): Category => ({ id: FIXTURE_IDS.category, name: 'Горячее', color: '#e57373', sort: 1, ...over });

/** A free option of a modifier group. */
export const aModifierOption = (over: Partial<ModifierOption> = {}): ModifierOption => ({ id: fixtureId(), name: 'Medium', priceDelta: 0, ...over });

/** A required choice of one ("Прожарка"), with one free option. */
export const aModifierGroup = (over: Partial<ModifierGroup> = {}): ModifierGroup => ({
  id: fixtureId(),
  name: 'Прожарка',
  minSelect: 1,
  maxSelect: 1,
  options: [aModifierOption()],
  ...over,
});

/** Borscht at 450 ₽ in the hot category, cooked at the hot station, stock not tracked, on sale. */
export const aProduct = (over: Partial<Product> = {}): Product => ({
  id: fixtureId(),
  categoryId: FIXTURE_IDS.category,
  code: 'borscht',
  name: 'Борщ',
  description: null,
  price: 45000,
  stationId: FIXTURE_IDS.station,
  stock: null,
  isAvailable: true,
  modifierGroupIds: [],
  sort: 1,
  imageUrl: null,
  ...over,
});

/** A menu in roubles: the hot station and category, no modifier groups, no products unless given. */
export const aMenu = (over: Partial<Menu> = {}): Menu => ({
  version: 1,
  currency: 'RUB',
  stations: [aStation()],
  categories: [aCategory()],
  modifierGroups: [],
  products: [],
  ...over,
});
