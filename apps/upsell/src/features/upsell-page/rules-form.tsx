import type { ComboWindow, Menu, Product, UpsellConfig, UpsellStats } from '@pos/contracts';
import { comboListPrice } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { ApiError, useHost } from '@pos/plugin-sdk';
import { Button, Field, fieldErrorClass, Icon, inputClass, MoneyField, Notice, QuantityStepper, TextField } from '@pos/ui';
import { type ReactNode, useMemo, useState } from 'react';
import { useDeleteUpsellConfig, useSaveUpsellConfig } from '../../api/save-upsell-config';
import { acceptPercent, type ComboDraft, draftOf, fieldErrors, inputOf, moveItem, newCombo, type RulesDraft } from '../../model/rules-draft';
import { ProductSearch } from './product-search';
import styles from './upsell-page.module.css';

export interface RulesFormProps {
  product: Product;
  menu: Menu;
  config: UpsellConfig;
}

/** One product's add-ons (ordered, with reasons) and combos (price, dishes, time windows). */
export function RulesForm({ product, menu, config }: RulesFormProps) {
  const { t, i18n } = useTranslation('upsell');
  const host = useHost();
  const currency = host.session.venue.currency;
  const money = (value: number) => formatMoney(value, currency, i18n.language);
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(config));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [picking, setPicking] = useState<'addon' | number | null>(null);
  const save = useSaveUpsellConfig();
  const clear = useDeleteUpsellConfig();
  const addonIds = useMemo(() => new Set([product.id, ...draft.addons.map((a) => a.productId)]), [product.id, draft.addons]);

  const update = (change: (d: RulesDraft) => RulesDraft) => setDraft((d) => change(d));
  const updateCombo = (i: number, change: Partial<ComboDraft>) => update((d) => ({ ...d, combos: d.combos.map((c, k) => (k === i ? { ...c, ...change } : c)) }));
  const error = (path: string) => errors.get(path);
  const errorsUnder = (prefix: string) => [...errors].filter(([path]) => path === prefix || path.startsWith(`${prefix}.`)).map(([, m]) => m);
  const unplaced = [...errors].filter(([path]) => !path.startsWith('addons.') && !path.startsWith('combos.'));

  const onFailure = (e: unknown) => {
    if (e instanceof ApiError && e.problem.errors?.length) {
      setErrors(fieldErrors(e.problem.errors));
      setFailure(t('page.invalid'));
    } else {
      setErrors(new Map());
      setFailure(t('page.failed', { message: problemText(t, e) }));
    }
  };
  const onSaved = (saved: UpsellConfig, message: string) => {
    setDraft(draftOf(saved));
    setErrors(new Map());
    setFailure(null);
    host.notify('success', message);
  };

  return (
    <div className={styles.form} data-testid="upsell-rules">
      <div className={styles.formHeader}>
        <h3 className={styles.productName} data-testid="upsell-rules-product">
          {product.name} <span className={styles.muted}>{money(product.price)}</span>
        </h3>
        <Button variant="ghost" onClick={() => clear.mutate(product.id, { onSuccess: (c) => onSaved(c, t('page.cleared', { name: product.name })), onError: onFailure })} disabled={clear.isPending} data-testid="upsell-clear">
          <Icon name="trash" />
          {t('page.clear')}
        </Button>
        <Button variant="primary" size="large" disabled={save.isPending} data-testid="upsell-save" onClick={() => save.mutate({ productId: product.id, input: inputOf(draft) }, { onSuccess: (c) => onSaved(c, t('page.saved', { name: product.name })), onError: onFailure })}>
          {save.isPending ? t('page.saving') : t('page.save')}
        </Button>
      </div>
      {failure && (
        <Notice kind="error" testId="upsell-failure">
          {failure}
          {unplaced.map(([path, message]) => (
            <div key={path}>{path ? `${path}: ${message}` : message}</div>
          ))}
        </Notice>
      )}

      <section className={styles.group}>
        <h4 className={styles.groupTitle}>
          {t('page.addons')} <span className={styles.muted}>{t('page.addonsHint')}</span>
        </h4>
        {draft.addons.length === 0 && <div className={styles.muted}>{t('page.noAddons')}</div>}
        <ol className={styles.rows}>
          {draft.addons.map((a, i) => (
            <li key={a.productId} className={styles.row} data-testid={`upsell-addon-${i}`}>
              <div className={styles.rowMain}>
                <div className={styles.rowTitle}>
                  <b>{a.name}</b> <span className={styles.muted}>{money(a.price)}</span>
                </div>
                <input
                  className={inputClass}
                  aria-invalid={Boolean(error(`addons.${i}.reason`))}
                  aria-label={t('page.reason')}
                  placeholder={t('page.reasonPlaceholder')}
                  value={a.reason}
                  data-testid={`upsell-addon-${i}-reason`}
                  onChange={(e) => update((d) => ({ ...d, addons: d.addons.map((x, k) => (k === i ? { ...x, reason: e.target.value } : x)) }))}
                />
                <FieldErrors messages={errorsUnder(`addons.${i}`)} testId={`upsell-error-addons.${i}`} />
                <Stats stats={a.stats} />
              </div>
              <div className={styles.rowActions}>
                <Button aria-label={t('page.up')} disabled={i === 0} onClick={() => update((d) => ({ ...d, addons: moveItem(d.addons, i, i - 1) }))}>
                  ↑
                </Button>
                <Button aria-label={t('page.down')} disabled={i === draft.addons.length - 1} onClick={() => update((d) => ({ ...d, addons: moveItem(d.addons, i, i + 1) }))}>
                  ↓
                </Button>
                <Button variant="ghost" aria-label={t('page.remove')} onClick={() => update((d) => ({ ...d, addons: d.addons.filter((_, k) => k !== i) }))}>
                  <Icon name="trash" />
                </Button>
              </div>
            </li>
          ))}
        </ol>
        {picking === 'addon' ? (
          <ProductSearch
            products={menu.products}
            currency={currency}
            exclude={addonIds}
            limit={8}
            testId="upsell-addon-search"
            onPick={(p) => {
              update((d) => ({ ...d, addons: [...d.addons, { productId: p.id, name: p.name, price: p.price, reason: '', stats: null }] }));
              setPicking(null);
            }}
          />
        ) : (
          <Button onClick={() => setPicking('addon')} data-testid="upsell-add-addon">
            <Icon name="plus" />
            {t('page.addAddon')}
          </Button>
        )}
      </section>

      <section className={styles.group}>
        <h4 className={styles.groupTitle}>{t('page.combos')}</h4>
        {draft.combos.length === 0 && <div className={styles.muted}>{t('page.noCombos')}</div>}
        {draft.combos.map((c, i) => (
          <div key={c.key} className={styles.combo} data-testid={`upsell-combo-${i}`}>
            <div className={styles.comboFields}>
              <TextField
                label={t('page.comboName')}
                value={c.name}
                data-testid={`upsell-combo-${i}-name`}
                onChange={(e) => updateCombo(i, { name: e.target.value })}
                error={errorText(errorsUnder(`combos.${i}.name`), `upsell-error-combos.${i}.name`)}
              />
              <MoneyField
                label={t('page.comboPrice')}
                value={c.price}
                currency={currency}
                onChange={(price) => updateCombo(i, { price })}
                testId={`upsell-combo-${i}-price`}
                hint={t('page.listPrice', { price: money(comboListPrice(c.items)) })}
                error={errorText(errorsUnder(`combos.${i}.price`), `upsell-error-combos.${i}.price`)}
              />
            </div>
            <Field label={t('page.items')}>
              {c.items.map((item, k) => (
                <div key={item.productId} className={styles.item}>
                  <span className={styles.itemName}>
                    {item.name} <span className={styles.muted}>{money(item.price)}</span>
                  </span>
                  <QuantityStepper value={item.quantity} min={1} max={9} onChange={(quantity) => updateCombo(i, { items: c.items.map((x, n) => (n === k ? { ...x, quantity } : x)) })} />
                  <Button variant="ghost" aria-label={t('page.remove')} onClick={() => updateCombo(i, { items: c.items.filter((_, n) => n !== k) })}>
                    <Icon name="trash" />
                  </Button>
                </div>
              ))}
              <FieldErrors messages={errorsUnder(`combos.${i}.items`)} testId={`upsell-error-combos.${i}.items`} />
              {picking === i ? (
                <ProductSearch
                  products={menu.products}
                  currency={currency}
                  exclude={new Set(c.items.map((x) => x.productId))}
                  limit={8}
                  testId={`upsell-combo-${i}-search`}
                  onPick={(p) => {
                    updateCombo(i, { items: [...c.items, { productId: p.id, name: p.name, price: p.price, quantity: 1 }] });
                    setPicking(null);
                  }}
                />
              ) : (
                <Button onClick={() => setPicking(i)} data-testid={`upsell-combo-${i}-add-item`}>
                  <Icon name="plus" />
                  {t('page.addItem')}
                </Button>
              )}
            </Field>
            <Field label={t('page.windows')}>
              {c.windows.length === 0 && <span className={styles.muted}>{t('page.anyTime')}</span>}
              {c.windows.map((w, k) => (
                <WindowRow
                  key={k}
                  window={w}
                  testId={`upsell-combo-${i}-window-${k}`}
                  errors={errorsUnder(`combos.${i}.windows.${k}`)}
                  onChange={(next) => updateCombo(i, { windows: c.windows.map((x, n) => (n === k ? next : x)) })}
                  onRemove={() => updateCombo(i, { windows: c.windows.filter((_, n) => n !== k) })}
                />
              ))}
              <FieldErrors messages={errorsUnder(`combos.${i}.windows`).length && !c.windows.length ? errorsUnder(`combos.${i}.windows`) : []} />
              <Button onClick={() => updateCombo(i, { windows: [...c.windows, { days: [1, 2, 3, 4, 5], from: '12:00', to: '16:00' }] })} data-testid={`upsell-combo-${i}-add-window`}>
                <Icon name="clock" />
                {t('page.addWindow')}
              </Button>
            </Field>
            <TextField
              label={t('page.reason')}
              value={c.reason}
              data-testid={`upsell-combo-${i}-reason`}
              onChange={(e) => updateCombo(i, { reason: e.target.value })}
              error={errorText(errorsUnder(`combos.${i}.reason`))}
            />
            <FieldErrors messages={errors.has(`combos.${i}`) ? [errors.get(`combos.${i}`) as string] : []} />
            <div className={styles.comboFoot}>
              <Stats stats={c.stats} />
              <Button variant="danger" onClick={() => update((d) => ({ ...d, combos: d.combos.filter((_, k) => k !== i) }))}>
                {t('page.removeCombo')}
              </Button>
            </div>
          </div>
        ))}
        <Button onClick={() => update((d) => ({ ...d, combos: [...d.combos, newCombo(product)] }))} data-testid="upsell-add-combo">
          <Icon name="plus" />
          {t('page.newCombo')}
        </Button>
      </section>
    </div>
  );
}

function WindowRow({ window: w, testId, errors, onChange, onRemove }: { window: ComboWindow; testId: string; errors: string[]; onChange(next: ComboWindow): void; onRemove(): void }) {
  const { t } = useTranslation('upsell');
  const dayNames = t('page.days', { returnObjects: true }) as string[];
  const days = w.days ?? [1, 2, 3, 4, 5, 6, 7];
  const toggle = (day: number) => {
    const next = days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b);
    onChange({ ...w, days: next.length === 7 ? undefined : next });
  };
  return (
    <div className={styles.window} data-testid={testId}>
      <div className={styles.days}>
        {dayNames.map((name, i) => (
          <button key={name} type="button" className={`${styles.day} ${days.includes(i + 1) ? styles.dayOn : ''}`} aria-pressed={days.includes(i + 1)} onClick={() => toggle(i + 1)}>
            {name}
          </button>
        ))}
      </div>
      <label className={styles.time}>
        {t('page.from')}
        <input type="time" className={inputClass} value={w.from} onChange={(e) => onChange({ ...w, from: e.target.value })} data-testid={`${testId}-from`} />
      </label>
      <label className={styles.time}>
        {t('page.to')}
        <input type="time" className={inputClass} value={w.to} onChange={(e) => onChange({ ...w, to: e.target.value })} data-testid={`${testId}-to`} />
      </label>
      <Button variant="ghost" aria-label={t('page.remove')} onClick={onRemove}>
        <Icon name="trash" />
      </Button>
      <FieldErrors messages={errors} />
    </div>
  );
}

function FieldErrors({ messages, testId }: { messages: readonly string[]; testId?: string }): ReactNode {
  if (messages.length === 0) return null;
  return (
    <div className={fieldErrorClass} data-testid={testId}>
      {messages.join('; ')}
    </div>
  );
}

/** A field's errors as its `error`: none, or one line the tests and e2e find by `testId`. */
function errorText(messages: readonly string[], testId?: string): ReactNode {
  return messages.length === 0 ? undefined : <span data-testid={testId}>{messages.join('; ')}</span>;
}

function Stats({ stats }: { stats: UpsellStats | null }) {
  const { t } = useTranslation('upsell');
  const percent = acceptPercent(stats);
  if (!stats || percent === null) return <span className={styles.muted}>{t('page.noStats')}</span>;
  return (
    <span className={styles.stats} data-testid="upsell-stats">
      {t('page.stats', { shown: stats.shown, accepted: stats.accepted })} · <b>{t('page.rate', { rate: percent })}</b>
    </span>
  );
}
