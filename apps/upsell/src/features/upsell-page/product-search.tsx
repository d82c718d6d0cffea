import type { Product } from '@pos/contracts';
import { formatMoney, useTranslation } from '@pos/i18n';
import { SearchInput } from '@pos/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import styles from './upsell-page.module.css';

export interface ProductSearchProps {
  products: readonly Product[];
  currency: string;
  onPick(product: Product): void;
  /** Products not to offer (already chosen). */
  exclude?: ReadonlySet<string>;
  selectedId?: string | null;
  limit?: number;
  testId: string;
}

/** Search over the whole menu (5,000 items in a big venue): by name or code, a short list of big rows. */
export function ProductSearch({ products, currency, onPick, exclude, selectedId, limit = 30, testId }: ProductSearchProps) {
  const { t, i18n } = useTranslation('upsell');
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const index = useMemo(() => products.map((p) => ({ product: p, text: `${p.name} ${p.code}`.toLowerCase() })), [products]);
  const found = useMemo(() => index.filter((e) => !exclude?.has(e.product.id) && (deferred === '' || e.text.includes(deferred))), [index, deferred, exclude]);

  return (
    <div className={styles.search}>
      <SearchInput value={query} onChange={setQuery} placeholder={t('page.search')} testId={`${testId}-input`} />
      <ul className={styles.results} data-testid={`${testId}-results`}>
        {found.slice(0, limit).map(({ product }) => (
          <li key={product.id}>
            <button
              type="button"
              className={`${styles.result} ${product.id === selectedId ? styles.resultSelected : ''}`}
              aria-current={product.id === selectedId ? 'true' : undefined}
              data-testid={`${testId}-${product.code}`}
              onClick={() => onPick(product)}
            >
              <span>{product.name}</span>
              <span className={styles.muted}>{formatMoney(product.price, currency, i18n.language)}</span>
            </button>
          </li>
        ))}
      </ul>
      {found.length === 0 && <div className={styles.muted}>{t('page.nothing')}</div>}
      {found.length > limit && <div className={styles.muted}>{t('page.more', { count: found.length - limit })}</div>}
    </div>
  );
}
