import type { PaymentMethod } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, Field, Icon, MoneyInput, Segmented } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import pay from './pay-dialog.module.css';
import { mixedRemaining, type TenderDraft, tipCarrierId } from './tender-math';

export const MAX_TENDERS = 6;

export interface MixedTendersProps {
  drafts: TenderDraft[];
  onChange(drafts: TenderDraft[]): void;
  /** Due on the bill (or the chosen check), without the tip. */
  due: number;
  tip: number;
  /** The row the cashier chose for the tip (null: the default, the first card). */
  tipDraftId: string | null;
  onTipDraftChange(id: string): void;
  onAdd(): void;
  currency: string;
}

/**
 * Several tenders for one bill: each row a method and an amount, labelled, with room to type; the
 * tenders add up to the bill, and the tip goes on top of the one the cashier picks — said on that
 * row and in the picker below, never added to a card silently.
 */
export function MixedTenders({ drafts, onChange, due, tip, tipDraftId, onTipDraftChange, onAdd, currency }: MixedTendersProps) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const remaining = mixedRemaining(due, drafts);
  const carrierId = tipCarrierId(drafts, tipDraftId);
  const update = (id: string, patch: Partial<TenderDraft>) => onChange(drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)));
  const rowOf = (id: string) => drafts.findIndex((d) => d.id === id) + 1;
  const filled = drafts.filter((d) => (d.amount ?? 0) > 0);
  return (
    <div className={pay.mixed} data-testid="pay-mixed">
      {drafts.map((d, i) => {
        const carriesTip = tip > 0 && d.id === carrierId;
        return (
          <div key={d.id} className={`${pay.tender} ${carriesTip ? pay.tenderWithTip : ''}`} data-testid={`tender-${i + 1}`} data-method={d.method}>
            <div className={pay.tenderHead}>
              <b>{t('pay.tenderN', { index: i + 1 })}</b>
              {drafts.length > 1 && (
                <Button variant="ghost" className={pay.tenderRemove} onClick={() => onChange(drafts.filter((x) => x.id !== d.id))} data-testid={`tender-${i + 1}-remove`}>
                  <Icon name="close" size={18} />
                  {t('pay.remove')}
                </Button>
              )}
            </div>
            <div className={pay.tenderFields}>
              <Field label={t('pay.method')}>
                <Segmented<PaymentMethod>
                  aria-label={t('pay.tenderMethod', { index: i + 1 })}
                  options={[
                    { value: 'card', label: <MethodLabel icon="card" text={t('pay.card')} />, testId: `tender-${i + 1}-card` },
                    { value: 'cash', label: <MethodLabel icon="cash" text={t('pay.cash')} />, testId: `tender-${i + 1}-cash` },
                  ]}
                  value={d.method}
                  onChange={(method) => update(d.id, { method, tendered: null })}
                />
              </Field>
              <Field label={t('pay.amount')} className={pay.tenderAmount}>
                {(control) => (
                  <MoneyInput id={control.id} value={d.amount} onChange={(amount) => update(d.id, { amount })} currency={currency} testId={`tender-${i + 1}-amount`} aria-label={t('pay.tenderAmount', { index: i + 1 })} />
                )}
              </Field>
              {remaining > 0 && (
                <Button className={pay.tenderRest} onClick={() => update(d.id, { amount: (d.amount ?? 0) + remaining })} data-testid={`tender-${i + 1}-rest`}>
                  = {money(remaining)}
                </Button>
              )}
            </div>
            {carriesTip && (
              <div className={pay.tenderTip} data-testid={`tender-${i + 1}-tip`}>
                <Icon name="plus" size={16} />
                {t('pay.tipOnTender', { tip: money(tip), total: money((d.amount ?? 0) + tip) })}
              </div>
            )}
          </div>
        );
      })}
      <div className={pay.mixedFoot}>
        <Button disabled={drafts.length >= MAX_TENDERS} onClick={onAdd} data-testid="tender-add">
          <Icon name="plus" />
          {t('pay.mixedAdd')}
        </Button>
        <span className={`${pay.remaining} ${remaining === 0 ? pay.remainingDone : ''}`}>
          {remaining >= 0 ? t('pay.mixedRemaining') : t('pay.mixedOver')}: <b>{money(Math.abs(remaining))}</b>
        </span>
      </div>
      {tip > 0 && filled.length > 1 && carrierId && (
        <Field label={t('pay.tipGoesWith', { tip: money(tip) })} testId="pay-tip-carrier">
          <Segmented<string>
            block
            aria-label={t('pay.tipGoesWith', { tip: money(tip) })}
            options={filled.map((d) => ({
              value: d.id,
              label: <MethodLabel icon={d.method} text={t('pay.tenderN', { index: rowOf(d.id) })} />,
              testId: `tip-on-${rowOf(d.id)}`,
            }))}
            value={carrierId}
            onChange={onTipDraftChange}
          />
        </Field>
      )}
    </div>
  );
}

export function MethodLabel({ icon, text }: { icon: PaymentMethod; text: string }) {
  return (
    <>
      <Icon name={icon} />
      {text}
    </>
  );
}
