import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, ROLES, type Roles } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { RolesSection } from './roles-section';

const stored = (): Roles => ({ roles: ROLES.map((role) => ({ role, permissions: [...DEFAULT_ROLE_PERMISSIONS[role]] })) });

function setup() {
  const api = {
    roles: jest.fn(async () => stored()),
    saveRoles: jest.fn(async (roles: Roles['roles']) => ({ roles: stored().roles.map((r) => roles.find((c) => c.role === r.role) ?? r) })),
  };
  return { api, ...renderWithHost(<RolesSection />, { api }) };
}

describe('RolesSection', () => {
  it('shows the matrix grouped by area', async () => {
    setup();
    expect(await screen.findByTestId('perm-cook-menu.stock')).toBeChecked();
    expect(screen.getByTestId('perm-waiter-payments.refund')).not.toBeChecked();
    for (const area of ['Меню', 'Столы', 'Заказы', 'Кухня', 'Оплата', 'Смены']) expect(screen.getByText(area)).toBeInTheDocument();
    expect(screen.getAllByRole('checkbox')).toHaveLength(PERMISSIONS.length * ROLES.length);
  });

  it('saves only the roles that changed, permissions in their canonical order', async () => {
    const { api, host } = setup();
    const save = screen.getByTestId('roles-save');
    expect(save).toBeDisabled();
    fireEvent.click(await screen.findByTestId('perm-cook-orders.void'));
    fireEvent.click(screen.getByTestId('perm-cook-menu.view'));
    fireEvent.click(screen.getByTestId('perm-cashier-payments.refund'));
    expect(screen.getByText('Изменено ролей: 2')).toBeInTheDocument();
    fireEvent.click(save);
    await waitFor(() =>
      expect(api.saveRoles).toHaveBeenCalledWith([
        {
          role: 'cashier',
          permissions: ['menu.view', 'tables.view', 'tables.close', 'reservations.view', 'orders.view', 'orders.split', 'payments.take', 'payments.refund', 'customers.view', 'giftcards.sell', 'shifts.view', 'shifts.open', 'shifts.close', 'shifts.cash'],
        },
        { role: 'cook', permissions: ['menu.stock', 'orders.void', 'kitchen.view', 'kitchen.bump'] },
      ]),
    );
    await waitFor(() => expect(save).toBeDisabled());
    expect(host.notify).toHaveBeenCalledWith('success', 'Права сохранены');
  });

  it('a change made twice is no change', async () => {
    setup();
    fireEvent.click(await screen.findByTestId('perm-waiter-orders.void'));
    fireEvent.click(screen.getByTestId('perm-waiter-orders.void'));
    expect(screen.getByTestId('roles-save')).toBeDisabled();
  });

  it('shows the API refusing to take admin.roles from admin', async () => {
    const { api, host } = setup();
    // In the admin's language, with the refused field named (never the server's English text).
    const message = 'Проверьте введённые данные. Проверьте поля: roles.';
    api.saveRoles.mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors: [{ path: 'body.roles', message: 'The admin role must keep admin.roles' }] }),
    );
    fireEvent.click(await screen.findByTestId('perm-admin-admin.roles'));
    expect(screen.getByRole('status')).toHaveTextContent('должно остаться право «Роли и права»');
    fireEvent.click(screen.getByTestId('roles-save'));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(host.notify).toHaveBeenCalledWith('error', message);
    expect(api.saveRoles).toHaveBeenCalledWith([{ role: 'admin', permissions: PERMISSIONS.filter((p) => p !== 'admin.roles') }]);
    expect(screen.getByTestId('perm-admin-admin.roles')).not.toBeChecked();
  });
});
