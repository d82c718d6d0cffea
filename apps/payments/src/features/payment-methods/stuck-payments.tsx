import { canPayment, type Payment } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Button } from '@pos/ui';
import { useEffect, useRef, useState } from 'react';
import { newOperationKey } from '../../terminal';
import type { PendingCardOp } from './pending-card-ops';
import styles from './payment-methods.module.css';

/**
 * How long a `created` payment this tablet did not start may still be waiting for the card on
 * another tablet's terminal (a start times out well before): cancelling it on the server then
 * would leave that card charged and unrecorded, so the manual cancel waits this long.
 */
export const MAY_STILL_RUN_MS = 2 * 60_000;

type ManualAction = 'cancel' | 'approved' | 'declined';

export interface StuckPaymentsProps {
  /** The order's payments in `created` or `unknown` that no flow of this tablet is running. */
  payments: Payment[];
  /** This tablet's written-down operations by payment (null while being read). */
  ops: Readonly<Record<string, PendingCardOp>> | null;
  /** While a terminal operation runs, these wait: one at a time. */
  isBusy: boolean;
  money(v: number): string;
  onCheck(payment: Payment, op: PendingCardOp): Promise<unknown>;
  onCancel(payment: Payment, clientRequestId: string): Promise<unknown>;
  onReconcile(payment: Payment, outcome: 'approved' | 'declined', keys: { reconcile: string; capture: string }): Promise<unknown>;
}

/** How long ago, in the largest whole unit; null under a minute. */
export function ageOf(ms: number): { value: number; unit: 'minute' | 'hour' | 'day' } | null {
  const minutes = Math.floor(ms / 60_000);
  if (!(minutes >= 1)) return null;
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { value: hours, unit: 'hour' };
  return { value: Math.floor(hours / 24), unit: 'day' };
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * Card payments of the order left `created` or `unknown` — by a reload, a crashed tablet, another
 * tablet, or a cancel the server never heard — which block every other tender until settled.
 * With this tablet's keys: "check status" asks the terminal. Always: settle by hand what the
 * terminal's own journal shows, after a confirmation that says to look there first.
 */
export function StuckPayments({ payments, ops, isBusy, money, onCheck, onCancel, onReconcile }: StuckPaymentsProps) {
  const { t, i18n } = useTranslation('payments');
  const now = useNow(30_000);
  const [confirming, setConfirming] = useState<{ paymentId: string; action: ManualAction } | null>(null);
  // A manual step keeps its key for every retry on this screen: a lost answer is never recorded twice.
  const keys = useRef(new Map<string, string>());
  const keyOf = (paymentId: string, step: string) => {
    const name = `${paymentId}:${step}`;
    const known = keys.current.get(name);
    if (known) return known;
    const key = newOperationKey();
    keys.current.set(name, key);
    return key;
  };
  const agoText = (createdAt: string) => {
    const age = ageOf(now - Date.parse(createdAt));
    return age ? new Intl.RelativeTimeFormat(i18n.language, { style: 'short' }).format(-age.value, age.unit) : t('stuck.justNow');
  };
  const confirm = (payment: Payment, action: ManualAction) => {
    setConfirming(null);
    if (action === 'cancel') void onCancel(payment, keyOf(payment.id, 'cancel'));
    else void onReconcile(payment, action, { reconcile: keyOf(payment.id, `reconcile-${action}`), capture: keyOf(payment.id, 'capture') });
  };

  return (
    <div className={styles.stuck} data-testid="payments-stuck">
      <div className={styles.title}>{t('stuck.title')}</div>
      {payments.map((p) => {
        const op = ops?.[p.id];
        const canCheck = op !== undefined && (canPayment(p.status, 'hold') || canPayment(p.status, 'reconcile'));
        const canCancel = canPayment(p.status, 'cancel');
        const canReconcile = canPayment(p.status, 'reconcile');
        const mayStillRun = op === undefined && p.status === 'created' && now - Date.parse(p.createdAt) < MAY_STILL_RUN_MS;
        const asked = confirming?.paymentId === p.id ? confirming.action : null;
        return (
          <div key={p.id} className={styles.stuckRow} data-testid={`payments-stuck-${p.id}`} data-status={p.status}>
            <span>
              <b>{money(p.amount + p.tip)}</b> · {t(`method.${p.method}`)} · {agoText(p.createdAt)} · <span className={styles.warn}>{t(`stuck.status.${p.status}`)}</span>
            </span>
            {asked ? (
              <div className={styles.confirm} role="alert">
                <span>{t(`stuck.confirm.${asked}`)}</span>
                <Button variant={asked === 'approved' ? 'primary' : 'danger'} disabled={isBusy} onClick={() => confirm(p, asked)} data-testid="payments-stuck-confirm">
                  {t(`stuck.do.${asked}`)}
                </Button>
                <Button onClick={() => setConfirming(null)} data-testid="payments-stuck-back">
                  {t('stuck.back')}
                </Button>
              </div>
            ) : (
              <div className={styles.actions}>
                {canCheck && (
                  <Button variant="primary" disabled={isBusy} onClick={() => void onCheck(p, op)} data-testid="payments-stuck-check">
                    {t('checkStatus')}
                  </Button>
                )}
                {canCancel && (
                  <Button disabled={isBusy || mayStillRun} onClick={() => setConfirming({ paymentId: p.id, action: 'cancel' })} data-testid="payments-stuck-cancel">
                    {t('stuck.cancel')}
                  </Button>
                )}
                {canReconcile && (
                  <>
                    <Button disabled={isBusy} onClick={() => setConfirming({ paymentId: p.id, action: 'approved' })} data-testid="payments-stuck-approved">
                      {t('stuck.approved')}
                    </Button>
                    <Button disabled={isBusy} onClick={() => setConfirming({ paymentId: p.id, action: 'declined' })} data-testid="payments-stuck-declined">
                      {t('stuck.declined')}
                    </Button>
                  </>
                )}
              </div>
            )}
            {mayStillRun && !asked && <span className={styles.note}>{t('stuck.mayStillRun')}</span>}
          </div>
        );
      })}
    </div>
  );
}
