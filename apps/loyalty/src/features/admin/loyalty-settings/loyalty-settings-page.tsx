import type { LoyaltySettings } from '@pos/contracts';
import { formatMoney, problemFields, problemText, useTranslation } from '@pos/i18n';
import { type HostProps, useHost } from '@pos/plugin-sdk';
import { Button, MoneyField, Notice, Section, Spinner, TextField } from '@pos/ui';
import { useState } from 'react';
import { useLoyaltySettings, useSaveLoyaltySettings } from '../api/loyalty-settings';
import { checkSettings, draftOf, EARN_PERCENT, EXPIRY_DAYS, POINT_VALUE, SETTINGS_FIELDS, type SettingsDraft, type SettingsField } from './settings-draft';
import styles from './loyalty-settings-page.module.css';

/** What the example under the form is worked on: a bill of 1 000 in the venue's currency. */
const EXAMPLE_BILL = 1000_00;

/**
 * Admin → Лояльность (/x/admin/loyalty; permission admin.customers): the venue's programme — the
 * percent of the amount paid that comes back as points, what a point is worth when spent, and how
 * long a sold gift card lasts.
 */
export function LoyaltySettingsPage(_props: HostProps) {
  const { t } = useTranslation('loyalty');
  const settings = useLoyaltySettings();
  return (
    <Section title={t('admin.settings.title')} description={t('admin.settings.description')} testId="loyalty-settings-page">
      {settings.data ? (
        <SettingsForm settings={settings.data} />
      ) : settings.error ? (
        <Notice kind="error" testId="loyalty-settings-load-failed">
          {t('admin.settings.loadFailed', { message: problemText(t, settings.error) })}
        </Notice>
      ) : (
        <p className={styles.loading}>
          <Spinner /> {t('admin.settings.loading')}
        </p>
      )}
    </Section>
  );
}

function SettingsForm({ settings }: { settings: LoyaltySettings }) {
  const { t, i18n } = useTranslation('loyalty');
  const host = useHost();
  const currency = host.session.venue.currency;
  const money = (minor: number) => formatMoney(minor, currency, i18n.language);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [invalid, setInvalid] = useState<ReadonlySet<SettingsField>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveLoyaltySettings();
  const check = checkSettings(draft);
  const error = (field: SettingsField, text: string) => (invalid.has(field) ? text : undefined);

  const onSave = () => {
    setFailure(null);
    if (!check.ok) {
      setInvalid(new Set(check.fields));
      setFailure(t('admin.settings.invalid'));
      return;
    }
    save.mutate(check.input, {
      onSuccess: (saved) => {
        setInvalid(new Set());
        setDraft(draftOf(saved));
        host.notify('success', t('admin.settings.saved'));
      },
      onError: (e) => {
        const fields = SETTINGS_FIELDS.filter((f) => f in problemFields(e));
        setInvalid(new Set(fields));
        setFailure(fields.length > 0 ? t('admin.settings.invalid') : t('admin.settings.failed', { message: problemText(t, e) }));
      },
    });
  };

  return (
    <div className={styles.form} data-testid="loyalty-settings-form">
      <TextField
        label={t('admin.settings.earnPercent')}
        hint={t('admin.settings.earnPercentHint')}
        error={error('earnPercent', t('admin.settings.earnPercentInvalid', EARN_PERCENT))}
        type="number"
        inputMode="numeric"
        min={EARN_PERCENT.min}
        max={EARN_PERCENT.max}
        step={1}
        value={draft.earnPercent}
        onChange={(e) => setDraft({ ...draft, earnPercent: e.target.value })}
        addon={<span className={styles.unit}>%</span>}
        data-testid="loyalty-settings-earn-percent"
        fieldClassName={styles.field}
      />
      <MoneyField
        label={t('admin.settings.pointValue')}
        hint={t('admin.settings.pointValueHint')}
        error={error('pointValue', t('admin.settings.pointValueInvalid', { min: money(POINT_VALUE.min), max: money(POINT_VALUE.max) }))}
        currency={currency}
        value={draft.pointValue}
        onChange={(pointValue) => setDraft({ ...draft, pointValue })}
        testId="loyalty-settings-point-value"
        className={styles.field}
      />
      <TextField
        label={t('admin.settings.expiryDays')}
        hint={t('admin.settings.expiryDaysHint')}
        error={error('giftCardExpiryDays', t('admin.settings.expiryDaysInvalid', EXPIRY_DAYS))}
        type="number"
        inputMode="numeric"
        min={EXPIRY_DAYS.min}
        max={EXPIRY_DAYS.max}
        step={1}
        value={draft.giftCardExpiryDays}
        onChange={(e) => setDraft({ ...draft, giftCardExpiryDays: e.target.value })}
        addon={<span className={styles.unit}>{t('admin.settings.days')}</span>}
        data-testid="loyalty-settings-expiry-days"
        fieldClassName={styles.field}
      />
      {check.ok && (
        <p className={styles.example} data-testid="loyalty-settings-example">
          {(() => {
            // The server's rule: floor(eligible × earnPercent / (100 × pointValue)), one division so nothing rounds on the way.
            const points = Math.floor((EXAMPLE_BILL * check.input.earnPercent) / (100 * check.input.pointValue));
            return t('admin.settings.example', { bill: money(EXAMPLE_BILL), count: points, worth: money(points * check.input.pointValue) });
          })()}
        </p>
      )}
      <div className={styles.footer}>
        <Button variant="primary" size="large" disabled={save.isPending} onClick={onSave} data-testid="loyalty-settings-save">
          {save.isPending ? t('admin.settings.saving') : t('admin.settings.save')}
        </Button>
      </div>
      {failure && (
        <Notice kind="error" testId="loyalty-settings-failure">
          {failure}
        </Notice>
      )}
    </div>
  );
}
