import { Button, CountPicker, Dialog } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './dialogs.module.css';

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
        <>
          <Button size="large" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button size="large" variant="primary" disabled={guests === initial} onClick={() => onSave(guests)} className={styles.footerButton} data-testid="guests-save">
            {t('guestsDialog.save')}
          </Button>
        </>
      }
    >
      <div className={styles.body}>
        <CountPicker value={guests} onChange={setGuests} testId="guests-edit" labels={{ decrease: t('guestsDialog.fewer'), increase: t('guestsDialog.more') }} />
      </div>
    </Dialog>
  );
}
