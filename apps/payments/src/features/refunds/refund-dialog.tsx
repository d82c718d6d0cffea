import type { Order, Payment } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, type BadgeTone, Button, ChipGroup, Dialog, DialogActions, Field, FieldGroup, inputClass, MoneyField, Notice, Spinner } from '@pos/ui';
import { useLayoutEffect, useState } from 'react';
import { useOrderPayments } from '../../api/get-order-payments';
import { invalidateAfterRefund } from '../../api/refund-payment';
import type { PaymentTerminal } from '../../terminal';
import { type PendingRefunds, resumedState, usePendingRefunds } from './pending-refunds';
import { capturedOf, goesBackThroughTerminal, newRefundAttempt, type RefundAttempt, type RefundFlowState, refundableOf, runRefund, validateRefund } from './refund-flow';
import { printRefundSlip, RefundSlip } from './refund-slip';
import styles from './refunds.module.css';

const REASONS = ['cashierError', 'guestComplaint', 'notServed'] as const;

const STATUS_TONE: Partial<Record<Payment['status'], BadgeTone>> = { captured: 'success', partially_refunded: 'warning', refunded: 'neutral' };

export interface RefundDialogProps {
  order: Order;
  terminal: PaymentTerminal;
  pending: PendingRefunds;
  onClose(): void;
}

/**
 * Refund of one payment of the order: pick the payment, the amount (all that is refundable by
 * default) and a reason, confirm; card payments taken through our terminal go back through it
 * first. Ends with the refund slip.
 */
export function RefundDialog({ order, terminal, pending, onClose }: RefundDialogProps) {
  const { t, i18n } = useTranslation('payments');
  const host = useHost();
  const currency = host.session.venue.currency;
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const payments = useOrderPayments(order.id);
  const unfinished = usePendingRefunds(pending, true);
  const unfinishedOf = (paymentId: string) => unfinished.refunds?.[paymentId];
  // The payments are shown once this tablet's unfinished refunds are read too (or could not be).
  const loaded = unfinished.isRead ? payments.data : undefined;
  const listed = (loaded ?? []).filter((p) => capturedOf(p) > 0 || unfinishedOf(p.id));
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [isAmountEdited, setAmountEdited] = useState(false);
  const [reason, setReason] = useState('');
  /** null: the form; otherwise where the confirmed refund stands. */
  const [flow, setFlow] = useState<RefundFlowState | null>(null);
  const [checks, setChecks] = useState(0);
  const [isResumed, setResumed] = useState(false);

  const selected = listed.find((p) => p.id === selectedId);
  const refundable = selected ? refundableOf(selected) : 0;
  const value = isAmountEdited ? amount : refundable;
  const errors = validateRefund({ amount: value, reason, refundable });
  const isLocked = flow !== null && (flow.kind === 'busy' || flow.kind === 'unknown' || flow.kind === 'failed');
  const isBusy = flow?.kind === 'busy';

  const pick = (p: Payment) => {
    const stored = unfinishedOf(p.id);
    setSelectedId(p.id);
    setChecks(0);
    setResumed(Boolean(stored));
    if (stored) {
      // Resumed as it was left, after a reload too: same amount, reason and keys.
      setFlow(resumedState(stored));
      setAmount(stored.amount);
      setAmountEdited(true);
      setReason(stored.reason);
    } else {
      setFlow(null);
      setAmountEdited(false);
    }
  };

  // Opened on an order with one refundable payment (or an unfinished refund): it is chosen already,
  // before the list is first shown.
  useLayoutEffect(() => {
    if (selectedId !== null || !loaded) return;
    const resumable = loaded.find((p) => unfinishedOf(p.id));
    const refundables = loaded.filter((p) => refundableOf(p) > 0);
    const first = resumable ?? (refundables.length === 1 ? refundables[0] : undefined);
    if (first) pick(first);
  }, [loaded, selectedId]);

  const run = async (attempt: RefundAttempt, isCheck: boolean) => {
    // A cashier refunds with a supervisor's PIN typed here, before the terminal or the server is
    // asked; cancelled, nothing happens. Each run asks anew: an approval is single-use.
    let approval: string | undefined;
    if (!host.can('payments.refund')) {
      const approved = await host.requestApproval('payments.refund');
      if (!approved) return;
      approval = approved.token;
    }
    const next = await runRefund({ api: host.api, terminal, pending, onStep: (step) => setFlow({ kind: 'busy', step }), approval }, attempt, isCheck);
    setFlow(next);
    if (next.kind !== 'unknown' && next.kind !== 'failed') setResumed(false);
    if (isCheck && next.kind === 'unknown') setChecks((n) => n + 1);
    if (next.kind === 'done') void invalidateAfterRefund(host.queryClient, order.id);
  };
  const confirm = () => {
    if (!selected || value === null || errors.amount || errors.reason) return;
    setChecks(0);
    void run(newRefundAttempt(selected, value, reason, currency), false);
  };
  const close = () => {
    if (!isBusy) onClose();
  };

  if (flow?.kind === 'done') {
    return (
      <Dialog
        title={t('refund.receipt.title')}
        onClose={onClose}
        closeLabel={t('common:close')}
        footer={
          <>
            <Button size="large" onClick={printRefundSlip} data-testid="refund-print">
              {t('refund.receipt.print')}
            </Button>
            <Button variant="primary" size="large" onClick={onClose} data-testid="refund-done">
              {t('refund.receipt.done')}
            </Button>
          </>
        }
      >
        <RefundSlip receipt={flow.result.refundReceipt} />
      </Dialog>
    );
  }

  return (
    <Dialog title={t('refund.title', { number: order.number })} onClose={close} closeLabel={t('common:close')} footer={footer()}>
      <div className={styles.content} data-testid="refund-dialog">
        <FieldGroup title={t('refund.payments')}>
          {!loaded ? (
            payments.isError ? (
              <Notice kind="error">{t('refund.loadFailed', { message: problemText(t, payments.error) })}</Notice>
            ) : (
              <Spinner size={22} label={t('common:loading')} />
            )
          ) : listed.length === 0 ? (
            <Notice kind="neutral">{t('refund.noPayments')}</Notice>
          ) : (
            <div className={styles.payments} role="radiogroup" aria-label={t('refund.payments')}>
              {listed.map((p) => (
                <PaymentRow key={p.id} payment={p} isChosen={p.id === selectedId} isDisabled={isLocked || (refundableOf(p) === 0 && !unfinishedOf(p.id))} onPick={() => pick(p)} money={money} />
              ))}
            </div>
          )}
        </FieldGroup>
        {selected && (
          <>
            {/* Once confirmed, the refund's amount and reason are fixed until it ends: retries reuse its keys. */}
            <fieldset className={styles.fields} disabled={isLocked}>
              <div className={styles.amount}>
                <MoneyField
                  label={t('refund.amount')}
                  value={value}
                  onChange={(v) => {
                    setAmount(v);
                    setAmountEdited(true);
                  }}
                  currency={currency}
                  testId="refund-amount"
                  addon={
                    <Button onClick={() => setAmountEdited(false)} data-testid="refund-amount-all">
                      {t('refund.all', { amount: money(refundable) })}
                    </Button>
                  }
                  // A resumed refund keeps its amount, even when the payments show it recorded already.
                  error={
                    errors.amount &&
                    !isLocked &&
                    (value !== null || isAmountEdited) && (
                      <span data-testid="refund-amount-error">{errors.amount === 'amountOver' ? t('refund.amountOver', { amount: money(refundable) }) : t('refund.amountZero')}</span>
                    )
                  }
                />
                <MethodHint payment={selected} />
              </div>
              <Field label={t('refund.reason')} hint={errors.reason && t('refund.reasonRequired')}>
                {(control) => (
                  <>
                    <ChipGroup
                      chips={REASONS.map((key) => ({ key, label: t(`refund.reasons.${key}`), isOn: reason === t(`refund.reasons.${key}`), testId: `refund-reason-${key}` }))}
                      onToggle={(key) => setReason(t(`refund.reasons.${key}`))}
                    />
                    <input
                      {...control}
                      className={inputClass}
                      value={reason}
                      maxLength={200}
                      placeholder={t('refund.reasonPlaceholder')}
                      aria-label={t('refund.reason')}
                      aria-invalid={Boolean(errors.reason)}
                      onChange={(e) => setReason(e.target.value)}
                      data-testid="refund-reason"
                    />
                  </>
                )}
              </Field>
            </fieldset>
            {isResumed && <Notice kind="warning">{t('refund.resumed')}</Notice>}
            <FlowStatus flow={flow} checks={checks} />
          </>
        )}
      </div>
    </Dialog>
  );

  function footer() {
    if (flow?.kind === 'unknown' || flow?.kind === 'failed') {
      const isCheck = flow.kind === 'unknown';
      return (
        <DialogActions
          onCancel={close}
          cancelLabel={t('refund.later')}
          cancelTestId="refund-later"
          onConfirm={() => void run(flow.attempt, isCheck)}
          confirmLabel={isCheck ? t('refund.checkStatus') : t('refund.retry')}
          confirmTestId={isCheck ? 'refund-check-status' : 'refund-retry'}
        />
      );
    }
    return (
      <DialogActions
        onCancel={close}
        cancelLabel={t('common:cancel')}
        onConfirm={confirm}
        confirmLabel={t('refund.confirm', { amount: money(value !== null && !errors.amount ? value : refundable) })}
        tone="danger"
        isDisabled={!selected || Boolean(errors.amount || errors.reason)}
        isBusy={isBusy}
        confirmTestId="refund-confirm"
      />
    );
  }
}

/** Where the money goes: back to the card through our terminal, from the till, onto the same gift card or points account, or on the external terminal. */
function MethodHint({ payment }: { payment: Payment }) {
  const { t } = useTranslation('payments');
  const text = goesBackThroughTerminal(payment.method)
    ? payment.maskedCard
      ? t('refund.viaTerminal', { card: payment.maskedCard })
      : t('refund.viaTerminalNoCard')
    : payment.method === 'cash'
      ? t('refund.viaCash')
      : payment.method === 'giftcard'
        ? t('refund.viaGiftCard')
        : payment.method === 'points'
          ? t('refund.viaPoints')
          : t('refund.viaExternalCard');
  return <div className={styles.hint}>{text}</div>;
}

function PaymentRow({ payment, isChosen, isDisabled, onPick, money }: { payment: Payment; isChosen: boolean; isDisabled: boolean; onPick(): void; money(v: number): string }) {
  const { t } = useTranslation('payments');
  return (
    <button
      type="button"
      role="radio"
      aria-checked={isChosen}
      disabled={isDisabled}
      className={`${styles.payment} ${isChosen ? styles.paymentChosen : ''}`}
      onClick={onPick}
      data-testid={`refund-payment-${payment.id}`}
    >
      <span className={styles.method}>
        <span className={styles.methodName}>{t(`refund.method.${payment.method}`)}</span>
        <span className={styles.methodMeta}>
          {payment.maskedCard && <span>{payment.maskedCard}</span>}
          <Badge tone={STATUS_TONE[payment.status] ?? 'neutral'}>{t(`refund.status.${payment.status}`)}</Badge>
        </span>
      </span>
      <Figure label={t('refund.captured')} value={money(capturedOf(payment))} note={payment.tip > 0 ? t('refund.withTip', { tip: money(payment.tip) }) : undefined} />
      <Figure label={t('refund.refunded')} value={money(payment.refunded)} />
      <Figure label={t('refund.refundable')} value={money(refundableOf(payment))} testId={`refund-refundable-${payment.id}`} />
    </button>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <span className={styles.figure}>
      <span className={styles.figureLabel}>{label}</span>
      <span className={styles.figureValue} data-testid={testId}>
        {value}
      </span>
      {note && <span className={styles.figureNote}>{note}</span>}
    </span>
  );
}

/** Progress and outcome of the confirmed refund, in words the cashier can act on. */
function FlowStatus({ flow, checks }: { flow: RefundFlowState | null; checks: number }) {
  const { t } = useTranslation('payments');
  return (
    <div className={styles.status} data-testid="refund-status" data-state={flow?.kind ?? 'form'} aria-live="polite">
      {flow?.kind === 'busy' && <Spinner size={22} label={t(`refund.step.${flow.step}`)} />}
      {flow?.kind === 'declined' && <span className={styles.bad}>{flow.reason ? t('refund.declined', { reason: flow.reason }) : t('refund.declinedNoReason')}</span>}
      {flow?.kind === 'unknown' && <span className={styles.warn}>{checks > 0 ? t('refund.stillUnknown') : t('refund.unknown')}</span>}
      {flow?.kind === 'failed' && (
        <span className={styles.bad}>
          {t('refund.failed', { message: flow.code ? problemText(t, { code: flow.code }) : t('refund.noServerAnswer') })}
          {flow.attempt.terminalAnswer && <span className={styles.warn}> {t('refund.moneyAlreadyBack')}</span>}
        </span>
      )}
      {flow?.kind === 'refused' && <span className={styles.bad}>{t('refund.refused', { message: problemText(t, { code: flow.code }) })}</span>}
      {flow?.kind === 'notSaved' && <span className={styles.bad}>{t('refund.notSaved', { message: flow.message })}</span>}
      {flow?.kind === 'noReference' && <span className={styles.bad}>{t('refund.noReference')}</span>}
    </div>
  );
}
