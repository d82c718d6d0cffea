import type { Till } from '@pos/contracts';
import { problemFields, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { type FormEvent, useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { useSaveTill } from '../../api/save-till';
import { isNameTaken } from './till-problems';
import styles from './tills-section.module.css';

/**
 * Adds a till, or renames one (`till` given). One request id while the dialog is open: saving
 * again after a lost answer does not add a second till. A taken name is said at the field.
 */
export function TillDialog({ till, onClose }: { till?: Till; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { notify } = useHost();
  const save = useSaveTill();
  const [requestId] = useState(newRequestId);
  const [name, setName] = useState(till?.name ?? '');
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const isNew = !till;
  const trimmed = name.trim();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!trimmed) return setNameError(t('tills.nameRequired'));
    if (till && trimmed === till.name) return onClose();
    save.mutate(till ? { id: till.id, name: trimmed, clientRequestId: requestId } : { name: trimmed, clientRequestId: requestId }, {
      onSuccess: (saved) => {
        notify('success', t(isNew ? 'tills.created' : 'tills.renamed', { name: saved.name }));
        onClose();
      },
      onError: (error) => {
        if (isNameTaken(error)) return setNameError(t('tills.nameTaken', { name: trimmed }));
        const field = problemFields(error).name;
        if (field) return setNameError(field);
        setFailure(problemText(t, error));
      },
    });
  };

  return (
    <Dialog
      title={isNew ? t('tills.createTitle') : t('tills.renameTitle', { name: till.name })}
      onClose={() => !save.isPending && onClose()}
      closeLabel={t('common:close')}
      size="small"
      testId="till-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          form="till-form"
          confirmLabel={isNew ? t('tills.create') : t('common:save')}
          isBusy={save.isPending}
          confirmTestId="till-submit"
        />
      }
    >
      <form id="till-form" className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t('tills.name')}
          hint={t('tills.nameHint')}
          value={name}
          maxLength={40}
          autoComplete="off"
          autoFocus
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
          error={nameError}
          data-testid="till-name"
        />
        {failure && (
          <Notice kind="error" testId="till-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}
