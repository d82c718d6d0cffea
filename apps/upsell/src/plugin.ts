import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { SuggestionsBlock } from './features/suggestions/suggestions-block';
import { UpsellPage } from './features/upsell-page/upsell-page';
import { upsellTexts } from './texts';

/**
 * The upsell remote: "Recommended to add" on the order screen (tap or drag a card onto the order,
 * combos at their price) and the page where the admin sets what to recommend with each dish.
 */
export default definePlugin({
  id: 'upsell',
  feature: 'upsell',
  shellApi: '^1',
  i18n: upsellTexts,
  routes: [{ path: 'upsell', title: 'nav', permission: 'admin.menu', app: reactLifecycles(UpsellPage) }],
  slots: {
    'order.suggestions': reactLifecycles(SuggestionsBlock),
  },
});
