import { type ClosedShift, PAYMENT_METHODS } from '@pos/contracts';
import { Button, Money } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import { Slot } from '../../core/plugin-host/slot';
import styles from './shift-screen.module.css';
import { differenceSign, differenceTone } from './shift-rules';

/**
 * The closed shift: expected against counted per method, the difference coloured by what it means;
 * below, what the remotes report of the close (`shift.close`).
 */
export function ShiftResult({ shift, currency, onDone }: { shift: ClosedShift; currency: string; onDone(): void }) {
  const { t, i18n } = useTranslation('shift');
  const closedAt = shift.closedAt
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(shift.closedAt))
    : '';
  return (
    <div className={styles.result} data-testid="shift-result">
      <div className={styles.resultHead}>
        <span className={styles.doneIcon} aria-hidden="true">
          ✓
        </span>
        <div>
          <h1 className={styles.title}>{t('result.title')}</h1>
          <p className={styles.hint}>{t('result.subtitle', { cashier: shift.cashierName, time: closedAt })}</p>
        </div>
      </div>
      <div className={styles.resultGrid}>
        {PAYMENT_METHODS.map((m) => {
          const expected = shift.totals[m].expected;
          const counted = shift.counted?.[m] ?? 0;
          const difference = shift.difference?.[m] ?? counted - expected;
          const tone = differenceTone(difference);
          return (
            <section key={m} className={`${styles.resultCard} ${styles[tone]}`} data-testid={`result-${m}`} data-tone={tone}>
              <h2 className={styles.resultMethod}>{t(`methods.${m}`)}</h2>
              <dl className={styles.resultRows}>
                <dt>{t('result.expected')}</dt>
                <dd>
                  <Money value={expected} currency={currency} />
                </dd>
                <dt>{t('result.counted')}</dt>
                <dd>
                  <Money value={counted} currency={currency} />
                </dd>
              </dl>
              <div className={styles.difference}>
                <span className={styles.differenceLabel}>{t(`result.${tone}`)}</span>
                <span className={styles.differenceValue} data-testid={`difference-${m}`}>
                  {differenceSign(difference)}
                  <Money value={Math.abs(difference)} currency={currency} />
                </span>
              </div>
            </section>
          );
        })}
      </div>
      {shift.overrideReason && <div className={styles.rescue}>{t('result.override', { reason: shift.overrideReason })}</div>}
      {/* What the close did in the remotes' areas (the card holds the day close captured or released). */}
      <Slot name="shift.close" context={{ stage: 'after', shift }} />
      <div className={styles.resultActions}>
        <Button variant="primary" size="large" onClick={onDone} data-testid="shift-result-done">
          {t('result.done')}
        </Button>
      </div>
    </div>
  );
}
