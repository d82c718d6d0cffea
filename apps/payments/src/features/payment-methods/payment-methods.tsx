import type { Payment } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { queryKeys, type SlotProps, useBusEvent, useCan, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button, MoneyInput, Spinner } from '@pos/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { getOrderPaymentsQueryOptions } from '../../api/get-order-payments';
import { type PaymentTerminal, tabletTerminal } from '../../terminal';
import {
  type CancelSignal,
  cancelByHand,
  type CardFlowState,
  type CardMode,
  captureHold,
  captureTakenSale,
  createCancelSignal,
  type FlowDeps,
  type FlowStep,
  reconcileByHand,
  releaseHold,
  resumeCardOp,
  runCardPayment,
} from './card-payment-flow';
import { isSettled, type PendingCardOp, type PendingCardOps, tabletCardOps, usePendingCardOps } from './pending-card-ops';
import styles from './payment-methods.module.css';
import { StuckPayments } from './stuck-payments';

export interface PaymentMethodsProps extends SlotProps<'payment.methods'> {
  /** Tests pass a terminal; in the app it is the native bridge or the simulator. */
  terminal?: PaymentTerminal;
  /** Tests pass a fresh list (a "reloaded page"); in the app it is the tablet's, in the host storage. */
  pendingOps?: PendingCardOps;
}

/** States after which a new card payment may be started. */
const CAN_START: ReadonlySet<CardFlowState['kind']> = new Set(['idle', 'failed', 'declined', 'held', 'cancelled', 'released']);

/** A card payment under way or with an unknown outcome: no second card payment may start meanwhile. */
const isInDoubt = (p: Payment) => p.status === 'created' || p.status === 'unknown';

/**
 * Card payments in the pay dialog: tap to pay (SoftPOS: charge, hold, capture at once) and
 * deferred (hold now, capture later through the terminal), with the live status of the terminal
 * and the server, and Cancel while the terminal waits for the card. Payments of the order left
 * unfinished (a reload, a crash, another tablet) are listed to be checked or settled by hand.
 */
export function PaymentMethods({ context, terminal, pendingOps }: PaymentMethodsProps) {
  const { t, i18n } = useTranslation('payments');
  const host = useHost();
  const queryClient = useQueryClient();
  const isOffline = useConnectivity().state === 'offline';
  const canTake = useCan('payments.take');
  const [state, setState] = useState<CardFlowState>({ kind: 'idle' });
  const terminalRef = useRef<PaymentTerminal>(terminal ?? tabletTerminal());
  const opsRef = useRef<PendingCardOps>(pendingOps ?? tabletCardOps(host.storage));
  const [cancelSignal, setCancelSignal] = useState<CancelSignal | null>(null);
  const { order, checkIndex, amount, tip, payMode } = context;
  const pending = usePendingCardOps(opsRef.current, !isOffline);
  const orderId = order.id;
  // Holds and unfinished payments of the order are settled below, never doubled by a new start.
  const payments = useQuery(getOrderPaymentsQueryOptions(host.api, orderId));
  useBusEvent('payment.status', (event) => {
    if (event.payment.orderId === orderId) void queryClient.invalidateQueries({ queryKey: queryKeys.payments(orderId) });
  });
  useForgetSettledOps(opsRef.current, pending.ops, pending.running, payments.data, payments.dataUpdatedAt, orderId);
  const isTapToPayPrimary = payMode === undefined || payMode === 'card';
  const currency = host.session.venue.currency;
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const list = payments.data ?? [];
  const hasHold = list.some((p) => p.status === 'authorized');
  const ownPaymentId = state.kind === 'unknown' ? state.payment.id : null;
  const stuck = list.filter((p) => isInDoubt(p) && !pending.running.has(p.id) && p.id !== ownPaymentId);

  const refreshOrder = async () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments(order.id) });
    const fresh = await host.api.order(order.id);
    queryClient.setQueryData(queryKeys.order(order.id), fresh);
  };

  const deps: FlowDeps = { api: host.api, terminal: terminalRef.current, ops: opsRef.current, onStep: (step: FlowStep) => setState({ kind: 'busy', step }) };
  const finish = async (next: CardFlowState) => {
    setCancelSignal(null);
    setState(next);
    if (next.kind === 'paid' || next.kind === 'held') await refreshOrder().catch(() => undefined);
    else void queryClient.invalidateQueries({ queryKey: queryKeys.payments(order.id) });
  };
  const start = async (mode: CardMode) => {
    const signal = createCancelSignal();
    setCancelSignal(signal);
    await finish(await runCardPayment(deps, { order, checkIndex, amount, tip, currency, mode }, signal));
  };
  const resume = async (payment: Payment, op: PendingCardOp) => finish(await resumeCardOp(deps, op, payment));
  // A tap-to-pay sale left authorized was charged already: it is only recorded, never captured on the terminal.
  const capture = async (payment: Payment, value: number) =>
    finish(payment.method === 'softpos' ? await captureTakenSale(deps, payment) : await captureHold(deps, payment, { amount: value, tip: 0, currency }));
  const release = async (payment: Payment) => finish(await releaseHold(deps, payment));
  const cancelStuck = async (payment: Payment, clientRequestId: string) => finish(await cancelByHand(deps, payment, clientRequestId));
  const reconcileStuck = async (payment: Payment, outcome: 'approved' | 'declined', keys: { reconcile: string; capture: string }) =>
    finish(await reconcileByHand(deps, payment, outcome, keys));

  if (isOffline) {
    return (
      <div className={styles.block} data-testid="payments-offline">
        {t('needsNetwork')}
      </div>
    );
  }

  const isBusy = state.kind === 'busy';
  return (
    <div className={styles.block} data-testid="payments-methods">
      <div className={styles.title}>{t('title')}</div>
      <div className={styles.status} data-testid="payments-status" data-state={state.kind} aria-live="polite">
        {isBusy && <Spinner size={22} label={t(`step.${state.step}`)} />}
        {isBusy && state.step === 'terminal' && cancelSignal && (
          <Button variant="danger" onClick={() => cancelSignal.cancel()} data-testid="payments-cancel">
            {t('cancel')}
          </Button>
        )}
        {state.kind === 'paid' && <span className={styles.ok}>{state.payment.maskedCard ? t('paidCard', { card: state.payment.maskedCard }) : t('paid')}</span>}
        {state.kind === 'held' && <span className={styles.ok}>{t('held')}</span>}
        {state.kind === 'cancelled' && <span className={styles.warn}>{t('cancelled')}</span>}
        {state.kind === 'released' && <span className={styles.ok}>{t('released')}</span>}
        {state.kind === 'declined' && <span className={styles.bad}>{state.reason ? t('declined', { reason: state.reason }) : t('declinedNoReason')}</span>}
        {state.kind === 'failed' && <span className={styles.bad}>{state.problem ? t(`problem.${state.problem}`) : t('failed', { message: problemText(t, { code: state.code }) })}</span>}
        {state.kind === 'unknown' && (
          <>
            <span className={styles.warn}>{state.isStill ? t('stillUnknown') : t('unknown')}</span>
            <Button onClick={() => void resume(state.payment, state.op)} data-testid="payments-check-status">
              {t('checkStatus')}
            </Button>
          </>
        )}
      </div>
      {CAN_START.has(state.kind) && amount > 0 && !hasHold && !list.some(isInDoubt) && (
        <div className={styles.actions}>
          <Button variant={isTapToPayPrimary ? 'primary' : 'default'} size="large" onClick={() => void start('now')} data-testid="payments-tap-to-pay" data-primary={isTapToPayPrimary}>
            {t('tapToPayAmount', { amount: money(amount + tip) })}
          </Button>
          <Button size="large" onClick={() => void start('deferred')} title={t('deferredHint')} data-testid="payments-deferred">
            {t('deferred')}
          </Button>
        </div>
      )}
      {canTake && stuck.length > 0 && (
        <StuckPayments payments={stuck} ops={pending.ops} isBusy={isBusy} money={money} onCheck={resume} onCancel={cancelStuck} onReconcile={reconcileStuck} />
      )}
      <AuthorizedHolds
        payments={list}
        ops={pending.ops}
        running={pending.running}
        money={money}
        isBusy={isBusy}
        onCapture={capture}
        onRelease={release}
        onCheck={resume}
      />
    </div>
  );
}

/**
 * Forgets written-down operations of the order whose payment has moved on (captured, failed,
 * cancelled… as the server lists it, fetched after the operation began): a flow that ended while
 * its answer was lost, or a payment settled from another tablet, leaves nothing behind.
 */
function useForgetSettledOps(
  store: PendingCardOps,
  ops: Readonly<Record<string, PendingCardOp>> | null,
  running: ReadonlySet<string>,
  payments: Payment[] | undefined,
  fetchedAt: number,
  orderId: string,
) {
  useEffect(() => {
    if (!ops || !payments) return;
    for (const op of Object.values(ops)) {
      if (op.orderId !== orderId || running.has(op.paymentId) || fetchedAt <= Date.parse(op.startedAt)) continue;
      const payment = payments.find((p) => p.id === op.paymentId);
      if (payment && isSettled(op, payment.status)) void store.forget(op.paymentId).catch(() => undefined);
    }
  }, [store, ops, running, payments, fetchedAt, orderId]);
}

interface HoldActions {
  money(v: number): string;
  /** While another terminal operation runs, the holds wait. */
  isBusy: boolean;
  onCapture(payment: Payment, amount: number): Promise<unknown>;
  onRelease(payment: Payment): Promise<unknown>;
  /** Carries on a capture of the hold left unfinished (its answer never recorded). */
  onCheck(payment: Payment, op: PendingCardOp): Promise<unknown>;
}

interface HoldsProps extends HoldActions {
  payments: Payment[];
  ops: Readonly<Record<string, PendingCardOp>> | null;
  running: ReadonlySet<string>;
}

/** The order's authorized holds: capture (all or part) or release each, through the terminal. */
function AuthorizedHolds({ payments, ops, running, isBusy, ...actions }: HoldsProps) {
  const { t } = useTranslation('payments');
  const authorized = payments.filter((p) => p.status === 'authorized');
  if (authorized.length === 0) return null;
  return (
    <div className={styles.holds} data-testid="payments-holds">
      <div className={styles.title}>{t('holds')}</div>
      {authorized.map((p) => {
        const op = ops?.[p.id];
        return <HoldRow key={p.id} payment={p} unfinishedCapture={op?.operation === 'capture' ? op : undefined} isBusy={isBusy || running.has(p.id)} {...actions} />;
      })}
    </div>
  );
}

function HoldRow({ payment, unfinishedCapture, money, isBusy, onCapture, onRelease, onCheck }: { payment: Payment; unfinishedCapture?: PendingCardOp } & HoldActions) {
  const { t } = useTranslation('payments');
  const host = useHost();
  const held = payment.held;
  const [value, setValue] = useState<number | null>(Math.min(held, payment.amount));
  const isOver = value !== null && value > held;
  // A tap-to-pay sale took its amount already: it is recorded as it was charged, not edited.
  const isSale = payment.method === 'softpos';
  if (unfinishedCapture) {
    return (
      <div className={styles.hold} data-testid={`payments-hold-${payment.id}`}>
        <span>
          {t('heldAmount', { amount: money(held) })} · <span className={styles.warn}>{t('captureUnfinished', { amount: money(unfinishedCapture.amount + unfinishedCapture.tip) })}</span>
        </span>
        <Button variant="primary" disabled={isBusy} onClick={() => void onCheck(payment, unfinishedCapture)} data-testid="payments-hold-check">
          {t('checkStatus')}
        </Button>
      </div>
    );
  }
  return (
    <div className={styles.hold} data-testid={`payments-hold-${payment.id}`}>
      <span>
        {t('heldAmount', { amount: money(held) })}
        {payment.maskedCard ? ` · ${payment.maskedCard}` : ''}
      </span>
      {!isSale && <MoneyInput value={value} onChange={setValue} currency={host.session.venue.currency} aria-label={t('captureAmount')} testId="payments-hold-amount" />}
      <Button variant="primary" disabled={isBusy || (!isSale && (value === null || value <= 0 || isOver))} onClick={() => void onCapture(payment, value ?? 0)} data-testid="payments-hold-capture">
        {t('capture')}
      </Button>
      <Button disabled={isBusy} onClick={() => void onRelease(payment)} data-testid="payments-hold-release">
        {t('release')}
      </Button>
      {!isSale && isOver && <span className={styles.bad}>{t('overHeld', { amount: money(held) })}</span>}
    </div>
  );
}
