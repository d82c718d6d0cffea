import type { CashMovementKind } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button, Spinner } from '@pos/ui';
import { useState } from 'react';
import { useCashMovements } from '../../api/cash-movements';
import { clockOf } from '../../model/cash-movement';
import { CashDialog } from './cash-dialog';
import styles from './cash-panel.module.css';

/**
 * "Касса: внесения и изъятия" on the shift screen (slot `shift.panel`, under the totals while a
 * shift is open): paid in / paid out buttons for staff with `shifts.cash` (needs the network),
 * the shift's movements with who recorded them, and what they add up to.
 */
export function CashPanel({ context }: SlotProps<'shift.panel'>) {
  const host = useHost();
  const canView = host.can('shifts.view');
  const canRecord = host.can('shifts.cash');
  if (!canView && !canRecord) return null;
  return <Panel shiftId={context.shift.id} totals={context.shift.cashMovements} canView={canView} canRecord={canRecord} />;
}

interface PanelProps {
  shiftId: string;
  totals: { paidIn: number; paidOut: number };
  canView: boolean;
  canRecord: boolean;
}

function Panel({ shiftId, totals, canView, canRecord }: PanelProps) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const { currency, timezone } = host.session.venue;
  const isOffline = useConnectivity().state === 'offline';
  const movements = useCashMovements(shiftId, canView);
  const [dialog, setDialog] = useState<CashMovementKind | null>(null);
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);

  return (
    <section className={styles.card} aria-labelledby="shift-cash-title" data-testid="shift-cash-panel">
      <div className={styles.head}>
        <h2 id="shift-cash-title" className={styles.title}>
          {t('cash.title')}
        </h2>
        {canRecord && (
          <div className={styles.actions}>
            {isOffline && (
              <span className={styles.needsNetwork} data-testid="shift-cash-offline">
                {t('cash.needsNetwork')}
              </span>
            )}
            <Button size="large" disabled={isOffline} onClick={() => setDialog('paid_in')} data-testid="shift-cash-paid-in">
              {t('cash.paidIn')}
            </Button>
            <Button size="large" disabled={isOffline} onClick={() => setDialog('paid_out')} data-testid="shift-cash-paid-out">
              {t('cash.paidOut')}
            </Button>
          </div>
        )}
      </div>
      <p className={styles.totals} data-testid="shift-cash-totals">
        <span>{t('cash.totalIn', { amount: money(totals.paidIn) })}</span>
        <span>{t('cash.totalOut', { amount: money(totals.paidOut) })}</span>
      </p>
      {canView &&
        (movements.data ? (
          movements.data.length === 0 ? (
            <p className={styles.muted} data-testid="shift-cash-empty">
              {t('cash.empty')}
            </p>
          ) : (
            <ul className={styles.list} aria-label={t('cash.list')} data-testid="shift-cash-list">
              {movements.data.map((m) => (
                <li key={m.id} className={styles.row} data-testid="shift-cash-row">
                  <span className={styles.time}>{clockOf(m.createdAt, timezone, i18n.language)}</span>
                  <span className={styles.kind}>{t(`cash.kinds.${m.kind}`)}</span>
                  <span className={`${styles.amount} ${m.kind === 'paid_out' ? styles.out : styles.in}`} data-testid="shift-cash-row-amount">
                    {m.kind === 'paid_out' ? '\u2212' : '+'}
                    {money(m.amount)}
                  </span>
                  <span className={styles.reason}>{m.reason}</span>
                  <span className={styles.who}>{m.staffName}</span>
                </li>
              ))}
            </ul>
          )
        ) : movements.error ? (
          <p className={styles.muted} role="alert">
            {t('cash.failed', { message: problemText(t, movements.error) })}
          </p>
        ) : (
          <p className={styles.muted}>
            <Spinner size={18} /> {t('cash.loading')}
          </p>
        ))}
      {dialog && <CashDialog key={dialog} shiftId={shiftId} kind={dialog} isOffline={isOffline} onClose={() => setDialog(null)} />}
    </section>
  );
}
