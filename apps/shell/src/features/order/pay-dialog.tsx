import { ApiError } from '@pos/api-client';
import type { CreatePaymentInput, Order, PaymentMethod, PaymentResult, PaymentStatus } from '@pos/contracts';
import { formatMoney, problemText as serverProblemText } from '@pos/i18n';
import { Button, Dialog, DialogActions, Field, groupHintClass, Icon, MoneyInput, Notice, Segmented } from '@pos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
import { Slot } from '../../core/plugin-host/slot';
import pay from './pay-dialog.module.css';
import { PaymentReceipt } from './payment-receipt';
import { MethodLabel, MixedTenders } from './mixed-tenders';
import { type PayMode, planTenders, quickCash, TIP_PERCENTS, type TenderDraft, type TenderProblem, type TipChoice, tipAmount, tipCarrierId } from './tender-math';

export interface PayDialogProps {
  order: Order;
  currency: string;
  canCloseTable: boolean;
  onPay(input: Omit<CreatePaymentInput, 'orderId'>): Promise<PaymentResult | undefined>;
  onCloseTable(): void;
  onOpenShift(): void;
  onClose(): void;
}

type TipKey = 'none' | `${number}` | 'amount';

let draftSeq = 0;
const draft = (method: PaymentMethod, amount: number | null = null): TenderDraft => ({ id: `t${++draftSeq}`, method, amount, tendered: null });
const firstDueCheck = (order: Order) => order.checks.find((c) => c.due > 0)?.index ?? 0;

/**
 * Taking payment: pick the check of a split bill, a tip, then cash (with quick notes and the
 * change), card, or several tenders. After the payment: the change to hand back and the receipt.
 */
export function PayDialog({ order, currency, canCloseTable, onPay, onCloseTable, onOpenShift, onClose }: PayDialogProps) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const [checkIndex, setCheckIndex] = useState(() => firstDueCheck(order));
  const [mode, setMode] = useState<PayMode>('cash');
  const services = useServices();
  // Without the server only cash can be taken (it is queued); cards need the network.
  const isOffline = useSubject(services.connectivity$).state === 'offline';
  const cardBlock = useCardPaymentBlock(order.id);
  const cardInDoubt = cardBlock !== null;
  useEffect(() => {
    if (isOffline && mode !== 'cash') setMode('cash');
  }, [isOffline, mode]);
  const [tipKey, setTipKey] = useState<TipKey>('none');
  const [tipValue, setTipValue] = useState<number | null>(null);
  const [tendered, setTendered] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<TenderDraft[]>(() => [draft('card'), draft('cash')]);
  const [tipDraftId, setTipDraftId] = useState<string | null>(null);
  const [isPaying, setIsPaying] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [result, setResult] = useState<PaymentResult | null>(null);

  const check = order.split ? order.checks.find((c) => c.index === checkIndex) : undefined;
  const due = check ? check.due : order.due;
  const tipChoice: TipChoice = tipKey === 'none' ? { kind: 'none' } : tipKey === 'amount' ? { kind: 'amount', amount: tipValue } : { kind: 'percent', percent: Number(tipKey) };
  const tip = tipAmount(due, tipChoice);
  const plan = planTenders({ mode, due, tip, tendered, drafts, tipDraftId });
  const tipWhere = describeTipWhere(mode, drafts, tipDraftId, t);

  const submit = async () => {
    if (plan.problem || isPaying || cardInDoubt) return;
    setIsPaying(true);
    setError(null);
    try {
      const paid = await onPay({ ...(order.split ? { checkIndex } : {}), tenders: plan.tenders });
      if (paid) setResult(paid);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setIsPaying(false);
    }
  };

  const startNextCheck = () => {
    setResult(null);
    setCheckIndex(firstDueCheck(order));
    setTipKey('none');
    setTipValue(null);
    setTendered(null);
    setDrafts([draft('card'), draft('cash')]);
    setTipDraftId(null);
  };

  const title = t('pay.title', { table: order.tableLabel ? t('table', { label: order.tableLabel }) : t('orderNumber', { number: order.number }) });

  // Paid here (result), or meanwhile by a method a remote contributed (tap-to-pay): the same done view.
  const settledElsewhere = !result && order.status === 'paid' && order.due === 0;
  if (result || settledElsewhere) {
    const paidOrder = result?.order ?? order;
    const isSettled = paidOrder.due === 0;
    return (
      <Dialog
        title={title}
        onClose={onClose}
        closeLabel={t('common:close')}
        size="medium"
        footer={
          <>
            {!isSettled && order.split && (
              <Button size="large" onClick={startNextCheck} data-testid="pay-next-check">
                {t('pay.done.nextCheck')}
              </Button>
            )}
            {isSettled && paidOrder.tableId && canCloseTable && (
              <Button size="large" onClick={onCloseTable} data-testid="pay-close-table">
                {t('pay.done.closeTable')}
              </Button>
            )}
            <Button size="large" variant="primary" onClick={onClose} className={pay.finish} data-testid="pay-finish">
              {t('pay.done.finish')}
            </Button>
          </>
        }
      >
        <div className={pay.done} data-testid={result ? 'pay-result' : 'pay-settled'}>
          <div className={pay.doneHead}>
            <span className={pay.doneIcon}>
              <Icon name="check" size={34} />
            </span>
            <div>
              <div className={pay.doneTitle}>{t('pay.done.title')}</div>
              {!isSettled && (
                <div className={groupHintClass}>
                  {t('pay.done.remaining')}: <b>{money(paidOrder.due)}</b>
                </div>
              )}
            </div>
            {result && (
              <div className={`${pay.changeBox} ${result.change > 0 ? pay.changeBoxStrong : ''}`} data-testid="pay-change">
                <span>{result.change > 0 ? t('pay.done.change') : t('pay.done.noChange')}</span>
                {result.change > 0 && <b>{money(result.change)}</b>}
              </div>
            )}
          </div>
          {result && <PaymentReceipt receipt={result.receipt} payments={result.payments} />}
        </div>
      </Dialog>
    );
  }

  const problemText = plan.problem ? describeProblem(plan.problem, t, money) : null;

  return (
    <Dialog
      title={title}
      onClose={() => !isPaying && onClose()}
      closeLabel={t('common:close')}
      size="large"
      footer={
        <DialogActions
          hint={problemText && due > 0 && problemText}
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          onConfirm={() => void submit()}
          confirmLabel={isPaying ? t('pay.paying') : t('pay.submit', { amount: money(plan.toPay) })}
          isDisabled={plan.problem !== null || isPaying || cardInDoubt}
          confirmTestId="pay-submit"
        />
      }
    >
      <div className={pay.layout} data-testid="pay-dialog">
        <div className={pay.column}>
          {order.split && (
            <div>
              <div className={pay.checks}>
                {order.checks.map((c) => (
                  <button
                    key={c.index}
                    type="button"
                    role="radio"
                    aria-checked={c.index === checkIndex}
                    disabled={c.due === 0}
                    className={`${pay.checkButton} ${c.index === checkIndex ? pay.checkSelected : ''}`}
                    onClick={() => {
                      setCheckIndex(c.index);
                      setTendered(null);
                    }}
                    data-testid={`pay-check-${c.index + 1}`}
                  >
                    <span>{t('pay.check', { index: c.index + 1 })}</span>
                    <b>{c.due === 0 ? t('pay.checkPaid') : money(c.due)}</b>
                  </button>
                ))}
              </div>
            </div>
          )}
          <div className={pay.dueCard}>
            <span>{t('pay.dueNow')}</span>
            <b data-testid="pay-due">{money(due)}</b>
          </div>
          <Field label={t('pay.tip')}>
            <Segmented<TipKey>
              block
              options={[
                { value: 'none', label: t('pay.noTip'), testId: 'tip-none' },
                ...TIP_PERCENTS.map((p) => ({ value: `${p}` as TipKey, label: `${p}%`, testId: `tip-${p}` })),
                { value: 'amount', label: t('pay.otherTip'), testId: 'tip-amount' },
              ]}
              value={tipKey}
              onChange={setTipKey}
            />
            {tipKey === 'amount' && <MoneyInput value={tipValue} onChange={setTipValue} currency={currency} testId="tip-input" aria-label={t('pay.tip')} autoFocus />}
          </Field>
          <div className={pay.summary}>
            <div>
              <span>{t('pay.bill')}</span>
              <span>{money(due)}</span>
            </div>
            <div>
              <span>
                {t('pay.tip')}
                {/* Where the tip is paid, in words: on the card, in cash, or with which tender. */}
                {tip > 0 && tipWhere && (
                  <span className={pay.tipWhere} data-testid="pay-tip-where">
                    {' '}
                    · {tipWhere}
                  </span>
                )}
              </span>
              <span data-testid="pay-tip">{money(tip)}</span>
            </div>
            <div className={pay.summaryTotal}>
              <span>{t('pay.total')}</span>
              <span data-testid="pay-total">{money(plan.toPay)}</span>
            </div>
          </div>
          <Slot name="order.summary" context={{ order, place: 'payment', checkIndex: order.split ? checkIndex : null }} />
          {/* Beside the total, in view without scrolling: why the pay button is blocked. */}
          {cardBlock && (
            <Notice kind="error" testId={cardBlock === 'held' ? 'pay-card-held' : 'pay-card-in-doubt'}>
              {t(cardBlock === 'held' ? 'pay.cardHeld' : 'pay.cardInDoubt')}
            </Notice>
          )}
        </div>

        <div className={pay.column}>
          <Segmented<PayMode>
            block
            aria-label={t('pay.method')}
            options={[
              { value: 'cash', label: <MethodLabel icon="cash" text={t('pay.cash')} />, testId: 'pay-method-cash' },
              { value: 'card', label: <MethodLabel icon="card" text={t('pay.card')} />, testId: 'pay-method-card', disabled: isOffline },
              { value: 'mixed', label: t('pay.mixed'), testId: 'pay-method-mixed', disabled: isOffline },
            ]}
            value={mode}
            onChange={setMode}
          />
          {isOffline && (
            <Notice kind="neutral" testId="pay-needs-network">
              {t('pay.needsNetwork')}
            </Notice>
          )}

          {mode === 'cash' && (
            <Field label={t('pay.tendered')}>
              <MoneyInput value={tendered} onChange={setTendered} currency={currency} placeholder={money(plan.toPay)} testId="pay-tendered" aria-label={t('pay.tendered')} />
              <div className={pay.quick}>
                <button type="button" className={`${pay.quickButton} ${tendered === null ? pay.quickSelected : ''}`} onClick={() => setTendered(null)} data-testid="cash-exact">
                  {t('pay.exact')}
                </button>
                {quickCash(plan.toPay, currency).map(({ amount, isEnough }) => (
                  <button
                    key={amount}
                    type="button"
                    disabled={!isEnough}
                    className={`${pay.quickButton} ${tendered === amount ? pay.quickSelected : ''}`}
                    onClick={() => setTendered(amount)}
                    data-testid={`cash-${amount}`}
                  >
                    {money(amount)}
                  </button>
                ))}
              </div>
              <div className={`${pay.changeBox} ${plan.change > 0 ? pay.changeBoxStrong : ''}`} data-testid="pay-cash-change">
                <span>{t('pay.change')}</span>
                <b>{money(plan.change)}</b>
              </div>
            </Field>
          )}

          {mode === 'card' && (
            <div className={pay.cardHint}>
              <Icon name="card" size={40} />
              <b>{money(plan.toPay)}</b>
              <span>{t('pay.cardHint')}</span>
            </div>
          )}

          {mode === 'mixed' && (
            <MixedTenders
              drafts={drafts}
              onChange={setDrafts}
              due={due}
              tip={tip}
              tipDraftId={tipDraftId}
              onTipDraftChange={setTipDraftId}
              onAdd={() => setDrafts([...drafts, draft('card')])}
              currency={currency}
            />
          )}

          {/* payMode: the methods' own buttons step back where «Оплатить» is the one primary action (cash, mixed). */}
          <Slot
            name="payment.methods"
            context={{ order, checkIndex: order.split ? checkIndex : null, amount: due, tip, payMode: mode }}
            className={`${pay.slot} ${cardBlock ? pay.slotFirst : ''}`}
          />

          {error && (
            <Notice kind="error" testId="pay-error">
              {error instanceof ApiError && error.code === 'shift.not_open' ? (
                <div className={pay.errorRow}>
                  <span>{t('pay.noShift')}</span>
                  <Button onClick={onOpenShift}>{t('pay.openShift')}</Button>
                </div>
              ) : (
                serverProblemText(t, error)
              )}
            </Notice>
          )}
        </div>
      </div>
    </Dialog>
  );
}

/**
 * Why cash or card cannot be taken here now: a card payment of this order is under way or its
 * outcome is unknown (a terminal that timed out) — 'in-doubt' — or money is held on the guest's
 * card — 'held' — to be captured or released first. Either way, taking the money another way now
 * could charge the guest twice.
 */
function useCardPaymentBlock(orderId: string): 'in-doubt' | 'held' | null {
  const { api, bus } = useServices();
  const [statuses, setStatuses] = useState<Record<string, PaymentStatus>>({});
  useEffect(() => {
    let live = true;
    api.payments(orderId).then(
      (list) => live && setStatuses((current) => ({ ...Object.fromEntries(list.map((p) => [p.id, p.status])), ...current })),
      () => undefined, // offline: only cash is possible anyway
    );
    const sub = bus.on('payment.status').subscribe(({ payment }) => {
      if (payment.orderId === orderId) setStatuses((current) => ({ ...current, [payment.id]: payment.status }));
    });
    return () => {
      live = false;
      sub.unsubscribe();
    };
  }, [api, bus, orderId]);
  const all = Object.values(statuses);
  if (all.some((s) => s === 'created' || s === 'unknown')) return 'in-doubt';
  return all.includes('authorized') ? 'held' : null;
}

/** Where the tip is paid, for the summary: on the card, in cash, or with which of the mixed tenders. */
function describeTipWhere(mode: PayMode, drafts: readonly TenderDraft[], tipDraftId: string | null, t: (key: string, o?: Record<string, unknown>) => string): string | null {
  if (mode !== 'mixed') return t(`pay.tipWhere.${mode}`);
  const carrier = tipCarrierId(drafts, tipDraftId);
  const index = drafts.findIndex((d) => d.id === carrier);
  if (index < 0) return null;
  return t('pay.tipWhere.mixed', { index: index + 1, method: t(`pay.methods.${drafts[index].method}`) });
}

function describeProblem(problem: TenderProblem, t: (key: string, o?: Record<string, unknown>) => string, money: (v: number) => string): string {
  switch (problem.code) {
    case 'nothingDue':
      return t('pay.problems.nothingDue');
    case 'notEnoughCash':
      return t('pay.problems.notEnoughCash', { amount: money(problem.missing) });
    case 'mixedMismatch':
      return t('pay.problems.mixedMismatch');
    case 'cashShort':
      return t('pay.problems.cashShort', { index: problem.index + 1 });
  }
}
