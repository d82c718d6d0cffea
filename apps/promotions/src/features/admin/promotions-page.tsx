import type { ExclusiveChoice, PromotionRule } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { ApiError, type HostProps, queryKeys, useHost, useMenu } from '@pos/plugin-sdk';
import { Badge, Button, ChoiceGroup, Dialog, DialogActions, EmptyState, Icon, Notice, Section, Spinner, Switch } from '@pos/ui';
import { useState } from 'react';
import { useFormat } from '../../format';
import { effectText, scheduleText } from '../../model/rule-summary';
import { useAdminPromotions, useDeletePromotion, usePromotionSettings, useSavePromotion, useSavePromotionSettings } from './api/admin-promotions';
import styles from './promotions-admin.module.css';
import { inputOfRule } from './rule-draft';
import { RuleForm } from './rule-form';

/**
 * Admin → Акции (/x/admin/promotions; permission admin.promotions): the venue's rules with what
 * each gives and when, switched on and off in place; a rule's form to create or change one; and
 * how several matching exclusive rules compete.
 */
export function PromotionsPage(_props: HostProps) {
  const { t } = useTranslation('promotions');
  const list = useAdminPromotions();
  const menu = useMenu();
  const [editing, setEditing] = useState<PromotionRule | 'new' | null>(null);

  if (editing && menu.data) return <RuleForm key={editing === 'new' ? 'new' : editing.id} rule={editing === 'new' ? null : editing} menu={menu.data} onDone={() => setEditing(null)} />;
  return (
    <Section
      title={t('admin.title')}
      description={t('admin.description')}
      actions={
        <Button variant="primary" size="large" disabled={!menu.data} onClick={() => setEditing('new')} data-testid="promotions-create">
          <Icon name="plus" size={18} />
          {t('admin.create')}
        </Button>
      }
      testId="promotions-page"
    >
      <div className={styles.page}>
        <SettingsBlock />
        {list.data ? (
          list.data.promotions.length === 0 ? (
            <EmptyState>{t('admin.empty')}</EmptyState>
          ) : (
            <ul className={styles.rules} data-testid="promotion-rules">
              {list.data.promotions.map((rule) => (
                <RuleRow key={rule.id} rule={rule} onEdit={() => setEditing(rule)} />
              ))}
            </ul>
          )
        ) : list.error ? (
          <Notice kind="error" testId="promotions-load-failed">
            {t('admin.loadFailed', { message: problemText(t, list.error) })}
          </Notice>
        ) : (
          <p className={styles.muted}>
            <Spinner /> {t('admin.loading')}
          </p>
        )}
      </div>
    </Section>
  );
}

function SettingsBlock() {
  const { t } = useTranslation('promotions');
  const host = useHost();
  const settings = usePromotionSettings();
  const save = useSavePromotionSettings();
  if (!settings.data) return null;
  const choose = (exclusiveChoice: ExclusiveChoice) =>
    save.mutate({ exclusiveChoice }, { onSuccess: () => host.notify('success', t('admin.settings.saved')), onError: (e) => host.notify('error', t('admin.failed', { message: problemText(t, e) })) });
  return (
    <div className={styles.settings} data-testid="promotion-settings">
      <ChoiceGroup
        label={t('admin.settings.title')}
        options={[
          { value: 'priority', label: t('admin.settings.priority'), testId: 'promotion-settings-priority' },
          { value: 'best_for_guest', label: t('admin.settings.best_for_guest'), testId: 'promotion-settings-best' },
        ]}
        value={settings.data.exclusiveChoice}
        onChange={choose}
      />
    </div>
  );
}

function RuleRow({ rule, onEdit }: { rule: PromotionRule; onEdit(): void }) {
  const { t, tools, date } = useFormat();
  const host = useHost();
  const save = useSavePromotion();
  const [isDeleting, setDeleting] = useState(false);
  const flip = (enabled: boolean) =>
    save.mutate(
      { id: rule.id, version: rule.version, input: { ...inputOfRule(rule), enabled } },
      {
        onError: (e) => {
          const isConflict = e instanceof ApiError && e.status === 409;
          host.notify('error', isConflict ? t('admin.conflict') : t('admin.failed', { message: problemText(t, e) }));
          // Someone else changed it: show the rule as it stands (its new version) for the next tap.
          if (isConflict) void host.queryClient.invalidateQueries({ queryKey: queryKeys.adminPromotions });
        },
      },
    );
  return (
    <li className={`${styles.rule} ${rule.enabled ? '' : styles.ruleOff}`} data-testid="promotion-rule" data-rule-id={rule.id}>
      <div className={styles.ruleHead}>
        <span className={styles.ruleName}>{rule.name}</span>
        {rule.manual && <Badge tone="accent">{t('admin.manualTag')}</Badge>}
        {rule.featureFlag && <Badge tone="info">{t('admin.gated', { flag: t(`flags.features.${rule.featureFlag}.name`, { ns: 'admin', defaultValue: rule.featureFlag }) })}</Badge>}
        <span className={styles.ruleSwitch}>
          <Switch label={t('admin.toggle', { name: rule.name })} checked={rule.enabled} disabled={save.isPending} onChange={flip} stateLabel={rule.enabled ? t('admin.enabled') : t('admin.disabled')} testId="promotion-rule-enabled" />
        </span>
      </div>
      <div className={styles.ruleFacts}>
        <span data-testid="promotion-rule-kind">{effectText(rule.effect, tools)}</span>
        <span data-testid="promotion-rule-schedule">
          <Icon name="clock" size={14} /> {scheduleText(rule.schedule, t, date)}
        </span>
        <span>
          {t('admin.columns.priority')}: {rule.priority}
        </span>
        <span>{rule.stacking === 'exclusive' ? t('admin.exclusive') : t('admin.stackable')}</span>
      </div>
      <div className={styles.ruleActions}>
        <Button onClick={onEdit} data-testid="promotion-rule-edit">
          {t('admin.edit')}
        </Button>
        <Button variant="ghost" onClick={() => setDeleting(true)} data-testid="promotion-rule-delete">
          <Icon name="trash" size={18} />
          {t('admin.delete')}
        </Button>
      </div>
      {isDeleting && <DeleteDialog rule={rule} onClose={() => setDeleting(false)} />}
    </li>
  );
}

function DeleteDialog({ rule, onClose }: { rule: PromotionRule; onClose(): void }) {
  const { t } = useTranslation('promotions');
  const host = useHost();
  const remove = useDeletePromotion();
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = () =>
    remove.mutate(rule.id, {
      onSuccess: () => {
        host.notify('success', t('admin.deleted', { name: rule.name }));
        onClose();
      },
      onError: (e) => setFailure(t('admin.failed', { message: problemText(t, e) })),
    });
  return (
    <Dialog
      title={t('admin.deleteTitle')}
      onClose={onClose}
      size="small"
      testId="promotion-delete-dialog"
      footer={<DialogActions onCancel={onClose} cancelLabel={t('admin.cancel')} onConfirm={confirm} confirmLabel={t('admin.deleteConfirm')} tone="danger" isBusy={remove.isPending} confirmTestId="promotion-delete-confirm" />}
    >
      <p>{t('admin.deleteText', { name: rule.name })}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
    </Dialog>
  );
}
