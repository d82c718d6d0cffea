import type { Integration, WebhookEndpoint } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { aLogDetail, aLogEntry, anEndpoint, aPartner, OTHER_SECRET, SECRET, testHost } from '../../testing/fixtures';
import { IntegrationsAdminPage } from './admin-page';

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <IntegrationsAdminPage host={host} context={{ path: '/x/admin/integrations' }} />
    </HostProvider>,
  );
}

function adminHost(api: Partial<HostApi['api']>, notify = jest.fn()) {
  return testHost({
    notify,
    api: {
      adminIntegrations: jest.fn(async () => [] as Integration[]),
      webhookEndpoints: jest.fn(async () => [] as WebhookEndpoint[]),
      deliveries: jest.fn(async () => ({ items: [], next: null })),
      ...api,
    },
  });
}

const problem = (status: number, code: string, errors?: { path: string; message: string }[]) => new ApiError(status, { type: 'about:blank', title: 'x', status, code, ...(errors ? { errors } : {}) });
const requestIdOf = (mock: jest.Mock, call = 0, arg = 0) => (mock.mock.calls[call][arg] as { clientRequestId: string }).clientRequestId;

describe('Admin → Интеграции: delivery partners', () => {
  const writeText = jest.fn(async () => undefined);
  beforeAll(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true }));
  beforeEach(() => writeText.mockClear());

  it('lists partners with the inbound URL and the secret masked until «Показать»; copies the secret whole', async () => {
    const partner = aPartner({ previousSecretUntil: '2099-01-01T00:00:00.000Z' });
    const notify = jest.fn();
    renderPage(adminHost({ adminIntegrations: jest.fn(async () => [partner]) }, notify));
    const row = await screen.findByTestId('partner-row');
    expect(within(row).getByTestId('partner-name')).toHaveTextContent('Яндекс Еда');
    expect(within(row).getByTestId('partner-url')).toHaveTextContent(`${window.location.origin}/integrations/${partner.id}/orders`);
    const secret = within(row).getByTestId('partner-secret');
    expect(secret).toHaveTextContent(/^whsec_•+$/);
    expect(secret).not.toHaveTextContent(SECRET);
    expect(within(row).getByTestId('partner-previous')).toHaveTextContent('прежний секрет действует до');
    fireEvent.click(within(row).getByTestId('partner-secret-show'));
    expect(secret).toHaveTextContent(SECRET);
    fireEvent.click(within(row).getByTestId('partner-secret-show'));
    expect(secret).not.toHaveTextContent(SECRET);
    fireEvent.click(within(row).getByTestId('partner-secret-copy'));
    await act(async () => undefined);
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(notify).toHaveBeenCalledWith('success', 'Скопировано');
  });

  it('adds a partner with one clientRequestId per dialog, and puts a refused name at its field', async () => {
    const created = aPartner({ name: 'Delivery Club' });
    const createIntegration = jest.fn().mockRejectedValueOnce(problem(400, 'validation', [{ path: 'body.name', message: 'Too long' }])).mockResolvedValueOnce(created);
    const notify = jest.fn();
    const adminIntegrations = jest.fn().mockResolvedValueOnce([]).mockResolvedValue([created]);
    renderPage(adminHost({ adminIntegrations, createIntegration }, notify));
    fireEvent.click(await screen.findByTestId('partner-add'));
    const dialog = screen.getByRole('dialog', { name: 'Новый партнёр доставки' });
    fireEvent.click(within(dialog).getByTestId('partner-save'));
    expect(within(dialog).getByText('Название — от 1 до 100 символов')).toBeInTheDocument();
    expect(createIntegration).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByTestId('partner-form-name'), { target: { value: ' Delivery Club ' } });
    fireEvent.click(within(dialog).getByTestId('partner-save'));
    await act(async () => undefined);
    expect(createIntegration).toHaveBeenCalledWith({ name: 'Delivery Club', enabled: true, clientRequestId: expect.any(String) });
    expect(within(dialog).getByText('Название — от 1 до 100 символов')).toBeInTheDocument();

    fireEvent.click(within(dialog).getByTestId('partner-save'));
    await act(async () => undefined);
    // The same attempt, retried: the server answers it once.
    expect(requestIdOf(createIntegration, 1)).toBe(requestIdOf(createIntegration, 0));
    expect(notify).toHaveBeenCalledWith('success', 'Партнёр «Delivery Club» добавлен');
    expect(await screen.findByText('Delivery Club')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches a partner off quoting its version; a version conflict says so and reloads the list', async () => {
    const partner = aPartner({ version: 4 });
    const adminIntegrations = jest.fn(async () => [partner]);
    const updateIntegration = jest.fn().mockRejectedValueOnce(problem(409, 'integration.version_conflict'));
    const notify = jest.fn();
    renderPage(adminHost({ adminIntegrations, updateIntegration }, notify));
    fireEvent.click(await screen.findByTestId('partner-enabled'));
    await act(async () => undefined);
    expect(updateIntegration).toHaveBeenCalledWith(partner.id, { enabled: false, version: 4, clientRequestId: expect.any(String) });
    expect(notify).toHaveBeenCalledWith('error', 'Запись только что изменили в другом месте — список обновлён, повторите.');
    await waitFor(() => expect(adminIntegrations).toHaveBeenCalledTimes(2));
  });

  it('renames a partner at its version', async () => {
    const partner = aPartner({ version: 2 });
    const renamed = { ...partner, name: 'Яндекс Еда (центр)', version: 3 };
    const updateIntegration = jest.fn(async () => renamed);
    renderPage(adminHost({ adminIntegrations: jest.fn().mockResolvedValueOnce([partner]).mockResolvedValue([renamed]), updateIntegration }));
    fireEvent.click(await screen.findByTestId('partner-rename'));
    fireEvent.change(screen.getByTestId('partner-form-name'), { target: { value: 'Яндекс Еда (центр)' } });
    fireEvent.click(screen.getByTestId('partner-save'));
    await act(async () => undefined);
    expect(updateIntegration).toHaveBeenCalledWith(partner.id, { name: 'Яндекс Еда (центр)', version: 2, clientRequestId: expect.any(String) });
    expect(await screen.findByText('Яндекс Еда (центр)')).toBeInTheDocument();
  });

  it('rotates the secret with the grace hours asked, and shows the new secret at once', async () => {
    const partner = aPartner({ version: 5 });
    const rotated = { ...partner, secret: OTHER_SECRET, previousSecretUntil: '2099-01-02T00:00:00.000Z', version: 6 };
    const rotateIntegrationSecret = jest.fn(async () => rotated);
    renderPage(adminHost({ adminIntegrations: jest.fn().mockResolvedValueOnce([partner]).mockResolvedValue([rotated]), rotateIntegrationSecret }));
    fireEvent.click(await screen.findByTestId('partner-rotate'));
    const grace = screen.getByTestId('partner-rotate-dialog-grace');
    expect(grace).toHaveValue('24');
    fireEvent.change(grace, { target: { value: '200' } });
    fireEvent.click(screen.getByTestId('partner-rotate-dialog-confirm'));
    expect(screen.getByText('Целое число от 0 до 168')).toBeInTheDocument();
    fireEvent.change(grace, { target: { value: '48' } });
    fireEvent.click(screen.getByTestId('partner-rotate-dialog-confirm'));
    await act(async () => undefined);
    expect(rotateIntegrationSecret).toHaveBeenCalledWith(partner.id, { graceHours: 48, version: 5, clientRequestId: expect.any(String) });
    fireEvent.click(screen.getByTestId('partner-secret-show'));
    expect(screen.getByTestId('partner-secret')).toHaveTextContent(OTHER_SECRET);
    expect(screen.getByTestId('partner-previous')).toBeInTheDocument();
  });
});

describe('Admin → Интеграции: webhooks', () => {
  const openEndpoints = async () => fireEvent.click(await screen.findByTestId('integrations-tab-endpoints'));

  it('lists endpoints with their events, what waits and what died', async () => {
    renderPage(adminHost({ webhookEndpoints: jest.fn(async () => [anEndpoint({ events: ['order.updated', 'kitchen.ticket.updated'] })]) }));
    await openEndpoints();
    const row = await screen.findByTestId('endpoint-row');
    expect(within(row).getByTestId('endpoint-url')).toHaveTextContent('https://erp.example.com/hooks/pos');
    expect(row).toHaveTextContent('Заказ изменён');
    expect(row).toHaveTextContent('Кухонный тикет изменён');
    expect(within(row).getByTestId('endpoint-pending')).toHaveTextContent('в очереди: 2');
    expect(within(row).getByTestId('endpoint-dead')).toHaveTextContent('не доставлено: 1');
    expect(within(row).getByTestId('endpoint-secret')).toHaveTextContent(/^whsec_•+$/);
  });

  it('adds an endpoint: URL, description, the events ticked, on', async () => {
    const createWebhookEndpoint = jest.fn(async () => anEndpoint());
    renderPage(adminHost({ createWebhookEndpoint }));
    await openEndpoints();
    fireEvent.click(await screen.findByTestId('endpoint-add'));
    fireEvent.change(screen.getByTestId('endpoint-form-url'), { target: { value: 'ftp://nope' } });
    fireEvent.click(screen.getByTestId('endpoint-form-event-order.updated'));
    fireEvent.click(screen.getByTestId('endpoint-form-event-kitchen.ticket.updated'));
    fireEvent.click(screen.getByTestId('endpoint-save'));
    expect(screen.getByTestId('endpoint-error-url')).toHaveTextContent('Адрес http(s) без логина и пароля');
    expect(screen.getByTestId('endpoint-error-events')).toHaveTextContent('Выберите хотя бы одно событие');
    expect(createWebhookEndpoint).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('endpoint-form-url'), { target: { value: 'https://erp.example.com/hooks/pos' } });
    fireEvent.change(screen.getByTestId('endpoint-form-description'), { target: { value: 'ERP' } });
    fireEvent.click(screen.getByTestId('endpoint-form-event-kitchen.ticket.updated'));
    fireEvent.click(screen.getByTestId('endpoint-save'));
    await act(async () => undefined);
    expect(createWebhookEndpoint).toHaveBeenCalledWith({ url: 'https://erp.example.com/hooks/pos', description: 'ERP', events: ['kitchen.ticket.updated'], enabled: true, clientRequestId: expect.any(String) });
  });

  it('edits at the version seen and puts the server’s refusal at the URL field', async () => {
    const endpoint = anEndpoint({ version: 7 });
    const updateWebhookEndpoint = jest.fn().mockRejectedValueOnce(problem(400, 'validation', [{ path: 'body.url', message: 'No user or password in the URL' }]));
    renderPage(adminHost({ webhookEndpoints: jest.fn(async () => [endpoint]), updateWebhookEndpoint }));
    await openEndpoints();
    fireEvent.click(await screen.findByTestId('endpoint-edit'));
    expect(screen.getByTestId('endpoint-form-url')).toHaveValue(endpoint.url);
    fireEvent.change(screen.getByTestId('endpoint-form-url'), { target: { value: 'https://u:p@erp.example.com/' } });
    fireEvent.click(screen.getByTestId('endpoint-save'));
    await act(async () => undefined);
    expect(updateWebhookEndpoint).toHaveBeenCalledWith(endpoint.id, expect.objectContaining({ url: 'https://u:p@erp.example.com/', version: 7, events: ['order.updated'] }));
    expect(screen.getByTestId('endpoint-error-url')).toHaveTextContent('Адрес http(s) без логина и пароля');
  });

  it('deletes only after a confirm', async () => {
    const endpoint = anEndpoint();
    const deleteWebhookEndpoint = jest.fn(async () => ({ ok: true as const }));
    renderPage(adminHost({ webhookEndpoints: jest.fn(async () => [endpoint]), deleteWebhookEndpoint }));
    await openEndpoints();
    fireEvent.click(await screen.findByTestId('endpoint-delete'));
    expect(deleteWebhookEndpoint).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Удалить вебхук?' })).getByTestId('endpoint-delete-confirm'));
    await act(async () => undefined);
    expect(deleteWebhookEndpoint).toHaveBeenCalledWith(endpoint.id);
  });

  it('rotates an endpoint’s secret at its version', async () => {
    const endpoint = anEndpoint({ version: 3 });
    const rotateWebhookEndpointSecret = jest.fn(async () => ({ ...endpoint, secret: OTHER_SECRET, version: 4 }));
    renderPage(adminHost({ webhookEndpoints: jest.fn(async () => [endpoint]), rotateWebhookEndpointSecret }));
    await openEndpoints();
    fireEvent.click(await screen.findByTestId('endpoint-rotate'));
    fireEvent.change(screen.getByTestId('endpoint-rotate-dialog-grace'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('endpoint-rotate-dialog-confirm'));
    await act(async () => undefined);
    expect(rotateWebhookEndpointSecret).toHaveBeenCalledWith(endpoint.id, { graceHours: 0, version: 3, clientRequestId: expect.any(String) });
  });

  it('«Показать недоставленные» opens the log filtered to the endpoint’s dead messages', async () => {
    const endpoint = anEndpoint();
    const deliveries = jest.fn(async () => ({ items: [aLogEntry({ targetId: endpoint.id })], next: null }));
    renderPage(adminHost({ webhookEndpoints: jest.fn(async () => [endpoint]), deliveries }));
    await openEndpoints();
    fireEvent.click(await screen.findByTestId('endpoint-show-dead'));
    await screen.findByTestId('log-row');
    expect(deliveries).toHaveBeenLastCalledWith({ status: 'dead', targetId: endpoint.id, limit: 25 });
    expect(screen.getByTestId('log-target')).toHaveTextContent(endpoint.url);
  });
});

describe('Admin → Интеграции: delivery log', () => {
  const openLog = async () => fireEvent.click(await screen.findByTestId('integrations-tab-log'));

  it('shows the messages, filters by status and kind, and pages by cursor', async () => {
    const first = aLogEntry({ eventType: 'order.updated', status: 'dead', attempts: 12, lastStatusCode: 503, lastError: 'Service Unavailable' });
    const second = aLogEntry({ eventType: 'kitchen.ticket.updated', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null });
    const deliveries = jest.fn(async (query: { cursor?: string } = {}) => (query.cursor === 'c2' ? { items: [second], next: null } : { items: [first], next: 'c2' }));
    renderPage(adminHost({ deliveries }));
    await openLog();
    const row = await screen.findByTestId('log-row');
    expect(row).toHaveTextContent('Вебхук');
    expect(row).toHaveTextContent('order.updated');
    expect(row).toHaveTextContent('Не доставлено');
    expect(row).toHaveTextContent('12');
    expect(row).toHaveTextContent('503 · Service Unavailable');
    expect(deliveries).toHaveBeenLastCalledWith({ limit: 25 });

    fireEvent.click(screen.getByTestId('log-next'));
    await waitFor(() => expect(screen.getByTestId('log-row')).toHaveAttribute('data-status', 'delivered'));
    expect(deliveries).toHaveBeenLastCalledWith({ cursor: 'c2', limit: 25 });
    expect(screen.getByTestId('log-page')).toHaveTextContent('Страница 2');
    expect(screen.getByTestId('log-next')).toBeDisabled();
    fireEvent.click(screen.getByTestId('log-prev'));
    await waitFor(() => expect(screen.getByTestId('log-row')).toHaveAttribute('data-status', 'dead'));

    fireEvent.click(screen.getByTestId('log-status-dead'));
    await waitFor(() => expect(deliveries).toHaveBeenLastCalledWith({ status: 'dead', limit: 25 }));
    fireEvent.click(screen.getByTestId('log-kind-notification'));
    await waitFor(() => expect(deliveries).toHaveBeenLastCalledWith({ status: 'dead', kind: 'notification', limit: 25 }));
  });

  it('opens a message with its attempts and payload, and sends a dead one again', async () => {
    const entry = aLogEntry();
    const delivery = jest.fn(async () => aLogDetail(entry));
    const redeliver = jest.fn(async () => ({ ...entry, status: 'pending' as const, attempts: 0 }));
    const notify = jest.fn();
    renderPage(adminHost({ deliveries: jest.fn(async () => ({ items: [entry], next: null })), delivery, redeliver }, notify));
    await openLog();
    fireEvent.click(await screen.findByTestId('log-open'));
    const details = await screen.findByRole('dialog', { name: 'Сообщение: order.updated' });
    await waitFor(() => expect(within(details).getAllByTestId('delivery-attempt')).toHaveLength(2));
    const [firstAttempt, secondAttempt] = within(details).getAllByTestId('delivery-attempt');
    expect(firstAttempt).toHaveTextContent('500');
    expect(firstAttempt).toHaveTextContent('Internal Server Error');
    expect(secondAttempt).toHaveTextContent('нет ответа');
    expect(secondAttempt).toHaveTextContent('timeout');
    expect(within(details).getByTestId('delivery-payload')).toHaveTextContent('"orderId": "o-1"');
    fireEvent.click(within(details).getByTestId('delivery-redeliver'));
    await act(async () => undefined);
    expect(redeliver).toHaveBeenCalledWith(entry.id);
    expect(notify).toHaveBeenCalledWith('success', 'Сообщение поставлено в очередь снова');
  });

  it('offers «Отправить снова» only for dead messages', async () => {
    const entry = aLogEntry({ status: 'delivered', lastStatusCode: 200, lastError: null, deliveredAt: '2026-01-01T12:00:01.000Z' });
    renderPage(adminHost({ deliveries: jest.fn(async () => ({ items: [entry], next: null })), delivery: jest.fn(async () => aLogDetail(entry)) }));
    await openLog();
    fireEvent.click(await screen.findByTestId('log-open'));
    expect(await screen.findByTestId('delivery-details-status')).toHaveTextContent('Доставлено');
    expect(screen.queryByTestId('delivery-redeliver')).toBeNull();
  });
});

describe('Admin → Integrations in English', () => {
  it('names the tabs, the partner’s parts and the log in English', async () => {
    const host = testHost({
      language: 'en',
      api: {
        adminIntegrations: jest.fn(async () => [aPartner()]),
        deliveries: jest.fn(async () => ({ items: [aLogEntry()], next: null })),
      },
    });
    renderPage(host);
    expect(await screen.findByTestId('partner-row')).toHaveTextContent('Orders URL');
    expect(screen.getByTestId('integrations-tab-partners')).toHaveTextContent('Delivery partners');
    expect(screen.getByTestId('integrations-tab-endpoints')).toHaveTextContent('Webhooks');
    fireEvent.click(screen.getByTestId('integrations-tab-log'));
    expect(await screen.findByTestId('log-row')).toHaveTextContent('Undelivered');
  });
});
