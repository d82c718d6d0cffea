import { useTranslation } from '@pos/i18n';
import { type SlotProps, useCan, useConnectivity } from '@pos/plugin-sdk';
import { Icon, Notice, Segmented, type SegmentedOption } from '@pos/ui';
import { useState } from 'react';
import { useCustomerProfile } from '../../api/get-customer-profile';
import { useFormat } from '../../format';
import { GiftCardTender } from './gift-card-tender';
import { PointsTender } from './points-tender';
import styles from './tenders.module.css';

type Tender = 'giftcard' | 'points';

/**
 * Gift card and points as tenders in the pay dialog (`payment.methods`): each pays part or all of
 * what is due now on the order (or the chosen check) through its own route; the order the server
 * answers goes to the host's cache, so the dialog shows the rest due, or the done view once paid.
 * Both need the server: offline the block says so and offers nothing.
 */
export function StoredValueTenders({ context }: SlotProps<'payment.methods'>) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const canTake = useCan('payments.take');
  // Points belong to the order's guest, whose profile needs customers.view.
  const canViewGuests = useCan('customers.view');
  const isOffline = useConnectivity().state === 'offline';
  const guest = context.order.customer ?? null;
  const profile = useCustomerProfile(guest?.id ?? null, !isOffline && canTake && canViewGuests);
  const [open, setOpen] = useState<Tender | null>(null);
  if (!canTake) return null;

  const pointsLabel = profile.data ? t('tender.pointsBalance', { n: format.number(profile.data.points) }) : t('tender.points');
  const options: SegmentedOption<Tender>[] = [
    {
      value: 'giftcard',
      label: (
        <span className={styles.method}>
          <Icon name="wallet" size={18} />
          {t('tender.giftCard')}
        </span>
      ),
      testId: 'loyalty-tender-giftcard',
    },
  ];
  if (canViewGuests) {
    options.push({
      value: 'points',
      label: (
        <span className={styles.method}>
          <Icon name="users" size={18} />
          {pointsLabel}
        </span>
      ),
      testId: 'loyalty-tender-points',
    });
  }
  return (
    <section className={styles.block} aria-label={t('tender.title')} data-testid="loyalty-tenders">
      <div className={styles.title}>{t('tender.title')}</div>
      {isOffline ? (
        <Notice kind="neutral" testId="loyalty-tenders-offline">
          {t('needsNetwork')}
        </Notice>
      ) : (
        <>
          <Segmented<Tender>
            block
            aria-label={t('tender.title')}
            options={options}
            value={open}
            onChange={(next) => setOpen(next === open ? null : next)}
          />
          {context.amount <= 0 && open !== null && <div className={styles.muted}>{t('tender.nothingDue')}</div>}
          {open === 'giftcard' && context.amount > 0 && <GiftCardTender order={context.order} checkIndex={context.checkIndex} due={context.amount} />}
          {open === 'points' && context.amount > 0 && <PointsTender order={context.order} checkIndex={context.checkIndex} due={context.amount} profile={profile} />}
        </>
      )}
    </section>
  );
}
