import type { ItemSet, Menu } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Button, ChipGroup, Icon, SearchInput } from '@pos/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import styles from './promotions-admin.module.css';

export interface ItemSetPickerProps {
  value: ItemSet;
  onChange(value: ItemSet): void;
  menu: Pick<Menu, 'products' | 'categories'>;
  testId: string;
}

/** How many found dishes the search lists (a big menu has thousands). */
const SHOWN = 6;

/** A set of menu items: whole categories as chips, and dishes found by name or code. */
export function ItemSetPicker({ value, onChange, menu, testId }: ItemSetPickerProps) {
  const { t } = useTranslation('promotions');
  const [isSearching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const chosen = useMemo(() => new Set(value.productIds), [value.productIds]);
  const found = useMemo(
    () => (deferred === '' ? [] : menu.products.filter((p) => !chosen.has(p.id) && `${p.name} ${p.code}`.toLowerCase().includes(deferred)).slice(0, SHOWN)),
    [menu.products, deferred, chosen],
  );
  const names = new Map(menu.products.map((p) => [p.id, p.name]));
  const toggleCategory = (id: string) => onChange({ ...value, categoryIds: value.categoryIds.includes(id) ? value.categoryIds.filter((c) => c !== id) : [...value.categoryIds, id] });

  return (
    <div className={styles.picker} data-testid={testId}>
      <div className={styles.pickerLabel}>{t('admin.form.categories')}</div>
      <ChipGroup chips={menu.categories.map((c) => ({ key: c.id, label: c.name, isOn: value.categoryIds.includes(c.id), testId: `${testId}-category-${c.id}` }))} onToggle={toggleCategory} />
      <div className={styles.pickerLabel}>{t('admin.form.products')}</div>
      {value.productIds.length > 0 && (
        <ul className={styles.chosen}>
          {value.productIds.map((id) => (
            <li key={id} className={styles.chosenItem}>
              {names.get(id) ?? id}
              <button
                type="button"
                className={styles.chosenRemove}
                aria-label={t('admin.form.removeItem', { name: names.get(id) ?? id })}
                onClick={() => onChange({ ...value, productIds: value.productIds.filter((p) => p !== id) })}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      {isSearching ? (
        <div className={styles.search}>
          <SearchInput value={query} onChange={setQuery} placeholder={t('admin.form.search')} testId={`${testId}-search`} />
          <ul className={styles.results}>
            {found.map((p) => (
              <li key={p.id}>
                <button type="button" className={styles.result} data-testid={`${testId}-product-${p.code}`} onClick={() => onChange({ ...value, productIds: [...value.productIds, p.id] })}>
                  {p.name}
                </button>
              </li>
            ))}
          </ul>
          {deferred !== '' && found.length === 0 && <div className={styles.muted}>{t('admin.form.nothingFound')}</div>}
        </div>
      ) : (
        <Button className={styles.addButton} onClick={() => setSearching(true)} data-testid={`${testId}-add-product`}>
          <Icon name="plus" size={18} />
          {t('admin.form.addProduct')}
        </Button>
      )}
    </div>
  );
}
