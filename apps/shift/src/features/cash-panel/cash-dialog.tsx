import type { CashMovementKind } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Dialog, DialogActions, MoneyField, Notice, TextField } from '@pos/ui';
import { useId, useState } from 'react';
import { useRecordCashMovement } from '../../api/cash-movements';
import { AMOUNT_FIELD, type CashDraft, cashShortOf, emptyDraft, fieldErrorsOf, inputOf, newRequestId, REASON_FIELD } from '../../model/cash-movement';
import styles from './cash-panel.module.css';

export interface CashDialogProps {
  shiftId: string;
  kind: CashMovementKind;
  isOffline: boolean;
  onClose(): void;
}

/**
 * Cash paid in or out: the amount and the reason. One request id per dialog, so a retry after a
 * lost answer is recorded once; the API's refusals are shown at their fields, a paid-out above
 * the drawer's cash as a message with what it should hold.
 */
export function CashDialog({ shiftId, kind, isOffline, onClose }: CashDialogProps) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const currency = host.session.venue.currency;
  const formId = useId();
  const [requestId] = useState(newRequestId);
  const [draft, setDraft] = useState<CashDraft>(() => emptyDraft(kind));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const record = useRecordCashMovement(shiftId);
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const close = () => {
    if (!record.isPending) onClose();
  };

  const onSubmit = () => {
    if (record.isPending || isOffline) return;
    setFailure(null);
    record.mutate(inputOf(draft, requestId), {
      onSuccess: (movement) => {
        host.notify('success', t(`cash.recorded.${movement.kind}`, { amount: money(movement.amount) }));
        onClose();
      },
      onError: (e) => {
        const fields = fieldErrorsOf(e);
        setErrors(fields);
        const available = cashShortOf(e);
        setFailure(available !== null ? t('cash.dialog.short', { amount: money(available) }) : fields.size > 0 ? t('cash.dialog.invalid') : t('cash.dialog.failed', { message: problemText(t, e) }));
      },
    });
  };

  return (
    <Dialog
      title={t(`cash.dialog.${kind}`)}
      onClose={close}
      closeLabel={t('cash.dialog.close')}
      size="small"
      testId="shift-cash-dialog"
      footer={
        <DialogActions
          onCancel={close}
          cancelLabel={t('cash.dialog.cancel')}
          form={formId}
          confirmLabel={t(`cash.dialog.confirm.${kind}`)}
          isDisabled={isOffline}
          isBusy={record.isPending}
          hint={isOffline ? t('cash.needsNetwork') : undefined}
          confirmTestId="shift-cash-confirm"
          cancelTestId="shift-cash-cancel"
        />
      }
    >
      <form
        id={formId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        className={styles.form}
      >
        <MoneyField
          label={t('cash.dialog.amount')}
          value={draft.amount}
          onChange={(amount) => setDraft({ ...draft, amount })}
          currency={currency}
          error={errors.get(AMOUNT_FIELD)}
          testId="shift-cash-amount"
          autoFocus
        />
        <TextField
          label={t('cash.dialog.reason')}
          hint={t(`cash.dialog.reasonHint.${kind}`)}
          error={errors.get(REASON_FIELD)}
          value={draft.reason}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
          data-testid="shift-cash-reason"
        />
        {isOffline && <Notice kind="warning">{t('cash.dialog.offline')}</Notice>}
        {failure && (
          <Notice kind="error" testId="shift-cash-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}
