import { fireEvent, render, screen, within } from '@testing-library/react';
import { formKitStories, type StoryArgs } from './form-kit.stories';

function renderStory(name: string) {
  const args: StoryArgs = { onChange: jest.fn(), onCancel: jest.fn(), onConfirm: jest.fn() };
  const story = formKitStories[name];
  if (!story) throw new Error(`no story ${name}`);
  render(<>{story(args)}</>);
  return args;
}

/** What each story must show; every story is listed, so a new one needs its checks. */
const checks: Record<string, (args: StoryArgs) => void> = {
  TextField: ({ onChange }) => {
    const input = screen.getByRole('textbox', { name: 'Имя', description: 'Как его увидят на чеке' });
    expect(input).not.toHaveAttribute('aria-invalid');
    fireEvent.change(input, { target: { value: 'Анна' } });
    expect(onChange).toHaveBeenCalledWith('Анна');
  },
  RowButton: ({ onConfirm }) => {
    const row = screen.getByRole('button', { name: '№12 Стол 5 · Анна 1 250,00 ₽' });
    expect(row).toBe(screen.getByTestId('open-check-12'));
    fireEvent.click(row);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  },
  TextFieldWithError: () => {
    const input = screen.getByRole('textbox', { name: 'PIN-код', description: 'Не короче 4 цифр' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('PIN-код')).toBe(input);
  },
  TextFieldWithAddon: () => {
    expect(screen.getByRole('textbox', { name: 'Код' })).toHaveValue('4821');
    expect(screen.getByRole('button', { name: 'Сгенерировать' })).toBeInTheDocument();
  },
  MoneyField: ({ onChange }) => {
    const input = screen.getByRole('textbox', { name: 'Сумма возврата', description: 'Вернётся на карту •• 4242' });
    expect(input).toBe(screen.getByTestId('amount'));
    expect(input).toHaveValue('1250');
    fireEvent.change(input, { target: { value: '300' } });
    expect(onChange).toHaveBeenLastCalledWith(30000);
  },
  MoneyFieldWithError: () => {
    const input = screen.getByRole('textbox', { name: 'Сумма возврата', description: 'Больше, чем можно вернуть: 1 250 ₽' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
  },
  FieldAroundGroup: ({ onChange }) => {
    const group = screen.getByRole('group', { name: 'Причина' });
    const chip = within(group).getByRole('button', { name: 'Гость передумал' });
    expect(chip).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(chip);
    expect(chip).toHaveAttribute('aria-pressed', 'true');
    expect(onChange).toHaveBeenCalledWith('Гость передумал');
  },
  ChoiceGroup: ({ onChange }) => {
    const group = screen.getByRole('radiogroup', { name: 'Срок действия' });
    expect(within(group).getByRole('radio', { name: '1 час' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(within(group).getByRole('radio', { name: '1 день' }));
    expect(within(group).getByRole('radio', { name: '1 день' })).toHaveAttribute('aria-checked', 'true');
    expect(onChange).toHaveBeenCalledWith('1d');
  },
  Switch: ({ onChange }) => {
    const toggle = screen.getByRole('switch', { name: 'Паста карбонара: в меню' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(toggle).toHaveTextContent('В меню');
    expect(onChange).toHaveBeenCalledWith(true);
  },
  SwitchDisabled: ({ onChange }) => {
    const toggle = screen.getByRole('switch', { name: 'Паста карбонара: в меню' });
    expect(toggle).toBeDisabled();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(onChange).not.toHaveBeenCalled();
  },
  Section: () => {
    expect(screen.getByRole('heading', { level: 2, name: 'Оплата' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Нет прав на это действие');
    const group = screen.getByRole('region', { name: 'Чаевые' });
    expect(within(group).getByRole('textbox', { name: 'Процент по умолчанию' })).toHaveValue('10');
  },
  DialogWithActions: ({ onCancel, onConfirm }) => {
    const dialog = screen.getByRole('dialog', { name: 'Отменить Борщ' });
    expect(within(dialog).getByTestId('void-dialog')).toHaveTextContent('Кухня уже готовит 1 порцию');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отменить 1 порцию' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Отмена' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  },
  DialogDisabled: ({ onConfirm }) => {
    const confirm = screen.getByRole('button', { name: 'Добавить' });
    expect(confirm).toBeDisabled();
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Выберите: Гарнир')).toBeInTheDocument();
  },
  DialogBusy: ({ onCancel, onConfirm }) => {
    // The spinner does not rename the button while it waits.
    const confirm = screen.getByRole('button', { name: 'Вернуть 1 250 ₽' });
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Отмена' })).toBeDisabled();
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  },
  TableTones: () => {
    // Every tone of a table's status and of a floor mode has its own look.
    const classes = ['free', 'occupied', 'bill', 'reserved', 'info', 'warning', 'accent', 'danger', 'success', 'muted'].map((tone) => screen.getByTestId(`tone-${tone}`).className);
    expect(classes.every(Boolean)).toBe(true);
  },
  ToneLegend: () => {
    const legend = screen.getByRole('list', { name: 'Столы' });
    expect(within(legend).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByTestId('legend-free')).toHaveTextContent('Свободен4');
  },
};

describe('form kit stories', () => {
  it('has checks for every story', () => {
    expect(Object.keys(checks).sort()).toEqual(Object.keys(formKitStories).sort());
  });

  it.each(Object.keys(formKitStories))('%s', (name) => {
    const args = renderStory(name);
    checks[name](args);
    // Whatever the story, every control a finger or a screen reader reaches has a name.
    const controls = (['button', 'textbox', 'switch', 'radio'] as const).flatMap((role) => screen.queryAllByRole(role));
    for (const control of controls) {
      expect(control).toHaveAccessibleName();
    }
  });
});
