import { useTranslation } from 'react-i18next';
import styles from './dialogs.module.css';
import { hasNotePart, NOTE_CHIPS, toggleNotePart } from './note-chips';

/** A kitchen note: free text plus one-tap chips for the usual requests. */
export function NoteField({ label, value, onChange }: { label: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation('order');
  return (
    <div className={styles.field}>
      <span className={styles.label}>{label}</span>
      <input className={styles.textInput} value={value} maxLength={200} placeholder={t('modifiers.notePlaceholder')} onChange={(e) => onChange(e.target.value)} data-testid="note-input" />
      <div className={styles.chips}>
        {NOTE_CHIPS.map((key) => {
          const text = t(`noteChips.${key}`);
          const isOn = hasNotePart(value, text);
          return (
            <button key={key} type="button" aria-pressed={isOn} className={`${styles.chip} ${isOn ? styles.chipSelected : ''}`} onClick={() => onChange(toggleNotePart(value, text))}>
              {text}
            </button>
          );
        })}
      </div>
    </div>
  );
}
