import { type ReactNode, useState } from 'react';
import { ChipGroup, ChoiceGroup } from './choice-group';
import { Dialog, DialogActions } from './dialog';
import { Field } from './field';
import { MoneyField } from './money-field';
import { Notice } from './notice';
import { RowButton } from './row-button';
import { EmptyState, FieldGroup, Section } from './section';
import { Switch } from './switch';
import { chairToneClass, type TableTone, tableToneClass } from './table-tones';
import { TextField } from './text-field';
import { ToneLegend } from './tone-legend';

/**
 * The form kit's named examples: each one a screen would really show. `form-kit.stories.test.tsx`
 * renders them one by one and checks what a cashier and a screen reader rely on, so a change to a
 * part shows here first. Stories take their callbacks as arguments, so a test can watch them.
 */
export interface StoryArgs {
  onChange(value: unknown): void;
  onCancel(): void;
  onConfirm(): void;
}

type Story = (args: StoryArgs) => ReactNode;

function SwitchHost({ onChange, disabled }: { onChange(value: unknown): void; disabled?: boolean }) {
  const [isOn, setOn] = useState(false);
  return (
    <Switch
      checked={isOn}
      label="Паста карбонара: в меню"
      stateLabel={isOn ? 'В меню' : 'Стоп'}
      disabled={disabled}
      onChange={(next) => {
        setOn(next);
        onChange(next);
      }}
      testId="switch"
    />
  );
}

function ChoiceHost({ onChange }: { onChange(value: unknown): void }) {
  const [ttl, setTtl] = useState<'1h' | '1d'>('1h');
  const pick = (next: '1h' | '1d') => {
    setTtl(next);
    onChange(next);
  };
  return <ChoiceGroup label="Срок действия" value={ttl} onChange={pick} options={[{ value: '1h', label: '1 час' }, { value: '1d', label: '1 день' }]} />;
}

function ChipsHost({ onChange }: { onChange(value: unknown): void }) {
  const [reason, setReason] = useState('');
  const reasons = ['Ошибка официанта', 'Гость передумал'];
  return (
    <Field label="Причина">
      <ChipGroup
        chips={reasons.map((r) => ({ key: r, label: r, isOn: r === reason }))}
        onToggle={(r) => {
          setReason(r);
          onChange(r);
        }}
      />
    </Field>
  );
}

export const formKitStories: Record<string, Story> = {
  TextField: ({ onChange }) => <TextField label="Имя" hint="Как его увидят на чеке" onChange={(e) => onChange(e.target.value)} />,
  TextFieldWithError: () => <TextField label="PIN-код" defaultValue="12" error="Не короче 4 цифр" />,
  TextFieldWithAddon: () => <TextField label="Код" defaultValue="4821" addon={<button type="button">Сгенерировать</button>} />,
  MoneyField: ({ onChange }) => <MoneyField label="Сумма возврата" value={125000} onChange={onChange} hint="Вернётся на карту •• 4242" testId="amount" />,
  MoneyFieldWithError: ({ onChange }) => <MoneyField label="Сумма возврата" value={900000} onChange={onChange} error="Больше, чем можно вернуть: 1 250 ₽" testId="amount" />,
  FieldAroundGroup: ({ onChange }) => <ChipsHost onChange={onChange} />,
  ChoiceGroup: ({ onChange }) => <ChoiceHost onChange={onChange} />,
  Switch: ({ onChange }) => <SwitchHost onChange={onChange} />,
  SwitchDisabled: ({ onChange }) => <SwitchHost onChange={onChange} disabled />,
  Section: () => (
    <Section title="Оплата" description="Как заведение принимает деньги" actions={<button type="button">Сохранить</button>} notice={<Notice kind="error">Нет прав на это действие</Notice>}>
      <FieldGroup title="Чаевые" hint={<span>необязательно</span>}>
        <TextField label="Процент по умолчанию" defaultValue="10" />
      </FieldGroup>
      <EmptyState>Пусто</EmptyState>
    </Section>
  ),
  DialogWithActions: ({ onCancel, onConfirm }) => (
    <Dialog
      title="Отменить Борщ"
      onClose={onCancel}
      closeLabel="Закрыть"
      size="small"
      testId="void-dialog"
      footer={<DialogActions onCancel={onCancel} cancelLabel="Отмена" onConfirm={onConfirm} confirmLabel="Отменить 1 порцию" tone="danger" confirmTestId="confirm" />}
    >
      <Notice kind="warning">Кухня уже готовит 1 порцию</Notice>
    </Dialog>
  ),
  DialogDisabled: ({ onCancel, onConfirm }) => (
    <Dialog
      title="Блюдо"
      onClose={onCancel}
      footer={<DialogActions onCancel={onCancel} cancelLabel="Отмена" onConfirm={onConfirm} confirmLabel="Добавить" isDisabled hint="Выберите: Гарнир" confirmTestId="confirm" />}
    >
      body
    </Dialog>
  ),
  DialogBusy: ({ onCancel, onConfirm }) => (
    <Dialog title="Возврат" onClose={onCancel} footer={<DialogActions onCancel={onCancel} cancelLabel="Отмена" onConfirm={onConfirm} confirmLabel="Вернуть 1 250 ₽" tone="danger" isBusy confirmTestId="confirm" />}>
      body
    </Dialog>
  ),
  RowButton: ({ onConfirm }) => <RowButton lead="№12" detail="Стол 5 · Анна" amount="1 250,00 ₽" onClick={onConfirm} testId="open-check-12" />,
  TableTones: () => (
    <ul>
      {(['free', 'occupied', 'bill', 'reserved', 'info', 'warning', 'accent', 'danger', 'success', 'muted'] as TableTone[]).map((tone) => (
        <li key={tone} className={tableToneClass(tone)} data-testid={`tone-${tone}`}>
          <span className={chairToneClass(tone)} />
          {tone}
        </li>
      ))}
    </ul>
  ),
  ToneLegend: () => (
    <ToneLegend
      label="Столы"
      items={[
        { key: 'free', tone: 'free', label: 'Свободен', count: 4, testId: 'legend-free' },
        { key: 'bill', tone: 'bill', label: 'Счёт', count: 1, testId: 'legend-bill' },
      ]}
    />
  ),
};
