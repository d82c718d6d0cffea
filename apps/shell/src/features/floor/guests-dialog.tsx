import type { Table } from '@pos/contracts';
import { CountPicker, Dialog, DialogActions, Notice } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './floor-screen.module.css';

export interface GuestsDialogProps {
  table: Table;
  busy: boolean;
  onSeat(guests: number): void;
  onClose(): void;
}

/** "How many guests?" before a free table opens: one tap for 1–8, − / + for a bigger party. */
export function GuestsDialog({ table, busy, onSeat, onClose }: GuestsDialogProps) {
  const { t } = useTranslation('floor');
  const [guests, setGuests] = useState(Math.min(2, Math.max(1, table.seats)));
  return (
    <Dialog
      title={t('seat.title', { label: table.label })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          onConfirm={() => onSeat(guests)}
          confirmLabel={busy ? t('opening') : t('seat.submit', { guests: t('guests', { count: guests }) })}
          isDisabled={busy}
          confirmTestId="seat-confirm"
        />
      }
    >
      <div className={styles.seatBody} data-testid="guests-dialog">
        <CountPicker value={guests} onChange={setGuests} testId="guests" labels={{ decrease: t('seat.fewer'), increase: t('seat.more') }} />
        {table.status === 'reserved' && <Notice kind="warning">{t('seat.reserved')}</Notice>}
        {guests > table.seats && <Notice kind="info">{t('seat.seats', { count: table.seats })}</Notice>}
      </div>
    </Dialog>
  );
}
