import { type AdminStaff, isPrivilegedRole, type Role, ROLES } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { type FormEvent, useState } from 'react';
import { useCreateStaff } from '../../api/create-staff';
import { type UpdateStaffInput, useUpdateStaff } from '../../api/update-staff';
import { minPinDigits, needsPin, staffProblems, type StaffProblems, suggestPin, validateStaffForm } from './staff-form';
import styles from './staff-section.module.css';

/**
 * Adds a staff member, or changes the name, role or PIN of one (`staff` given). Supervisors and
 * admins need a PIN of 6+ digits: the hint says so for those roles, and raising someone to one of
 * them asks for a new PIN in the same save.
 */
export function StaffDialog({ staff, onClose }: { staff?: AdminStaff; onClose(): void }) {
  const { t } = useTranslation('admin');
  const { notify } = useHost();
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const [name, setName] = useState(staff?.name ?? '');
  const [role, setRole] = useState<Role>(staff?.role ?? 'waiter');
  const [pin, setPin] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  const [problems, setProblems] = useState<StaffProblems>({});

  const isNew = !staff;
  const values = { name, role, pin, previousRole: staff?.role };
  const errors = validateStaffForm(values);
  const shown = isSubmitted ? errors : {};
  const isPinNeeded = needsPin(values);
  const isPrivileged = isPrivilegedRole(role);
  const min = minPinDigits(role);
  const isBusy = create.isPending || update.isPending;

  const say = (p: { key: string } | { text: string }) => ('key' in p ? t(`staff.${p.key}`, { min }) : p.text);
  const onError = (error: unknown) => setProblems(staffProblems(error, role));
  const done = () => {
    notify('success', t(isNew ? 'staff.created' : 'staff.updated', { name: name.trim() }));
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setProblems({});
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

  const pinHint = isPrivileged
    ? t(isPinNeeded && !isNew ? 'staff.pinHintNewRole' : isNew ? 'staff.pinHintPrivileged' : 'staff.keepPinPrivileged', { min })
    : t(isNew ? 'staff.pinHint' : 'staff.keepPin');
  const pinError = problems.pin ? say(problems.pin) : shown.pin ? t(`staff.${shown.pin}`, { min }) : null;

  return (
    <Dialog
      title={isNew ? t('staff.createTitle') : t('staff.editTitle', { name: staff.name })}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={<DialogActions onCancel={onClose} cancelLabel={t('common:cancel')} form="staff-form" confirmLabel={isNew ? t('staff.create') : t('common:save')} isDisabled={isBusy} confirmTestId="staff-submit" />}
    >
      <form id="staff-form" className={styles.form} onSubmit={submit} noValidate>
        {problems.form && <Notice kind="error">{say(problems.form)}</Notice>}
        <TextField
          label={t('staff.name')}
          value={name}
          maxLength={80}
          autoComplete="off"
          onChange={(e) => {
            setName(e.target.value);
            setProblems(({ name: _gone, ...rest }) => rest);
          }}
          error={problems.name ?? (shown.name && t(`staff.${shown.name}`))}
          data-testid="staff-form-name"
        />
        <ChoiceGroup<Role>
          label={t('staff.role')}
          value={role}
          onChange={(next) => {
            setRole(next);
            setProblems(({ name: keep }) => (keep ? { name: keep } : {}));
          }}
          options={ROLES.map((r) => ({ value: r, label: t(`roleNames.${r}`) }))}
        />
        <TextField
          label={isNew ? t('staff.pin') : isPinNeeded ? t('staff.newPinRequired') : t('staff.newPin')}
          value={pin}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          className={styles.pinInput}
          placeholder={isPinNeeded ? '•'.repeat(min) : ''}
          onChange={(e) => {
            setPin(e.target.value.replace(/\D/g, ''));
            setProblems(({ pin: _gone, ...rest }) => rest);
          }}
          error={pinError}
          hint={pinHint}
          addon={
            <Button
              onClick={() => {
                setPin(suggestPin(min));
                setProblems(({ pin: _gone, ...rest }) => rest);
              }}
            >
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
