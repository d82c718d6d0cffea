import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { LOYALTY_ADMIN_PAGES, LoyaltyAdminPages } from './features/admin/admin-pages';
import { loyaltyAdminTexts } from './features/admin/texts';
import { GuestPanel } from './features/guest-panel/guest-panel';
import { StoredValueTenders } from './features/tenders/stored-value-tenders';
import { mergeTexts } from './model/merge-texts';
import { loyaltyTexts } from './texts';

/**
 * The loyalty remote (issue 18): at the till, the guest panel in the order screen's right column
 * (camera QR scan, phone or code lookup, the guest's profile and points, attach / detach, spend
 * points, sell a gift card) and gift card and points as tenders in the pay dialog; in Admin, the
 * venue's guests, its loyalty settings and its gift cards.
 */
export default definePlugin({
  id: 'loyalty',
  feature: 'loyalty',
  shellApi: '^1.4',
  i18n: mergeTexts(loyaltyTexts, loyaltyAdminTexts),
  slots: {
    'order.side-panel': reactLifecycles(GuestPanel),
    'payment.methods': reactLifecycles(StoredValueTenders),
    'admin.pages': reactLifecycles(LoyaltyAdminPages),
  },
  // The first is also what a shell before host API 1.4 shows (it knows one page per remote).
  adminPage: LOYALTY_ADMIN_PAGES[0],
  adminPages: LOYALTY_ADMIN_PAGES,
});
