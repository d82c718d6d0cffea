import { queryKeys } from '@pos/api-client';
import type { Payment, SettleHoldsResult } from '@pos/contracts';
import { Badge, Money } from '@pos/ui';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../core/router';
import { useServices } from '../../core/services-context';
import styles from './shift-screen.module.css';
import { useExpiredHolds } from './use-shift';

/** What a hold keeps on the guest's card: the authorised amount (the request before it was held). */
const heldAmount = (p: Payment) => (p.held > 0 ? p.held : p.amount);

/** The numbers of the orders the holds belong to (a payment names its order only by id). */
function useOrderNumbers(orderIds: string[]): Map<string, number> {
  const { api } = useServices();
  const unique = [...new Set(orderIds)];
  const orders = useQueries({ queries: unique.map((id) => ({ queryKey: queryKeys.order(id), queryFn: () => api.order(id) })) });
  const numbers = new Map<string, number>();
  orders.forEach((q, i) => q.data && numbers.set(unique[i], q.data.number));
  return numbers;
}

/**
 * Card holds past their expiry, before the shift closes: closing the venue's last open shift is
 * its day close, which captures or releases them by the venue's policy. Shown only to staff who
 * take payments, and only when there are some.
 */
export function ExpiredHolds({ currency, timeZone }: { currency: string; timeZone: string }) {
  const { t, i18n } = useTranslation('shift');
  const { host } = useServices();
  const expired = useExpiredHolds(host().can('payments.take'));
  const holds = expired.data?.holds ?? [];
  const numbers = useOrderNumbers(holds.map((h) => h.orderId));
  if (!expired.data || holds.length === 0) return null;
  const policy = expired.data.settings.dayClosePolicy;
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });

  return (
    <section className={`${styles.card} ${styles.holds}`} data-testid="expired-holds" data-policy={policy}>
      <div className={styles.cardHead}>
        <h2 className={styles.cardTitle}>{t('holds.title', { count: holds.length })}</h2>
      </div>
      <p className={`${styles.holdsPolicy} ${policy === 'capture' ? styles.holdsCapture : styles.holdsRelease}`} data-testid="expired-holds-policy">
        {t(`holds.policy.${policy}`)}
      </p>
      <ul className={styles.checkList}>
        {holds.map((hold) => {
          const number = numbers.get(hold.orderId);
          return (
            <li key={hold.id}>
              <button type="button" className={styles.checkRow} onClick={() => navigate(`/order/${hold.orderId}`)} data-testid={`expired-hold-${hold.id}`}>
                <span className={styles.checkNumber}>{number !== undefined ? t('openChecks.number', { number }) : '…'}</span>
                <span className={styles.checkWhere}>
                  {[hold.maskedCard, hold.expiresAt ? t('holds.expiredAt', { time: when.format(new Date(hold.expiresAt)) }) : null].filter(Boolean).join(' · ')}
                </span>
                <span className={styles.checkDue}>
                  <Money value={heldAmount(hold)} currency={currency} />
                </span>
                <span className={styles.checkGo} aria-hidden="true">
                  ›
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** After the day close: the expired holds it captured and released. */
export function SettledHolds({ settled, currency }: { settled: SettleHoldsResult; currency: string }) {
  const { t } = useTranslation('shift');
  const rows = [...settled.captured.map((p) => ({ p, outcome: 'captured' as const })), ...settled.released.map((p) => ({ p, outcome: 'released' as const }))];
  const numbers = useOrderNumbers(rows.map((r) => r.p.orderId));
  if (rows.length === 0) return null;
  const sum = (list: Payment[], amount: (p: Payment) => number) => list.reduce((s, p) => s + amount(p), 0);
  const captured = (p: Payment) => p.amount + p.tip;

  return (
    <section className={`${styles.card} ${styles.holds}`} data-testid="settled-holds">
      <h2 className={styles.cardTitle}>{t('settled.title')}</h2>
      <p className={styles.hint}>{t('settled.text')}</p>
      <div className={styles.settledTotals}>
        {settled.captured.length > 0 && (
          <span data-testid="settled-captured">
            {t('settled.captured', { count: settled.captured.length })}: <Money value={sum(settled.captured, captured)} currency={currency} />
          </span>
        )}
        {settled.released.length > 0 && (
          <span data-testid="settled-released">
            {t('settled.released', { count: settled.released.length })}: <Money value={sum(settled.released, heldAmount)} currency={currency} />
          </span>
        )}
      </div>
      <ul className={styles.settledList}>
        {rows.map(({ p, outcome }) => {
          const number = numbers.get(p.orderId);
          return (
            <li key={p.id} className={styles.settledRow} data-testid={`settled-hold-${p.id}`} data-outcome={outcome}>
              <Badge tone={outcome === 'captured' ? 'success' : 'neutral'}>{t(`settled.outcome.${outcome}`)}</Badge>
              <span className={styles.checkNumber}>{number !== undefined ? t('openChecks.number', { number }) : ''}</span>
              <span className={styles.checkWhere}>{p.maskedCard}</span>
              <span className={styles.checkDue}>
                <Money value={outcome === 'captured' ? captured(p) : heldAmount(p)} currency={currency} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
