import { PutRemoteInputSchema, type Remote } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { type FormEvent, useState } from 'react';
import { manifestProblem, useSaveRemote } from '../../api/save-remote';
import styles from './remotes-section.module.css';

const isVersion = (v: string) => PutRemoteInputSchema.shape.version.safeParse(v).success;
const isManifestUrl = (v: string) => PutRemoteInputSchema.shape.manifestUrl.safeParse(v).success;

/**
 * Edits a registry entry in two steps: the new version and manifest URL, then a confirmation
 * showing before → after. While the URL is not edited by hand it follows the version
 * (/remotes/admin/1.0.0/… → /remotes/admin/1.0.1/…).
 */
export function PublishRemoteDialog({ remote, onClose }: { remote: Remote; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { notify } = useHost();
  const save = useSaveRemote();
  const segment = `/${remote.version}/`;
  const template = remote.manifestUrl.includes(segment) ? remote.manifestUrl.replace(segment, '/{version}/') : null;
  const [version, setVersion] = useState(remote.version);
  const [typedUrl, setTypedUrl] = useState<string | null>(template ? null : remote.manifestUrl);
  const [isConfirming, setConfirming] = useState(false);
  const [isSubmitted, setSubmitted] = useState(false);
  /** The server's refusal of the URL (not allowed, no build there, an entry outside its folder). */
  const [serverUrlError, setServerUrlError] = useState<{ url: string; message: string } | null>(null);

  const manifestUrl = typedUrl ?? template?.replace('{version}', version) ?? remote.manifestUrl;
  const versionError = isSubmitted && !isVersion(version) ? t('remotes.versionInvalid') : null;
  const urlError = isSubmitted && !isManifestUrl(manifestUrl) ? t('remotes.manifestInvalid') : serverUrlError?.url === manifestUrl ? serverUrlError.message : null;
  const isUnchanged = version === remote.version && manifestUrl === remote.manifestUrl;

  const review = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (isVersion(version) && isManifestUrl(manifestUrl)) setConfirming(true);
  };
  const publish = () =>
    save.mutate(
      { name: remote.name, version, manifestUrl },
      {
        onSuccess: () => {
          notify('success', t('remotes.published', { name: remote.name, version }));
          onClose();
        },
        onError: (error) => {
          const message = manifestProblem(error);
          if (!message) return;
          setServerUrlError({ url: manifestUrl, message });
          setConfirming(false);
        },
      },
    );

  if (isConfirming) {
    return (
      <Dialog
        title={t('remotes.confirmTitle', { name: remote.name, version })}
        onClose={onClose}
        closeLabel={t('common:close')}
        footer={
          <DialogActions onCancel={() => setConfirming(false)} cancelLabel={t('common:back')} onConfirm={publish} confirmLabel={t('remotes.publish')} isDisabled={save.isPending} confirmTestId="remote-publish" />
        }
      >
        <div className={styles.form}>
          <Notice kind="warning">{t('remotes.confirmText')}</Notice>
          <table className={styles.diff}>
            <thead>
              <tr>
                <th />
                <th>{t('remotes.from')}</th>
                <th>{t('remotes.to')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th>{t('remotes.version')}</th>
                <td>{remote.version}</td>
                <td className={styles.after}>{version}</td>
              </tr>
              <tr>
                <th>{t('remotes.manifest')}</th>
                <td>{remote.manifestUrl}</td>
                <td className={styles.after}>{manifestUrl}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('remotes.editTitle', { name: remote.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={<DialogActions onCancel={onClose} cancelLabel={t('common:cancel')} form="remote-form" confirmLabel={t('remotes.review')} isDisabled={isUnchanged} confirmTestId="remote-review" />}
    >
      <form id="remote-form" className={styles.form} onSubmit={review} noValidate>
        <TextField label={t('remotes.version')} value={version} autoComplete="off" maxLength={40} onChange={(e) => setVersion(e.target.value.trim())} error={versionError} data-testid="remote-version" />
        <TextField
          label={t('remotes.manifest')}
          value={manifestUrl}
          autoComplete="off"
          maxLength={500}
          className={styles.url}
          onChange={(e) => setTypedUrl(e.target.value.trim())}
          error={urlError}
          hint={t('remotes.manifestHint', { name: remote.name })}
          data-testid="remote-manifest"
        />
      </form>
    </Dialog>
  );
}
