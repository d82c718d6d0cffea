import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
import styles from './dialogs.module.css';
import { hasNotePart, NOTE_CHIPS, toggleNotePart } from './note-chips';

/**
 * A kitchen note: free text plus one-tap chips for the usual requests. The note is venue data the
 * cook reads: a chip writes its text in the venue's language, whatever language this waiter's
 * screen is in (the chip's label is in the waiter's).
 */
export function NoteField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation('order');
  const venueLanguage = useSubject(useServices().session$)?.venue.locale.slice(0, 2) ?? 'ru';
  return (
    <div className={styles.field}>
      <span className={styles.label}>{label}</span>
      <input className={styles.textInput} value={value} maxLength={200} placeholder={t('modifiers.notePlaceholder')} onChange={(e) => onChange(e.target.value)} data-testid="note-input" />
      <div className={styles.chips}>
        {NOTE_CHIPS.map((key) => {
          const text = t(`noteChips.${key}`, { lng: venueLanguage });
          const isOn = hasNotePart(value, text);
          return (
            <button key={key} type="button" aria-pressed={isOn} className={`${styles.chip} ${isOn ? styles.chipSelected : ''}`} onClick={() => onChange(toggleNotePart(value, text))}>
              {t(`noteChips.${key}`)}
            </button>
          );
        })}
      </div>
    </div>
  );
}
