import { equalShares, type Order, type Split, standingQuantity, unitTotal } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, Dialog, DialogActions, Field, groupHintClass, Icon, Notice, QuantityStepper, Segmented, Tabs } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import split from './split-dialog.module.css';
import { assignPortion, type LinePlan, planFromSplit, planToSplit, unassigned } from './split-plan';

const PARTS = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const MAX_CHECKS = 10;

export interface SplitDialogProps {
  order: Order;
  currency: string;
  onSplit(split: Split | null): void;
  onClose(): void;
}

/** Splitting the bill: equally into 2–10 parts, or by putting portions of lines on checks. */
export function SplitDialog({ order, currency, onSplit, onClose }: SplitDialogProps) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const [mode, setMode] = useState<Split['mode']>(order.split?.mode ?? 'equal');
  const [parts, setParts] = useState(order.split?.mode === 'equal' ? order.split.parts : 2);
  const [plan, setPlan] = useState<LinePlan>(() => planFromSplit(order.split));
  const [active, setActive] = useState(0);
  const lines = order.lines.filter((l) => standingQuantity(l) > 0);
  const hasPayments = order.paid > 0;

  const checkAmount = (check: LinePlan[number]) => lines.reduce((s, l) => s + unitTotal(l) * (check[l.id] ?? 0), 0);
  const leftOver = order.total - plan.reduce((s, c) => s + checkAmount(c), 0);
  const bySplit: Split | null = mode === 'equal' ? { mode: 'equal', parts } : planToSplit(plan);

  return (
    <Dialog
      title={t('split.title')}
      onClose={onClose}
      closeLabel={t('common:close')}
      size="medium"
      testId="split-dialog"
      footer={
        <DialogActions
          extra={
            order.split && (
              <Button size="large" variant="ghost" disabled={hasPayments} onClick={() => onSplit(null)} className={split.remove} data-testid="split-remove">
                {t('split.remove')}
              </Button>
            )
          }
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          onConfirm={() => bySplit && onSplit(bySplit)}
          confirmLabel={t('split.submit')}
          isDisabled={hasPayments || bySplit === null}
          confirmTestId="split-submit"
        />
      }
    >
      {hasPayments && <Notice kind="warning">{t('split.hasPayments')}</Notice>}
      <Segmented
        block
        options={[
          { value: 'equal', label: t('split.equal'), testId: 'split-mode-equal' },
          { value: 'lines', label: t('split.byLines'), testId: 'split-mode-lines' },
        ]}
        value={mode}
        onChange={(m) => setMode(m)}
      />

      {mode === 'equal' ? (
        <>
          <Field label={t('split.parts')}>
            <div className={split.parts}>
              {PARTS.map((n) => (
                <button key={n} type="button" role="radio" aria-checked={n === parts} className={`${split.part} ${n === parts ? split.partSelected : ''}`} onClick={() => setParts(n)} data-testid={`split-parts-${n}`}>
                  {n}
                </button>
              ))}
            </div>
          </Field>
          <div className={split.preview}>
            {equalShares(order.total, parts).map((amount, i) => (
              <div key={i} className={split.previewCheck}>
                <span>{t('split.check', { index: i + 1 })}</span>
                <b>{money(amount)}</b>
              </div>
            ))}
          </div>
        </>
      ) : lines.length === 0 ? (
        <Notice kind="neutral">{t('split.empty')}</Notice>
      ) : (
        <>
          <div className={split.checkBar}>
            <Tabs
              items={plan.map((c, i) => ({ id: String(i), label: t('split.check', { index: i + 1 }), badge: money(checkAmount(c)), testId: `split-check-${i + 1}` }))}
              value={String(active)}
              onChange={(id) => setActive(Number(id))}
              className={split.checkTabs}
            />
            <Button
              disabled={plan.length >= MAX_CHECKS}
              onClick={() => {
                setPlan((p) => [...p, {}]);
                setActive(plan.length);
              }}
              data-testid="split-add-check"
            >
              <Icon name="plus" />
              {t('split.addCheck')}
            </Button>
          </div>
          <ul className={split.lines}>
            {lines.map((line) => {
              const onCheck = plan[active]?.[line.id] ?? 0;
              const free = unassigned(plan, line);
              return (
                <li key={line.id} className={`${split.line} ${onCheck > 0 ? split.lineOn : ''}`} data-testid={`split-line-${line.name}`}>
                  <div className={split.lineInfo}>
                    <span className={split.lineName}>
                      {standingQuantity(line)}× {line.name}
                    </span>
                    <span className={groupHintClass}>
                      {money(unitTotal(line))} · {t('split.left', { count: free })}
                    </span>
                  </div>
                  <QuantityStepper value={onCheck} min={0} max={onCheck + free} onChange={(next) => setPlan((p) => assignPortion(p, active, line, next - onCheck))} testId={`split-qty-${line.name}`} />
                </li>
              );
            })}
          </ul>
          {leftOver > 0 && (
            <Notice kind="info">
              {t('split.remainder')}: <b>{money(leftOver)}</b> — {t('split.remainderHint')}
            </Notice>
          )}
        </>
      )}
    </Dialog>
  );
}
