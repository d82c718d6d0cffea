import type { ShiftSettings } from '@pos/contracts';
import { problemFields, problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useHost } from '@pos/plugin-sdk';
import { Button, Notice, Section, Spinner, Switch, TextField } from '@pos/ui';
import { useState } from 'react';
import { useSaveShiftSettings, useShiftSettings } from '../../api/alerts';
import { draftOf, inputOf, MAX_HOURS, MIN_HOURS, type SettingsDraft } from './settings-draft';
import styles from './shift-settings-page.module.css';

/**
 * Admin → Смены (/x/admin/shifts; permission admin.payments, as the day-close rules): the daily
 * closeout hour in the venue's time zone, whether shifts still open then close by themselves, and
 * how long a shift may run before it is flagged.
 */
export function ShiftSettingsPage(_props: HostProps) {
  const { t } = useTranslation('shift');
  const settings = useShiftSettings();
  return (
    <Section title={t('settings.title')} description={t('settings.description')} testId="shift-settings-page">
      {settings.data ? (
        <SettingsForm settings={settings.data} />
      ) : settings.error ? (
        <Notice kind="error">{t('settings.failed', { message: problemText(t, settings.error) })}</Notice>
      ) : (
        <p className={styles.loading}>
          <Spinner /> {t('settings.loading')}
        </p>
      )}
    </Section>
  );
}

function SettingsForm({ settings }: { settings: ShiftSettings }) {
  const { t } = useTranslation('shift');
  const host = useHost();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveShiftSettings();
  const hasTime = draft.closeoutTime.trim() !== '';

  const onSave = () => {
    setFailure(null);
    save.mutate(inputOf(draft), {
      onSuccess: (saved) => {
        setErrors({});
        setDraft(draftOf(saved));
        host.notify('success', t('settings.saved'));
      },
      onError: (e) => {
        const fields = problemFields(e);
        setErrors(fields);
        setFailure(Object.keys(fields).length > 0 ? t('settings.invalid') : t('settings.failed', { message: problemText(t, e) }));
      },
    });
  };

  return (
    <div className={styles.form} data-testid="shift-settings-form">
      <TextField
        label={t('settings.closeoutTime')}
        hint={t('settings.closeoutHint', { zone: settings.timeZone })}
        error={errors.closeoutTime ? t('settings.closeoutInvalid') : undefined}
        type="time"
        value={draft.closeoutTime}
        onChange={(e) => setDraft({ ...draft, closeoutTime: e.target.value })}
        data-testid="shift-settings-closeout"
        fieldClassName={styles.field}
        addon={
          hasTime ? (
            <Button variant="ghost" onClick={() => setDraft({ ...draft, closeoutTime: '', autoClose: false })} data-testid="shift-settings-closeout-clear">
              {t('settings.noCloseout')}
            </Button>
          ) : undefined
        }
      />
      <div className={styles.switchRow}>
        <Switch
          checked={hasTime && draft.autoClose}
          disabled={!hasTime}
          onChange={(autoClose) => setDraft({ ...draft, autoClose })}
          label={t('settings.autoClose')}
          stateLabel={hasTime && draft.autoClose ? t('settings.on') : t('settings.off')}
          testId="shift-settings-auto-close"
        />
        <span className={styles.switchLabel}>{t('settings.autoClose')}</span>
      </div>
      <p className={styles.hint}>{hasTime ? t('settings.autoCloseHint') : t('settings.autoCloseNeedsTime')}</p>
      <TextField
        label={t('settings.maxHours')}
        hint={t('settings.maxHoursHint', { min: MIN_HOURS, max: MAX_HOURS })}
        error={errors.maxOpenMinutes ? t('settings.maxHoursInvalid', { min: MIN_HOURS, max: MAX_HOURS }) : undefined}
        type="number"
        inputMode="decimal"
        min={MIN_HOURS}
        max={MAX_HOURS}
        step={0.5}
        value={draft.maxHours}
        onChange={(e) => setDraft({ ...draft, maxHours: e.target.value })}
        data-testid="shift-settings-max-hours"
        fieldClassName={styles.field}
      />
      <div className={styles.footer}>
        <Button variant="primary" size="large" disabled={save.isPending} onClick={onSave} data-testid="shift-settings-save">
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </Button>
      </div>
      {failure && (
        <Notice kind="error" testId="shift-settings-failure">
          {failure}
        </Notice>
      )}
    </div>
  );
}
