import { definePlugin, type PluginRoute, reactLifecycles } from '@pos/plugin-sdk';
import { SuggestionsBlock } from './features/suggestions/suggestions-block';
import { UpsellPage } from './features/upsell-page/upsell-page';
import { upsellTexts } from './texts';

/** Where the rules page lives now: a page of the Admin remote. */
const RULES_PATH = '/x/admin/upsell';

/** The rules' old address (/x/upsell), kept for bookmarks: it forwards to the admin page. */
const forwardToAdmin: PluginRoute['app'] = {
  bootstrap: () => Promise.resolve(),
  mount: ({ host }) => Promise.resolve(host.navigate(RULES_PATH)),
  unmount: () => Promise.resolve(),
};

/**
 * The upsell remote: "Recommended to add" on the order screen (tap or drag a card onto the order,
 * combos at their price) and, as a page of Admin, where the admin sets what to recommend with each dish.
 */
export default definePlugin({
  id: 'upsell',
  feature: 'upsell',
  shellApi: '^1',
  i18n: upsellTexts,
  routes: [{ path: 'upsell', title: 'nav', permission: 'admin.menu', isListed: false, app: forwardToAdmin }],
  slots: {
    'order.suggestions': reactLifecycles(SuggestionsBlock),
    'admin.pages': reactLifecycles(UpsellPage),
  },
  adminPage: { id: 'upsell', title: 'nav', permission: 'admin.menu' },
});
