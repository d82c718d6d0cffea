import { NOTIFICATION_CHANNELS, NOTIFICATION_TEMPLATES, type NotificationChannel, type NotificationTemplate, type SendNotificationInput } from '@pos/contracts';
import { problemCode, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { ChoiceGroup, Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { useSendNotification } from './api/guest-notifications';
import { readFailure } from './failure';
import styles from './integrations-admin.module.css';

const TEMPLATES = Object.keys(NOTIFICATION_TEMPLATES) as NotificationTemplate[];
const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The recipient's field, whichever channel: a 400 at `recipient.phone` or `recipient.email` lands there. */
const RECIPIENT = 'recipient';

/** Which field of the form a 400's path belongs to: a variable by its name, the recipient, or none. */
function fieldOf(path: string): string | null {
  if (path.startsWith('variables.')) return path.slice('variables.'.length);
  if (path.startsWith('recipient')) return RECIPIENT;
  return null;
}

/**
 * A message to a guest (`POST /notification/send`): the channel, a template with its required
 * variables as fields, and a phone (SMS) or email; one clientRequestId per dialog, so a retried
 * send is done once. A 400's paths land at their fields; a 409 (no consent) is said in a sentence.
 */
export function SendNotificationDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const send = useSendNotification();
  const [requestId] = useState(newRequestId);
  const [channel, setChannel] = useState<NotificationChannel>('sms');
  const [template, setTemplate] = useState<NotificationTemplate>('order_ready');
  const [values, setValues] = useState<Record<string, string>>({});
  const [recipient, setRecipient] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const required: readonly string[] = NOTIFICATION_TEMPLATES[template].required;

  const submit = () => {
    const found: Record<string, string> = {};
    for (const name of required) if (!values[name]?.trim()) found[name] = t('admin.notifications.required');
    const to = recipient.trim();
    if (channel === 'sms' && !PHONE.test(to)) found[RECIPIENT] = t('admin.notifications.phoneError');
    if (channel === 'email' && !EMAIL.test(to)) found[RECIPIENT] = t('admin.notifications.emailError');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    const input: SendNotificationInput = {
      channel,
      template,
      variables: Object.fromEntries(required.map((name) => [name, values[name].trim()])),
      recipient: channel === 'sms' ? { phone: to } : { email: to },
      clientRequestId: requestId,
    };
    send.mutate(input, {
      onSuccess: () => {
        host.notify('success', t('admin.notifications.sent'));
        onClose();
      },
      onError: (e) => {
        const f = readFailure(t, e);
        if (f.kind === 'fields') {
          const atFields: Record<string, string> = {};
          const rest: string[] = [];
          for (const [path, message] of Object.entries(f.fields)) {
            const field = fieldOf(path);
            if (field && (field === RECIPIENT || required.includes(field))) atFields[field] = message;
            else rest.push(`${path}: ${message}`);
          }
          setErrors(atFields);
          setFailure(rest.length ? rest.join('; ') : null);
        } else setFailure(problemCode(e) ? problemText(t, e) : f.kind === 'other' ? f.text : t('admin.invalid'));
      },
    });
  };

  const formId = 'integration-notification-form';
  return (
    <Dialog
      title={t('admin.notifications.sendTitle')}
      onClose={onClose}
      size="small"
      testId="notification-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} form={formId} confirmLabel={t('admin.notifications.send')} isBusy={send.isPending} confirmTestId="notification-form-send" />}
    >
      <form
        id={formId}
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ChoiceGroup
          label={t('admin.notifications.channel')}
          options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`admin.notifications.channels.${c}`), testId: `notification-form-channel-${c}` }))}
          value={channel}
          onChange={(c) => {
            setChannel(c);
            setErrors(({ [RECIPIENT]: _dropped, ...rest }) => rest);
          }}
        />
        <ChoiceGroup
          label={t('admin.notifications.template')}
          options={TEMPLATES.map((id) => ({ value: id, label: t(`admin.notifications.templates.${id}`), testId: `notification-form-template-${id}` }))}
          value={template}
          onChange={(id) => {
            setTemplate(id);
            setErrors({});
          }}
        />
        {required.map((name) => (
          <TextField
            key={`${template}-${name}`}
            label={t(`admin.notifications.variables.${name}`)}
            value={values[name] ?? ''}
            error={errors[name]}
            maxLength={1000}
            onChange={(e) => {
              const value = e.target.value;
              setValues((v) => ({ ...v, [name]: value }));
              setErrors(({ [name]: _dropped, ...rest }) => rest);
            }}
            data-testid={`notification-form-var-${name}`}
          />
        ))}
        <TextField
          label={channel === 'sms' ? t('admin.notifications.phone') : t('admin.notifications.email')}
          hint={channel === 'sms' ? t('admin.notifications.phoneHint') : undefined}
          type={channel === 'sms' ? 'tel' : 'text'}
          inputMode={channel === 'sms' ? 'tel' : 'email'}
          value={recipient}
          error={errors[RECIPIENT]}
          maxLength={120}
          onChange={(e) => {
            setRecipient(e.target.value);
            setErrors(({ [RECIPIENT]: _dropped, ...rest }) => rest);
          }}
          data-testid="notification-form-recipient"
        />
        {failure && (
          <Notice kind="error" testId="notification-form-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}
