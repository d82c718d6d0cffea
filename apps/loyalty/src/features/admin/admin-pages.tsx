import { useTranslation } from '@pos/i18n';
import type { SlotProps } from '@pos/plugin-sdk';

/** Admin's pages of the loyalty remote, each its own entry in Admin's navigation. */
export const LOYALTY_ADMIN_PAGES = [
  { id: 'customers', title: 'admin.customers.nav', permission: 'admin.customers' },
  { id: 'loyalty', title: 'admin.settings.nav', permission: 'admin.customers' },
  { id: 'giftcards', title: 'admin.giftcards.nav', permission: ['giftcards.block', 'admin.customers'] },
] as const;

/** Placeholder until Admin's loyalty pages land: the title of the page the path names. */
export function LoyaltyAdminPages(props: SlotProps<'admin.pages'>) {
  const { t } = useTranslation('loyalty');
  const id = props.context.path.split('/').filter(Boolean).at(-1) ?? '';
  const page = LOYALTY_ADMIN_PAGES.find((p) => p.id === id) ?? LOYALTY_ADMIN_PAGES[0];
  return <h2 data-testid="loyalty-admin-page">{t(page.title)}</h2>;
}
