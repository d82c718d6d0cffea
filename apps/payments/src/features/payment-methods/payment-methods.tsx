import type { Order, Payment } from '@pos/contracts';
import { formatMoney, useTranslation } from '@pos/i18n';
import { type HostProps, queryKeys, useBusEvent, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button, MoneyInput, Spinner } from '@pos/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { getOrderPaymentsQueryOptions, useOrderPayments } from '../../api/get-order-payments';
import { type PaymentTerminal, tabletTerminal } from '../../terminal';
import { type CancelSignal, type CardFlowState, type CardMode, captureHold, checkUnknownPayment, createCancelSignal, type FlowStep, releaseHold, runCardPayment } from './card-payment-flow';
import styles from './payment-methods.module.css';

/** What the shell's pay dialog gives the `payment.methods` slot. */
export interface PaymentMethodsContext {
  order: Order;
  checkIndex: number | null;
  /** Due now on the order (or the chosen check), without the tip. */
  amount: number;
  tip: number;
}

export interface PaymentMethodsProps extends HostProps {
  /** Tests pass a terminal; in the app it is the native bridge or the simulator. */
  terminal?: PaymentTerminal;
}

/** The slot's context as the pay dialog sends it (null when it does not look like one). */
function readContext(context: HostProps['context']): PaymentMethodsContext | null {
  const order = context?.order as Order | undefined;
  if (!order || typeof context?.amount !== 'number') return null;
  return { order, checkIndex: typeof context.checkIndex === 'number' ? context.checkIndex : null, amount: context.amount, tip: typeof context.tip === 'number' ? context.tip : 0 };
}

/** States after which a new card payment may be started. */
const CAN_START: ReadonlySet<CardFlowState['kind']> = new Set(['idle', 'failed', 'declined', 'held', 'cancelled', 'released']);

/**
 * Card payments in the pay dialog: tap to pay (SoftPOS: charge, hold, capture at once) and
 * deferred (hold now, capture later through the terminal), with the live status of the terminal
 * and the server, and Cancel while the terminal waits for the card.
 */
export function PaymentMethods({ context, terminal }: PaymentMethodsProps) {
  const { t, i18n } = useTranslation('payments');
  const host = useHost();
  const queryClient = useQueryClient();
  const isOffline = useConnectivity().state === 'offline';
  const [state, setState] = useState<CardFlowState>({ kind: 'idle' });
  const terminalRef = useRef<PaymentTerminal>(terminal ?? tabletTerminal());
  const [cancelSignal, setCancelSignal] = useState<CancelSignal | null>(null);
  const slot = readContext(context);
  // A hold already on the guest's card is captured or released below, never doubled by a new start.
  const payments = useQuery({ ...getOrderPaymentsQueryOptions(host.api, slot?.order.id ?? ''), enabled: slot !== null });
  const hasHold = (payments.data ?? []).some((p) => p.status === 'authorized');
  if (!slot) return null;
  const { order, checkIndex, amount, tip } = slot;
  const currency = host.session.venue.currency;
  const money = (v: number) => formatMoney(v, currency, i18n.language);

  const refreshOrder = async () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.payments(order.id) });
    const fresh = await host.api.order(order.id);
    queryClient.setQueryData(queryKeys.order(order.id), fresh);
  };

  const deps = { api: host.api, terminal: terminalRef.current, onStep: (step: FlowStep) => setState({ kind: 'busy', step }) };
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
  const check = async (unknown: Extract<CardFlowState, { kind: 'unknown' }>) => finish(await checkUnknownPayment(deps, unknown, { amount, tip }));
  const capture = async (payment: Payment, value: number) => finish(await captureHold(deps, payment, { amount: value, tip: 0, currency }));
  const release = async (payment: Payment) => finish(await releaseHold(deps, payment));

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
        {state.kind === 'failed' && <span className={styles.bad}>{state.problem ? t(`problem.${state.problem}`) : t('failed', { message: state.message })}</span>}
        {state.kind === 'unknown' && (
          <>
            <span className={styles.warn}>{t('unknown')}</span>
            <Button onClick={() => void check(state)} data-testid="payments-check-status">
              {t('checkStatus')}
            </Button>
          </>
        )}
      </div>
      {CAN_START.has(state.kind) && amount > 0 && !hasHold && (
        <div className={styles.actions}>
          <Button variant="primary" size="large" onClick={() => void start('now')} data-testid="payments-tap-to-pay">
            {t('tapToPayAmount', { amount: money(amount + tip) })}
          </Button>
          <Button size="large" onClick={() => void start('deferred')} title={t('deferredHint')} data-testid="payments-deferred">
            {t('deferred')}
          </Button>
        </div>
      )}
      <AuthorizedHolds order={order} money={money} isBusy={isBusy} onCapture={capture} onRelease={release} />
    </div>
  );
}

interface HoldActions {
  money(v: number): string;
  /** While another terminal operation runs, the holds wait. */
  isBusy: boolean;
  onCapture(payment: Payment, amount: number): Promise<unknown>;
  onRelease(payment: Payment): Promise<unknown>;
}

/** The order's authorized holds: capture (all or part) or release each, through the terminal. */
function AuthorizedHolds({ order, ...actions }: { order: Order } & HoldActions) {
  const { t } = useTranslation('payments');
  const queryClient = useQueryClient();
  const holds = useOrderPayments(order.id);
  useBusEvent('payment.status', (event) => {
    if (event.payment.orderId === order.id) void queryClient.invalidateQueries({ queryKey: queryKeys.payments(order.id) });
  });
  const authorized = (holds.data ?? []).filter((p) => p.status === 'authorized');
  if (authorized.length === 0) return null;
  return (
    <div className={styles.holds} data-testid="payments-holds">
      <div className={styles.title}>{t('holds')}</div>
      {authorized.map((p) => (
        <HoldRow key={p.id} payment={p} {...actions} />
      ))}
    </div>
  );
}

function HoldRow({ payment, money, isBusy, onCapture, onRelease }: { payment: Payment } & HoldActions) {
  const { t } = useTranslation('payments');
  const host = useHost();
  const held = payment.held ?? payment.amount;
  const [value, setValue] = useState<number | null>(Math.min(held, payment.amount));
  const isOver = value !== null && value > held;
  return (
    <div className={styles.hold} data-testid={`payments-hold-${payment.id}`}>
      <span>
        {t('heldAmount', { amount: money(held) })}
        {payment.maskedCard ? ` · ${payment.maskedCard}` : ''}
      </span>
      <MoneyInput value={value} onChange={setValue} currency={host.session.venue.currency} aria-label={t('captureAmount')} testId="payments-hold-amount" />
      <Button variant="primary" disabled={isBusy || value === null || value <= 0 || isOver} onClick={() => void onCapture(payment, value ?? 0)} data-testid="payments-hold-capture">
        {t('capture')}
      </Button>
      <Button disabled={isBusy} onClick={() => void onRelease(payment)} data-testid="payments-hold-release">
        {t('release')}
      </Button>
      {isOver && <span className={styles.bad}>{t('overHeld', { amount: money(held) })}</span>}
    </div>
  );
}
