import { isOrderOnServer, type Order, standingQuantity } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, Dialog, Icon, printOnly } from '@pos/ui';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './pre-bill.module.css';

export interface PreBillProps {
  order: Order;
  venueName: string;
  currency: string;
  /** When it was printed (shown on the slip). */
  printedAt: Date;
}

/**
 * The pre-bill («пречек»): what the guests will pay, brought to the table before payment. Not a
 * fiscal document and it says so; voided portions are left off, a split bill lists its checks.
 */
export function PreBill({ order, venueName, currency, printedAt }: PreBillProps) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const lines = order.lines.filter((l) => standingQuantity(l) > 0 && !l.comboLineId);
  const time = printedAt.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <>
      <div className={styles.head}>
        <span className={styles.venue}>{venueName}</span>
        <span>
          {order.tableLabel ? t('table', { label: order.tableLabel }) : t('takeaway')}
          {isOrderOnServer(order) ? ` · ${t('orderNumber', { number: order.number })}` : ''}
        </span>
        <span>
          {t('preBill.waiter', { name: order.waiterName })} · {t('preBill.guests', { count: order.guests })}
        </span>
        <span>{time}</span>
        <span className={styles.kind}>{t('preBill.kind')}</span>
      </div>
      <ul className={styles.lines} data-testid="pre-bill-lines">
        {lines.map((line) => (
          <li key={line.id}>
            <span>
              {standingQuantity(line)} × {line.name}
              {line.modifiers.length > 0 && <small>{line.modifiers.map((m) => m.name).join(', ')}</small>}
            </span>
            <span className={styles.amount}>{money(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <div className={styles.totals}>
        {order.discount > 0 && (
          <>
            <div>
              <span>{t('totals.subtotal')}</span>
              <span className={styles.amount}>{money(order.subtotal)}</span>
            </div>
            {/* Each promotion by name (issue 19): the guest sees what the saving is for. */}
            {order.promotions?.length ? (
              order.promotions.map((p) => (
                <div key={p.ruleId} data-testid="pre-bill-promotion">
                  <span>
                    {t('totals.discount')}: {p.name}
                  </span>
                  <span className={styles.amount}>−{money(p.saving)}</span>
                </div>
              ))
            ) : (
              <div>
                <span>{t('totals.discount')}</span>
                <span className={styles.amount}>−{money(order.discount)}</span>
              </div>
            )}
          </>
        )}
        <div className={styles.total}>
          <span>{t('totals.total')}</span>
          <span className={styles.amount} data-testid="pre-bill-total">
            {money(order.total)}
          </span>
        </div>
        {order.paid > 0 && (
          <>
            <div>
              <span>{t('totals.paid')}</span>
              <span className={styles.amount}>{money(order.paid)}</span>
            </div>
            <div className={styles.total}>
              <span>{t('totals.due')}</span>
              <span className={styles.amount}>{money(order.due)}</span>
            </div>
          </>
        )}
        {order.split && (
          <div className={styles.checks} data-testid="pre-bill-checks">
            {order.checks.map((check) => (
              <div key={check.index}>
                <span>{t('preBill.check', { number: check.index + 1 })}</span>
                <span className={styles.amount}>{money(check.due)}</span>
              </div>
            ))}
          </div>
        )}
      </div>
      <div className={styles.foot}>{t('preBill.notFiscal')}</div>
    </>
  );
}

/** The pre-bill on screen, as it will print, with the Print button. */
export function PreBillDialog({ onClose, ...props }: PreBillProps & { onClose(): void }) {
  const { t } = useTranslation('order');
  const slip = useRef<HTMLDivElement>(null);
  return (
    <Dialog
      title={t('preBill.title')}
      onClose={onClose}
      closeLabel={t('preBill.close')}
      footer={
        <Button size="large" variant="primary" block onClick={() => printOnly(slip.current)} data-testid="pre-bill-print">
          <Icon name="receipt" />
          {t('preBill.print')}
        </Button>
      }
    >
      <div ref={slip} className={styles.slip} data-testid="pre-bill">
        <PreBill {...props} />
      </div>
    </Dialog>
  );
}
