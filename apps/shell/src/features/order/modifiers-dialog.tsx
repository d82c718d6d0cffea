import type { AddItemInput, ModifierGroup, Product } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Dialog, DialogActions, Field, FieldGroup, groupHintClass, Icon, QuantityStepper, Segmented } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './modifiers-dialog.module.css';
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
      size="large"
      testId="modifiers-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('common:cancel')}
          onConfirm={submit}
          confirmLabel={t('modifiers.add', { price: money(price) })}
          isDisabled={missing.length > 0}
          hint={missing.length > 0 && t('modifiers.missing', { groups: missing.map((g) => g.name).join(', ') })}
          confirmTestId="modifiers-add"
        />
      }
    >
      {groups.map((group) => {
        const state = groupState(group, selection);
        const chosen = selection[group.id] ?? [];
        return (
          <FieldGroup
            key={group.id}
            title={group.name}
            testId={`modifier-group-${group.name}`}
            hint={
              <>
                <span className={`${groupHintClass} ${state.isRequired && !state.isSatisfied ? styles.missing : ''}`}>
                  {state.isRequired ? t('modifiers.required') : t('modifiers.optional')} · {limitText(group, t)}
                </span>
                {state.isRequired && state.isSatisfied && (
                  <span className={styles.done}>
                    <Icon name="check" size={18} />
                  </span>
                )}
              </>
            }
          >
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
          </FieldGroup>
        );
      })}
      <div className={styles.row}>
        <Field label={t('modifiers.quantity')}>
          <div>
            <QuantityStepper value={quantity} min={1} max={99} onChange={setQuantity} testId="modifiers-quantity" />
          </div>
        </Field>
        <Field label={t('modifiers.course')}>
          <div>
            <Segmented<number> options={COURSES.map((c) => ({ value: c, label: String(c), testId: `modifiers-course-${c}` }))} value={course} onChange={setCourse} aria-label={t('modifiers.course')} />
          </div>
        </Field>
      </div>
      <NoteField label={t('modifiers.note')} value={note} onChange={setNote} />
    </Dialog>
  );
}

function limitText(group: ModifierGroup, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (group.minSelect === group.maxSelect) return t('modifiers.exactly', { count: group.maxSelect });
  if (group.minSelect === 0) return t('modifiers.upTo', { count: group.maxSelect });
  return t('modifiers.range', { min: group.minSelect, max: group.maxSelect });
}
