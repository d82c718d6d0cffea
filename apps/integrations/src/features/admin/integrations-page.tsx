import { useTranslation } from '@pos/i18n';
import type { HostProps } from '@pos/plugin-sdk';
import { Section, Tabs } from '@pos/ui';
import { useState } from 'react';
import { type LogFilter, DeliveryLog } from './delivery-log';
import { EndpointsPanel } from './endpoints-panel';
import styles from './integrations-admin.module.css';
import { PartnersPanel } from './partners-panel';

/**
 * The page's parts. «Уведомления» and «Выгрузка BI» join here once their API lands (another
 * branch): a tab each, beside these three.
 */
const TABS = ['partners', 'endpoints', 'log'] as const;
type Tab = (typeof TABS)[number];

/**
 * Admin → Интеграции (/x/admin/integrations; permission admin.integrations): the delivery
 * partners that send orders in, the webhook endpoints the venue's changes go out to, and the
 * log of what was sent.
 */
export function IntegrationsPage(_props: HostProps) {
  const { t } = useTranslation('integrations');
  const [tab, setTab] = useState<Tab>('partners');
  const [logFilter, setLogFilter] = useState<LogFilter>({});
  // A new filter from an endpoint opens the log afresh (its own state starts from it).
  const [logKey, setLogKey] = useState(0);
  return (
    <Section title={t('admin.title')} description={t('admin.description')} testId="integrations-page">
      <div className={styles.page}>
        <Tabs<Tab> aria-label={t('admin.title')} items={TABS.map((id) => ({ id, label: t(`admin.tabs.${id}`), testId: `integrations-tab-${id}` }))} value={tab} onChange={setTab} />
        {tab === 'partners' && <PartnersPanel />}
        {tab === 'endpoints' && (
          <EndpointsPanel
            onShowDead={(endpoint) => {
              setLogFilter({ status: 'dead', target: { id: endpoint.id, url: endpoint.url } });
              setLogKey((k) => k + 1);
              setTab('log');
            }}
          />
        )}
        {tab === 'log' && <DeliveryLog key={logKey} initial={logFilter} />}
      </div>
    </Section>
  );
}
