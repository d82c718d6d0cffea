import type { AdminStaff } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ME_ID, renderWithHost } from '../../testing/fake-host';
import { StaffSection } from './staff-section';
import { validateStaffForm } from './staff-form';

const ANNA = '0190a000-0000-7000-8000-0000000000a1';
const OLEG = '0190a000-0000-7000-8000-0000000000a2';
const people: AdminStaff[] = [
  { id: ME_ID, name: 'Елена', role: 'admin', isActive: true, createdAt: '2025-01-10T09:00:00Z' },
  { id: ANNA, name: 'Анна', role: 'waiter', isActive: true, createdAt: '2025-01-10T09:00:00Z' },
  { id: OLEG, name: 'Олег', role: 'cook', isActive: false, createdAt: '2025-02-01T09:00:00Z' },
];

function setup() {
  const api = {
    staff: jest.fn(async () => ({ staff: people })),
    createStaff: jest.fn(async (body: { name: string; role: AdminStaff['role']; pin: string }) => ({ id: 'x', isActive: true, createdAt: '2025-03-01T00:00:00Z', name: body.name, role: body.role })),
    updateStaff: jest.fn(async (id: string, body: Partial<AdminStaff>) => ({ ...people.find((p) => p.id === id)!, ...body })),
  };
  return { api, ...renderWithHost(<StaffSection />, { api }) };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('validateStaffForm', () => {
  it('needs a name and a PIN of 4–8 digits for a new staff member', () => {
    expect(validateStaffForm({ name: ' ', pin: '1234', isNew: true })).toEqual({ name: 'nameRequired' });
    expect(validateStaffForm({ name: 'Ира', pin: '', isNew: true })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', pin: '123', isNew: true })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', pin: '123456789', isNew: true })).toEqual({ pin: 'pinInvalid' });
    expect(validateStaffForm({ name: 'Ира', pin: '12345678', isNew: true })).toEqual({});
  });

  it('keeps the PIN when editing with the field empty', () => {
    expect(validateStaffForm({ name: 'Ира', pin: '', isNew: false })).toEqual({});
    expect(validateStaffForm({ name: 'Ира', pin: '12', isNew: false })).toEqual({ pin: 'pinInvalid' });
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

  it('says so when the PIN is taken (409)', async () => {
    const { api, host } = setup();
    api.createStaff.mockRejectedValueOnce(new ApiError(409, { type: 'about:blank', title: 'Another staff member of this venue already uses this PIN', status: 409, code: 'staff.pin_taken' }));
    fireEvent.click(await screen.findByTestId('staff-add'));
    type('staff-form-name', 'Ирина');
    type('staff-form-pin', '1111');
    fireEvent.click(screen.getByTestId('staff-submit'));
    expect(await screen.findByText('Этот PIN-код уже занят другим сотрудником')).toBeInTheDocument();
    expect(host.notify).toHaveBeenCalledWith('error', 'Another staff member of this venue already uses this PIN');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
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
});
