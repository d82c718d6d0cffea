import { CountPicker, Dialog, DialogActions } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Changing the guest count of an open order. */
export function GuestsDialog({ guests: initial, onSave, onClose }: { guests: number; onSave(guests: number): void; onClose(): void }) {
  const { t } = useTranslation('order');
  const [guests, setGuests] = useState(initial);
  return (
    <Dialog
      title={t('guestsDialog.title')}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          onConfirm={() => onSave(guests)}
          confirmLabel={t('guestsDialog.save')}
          isDisabled={guests === initial}
          confirmTestId="guests-save"
        />
      }
    >
      <CountPicker value={guests} onChange={setGuests} testId="guests-edit" labels={{ decrease: t('guestsDialog.fewer'), increase: t('guestsDialog.more') }} />
    </Dialog>
  );
}
