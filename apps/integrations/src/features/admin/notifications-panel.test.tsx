import { type Permission, PERMISSIONS } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aNotification, testHost } from '../../testing/fixtures';
import { IntegrationsAdminPage } from './admin-page';

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <IntegrationsAdminPage host={host} context={{ path: '/x/admin/integrations' }} />
    </HostProvider>,
  );
}

const emptyLog = { notifications: [], next: null };
function adminHost(api: Partial<HostApi['api']>, notify = jest.fn(), permissions: readonly Permission[] = PERMISSIONS) {
  return testHost({
    notify,
    permissions,
    api: {
      adminIntegrations: jest.fn(async () => []),
      notifications: jest.fn(async () => emptyLog),
      analyticsExports: jest.fn(async () => ({ exports: [] })),
      ...api,
    },
  });
}

const problem = (status: number, code: string, errors?: { path: string; message: string }[]) => new ApiError(status, { type: 'about:blank', title: 'x', status, code, ...(errors ? { errors } : {}) });
const openTab = async () => fireEvent.click(await screen.findByTestId('integrations-tab-notifications'));

describe('Admin → Интеграции: guest notifications', () => {
  it('shows the tab only to staff who may send notifications', async () => {
    renderPage(adminHost({}, jest.fn(), ['admin.integrations']));
    await screen.findByTestId('integrations-tab-partners');
    expect(screen.queryByTestId('integrations-tab-notifications')).toBeNull();
    expect(screen.queryByTestId('integrations-tab-exports')).toBeNull();
  });

  it('lists the log newest first with the masked address, status, attempts and last error; filters by status and pages by `after`', async () => {
    const dead = aNotification();
    const sent = aNotification({ channel: 'email', template: 'receipt_link', to: 'o***@mail.ru', status: 'sent', attempts: 1, lastError: null, sentAt: '2026-01-01T12:00:05.000Z' });
    const older = aNotification({ status: 'queued', attempts: 0, lastError: null });
    const notifications = jest.fn(async (query: { after?: string; status?: string } = {}) =>
      query.after ? { notifications: [older], next: null } : query.status === 'dead' ? { notifications: [dead], next: null } : { notifications: [dead, sent], next: sent.id },
    );
    renderPage(adminHost({ notifications }));
    await openTab();
    const rows = await screen.findAllByTestId('notification-row');
    expect(rows).toHaveLength(2);
    expect(notifications).toHaveBeenCalledWith({ limit: 25 });
    expect(rows[0]).toHaveTextContent('SMS');
    expect(rows[0]).toHaveTextContent('Заказ готов');
    expect(rows[0]).toHaveTextContent('+7 916 ***-**-67');
    expect(rows[0]).toHaveTextContent('Не доставлено');
    expect(within(rows[0]).getByTestId('notification-error')).toHaveTextContent('SMS channel not configured');
    expect(within(rows[0]).getByTestId('notification-resend')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('o***@mail.ru');
    expect(rows[1]).toHaveTextContent('Отправлено');
    expect(within(rows[1]).queryByTestId('notification-resend')).toBeNull();

    fireEvent.click(screen.getByTestId('notification-next'));
    await waitFor(() => expect(screen.getAllByTestId('notification-row').map((r) => r.dataset.status)).toEqual(['queued']));
    expect(notifications).toHaveBeenLastCalledWith({ after: sent.id, limit: 25 });
    expect(screen.getByTestId('notification-page')).toHaveTextContent('Страница 2');

    fireEvent.click(screen.getByTestId('notification-status-dead'));
    await act(async () => undefined);
    expect(notifications).toHaveBeenLastCalledWith({ status: 'dead', limit: 25 });
    expect(screen.getByTestId('notification-page')).toHaveTextContent('Страница 1');
  });

  it('sends a dead notification again: the row comes back queued, without the button', async () => {
    const dead = aNotification();
    const requeued = { ...dead, status: 'queued' as const, attempts: 0, lastError: null };
    const notifications = jest.fn().mockResolvedValueOnce({ notifications: [dead], next: null }).mockResolvedValue({ notifications: [requeued], next: null });
    const resendNotification = jest.fn(async () => requeued);
    const notify = jest.fn();
    renderPage(adminHost({ notifications, resendNotification }, notify));
    await openTab();
    fireEvent.click(await screen.findByTestId('notification-resend'));
    await act(async () => undefined);
    expect(resendNotification).toHaveBeenCalledWith(dead.id, { clientRequestId: expect.any(String) });
    expect(notify).toHaveBeenCalledWith('success', 'Сообщение поставлено в очередь снова');
    await waitFor(() => expect(screen.getByTestId('notification-row')).toHaveAttribute('data-status', 'queued'));
    expect(screen.getByTestId('notification-row')).toHaveTextContent('В очереди');
    expect(screen.queryByTestId('notification-resend')).toBeNull();
  });

  it('a refused resend (409 notification.not_dead) says why at the row', async () => {
    const dead = aNotification();
    const resendNotification = jest.fn().mockRejectedValueOnce(problem(409, 'notification.not_dead'));
    renderPage(adminHost({ notifications: jest.fn(async () => ({ notifications: [dead], next: null })), resendNotification }));
    await openTab();
    fireEvent.click(await screen.findByTestId('notification-resend'));
    expect(await screen.findByTestId('notification-resend-failure')).toHaveTextContent('Повторно отправить можно только уведомление, доставка которого остановлена.');
  });

  it('sends an SMS from a template: its required variables as fields, one clientRequestId per dialog; a 400 lands at its field', async () => {
    const sent = aNotification({ status: 'queued', attempts: 0, lastError: null });
    const sendNotification = jest
      .fn()
      .mockRejectedValueOnce(problem(400, 'validation', [{ path: 'body.variables.orderNumber', message: 'Card data is not allowed here' }]))
      .mockResolvedValueOnce(sent);
    const notify = jest.fn();
    renderPage(adminHost({ sendNotification }, notify));
    await openTab();
    fireEvent.click(await screen.findByTestId('notification-send'));
    const dialog = screen.getByRole('dialog', { name: 'Сообщение гостю' });
    fireEvent.click(within(dialog).getByTestId('notification-form-template-reservation_reminder'));
    expect(within(dialog).getByTestId('notification-form-var-date')).toBeInTheDocument();
    expect(within(dialog).getByTestId('notification-form-var-time')).toBeInTheDocument();
    expect(within(dialog).getByTestId('notification-form-var-guests')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByTestId('notification-form-template-order_ready'));
    expect(within(dialog).queryByTestId('notification-form-var-date')).toBeNull();

    // Checked here first: nothing is sent with a field empty or a phone not in international form.
    fireEvent.change(within(dialog).getByTestId('notification-form-recipient'), { target: { value: '89161234567' } });
    fireEvent.click(within(dialog).getByTestId('notification-form-send'));
    expect(within(dialog).getByText('Заполните поле')).toBeInTheDocument();
    expect(within(dialog).getByText('Телефон в международном виде, например +79161234567')).toBeInTheDocument();
    expect(sendNotification).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByTestId('notification-form-var-orderNumber'), { target: { value: ' 41 ' } });
    fireEvent.change(within(dialog).getByTestId('notification-form-recipient'), { target: { value: '+79161234567' } });
    fireEvent.click(within(dialog).getByTestId('notification-form-send'));
    await act(async () => undefined);
    expect(sendNotification).toHaveBeenCalledWith({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '41' }, recipient: { phone: '+79161234567' }, clientRequestId: expect.any(String) });
    // The server's 400 at `body.variables.orderNumber` shows under that field.
    const field = within(dialog).getByTestId('notification-form-var-orderNumber');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('Card data is not allowed here')).toBeInTheDocument();

    fireEvent.change(field, { target: { value: '42' } });
    fireEvent.click(within(dialog).getByTestId('notification-form-send'));
    await act(async () => undefined);
    const ids = sendNotification.mock.calls.map(([input]: [{ clientRequestId: string }]) => input.clientRequestId);
    expect(ids[1]).toBe(ids[0]);
    expect(notify).toHaveBeenCalledWith('success', 'Сообщение поставлено в очередь');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('an email to a guest without consent (409 notification.no_consent) is said in the dialog', async () => {
    const sendNotification = jest.fn().mockRejectedValueOnce(problem(409, 'notification.no_consent'));
    renderPage(adminHost({ sendNotification }));
    await openTab();
    fireEvent.click(await screen.findByTestId('notification-send'));
    fireEvent.click(screen.getByTestId('notification-form-channel-email'));
    fireEvent.click(screen.getByTestId('notification-form-template-custom'));
    fireEvent.change(screen.getByTestId('notification-form-var-text'), { target: { value: 'Ждём вас снова' } });
    fireEvent.change(screen.getByTestId('notification-form-recipient'), { target: { value: 'guest@example.com' } });
    fireEvent.click(screen.getByTestId('notification-form-send'));
    expect(await screen.findByTestId('notification-form-failure')).toHaveTextContent('Гость не давал согласия на сообщения по этому каналу.');
    expect(sendNotification).toHaveBeenCalledWith(expect.objectContaining({ channel: 'email', template: 'custom', variables: { text: 'Ждём вас снова' }, recipient: { email: 'guest@example.com' } }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
