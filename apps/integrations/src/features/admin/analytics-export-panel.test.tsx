import type { AnalyticsExport } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { anExport, testHost } from '../../testing/fixtures';
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
      adminIntegrations: jest.fn(async () => []),
      analyticsExports: jest.fn(async () => ({ exports: [] as AnalyticsExport[] })),
      ...api,
    },
  });
}

const problem = (status: number, code: string, errors?: { path: string; message: string }[]) => new ApiError(status, { type: 'about:blank', title: 'x', status, code, ...(errors ? { errors } : {}) });
const openTab = async () => fireEvent.click(await screen.findByTestId('integrations-tab-exports'));
/** Moves the fake clock, then lets react-query's batched notification (a 0 ms timeout) reach React. */
const tick = async (ms: number) => {
  await act(async () => void (await jest.advanceTimersByTimeAsync(ms)));
  await act(async () => void (await jest.advanceTimersByTimeAsync(1)));
};

describe('Admin → Интеграции: BI export', () => {
  afterEach(() => jest.useRealTimers());

  it('starts a CSV export of the chosen days in the venue’s zone, datasets in the server’s order', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-10T22:30:00.000Z'), doNotFake: ['queueMicrotask'] });
    const started = anExport();
    const startAnalyticsExport = jest.fn(async () => started);
    const notify = jest.fn();
    const analyticsExports = jest.fn().mockResolvedValueOnce({ exports: [] }).mockResolvedValue({ exports: [started] });
    renderPage(adminHost({ startAnalyticsExport, analyticsExports, analyticsExport: jest.fn(async () => started) }, notify));
    await openTab();
    const form = await screen.findByTestId('export-form');
    // 01:30 in Moscow: already the 11th there.
    expect(within(form).getByTestId('export-from')).toHaveValue('2026-03-11');
    fireEvent.click(within(form).getByTestId('export-dataset-payments'));
    fireEvent.click(within(form).getByTestId('export-dataset-lines'));
    fireEvent.change(within(form).getByTestId('export-from'), { target: { value: '2026-03-01' } });
    fireEvent.change(within(form).getByTestId('export-to'), { target: { value: '2026-03-02' } });
    fireEvent.click(within(form).getByTestId('export-start'));
    await tick(0);
    expect(startAnalyticsExport).toHaveBeenCalledWith({
      datasets: ['orders', 'lines', 'payments'],
      format: 'csv',
      period: { from: '2026-02-28T21:00:00.000Z', to: '2026-03-02T21:00:00.000Z' },
      clientRequestId: expect.any(String),
    });
    expect(notify).toHaveBeenCalledWith('success', 'Выгрузка поставлена в очередь');
    expect(screen.getByTestId('export-row')).toHaveAttribute('data-export-id', started.id);
  });

  it('asks for «changes since the last export» as mode=since_last in NDJSON; nothing is sent without a dataset', async () => {
    const started = anExport({ mode: 'since_last', period: null, format: 'ndjson', datasets: ['shifts'] });
    const startAnalyticsExport = jest.fn(async () => started);
    const analyticsExports = jest.fn().mockResolvedValueOnce({ exports: [] }).mockResolvedValue({ exports: [started] });
    renderPage(adminHost({ startAnalyticsExport, analyticsExports, analyticsExport: jest.fn(async () => started) }));
    await openTab();
    fireEvent.click(await screen.findByTestId('export-dataset-orders'));
    fireEvent.click(screen.getByTestId('export-start'));
    expect(screen.getByTestId('export-datasets-error')).toHaveTextContent('Выберите хотя бы один набор данных');
    expect(startAnalyticsExport).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('export-dataset-shifts'));
    fireEvent.click(screen.getByTestId('export-format-ndjson'));
    fireEvent.click(screen.getByTestId('export-range-since_last'));
    expect(screen.queryByTestId('export-from')).toBeNull();
    fireEvent.click(screen.getByTestId('export-start'));
    await act(async () => undefined);
    expect(startAnalyticsExport).toHaveBeenCalledWith({ datasets: ['shifts'], format: 'ndjson', mode: 'since_last', clientRequestId: expect.any(String) });
    expect(await screen.findByText(/изменения с прошлой выгрузки/)).toBeInTheDocument();
  });

  it('puts a 400 with a field path at its field (the period), and a 409 in a sentence', async () => {
    const startAnalyticsExport = jest
      .fn()
      .mockRejectedValueOnce(problem(400, 'validation', [{ path: 'body.period.to', message: 'A period of at most 366 days' }]))
      .mockRejectedValueOnce(problem(409, 'analytics_export.too_many'));
    renderPage(adminHost({ startAnalyticsExport }));
    await openTab();
    fireEvent.click(await screen.findByTestId('export-start'));
    await act(async () => undefined);
    expect(screen.getByTestId('export-to')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('A period of at most 366 days')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('export-start'));
    await act(async () => undefined);
    expect(screen.getByTestId('export-form-failure')).toHaveTextContent('Слишком много выгрузок в очереди');
    // The same attempt both times: the server would answer a retried start once.
    expect(startAnalyticsExport.mock.calls[1][0].clientRequestId).toBe(startAnalyticsExport.mock.calls[0][0].clientRequestId);
  });

  it('polls a running export: the progress bar advances, stops at done, and each file downloads with the staff’s token as a Blob', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask'] });
    const queued = anExport();
    const running = { ...queued, status: 'running' as const, progress: { rows: 400, totalRows: 1000, percent: 40 } };
    const further = { ...running, progress: { rows: 800, totalRows: 1000, percent: 80 } };
    const done = {
      ...further,
      status: 'done' as const,
      progress: { rows: 1000, totalRows: 1000, percent: 100 },
      files: [{ dataset: 'orders' as const, bytes: 2048, rows: 1000, url: `/admin/analytics/export/${queued.id}/files/orders` }],
    };
    const analyticsExport = jest.fn().mockResolvedValueOnce(queued).mockResolvedValueOnce(running).mockResolvedValueOnce(further).mockResolvedValue(done);
    const analyticsExports = jest.fn().mockResolvedValueOnce({ exports: [queued] }).mockResolvedValue({ exports: [done] });
    const blob = new Blob(['id,number\n'], { type: 'text/csv' });
    const analyticsExportFile = jest.fn(async () => blob);
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderPage(adminHost({ analyticsExports, analyticsExport, analyticsExportFile }));
    await openTab();
    await tick(0);
    const bar = () => screen.getByTestId('export-progress');
    expect(bar()).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByTestId('export-status')).toHaveTextContent('В очереди');

    await tick(1500);
    expect(bar()).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByTestId('export-status')).toHaveTextContent('Идёт');
    expect(screen.getByTestId('export-rows')).toHaveTextContent('Строк: 400 из ~1000');
    await tick(1500);
    expect(bar()).toHaveAttribute('aria-valuenow', '80');
    expect(screen.queryByTestId('export-download-orders')).toBeNull();
    await tick(1500);
    expect(bar()).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByTestId('export-status')).toHaveTextContent('Готово');
    const calls = analyticsExport.mock.calls.length;
    await tick(6000);
    // Done: no more polling.
    expect(analyticsExport).toHaveBeenCalledTimes(calls);

    expect(screen.getByTestId('export-download-orders')).toHaveTextContent('Скачать Заказы (1000 строк)');
    fireEvent.click(screen.getByTestId('export-download-orders'));
    await tick(0);
    expect(analyticsExportFile).toHaveBeenCalledWith(queued.id, 'orders');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });
});
