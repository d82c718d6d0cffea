import { type OrderLine, standingQuantity } from '@pos/contracts';
import { Button, Dialog, QuantityStepper } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './dialogs.module.css';
import { firedPortionsInVoid } from './order-lines';

const REASONS = ['mistake', 'changedMind', 'tooLong', 'quality'] as const;
/** The API wants a reason of at least this many characters. */
export const MIN_REASON = 3;

export interface VoidDialogProps {
  line: OrderLine;
  initialQuantity: number;
  canVoidFired: boolean;
  onVoid(quantity: number, reason?: string): void;
  onClose(): void;
}

/**
 * Voiding portions. What the kitchen has not seen goes without questions; fired portions need a
 * reason and the orders.void permission, otherwise the waiter is told to call a supervisor.
 */
export function VoidDialog({ line, initialQuantity, canVoidFired, onVoid, onClose }: VoidDialogProps) {
  const { t } = useTranslation('order');
  const standing = standingQuantity(line);
  const [quantity, setQuantity] = useState(Math.min(Math.max(1, initialQuantity), standing));
  const [reason, setReason] = useState('');
  const fired = firedPortionsInVoid(line, quantity);
  const needsReason = fired > 0;
  const needsSupervisor = needsReason && !canVoidFired;
  const isReasonOk = !needsReason || reason.trim().length >= MIN_REASON;

  return (
    <Dialog
      title={t('void.title', { name: line.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <>
          <Button size="large" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button
            size="large"
            variant="danger"
            disabled={needsSupervisor || !isReasonOk}
            onClick={() => onVoid(quantity, needsReason || reason.trim() ? reason.trim() : undefined)}
            className={styles.footerButton}
            data-testid="void-submit"
          >
            {t('void.submit', { count: quantity })}
          </Button>
        </>
      }
    >
      <div className={`${styles.body} ${styles.w560}`} data-testid="void-dialog">
        <div className={styles.field}>
          <span className={styles.label}>{t('void.quantity')}</span>
          <div>
            <QuantityStepper value={quantity} min={1} max={standing} onChange={setQuantity} size="large" testId="void-quantity" />
          </div>
        </div>
        {needsSupervisor ? (
          <div className={`${styles.notice} ${styles.noticeDanger}`} data-testid="void-needs-supervisor">
            {t('void.supervisor')}
          </div>
        ) : needsReason ? (
          <>
            <div className={`${styles.notice} ${styles.noticeWarning}`}>{t('void.fired', { count: fired })}</div>
            <div className={styles.field}>
              <span className={`${styles.label} ${!isReasonOk ? styles.sectionHintMissing : ''}`}>{t('void.reasonRequired')}</span>
              <div className={styles.chips}>
                {REASONS.map((key) => {
                  const text = t(`void.reasons.${key}`);
                  return (
                    <button key={key} type="button" aria-pressed={reason === text} className={`${styles.chip} ${reason === text ? styles.chipSelected : ''}`} onClick={() => setReason(text)}>
                      {text}
                    </button>
                  );
                })}
              </div>
              <input className={styles.textInput} value={reason} maxLength={200} placeholder={t('void.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
            </div>
          </>
        ) : (
          <div className={`${styles.notice} ${styles.noticeInfo}`}>{t('void.free')}</div>
        )}
      </div>
    </Dialog>
  );
}
