import type { RefundReceipt } from '@pos/contracts';
import { formatMoney, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import styles from './refunds.module.css';

/** While set on <body>, the print stylesheet shows the slip alone (see refunds.module.css). */
const PRINTING_CLASS = 'pos-printing-refund-slip';

/** Prints just the slip: the class scopes the print rules to this one print, not the shell's. */
export function printRefundSlip() {
  document.body.classList.add(PRINTING_CLASS);
  try {
    window.print();
  } finally {
    document.body.classList.remove(PRINTING_CLASS);
  }
}

/** The guest's slip of one refund, from the server's `refundReceipt`. */
export function RefundSlip({ receipt }: { receipt: RefundReceipt }) {
  const { t, i18n } = useTranslation('payments');
  const { session } = useHost();
  const money = (v: number) => formatMoney(v, receipt.currency, i18n.language);
  const issuedAt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short', timeZone: session.venue.timezone }).format(
    new Date(receipt.issuedAt),
  );
  const order = t('refund.receipt.order', { number: receipt.orderNumber }) + (receipt.tableLabel ? `, ${t('refund.receipt.table', { table: receipt.tableLabel })}` : '');
  const method = t(`refund.method.${receipt.method}`) + (receipt.maskedCard ? ` · ${receipt.maskedCard}` : '');
  return (
    <section className={styles.slip} data-testid="refund-receipt" aria-label={t('refund.receipt.title')}>
      <div className={styles.slipVenue}>{receipt.venueName}</div>
      <div className={styles.slipOrder} data-testid="refund-receipt-order">
        {order}
      </div>
      <div className={styles.slipTitle}>{t('refund.receipt.title')}</div>
      <dl className={styles.slipRows}>
        <dt>{t('refund.receipt.method')}</dt>
        <dd data-testid="refund-receipt-method">{method}</dd>
        {receipt.reference && (
          <>
            <dt>{t('refund.receipt.reference')}</dt>
            <dd>{receipt.reference}</dd>
          </>
        )}
        <dt>{t('refund.receipt.captured')}</dt>
        <dd>{money(receipt.captured)}</dd>
        <dt className={styles.slipAmount}>{t('refund.receipt.amount')}</dt>
        <dd className={styles.slipAmount} data-testid="refund-receipt-amount">
          {money(receipt.amount)}
        </dd>
        <dt>{t('refund.receipt.refundedTotal')}</dt>
        <dd data-testid="refund-receipt-refunded-total">{money(receipt.refundedTotal)}</dd>
        <dt>{t('refund.receipt.refundable')}</dt>
        <dd data-testid="refund-receipt-refundable">{money(receipt.refundable)}</dd>
        <dt>{t('refund.receipt.reason')}</dt>
        <dd data-testid="refund-receipt-reason">{receipt.reason}</dd>
        <dt>{t('refund.receipt.staff')}</dt>
        <dd>{receipt.staffName}</dd>
        <dt>{t(receipt.method === 'cash' ? 'refund.receipt.drawerCash' : 'refund.receipt.drawer')}</dt>
        <dd data-testid="refund-receipt-drawer">{receipt.drawer.cashierName}</dd>
        <dt>{t('refund.receipt.issuedAt')}</dt>
        <dd>{issuedAt}</dd>
      </dl>
    </section>
  );
}
