import type { Plans } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useHost } from '@pos/plugin-sdk';
import { Button, ChipGroup, FieldGroup, MoneyField, Notice, Section, Spinner, TextField } from '@pos/ui';
import { useState } from 'react';
import { usePlans } from '../../api/get-plans';
import { useSavePlans } from '../../api/save-plans';
import { figure } from '../../model/figures';
import { copyToAll, dayTotal, draftOf, fieldErrorsOf, hourField, inputOf, type PlanDraft, setHour, THRESHOLD_FIELD, weekdaysWithErrors } from '../../model/plan-draft';
import styles from './plans-page.module.css';

/** The revenue plan page (a page of Admin, /x/admin/plans; permission admin.plans). */
export function PlansPage(_props: HostProps) {
  const { t } = useTranslation('finance-dashboard');
  const plans = usePlans();
  return (
    <Section title={t('plans.title')} description={t('plans.description')} testId="fd-plans-page">
      {plans.data ? (
        <PlanForm plans={plans.data} />
      ) : plans.error ? (
        <Notice kind="error">{t('plans.failed', { message: problemText(t, plans.error) })}</Notice>
      ) : (
        <p className={styles.loading}>
          <Spinner /> {t('plans.loading')}
        </p>
      )}
    </Section>
  );
}

function PlanForm({ plans }: { plans: Plans }) {
  const { t, i18n } = useTranslation('finance-dashboard');
  const host = useHost();
  const [draft, setDraft] = useState<PlanDraft>(() => draftOf(plans));
  const [weekday, setWeekday] = useState(1);
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSavePlans();
  const days = t('plans.days', { returnObjects: true }) as string[];
  const day = draft.days.find((d) => d.weekday === weekday) ?? draft.days[0];
  const flagged = weekdaysWithErrors(errors);

  const onSave = () => {
    const input = inputOf(draft);
    setFailure(null);
    save.mutate(input, {
      onSuccess: (saved) => {
        setErrors(new Map());
        setDraft(draftOf(saved));
        host.notify('success', t('plans.saved'));
      },
      onError: (e) => {
        const fields = fieldErrorsOf(e, input);
        setErrors(fields);
        setFailure(fields.size > 0 ? t('plans.invalid') : t('plans.failed', { message: problemText(t, e) }));
      },
    });
  };

  return (
    <div className={styles.form} data-testid="fd-plans-form">
      <TextField
        label={t('plans.threshold')}
        hint={t('plans.thresholdHint')}
        error={errors.get(THRESHOLD_FIELD)}
        type="number"
        inputMode="numeric"
        min={0}
        max={50}
        value={draft.thresholdPercent ?? ''}
        onChange={(e) => setDraft({ ...draft, thresholdPercent: e.target.value === '' ? null : Number(e.target.value) })}
        data-testid="fd-plans-threshold"
        fieldClassName={styles.threshold}
      />
      <FieldGroup title={t('plans.weekday')}>
        <ChipGroup
          chips={draft.days.map((d) => ({ key: String(d.weekday), label: flagged.has(d.weekday) ? `${days[d.weekday - 1]} •` : days[d.weekday - 1], isOn: d.weekday === weekday, testId: `fd-plans-day-${d.weekday}` }))}
          onToggle={(key) => setWeekday(Number(key))}
        />
      </FieldGroup>
      <div className={styles.hours} data-testid="fd-plans-hours">
        {day.hours.map((value, hour) => (
          <MoneyField
            key={`${weekday}-${hour}`}
            label={t('plans.hour', { from: pad(hour), to: pad(hour + 1) })}
            value={value}
            onChange={(v) => setDraft(setHour(draft, weekday, hour, v))}
            currency={host.session.venue.currency}
            error={errors.get(hourField(weekday, hour))}
            testId={`fd-plans-hour-${hour}`}
          />
        ))}
      </div>
      <div className={styles.footer}>
        <strong data-testid="fd-plans-total">{t('plans.dayTotal', { amount: figure(dayTotal(day.hours), host.session.venue.currency, i18n.language) })}</strong>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(copyToAll(draft, weekday));
            host.notify('info', t('plans.copied', { day: days[weekday - 1] }));
          }}
          data-testid="fd-plans-copy"
        >
          {t('plans.copyToAll')}
        </Button>
        <Button variant="primary" size="large" disabled={save.isPending} onClick={onSave} data-testid="fd-plans-save">
          {save.isPending ? t('plans.saving') : t('plans.save')}
        </Button>
      </div>
      {failure && (
        <Notice kind="error" testId="fd-plans-failure">
          {failure}
        </Notice>
      )}
    </div>
  );
}

const pad = (hour: number) => String(hour).padStart(2, '0');
