import { act, fireEvent, screen } from '@testing-library/react';
import type { HostApi } from '@pos/plugin-sdk';
import { fakeDevicesApi, renderWithHost } from '../testing/fake-host';
import { AdminApp } from './admin-app';

const api = {
  featureFlags: jest.fn(async () => ({ flags: {} as never })),
  menu: jest.fn(async () => ({ version: 1, currency: 'RUB', stations: [], categories: [], modifierGroups: [], products: [] })),
  roles: jest.fn(async () => ({ roles: [] })),
};

describe('AdminApp', () => {
  beforeEach(() => window.history.replaceState(null, '', '/x/admin'));

  it('shows every section to an admin, with the running version', () => {
    renderWithHost(<AdminApp host={{} as HostApi} />, { api });
    expect(screen.getAllByRole('button', { name: /Функции|Роли и права|Персонал|Стоп-лист|Модули/ })).toHaveLength(5);
    expect(screen.getByTestId('admin-version')).toHaveTextContent('версия 1.0.0-test');
    expect(screen.getByTestId('admin-flags')).toBeInTheDocument();
    // Inside the shell's <main>: one h1 of its own, no second main landmark.
    expect(screen.queryByRole('main')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });

  it('hides the sections the staff member may not use', () => {
    renderWithHost(<AdminApp host={{} as HostApi} />, { api, permissions: ['menu.view', 'menu.stock'] });
    expect(screen.getByTestId('admin-nav-stock')).toBeInTheDocument();
    expect(screen.queryByTestId('admin-nav-flags')).not.toBeInTheDocument();
    expect(screen.queryByTestId('admin-nav-staff')).not.toBeInTheDocument();
    expect(screen.getByTestId('admin-stock')).toBeInTheDocument();
  });

  it('keeps the section in the URL', () => {
    window.history.replaceState(null, '', '/x/admin/roles');
    const { host } = renderWithHost(<AdminApp host={{} as HostApi} />, { api });
    expect(screen.getByTestId('admin-roles')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('admin-nav-stock'));
    expect(host.navigate).toHaveBeenCalledWith('/x/admin/stock');
    expect(screen.getByTestId('admin-stock')).toBeInTheDocument();
  });

  it('says so when nothing is allowed', () => {
    renderWithHost(<AdminApp host={{} as HostApi} />, { api, permissions: ['menu.view'] });
    expect(screen.getByText('У вас нет прав ни на один раздел администрирования.')).toBeInTheDocument();
  });

  it('says changes need the network while the tablet is offline, and drops the note when it is back', () => {
    const { host } = renderWithHost(<AdminApp host={{} as HostApi} />, { api });
    expect(screen.queryByTestId('admin-needs-network')).not.toBeInTheDocument();
    act(() => host.bus.emit('connectivity.changed', { state: 'offline', pending: 2 }));
    expect(screen.getByTestId('admin-needs-network')).toHaveTextContent('Нет связи с сервером');
    act(() => host.bus.emit('connectivity.changed', { state: 'online', pending: 0 }));
    expect(screen.queryByTestId('admin-needs-network')).not.toBeInTheDocument();
  });

  it('shows Payments only to those who may change payment rules', async () => {
    const paymentSettings = jest.fn(async () => ({ tipTolerancePercent: 10, holdExpiryDays: 7, dayClosePolicy: 'capture' as const }));
    window.history.replaceState(null, '', '/x/admin/payments');
    renderWithHost(<AdminApp host={{} as HostApi} />, { api: { ...api, paymentSettings }, permissions: ['menu.stock', 'admin.payments'] });
    expect(screen.getByTestId('admin-nav-payments')).toHaveTextContent('Платежи');
    expect(await screen.findByTestId('payment-settings-tip-tolerance')).toHaveValue('10');
  });

  it('no Payments section without admin.payments', () => {
    renderWithHost(<AdminApp host={{} as HostApi} />, { api, permissions: ['admin.flags', 'admin.roles', 'admin.staff', 'admin.remotes', 'menu.stock'] });
    expect(screen.queryByTestId('admin-nav-payments')).not.toBeInTheDocument();
  });

  it('shows Devices to those who may manage the venue\'s tablets, and only to them', async () => {
    const client = { get: jest.fn(async () => ({ devices: [] })) };
    window.history.replaceState(null, '', '/x/admin/devices');
    renderWithHost(<AdminApp host={{} as HostApi} />, { api: { ...api, ...fakeDevicesApi(client) }, permissions: ['admin.devices'] });
    expect(screen.getByTestId('admin-nav-devices')).toHaveTextContent('Устройства');
    expect(await screen.findByText(/Ни один планшет ещё не подключён/)).toBeInTheDocument();
    expect(client.get).toHaveBeenCalledWith('/admin/devices');
  });

  it('no Devices section without admin.devices', () => {
    renderWithHost(<AdminApp host={{} as HostApi} />, { api, permissions: ['admin.flags', 'admin.roles', 'admin.staff', 'admin.remotes', 'admin.payments', 'menu.stock'] });
    expect(screen.queryByTestId('admin-nav-devices')).not.toBeInTheDocument();
    expect(screen.getByTestId('admin-nav-staff')).toBeInTheDocument();
  });
});
