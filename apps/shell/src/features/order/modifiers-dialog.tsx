import type { AddItemInput, ModifierGroup, Product } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Button, Dialog, Icon, QuantityStepper, Segmented } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './dialogs.module.css';
import { groupState, missingGroups, type ModifierSelection, portionPrice, selectedOptionIds, toggleOption } from './modifier-selection';
import { NoteField } from './note-field';
import { COURSES } from './order-lines';

export interface ModifiersDialogProps {
  product: Product;
  groups: ModifierGroup[];
  currency: string;
  course: number;
  onAdd(item: AddItemInput): void;
  onClose(): void;
}

/** Choosing options for a dish: required groups must be answered, limits are kept as you tap. */
export function ModifiersDialog({ product, groups, currency, course: initialCourse, onAdd, onClose }: ModifiersDialogProps) {
  const { t, i18n } = useTranslation('order');
  const money = (v: number) => formatMoney(v, currency, i18n.language);
  const [selection, setSelection] = useState<ModifierSelection>({});
  const [quantity, setQuantity] = useState(1);
  const [note, setNote] = useState('');
  const [course, setCourse] = useState(initialCourse);
  const missing = missingGroups(groups, selection);
  const price = portionPrice(product, groups, selection) * quantity;

  const submit = () => {
    if (missing.length) return;
    const modifierIds = selectedOptionIds(groups, selection);
    onAdd({ productId: product.id, quantity, course, ...(modifierIds.length ? { modifierIds } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <Dialog
      title={product.name}
      onClose={onClose}
      closeLabel={t('common:close')}
      footer={
        <>
          {missing.length > 0 && <span className={styles.footerHint}>{t('modifiers.missing', { groups: missing.map((g) => g.name).join(', ') })}</span>}
          <Button size="large" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button size="large" variant="primary" disabled={missing.length > 0} onClick={submit} className={styles.footerButton} data-testid="modifiers-add">
            {t('modifiers.add', { price: money(price) })}
          </Button>
        </>
      }
    >
      <div className={`${styles.body} ${styles.w820}`} data-testid="modifiers-dialog">
        {groups.map((group) => {
          const state = groupState(group, selection);
          const chosen = selection[group.id] ?? [];
          return (
            <section key={group.id} className={styles.section} data-testid={`modifier-group-${group.name}`}>
              <div className={styles.sectionHead}>
                <span className={styles.sectionTitle}>{group.name}</span>
                <span className={`${styles.sectionHint} ${state.isRequired && !state.isSatisfied ? styles.sectionHintMissing : ''}`}>
                  {state.isRequired ? t('modifiers.required') : t('modifiers.optional')} · {limitText(group, t)}
                </span>
                {state.isRequired && state.isSatisfied && (
                  <span className={styles.sectionDone}>
                    <Icon name="check" size={18} />
                  </span>
                )}
              </div>
              <div className={styles.options}>
                {group.options.map((option) => {
                  const isChosen = chosen.includes(option.id);
                  const isBlocked = !isChosen && state.isFull && group.maxSelect > 1;
                  return (
                    <button
                      key={option.id}
                      type="button"
                      role={group.maxSelect === 1 ? 'radio' : 'checkbox'}
                      aria-checked={isChosen}
                      disabled={isBlocked}
                      className={`${styles.option} ${isChosen ? styles.optionSelected : ''}`}
                      onClick={() => setSelection((s) => toggleOption(s, group, option.id))}
                      data-testid={`modifier-${option.name}`}
                    >
                      <span>{option.name}</span>
                      {option.priceDelta !== 0 && (
                        <span className={styles.optionPrice}>
                          {option.priceDelta > 0 ? '+' : '−'}
                          {money(Math.abs(option.priceDelta))}
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
            </section>
          );
        })}
        <div className={styles.row}>
          <div className={styles.field}>
            <span className={styles.label}>{t('modifiers.quantity')}</span>
            <div>
              <QuantityStepper value={quantity} min={1} max={99} onChange={setQuantity} testId="modifiers-quantity" />
            </div>
          </div>
          <div className={styles.field}>
            <span className={styles.label}>{t('modifiers.course')}</span>
            <div>
              <Segmented<number> options={COURSES.map((c) => ({ value: c, label: String(c), testId: `modifiers-course-${c}` }))} value={course} onChange={setCourse} aria-label={t('modifiers.course')} />
            </div>
          </div>
        </div>
        <NoteField label={t('modifiers.note')} value={note} onChange={setNote} />
      </div>
    </Dialog>
  );
}

function limitText(group: ModifierGroup, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (group.minSelect === group.maxSelect) return t('modifiers.exactly', { count: group.maxSelect });
  if (group.minSelect === 0) return t('modifiers.upTo', { count: group.maxSelect });
  return t('modifiers.range', { min: group.minSelect, max: group.maxSelect });
}
