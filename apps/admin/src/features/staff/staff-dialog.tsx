import { type AdminStaff, type Role, ROLES } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { ApiError, useHost } from '@pos/plugin-sdk';
import { Button, Dialog } from '@pos/ui';
import { type FormEvent, useState } from 'react';
import { useCreateStaff } from '../../api/create-staff';
import { type UpdateStaffInput, useUpdateStaff } from '../../api/update-staff';
import { Notice } from '../../components/section';
import { ChoiceGroup, TextField } from '../../components/text-field';
import { suggestPin, validateStaffForm } from './staff-form';
import styles from './staff-section.module.css';

/** Adds a staff member, or changes the name, role or PIN of one (`staff` given). */
export function StaffDialog({ staff, onClose }: { staff?: AdminStaff; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { notify } = useHost();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const [name, setName] = useState(staff?.name ?? '');
  const [role, setRole] = useState<Role>(staff?.role ?? 'waiter');
  const [pin, setPin] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  const [isPinTaken, setPinTaken] = useState(false);

  const isNew = !staff;
  const errors = validateStaffForm({ name, pin, isNew });
  const shown = isSubmitted ? errors : {};
  const isBusy = create.isPending || update.isPending;

  const onError = (error: unknown) => setPinTaken(error instanceof ApiError && error.status === 409);
  const done = () => {
    notify('success', t(isNew ? 'staff.created' : 'staff.updated', { name: name.trim() }));
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.name || errors.pin) return;
    if (isNew) {
      create.mutate({ name: name.trim(), role, pin }, { onSuccess: done, onError });
      return;
    }
    const changes: UpdateStaffInput = {};
    if (name.trim() !== staff.name) changes.name = name.trim();
    if (role !== staff.role) changes.role = role;
    if (pin) changes.pin = pin;
    if (Object.keys(changes).length === 0) onClose();
    else update.mutate({ id: staff.id, changes }, { onSuccess: done, onError });
  };

  return (
    <Dialog
      title={isNew ? t('staff.createTitle') : t('staff.editTitle', { name: staff.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="staff-form" disabled={isBusy} data-testid="staff-submit">
            {isNew ? t('staff.create') : t('common:save')}
          </Button>
        </>
      }
    >
      <form id="staff-form" className={styles.form} onSubmit={submit} noValidate>
        <TextField label={t('staff.name')} value={name} maxLength={80} autoComplete="off" onChange={(e) => setName(e.target.value)} error={shown.name && t(`staff.${shown.name}`)} data-testid="staff-form-name" />
        <ChoiceGroup<Role> label={t('staff.role')} value={role} onChange={setRole} options={ROLES.map((r) => ({ value: r, label: t(`roleNames.${r}`) }))} />
        <TextField
          label={isNew ? t('staff.pin') : t('staff.newPin')}
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          className={styles.pinInput}
          placeholder={isNew ? '••••' : ''}
          onChange={(e) => {
            setPin(e.target.value.replace(/\D/g, ''));
            setPinTaken(false);
          }}
          error={isPinTaken ? t('staff.pinTaken') : shown.pin && t(`staff.${shown.pin}`)}
          hint={isNew ? t('staff.pinHint') : t('staff.keepPin')}
          addon={
            <Button onClick={() => { setPin(suggestPin()); setPinTaken(false); }}>
              {t('staff.generate')}
            </Button>
          }
          data-testid="staff-form-pin"
        />
        {!isNew && <Notice kind="warning">{t('staff.sessionsEnd')}</Notice>}
      </form>
    </Dialog>
  );
}
