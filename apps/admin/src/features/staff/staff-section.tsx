import type { AdminStaff } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { ApiError, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog, EmptyState, Section } from '@pos/ui';
import { useState } from 'react';
import { useStaff } from '../../api/get-staff';
import { useUpdateStaff } from '../../api/update-staff';
import { useReportError } from '../../api/use-report-error';
import table from '../data-table.module.css';
import { StaffDialog } from './staff-dialog';
import styles from './staff-section.module.css';

type Editing = { staff?: AdminStaff } | null;

/** Staff of the venue: add with a PIN, change role or PIN, deactivate and bring back. */
export function StaffSection() {
  const { t, i18n } = useTranslation('admin');
  const { notify, session } = useHost();
  const reportError = useReportError();
  const staff = useStaff();
  const update = useUpdateStaff();
  const [editing, setEditing] = useState<Editing>(null);
  const [deactivating, setDeactivating] = useState<AdminStaff | null>(null);

  const list = [...(staff.data?.staff ?? [])].sort((a, b) => Number(b.isActive) - Number(a.isActive) || a.name.localeCompare(b.name, i18n.language));
  const date = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { dateStyle: 'short', timeZone: session.venue.timezone });
  const setActive = (member: AdminStaff, isActive: boolean) =>
    update.mutate(
      { id: member.id, changes: { isActive } },
      {
        // The venue keeps at least one active admin: say so in the admin's language.
        onError: (error) => (error instanceof ApiError && error.code === 'staff.last_admin' ? notify('error', t('staff.lastAdmin')) : reportError(error)),
      },
    );

  return (
    <Section
      testId="admin-staff"
      title={t('staff.title')}
      description={t('staff.description')}
      actions={
        <Button variant="primary" data-testid="staff-add" onClick={() => setEditing({})}>
          + {t('staff.add')}
        </Button>
      }
    >
      {!staff.data ? (
        <EmptyState>{t(staff.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : list.length === 0 ? (
        <EmptyState>{t('staff.empty')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={table.table}>
            <thead>
              <tr>
                <th>{t('staff.name')}</th>
                <th>{t('staff.role')}</th>
                <th>{t('staff.status')}</th>
                <th>{t('staff.since')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((member) => {
                const isMe = member.id === session.staff.id;
                return (
                  <tr key={member.id} data-testid={`staff-${member.id}`} className={member.isActive ? undefined : styles.inactive}>
                    <td>
                      <span className={styles.name}>{member.name}</span> {isMe && <Badge tone="info">{t('staff.you')}</Badge>}
                    </td>
                    <td className={table.nowrap}>{t(`roleNames.${member.role}`)}</td>
                    <td>{member.isActive ? <Badge tone="success">{t('staff.active')}</Badge> : <Badge>{t('staff.inactive')}</Badge>}</td>
                    <td className={`${table.muted} ${table.nowrap}`}>{date.format(new Date(member.createdAt))}</td>
                    <td>
                      <div className={table.actions}>
                        <Button onClick={() => setEditing({ staff: member })}>{t('staff.edit')}</Button>
                        {member.isActive ? (
                          <Button variant="ghost" className={styles.deactivate} disabled={isMe} onClick={() => setDeactivating(member)}>
                            {t('staff.deactivate')}
                          </Button>
                        ) : (
                          <Button variant="ghost" className={styles.reactivate} disabled={update.isPending} onClick={() => setActive(member, true)}>
                            {t('staff.reactivate')}
                          </Button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing && <StaffDialog staff={editing.staff} onClose={() => setEditing(null)} />}
      {deactivating && (
        <Dialog
          title={t('staff.deactivateTitle')}
          onClose={() => setDeactivating(null)}
          closeLabel={t('common:close')}
          footer={
            <>
              <Button onClick={() => setDeactivating(null)}>{t('common:cancel')}</Button>
              <Button
                variant="danger"
                data-testid="confirm-deactivate"
                onClick={() => {
                  setActive(deactivating, false);
                  setDeactivating(null);
                }}
              >
                {t('staff.deactivate')}
              </Button>
            </>
          }
        >
          <p className={styles.confirm}>{t('staff.deactivateText', { name: deactivating.name })}</p>
        </Dialog>
      )}
    </Section>
  );
}
