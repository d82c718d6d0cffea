import type { Product } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useMenu } from '@pos/plugin-sdk';
import { EmptyState, Icon, Money, Section, Switch } from '@pos/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { useUpdateStock } from '../../api/update-stock';
import table from '../data-table.module.css';
import { countBy, filterProducts, STOCK_FILTERS, type StockFilter } from './filter-products';
import { StockDialog } from './stock-dialog';
import styles from './stock-section.module.css';

/** The stop-list and portions left, for a menu of any size: search, filter, at most 100 rows. */
export function StockSection() {
  const { t } = useTranslation('admin');
  const menu = useMenu();
  const update = useUpdateStock();
  const [text, setText] = useState('');
  const [filter, setFilter] = useState<StockFilter>('all');
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Product | null>(null);
  const deferredText = useDeferredValue(text);

  const products = menu.data?.products;
  const counts = useMemo(() => countBy(products ?? []), [products]);
  const { rows, total } = useMemo(() => filterProducts(products ?? [], { text: deferredText, filter, categoryId }), [products, deferredText, filter, categoryId]);
  const categories = useMemo(() => new Map(menu.data?.categories.map((c) => [c.id, c])), [menu.data]);
  const busyId = update.isPending ? update.variables.productId : null;

  return (
    <Section testId="admin-stock" title={t('stock.title')} description={t('stock.description')}>
      <div className={styles.toolbar}>
        <label className={styles.search}>
          <Icon name="search" size={22} strokeWidth={1.8} />
          <input type="search" value={text} placeholder={t('stock.search')} aria-label={t('stock.search')} onChange={(e) => setText(e.target.value)} data-testid="stock-search" />
        </label>
        <select className={styles.category} value={categoryId ?? ''} aria-label={t('stock.allCategories')} onChange={(e) => setCategoryId(e.target.value || null)}>
          <option value="">{t('stock.allCategories')}</option>
          {menu.data?.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filters} role="radiogroup" aria-label={t('stock.title')}>
        {STOCK_FILTERS.map((f) => (
          <button key={f} type="button" role="radio" aria-checked={f === filter} className={`${styles.filter} ${f === filter ? styles.filterOn : ''}`} onClick={() => setFilter(f)} data-testid={`stock-filter-${f}`}>
            {t(`stock.filters.${f}`)}
            <span className={styles.badge}>{counts[f]}</span>
          </button>
        ))}
      </div>
      {!menu.data ? (
        <EmptyState>{t(menu.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={table.table}>
            <thead>
              <tr>
                <th>{t('stock.product')}</th>
                <th className={table.end}>{t('stock.price')}</th>
                <th>{t('stock.stock')}</th>
                <th className={table.end}>{t('stock.availability')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const category = categories.get(p.categoryId);
                return (
                  <tr key={p.id} data-testid={`stock-${p.code}`} className={p.isAvailable ? undefined : styles.stoppedRow}>
                    <td>
                      <div className={styles.name}>{p.name}</div>
                      <div className={styles.details}>
                        {category && (
                          <>
                            <span className={styles.dot} style={{ background: category.color }} />
                            {category.name}
                            <span aria-hidden="true">·</span>
                          </>
                        )}
                        <span className={table.mono}>{p.code}</span>
                      </div>
                    </td>
                    <td className={table.end}>
                      <Money value={p.price} currency={menu.data.currency} />
                    </td>
                    <td>
                      <button type="button" className={`${styles.stock} ${stockTone(p.stock)}`} onClick={() => setEditing(p)} data-testid={`stock-edit-${p.code}`}>
                        {p.stock === null ? t('stock.untracked') : t('stock.portions', { count: p.stock })}
                      </button>
                    </td>
                    <td className={table.end}>
                      <Switch
                        checked={p.isAvailable}
                        label={`${p.name}: ${t('stock.availability')}`}
                        stateLabel={t(p.isAvailable ? 'stock.available' : 'stock.stopped')}
                        disabled={busyId === p.id}
                        onChange={(isAvailable) => update.mutate({ productId: p.id, isAvailable })}
                        testId={`stock-toggle-${p.code}`}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total === 0 ? (
            <EmptyState>{t('stock.nothing')}</EmptyState>
          ) : (
            <div className={table.footer} data-testid="stock-count">
              {total > rows.length ? t('stock.shown', { shown: rows.length, total }) : t('stock.found', { total })}
            </div>
          )}
        </div>
      )}
      {editing && <StockDialog product={editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

/** Untracked, sold out and running low (≤ 5 portions) look different at a glance. */
function stockTone(stock: number | null): string {
  if (stock === null) return styles.untracked;
  if (stock === 0) return styles.out;
  return stock <= 5 ? styles.low : '';
}
