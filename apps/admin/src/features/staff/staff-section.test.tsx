import { type AdminStaff, PRIVILEGED_PIN_MIN_DIGITS } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ME_ID, renderWithHost } from '../../testing/fake-host';
import { StaffSection } from './staff-section';
import { needsPin, suggestPin, validateStaffForm } from './staff-form';

const ANNA = '0190a000-0000-7000-8000-0000000000a1';
const OLEG = '0190a000-0000-7000-8000-0000000000a2';
const people: AdminStaff[] = [
  { id: ME_ID, name: 'Елена', role: 'admin', isActive: true, createdAt: '2025-01-10T09:00:00Z' },
  { id: ANNA, name: 'Анна', role: 'waiter', isActive: true, createdAt: '2025-01-10T09:00:00Z' },
  { id: OLEG, name: 'Олег', role: 'cook', isActive: false, createdAt: '2025-02-01T09:00:00Z' },
];

function setup(staff = people) {
  const api = {
    staff: jest.fn(async () => ({ staff })),
    createStaff: jest.fn(async (body: { name: string; role: AdminStaff['role']; pin: string }) => ({ id: 'x', isActive: true, createdAt: '2025-03-01T00:00:00Z', name: body.name, role: body.role })),
    updateStaff: jest.fn(async (id: string, body: Partial<AdminStaff>) => ({ ...people.find((p) => p.id === id)!, ...body })),
  };
  return { api, ...renderWithHost(<StaffSection />, { api }) };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('validateStaffForm', () => {
  it('needs a name and a PIN of 4–8 digits for a new staff member', () => {
    expect(validateStaffForm({ name: ' ', role: 'waiter', pin: '1234' })).toEqual({ name: 'nameRequired' });
    expect(validateStaffForm({ name: 'Ира', role: 'waiter', pin: '' })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', role: 'cook', pin: '123' })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', role: 'cashier', pin: '123456789' })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', role: 'waiter', pin: '12345678' })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', role: 'waiter', pin: '1234' })).toEqual({});
  });

  it(`needs ${PRIVILEGED_PIN_MIN_DIGITS} to 8 digits for supervisors and admins`, () => {
    expect(PRIVILEGED_PIN_MIN_DIGITS).toBe(6);
    for (const role of ['supervisor', 'admin'] as const) {
      expect(validateStaffForm({ name: 'Ира', role, pin: '' })).toEqual({ pin: 'pinPrivileged' });
      expect(validateStaffForm({ name: 'Ира', role, pin: '1234' })).toEqual({ pin: 'pinPrivileged' });
      expect(validateStaffForm({ name: 'Ира', role, pin: '12345' })).toEqual({ pin: 'pinPrivileged' });
      expect(validateStaffForm({ name: 'Ира', role, pin: '123456789' })).toEqual({ pin: 'pinPrivileged' });
      expect(validateStaffForm({ name: 'Ира', role, pin: '123456' })).toEqual({});
      expect(validateStaffForm({ name: 'Ира', role, pin: '12345678' })).toEqual({});
    }
  });

  it('keeps the PIN when editing with the field empty', () => {
    expect(validateStaffForm({ name: 'Ира', role: 'waiter', pin: '', previousRole: 'waiter' })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', role: 'cook', pin: '', previousRole: 'supervisor' })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', role: 'supervisor', pin: '', previousRole: 'supervisor' })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', role: 'supervisor', pin: '', previousRole: 'admin' })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', role: 'waiter', pin: '12', previousRole: 'waiter' })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', role: 'admin', pin: '4321', previousRole: 'admin' })).toEqual({ pin: 'pinPrivileged' });
  });

  it('asks for a new PIN when someone is raised to supervisor or admin', () => {
    expect(needsPin({ role: 'supervisor', previousRole: 'waiter' })).toBe(true);
    expect(needsPin({ role: 'admin', previousRole: 'cashier' })).toBe(true);
    expect(needsPin({ role: 'admin', previousRole: 'supervisor' })).toBe(false);
    expect(needsPin({ role: 'cashier', previousRole: 'waiter' })).toBe(false);
    expect(validateStaffForm({ name: 'Ира', role: 'supervisor', pin: '', previousRole: 'waiter' })).toEqual({ pin: 'pinForNewRole' });
    expect(validateStaffForm({ name: 'Ира', role: 'supervisor', pin: '4242', previousRole: 'waiter' })).toEqual({ pin: 'pinPrivileged' });
    expect(validateStaffForm({ name: 'Ира', role: 'supervisor', pin: '424242', previousRole: 'waiter' })).toEqual({});
  });

  it('suggests PINs of the length asked for', () => {
    expect(suggestPin()).toMatch(/^\d{4}$/);
    expect(suggestPin(6)).toMatch(/^\d{6}$/);
  });
});

describe('StaffSection', () => {
  it('lists staff with role and status, active first', async () => {
    setup();
    const rows = await screen.findAllByTestId(/^staff-0190/);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Анна'),
      expect.stringContaining('Елена'),
      expect.stringContaining('Олег'),
    ]);
    expect(rows[0]).toHaveTextContent('Официант');
    expect(rows[0]).toHaveTextContent('Активен');
    expect(rows[2]).toHaveTextContent('Неактивен');
    expect(within(rows[1]).getByText('Деактивировать')).toBeDisabled();
  });

  it('refuses a bad PIN before calling the API, then adds with a good one', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('staff-add'));
    type('staff-form-name', '  Ирина ');
    fireEvent.click(screen.getByRole('radio', { name: 'Повар' }));
    type('staff-form-pin', '12a');
    expect(screen.getByTestId('staff-form-pin')).toHaveValue('12');
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText('PIN-код — от 4 до 8 цифр')).toBeInTheDocument();
    expect(api.createStaff).not.toHaveBeenCalled();

    type('staff-form-pin', '4321');
    fireEvent.click(screen.getByTestId('staff-submit'));
    await waitFor(() => expect(api.createStaff).toHaveBeenCalledWith({ name: 'Ирина', role: 'cook', pin: '4321' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says so at the PIN field when the PIN is taken (409), not in a toast', async () => {
    const { api, host } = setup();
    api.createStaff.mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: 'Another staff member of this venue already uses this PIN', status: 409, code: 'staff.pin_taken' }));
    fireEvent.click(await screen.findByTestId('staff-add'));
    type('staff-form-name', 'Ирина');
    type('staff-form-pin', '1111');
    fireEvent.click(screen.getByTestId('staff-submit'));
    const error = await screen.findByText('Этот PIN-код уже занят другим сотрудником');
    expect(error.parentElement).toContainElement(screen.getByTestId('staff-form-pin'));
    expect(screen.getByTestId('staff-form-pin')).toHaveAttribute('aria-invalid', 'true');
    expect(host.notify).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    type('staff-form-pin', '11112');
    expect(screen.queryByText('Этот PIN-код уже занят другим сотрудником')).not.toBeInTheDocument();
  });

  it('changes only what was changed', async () => {
    const { api } = setup();
    const anna = await screen.findByTestId(`staff-${ANNA}`);
    fireEvent.click(within(anna).getByText('Изменить'));
    fireEvent.click(screen.getByRole('radio', { name: 'Кассир' }));
    fireEvent.click(screen.getByTestId('staff-submit'));
    await waitFor(() => expect(api.updateStaff).toHaveBeenCalledWith(ANNA, { role: 'cashier' }));

    fireEvent.click(within(screen.getByTestId(`staff-${ANNA}`)).getByText('Изменить'));
    type('staff-form-pin', '5555');
    fireEvent.click(screen.getByTestId('staff-submit'));
    await waitFor(() => expect(api.updateStaff).toHaveBeenLastCalledWith(ANNA, { pin: '5555' }));
  });

  it('deactivates after a confirmation and reactivates at once', async () => {
    const { api } = setup();
    fireEvent.click(within(await screen.findByTestId(`staff-${ANNA}`)).getByText('Деактивировать'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Анна не сможет войти');
    fireEvent.click(screen.getByTestId('confirm-deactivate'));
    await waitFor(() => expect(api.updateStaff).toHaveBeenCalledWith(ANNA, { isActive: false }));

    fireEvent.click(within(screen.getByTestId(`staff-${OLEG}`)).getByText('Вернуть'));
    await waitFor(() => expect(api.updateStaff).toHaveBeenLastCalledWith(OLEG, { isActive: true }));
  });

  it('shows the 6-digit rule next to the PIN for supervisors and admins and refuses a shorter PIN before sending', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('staff-add'));
    const field = () => screen.getByTestId('staff-form-pin').closest('div')!.parentElement!;
    expect(field()).toHaveTextContent('От 4 до 8 цифр');
    type('staff-form-name', 'Пётр');
    fireEvent.click(screen.getByRole('radio', { name: 'Старший смены' }));
    expect(field()).toHaveTextContent('Старшему смены и администратору — от 6 до 8 цифр');
    type('staff-form-pin', '4141');
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText('Старшему смены и администратору нужен PIN-код от 6 до 8 цифр')).toBeInTheDocument();
    expect(api.createStaff).not.toHaveBeenCalled();

    // Generate suggests a PIN long enough for the role.
    fireEvent.click(screen.getByRole('button', { name: 'Придумать' }));
    expect((screen.getByTestId('staff-form-pin') as HTMLInputElement).value).toMatch(/^\d{6}$/);
    type('staff-form-pin', '414141');
    fireEvent.click(screen.getByTestId('staff-submit'));
    await waitFor(() => expect(api.createStaff).toHaveBeenCalledWith({ name: 'Пётр', role: 'supervisor', pin: '414141' }));
  });

  it('asks for a new PIN when a waiter becomes a supervisor, and sends it with the role', async () => {
    const { api } = setup();
    fireEvent.click(within(await screen.findByTestId(`staff-${ANNA}`)).getByText('Изменить'));
    expect(screen.getByLabelText('Новый PIN-код')).toBe(screen.getByTestId('staff-form-pin'));
    fireEvent.click(screen.getByRole('radio', { name: 'Старший смены' }));
    expect(screen.getByLabelText('Новый PIN-код (обязательно)')).toBe(screen.getByTestId('staff-form-pin'));
    expect(screen.getByRole('dialog')).toHaveTextContent('Для новой роли нужен новый PIN-код — от 6 до 8 цифр');
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText('Задайте новый PIN-код от 6 до 8 цифр — он нужен для новой роли')).toBeInTheDocument();
    expect(api.updateStaff).not.toHaveBeenCalled();

    type('staff-form-pin', '424242');
    fireEvent.click(screen.getByTestId('staff-submit'));
    await waitFor(() => expect(api.updateStaff).toHaveBeenCalledWith(ANNA, { role: 'supervisor', pin: '424242' }));
  });

  it("shows the server's PIN refusal (400 at body.pin) at the PIN field", async () => {
    const { api } = setup();
    api.updateStaff.mockRejectedValueOnce(
      new ApiError(400, {
        type: 'about:blank',
        title: 'The request is invalid',
        status: 400,
        code: 'validation',
        errors: [{ path: 'body.pin', message: 'Supervisors and admins need a PIN of at least 6 digits: set a new PIN with the role' }],
      }),
    );
    // Елена is an admin whose stored PIN may predate the rule: renaming her is refused until she gets a longer one.
    fireEvent.click(within(await screen.findByTestId(`staff-${ME_ID}`)).getByText('Изменить'));
    type('staff-form-name', 'Елена П.');
    fireEvent.click(screen.getByTestId('staff-submit'));
    const error = await screen.findByText('Старшему смены и администратору нужен PIN-код от 6 до 8 цифр');
    expect(error.parentElement).toContainElement(screen.getByTestId('staff-form-pin'));
    expect(screen.getByTestId('staff-form-pin')).toHaveAttribute('aria-invalid', 'true');
    expect(api.updateStaff).toHaveBeenCalledWith(ME_ID, { name: 'Елена П.' });
  });

  it("shows a server's field error of another field at that field, in the server's words", async () => {
    const { api } = setup();
    api.createStaff.mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'The request is invalid', status: 400, code: 'validation', errors: [{ path: 'body.name', message: 'Too long' }] }),
    );
    fireEvent.click(await screen.findByTestId('staff-add'));
    type('staff-form-name', 'Ирина');
    type('staff-form-pin', '1357');
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText('Too long')).toBeInTheDocument();
    expect(screen.getByTestId('staff-form-name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains that the last admin cannot be demoted (409 staff.last_admin)', async () => {
    const { api } = setup();
    api.updateStaff.mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: "This is the venue's last active admin", status: 409, code: 'staff.last_admin' }));
    fireEvent.click(within(await screen.findByTestId(`staff-${ME_ID}`)).getByText('Изменить'));
    fireEvent.click(screen.getByRole('radio', { name: 'Старший смены' }));
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Это последний активный администратор заведения. Сначала назначьте администратором кого-то ещё.');
    expect(api.updateStaff).toHaveBeenCalledWith(ME_ID, { role: 'supervisor' });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('explains that the last admin cannot be deactivated', async () => {
    const IGOR = '0190a000-0000-7000-8000-0000000000a3';
    const { api, host } = setup([...people, { id: IGOR, name: 'Игорь', role: 'admin', isActive: true, createdAt: '2025-01-10T09:00:00Z' }]);
    api.updateStaff.mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: "This is the venue's last active admin", status: 409, code: 'staff.last_admin' }));
    fireEvent.click(within(await screen.findByTestId(`staff-${IGOR}`)).getByText('Деактивировать'));
    fireEvent.click(screen.getByTestId('confirm-deactivate'));
    await waitFor(() => expect(host.notify).toHaveBeenCalledWith('error', 'Это последний активный администратор заведения. Сначала назначьте администратором кого-то ещё.'));
    expect(api.updateStaff).toHaveBeenCalledWith(IGOR, { isActive: false });
  });
});
