import type { Menu, Order, Product } from '@pos/contracts';
import type { OrderSuggestionsContext } from '@pos/plugin-sdk';
import { Money, SearchInput, Segmented, Tabs } from '@pos/ui';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Slot } from '../../core/plugin-host/slot';
import { filterProducts, indexMenu, productAvailability } from './menu-filter';
import { COURSES } from './order-lines';
import styles from './menu-panel.module.css';

const TILE_LIMIT = 100;

export interface MenuPanelProps {
  menu: Menu;
  order: Order;
  currency: string;
  course: number;
  onCourseChange(course: number): void;
  /** Why nothing can be added right now (paid order, no permission); null when adding is allowed. */
  lockedReason: string | null;
  onPick(product: Product): void;
}

/** Left side of the order screen: search, categories, product tiles, remote suggestions. */
export function MenuPanel({ menu, order, currency, course, onCourseChange, lockedReason, onPick }: MenuPanelProps) {
  const { t } = useTranslation('order');
  const index = useMemo(() => indexMenu(menu), [menu]);
  const categories = useMemo(() => [...menu.categories].sort((a, b) => a.sort - b.sort).filter((c) => index.byCategory.has(c.id)), [menu.categories, index]);
  const colorOf = useMemo(() => new Map(menu.categories.map((c) => [c.id, c.color])), [menu.categories]);
  const [chosenCategory, setCategoryId] = useState<string | null>(null);
  const categoryId = chosenCategory && index.byCategory.has(chosenCategory) ? chosenCategory : (categories[0]?.id ?? null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const isSearching = deferredQuery.trim() !== '';
  const result = useMemo(() => filterProducts(index, { query: deferredQuery, categoryId }, TILE_LIMIT), [index, deferredQuery, categoryId]);
  // The remote's adds (upsell cards, combos) go to the selected course, like a tap on a tile.
  const suggestionsContext = useMemo<OrderSuggestionsContext>(() => ({ order, course }), [order, course]);

  return (
    <section className={styles.panel} aria-label={t('menu.categories')}>
      <div className={styles.toolbar}>
        <div className={styles.search}>
          <SearchInput value={query} onChange={setQuery} placeholder={t('menu.search')} clearLabel={t('menu.clear')} testId="menu-search" />
        </div>
        <span className={styles.courseLabel}>{t('menu.course')}</span>
        <Segmented<number>
          aria-label={t('menu.course')}
          options={COURSES.map((c) => ({ value: c, label: String(c), testId: `course-${c}` }))}
          value={course}
          onChange={onCourseChange}
        />
      </div>
      <div className={styles.body}>
        <Tabs
          orientation="vertical"
          aria-label={t('menu.categories')}
          className={`${styles.categories} ${isSearching ? styles.categoriesDimmed : ''}`}
          items={categories.map((c) => ({ id: c.id, label: c.name, color: c.color, testId: `category-${c.name}` }))}
          value={isSearching ? null : categoryId}
          onChange={(id) => {
            setCategoryId(id);
            setQuery('');
          }}
        />
        <div className={styles.products}>
          {lockedReason && <div className={styles.locked}>{lockedReason}</div>}
          {isSearching && (
            <div className={styles.resultInfo} data-testid="menu-result-info">
              {result.total === 0
                ? t('menu.nothing', { query: deferredQuery.trim() })
                : result.total > result.items.length
                  ? t('menu.limited', { shown: result.items.length, count: result.total })
                  : t('menu.found', { count: result.total })}
            </div>
          )}
          {!isSearching && result.total === 0 && <div className={styles.resultInfo}>{t('menu.emptyCategory')}</div>}
          <div className={`${styles.grid} ${lockedReason ? styles.gridLocked : ''}`} data-testid="product-grid">
            {result.items.map((p) => (
              <ProductTile key={p.id} product={p} color={colorOf.get(p.categoryId) ?? 'var(--pos-border)'} currency={currency} isLocked={lockedReason !== null} onPick={onPick} />
            ))}
          </div>
          <Slot name="order.suggestions" context={suggestionsContext} className={styles.suggestions} />
        </div>
      </div>
    </section>
  );
}

interface ProductTileProps {
  product: Product;
  color: string;
  currency: string;
  isLocked: boolean;
  onPick(product: Product): void;
}

/** One product: name, price, stock left; greyed and inert when it cannot be ordered. */
const ProductTile = memo(function ProductTile({ product, color, currency, isLocked, onPick }: ProductTileProps) {
  const { t } = useTranslation('order');
  const availability = productAvailability(product);
  const isOrderable = availability === 'available';
  return (
    <button
      type="button"
      className={`${styles.tile} ${isOrderable ? '' : styles.tileOff} ${isOrderable && product.stock !== null ? styles.tileTracked : ''}`}
      style={{ borderTopColor: color }}
      disabled={!isOrderable || isLocked}
      data-testid={`product-${product.code}`}
      data-availability={availability}
      onClick={() => onPick(product)}
    >
      <span className={styles.tileName}>{product.name}</span>
      {isOrderable && product.stock !== null && (
        <span
          className={`${styles.tileStock} ${product.stock <= 5 ? styles.tileStockLow : ''}`}
          title={t('menu.left', { count: product.stock })}
          aria-label={t('menu.left', { count: product.stock })}
          data-testid={`product-${product.code}-stock`}
        >
          {product.stock}
        </span>
      )}
      <span className={styles.tileFoot}>
        {isOrderable ? (
          <span className={styles.tilePrice}>
            <Money value={product.price} currency={currency} />
          </span>
        ) : (
          <span className={styles.tileTagOff}>{availability === 'stopped' ? t('menu.stopped') : t('menu.soldOut')}</span>
        )}
        {isOrderable && product.modifierGroupIds.length > 0 && (
          <span className={styles.tileDots} title={t('menu.hasOptions')} aria-label={t('menu.hasOptions')}>
            •••
          </span>
        )}
      </span>
    </button>
  );
});
