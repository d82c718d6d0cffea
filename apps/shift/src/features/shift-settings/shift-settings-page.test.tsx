import type { ShiftSettings } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, type PosApi } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { testHost } from '../../testing/fixtures';
import { ShiftSettingsPage } from './shift-settings-page';

const settings = (over: Partial<ShiftSettings> = {}): ShiftSettings => ({ closeoutTime: null, autoClose: false, maxOpenMinutes: 720, timeZone: 'Europe/Moscow', updatedAt: null, ...over });

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <ShiftSettingsPage host={host} />
    </HostProvider>,
  );
}

const client = (shiftSettings: PosApi['shiftSettings'], saveShiftSettings: PosApi['saveShiftSettings']): Partial<PosApi> => ({ shiftSettings, saveShiftSettings });

describe('Admin → Shifts', () => {
  it('saves the closeout time, auto-close and the limit in hours (sent as minutes)', async () => {
    const put = jest.fn(async (body: { closeoutTime: string | null; autoClose: boolean; maxOpenMinutes: number }) => settings({ ...body, updatedAt: '2026-12-07T10:00:00.000Z' }));
    const notify = jest.fn();
    renderPage(testHost({ api: client(jest.fn(async () => settings()), put), notify }));
    const time = await screen.findByTestId('shift-settings-closeout');
    // Auto-close needs a closeout time.
    expect(screen.getByTestId('shift-settings-auto-close')).toBeDisabled();
    fireEvent.change(time, { target: { value: '03:00' } });
    fireEvent.click(screen.getByTestId('shift-settings-auto-close'));
    fireEvent.change(screen.getByTestId('shift-settings-max-hours'), { target: { value: '10.5' } });
    fireEvent.click(screen.getByTestId('shift-settings-save'));
    await waitFor(() => expect(put).toHaveBeenCalledWith({ closeoutTime: '03:00', autoClose: true, maxOpenMinutes: 630 }));
    expect(notify).toHaveBeenCalledWith('success', 'Настройки смен сохранены');
    expect(screen.getByTestId('shift-settings-max-hours')).toHaveValue(10.5);
  });

  it('shows a refused limit at its field', async () => {
    const put = jest.fn(async (): Promise<ShiftSettings> => {
      throw new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors: [{ path: 'body.maxOpenMinutes', message: 'Too small' }] });
    });
    renderPage(testHost({ api: client(jest.fn(async () => settings({ closeoutTime: '02:00' })), put), language: 'en' }));
    fireEvent.change(await screen.findByTestId('shift-settings-max-hours'), { target: { value: '0.1' } });
    fireEvent.click(screen.getByTestId('shift-settings-save'));
    expect(await screen.findByTestId('shift-settings-failure')).toHaveTextContent('Fix the marked fields');
    expect(screen.getByText('1 to 48 hours')).toBeInTheDocument();
  });
});
