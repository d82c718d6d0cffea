import type { Permission } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { type HostProps, useHost } from '@pos/plugin-sdk';
import { Section, Tabs } from '@pos/ui';
import { useState } from 'react';
import { AnalyticsExportPanel } from './analytics-export-panel';
import { type LogFilter, DeliveryLog } from './delivery-log';
import { EndpointsPanel } from './endpoints-panel';
import styles from './integrations-admin.module.css';
import { NotificationsPanel } from './notifications-panel';
import { PartnersPanel } from './partners-panel';

/**
 * The page's parts; a tab with a permission shows only to staff who have it (the page itself needs
 * `admin.integrations`): guest messages need `notifications.send`, the BI export `admin.analytics`.
 */
const TABS = ['partners', 'endpoints', 'log', 'notifications', 'exports'] as const;
type Tab = (typeof TABS)[number];
const TAB_PERMISSION: Partial<Record<Tab, Permission>> = { notifications: 'notifications.send', exports: 'admin.analytics' };

/**
 * Admin → Интеграции (/x/admin/integrations; permission admin.integrations): the delivery
 * partners that send orders in, the webhook endpoints the venue's changes go out to, the log of
 * what was sent, guest SMS / email, and the BI export.
 */
export function IntegrationsPage(_props: HostProps) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const tabs = TABS.filter((id) => {
    const permission = TAB_PERMISSION[id];
    return !permission || host.can(permission);
  });
  const [tab, setTab] = useState<Tab>('partners');
  const [logFilter, setLogFilter] = useState<LogFilter>({});
  // A new filter from an endpoint opens the log afresh (its own state starts from it).
  const [logKey, setLogKey] = useState(0);
  return (
    <Section title={t('admin.title')} description={t('admin.description')} testId="integrations-page">
      <div className={styles.page}>
        <Tabs<Tab> aria-label={t('admin.title')} items={tabs.map((id) => ({ id, label: t(`admin.tabs.${id}`), testId: `integrations-tab-${id}` }))} value={tab} onChange={setTab} />
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
        {tab === 'notifications' && tabs.includes('notifications') && <NotificationsPanel />}
        {tab === 'exports' && tabs.includes('exports') && <AnalyticsExportPanel />}
      </div>
    </Section>
  );
}
