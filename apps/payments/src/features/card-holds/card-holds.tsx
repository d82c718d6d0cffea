import type { Payment, SettleHoldsResult } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { queryKeys, type SlotProps, useCan, useHost } from '@pos/plugin-sdk';
import { Badge, Money, RowButton } from '@pos/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useExpiredHolds } from '../../api/get-expired-holds';
import { useOrderNumbers } from '../../api/get-order-numbers';
import styles from './card-holds.module.css';

/** What a hold keeps on the guest's card: the authorised amount (the request before it was held). */
const heldAmount = (p: Payment) => (p.held > 0 ? p.held : p.amount);

/**
 * The `shift.close` slot: card holds past their expiry before the shift closes (closing the
 * venue's last open shift is its day close, which captures or releases them by the venue's
 * policy), and after the close the ones it captured and released.
 */
export function ShiftCloseHolds({ context }: SlotProps<'shift.close'>) {
  return context.stage === 'before' ? <ExpiredHolds /> : <ClosedShiftHolds settled={context.shift.settledHolds} />;
}

/** After the close: the list of expired holds is stale (the day close settled them), then what it did. */
function ClosedShiftHolds({ settled }: { settled?: SettleHoldsResult }) {
  const queryClient = useQueryClient();
  useEffect(() => void queryClient.invalidateQueries({ queryKey: queryKeys.expiredHolds }), [queryClient]);
  return settled ? <SettledHolds settled={settled} /> : null;
}

/** Expired holds, shown only to staff who take payments, and only when there are some. */
export function ExpiredHolds() {
  const { t, i18n } = useTranslation('payments');
  const host = useHost();
  const expired = useExpiredHolds(useCan('payments.take'));
  const holds = expired.data?.holds ?? [];
  const numbers = useOrderNumbers(holds.map((h) => h.orderId));
  if (!expired.data || holds.length === 0) return null;
  const { currency, timezone } = host.session.venue;
  const policy = expired.data.settings.dayClosePolicy;
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: timezone });

  return (
    <section className={`${styles.card} ${styles.holds}`} data-testid="expired-holds" data-policy={policy}>
      <h2 className={styles.cardTitle}>{t('shiftHolds.expired.title', { count: holds.length })}</h2>
      <p className={`${styles.policy} ${policy === 'capture' ? styles.policyCapture : styles.policyRelease}`} data-testid="expired-holds-policy">
        {t(`shiftHolds.expired.policy.${policy}`)}
      </p>
      <ul className={styles.holdList}>
        {holds.map((hold) => {
          const number = numbers.get(hold.orderId);
          return (
            <li key={hold.id}>
              <RowButton
                lead={number !== undefined ? t('shiftHolds.expired.number', { number }) : '…'}
                detail={[hold.maskedCard, hold.expiresAt ? t('shiftHolds.expired.expiredAt', { time: when.format(new Date(hold.expiresAt)) }) : null].filter(Boolean).join(' · ')}
                amount={<Money value={heldAmount(hold)} currency={currency} />}
                onClick={() => host.navigate(`/order/${hold.orderId}`)}
                testId={`expired-hold-${hold.id}`}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** After the day close: the expired holds it captured and released. */
export function SettledHolds({ settled }: { settled: SettleHoldsResult }) {
  const { t } = useTranslation('payments');
  const { currency } = useHost().session.venue;
  const rows = [...settled.captured.map((p) => ({ p, outcome: 'captured' as const })), ...settled.released.map((p) => ({ p, outcome: 'released' as const }))];
  const numbers = useOrderNumbers(rows.map((r) => r.p.orderId));
  if (rows.length === 0) return null;
  const sum = (list: Payment[], amount: (p: Payment) => number) => list.reduce((s, p) => s + amount(p), 0);
  const captured = (p: Payment) => p.amount + p.tip;

  return (
    <section className={`${styles.card} ${styles.holds}`} data-testid="settled-holds">
      <h2 className={styles.cardTitle}>{t('shiftHolds.settled.title')}</h2>
      <p className={styles.hint}>{t('shiftHolds.settled.text')}</p>
      <div className={styles.settledTotals}>
        {settled.captured.length > 0 && (
          <span data-testid="settled-captured">
            {t('shiftHolds.settled.captured', { count: settled.captured.length })}: <Money value={sum(settled.captured, captured)} currency={currency} />
          </span>
        )}
        {settled.released.length > 0 && (
          <span data-testid="settled-released">
            {t('shiftHolds.settled.released', { count: settled.released.length })}: <Money value={sum(settled.released, heldAmount)} currency={currency} />
          </span>
        )}
      </div>
      <ul className={styles.settledList}>
        {rows.map(({ p, outcome }) => {
          const number = numbers.get(p.orderId);
          return (
            <li key={p.id} className={styles.settledRow} data-testid={`settled-hold-${p.id}`} data-outcome={outcome}>
              <Badge tone={outcome === 'captured' ? 'success' : 'neutral'}>{t(`shiftHolds.settled.outcome.${outcome}`)}</Badge>
              <span className={styles.number}>{number !== undefined ? t('shiftHolds.expired.number', { number }) : ''}</span>
              <span className={styles.where}>{p.maskedCard}</span>
              <span className={styles.amount}>
                <Money value={outcome === 'captured' ? captured(p) : heldAmount(p)} currency={currency} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
