import { ChipGroup, Field, inputClass } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
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
    <Field label={label}>
      {(control) => (
        <>
          <input {...control} className={inputClass} value={value} maxLength={200} placeholder={t('modifiers.notePlaceholder')} onChange={(e) => onChange(e.target.value)} data-testid="note-input" />
          <ChipGroup
            chips={NOTE_CHIPS.map((key) => ({ key, label: t(`noteChips.${key}`), isOn: hasNotePart(value, t(`noteChips.${key}`, { lng: venueLanguage })) }))}
            onToggle={(key) => onChange(toggleNotePart(value, t(`noteChips.${key}`, { lng: venueLanguage })))}
          />
        </>
      )}
    </Field>
  );
}
