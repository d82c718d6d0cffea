import type { Menu, Order, Product } from '@pos/contracts';
import type { OrderSuggestionsContext } from '@pos/plugin-sdk';
import { Money, SearchInput, Segmented, Tabs } from '@pos/ui';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Slot } from '../../core/plugin-host/slot';
import { createMenuSearch, indexMenu, type MenuIndex, prepareSearch, productAvailability, warmSearchTexts } from './menu-filter';
import { COURSES } from './order-lines';
import styles from './menu-panel.module.css';
import { type TileGridLayout, VirtualTileGrid } from './virtual-tile-grid';

/** The tiles' size and spacing (as menu-panel.module.css draws a tile). */
const TILE_LAYOUT: TileGridLayout = { minTileWidth: 138, tileHeight: 104, gap: 10, overscanRows: 3 };

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
  const index = useMenuIndex(menu);
  const categories = useMemo(() => [...menu.categories].sort((a, b) => a.sort - b.sort).filter((c) => index.ranges.has(c.id)), [menu.categories, index]);
  const colorOf = useMemo(() => new Map(menu.categories.map((c) => [c.id, c.color])), [menu.categories]);
  const [chosenCategory, setCategoryId] = useState<string | null>(null);
  const categoryId = chosenCategory && index.ranges.has(chosenCategory) ? chosenCategory : (categories[0]?.id ?? null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const isSearching = deferredQuery.trim() !== '';
  const search = useMemo(() => createMenuSearch(index), [index]);
  const result = useMemo(() => search({ query: deferredQuery, categoryId }), [search, deferredQuery, categoryId]);
  // Another category or query starts at the top of its list (a stock change keeps the place).
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    scroller?.scrollTo?.({ top: 0 });
  }, [scroller, deferredQuery, categoryId]);
  const renderTile = useCallback(
    (p: Product) => <ProductTile product={p} color={colorOf.get(p.categoryId) ?? 'var(--pos-border)'} currency={currency} isLocked={lockedReason !== null} onPick={onPick} />,
    [colorOf, currency, lockedReason, onPick],
  );
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
        <div className={styles.products} ref={setScroller} data-scroll>
          {lockedReason && <div className={styles.locked}>{lockedReason}</div>}
          {isSearching && (
            <div className={styles.resultInfo} data-testid="menu-result-info">
              {result.total === 0 ? t('menu.nothing', { query: deferredQuery.trim() }) : t('menu.found', { count: result.total })}
            </div>
          )}
          {!isSearching && result.total === 0 && <div className={styles.resultInfo}>{t('menu.emptyCategory')}</div>}
          <VirtualTileGrid
            items={result.items}
            keyOf={productKey}
            renderTile={renderTile}
            scroller={scroller}
            layout={TILE_LAYOUT}
            className={`${styles.grid} ${lockedReason ? styles.gridLocked : ''}`}
            testId="product-grid"
          />
          <Slot name="order.suggestions" context={suggestionsContext} className={styles.suggestions} />
        </div>
      </div>
    </section>
  );
}

const productKey = (p: Product) => p.id;

/** Search texts made per idle slice: a few milliseconds of work, so a tap meanwhile is not held up. */
const SEARCH_TEXTS_PER_IDLE_SLICE = 2_000;

/**
 * The menu's search index, carried over from the previous menu (a stock event touches one tile's
 * place, not 50,000), with its search texts made once the screen is idle rather than before the first paint.
 */
function useMenuIndex(menu: Menu): MenuIndex {
  const previous = useRef<MenuIndex | undefined>(undefined);
  const index = useMemo(() => indexMenu(menu, previous.current), [menu]);
  useEffect(() => {
    previous.current = index;
    if (index.haystacks) return;
    const idle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 50));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    let from = 0;
    let handle = 0;
    const step = () => {
      warmSearchTexts(index, from, from + SEARCH_TEXTS_PER_IDLE_SLICE);
      from += SEARCH_TEXTS_PER_IDLE_SLICE;
      if (from < index.products.length) handle = idle(step);
      else prepareSearch(index);
    };
    handle = idle(step);
    return () => cancel(handle);
  }, [index]);
  return index;
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
