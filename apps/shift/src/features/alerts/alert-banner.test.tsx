import type { ShiftAlerts } from '@pos/contracts';
import { type HostApi, HostProvider, type PosApi } from '@pos/plugin-sdk';
import { act, render, screen, waitFor } from '@testing-library/react';
import { testHost } from '../../testing/fixtures';
import { AlertBanner } from './alert-banner';
import { AlertIndicator } from './alert-indicator';

const SHIFT = '0190a000-0000-7000-8000-000000000801';
const CASHIER = '0190a000-0000-7000-8000-000000000802';
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function answer(now: number, minutesLeft: number, closeout = now + minutesLeft * 60_000): ShiftAlerts {
  const closeoutAt = new Date(closeout).toISOString();
  return {
    serverTime: new Date(now).toISOString(),
    closeoutAt,
    alerts: [{ kind: minutesLeft <= 10 ? 'closeout_10' : 'closeout_30', shiftId: SHIFT, cashierId: CASHIER, cashierName: 'Анна', tillName: null, openedAt: new Date(now - 3_600_000).toISOString(), since: new Date(now).toISOString(), minutesLeft }],
  };
}

const withClient = (shiftAlerts: () => Promise<ShiftAlerts>): Partial<PosApi> => ({ shiftAlerts });

function renderBoth(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <AlertIndicator host={host} context={{}} />
      <AlertBanner host={host} context={{ hallId: null }} />
    </HostProvider>,
  );
}

describe('shift alerts on screen', () => {
  afterEach(() => jest.useRealTimers());

  it('shows nothing when no reminder is due', async () => {
    const get = jest.fn(async () => ({ serverTime: new Date().toISOString(), closeoutAt: null, alerts: [] }));
    renderBoth(testHost({ api: withClient(get) }));
    await waitFor(() => expect(get).toHaveBeenCalled());
    expect(screen.queryByTestId('shift-alert-indicator')).not.toBeInTheDocument();
    expect(screen.queryByTestId('shift-alert-banner')).not.toBeInTheDocument();
  });

  it('shows the minutes left in the header and above the floor, counting down live, and refetches on shift.alert', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T20:35:00.000Z') });
    // The server's closeout stays put; each answer has the server's time then.
    const closeout = Date.now() + 25 * 60_000;
    const get = jest.fn(async () => answer(Date.now(), Math.ceil((closeout - Date.now()) / 60_000), closeout));
    const host = testHost({ api: withClient(get) });
    renderBoth(host);
    expect(plain((await screen.findByTestId('shift-alert-indicator')).textContent)).toBe('Смена закроется через 25 мин');
    expect(plain(screen.getByTestId('shift-alert-headline').textContent)).toBe('Закрытие смены в 00:00 — осталось 25 мин');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(60_000);
    });
    expect(plain(screen.getByTestId('shift-alert-indicator').textContent)).toBe('Смена закроется через 24 мин');
    // Past the 10-minute mark it turns urgent without waiting for the server.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(14 * 60_000);
    });
    expect(screen.getByTestId('shift-alert-indicator')).toHaveAttribute('data-kind', 'closeout_10');
    const calls = get.mock.calls.length;
    act(() => {
      host.bus.emit('shift.alert', { venueId: '0190a000-0000-7000-8000-000000000001', alert: { ...answer(Date.now(), 10).alerts[0] } });
    });
    await waitFor(() => expect(get.mock.calls.length).toBeGreaterThan(calls));
  });

  it('speaks English, and names the cashier when several shifts are flagged (a supervisor)', async () => {
    const now = Date.now();
    const two = answer(now, 8);
    two.alerts.push({ ...two.alerts[0], shiftId: '0190a000-0000-7000-8000-000000000803', cashierName: 'Борис', tillName: 'Касса 2' });
    renderBoth(testHost({ api: withClient(jest.fn(async () => two)), language: 'en' }));
    const lines = await screen.findAllByTestId('shift-alert-line');
    expect(lines.map((l) => plain(l.textContent))).toEqual(['Анна: shift closes in 8 min', 'Борис: shift closes in 8 min · Касса 2']);
    expect(screen.getByTestId('shift-alert-banner')).toHaveTextContent('min left');
  });

  it('asks nothing without shifts.view', () => {
    const get = jest.fn(async () => answer(Date.now(), 20));
    renderBoth(testHost({ api: withClient(get), permissions: ['orders.view'] }));
    expect(get).not.toHaveBeenCalled();
  });
});
