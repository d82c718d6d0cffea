import type { Permission } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import type { HostProps } from '@pos/plugin-sdk';
import { useConnectivity, useHost } from '@pos/plugin-sdk';
import { EmptyState, Icon, type IconName } from '@pos/ui';
import { type ComponentType, Fragment, type ReactNode, useEffect, useState } from 'react';
import styles from './admin-app.module.css';
import { DevicesSection } from './devices/devices-section';
import { FeatureFlagsSection } from './feature-flags/feature-flags-section';
import { PaymentSettingsSection } from './payment-settings/payment-settings-section';
import { RemotePageView, useRemotePages } from './remote-pages/remote-pages';
import { RemotesSection } from './remotes/remotes-section';
import { RolesSection } from './roles/roles-section';
import { StaffSection } from './staff/staff-section';
import { StockSection } from './stock/stock-section';
import { TillsSection } from './tills/tills-section';

type SectionId = 'flags' | 'roles' | 'staff' | 'devices' | 'tills' | 'stock' | 'payments' | 'remotes';

/** The sidebar's icons: a little larger and finer than a button's. */
const sectionIcon = (name: IconName) => <Icon name={name} size={22} strokeWidth={1.8} />;

/** Each section shows only to those holding its permission. */
const SECTIONS: { id: SectionId; permission: Permission; Component: ComponentType; icon: ReactNode }[] = [
  { id: 'flags', permission: 'admin.flags', Component: FeatureFlagsSection, icon: sectionIcon('toggle') },
  { id: 'roles', permission: 'admin.roles', Component: RolesSection, icon: sectionIcon('shield') },
  { id: 'staff', permission: 'admin.staff', Component: StaffSection, icon: sectionIcon('staff') },
  { id: 'devices', permission: 'admin.devices', Component: DevicesSection, icon: sectionIcon('tablet') },
  { id: 'tills', permission: 'admin.devices', Component: TillsSection, icon: sectionIcon('cash') },
  { id: 'stock', permission: 'menu.stock', Component: StockSection, icon: sectionIcon('box') },
  { id: 'payments', permission: 'admin.payments', Component: PaymentSettingsSection, icon: sectionIcon('wallet') },
  { id: 'remotes', permission: 'admin.remotes', Component: RemotesSection, icon: sectionIcon('layers') },
];

const BASE_PATH = '/x/admin';

/** The section is part of the URL (/x/admin/staff), so a reload or the back button keeps it. */
const sectionInUrl = () => window.location.pathname.slice(BASE_PATH.length + 1).split('/')[0];

/** An entry of the admin navigation: one of the sections above or a page another remote adds. */
interface NavEntry {
  id: string;
  label: string;
  icon: ReactNode;
  content: ReactNode;
}

export function AdminApp(_props: HostProps) {
  const { t } = useTranslation('admin');
  const host = useHost();
  const sections: NavEntry[] = SECTIONS.filter((s) => host.can(s.permission)).map((s) => ({ id: s.id, label: t(`sections.${s.id}`), icon: s.icon, content: <s.Component /> }));
  // Other remotes' pages follow the admin's own; a page may not take a section's place.
  const pages: NavEntry[] = useRemotePages()
    .filter((p) => !sections.some((s) => s.id === p.id))
    .map((p) => ({ id: p.id, label: p.label, icon: sectionIcon('layers'), content: <RemotePageView page={p} basePath={BASE_PATH} /> }));
  const allowed = [...sections, ...pages];
  const [requested, setRequested] = useState(sectionInUrl);

  useEffect(() => {
    const onPop = () => setRequested(sectionInUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const isOffline = useConnectivity().state === 'offline';
  const current = allowed.find((s) => s.id === requested) ?? allowed[0];
  const open = (id: string) => {
    setRequested(id);
    host.navigate(`${BASE_PATH}/${id}`);
  };

  return (
    <div className={styles.app} data-testid="admin-app">
      <aside className={styles.sidebar}>
        <div className={styles.heading}>
          <div className={styles.kicker}>{t('title')}</div>
          <h1 className={styles.title}>{host.session.venue.name}</h1>
        </div>
        <nav className={styles.nav} aria-label={t('title')}>
          {allowed.map((s) => (
            <button
              key={s.id}
              type="button"
              className={`${styles.navItem} ${s === current ? styles.navItemActive : ''}`}
              aria-current={s === current ? 'page' : undefined}
              data-testid={`admin-nav-${s.id}`}
              onClick={() => open(s.id)}
            >
              {s.icon}
              {s.label}
            </button>
          ))}
        </nav>
        <div className={styles.footer}>
          <span className={styles.version} data-testid="admin-version">
            {t('version', { version: __REMOTE_VERSION__ })}
          </span>
        </div>
      </aside>
      {/* The shell's <main> holds every remote's screen: a second one would nest inside it. */}
      <div className={styles.content}>
        {/* Every admin change needs the server: say so rather than fail on each save. */}
        {isOffline && (
          <div className={styles.offline} role="status" data-testid="admin-needs-network">
            {t('needsNetwork')}
          </div>
        )}
        {current ? <Fragment key={current.id}>{current.content}</Fragment> : <EmptyState>{t('noAccess')}</EmptyState>}
      </div>
    </div>
  );
}
