import { type Approval, type OrderLine, standingQuantity } from '@pos/contracts';
import { Button, Dialog, QuantityStepper } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
import styles from './dialogs.module.css';
import { firedPortionsInVoid } from './order-lines';

const REASONS = ['mistake', 'changedMind', 'tooLong', 'quality'] as const;
/** The API wants a reason of at least this many characters. */
export const MIN_REASON = 3;

export interface VoidDialogProps {
  line: OrderLine;
  initialQuantity: number;
  canVoidFired: boolean;
  /** `approval`: a supervisor's, for this void only, when the waiter may not void fired portions. */
  onVoid(quantity: number, reason?: string, approval?: Approval): void;
  onClose(): void;
}

/**
 * Voiding portions. What the kitchen has not seen goes without questions; fired portions need a
 * reason and the orders.void permission — without it a supervisor approves this one void inline
 * with their PIN on this tablet (which needs the network).
 */
export function VoidDialog({ line, initialQuantity, canVoidFired, onVoid, onClose }: VoidDialogProps) {
  const { t } = useTranslation('order');
  const { host, connectivity$ } = useServices();
  const isOffline = useSubject(connectivity$).state === 'offline';
  const standing = standingQuantity(line);
  const [quantity, setQuantity] = useState(Math.min(Math.max(1, initialQuantity), standing));
  const [reason, setReason] = useState('');
  const [isAsking, setAsking] = useState(false);
  const fired = firedPortionsInVoid(line, quantity);
  const needsReason = fired > 0;
  const needsSupervisor = needsReason && !canVoidFired;
  const isReasonOk = !needsReason || reason.trim().length >= MIN_REASON;
  const reasonToSend = needsReason || reason.trim() ? reason.trim() : undefined;

  const askSupervisor = async () => {
    setAsking(true);
    const approval = await host().requestApproval('orders.void');
    setAsking(false);
    if (approval) onVoid(quantity, reasonToSend, approval);
  };

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
          {needsSupervisor ? (
            <Button
              size="large"
              variant="danger"
              disabled={!isReasonOk || isOffline || isAsking}
              onClick={() => void askSupervisor()}
              className={styles.footerButton}
              data-testid="void-request-approval"
            >
              {t('void.askSupervisor')}
            </Button>
          ) : (
            <Button
              size="large"
              variant="danger"
              disabled={!isReasonOk}
              onClick={() => onVoid(quantity, reasonToSend)}
              className={styles.footerButton}
              data-testid="void-submit"
            >
              {t('void.submit', { count: quantity })}
            </Button>
          )}
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
        {needsReason ? (
          <>
            {needsSupervisor ? (
              <div className={`${styles.notice} ${isOffline ? styles.noticeDanger : styles.noticeWarning}`} data-testid="void-needs-supervisor">
                {isOffline ? t('void.supervisorOffline') : t('void.supervisor')}
              </div>
            ) : (
              <div className={`${styles.notice} ${styles.noticeWarning}`}>{t('void.fired', { count: fired })}</div>
            )}
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
