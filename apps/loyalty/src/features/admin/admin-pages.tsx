import { useTranslation } from '@pos/i18n';
import type { HostProps, SlotProps } from '@pos/plugin-sdk';
import { Spinner } from '@pos/ui';
import { type ComponentType, lazy, Suspense } from 'react';
import styles from './admin-pages.module.css';

/**
 * This remote's pages of Admin, each its own navigation entry (the plugin's `adminPages`; titles
 * are keys of the 'loyalty' namespace). The gift card page is also for a supervisor who may block
 * cards without managing guests.
 */
export const LOYALTY_ADMIN_PAGES = [
  { id: 'customers', title: 'admin.customers.nav', permission: 'admin.customers' },
  { id: 'loyalty', title: 'admin.settings.nav', permission: 'admin.customers' },
  { id: 'giftcards', title: 'admin.giftcards.nav', permission: ['giftcards.block', 'admin.customers'] },
] as const;

type PageId = (typeof LOYALTY_ADMIN_PAGES)[number]['id'];

/**
 * Each page is its own chunk, fetched when Admin opens it: the till, which mounts this remote in
 * every order screen, never loads Admin's code (it counts against the remote's own-code budget).
 */
const PAGES: Record<PageId, ComponentType<HostProps>> = {
  customers: lazy(() => import('./customers/customers-page').then((m) => ({ default: m.CustomersPage }))),
  loyalty: lazy(() => import('./loyalty-settings/loyalty-settings-page').then((m) => ({ default: m.LoyaltySettingsPage }))),
  giftcards: lazy(() => import('./gift-cards/gift-cards-page').then((m) => ({ default: m.GiftCardsPage }))),
};

const isPageId = (id: string): id is PageId => Object.hasOwn(PAGES, id);

function Loading() {
  const { t } = useTranslation('loyalty');
  return (
    <p role="status" className={styles.loading}>
      <Spinner /> {t('admin.loading')}
    </p>
  );
}

/** The `admin.pages` parcel: the page its path names (`/x/admin/<id>`), the guests otherwise. */
export function LoyaltyAdminPages(props: SlotProps<'admin.pages'>) {
  const id = props.context.path.split('/').filter(Boolean).at(-1) ?? '';
  const Page = PAGES[isPageId(id) ? id : 'customers'];
  return (
    <Suspense fallback={<Loading />}>
      <Page host={props.host} />
    </Suspense>
  );
}
