import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Notice, Spinner } from '@pos/ui';
import styles from './integrations-admin.module.css';

/** What a tab shows while its query has no data: why it failed, or that it is loading. */
export function QueryPending({ error }: { error: unknown }) {
  const { t } = useTranslation('integrations');
  return error ? (
    <Notice kind="error">{t('admin.loadFailed', { message: problemText(t, error) })}</Notice>
  ) : (
    <p className={styles.muted}>
      <Spinner /> {t('admin.loading')}
    </p>
  );
}

/** After a 409 version conflict: say someone else changed it, and reload the list the row came from. */
export function useConflictReload(queryKey: readonly unknown[]) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  return () => {
    host.notify('error', t('admin.conflict'));
    void host.queryClient.invalidateQueries({ queryKey });
  };
}
