import type { Connectivity, HostApi, HostOutbox } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryStorage, TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { aDashboard, aPlan, testHost } from '../../testing/fixtures';
import { DashboardWidget } from './dashboard-widget';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderWidget(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <DashboardWidget host={host} context={{ hallId: null }} />
    </HostProvider>,
  );
}

/**
 * A tablet whose Wi-Fi the test drops: its connectivity and outbox for the test host, and
 * `goOffline`, after which the next fetch fails, the host says offline and the outbox holds `unsent`.
 */
function flakyTablet() {
  let connectivity: Connectivity = { state: 'online', pending: 0 };
  let pending = { amount: 0, count: 0 };
  const listeners = new Set<() => void>();
  const outbox: HostOutbox = {
    pendingPayments: async () => pending,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    outbox,
    connectivity: () => connectivity,
    goOffline(host: HostApi, financeDashboard: jest.Mock, unsent: { amount: number; count: number }) {
      financeDashboard.mockRejectedValue(new ApiError(0, { type: 'about:blank', title: 'Network', status: 0, code: 'network' }));
      connectivity = { state: 'offline', pending: unsent.count };
      pending = unsent;
      act(() => {
        host.bus.emit('connectivity.changed', connectivity);
        listeners.forEach((l) => l());
      });
    },
  };
}

const payment = (host: HostApi) =>
  host.bus.emit('payment.status', { venueId: host.session.venue.id, action: 'capture', payment: {} as never });

describe('DashboardWidget', () => {
  it('shows a cashier their shift: net, checks, average, tips, the plan behind in red, the hour chart', async () => {
    const financeDashboard = jest.fn(async () => aDashboard({ plan: aPlan({ deviation: -1_230_000, deviationPercent: -8.4, status: 'behind' }) }));
    const host = testHost({ api: { financeDashboard }, permissions: ['orders.view', 'shifts.view'] });
    renderWidget(host);
    expect(plain((await screen.findByTestId('fd-net')).textContent)).toBe('15 000 ₽');
    expect(financeDashboard).toHaveBeenCalledWith({});
    expect(screen.getByTestId('fd-checks')).toHaveTextContent('6');
    expect(plain(screen.getByTestId('fd-average').textContent)).toBe('2 500 ₽');
    expect(plain(screen.getByTestId('fd-tips').textContent)).toBe('450 ₽');
    const plan = screen.getByTestId('fd-plan');
    expect(plan).toHaveAttribute('data-tone', 'bad');
    expect(plain(plan.textContent)).toBe('Отстаём от плана −12 300 ₽ (−8,4 %) к плану');
    expect(screen.getByTestId('fd-updated')).toHaveTextContent('обновлено 14:02:11');
    // jsdom has no canvas: uPlot cannot draw here, the chart keeps its box and says what it holds.
    const chart = screen.getByTestId('fd-chart');
    expect(chart).toHaveAttribute('data-hours', '12');
    expect(chart).toHaveAttribute('data-plan', 'true');
    expect(screen.getByTestId('fd-chart-legend')).toHaveTextContent('13:00');
    expect(plain(screen.getByTestId('fd-chart-revenue').textContent)).toBe('Выручка 9 000 ₽');
    expect(plain(screen.getByTestId('fd-chart-plan').textContent)).toBe('План 10 000 ₽');
    expect(screen.getByText('Выручка смены')).toBeInTheDocument();
  });

  it('shows a supervisor the day, and their shift on the switch', async () => {
    const financeDashboard = jest.fn(async (query: { scope?: 'day' } = {}) => aDashboard({ scope: query.scope === 'day' ? 'day' : 'shift' }));
    const host = testHost({ api: { financeDashboard }, language: 'en' });
    renderWidget(host);
    await screen.findByText("Today's revenue");
    expect(financeDashboard).toHaveBeenCalledWith({ scope: 'day' });
    fireEvent.click(screen.getByTestId('fd-view-shift'));
    await screen.findByText('Shift revenue');
    expect(financeDashboard).toHaveBeenLastCalledWith({});
  });

  it('starts a waiter folded to one line, their own checks; unfolded it shows the hours', async () => {
    const host = testHost({ api: { financeDashboard: async () => aDashboard({ waiterId: host.session.staff.id, scope: 'day' }) }, permissions: ['orders.view'] });
    renderWidget(host);
    expect(plain((await screen.findByTestId('fd-net')).textContent)).toBe('15 000 ₽');
    expect(screen.getByText('Мои чеки')).toBeInTheDocument();
    expect(screen.getByTestId('fd-widget')).toHaveAttribute('data-collapsed', 'true');
    expect(screen.getByRole('button', { name: 'Развернуть' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByTestId('fd-chart')).not.toBeInTheDocument();
    expect(screen.queryByTestId('fd-checks')).not.toBeInTheDocument();
    expect(screen.queryByTestId('fd-plan')).not.toBeInTheDocument(); // no plan: nothing in its place
    expect(screen.queryByTestId('fd-view-day')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Развернуть' }));
    // No plan: eight hours of bars (12:00–13:00 widened), no plan series in the chart.
    expect(screen.getByTestId('fd-chart')).toHaveAttribute('data-hours', '8');
    expect(screen.getByTestId('fd-chart')).not.toHaveAttribute('data-plan');
    expect(screen.queryByTestId('fd-chart-plan')).not.toBeInTheDocument();
    expect(screen.getByTestId('fd-widget')).not.toHaveAttribute('data-collapsed');
  });

  it('shows nothing to staff who may not view orders (the route would refuse them)', async () => {
    const financeDashboard = jest.fn(async () => aDashboard());
    const { container } = renderWidget(testHost({ api: { financeDashboard }, permissions: ['kitchen.view'] }));
    await new Promise((r) => setTimeout(r, 10));
    expect(container).toBeEmptyDOMElement();
    expect(financeDashboard).not.toHaveBeenCalled();
  });

  it('is a quiet line, not an error, while no shift is open', async () => {
    const financeDashboard = jest.fn(async () => {
      throw new ApiError(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'shift.not_open' });
    });
    renderWidget(testHost({ api: { financeDashboard }, permissions: ['orders.view', 'shifts.view'] }));
    expect(await screen.findByTestId('fd-no-shift')).toHaveTextContent('Смена не открыта');
    expect(financeDashboard).toHaveBeenCalledTimes(1);
  });

  it('refetches once for a burst of payments, without waiting for the 30 s tick', async () => {
    let net = 1_000_000;
    const financeDashboard = jest.fn(async () => aDashboard({ net }));
    const host = testHost({ api: { financeDashboard }, permissions: ['orders.view', 'shifts.view'] });
    renderWidget(host);
    await screen.findByTestId('fd-net');
    net = 1_250_000;
    act(() => {
      payment(host);
      payment(host);
      payment(host);
    });
    expect(financeDashboard).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(plain(screen.getByTestId('fd-net').textContent)).toBe('12 500 ₽'));
    expect(financeDashboard).toHaveBeenCalledTimes(2);
  });

  it('offline keeps the last figures greyed with their time and adds this tablet’s unsent payments', async () => {
    const tablet = flakyTablet();
    const financeDashboard = jest.fn(async () => aDashboard());
    const host = testHost({ api: { financeDashboard }, permissions: ['orders.view', 'shifts.view'], outbox: tablet.outbox, connectivity: tablet.connectivity });
    renderWidget(host);
    await screen.findByTestId('fd-net');
    expect(screen.queryByTestId('fd-unsent')).not.toBeInTheDocument();

    tablet.goOffline(host, financeDashboard, { amount: 250_000, count: 1 });
    expect(plain((await screen.findByTestId('fd-unsent')).textContent)).toBe('ещё не отправлено: 2 500 ₽ (1)');
    expect(screen.getByTestId('fd-figures')).toHaveAttribute('data-stale');
    expect(screen.getByTestId('fd-updated')).toHaveTextContent('на 14:02:11');
    expect(plain(screen.getByTestId('fd-net').textContent)).toBe('15 000 ₽');
  });

  describe('folded to one line', () => {
    const key = `finance-dashboard.collapsed.${TEST_STAFF_ID}`;

    it('folds and unfolds on its header button, and keeps the staff member’s choice on the tablet', async () => {
      const storage = createMemoryStorage();
      const financeDashboard = jest.fn(async () => aDashboard());
      const host = testHost({ api: { financeDashboard }, permissions: ['orders.view', 'shifts.view'], storage, language: 'en' });
      renderWidget(host);
      await screen.findByTestId('fd-chart'); // a cashier's starts unfolded
      const collapse = screen.getByRole('button', { name: 'Collapse' });
      expect(collapse).toHaveAttribute('aria-expanded', 'true');
      expect(document.getElementById(collapse.getAttribute('aria-controls') ?? '')).toContainElement(screen.getByTestId('fd-figures'));

      fireEvent.click(collapse);
      const expand = screen.getByRole('button', { name: 'Expand' });
      expect(expand).toHaveAttribute('aria-expanded', 'false');
      expect(screen.getByTestId('fd-widget')).toHaveAttribute('data-collapsed', 'true');
      expect(screen.queryByTestId('fd-chart')).not.toBeInTheDocument();
      expect(plain(screen.getByTestId('fd-net').textContent)).toBe('₽15,000');
      await waitFor(() => expect(storage.data.get(key)).toBe(true));

      fireEvent.click(expand);
      expect(screen.getByRole('button', { name: 'Collapse' })).toHaveAttribute('aria-expanded', 'true');
      expect(screen.getByTestId('fd-chart')).toBeInTheDocument();
      expect(screen.getByTestId('fd-checks')).toHaveTextContent('6');
      await waitFor(() => expect(storage.data.get(key)).toBe(false));
      expect(financeDashboard).toHaveBeenCalledTimes(1); // folding is layout only: no refetch
    });

    it('a stored choice wins over the role’s default, and is the staff member’s own', async () => {
      const waiter = testHost({
        api: { financeDashboard: async () => aDashboard({ waiterId: TEST_STAFF_ID }) },
        permissions: ['orders.view'],
        storage: createMemoryStorage({ [key]: false }),
      });
      const { unmount } = renderWidget(waiter);
      expect(await screen.findByTestId('fd-chart')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Свернуть' })).toHaveAttribute('aria-expanded', 'true');
      unmount();

      const cashier = testHost({ api: { financeDashboard: async () => aDashboard() }, permissions: ['orders.view', 'shifts.view'], storage: createMemoryStorage({ [key]: true }) });
      const second = renderWidget(cashier);
      await screen.findByTestId('fd-net');
      expect(screen.getByTestId('fd-widget')).toHaveAttribute('data-collapsed', 'true');
      expect(screen.queryByTestId('fd-chart')).not.toBeInTheDocument();
      second.unmount();

      // Another staff member's choice on this tablet is not theirs.
      const other = testHost({
        api: { financeDashboard: async () => aDashboard() },
        permissions: ['orders.view', 'shifts.view'],
        staff: { id: '0190a000-0000-7000-8000-0000000000bb' },
        storage: createMemoryStorage({ [key]: true }),
      });
      renderWidget(other);
      expect(await screen.findByTestId('fd-chart')).toBeInTheDocument();
    });

    it('shows net and the deviation in its colour, stays live, and offline greys with the unsent money', async () => {
      let net = 1_500_000;
      const tablet = flakyTablet();
      const financeDashboard = jest.fn(async () => aDashboard({ net, plan: aPlan({ deviation: -1_230_000, deviationPercent: -8.4, status: 'behind' }) }));
      const host = testHost({
        api: { financeDashboard },
        permissions: ['orders.view', 'shifts.view'],
        storage: createMemoryStorage({ [key]: true }),
        outbox: tablet.outbox,
        connectivity: tablet.connectivity,
      });
      renderWidget(host);
      expect(plain((await screen.findByTestId('fd-net')).textContent)).toBe('15 000 ₽');
      const plan = screen.getByTestId('fd-plan');
      expect(plan).toHaveAttribute('data-tone', 'bad');
      expect(plan).toHaveAttribute('data-status', 'behind');
      expect(plain(plan.textContent)).toBe('Отстаём от плана −12 300 ₽ (−8,4 %) к плану');
      expect(screen.queryByTestId('fd-chart')).not.toBeInTheDocument();

      net = 1_750_000;
      act(() => payment(host));
      await waitFor(() => expect(plain(screen.getByTestId('fd-net').textContent)).toBe('17 500 ₽'));
      expect(screen.queryByTestId('fd-chart')).not.toBeInTheDocument();

      tablet.goOffline(host, financeDashboard, { amount: 250_000, count: 1 });
      expect(plain((await screen.findByTestId('fd-unsent')).textContent)).toBe('ещё не отправлено: 2 500 ₽ (1)');
      expect(screen.getByTestId('fd-figures')).toHaveAttribute('data-stale');
      expect(screen.getByTestId('fd-widget')).toHaveAttribute('data-offline', 'true');
      expect(plain(screen.getByTestId('fd-net').textContent)).toBe('17 500 ₽');
    });

    it('shows a supervisor’s day folded without the Day / Shift switch', async () => {
      const host = testHost({ api: { financeDashboard: async () => aDashboard({ scope: 'day', plan: aPlan({ deviation: 200_000, deviationPercent: 3.1, status: 'on_plan' }) }) }, storage: createMemoryStorage({ [key]: true }) });
      renderWidget(host);
      expect(await screen.findByTestId('fd-plan')).toHaveAttribute('data-tone', 'neutral');
      expect(screen.getByText('Выручка за день')).toBeInTheDocument();
      expect(screen.queryByTestId('fd-view-shift')).not.toBeInTheDocument();
    });
  });
});
