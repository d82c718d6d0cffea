import type { Integration } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { queryKeys, useHost } from '@pos/plugin-sdk';
import { Button, Dialog, DialogActions, Notice, Switch, TextField } from '@pos/ui';
import { useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { useIntegrations, useSaveIntegration } from './api/admin-integrations';
import { CopyButton } from './copy-button';
import { readFailure } from './failure';
import styles from './integrations-admin.module.css';
import { ListPanel, useConflictReload, useRowSaveError } from './query-state';
import { RotateDialog } from './rotate-dialog';
import { SecretField } from './secret-field';

/** Where a partner sends its orders, as the partner must type it: absolute on this server. */
const absolute = (url: string) => (/^https?:/.test(url) ? url : `${window.location.origin}${url}`);

/** The venue's delivery partners: add, rename, on/off, the secret (masked), its rotation, the inbound URL. */
export function PartnersPanel() {
  const { t } = useTranslation('integrations');
  return (
    <ListPanel<Integration>
      testId="partners-panel"
      addLabel={t('admin.partners.add')}
      addTestId="partner-add"
      emptyText={t('admin.partners.empty')}
      query={useIntegrations()}
      row={(partner, edit) => <PartnerRow key={partner.id} partner={partner} onRename={edit} />}
      dialog={(partner, close) => <PartnerDialog partner={partner} onClose={close} />}
    />
  );
}

function PartnerRow({ partner, onRename }: { partner: Integration; onRename(): void }) {
  const { t } = useTranslation('integrations');
  const save = useSaveIntegration();
  const host = useHost();
  const onConflict = useConflictReload(queryKeys.adminIntegrations);
  const onSaveError = useRowSaveError(onConflict);
  const [isRotating, setRotating] = useState(false);
  const url = absolute(partner.ordersUrl);
  const flip = (enabled: boolean) =>
    save.mutate(
      { kind: 'update', id: partner.id, input: { enabled, version: partner.version, clientRequestId: newRequestId() } },
      { onError: onSaveError },
    );
  return (
    <li className={`${styles.row} ${partner.enabled ? '' : styles.off}`} data-testid="partner-row" data-partner-id={partner.id}>
      <div className={styles.rowHead}>
        <span className={styles.name} data-testid="partner-name">
          {partner.name}
        </span>
        <span className={styles.grow} />
        <Switch
          label={t('admin.partners.toggle', { name: partner.name })}
          checked={partner.enabled}
          disabled={save.isPending}
          onChange={flip}
          stateLabel={partner.enabled ? t('admin.enabled') : t('admin.disabled')}
          testId="partner-enabled"
        />
      </div>
      <div className={styles.fieldBlock}>
        <span className={styles.label}>{t('admin.partners.url')}</span>
        <div className={styles.valueRow}>
          <code className={styles.code} data-testid="partner-url">
            {url}
          </code>
          <CopyButton text={url} label={`${t('admin.copy')}: ${t('admin.partners.url')}`} testId="partner-url-copy" />
        </div>
        <span className={styles.muted}>{t('admin.partners.urlHint')}</span>
      </div>
      <SecretField secret={partner.secret} previousUntil={partner.previousSecretUntil} testId="partner" />
      <div className={styles.rowActions}>
        <Button onClick={onRename} data-testid="partner-rename">
          {t('admin.partners.rename')}
        </Button>
        <Button onClick={() => setRotating(true)} data-testid="partner-rotate">
          {t('admin.rotate.action')}
        </Button>
      </div>
      {isRotating && (
        <RotateDialog
          version={partner.version}
          onRotate={async (input) => {
            await save.mutateAsync({ kind: 'rotate', id: partner.id, input });
            host.notify('success', t('admin.rotate.done'));
          }}
          onConflict={onConflict}
          onClose={() => setRotating(false)}
          testId="partner-rotate-dialog"
        />
      )}
    </li>
  );
}

/** A new partner (name, on) or a rename at the version seen. */
function PartnerDialog({ partner, onClose }: { partner: Integration | null; onClose(): void }) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const save = useSaveIntegration();
  const onConflict = useConflictReload(queryKeys.adminIntegrations);
  const [requestId] = useState(newRequestId);
  const [name, setName] = useState(partner?.name ?? '');
  const [enabled, setEnabled] = useState(true);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = () => {
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 100) {
      setNameError(t('admin.partners.nameError'));
      return;
    }
    save.mutate(
      partner ? { kind: 'update', id: partner.id, input: { name: trimmed, version: partner.version, clientRequestId: requestId } } : { kind: 'create', input: { name: trimmed, enabled, clientRequestId: requestId } },
      {
        onSuccess: (saved) => {
          host.notify('success', partner ? t('admin.partners.saved') : t('admin.partners.created', { name: saved.name }));
          onClose();
        },
        onError: (e) => {
          const f = readFailure(t, e);
          if (f.kind === 'conflict') {
            onConflict();
            onClose();
          } else if (f.kind === 'fields') {
            if (f.fields.name) setNameError(t('admin.partners.nameError'));
            const rest = Object.entries(f.fields).filter(([path]) => path !== 'name');
            setFailure(rest.length ? rest.map(([path, message]) => `${path}: ${message}`).join('; ') : t('admin.invalid'));
          } else setFailure(f.text);
        },
      },
    );
  };
  const formId = 'integration-partner-form';
  return (
    <Dialog
      title={partner ? t('admin.partners.renameTitle') : t('admin.partners.newTitle')}
      onClose={onClose}
      size="small"
      testId="partner-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} form={formId} confirmLabel={t('admin.save')} isBusy={save.isPending} confirmTestId="partner-save" />}
    >
      <form
        id={formId}
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('admin.partners.name')}
          placeholder={t('admin.partners.namePlaceholder')}
          value={name}
          error={nameError ?? undefined}
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(null);
          }}
          data-testid="partner-form-name"
        />
        {!partner && <Switch label={t('admin.enabled')} checked={enabled} onChange={setEnabled} stateLabel={enabled ? t('admin.enabled') : t('admin.disabled')} testId="partner-form-enabled" />}
        {failure && (
          <Notice kind="error" testId="partner-form-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}
