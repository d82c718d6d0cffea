import { isOrderOnServer, type Order, type Recommendation } from '@pos/contracts';
import { formatMoney, useTranslation } from '@pos/i18n';
import { queryKeys, type SlotProps, useApi, useBusEvent, useCan, useHost, useMenu } from '@pos/plugin-sdk';
import { Badge, Spinner, VisuallyHidden } from '@pos/ui';
import { useEffect, useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useAcceptRecommendation } from '../../api/accept-recommendation';
import { useRecommendations } from '../../api/get-recommendations';
import { recordShown } from '../../api/record-upsell-event';
import { offerable, recommendationKey, suggestionAnchor } from '../../model/suggestions';
import styles from './suggestions-block.module.css';
import { useDragToAdd } from './use-drag-to-add';

/** Cards already recorded as shown in this tab: `${orderId}:${productId}:${card}`. */
const shownOnce = new Set<string>();

/**
 * "Recommended to add" under the menu of the order screen (slot `order.suggestions`): what goes
 * with the dish added last, tap or drag a card onto the order to add it. Combos take over the
 * dishes already in the order at the combo price.
 */
export function SuggestionsBlock({ context }: SlotProps<'order.suggestions'>) {
  const { order, course } = context;
  if (order.status !== 'open') return null;
  // A host from before the course was in the context: course 1, as the server would default.
  return <Suggestions order={order} course={course ?? 1} />;
}

function Suggestions({ order, course }: { order: Order; course: number }) {
  const { t, i18n } = useTranslation('upsell');
  const host = useHost();
  const api = useApi();
  const canEdit = useCan('orders.edit');
  const currency = host.session.venue.currency;
  const anchor = suggestionAnchor(order);
  const menu = useMenu();
  // An order the server has not taken yet (number 0: opened offline, or its answer still on the
  // way) has an id made on this tablet the server would answer 404 for: the cards are asked
  // without it, and recorded as shown once the order has its server id.
  const serverOrderId = isOrderOnServer(order) ? order.id : null;
  const recommendations = useRecommendations(anchor, serverOrderId);
  const accept = useAcceptRecommendation();

  // A stop-list change elsewhere: the menu cache follows it (the shell patches it), and the list
  // is asked again so the server's ranking fills the gap.
  useBusEvent('menu.stock', (change) => {
    if (!change.isAvailable || change.stock === 0) void host.queryClient.invalidateQueries({ queryKey: ['recommendations'] });
  });

  const items = useMemo(
    () => (recommendations.data && menu.data && recommendations.data.productId === anchor ? offerable(recommendations.data.items, menu.data, order) : []),
    [recommendations.data, menu.data, order, anchor],
  );

  useEffect(() => {
    if (!anchor || !serverOrderId) return;
    for (const item of items) {
      const once = `${serverOrderId}:${anchor}:${recommendationKey(item)}`;
      if (shownOnce.has(once)) continue;
      shownOnce.add(once);
      void recordShown(api, { productId: anchor, item, orderId: serverOrderId }).catch(() => shownOnce.delete(once));
    }
  }, [items, anchor, serverOrderId, api]);

  const add = (item: Recommendation) => {
    if (!anchor || accept.isPending) return;
    accept.mutate(
      { order, item, productId: anchor, course },
      // The new line shows (and scrolls into view) in the order itself: no toast over the order header.
      { onSuccess: () => void host.queryClient.invalidateQueries({ queryKey: queryKeys.recommendations(anchor, order.id) }) },
    );
  };
  const { drag, onPointerDown, isClickAfterDrag } = useDragToAdd((key) => {
    const item = items.find((i) => recommendationKey(i) === key);
    if (item) add(item);
  });

  if (!canEdit || items.length === 0 || host.connectivity().state === 'offline') return null;
  const money = (value: number) => formatMoney(value, currency, i18n.language);
  const dragged = drag ? items.find((i) => recommendationKey(i) === drag.key) : undefined;

  return (
    <section className={styles.block} data-testid="upsell-suggestions" aria-label={t('block.title')}>
      <header className={styles.header}>
        <h3 className={styles.title}>{t('block.title')}</h3>
        <span className={styles.hint}>{t('block.hint')}</span>
        {accept.isPending && <Spinner size={16} />}
      </header>
      <div className={styles.cards}>
        {items.map((item) => {
          const key = recommendationKey(item);
          const code = item.kind === 'product' ? menu.data?.products.find((p) => p.id === item.productId)?.code : undefined;
          return (
            <button
              key={key}
              type="button"
              className={`${styles.card} ${item.kind === 'combo' ? styles.combo : ''} ${drag?.key === key ? styles.dragging : ''}`}
              data-testid={item.kind === 'product' ? `upsell-card-${code ?? key}` : `upsell-combo-${key}`}
              data-kind={item.kind}
              disabled={accept.isPending}
              onPointerDown={(e) => onPointerDown(key, e)}
              onClick={() => !isClickAfterDrag() && add(item)}
            >
              {/* Named by what the card shows (name, reason, price), after what a tap does. */}
              <VisuallyHidden>{t('block.add')} </VisuallyHidden>
              <span className={styles.name}>
                {item.kind === 'combo' && <Badge tone="accent">{t('block.combo')}</Badge>} {item.name}
              </span>{' '}
              <span className={styles.reason}>{item.reason ?? (item.kind === 'product' && item.source === 'popular' ? t('block.popular') : '')}</span>
              {item.kind === 'combo' && ' '}
              {item.kind === 'combo' && <span className={styles.dishes}>{item.items.map((d) => (d.quantity > 1 ? `${d.name} ×${d.quantity}` : d.name)).join(' + ')}</span>}
              {' '}
              <span className={styles.foot}>
                <span className={styles.price}>{money(item.price)}</span>
                {item.kind === 'combo' && item.saving > 0 && (
                  <>
                    <VisuallyHidden> ({t('block.instead')}) </VisuallyHidden>
                    <s className={styles.listPrice}>{money(item.listPrice)}</s>
                  </>
                )}
              </span>
            </button>
          );
        })}
      </div>
      {drag &&
        dragged &&
        createPortal(
          <div className={`${styles.ghost} ${drag.isOverTarget ? styles.ghostOver : ''}`} style={{ left: drag.x, top: drag.y }} data-testid="upsell-drag-ghost" aria-hidden>
            <span className={styles.name}>{dragged.name}</span>
            <span className={styles.reason}>{drag.isOverTarget ? t('block.release') : t('block.drop')}</span>
          </div>,
          document.body,
        )}
    </section>
  );
}
