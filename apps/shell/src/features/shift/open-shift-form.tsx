import { Button } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import { MoneyField, MoneyKeypad } from './money-keypad';
import styles from './shift-screen.module.css';
import { parseAmount, pressKey } from './shift-rules';
import { shiftFailureMessage } from './shift-errors';
import { useOpenShift } from './use-shift';

/** No shift yet: the cashier counts the float in the drawer and opens one. */
export function OpenShiftForm({ currency }: { currency: string }) {
  const { t, i18n } = useTranslation('shift');
  const { bus } = useServices();
  const open = useOpenShift();
  const [text, setText] = useState('');
  const amount = parseAmount(text, currency);

  const submit = () => {
    if (amount === null) return;
    open.mutate(amount, { onError: (error) => bus.emit('notification.toast', { kind: 'error', message: shiftFailureMessage(t, error) }) });
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
      <MoneyField label={t('noShift.float')} value={text} currency={currency} isActive onChange={setText} onActivate={() => undefined} testId="opening-float" autoFocus />
      <MoneyKeypad onKey={(key, separator) => setText((v) => pressKey(v, key, separator))} disabled={open.isPending} />
      <Button type="submit" variant="primary" size="large" block disabled={amount === null || open.isPending} data-testid="open-shift">
        {open.isPending ? t('noShift.opening') : t('noShift.open')}
      </Button>
    </form>
  );
}

function currencySymbol(currency: string, language: string): string {
  const parts = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ru-RU', { style: 'currency', currency }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? currency;
}
