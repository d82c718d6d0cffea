import { WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEventType } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { queryKeys, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog, DialogActions, Field, Icon, Notice, Switch, TextField } from '@pos/ui';
import { useState } from 'react';
import { newRequestId } from '../../api/request-id';
import { useDeleteEndpoint, useSaveEndpoint, useWebhookEndpoints } from './api/admin-integrations';
import { readFailure } from './failure';
import styles from './integrations-admin.module.css';
import { ListPanel, useConflictReload, useRowSaveError } from './query-state';
import { RotateDialog } from './rotate-dialog';
import { SecretField } from './secret-field';

/** The webhook endpoints: what each gets, what waits and what died, add / edit / delete / rotate. */
export function EndpointsPanel({ onShowDead }: { onShowDead(endpoint: WebhookEndpoint): void }) {
  const { t } = useTranslation('integrations');
  return (
    <ListPanel<WebhookEndpoint>
      testId="endpoints-panel"
      addLabel={t('admin.endpoints.add')}
      addTestId="endpoint-add"
      emptyText={t('admin.endpoints.empty')}
      query={useWebhookEndpoints()}
      row={(endpoint, edit) => <EndpointRow key={endpoint.id} endpoint={endpoint} onEdit={edit} onShowDead={() => onShowDead(endpoint)} />}
      dialog={(endpoint, close) => <EndpointDialog endpoint={endpoint} onClose={close} />}
    />
  );
}

function EndpointRow({ endpoint, onEdit, onShowDead }: { endpoint: WebhookEndpoint; onEdit(): void; onShowDead(): void }) {
  const { t } = useTranslation('integrations');
  const save = useSaveEndpoint();
  const host = useHost();
  const onConflict = useConflictReload(queryKeys.webhookEndpoints);
  const onSaveError = useRowSaveError(onConflict);
  const [open, setOpen] = useState<'rotate' | 'delete' | null>(null);
  const flip = (enabled: boolean) =>
    save.mutate(
      { kind: 'update', id: endpoint.id, input: { enabled, version: endpoint.version, clientRequestId: newRequestId() } },
      { onError: onSaveError },
    );
  return (
    <li className={`${styles.row} ${endpoint.enabled ? '' : styles.off}`} data-testid="endpoint-row" data-endpoint-id={endpoint.id}>
      <div className={styles.rowHead}>
        <code className={`${styles.name} ${styles.url}`} data-testid="endpoint-url">
          {endpoint.url}
        </code>
        <span className={styles.grow} />
        <Switch
          label={t('admin.endpoints.toggle', { url: endpoint.url })}
          checked={endpoint.enabled}
          disabled={save.isPending}
          onChange={flip}
          stateLabel={endpoint.enabled ? t('admin.enabled') : t('admin.disabled')}
          testId="endpoint-enabled"
        />
      </div>
      {endpoint.description && <div className={styles.muted}>{endpoint.description}</div>}
      <div className={styles.facts}>
        {endpoint.events.map((event) => (
          <Badge key={event} tone="info">
            {t(`admin.endpoints.eventNames.${event}`)}
          </Badge>
        ))}
        <Badge tone={endpoint.pending > 0 ? 'warning' : 'neutral'} data-testid="endpoint-pending">
          {t('admin.endpoints.pending', { count: endpoint.pending })}
        </Badge>
        <Badge tone={endpoint.dead > 0 ? 'danger' : 'neutral'} data-testid="endpoint-dead">
          {t('admin.endpoints.dead', { count: endpoint.dead })}
        </Badge>
        {endpoint.dead > 0 && (
          <Button variant="ghost" onClick={onShowDead} data-testid="endpoint-show-dead">
            {t('admin.endpoints.showDead')}
          </Button>
        )}
      </div>
      <SecretField secret={endpoint.secret} previousUntil={endpoint.previousSecretUntil} testId="endpoint" />
      <div className={styles.rowActions}>
        <Button onClick={onEdit} data-testid="endpoint-edit">
          {t('admin.endpoints.edit')}
        </Button>
        <Button onClick={() => setOpen('rotate')} data-testid="endpoint-rotate">
          {t('admin.rotate.action')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen('delete')} data-testid="endpoint-delete">
          <Icon name="trash" size={18} />
          {t('admin.endpoints.delete')}
        </Button>
      </div>
      {open === 'rotate' && (
        <RotateDialog
          version={endpoint.version}
          onRotate={async (input) => {
            await save.mutateAsync({ kind: 'rotate', id: endpoint.id, input });
            host.notify('success', t('admin.rotate.done'));
          }}
          onConflict={onConflict}
          onClose={() => setOpen(null)}
          testId="endpoint-rotate-dialog"
        />
      )}
      {open === 'delete' && <DeleteDialog endpoint={endpoint} onClose={() => setOpen(null)} />}
    </li>
  );
}

function DeleteDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose(): void }) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const remove = useDeleteEndpoint();
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(endpoint.id, {
      onSuccess: () => {
        host.notify('success', t('admin.endpoints.deleted'));
        onClose();
      },
      onError: (e) => setFailure(t('admin.failed', { message: problemText(t, e) })),
    });
  return (
    <Dialog
      title={t('admin.endpoints.deleteTitle')}
      onClose={onClose}
      size="small"
      testId="endpoint-delete-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} onConfirm={confirm} confirmLabel={t('admin.endpoints.delete')} tone="danger" isBusy={remove.isPending} confirmTestId="endpoint-delete-confirm" />}
    >
      <p>{t('admin.endpoints.deleteText', { url: endpoint.url })}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
    </Dialog>
  );
}

type FieldName = 'url' | 'description' | 'events';
const FIELDS: readonly FieldName[] = ['url', 'description', 'events'];
/** A server path to the form's field ("events.0" → events). */
const fieldOf = (path: string): FieldName | null => FIELDS.find((f) => path === f || path.startsWith(`${f}.`)) ?? null;

/** A new endpoint or a change at the version seen: URL, description, events, on/off. */
function EndpointDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint | null; onClose(): void }) {
  const { t } = useTranslation('integrations');
  const host = useHost();
  const save = useSaveEndpoint();
  const onConflict = useConflictReload(queryKeys.webhookEndpoints);
  const [requestId] = useState(newRequestId);
  const [url, setUrl] = useState(endpoint?.url ?? '');
  const [description, setDescription] = useState(endpoint?.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(endpoint?.events ?? [...WEBHOOK_EVENT_TYPES]);
  const [enabled, setEnabled] = useState(endpoint?.enabled ?? true);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const errorOf = (field: FieldName) =>
    errors[field] ? (
      <span data-testid={`endpoint-error-${field}`}>{errors[field] === 'other' ? t('admin.endpoints.errors.other') : t(`admin.endpoints.errors.${field}`)}</span>
    ) : undefined;

  const submit = () => {
    const local: Partial<Record<FieldName, string>> = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim())) local.url = 'url';
    if (events.length === 0) local.events = 'events';
    if (Object.keys(local).length) {
      setErrors(local);
      setFailure(t('admin.invalid'));
      return;
    }
    const input = { url: url.trim(), description: description.trim(), events, enabled, clientRequestId: requestId };
    save.mutate(endpoint ? { kind: 'update', id: endpoint.id, input: { ...input, version: endpoint.version } } : { kind: 'create', input }, {
      onSuccess: () => {
        host.notify('success', endpoint ? t('admin.endpoints.saved') : t('admin.endpoints.created'));
        onClose();
      },
      onError: (e) => {
        const f = readFailure(t, e);
        if (f.kind === 'conflict') {
          onConflict();
          onClose();
        } else if (f.kind === 'fields') {
          const marked: Partial<Record<FieldName, string>> = {};
          const rest: string[] = [];
          for (const [path, message] of Object.entries(f.fields)) {
            const field = fieldOf(path);
            if (field) marked[field] = field;
            else rest.push(path ? `${path}: ${message}` : message);
          }
          setErrors(marked);
          setFailure([t('admin.invalid'), ...rest].join(' '));
        } else setFailure(f.text);
      },
    });
  };
  const toggleEvent = (event: WebhookEventType, on: boolean) => {
    setEvents((list) => (on ? WEBHOOK_EVENT_TYPES.filter((e) => e === event || list.includes(e)) : list.filter((e) => e !== event)));
    setErrors((e) => ({ ...e, events: undefined }));
  };
  const formId = 'integration-endpoint-form';
  return (
    <Dialog
      title={endpoint ? t('admin.endpoints.editTitle') : t('admin.endpoints.newTitle')}
      onClose={onClose}
      size="medium"
      testId="endpoint-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} form={formId} confirmLabel={t('admin.save')} isBusy={save.isPending} confirmTestId="endpoint-save" />}
    >
      <form
        id={formId}
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t('admin.endpoints.url')}
          placeholder={t('admin.endpoints.urlPlaceholder')}
          type="url"
          value={url}
          error={errorOf('url')}
          onChange={(e) => {
            setUrl(e.target.value);
            setErrors((x) => ({ ...x, url: undefined }));
          }}
          data-testid="endpoint-form-url"
        />
        <TextField
          label={t('admin.endpoints.description')}
          value={description}
          maxLength={200}
          error={errorOf('description')}
          onChange={(e) => setDescription(e.target.value)}
          data-testid="endpoint-form-description"
        />
        <Field label={t('admin.endpoints.events')} error={errorOf('events')}>
          <div className={styles.checks}>
            {WEBHOOK_EVENT_TYPES.map((event) => (
              <label key={event} className={styles.check}>
                <input type="checkbox" checked={events.includes(event)} onChange={(e) => toggleEvent(event, e.target.checked)} data-testid={`endpoint-form-event-${event}`} />
                <span>{t(`admin.endpoints.eventNames.${event}`)}</span>
                <code className={styles.muted}>{event}</code>
              </label>
            ))}
          </div>
        </Field>
        <Switch label={t('admin.endpoints.enabled')} checked={enabled} onChange={setEnabled} stateLabel={enabled ? t('admin.enabled') : t('admin.disabled')} testId="endpoint-form-enabled" />
        {failure && (
          <Notice kind="error" testId="endpoint-form-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}
