import { CUSTOMER_TIERS, type Customer } from '@pos/contracts';
import { problemCode, problemFields, problemText, useTranslation } from '@pos/i18n';
import { useApi, useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { type FormEvent, useId, useState } from 'react';
import { downloadCustomerExport, useSaveCustomer } from '../api/customers';
import { changesOf, checkDraft, CUSTOMER_FIELDS, type CustomerDraft, type CustomerField, draftOf, type FieldProblem } from './customer-draft';
import styles from './customers.module.css';
import { formatPhone, toE164, venueCountry } from '../../../model/phone';

type Problems = Partial<Record<CustomerField, FieldProblem>>;

/** The server's refusal as problems at the form's fields (by the error's field path); a taken phone is the phone's. */
function problemsOf(error: unknown): Problems {
  const problems: Problems = {};
  const fields = problemFields(error);
  for (const field of CUSTOMER_FIELDS) if (field in fields) problems[field] = 'invalid';
  if (problemCode(error) === 'customer.phone_taken') problems.phone = 'taken';
  return problems;
}

export interface CustomerFormDialogProps {
  /** The guest to edit; null adds one. */
  customer: Customer | null;
  onClose(): void;
}

/** Adds or edits a guest: name, phone (any usual spelling, sent as E.164), email, marketing consent, tier. */
export function CustomerFormDialog({ customer, onClose }: CustomerFormDialogProps) {
  const { t, i18n } = useTranslation('loyalty');
  const host = useHost();
  const formId = useId();
  const country = venueCountry(host.session.venue);
  const [draft, setDraft] = useState<CustomerDraft>(() => draftOf(customer));
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveCustomer();
  const set = (change: Partial<CustomerDraft>) => setDraft((d) => ({ ...d, ...change }));
  const error = (field: CustomerField) => (problems[field] ? t(`admin.customers.form.errors.${field}.${problems[field]}`) : undefined);
  const normalized = draft.phone.trim() === '' ? null : toE164(draft.phone, country);
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'short' });
  const consentDate = (at: string | null | undefined, given: boolean) => (at ? t(given ? 'admin.customers.form.consentGiven' : 'admin.customers.form.consentWithdrawn', { date: date.format(new Date(at)) }) : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const check = checkDraft(draft, country);
    if (!check.ok) {
      setProblems(check.problems);
      setFailure(t('admin.customers.form.invalid'));
      return;
    }
    const changes = customer ? changesOf(customer, check.input) : check.input;
    if (customer && Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    save.mutate(customer ? { id: customer.id, input: changes } : { id: null, input: check.input }, {
      onSuccess: (saved) => {
        host.notify('success', t(customer ? 'admin.customers.form.updated' : 'admin.customers.form.created', { name: saved.name }));
        onClose();
      },
      onError: (err) => {
        const fieldProblems = problemsOf(err);
        setProblems(fieldProblems);
        setFailure(Object.keys(fieldProblems).length > 0 ? t('admin.customers.form.invalid') : t('admin.customers.form.failed', { message: problemText(t, err) }));
      },
    });
  };

  return (
    <Dialog
      title={customer ? t('admin.customers.form.editTitle', { name: customer.name }) : t('admin.customers.form.createTitle')}
      onClose={() => !save.isPending && onClose()}
      closeLabel={t('admin.close')}
      size="medium"
      testId="customer-form"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('admin.cancel')}
          form={formId}
          confirmLabel={customer ? t('admin.customers.form.save') : t('admin.customers.form.create')}
          isBusy={save.isPending}
          confirmTestId="customer-form-save"
          extra={customer && <ExportButton customer={customer} />}
        />
      }
    >
      <form id={formId} className={styles.form} onSubmit={onSubmit} noValidate>
        <TextField
          label={t('admin.customers.form.name')}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          error={error('name')}
          autoComplete="off"
          maxLength={80}
          data-testid="customer-form-name"
        />
        <TextField
          label={t('admin.customers.form.phone')}
          value={draft.phone}
          onChange={(e) => set({ phone: e.target.value })}
          onBlur={() => normalized && set({ phone: formatPhone(normalized) })}
          error={error('phone')}
          hint={normalized && formatPhone(normalized) !== draft.phone.trim() ? t('admin.customers.form.phoneAs', { phone: formatPhone(normalized) }) : t('admin.customers.form.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          data-testid="customer-form-phone"
        />
        <TextField
          label={t('admin.customers.form.email')}
          value={draft.email}
          onChange={(e) => set({ email: e.target.value })}
          error={error('email')}
          hint={t('admin.customers.form.emailHint')}
          type="email"
          inputMode="email"
          autoComplete="off"
          maxLength={120}
          data-testid="customer-form-email"
        />
        <fieldset className={styles.consents}>
          <legend className={styles.legend}>{t('admin.customers.form.consent')}</legend>
          <label className={styles.check}>
            <input type="checkbox" checked={draft.smsConsent} onChange={(e) => set({ smsConsent: e.target.checked })} data-testid="customer-form-sms" />
            <span>
              {t('admin.customers.form.smsConsent')}
              {customer && <small className={styles.muted}> {consentDate(customer.consent.sms.at, customer.consent.sms.given)}</small>}
            </span>
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={draft.emailConsent} onChange={(e) => set({ emailConsent: e.target.checked })} data-testid="customer-form-email-consent" />
            <span>
              {t('admin.customers.form.emailConsent')}
              {customer && <small className={styles.muted}> {consentDate(customer.consent.email.at, customer.consent.email.given)}</small>}
            </span>
          </label>
          <p className={styles.muted}>{t('admin.customers.form.consentHint')}</p>
        </fieldset>
        <ChoiceGroup
          label={t('admin.customers.form.tier')}
          value={draft.tier}
          onChange={(tier) => set({ tier })}
          options={CUSTOMER_TIERS.map((tier) => ({ value: tier, label: t(`admin.customers.tiers.${tier}`), testId: `customer-form-tier-${tier}` }))}
        />
        {failure && (
          <Notice kind="error" testId="customer-form-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}

/** Downloads everything the venue keeps about the guest (their own copy, on request) as JSON. */
function ExportButton({ customer }: { customer: Customer }) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const api = useApi();
  const [isExporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadCustomerExport(api, customer.id);
    } catch (error) {
      host.notify('error', t('admin.customers.exportFailed', { message: problemText(t, error) }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button variant="ghost" size="large" onClick={() => void onExport()} disabled={isExporting} data-testid="customer-export">
      {t('admin.customers.export')}
    </Button>
  );
}
