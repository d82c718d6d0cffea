import type { Remote } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, EmptyState, Notice, Section } from '@pos/ui';
import { useState } from 'react';
import { useFeatureFlags } from '../../api/get-feature-flags';
import { useRemotes } from '../../api/get-remotes';
import table from '../data-table.module.css';
import { PublishRemoteDialog } from './publish-remote-dialog';
import styles from './remotes-section.module.css';

/** The venue's remote registry: which build of each module its screens load. */
export function RemotesSection() {
  const { t, i18n } = useTranslation('admin');
  const { can, session } = useHost();
  const remotes = useRemotes();
  const flags = useFeatureFlags({ enabled: can('admin.flags') });
  const [editing, setEditing] = useState<Remote | null>(null);

  const list = remotes.data?.remotes ?? [];
  const registeredAdmin = list.find((r) => r.name === 'admin');
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeStyle: 'short', timeZone: session.venue.timezone });

  return (
    <Section testId="admin-remotes" title={t('remotes.title')} description={t('remotes.description')}>
      <Notice>{t('remotes.running', { version: __REMOTE_VERSION__ })}</Notice>
      {registeredAdmin && registeredAdmin.version !== __REMOTE_VERSION__ && (
        <Notice kind="warning" action={<Button onClick={() => window.location.reload()}>{t('remotes.reload')}</Button>}>
          {t('remotes.pendingVersion', { version: registeredAdmin.version })}
        </Notice>
      )}
      {!remotes.data ? (
        <EmptyState>{t(remotes.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : list.length === 0 ? (
        <EmptyState>{t('remotes.empty')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={table.table}>
            <thead>
              <tr>
                <th>{t('remotes.name')}</th>
                <th>{t('remotes.version')}</th>
                <th>{t('remotes.manifest')}</th>
                <th>{t('remotes.updated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((remote) => (
                <tr key={remote.name} data-testid={`remote-${remote.name}`}>
                  <td>
                    <div className={styles.name}>{remote.name}</div>
                    <div className={table.muted}>
                      {t(`flags.features.${remote.feature}.name`)}
                      {flags.data && !flags.data.flags[remote.feature] && (
                        <>
                          {' '}
                          <Badge tone="warning">{t('remotes.featureOff')}</Badge>
                        </>
                      )}
                    </div>
                  </td>
                  <td>
                    <Badge tone={remote.name === 'admin' && remote.version === __REMOTE_VERSION__ ? 'success' : 'neutral'}>{remote.version}</Badge>
                  </td>
                  <td className={`${table.mono} ${styles.manifest}`}>
                    {remote.manifestUrl}
                    <div data-testid={`remote-integrity-${remote.name}`} title={remote.integrity}>
                      {remote.integrity ? (
                        <span className={table.muted}>{t('remotes.integrity', { hash: remote.integrity.slice(7, 19) })}</span>
                      ) : (
                        <Badge tone="danger">{t('remotes.noIntegrity')}</Badge>
                      )}
                    </div>
                  </td>
                  <td className={`${table.muted} ${table.nowrap}`}>{dateTime.format(new Date(remote.updatedAt))}</td>
                  <td className={table.end}>
                    <Button onClick={() => setEditing(remote)} data-testid={`remote-edit-${remote.name}`}>
                      {t('remotes.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <PublishRemoteDialog remote={editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}
