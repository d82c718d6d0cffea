import { type Permission, PERMISSIONS, type Role, ROLES } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, EmptyState, Notice, Section } from '@pos/ui';
import { Fragment, useMemo, useState } from 'react';
import { useRoles } from '../../api/get-roles';
import { useSaveRoles } from '../../api/save-roles';
import table from '../data-table.module.css';
import { AREAS, changedRoles, permissionKey, permissionsOfArea, type RoleMatrix, toggle, toMatrix } from './role-matrix';
import styles from './roles-section.module.css';

/** Roles × permissions, grouped by area; Save sends the roles that changed. */
export function RolesSection() {
  const { t } = useTranslation('admin');
  const { notify, session } = useHost();
  const roles = useRoles();
  const save = useSaveRoles();
  const saved = useMemo(() => (roles.data ? toMatrix(roles.data.roles) : null), [roles.data]);
  const [draft, setDraft] = useState<RoleMatrix | null>(null);
  const matrix = draft ?? saved;
  const changes = saved && draft ? changedRoles(saved, draft) : [];
  // The API refuses this (nobody could edit roles again); say why before the refusal comes.
  const isLosingRoleEditing = draft !== null && !draft.admin.includes('admin.roles');

  const flip = (role: Role, permission: Permission) => {
    if (!matrix) return;
    save.reset();
    setDraft(toggle(matrix, role, permission));
  };
  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        setDraft(null);
        notify('success', t('roles.saved'));
      },
    });

  return (
    <Section
      testId="admin-roles"
      title={t('roles.title')}
      description={t('roles.description')}
      actions={
        <>
          {changes.length > 0 && <span className={styles.changed}>{t('roles.changed', { count: changes.length })}</span>}
          <Button disabled={!draft || save.isPending} onClick={() => setDraft(null)}>
            {t('roles.reset')}
          </Button>
          <Button variant="primary" data-testid="roles-save" disabled={changes.length === 0 || save.isPending} onClick={submit}>
            {t('common:save')}
          </Button>
        </>
      }
      notice={
        (save.isError || isLosingRoleEditing) && (
          <>
            {save.isError && <Notice kind="error">{problemText(t, save.error)}</Notice>}
            {isLosingRoleEditing && <Notice kind="warning">{t('roles.keepAdminRoles')}</Notice>}
          </>
        )
      }
    >
      {!matrix ? (
        <EmptyState>{t(roles.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : (
        <div className={table.card}>
          <table className={`${table.table} ${styles.matrix}`}>
            <thead>
              <tr>
                <th>{t('roles.permission')}</th>
                {ROLES.map((role) => (
                  <th key={role} className={styles.roleHead}>
                    <span className={role === session.staff.role ? styles.ownRole : undefined}>{t(`roleNames.${role}`)}</span>
                    <span className={styles.count}>{t('roles.count', { count: matrix[role].length, total: PERMISSIONS.length })}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {AREAS.map((area) => (
                <Fragment key={area}>
                  <tr className={styles.areaRow}>
                    <td colSpan={ROLES.length + 1}>{t(`roles.areas.${area}`)}</td>
                  </tr>
                  {permissionsOfArea(area).map((permission) => (
                    <tr key={permission}>
                      <td>
                        <div className={styles.permission}>{t(permissionKey(permission))}</div>
                        <div className={styles.code}>{permission}</div>
                      </td>
                      {ROLES.map((role) => {
                        const isChanged = saved !== null && saved[role].includes(permission) !== matrix[role].includes(permission);
                        return (
                          <td key={role} className={`${styles.cell} ${isChanged ? styles.cellChanged : ''}`}>
                            <label className={styles.hit}>
                              <input
                                type="checkbox"
                                className={styles.checkbox}
                                data-testid={`perm-${role}-${permission}`}
                                aria-label={`${t(`roleNames.${role}`)}: ${t(permissionKey(permission))}`}
                                checked={matrix[role].includes(permission)}
                                onChange={() => flip(role, permission)}
                              />
                            </label>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
