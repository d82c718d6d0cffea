import { BlockGiftCardInputSchema, formatGiftCardCode } from '@pos/contracts';
import { problemFields, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { type FormEvent, useId, useState } from 'react';
import { useSetGiftCardBlocked } from '../api/gift-cards';

const REASON = BlockGiftCardInputSchema.shape.reason;

/** Blocks a card (refused everywhere until unblocked) or unblocks it; either way with a reason, kept in the card's history. */
export function BlockDialog({ code, isBlocking, onClose }: { code: string; isBlocking: boolean; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [isReasonWrong, setReasonWrong] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const change = useSetGiftCardBlocked(code);
  const verb = isBlocking ? 'block' : 'unblock';

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    // The same rule as the server's (1–200 characters, no card numbers).
    if (!REASON.safeParse(reason).success) {
      setReasonWrong(true);
      return;
    }
    change.mutate(
      { isBlocked: isBlocking, reason: reason.trim() },
      {
        onSuccess: () => {
          host.notify('success', t(`admin.giftcards.${verb}Done`, { code: formatGiftCardCode(code) }));
          onClose();
        },
        onError: (err) => {
          const isReason = 'reason' in problemFields(err);
          setReasonWrong(isReason);
          setFailure(isReason ? null : t('admin.giftcards.failed', { message: problemText(t, err) }));
        },
      },
    );
  };

  return (
    <Dialog
      title={t(`admin.giftcards.${verb}Title`, { code: formatGiftCardCode(code) })}
      onClose={() => !change.isPending && onClose()}
      closeLabel={t('admin.close')}
      size="small"
      testId="giftcard-block-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('admin.cancel')}
          form={formId}
          confirmLabel={t(`admin.giftcards.${verb}`)}
          tone={isBlocking ? 'danger' : 'primary'}
          isBusy={change.isPending}
          confirmTestId="giftcard-block-confirm"
        />
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate>
        <p>{t(`admin.giftcards.${verb}Hint`)}</p>
        <TextField
          label={t('admin.giftcards.reasonLabel')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonWrong(false);
          }}
          error={isReasonWrong ? t('admin.giftcards.reasonInvalid') : undefined}
          maxLength={200}
          autoFocus
          autoComplete="off"
          data-testid="giftcard-block-reason"
        />
      </form>
      {failure && <Notice kind="error">{failure}</Notice>}
    </Dialog>
  );
}
