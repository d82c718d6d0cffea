import type { HostProps, SlotProps } from '@pos/plugin-sdk';
import type { ComponentType } from 'react';
import { CustomersPage } from './customers/customers-page';
import { GiftCardsPage } from './gift-cards/gift-cards-page';
import { LoyaltySettingsPage } from './loyalty-settings/loyalty-settings-page';

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

const PAGES: Record<PageId, ComponentType<HostProps>> = { customers: CustomersPage, loyalty: LoyaltySettingsPage, giftcards: GiftCardsPage };

const isPageId = (id: string): id is PageId => Object.hasOwn(PAGES, id);

/** The `admin.pages` parcel: the page its path names (`/x/admin/<id>`), the guests otherwise. */
export function LoyaltyAdminPages(props: SlotProps<'admin.pages'>) {
  const id = props.context.path.split('/').filter(Boolean).at(-1) ?? '';
  const Page = isPageId(id) ? PAGES[id] : CustomersPage;
  return <Page host={props.host} />;
}
