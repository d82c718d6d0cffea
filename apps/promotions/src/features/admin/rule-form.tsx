import { FEATURES, type Feature, type ItemSet, type Menu, PROMOTION_KINDS, type PromotionRule } from '@pos/contracts';
import { problemCode, problemText, useTranslation } from '@pos/i18n';
import { ApiError, queryKeys, useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, Field, FieldGroup, fieldErrorClass, Icon, inputClass, MoneyField, Notice, Section, Switch, TextField } from '@pos/ui';
import { type ReactNode, useState } from 'react';
import { useSavePromotion } from './api/admin-promotions';
import { ItemSetPicker } from './item-set-picker';
import styles from './promotions-admin.module.css';
import { checkDraft, draftOf, errorKey, fieldErrors, newDraft, newGroup, newWindow, type RuleDraft, type WindowDraft } from './rule-draft';

export interface RuleFormProps {
  /** null: a new rule. */
  rule: PromotionRule | null;
  menu: Pick<Menu, 'products' | 'categories'>;
  onDone(): void;
}

/** The pilot switch first: it is what a rule is usually gated by. */
const GATES: Feature[] = ['promotions-pilot', ...FEATURES.filter((f) => f !== 'promotions-pilot')];

/**
 * One rule, every field of `PromotionInput`: the kind and its parameters, what it applies to,
 * when (validity dates, weekly windows), conditions, limits, priority and stacking, manual, a
 * feature flag it is gated by, on/off. Money in the venue's currency (the API's minor units
 * underneath). A field the contract or the server refuses is marked where it is.
 */
export function RuleForm({ rule, menu, onDone }: RuleFormProps) {
  const { t } = useTranslation('promotions');
  const host = useHost();
  const currency = host.session.venue.currency;
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : newDraft()));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<{ text: string; isConflict?: boolean } | null>(null);
  const save = useSavePromotion();
  const set = (change: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...change }));
  /** After a 409: the list as it stands now, to edit the rule again from its new version. */
  const reload = () => {
    void host.queryClient.invalidateQueries({ queryKey: queryKeys.adminPromotions });
    onDone();
  };

  /** The error of a field: the first failing path at or under `prefix`, in the form's words. */
  const errorAt = (prefix: string, testId = `promotion-error-${prefix}`): ReactNode => {
    const path = [...errors.keys()].find((p) => p === prefix || p.startsWith(`${prefix}.`));
    return path === undefined ? undefined : <span data-testid={testId}>{t(`admin.errors.${errorKey(path, draft)}`)}</span>;
  };
  const placed = (path: string) => /^(name|effect|schedule|conditions|limits|priority)(\.|$)/.test(path);
  const unplaced = [...errors].filter(([path]) => !placed(path));

  const onSave = () => {
    setFailure(null);
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      setFailure({ text: t('admin.invalid') });
      return;
    }
    const command = rule ? { id: rule.id, version: rule.version, input: check.input } : { id: null, input: check.input };
    save.mutate(command, {
      onSuccess: (saved) => {
        host.notify('success', t('admin.saved', { name: saved.name }));
        onDone();
      },
      onError: (e) => {
        if (problemCode(e) === 'promotion.version_conflict' || (e instanceof ApiError && e.status === 409)) {
          setFailure({ text: t('admin.conflict'), isConflict: true });
        } else if (e instanceof ApiError && e.problem.errors?.length) {
          setErrors(fieldErrors(e.problem.errors));
          setFailure({ text: t('admin.invalid') });
        } else {
          setErrors(new Map());
          setFailure({ text: t('admin.failed', { message: problemText(t, e) }) });
        }
      },
    });
  };

  const kindFields = (() => {
    switch (draft.kind) {
      case 'percent':
      case 'fixed':
        return (
          <>
            {draft.kind === 'percent' ? (
              <NumberField label={t('admin.form.percent')} value={draft.percent} onChange={(percent) => set({ percent })} error={errorAt('effect.percent')} testId="promotion-form-percent" unit="%" />
            ) : (
              <MoneyField label={t('admin.form.amount')} hint={t('admin.form.amountHint')} currency={currency} value={draft.amount} onChange={(amount) => set({ amount })} error={errorAt('effect.amount')} testId="promotion-form-amount" className={styles.short} />
            )}
            <ChoiceGroup
              label={t('admin.form.target')}
              options={[
                { value: 'check', label: t('admin.form.targetCheck'), testId: 'promotion-form-target-check' },
                { value: 'items', label: t('admin.form.targetItems'), testId: 'promotion-form-target-items' },
              ]}
              value={draft.scope}
              onChange={(scope) => set({ scope })}
            />
            {draft.scope === 'items' && <Items value={draft.target} onChange={(target) => set({ target })} menu={menu} testId="promotion-form-target" error={errorAt('effect.target')} />}
          </>
        );
      case 'buy_x_get_y':
        return (
          <>
            <Field label={t('admin.form.buy')} error={errorAt('effect.buy')}>
              <ItemSetPicker value={draft.buy} onChange={(buy) => set({ buy })} menu={menu} testId="promotion-form-buy" />
            </Field>
            <div className={styles.row}>
              <NumberField label={t('admin.form.buyQuantity')} value={draft.buyQuantity} onChange={(buyQuantity) => set({ buyQuantity })} error={errorAt('effect.buyQuantity')} testId="promotion-form-buy-quantity" />
              <NumberField label={t('admin.form.getQuantity')} value={draft.getQuantity} onChange={(getQuantity) => set({ getQuantity })} error={errorAt('effect.getQuantity')} testId="promotion-form-get-quantity" />
              <NumberField label={t('admin.form.getPercent')} hint={t('admin.form.getPercentHint')} value={draft.getPercent} onChange={(getPercent) => set({ getPercent })} error={errorAt('effect.getPercent')} testId="promotion-form-get-percent" unit="%" />
            </div>
            <Toggle label={t('admin.form.getSame')} checked={draft.getSame} onChange={(getSame) => set({ getSame })} testId="promotion-form-get-same" />
            {!draft.getSame && (
              <Field label={t('admin.form.get')} error={errorAt('effect.get')}>
                <ItemSetPicker value={draft.get} onChange={(get) => set({ get })} menu={menu} testId="promotion-form-get" />
              </Field>
            )}
            <ChoiceGroup
              label={t('admin.form.reward')}
              options={[
                { value: 'cheapest', label: t('admin.form.cheapest') },
                { value: 'most_expensive', label: t('admin.form.most_expensive') },
              ]}
              value={draft.reward}
              onChange={(reward) => set({ reward })}
            />
          </>
        );
      case 'combo_price':
        return (
          <>
            <Field label={t('admin.form.comboItems')} error={errors.has('effect.items') ? errorAt('effect.items') : undefined}>
              {draft.groups.map((group, i) => (
                <div key={group.key} className={styles.group} data-testid={`promotion-form-group-${i}`}>
                  <div className={styles.groupHead}>
                    <b>{t('admin.form.comboGroup', { n: i + 1 })}</b>
                    <Button variant="ghost" aria-label={t('admin.form.removeGroup')} onClick={() => set({ groups: draft.groups.filter((_, k) => k !== i) })}>
                      <Icon name="trash" />
                    </Button>
                  </div>
                  <ItemSetPicker value={group.items} onChange={(items) => set({ groups: draft.groups.map((g, k) => (k === i ? { ...g, items } : g)) })} menu={menu} testId={`promotion-form-group-${i}-items`} />
                  <FieldError>{errorAt(`effect.items.${i}.items`)}</FieldError>
                  <NumberField label={t('admin.form.comboQuantity')} value={group.quantity} onChange={(quantity) => set({ groups: draft.groups.map((g, k) => (k === i ? { ...g, quantity } : g)) })} error={errorAt(`effect.items.${i}.quantity`)} testId={`promotion-form-group-${i}-quantity`} />
                </div>
              ))}
              <Button className={styles.addButton} onClick={() => set({ groups: [...draft.groups, newGroup()] })} data-testid="promotion-form-add-group">
                <Icon name="plus" size={18} />
                {t('admin.form.addGroup')}
              </Button>
            </Field>
            <MoneyField label={t('admin.form.comboPrice')} currency={currency} value={draft.price} onChange={(price) => set({ price })} error={errorAt('effect.price')} testId="promotion-form-price" className={styles.short} />
          </>
        );
    }
  })();

  return (
    <Section
      title={rule ? t('admin.form.editTitle', { name: rule.name }) : t('admin.form.newTitle')}
      actions={
        <>
          <Button onClick={onDone} data-testid="promotion-form-back">
            {t('admin.back')}
          </Button>
          <Button variant="primary" size="large" disabled={save.isPending} onClick={onSave} data-testid="promotion-form-save">
            {save.isPending ? t('admin.saving') : t('admin.save')}
          </Button>
        </>
      }
      notice={
        failure && (
          <Notice kind="error" testId="promotion-form-failure" action={failure.isConflict ? <Button onClick={reload}>{t('admin.reload')}</Button> : undefined}>
            {failure.text}
            {unplaced.map(([path, message]) => (
              <div key={path}>{path ? `${path}: ${message}` : message}</div>
            ))}
          </Notice>
        )
      }
      testId="promotion-form"
    >
      <div className={styles.form}>
        <TextField label={t('admin.form.name')} placeholder={t('admin.form.namePlaceholder')} value={draft.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} error={errorAt('name')} data-testid="promotion-form-name" />
        <ChoiceGroup label={t('admin.form.kind')} options={PROMOTION_KINDS.map((kind) => ({ value: kind, label: t(`admin.form.kinds.${kind}`), testId: `promotion-form-kind-${kind}` }))} value={draft.kind} onChange={(kind) => set({ kind })} />
        {kindFields}

        <FieldGroup title={t('admin.form.schedule')} hint={<span className={styles.muted}>{t('admin.form.windowsHint')}</span>}>
          <div className={styles.row}>
            <DateField label={t('admin.form.validFrom')} value={draft.validFrom} onChange={(validFrom) => set({ validFrom })} error={errorAt('schedule.validFrom')} testId="promotion-form-valid-from" />
            <DateField label={t('admin.form.validTo')} value={draft.validTo} onChange={(validTo) => set({ validTo })} error={errorAt('schedule.validTo')} testId="promotion-form-valid-to" />
          </div>
          {draft.windows.map((w, i) => (
            <WindowRow
              key={w.key}
              window={w}
              testId={`promotion-form-window-${i}`}
              error={errorAt(`schedule.windows.${i}`, `promotion-form-window-${i}-error`)}
              onChange={(next) => set({ windows: draft.windows.map((x, k) => (k === i ? next : x)) })}
              onRemove={() => set({ windows: draft.windows.filter((_, k) => k !== i) })}
            />
          ))}
          <Button className={styles.addButton} onClick={() => set({ windows: [...draft.windows, newWindow()] })} data-testid="promotion-form-add-window">
            <Icon name="clock" size={18} />
            {t('admin.form.addWindow')}
          </Button>
        </FieldGroup>

        <FieldGroup title={t('admin.form.conditions')}>
          <div className={styles.row}>
            <MoneyField label={t('admin.form.minSubtotal')} currency={currency} value={draft.minSubtotal} onChange={(minSubtotal) => set({ minSubtotal })} error={errorAt('conditions.minSubtotal')} testId="promotion-form-min-subtotal" className={styles.short} />
            <NumberField label={t('admin.form.minQuantity')} value={draft.minQuantity} onChange={(minQuantity) => set({ minQuantity })} error={errorAt('conditions.minQuantity')} testId="promotion-form-min-quantity" />
          </div>
        </FieldGroup>

        <FieldGroup title={t('admin.form.limits')}>
          <div className={styles.row}>
            <NumberField label={t('admin.form.perGuest')} hint={t('admin.form.noLimit')} value={draft.perGuest} onChange={(perGuest) => set({ perGuest })} error={errorAt('limits.perGuest')} testId="promotion-form-per-guest" />
            <NumberField label={t('admin.form.total')} hint={t('admin.form.noLimit')} value={draft.total} onChange={(total) => set({ total })} error={errorAt('limits.total')} testId="promotion-form-total" />
          </div>
        </FieldGroup>

        <FieldGroup title={t('admin.form.behaviour')}>
          <NumberField label={t('admin.form.priority')} hint={t('admin.form.priorityHint')} value={draft.priority} onChange={(priority) => set({ priority })} error={errorAt('priority')} testId="promotion-form-priority" />
          <ChoiceGroup
            label={t('admin.form.stacking')}
            options={[
              { value: 'stackable', label: t('admin.stackable'), testId: 'promotion-form-stackable' },
              { value: 'exclusive', label: t('admin.exclusive'), testId: 'promotion-form-exclusive' },
            ]}
            value={draft.stacking}
            onChange={(stacking) => set({ stacking })}
          />
          <Toggle label={t('admin.form.manual')} hint={t('admin.form.manualHint')} checked={draft.manual} onChange={(manual) => set({ manual })} testId="promotion-form-manual" />
          <Field label={t('admin.form.featureFlag')}>
            {(control) => (
              <select {...control} className={`${inputClass} ${styles.select}`} value={draft.featureFlag ?? ''} onChange={(e) => set({ featureFlag: (e.target.value || null) as Feature | null })} data-testid="promotion-form-flag">
                <option value="">{t('admin.form.noFlag')}</option>
                {GATES.map((f) => (
                  <option key={f} value={f}>
                    {t(`flags.features.${f}.name`, { ns: 'admin', defaultValue: f })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Toggle label={t('admin.form.enabled')} checked={draft.enabled} onChange={(enabled) => set({ enabled })} testId="promotion-form-enabled" />
        </FieldGroup>
      </div>
    </Section>
  );
}

function FieldError({ children }: { children: ReactNode }) {
  return children ? <div className={fieldErrorClass}>{children}</div> : null;
}

function NumberField({ label, hint, value, onChange, error, testId, unit }: { label: string; hint?: string; value: string; onChange(v: string): void; error: ReactNode; testId: string; unit?: string }) {
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      type="text"
      inputMode="numeric"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      addon={unit ? <span className={styles.unit}>{unit}</span> : undefined}
      data-testid={testId}
      fieldClassName={styles.short}
    />
  );
}

function DateField({ label, value, onChange, error, testId }: { label: string; value: string; onChange(v: string): void; error: ReactNode; testId: string }) {
  return <TextField label={label} type="date" value={value} onChange={(e) => onChange(e.target.value)} error={error} data-testid={testId} fieldClassName={styles.short} />;
}

function Toggle({ label, hint, checked, onChange, testId }: { label: string; hint?: string; checked: boolean; onChange(v: boolean): void; testId: string }) {
  return (
    <div className={styles.toggle}>
      <div>
        <div>{label}</div>
        {hint && <div className={styles.muted}>{hint}</div>}
      </div>
      <Switch label={label} checked={checked} onChange={onChange} testId={testId} />
    </div>
  );
}

function Items({ value, onChange, menu, testId, error }: { value: ItemSet; onChange(v: ItemSet): void; menu: RuleFormProps['menu']; testId: string; error: ReactNode }) {
  return (
    <>
      <ItemSetPicker value={value} onChange={onChange} menu={menu} testId={testId} />
      <FieldError>{error}</FieldError>
    </>
  );
}

function WindowRow({ window: w, testId, error, onChange, onRemove }: { window: WindowDraft; testId: string; error: ReactNode; onChange(next: WindowDraft): void; onRemove(): void }) {
  const { t } = useTranslation('promotions');
  const dayNames = t('summary.days', { returnObjects: true }) as string[];
  const toggle = (day: number) => onChange({ ...w, days: w.days.includes(day) ? w.days.filter((d) => d !== day) : [...w.days, day].sort((a, b) => a - b) });
  return (
    <div className={styles.window} data-testid={testId}>
      <div className={styles.days}>
        {dayNames.map((name, i) => (
          <button key={name} type="button" className={`${styles.day} ${w.days.includes(i + 1) ? styles.dayOn : ''}`} aria-pressed={w.days.includes(i + 1)} onClick={() => toggle(i + 1)} data-testid={`${testId}-day-${i + 1}`}>
            {name}
          </button>
        ))}
      </div>
      <div className={styles.times}>
        <label className={styles.time}>
          {t('admin.form.from')}
          <input type="time" className={inputClass} value={w.from} aria-invalid={Boolean(error) || undefined} onChange={(e) => onChange({ ...w, from: e.target.value })} data-testid={`${testId}-from`} />
        </label>
        <label className={styles.time}>
          {t('admin.form.to')}
          <input type="time" className={inputClass} value={w.to} aria-invalid={Boolean(error) || undefined} onChange={(e) => onChange({ ...w, to: e.target.value })} data-testid={`${testId}-to`} />
        </label>
        <Button variant="ghost" aria-label={t('admin.form.removeWindow')} onClick={onRemove} data-testid={`${testId}-remove`}>
          <Icon name="trash" />
        </Button>
      </div>
      <FieldError>{error}</FieldError>
    </div>
  );
}
