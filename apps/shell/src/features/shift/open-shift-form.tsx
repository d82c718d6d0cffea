import { ApiError, newRequestId } from '@pos/api-client';
import { Button } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import { MoneyField, MoneyKeypad } from './money-keypad';
import styles from './shift-screen.module.css';
import { defaultTillId, parseAmount, pressKey } from './shift-rules';
import { shiftFailureMessage } from './shift-errors';
import { TillPicker } from './till-picker';
import { useOpenShift, useTills } from './use-shift';

/**
 * No shift yet: the cashier picks the till (when the venue has tills), counts the float in the
 * drawer and opens one. Without tills — or when they cannot be loaded (offline) — the shift opens
 * on the server's default: the tablet's till, or the cashier's own drawer.
 */
export function OpenShiftForm({ currency, timezone }: { currency: string; timezone: string }) {
  const { t, i18n } = useTranslation('shift');
  const { bus } = useServices();
  const open = useOpenShift();
  const tills = useTills();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string | null>(null);
  // One request id until the server has answered: tapping again after a lost answer opens one
  // shift, not two; after a refusal (the till was taken) the next try is a new command.
  const [requestId, setRequestId] = useState(newRequestId);
  const amount = parseAmount(text, currency);

  const list = tills.data?.tills ?? [];
  const hasTills = list.length > 0;
  // What was picked while it is still free; else the default (the tablet's till, or the first free one).
  const pickedFree = list.some((till) => till.id === picked && !till.openShift) ? picked : null;
  const tillId = hasTills ? (pickedFree ?? defaultTillId(list, tills.data?.deviceTillId ?? null)) : null;
  const isEveryTillTaken = hasTills && tillId === null;

  const submit = () => {
    if (amount === null || isEveryTillTaken) return;
    open.mutate(
      { openingFloat: amount, ...(tillId ? { tillId } : {}), clientRequestId: requestId },
      {
        onError: (error) => {
          if (!(error instanceof ApiError && error.status === 0)) setRequestId(newRequestId());
          bus.emit('notification.toast', { kind: 'error', message: shiftFailureMessage(t, error) });
        },
      },
    );
  };

  return (
    <form
      className={styles.openCard}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="open-shift-form"
    >
      <div className={styles.openHead}>
        <span className={styles.currencyIcon} aria-hidden="true">
          {currencySymbol(currency, i18n.language)}
        </span>
        <div>
          <h1 className={styles.title}>{t('noShift.title')}</h1>
          <p className={styles.hint}>{t('noShift.hint')}</p>
        </div>
      </div>
      {hasTills && <TillPicker tills={list} deviceTillId={tills.data?.deviceTillId ?? null} value={tillId} onChange={setPicked} timezone={timezone} disabled={open.isPending} />}
      {isEveryTillTaken && (
        <p className={styles.tillsTaken} role="status" data-testid="tills-taken">
          {t('noShift.allTillsTaken')}
        </p>
      )}
      <MoneyField label={t('noShift.float')} value={text} currency={currency} isActive onChange={setText} onActivate={() => undefined} testId="opening-float" autoFocus />
      <MoneyKeypad onKey={(key, separator) => setText((v) => pressKey(v, key, separator))} disabled={open.isPending} />
      <Button type="submit" variant="primary" size="large" block disabled={amount === null || isEveryTillTaken || open.isPending} data-testid="open-shift">
        {open.isPending ? t('noShift.opening') : t('noShift.open')}
      </Button>
    </form>
  );
}

function currencySymbol(currency: string, language: string): string {
  const parts = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}
