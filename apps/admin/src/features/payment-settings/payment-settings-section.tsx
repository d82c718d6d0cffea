import type { PaymentSettings } from '@pos/contracts';
import { formatMoney, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, EmptyState, Notice, Section, TextField } from '@pos/ui';
import { useState } from 'react';
import { usePaymentSettings } from '../../api/get-payment-settings';
import { useSavePaymentSettings } from '../../api/save-payment-settings';
import styles from './payment-settings-section.module.css';
import { BOUNDS, changesOf, type NumberField, problemsOf, readDraft, type SettingsDraft, type SettingsField, toDraft } from './settings-form';

/** The held amount the tip tolerance is explained with (minor units). */
const SAMPLE_HOLD = 100_000;

/** The venue's payment rules: tip tolerance over a hold, hold expiry, day-close policy for expired holds. */
export function PaymentSettingsSection() {
  const { t, i18n } = useTranslation('admin');
  const { notify, session } = useHost();
  const stored = usePaymentSettings();
  const save = useSavePaymentSettings();
  const [edited, setEdited] = useState<SettingsDraft | null>(null);
  const [serverErrors, setServerErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const draft = edited ?? (stored.data ? toDraft(stored.data) : null);
  const { settings, errors } = draft ? readDraft(draft) : { settings: null, errors: {} };
  const changes = stored.data && settings ? changesOf(stored.data, settings) : {};
  const hasChanges = Object.keys(changes).length > 0;

  const change = <F extends SettingsField>(field: F, value: SettingsDraft[F]) => {
    if (!draft) return;
    setEdited({ ...draft, [field]: value });
    setServerErrors(({ [field]: _gone, ...rest }) => rest);
    setFormError(null);
  };
  const reset = () => {
    setEdited(null);
    setServerErrors({});
    setFormError(null);
  };
  const submit = () =>
    save.mutate(changes, {
      onSuccess: () => {
        reset();
        notify('success', t('payments.saved'));
      },
      onError: (error) => {
        const problems = problemsOf(error);
        setServerErrors(problems.fields);
        setFormError(problems.form);
      },
    });

  const fieldError = (field: NumberField) => {
    if (serverErrors[field]) return serverErrors[field];
    const error = errors[field];
    return error === 'outOfRange' ? t('payments.outOfRange', BOUNDS[field]) : error ? t('payments.notWhole') : null;
  };
  const money = (v: number) => formatMoney(v, session.venue.currency, i18n.language);
  const tipHint = (percent: number) =>
    t('payments.tipToleranceHint', { held: money(SAMPLE_HOLD), limit: money(SAMPLE_HOLD + Math.floor((SAMPLE_HOLD * percent) / 100)) });

  return (
    <Section
      testId="admin-payments"
      title={t('payments.title')}
      description={t('payments.description')}
      actions={
        <>
          <Button disabled={!edited || save.isPending} onClick={reset} data-testid="payment-settings-reset">
            {t('payments.reset')}
          </Button>
          <Button variant="primary" disabled={!hasChanges || save.isPending} onClick={submit} data-testid="payment-settings-save">
            {t('common:save')}
          </Button>
        </>
      }
      notice={formError && <Notice kind="error">{formError}</Notice>}
    >
      {!draft ? (
        <EmptyState>{t(stored.isError ? 'common:error' : 'common:loading')}</EmptyState>
      ) : (
        <div className={styles.card}>
          <NumberInput
            field="tipTolerancePercent"
            label={t('payments.tipTolerance')}
            value={draft.tipTolerancePercent}
            onChange={(v) => change('tipTolerancePercent', v)}
            error={fieldError('tipTolerancePercent')}
            hint={errors.tipTolerancePercent ? null : tipHint(Number(draft.tipTolerancePercent))}
            testId="payment-settings-tip-tolerance"
          />
          <NumberInput
            field="holdExpiryDays"
            label={t('payments.holdExpiry')}
            value={draft.holdExpiryDays}
            onChange={(v) => change('holdExpiryDays', v)}
            error={fieldError('holdExpiryDays')}
            hint={t('payments.holdExpiryHint')}
            testId="payment-settings-hold-expiry"
          />
          <div data-testid="payment-settings-policy">
            <ChoiceGroup<PaymentSettings['dayClosePolicy']>
              label={t('payments.dayClosePolicy')}
              value={draft.dayClosePolicy}
              onChange={(v) => change('dayClosePolicy', v)}
              options={[
                { value: 'capture', label: t('payments.policy.capture') },
                { value: 'release', label: t('payments.policy.release') },
              ]}
            />
            {serverErrors.dayClosePolicy ? (
              <div className={styles.error} data-testid="payment-settings-policy-error">
                {serverErrors.dayClosePolicy}
              </div>
            ) : (
              <div className={styles.hint}>
                {t(`payments.policyDetails.${draft.dayClosePolicy}`)} {t('payments.dayClosePolicyHint')}
              </div>
            )}
          </div>
        </div>
      )}
    </Section>
  );
}

/** A whole number with − / + beside it: quicker than the keyboard on a tablet for small steps. */
function NumberInput({
  field,
  label,
  value,
  onChange,
  error,
  hint,
  testId,
}: {
  field: NumberField;
  label: string;
  value: string;
  onChange(value: string): void;
  error: string | null;
  hint: string | null;
  testId: string;
}) {
  const { t } = useTranslation('admin');
  const { min, max } = BOUNDS[field];
  const current = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const step = (delta: number) => onChange(String(Math.min(max, Math.max(min, (current ?? min) + delta))));
  return (
    <TextField
      label={label}
      value={value}
      inputMode="numeric"
      autoComplete="off"
      maxLength={4}
      className={styles.number}
      onChange={(e) => onChange(e.target.value.replace(/[^\d]/g, ''))}
      error={error}
      hint={hint}
      data-testid={testId}
      addon={
        <>
          <Button aria-label={`${label}: ${t('payments.less')}`} disabled={current !== null && current <= min} onClick={() => step(-1)} data-testid={`${testId}-less`}>
            −
          </Button>
          <Button aria-label={`${label}: ${t('payments.more')}`} disabled={current !== null && current >= max} onClick={() => step(1)} data-testid={`${testId}-more`}>
            +
          </Button>
        </>
      }
    />
  );
}
