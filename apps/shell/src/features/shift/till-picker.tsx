import type { Till } from '@pos/contracts';
import { useTranslation } from 'react-i18next';
import styles from './shift-screen.module.css';

export interface TillPickerProps {
  tills: readonly Till[];
  /** The till this tablet is attached to (Admin → Devices), marked in its button. */
  deviceTillId: string | null;
  value: string | null;
  onChange(tillId: string): void;
  timezone: string;
  disabled?: boolean;
}

/**
 * Which till (cash drawer) the shift opens on: one big button per till, like a segmented control.
 * A till someone's shift already holds says whose since when and cannot be picked — the server
 * keeps one open shift per till.
 */
export function TillPicker({ tills, deviceTillId, value, onChange, timezone, disabled }: TillPickerProps) {
  const { t, i18n } = useTranslation('shift');
  const clock = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timezone });
  return (
    <div className={styles.tillField}>
      <span id="till-picker-label" className={styles.tillLabel}>
        {t('noShift.till')}
      </span>
      <div role="radiogroup" aria-labelledby="till-picker-label" className={styles.tills} data-testid="till-picker">
        {tills.map((till) => {
          const isBusy = till.openShift !== null;
          const isChosen = till.id === value;
          const note = till.openShift
            ? t('noShift.tillBusy', { name: till.openShift.cashierName, time: clock.format(new Date(till.openShift.openedAt)) })
            : till.id === deviceTillId
              ? t('noShift.thisTablet')
              : t('noShift.tillFree');
          return (
            <button
              key={till.id}
              type="button"
              role="radio"
              aria-checked={isChosen}
              disabled={disabled || isBusy}
              className={`${styles.till} ${isChosen ? styles.tillChosen : ''} ${isBusy ? styles.tillBusy : ''}`}
              onClick={() => onChange(till.id)}
              data-testid={`till-option-${till.id}`}
            >
              <span className={styles.tillName}>{till.name}</span>
              <span className={styles.tillNote}>{note}</span>
            </button>
          );
        })}
      </div>
    </div>
  );
}
