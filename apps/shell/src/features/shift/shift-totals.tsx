import { PAYMENT_METHODS, type PaymentMethod, type Shift } from '@pos/contracts';
import { Button, Money } from '@pos/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './shift-screen.module.css';
import { shiftDuration } from './shift-rules';

type Row = 'sales' | 'tips' | 'refunds' | 'expected';
const ROWS: Row[] = ['sales', 'tips', 'refunds', 'expected'];

export interface ShiftTotalsProps {
  shift: Shift;
  currency: string;
  /** When the figures were read from the server. */
  updatedAt: number;
  isRefreshing: boolean;
  onRefresh(): void;
}

/** Which till, who holds the shift since when, and the money per method: sales, tips, refunds, expected. */
export function ShiftTotals({ shift, currency, updatedAt, isRefreshing, onRefresh }: ShiftTotalsProps) {
  const { t, i18n } = useTranslation('shift');
  const locale = i18n.language === 'en' ? 'en-GB' : 'ru-RU';
  const time = (at: number | string, withSeconds = false) =>
    new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) }).format(new Date(at));
  const openedDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(new Date(shift.openedAt));
  const duration = shiftDuration(shift.openedAt, updatedAt);
  const total = (row: Row) => PAYMENT_METHODS.reduce((sum, m) => sum + shift.totals[m][row], 0);

  return (
    <>
      <section className={styles.statusBar} data-testid="shift-status">
        <span className={`${styles.badge} ${shift.isRescue ? styles.badgeRescue : styles.badgeOpen}`}>
          {shift.isRescue ? t('open.rescueBadge') : t('open.badge')}
        </span>
        {shift.tillName && <Fact label={t('open.till')} value={shift.tillName} isName testId="shift-till" />}
        <Fact label={t('open.cashier')} value={shift.cashierName} isName />
        <Fact label={t('open.openedAt')} value={`${openedDay}, ${time(shift.openedAt)}`} hint={duration.hours > 0 ? t('open.duration', duration) : t('open.durationMinutes', duration)} />
        <Fact label={t('open.float')} value={<Money value={shift.openingFloat} currency={currency} />} />
      </section>

      {shift.isRescue && (
        <div className={styles.rescue} role="note" data-testid="rescue-shift">
          <strong>{t('rescue.title')}</strong>
          <span>{t('rescue.text')}</span>
        </div>
      )}

      <div className={styles.expectedTiles}>
        {PAYMENT_METHODS.map((m) => (
          <div key={m} className={styles.tile} data-testid={`expected-${m}`}>
            <span className={styles.tileLabel}>{t(`expectedIn.${m}`)}</span>
            <span className={styles.tileValue}>
              <Money value={shift.totals[m].expected} currency={currency} />
            </span>
          </div>
        ))}
      </div>

      <section className={styles.card}>
        <div className={styles.cardHead}>
          <h2 className={styles.cardTitle}>{t('totals.title')}</h2>
          <span className={styles.updated}>{t('totals.updated', { time: time(updatedAt, true) })}</span>
          <Button variant="ghost" onClick={onRefresh} disabled={isRefreshing} aria-label={t('totals.refresh')} data-testid="refresh-shift">
            <span className={isRefreshing ? styles.spinning : undefined} aria-hidden="true">
              ⟳
            </span>
          </Button>
        </div>
        <table className={styles.totals}>
          <thead>
            <tr>
              <th />
              {PAYMENT_METHODS.map((m) => (
                <th key={m}>{t(`methods.${m}`)}</th>
              ))}
              <th>{t('totals.total')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className={styles.floatRow}>
              <th scope="row">{t('totals.float')}</th>
              {PAYMENT_METHODS.map((m: PaymentMethod) => (
                <td key={m}>{m === 'cash' ? <Money value={shift.openingFloat} currency={currency} /> : '—'}</td>
              ))}
              <td>
                <Money value={shift.openingFloat} currency={currency} />
              </td>
            </tr>
            {ROWS.map((row) => (
              <tr key={row} className={row === 'expected' ? styles.expectedRow : undefined} data-testid={`totals-${row}`}>
                <th scope="row">{t(`totals.${row}`)}</th>
                {PAYMENT_METHODS.map((m) => (
                  <td key={m}>
                    <Amount value={shift.totals[m][row]} currency={currency} isRefund={row === 'refunds'} />
                  </td>
                ))}
                <td>
                  <Amount value={total(row)} currency={currency} isRefund={row === 'refunds'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Amount({ value, currency, isRefund }: { value: number; currency: string; isRefund: boolean }) {
  if (isRefund && value > 0) {
    return (
      <span className={styles.refund}>
        −<Money value={value} currency={currency} />
      </span>
    );
  }
  return <Money value={value} currency={currency} />;
}

function Fact({ label, value, hint, isName, testId }: { label: string; value: ReactNode; hint?: string; isName?: boolean; testId?: string }) {
  return (
    <div className={`${styles.fact} ${isName ? styles.factName : ''}`} title={isName && typeof value === 'string' ? value : undefined} data-testid={testId}>
      <span className={styles.factLabel}>{label}</span>
      <span className={styles.factValue}>{value}</span>
      {hint && <span className={styles.factHint}>{hint}</span>}
    </div>
  );
}
