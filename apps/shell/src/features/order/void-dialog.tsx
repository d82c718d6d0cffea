import { type Approval, type OrderLine, standingQuantity } from '@pos/contracts';
import { ChipGroup, Dialog, DialogActions, Field, inputClass, Notice, QuantityStepper } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
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
      size="small"
      testId="void-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          tone="danger"
          {...(needsSupervisor
            ? { onConfirm: () => void askSupervisor(), confirmLabel: t('void.askSupervisor'), isDisabled: !isReasonOk || isOffline || isAsking, confirmTestId: 'void-request-approval' }
            : { onConfirm: () => onVoid(quantity, reasonToSend), confirmLabel: t('void.submit', { count: quantity }), isDisabled: !isReasonOk, confirmTestId: 'void-submit' })}
        />
      }
    >
      <Field label={t('void.quantity')}>
        <div>
          <QuantityStepper value={quantity} min={1} max={standing} onChange={setQuantity} size="large" testId="void-quantity" />
        </div>
      </Field>
      {needsReason ? (
        <>
          {needsSupervisor ? (
            <Notice kind={isOffline ? 'error' : 'warning'} testId="void-needs-supervisor">
              {isOffline ? t('void.supervisorOffline') : t('void.supervisor')}
            </Notice>
          ) : (
            <Notice kind="warning">{t('void.fired', { count: fired })}</Notice>
          )}
          <Field label={t('void.reasonRequired')} isMissing={!isReasonOk}>
            {(control) => (
              <>
                <ChipGroup chips={REASONS.map((key) => ({ key, label: t(`void.reasons.${key}`), isOn: reason === t(`void.reasons.${key}`) }))} onToggle={(key) => setReason(t(`void.reasons.${key}`))} />
                <input {...control} className={inputClass} value={reason} maxLength={200} placeholder={t('void.reasonPlaceholder')} onChange={(e) => setReason(e.target.value)} data-testid="void-reason" />
              </>
            )}
          </Field>
        </>
      ) : (
        <Notice kind="info">{t('void.free')}</Notice>
      )}
    </Dialog>
  );
}
