import type { SlotProps } from '@pos/plugin-sdk';
import { useConnectivity } from '@pos/plugin-sdk';
import { Badge } from '@pos/ui';
import { useId } from 'react';
import { useFormat } from '../../format';
import { clockText, type LivePromotion } from '../../model/countdown';
import { effectText, scheduleText } from '../../model/rule-summary';
import styles from './promotions-widget.module.css';
import { useLivePromotions } from './use-live-promotions';

/**
 * «Акции» above the floor map (`home.widgets`): the venue's promotions running now, with the time
 * to their end, and the ones starting within a day, with the time to their start. Manual ones are
 * marked «вручную» (staff apply them on the order). Offline the last list stays, greyed, with the
 * time it is from. Nothing at all while there is no promotion.
 */
export function PromotionsWidget(_props: SlotProps<'home.widgets'>) {
  const isOffline = useConnectivity().state === 'offline';
  const { items, receivedAt } = useLivePromotions(isOffline);
  const format = useFormat();
  const titleId = useId();
  const { t } = format;
  if (items.length === 0) return null;
  return (
    <section className={styles.widget} aria-labelledby={titleId} data-testid="promotions-widget" data-offline={isOffline || undefined}>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {t('widget.title')}
        </h2>
        {isOffline && (
          <span className={styles.offline} data-testid="promotions-offline">
            {t('widget.offline', { time: format.time(receivedAt) })}
          </span>
        )}
      </div>
      <ul className={styles.list}>
        {items.map((item) => (
          <PromotionItem key={item.promotion.rule.id} item={item} format={format} />
        ))}
      </ul>
    </section>
  );
}

function PromotionItem({ item, format }: { item: LivePromotion; format: ReturnType<typeof useFormat> }) {
  const { t, tools } = format;
  const { rule } = item.promotion;
  const countdown =
    item.state === 'upcoming' ? t('widget.startsIn', { clock: clockText(item.secondsToStart) }) : item.secondsToEnd === null ? t('widget.allDay') : t('widget.endsIn', { clock: clockText(item.secondsToEnd) });
  // An all-day rule's countdown already says «весь день».
  const schedule = scheduleText(rule.schedule, t, format.date);
  const summary = schedule === t('summary.allDay') ? effectText(rule.effect, tools) : `${effectText(rule.effect, tools)} · ${schedule}`;
  return (
    <li className={styles.item} data-testid="promotion-item" data-rule-id={rule.id} data-state={item.state}>
      <div className={styles.name}>{rule.name}</div>
      <div className={styles.line}>
        <span className={`${styles.countdown} ${item.state === 'active' ? styles.now : ''}`} data-testid="promotion-countdown">
          {countdown}
        </span>
        {rule.manual && <Badge tone="accent">{t('widget.manual')}</Badge>}
        <span className={styles.summary}>{summary}</span>
      </div>
    </li>
  );
}
