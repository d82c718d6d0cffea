import { DEFAULT_ROTATION_GRACE_HOURS, type RotateSecretInput } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { readFailure } from './failure';

export interface RotateDialogProps {
  version: number;
  /** Sends the rotation; rejects with the API's error. */
  onRotate(input: RotateSecretInput): Promise<unknown>;
  /** A stale version: the caller reloads its list and says so. */
  onConflict(): void;
  onClose(): void;
  testId: string;
}

/** A new signing secret, the previous one kept for the hours asked (0–168, default 24). */
export function RotateDialog({ version, onRotate, onConflict, onClose, testId }: RotateDialogProps) {
  const { t } = useTranslation('integrations');
  const [requestId] = useState(newRequestId);
  const [hours, setHours] = useState(String(DEFAULT_ROTATION_GRACE_HOURS));
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const confirm = async () => {
    const graceHours = Number(hours);
    if (!/^\d+$/.test(hours.trim()) || graceHours > 168) {
      setError(t('admin.rotate.graceError'));
      return;
    }
    setBusy(true);
    try {
      await onRotate({ graceHours, version, clientRequestId: requestId });
      onClose();
    } catch (e) {
      const f = readFailure(t, e);
      if (f.kind === 'conflict') {
        onConflict();
        onClose();
      } else if (f.kind === 'fields') setError(f.fields.graceHours ? t('admin.rotate.graceError') : Object.values(f.fields)[0]);
      else setFailure(f.text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('admin.rotate.title')}
      onClose={onClose}
      size="small"
      testId={testId}
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} onConfirm={() => void confirm()} confirmLabel={t('admin.rotate.confirm')} isBusy={isBusy} confirmTestId={`${testId}-confirm`} />}
    >
      <p>{t('admin.rotate.text')}</p>
      <TextField
        label={t('admin.rotate.grace')}
        hint={t('admin.rotate.graceHint')}
        error={error ?? undefined}
        inputMode="numeric"
        value={hours}
        onChange={(e) => {
          setHours(e.target.value);
          setError(null);
        }}
        data-testid={`${testId}-grace`}
      />
      {failure && <Notice kind="error">{failure}</Notice>}
    </Dialog>
  );
}
