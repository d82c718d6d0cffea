/**
 * Demo seed data for a Russian restaurant POS.
 *
 * Pure data module: no imports, no side effects.
 * All prices and price deltas are integer minor units (kopecks, RUB):
 * 45000 = 450.00 ₽.
 *
 * Floor plans use a 1000×600 logical canvas; (x, y) is the top-left corner
 * of a table's bounding rectangle.
 */

export interface SeedStation {
  code: 'hot' | 'cold' | 'bar';
  name: string;
}

export interface SeedModifierOption {
  code: string;
  name: string;
  /** Price delta in kopecks, may be 0. */
  priceDelta: number;
}

export interface SeedModifierGroup {
  code: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  options: SeedModifierOption[];
}

export interface SeedProduct {
  code: string;
  name: string;
  description?: string;
  /** Price in kopecks. */
  price: number;
  station: 'hot' | 'cold' | 'bar';
  /** Modifier group codes (see DEMO_MODIFIER_GROUPS). */
  modifierGroups?: string[];
  /** Only set for a few items with tracked stock. */
  stock?: number;
}

export interface SeedCategory {
  code: string;
  name: string;
  /** Hex color like #E57373. */
  color: string;
  products: SeedProduct[];
}

export interface SeedTable {
  label: string;
  seats: number;
  shape: 'round' | 'square' | 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SeedHall {
  name: string;
  tables: SeedTable[];
}

// ---------------------------------------------------------------------------
// Kitchen / bar stations
// ---------------------------------------------------------------------------

export const DEMO_STATIONS: SeedStation[] = [
  { code: 'hot', name: 'Горячий цех' },
  { code: 'cold', name: 'Холодный цех' },
  { code: 'bar', name: 'Бар' },
];

// ---------------------------------------------------------------------------
// Modifier groups
// ---------------------------------------------------------------------------

export const DEMO_MODIFIER_GROUPS: SeedModifierGroup[] = [
  {
    code: 'doneness',
    name: 'Прожарка',
    minSelect: 1,
    maxSelect: 1,
    options: [
      { code: 'rare', name: 'Rare', priceDelta: 0 },
      { code: 'medium-rare', name: 'Medium rare', priceDelta: 0 },
      { code: 'medium', name: 'Medium', priceDelta: 0 },
      { code: 'medium-well', name: 'Medium well', priceDelta: 0 },
      { code: 'well-done', name: 'Well done', priceDelta: 0 },
    ],
  },
  {
    code: 'extra-sauce',
    name: 'Соус',
    minSelect: 0,
    maxSelect: 2,
    options: [
      { code: 'pepper', name: 'Перечный', priceDelta: 7000 },
      { code: 'mushroom', name: 'Грибной', priceDelta: 7000 },
      { code: 'bbq', name: 'Барбекю', priceDelta: 5000 },
      { code: 'tartar', name: 'Тартар', priceDelta: 6000 },
      { code: 'chimichurri', name: 'Чимичурри', priceDelta: 9000 },
      { code: 'demi-glace', name: 'Демиглас', priceDelta: 9000 },
    ],
  },
  {
    code: 'milk',
    name: 'Молоко',
    minSelect: 0,
    maxSelect: 1,
    options: [
      { code: 'regular', name: 'Обычное', priceDelta: 0 },
      { code: 'oat', name: 'Овсяное', priceDelta: 6000 },
      { code: 'almond', name: 'Миндальное', priceDelta: 7000 },
    ],
  },
  {
    code: 'syrup',
    name: 'Сироп',
    minSelect: 0,
    maxSelect: 2,
    options: [
      { code: 'vanilla', name: 'Ванильный', priceDelta: 5000 },
      { code: 'caramel', name: 'Карамельный', priceDelta: 5000 },
      { code: 'salted-caramel', name: 'Солёная карамель', priceDelta: 5000 },
      { code: 'hazelnut', name: 'Лесной орех', priceDelta: 5000 },
      { code: 'coconut', name: 'Кокосовый', priceDelta: 5000 },
    ],
  },
  {
    code: 'pizza-extras',
    name: 'Добавки',
    minSelect: 0,
    maxSelect: 4,
    options: [
      { code: 'extra-mozzarella', name: 'Моцарелла', priceDelta: 12000 },
      { code: 'pepperoni', name: 'Пепперони', priceDelta: 15000 },
      { code: 'bacon', name: 'Бекон', priceDelta: 15000 },
      { code: 'mushrooms', name: 'Шампиньоны', priceDelta: 9000 },
      { code: 'olives', name: 'Маслины', priceDelta: 8000 },
      { code: 'jalapeno', name: 'Халапеньо', priceDelta: 7000 },
    ],
  },
  {
    code: 'side-choice',
    name: 'Гарнир на выбор',
    minSelect: 0,
    maxSelect: 1,
    options: [
      { code: 'mashed-potatoes', name: 'Картофельное пюре', priceDelta: 0 },
      { code: 'french-fries', name: 'Картофель фри', priceDelta: 0 },
      { code: 'buckwheat', name: 'Гречка с луком', priceDelta: 0 },
      { code: 'green-salad', name: 'Зелёный салат', priceDelta: 5000 },
      { code: 'grilled-vegetables', name: 'Овощи гриль', priceDelta: 10000 },
    ],
  },
  {
    code: 'spice',
    name: 'Острота',
    minSelect: 0,
    maxSelect: 1,
    options: [
      { code: 'mild', name: 'Не острое', priceDelta: 0 },
      { code: 'medium', name: 'Средне острое', priceDelta: 0 },
      { code: 'hot', name: 'Острое', priceDelta: 0 },
    ],
  },
];

// ---------------------------------------------------------------------------
// Menu
// ---------------------------------------------------------------------------

const STEAK_MODIFIERS = ['doneness', 'extra-sauce', 'side-choice'];
const COFFEE_MODIFIERS = ['milk', 'syrup'];
const PIZZA_MODIFIERS = ['pizza-extras'];

export const DEMO_MENU: SeedCategory[] = [
  {
    code: 'salads',
    name: 'Салаты',
    color: '#81C784',
    products: [
      {
        code: 'caesar-chicken',
        name: 'Цезарь с курицей',
        description: 'Романо, куриное филе гриль, пармезан, гренки, соус цезарь',
        price: 69000,
        station: 'cold',
      },
      {
        code: 'caesar-shrimp',
        name: 'Цезарь с креветками',
        description: 'Романо, тигровые креветки, пармезан, гренки, соус цезарь',
        price: 89000,
        station: 'cold',
      },
      {
        code: 'olivier',
        name: 'Оливье с говяжьим языком',
        price: 55000,
        station: 'cold',
      },
      {
        code: 'greek-salad',
        name: 'Греческий салат',
        description: 'Томаты, огурцы, перец, красный лук, маслины, фета',
        price: 59000,
        station: 'cold',
      },
      {
        code: 'herring-under-fur-coat',
        name: 'Сельдь под шубой',
        price: 49000,
        station: 'cold',
      },
      {
        code: 'vinaigrette',
        name: 'Винегрет',
        price: 39000,
        station: 'cold',
      },
      {
        code: 'warm-beef-salad',
        name: 'Тёплый салат с говядиной',
        description: 'Говяжья вырезка, микс салатов, черри, кунжут, соус терияки',
        price: 79000,
        station: 'cold',
      },
    ],
  },
  {
    code: 'cold-starters',
    name: 'Холодные закуски',
    color: '#4DB6AC',
    products: [
      {
        code: 'beef-tartare',
        name: 'Тартар из говядины',
        description: 'Говяжья вырезка, каперсы, корнишоны, желток, тосты',
        price: 89000,
        station: 'cold',
        stock: 3,
      },
      {
        code: 'herring-potatoes',
        name: 'Сельдь с отварным картофелем',
        price: 55000,
        station: 'cold',
      },
      {
        code: 'assorted-pickles',
        name: 'Соленья ассорти',
        description: 'Огурцы, томаты, капуста квашеная, черемша, грузди',
        price: 59000,
        station: 'cold',
      },
      {
        code: 'salo-garlic',
        name: 'Сало с чесноком и бородинским хлебом',
        price: 45000,
        station: 'cold',
      },
      {
        code: 'cheese-plate',
        name: 'Сырная тарелка',
        description: 'Четыре вида сыра, мёд, орехи, виноград',
        price: 119000,
        station: 'cold',
      },
    ],
  },
  {
    code: 'soups',
    name: 'Супы',
    color: '#FFB74D',
    products: [
      {
        code: 'borscht',
        name: 'Борщ',
        description: 'С говядиной, сметаной и пампушками с чесноком',
        price: 45000,
        station: 'hot',
      },
      {
        code: 'solyanka',
        name: 'Солянка сборная мясная',
        price: 55000,
        station: 'hot',
      },
      {
        code: 'ukha',
        name: 'Уха по-царски',
        description: 'Судак, сёмга, расстегай',
        price: 62000,
        station: 'hot',
      },
      {
        code: 'chicken-noodle-soup',
        name: 'Куриная лапша',
        price: 39000,
        station: 'hot',
      },
      {
        code: 'shchi',
        name: 'Щи из квашеной капусты',
        price: 42000,
        station: 'hot',
      },
      {
        code: 'mushroom-cream-soup',
        name: 'Крем-суп из белых грибов',
        price: 49000,
        station: 'hot',
      },
    ],
  },
  {
    code: 'hot-dishes',
    name: 'Горячее',
    color: '#E57373',
    products: [
      {
        code: 'ribeye-steak',
        name: 'Стейк рибай',
        description: 'Мраморная говядина зернового откорма, 300 г',
        price: 329000,
        station: 'hot',
        modifierGroups: STEAK_MODIFIERS,
      },
      {
        code: 'striploin-steak',
        name: 'Стейк стриплойн',
        description: 'Мраморная говядина зернового откорма, 300 г',
        price: 269000,
        station: 'hot',
        modifierGroups: STEAK_MODIFIERS,
      },
      {
        code: 'beef-stroganoff',
        name: 'Бефстроганов с картофельным пюре',
        price: 89000,
        station: 'hot',
      },
      {
        code: 'chicken-kiev',
        name: 'Котлета по-киевски',
        price: 79000,
        station: 'hot',
        modifierGroups: ['side-choice'],
      },
      {
        code: 'pozharsky-cutlet',
        name: 'Пожарская котлета',
        price: 69000,
        station: 'hot',
        modifierGroups: ['side-choice'],
      },
      {
        code: 'salmon-steak',
        name: 'Стейк из сёмги',
        price: 159000,
        station: 'hot',
        modifierGroups: ['extra-sauce', 'side-choice'],
      },
      {
        code: 'duck-breast',
        name: 'Утиная грудка с брусничным соусом',
        price: 129000,
        station: 'hot',
        stock: 5,
      },
      {
        code: 'lamb-shashlik',
        name: 'Шашлык из баранины',
        price: 119000,
        station: 'hot',
        modifierGroups: ['spice', 'extra-sauce'],
      },
      {
        code: 'pork-shashlik',
        name: 'Шашлык из свиной шеи',
        price: 89000,
        station: 'hot',
        modifierGroups: ['spice', 'side-choice'],
      },
      {
        code: 'pelmeni',
        name: 'Пельмени домашние со сметаной',
        price: 59000,
        station: 'hot',
      },
      {
        code: 'vareniki-potato',
        name: 'Вареники с картофелем и грибами',
        price: 49000,
        station: 'hot',
      },
      {
        code: 'golubtsy',
        name: 'Голубцы',
        price: 65000,
        station: 'hot',
      },
    ],
  },
  {
    code: 'sides',
    name: 'Гарниры',
    color: '#FFF176',
    products: [
      { code: 'mashed-potatoes', name: 'Картофельное пюре', price: 25000, station: 'hot' },
      { code: 'french-fries', name: 'Картофель фри', price: 29000, station: 'hot' },
      {
        code: 'fried-potatoes-mushrooms',
        name: 'Жареный картофель с грибами',
        price: 35000,
        station: 'hot',
      },
      { code: 'buckwheat', name: 'Гречка с луком', price: 22000, station: 'hot' },
      { code: 'grilled-vegetables', name: 'Овощи гриль', price: 39000, station: 'hot' },
      { code: 'steamed-rice', name: 'Рис отварной', price: 20000, station: 'hot' },
    ],
  },
  {
    code: 'pasta-pizza',
    name: 'Паста и пицца',
    color: '#FF8A65',
    products: [
      {
        code: 'carbonara',
        name: 'Паста карбонара',
        price: 69000,
        station: 'hot',
      },
      {
        code: 'bolognese',
        name: 'Паста болоньезе',
        price: 65000,
        station: 'hot',
      },
      {
        code: 'penne-arrabbiata',
        name: 'Пенне арраббьята',
        price: 59000,
        station: 'hot',
        modifierGroups: ['spice'],
      },
      {
        code: 'fettuccine-mushrooms',
        name: 'Феттуччине с белыми грибами',
        price: 75000,
        station: 'hot',
      },
      {
        code: 'pizza-margherita',
        name: 'Пицца Маргарита',
        price: 59000,
        station: 'hot',
        modifierGroups: PIZZA_MODIFIERS,
      },
      {
        code: 'pizza-pepperoni',
        name: 'Пицца Пепперони',
        price: 69000,
        station: 'hot',
        modifierGroups: PIZZA_MODIFIERS,
      },
      {
        code: 'pizza-four-cheese',
        name: 'Пицца Четыре сыра',
        price: 79000,
        station: 'hot',
        modifierGroups: PIZZA_MODIFIERS,
      },
    ],
  },
  {
    code: 'desserts',
    name: 'Десерты',
    color: '#F06292',
    products: [
      {
        code: 'medovik',
        name: 'Медовик',
        price: 42000,
        station: 'cold',
        stock: 12,
      },
      { code: 'napoleon', name: 'Наполеон', price: 42000, station: 'cold' },
      {
        code: 'syrniki',
        name: 'Сырники со сметаной и вареньем',
        price: 45000,
        station: 'cold',
      },
      { code: 'cheesecake', name: 'Чизкейк Нью-Йорк', price: 49000, station: 'cold' },
      {
        code: 'blini-condensed-milk',
        name: 'Блины со сгущёнкой',
        price: 35000,
        station: 'cold',
      },
      {
        code: 'ice-cream',
        name: 'Мороженое пломбир (3 шарика)',
        price: 29000,
        station: 'cold',
      },
    ],
  },
  {
    code: 'hot-drinks',
    name: 'Горячие напитки',
    color: '#A1887F',
    products: [
      { code: 'espresso', name: 'Эспрессо', price: 18000, station: 'bar' },
      {
        code: 'americano',
        name: 'Американо',
        price: 22000,
        station: 'bar',
        modifierGroups: COFFEE_MODIFIERS,
      },
      {
        code: 'cappuccino',
        name: 'Капучино',
        price: 28000,
        station: 'bar',
        modifierGroups: COFFEE_MODIFIERS,
      },
      {
        code: 'latte',
        name: 'Латте',
        price: 30000,
        station: 'bar',
        modifierGroups: COFFEE_MODIFIERS,
      },
      {
        code: 'flat-white',
        name: 'Флэт уайт',
        price: 32000,
        station: 'bar',
        modifierGroups: COFFEE_MODIFIERS,
      },
      {
        code: 'raf',
        name: 'Раф',
        price: 34000,
        station: 'bar',
        modifierGroups: COFFEE_MODIFIERS,
      },
      { code: 'black-tea-pot', name: 'Чай чёрный (чайник)', price: 35000, station: 'bar' },
      {
        code: 'sea-buckthorn-tea',
        name: 'Облепиховый чай (чайник)',
        price: 45000,
        station: 'bar',
      },
      { code: 'hot-chocolate', name: 'Горячий шоколад', price: 35000, station: 'bar' },
      { code: 'sbiten', name: 'Сбитень', price: 29000, station: 'bar' },
    ],
  },
  {
    code: 'soft-drinks',
    name: 'Безалкогольные напитки',
    color: '#4FC3F7',
    products: [
      { code: 'mors-cranberry', name: 'Морс клюквенный', price: 25000, station: 'bar' },
      { code: 'kvass', name: 'Квас домашний', price: 25000, station: 'bar' },
      { code: 'lemonade-house', name: 'Лимонад домашний', price: 35000, station: 'bar' },
      {
        code: 'fresh-orange',
        name: 'Свежевыжатый апельсиновый сок',
        price: 45000,
        station: 'bar',
      },
      { code: 'coca-cola', name: 'Кока-кола 0,33', price: 19000, station: 'bar' },
      { code: 'borjomi', name: 'Боржоми 0,5', price: 29000, station: 'bar' },
    ],
  },
  {
    code: 'wine',
    name: 'Вино',
    color: '#BA68C8',
    products: [
      {
        code: 'wine-red-glass',
        name: 'Бокал красного вина',
        description: '150 мл',
        price: 65000,
        station: 'bar',
      },
      {
        code: 'wine-white-glass',
        name: 'Бокал белого вина',
        description: '150 мл',
        price: 60000,
        station: 'bar',
      },
      {
        code: 'wine-rose-glass',
        name: 'Бокал розового вина',
        description: '150 мл',
        price: 60000,
        station: 'bar',
      },
      {
        code: 'prosecco-glass',
        name: 'Бокал просекко',
        description: '125 мл',
        price: 70000,
        station: 'bar',
      },
      {
        code: 'wine-red-bottle',
        name: 'Бутылка красного вина',
        description: '750 мл',
        price: 390000,
        station: 'bar',
        stock: 8,
      },
      {
        code: 'wine-white-bottle',
        name: 'Бутылка белого вина',
        description: '750 мл',
        price: 350000,
        station: 'bar',
      },
    ],
  },
  {
    code: 'beer-cocktails',
    name: 'Пиво и коктейли',
    color: '#FFD54F',
    products: [
      {
        code: 'beer-lager-draft',
        name: 'Пиво светлое разливное',
        description: '0,5 л',
        price: 45000,
        station: 'bar',
      },
      {
        code: 'beer-wheat-draft',
        name: 'Пиво пшеничное разливное',
        description: '0,5 л',
        price: 49000,
        station: 'bar',
      },
      {
        code: 'vodka-50',
        name: 'Водка',
        description: '50 мл',
        price: 35000,
        station: 'bar',
      },
      { code: 'aperol-spritz', name: 'Апероль шприц', price: 79000, station: 'bar' },
      { code: 'mojito', name: 'Мохито', price: 69000, station: 'bar' },
      { code: 'negroni', name: 'Негрони', price: 85000, station: 'bar' },
      { code: 'gin-tonic', name: 'Джин-тоник', price: 75000, station: 'bar' },
    ],
  },
];

// ---------------------------------------------------------------------------
// Halls and floor plans (1000×600 logical canvas)
// ---------------------------------------------------------------------------

export const DEMO_HALLS: SeedHall[] = [
  {
    name: 'Основной зал',
    tables: [
      // Row of 2-seat tables along the window
      { label: '1', seats: 2, shape: 'square', x: 40, y: 40, width: 70, height: 70 },
      { label: '2', seats: 2, shape: 'square', x: 150, y: 40, width: 70, height: 70 },
      { label: '3', seats: 2, shape: 'square', x: 260, y: 40, width: 70, height: 70 },
      { label: '4', seats: 2, shape: 'square', x: 370, y: 40, width: 70, height: 70 },
      { label: '5', seats: 2, shape: 'square', x: 480, y: 40, width: 70, height: 70 },
      // Row of 4-seat tables in the middle
      { label: '6', seats: 4, shape: 'square', x: 40, y: 170, width: 100, height: 100 },
      { label: '7', seats: 4, shape: 'square', x: 190, y: 170, width: 100, height: 100 },
      { label: '8', seats: 4, shape: 'square', x: 340, y: 170, width: 100, height: 100 },
      { label: '9', seats: 4, shape: 'square', x: 490, y: 170, width: 100, height: 100 },
      // Round tables near the entrance
      { label: '10', seats: 6, shape: 'round', x: 40, y: 340, width: 120, height: 120 },
      { label: '11', seats: 4, shape: 'round', x: 210, y: 350, width: 100, height: 100 },
      { label: '12', seats: 4, shape: 'round', x: 360, y: 350, width: 100, height: 100 },
      // Banquet zone on the right
      { label: '13', seats: 8, shape: 'rect', x: 680, y: 40, width: 160, height: 90 },
      { label: '14', seats: 6, shape: 'rect', x: 680, y: 190, width: 140, height: 80 },
    ],
  },
  {
    name: 'Терраса',
    tables: [
      // Small round 2-seat tables along the railing
      { label: 'Т1', seats: 2, shape: 'round', x: 40, y: 40, width: 80, height: 80 },
      { label: 'Т2', seats: 2, shape: 'round', x: 170, y: 40, width: 80, height: 80 },
      { label: 'Т3', seats: 2, shape: 'round', x: 300, y: 40, width: 80, height: 80 },
      { label: 'Т4', seats: 2, shape: 'round', x: 430, y: 40, width: 80, height: 80 },
      // 4-seat tables
      { label: 'Т5', seats: 4, shape: 'square', x: 40, y: 190, width: 100, height: 100 },
      { label: 'Т6', seats: 4, shape: 'square', x: 190, y: 190, width: 100, height: 100 },
      { label: 'Т7', seats: 4, shape: 'square', x: 340, y: 190, width: 100, height: 100 },
      // Larger table for groups
      { label: 'Т8', seats: 6, shape: 'rect', x: 500, y: 195, width: 150, height: 90 },
    ],
  },
];

// ---------------------------------------------------------------------------
// Upsell rules (by product code)
// ---------------------------------------------------------------------------

export interface SeedUpsell {
  product: string;
  addons: { product: string; reason?: string }[];
  combos?: {
    name: string;
    /** Combo price in kopecks, below its dishes bought one by one. */
    price: number;
    items: { product: string; quantity?: number }[];
    /** Venue-local; days are ISO weekdays (1 = Monday). */
    windows?: { days?: number[]; from: string; to: string }[];
    reason?: string;
  }[];
}

export const DEMO_UPSELL: SeedUpsell[] = [
  {
    product: 'ribeye-steak',
    addons: [
      { product: 'wine-red-glass', reason: 'к стейку — красное вино' },
      { product: 'grilled-vegetables', reason: 'гарнир к стейку' },
    ],
  },
  {
    product: 'borscht',
    addons: [{ product: 'vodka-50', reason: 'к борщу — рюмка водки' }],
    combos: [
      {
        name: 'Бизнес-ланч',
        // 450 + 790 + 250 = 1 490 ₽ one by one
        price: 115000,
        items: [{ product: 'borscht' }, { product: 'chicken-kiev' }, { product: 'mors-cranberry' }],
        windows: [{ days: [1, 2, 3, 4, 5], from: '12:00', to: '16:00' }],
        reason: 'по будням с 12 до 16',
      },
    ],
  },
  {
    product: 'cappuccino',
    addons: [
      { product: 'cheesecake', reason: 'к кофе — десерт' },
      { product: 'medovik', reason: 'к кофе — десерт' },
    ],
  },
];
