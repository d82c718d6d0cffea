import { ApiError, type HostApi, HostProvider } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { aShift, SHIFT_ID, testHost } from '../../testing/fixtures';
import { ReportsCard } from './reports-card';
import { ZAfterClose } from './z-after-close';

const htmlBlob = (html: string) => ({ text: async () => html }) as Blob;

function renderCard(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <ReportsCard host={host} context={{ shift: aShift() }} />
    </HostProvider>,
  );
}

describe('ReportsCard', () => {
  beforeAll(() => {
    // jsdom has no object URLs.
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
  });

  it('opens the live X-report: the server’s HTML in a sandboxed iframe, fetched on every open', async () => {
    const shiftReport = jest.fn(async () => htmlBlob('<h1>X-отчёт (промежуточный, без номера)</h1>'));
    renderCard(testHost({ api: { shiftReport } }));
    fireEvent.click(screen.getByTestId('shift-report-x'));
    const frame = await screen.findByTestId('shift-report-frame');
    expect(frame.getAttribute('srcdoc')).toContain('X-отчёт (промежуточный, без номера)');
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(shiftReport).toHaveBeenCalledWith(SHIFT_ID, { format: 'html', lang: 'ru' });
    fireEvent.click(screen.getAllByRole('button', { name: 'Закрыть' })[0]);
    fireEvent.click(screen.getByTestId('shift-report-x'));
    await screen.findByTestId('shift-report-frame');
    expect(shiftReport).toHaveBeenCalledTimes(2);
  });

  it('downloads the PDF through the host’s client (with auth) and says so when it is refused', async () => {
    const shiftReport = jest.fn(async () => ({ size: 3 }) as Blob);
    const notify = jest.fn();
    renderCard(testHost({ api: { shiftReport }, notify }));
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId('shift-report-pdf'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(shiftReport).toHaveBeenCalledWith(SHIFT_ID, { format: 'pdf', lang: 'ru' });
    expect(URL.createObjectURL).toHaveBeenCalled();

    await waitFor(() => expect(screen.getByTestId('shift-report-pdf')).toBeEnabled());
    shiftReport.mockRejectedValueOnce(new ApiError(403, { type: 'x', title: 'Not yours', status: 403, code: 'shift_report.not_yours' }));
    fireEvent.click(screen.getByTestId('shift-report-pdf'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith('error', expect.stringContaining('Не удалось получить отчёт')));
    click.mockRestore();
  });
});

describe('ZAfterClose', () => {
  it('shows the closed shift’s Z number; nothing before the close', async () => {
    const shiftZReport = jest.fn(async () => ({
      zReport: { number: 7, shiftId: SHIFT_ID, cashierName: 'Вера', tillName: null, openedAt: '2026-12-07T08:00:00.000Z', closedAt: '2026-12-07T20:00:00.000Z', issuedAt: '2026-12-07T20:00:00.000Z', currency: 'RUB', netRevenue: 100, cashDifference: 0, closeMode: 'counted' as const, prints: 0 },
    }));
    const host = testHost({ api: { shiftZReport } });
    const { rerender } = render(
      <HostProvider host={host}>
        <ZAfterClose host={host} context={{ stage: 'before', shift: aShift() }} />
      </HostProvider>,
    );
    expect(screen.queryByTestId('shift-z-card')).not.toBeInTheDocument();
    rerender(
      <HostProvider host={host}>
        <ZAfterClose host={host} context={{ stage: 'after', shift: aShift({ status: 'closed' }) }} />
      </HostProvider>,
    );
    expect(await screen.findByTestId('shift-z-number')).toHaveTextContent('Z-отчёт № 0007');
    expect(screen.getByRole('heading', { name: 'Z-отчёт № 0007' })).toBeInTheDocument();
  });
});
