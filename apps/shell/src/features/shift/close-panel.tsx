import { queryKeys } from '@pos/api-client';
import type { ClosedShift, Shift } from '@pos/contracts';
import { Button, Money, RowButton } from '@pos/ui';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../core/router';
import { useServices } from '../../core/services-context';
import { MoneyField, MoneyKeypad } from './money-keypad';
import { shiftFailureMessage } from './shift-errors';
import styles from './shift-screen.module.css';
import { parseAmount, pressKey } from './shift-rules';
import { type CloseShiftVariables, openCheckIds, useCloseShift } from './use-shift';

type Field = 'cash' | 'card';
const MIN_REASON = 3;

export interface ClosePanelProps {
  shift: Shift;
  currency: string;
  onClosed(shift: ClosedShift): void;
}

/**
 * Closing: counted cash and card in, the differences out. Open checks stop it; a supervisor
 * (shifts.close.override) may close over them with a reason, which the server audits — or
 * approve a cashier's close inline with their PIN (audited with both names).
 */
export function ClosePanel({ shift, currency, onClosed }: ClosePanelProps) {
  const { t } = useTranslation('shift');
  const { bus, host } = useServices();
  const close = useCloseShift();
  const [texts, setTexts] = useState<Record<Field, string>>({ cash: '', card: '' });
  const [active, setActive] = useState<Field>('cash');
  const [openChecks, setOpenChecks] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const cash = parseAmount(texts.cash, currency);
  const card = parseAmount(texts.card, currency);
  // Someone else's shift (a colleague's on this tablet's till): only shifts.close-others closes it, with a reason.
  const isOthers = shift.cashierId !== host().session.staff.id;
  const isComplete = cash !== null && card !== null && (!isOthers || reason.trim().length >= MIN_REASON);

  if (isOthers && !host().can('shifts.close-others')) {
    return (
      <section className={`${styles.card} ${styles.closeCard}`} data-testid="close-not-yours">
        <h2 className={styles.cardTitle}>{t('close.title')}</h2>
        <p className={styles.hint}>{t('close.notYours', { name: shift.cashierName })}</p>
      </section>
    );
  }

  const submit = (override?: CloseShiftVariables['override']) => {
    if (cash === null || card === null) return;
    close.mutate(
      { shiftId: shift.id, counted: { cash, card }, override, ...(isOthers ? { reason: reason.trim() } : {}) },
      {
        onSuccess: onClosed,
        onError: (error) => {
          const ids = openCheckIds(error);
          if (ids) setOpenChecks(ids);
          else bus.emit('notification.toast', { kind: 'error', message: shiftFailureMessage(t, error) });
        },
      },
    );
  };

  if (openChecks) {
    return (
      <section className={`${styles.card} ${styles.closeCard}`} data-testid="open-checks">
        <OpenChecks ids={openChecks} currency={currency} isBusy={close.isPending} onBack={() => setOpenChecks(null)} onForce={(override) => submit(override)} />
      </section>
    );
  }

  return (
    <form
      className={`${styles.card} ${styles.closeCard}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="close-shift-form"
    >
      <h2 className={styles.cardTitle}>{t('close.title')}</h2>
      <div className={styles.fields}>
        <MoneyField label={t('close.countedCash')} value={texts.cash} currency={currency} isActive={active === 'cash'} onActivate={() => setActive('cash')} onChange={(v) => setTexts((s) => ({ ...s, cash: v }))} testId="counted-cash" />
        <MoneyField label={t('close.countedCard')} value={texts.card} currency={currency} isActive={active === 'card'} onActivate={() => setActive('card')} onChange={(v) => setTexts((s) => ({ ...s, card: v }))} testId="counted-card" />
      </div>
      <MoneyKeypad onKey={(key, separator) => setTexts((s) => ({ ...s, [active]: pressKey(s[active], key, separator) }))} disabled={close.isPending} />
      {isOthers && (
        <>
          <label className={styles.reasonLabel} htmlFor="shift-close-others-reason">
            {t('close.othersReason', { name: shift.cashierName })}
          </label>
          <textarea id="shift-close-others-reason" className={styles.reason} rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="close-others-reason" />
        </>
      )}
      <Button type="submit" variant="danger" size="large" block disabled={!isComplete || close.isPending} data-testid="close-shift">
        {close.isPending ? t('close.closing') : t('close.submit')}
      </Button>
    </form>
  );
}

interface OpenChecksProps {
  ids: string[];
  currency: string;
  isBusy: boolean;
  onBack(): void;
  onForce(override: NonNullable<CloseShiftVariables['override']>): void;
}

function OpenChecks({ ids, currency, isBusy, onBack, onForce }: OpenChecksProps) {
  const { t } = useTranslation('shift');
  const { api, host } = useServices();
  const canOverride = host().can('shifts.close.override');
  const [reason, setReason] = useState('');
  const orders = useQueries({ queries: ids.map((id) => ({ queryKey: queryKeys.order(id), queryFn: () => api.order(id) })) });
  const isReasonValid = reason.trim().length >= MIN_REASON;
  const presets = t('override.presets', { returnObjects: true }) as string[];
  const [isAsking, setAsking] = useState(false);

  const askSupervisor = async () => {
    setAsking(true);
    const approval = await host().requestApproval('shifts.close.override');
    setAsking(false);
    if (approval) onForce({ reason: reason.trim(), approval: approval.token });
  };

  return (
    <>
      <div className={styles.blocked}>
        <span className={styles.blockedIcon} aria-hidden="true">
          !
        </span>
        <div>
          <h2 className={styles.cardTitle}>{t('openChecks.title', { count: ids.length })}</h2>
          <p className={styles.hint}>{t('openChecks.text')}</p>
        </div>
      </div>
      <ul className={styles.checkList}>
        {ids.map((id, i) => {
          const order = orders[i]?.data;
          return (
            <li key={id}>
              <RowButton
                lead={order ? t('openChecks.number', { number: order.number }) : '…'}
                detail={order ? [order.tableLabel !== null ? t('openChecks.table', { label: order.tableLabel }) : t('openChecks.takeaway'), order.waiterName].join(' · ') : ''}
                amount={order && <Money value={order.due} currency={currency} />}
                onClick={() => navigate(`/order/${id}`)}
                testId={`open-check-${order?.number ?? id}`}
              />
            </li>
          );
        })}
      </ul>

      <div className={styles.override}>
        {!canOverride && <p className={styles.askSupervisor}>{t('openChecks.askSupervisor')}</p>}
        <label className={styles.reasonLabel} htmlFor="shift-override-reason">
          {t('override.reason')}
        </label>
        <div className={styles.presets}>
          {presets.map((p) => (
            <button key={p} type="button" className={`${styles.preset} ${reason === p ? styles.presetActive : ''}`} onClick={() => setReason(p)}>
              {p}
            </button>
          ))}
        </div>
        <textarea
          id="shift-override-reason"
          className={styles.reason}
          rows={2}
          maxLength={200}
          value={reason}
          placeholder={t('override.placeholder')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="override-reason"
        />
        <div className={styles.overrideActions}>
          <Button size="large" onClick={onBack}>
            {t('common:back')}
          </Button>
          {canOverride ? (
            <Button variant="danger" size="large" disabled={!isReasonValid || isBusy} onClick={() => onForce({ reason: reason.trim() })} data-testid="close-anyway">
              {t('override.submit')}
            </Button>
          ) : (
            <Button variant="danger" size="large" disabled={!isReasonValid || isBusy || isAsking} onClick={() => void askSupervisor()} data-testid="close-anyway-approval">
              {t('override.askSupervisor')}
            </Button>
          )}
        </div>
      </div>
    </>
  );
}
