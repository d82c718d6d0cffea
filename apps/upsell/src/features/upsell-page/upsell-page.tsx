import type { Product } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useHost, useMenu } from '@pos/plugin-sdk';
import { Notice, Section, Spinner } from '@pos/ui';
import { useState } from 'react';
import { useUpsellConfig } from '../../api/get-upsell-config';
import { ProductSearch } from './product-search';
import { RulesForm } from './rules-form';
import styles from './upsell-page.module.css';

/** The upsell rules page (a page of Admin, /x/admin/upsell; permission admin.menu): pick a dish, edit what goes with it. */
export function UpsellPage(_props: HostProps) {
  const { t } = useTranslation('upsell');
  const host = useHost();
  const menu = useMenu();
  const [product, setProduct] = useState<Product | null>(null);
  const config = useUpsellConfig(product?.id ?? null);

  return (
    <Section title={t('page.title')} description={t('page.description')} testId="upsell-page">
      <div className={styles.frame}>
        <div className={styles.columns}>
          <aside className={styles.picker}>
            {menu.data ? (
              <ProductSearch products={menu.data.products} currency={host.session.venue.currency} selectedId={product?.id} onPick={setProduct} testId="upsell-product" />
            ) : (
              <Spinner />
            )}
          </aside>
          {/* Inside Admin, inside the shell's <main>: a second main landmark would nest in it. */}
          <section className={styles.editor}>
            {!product ? (
              <div className={styles.empty}>{t('page.pickHint')}</div>
            ) : config.data && menu.data && config.data.productId === product.id ? (
              <RulesForm key={product.id} product={product} menu={menu.data} config={config.data} />
            ) : config.error ? (
              <Notice kind="error">{t('page.failed', { message: problemText(t, config.error) })}</Notice>
            ) : (
              <div className={styles.empty}>
                <Spinner /> {t('page.loading')}
              </div>
            )}
          </section>
        </div>
      </div>
    </Section>
  );
}
