import type { Payment, Receipt } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, Icon, noPrintClass, printOnly } from '@pos/ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './pay-dialog.module.css';

/**
 * The receipt as the API issued it: what was eaten, totals, how it was paid (with the card), and
 * once something was given back, the refunds and the net the order keeps.
 */
export function PaymentReceipt({ receipt, payments }: { receipt: Receipt; payments: Payment[] }) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, receipt.currency, i18n.language);
  const refunded = receipt.refunded ?? 0;
  // The receipt's net is everything paid on the order (sale and tips) less everything refunded.
  const paid = receipt.payments.reduce((sum, p) => sum + p.amount + p.tip, 0);
  const self = useRef<HTMLDivElement>(null);
  const issued = new Date(receipt.issuedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div ref={self} className={styles.receipt} data-testid="receipt">
      <div className={styles.receiptHead}>
        <b>{receipt.venueName}</b>
        <span>
          {t('pay.done.orderNumber', { number: receipt.orderNumber })}
          {receipt.tableLabel ? ` · ${t('table', { label: receipt.tableLabel })}` : ''} · {receipt.waiterName}
        </span>
        <span>{issued}</span>
      </div>
      <ul className={styles.receiptLines}>
        {receipt.lines.map((line, i) => (
          <li key={i}>
            <span>
              {line.quantity} × {line.name}
              {line.modifiers.length > 0 && <small> ({line.modifiers.join(', ')})</small>}
            </span>
            <span>{money(line.total)}</span>
          </li>
        ))}
      </ul>
      <div className={styles.receiptTotals}>
        {receipt.discount > 0 &&
          (receipt.promotions?.length ? (
            receipt.promotions.map((p, i) => (
              <div key={i} data-testid="receipt-promotion">
                <span>
                  {t('totals.discount')}: {p.name}
                </span>
                <span>−{money(p.saving)}</span>
              </div>
            ))
          ) : (
            <div>
              <span>{t('totals.discount')}</span>
              <span>−{money(receipt.discount)}</span>
            </div>
          ))}
        <div className={styles.receiptTotal}>
          <span>{t('totals.total')}</span>
          <span>{money(receipt.total)}</span>
        </div>
        {receipt.tips > 0 && (
          <div>
            <span>{t('totals.tips')}</span>
            <span>{money(receipt.tips)}</span>
          </div>
        )}
        {payments.map((p) => (
          <div key={p.id} data-testid={`receipt-payment-${p.id}`}>
            <span>
              {t(`pay.methods.${p.method}`)}
              {p.maskedCard ? ` · ${p.maskedCard}` : ''}
              {p.tendered !== null && p.tendered !== p.amount + p.tip ? ` · ${t('pay.cashTendered')} ${money(p.tendered)}` : ''}
              {/* Which payment carried the tip (mixed tenders: the cashier chose). */}
              {p.tip > 0 && <small data-testid="receipt-tip-carried"> · {t('pay.tipIncluded', { amount: money(p.tip) })}</small>}
            </span>
            <span>{money(p.amount + p.tip)}</span>
          </div>
        ))}
        {refunded > 0 && (
          <>
            <div className={styles.receiptRefund} data-testid="receipt-refunded">
              <span>{t('pay.done.refunded')}</span>
              <span>−{money(refunded)}</span>
            </div>
            <div className={styles.receiptTotal} data-testid="receipt-net">
              <span>{t('pay.done.net')}</span>
              <span>{money(paid - refunded)}</span>
            </div>
          </>
        )}
        {receipt.due > 0 && (
          <div>
            <span>{t('totals.due')}</span>
            <span>{money(receipt.due)}</span>
          </div>
        )}
      </div>
      <Button block onClick={() => printOnly(self.current)} className={noPrintClass} data-testid="receipt-print">
        <Icon name="receipt" />
        {t('receiptPrint')}
      </Button>
    </div>
  );
}
