import { orderBackPath } from '../../core/router';
import { ApiError, type PosApi } from '@pos/api-client';
import type { Order } from '@pos/contracts';
import { anOrder, aPayment, aSession, aStaff } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import { type HostApi, HostProvider } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { addShellTexts } from '../../i18n';
import { OrdersScreen } from './orders-screen';

// Remotes' parcels need single-spa: the slot is a stand-in that shows the order it was given.
const mockSlotRenders: number[] = [];
jest.mock('../../core/plugin-host/slot', () => ({
  Slot: ({ name, context }: { name: string; context: { order: Order } }) => {
    mockSlotRenders.push(context.order.number);
    return <span data-testid={`slot-${context.order.number}`}>{`${name}:${context.order.id}`}</span>;
  },
}));

// 22:30 UTC on 1 March is already 2 March in Moscow: the venue's day, not the tablet's.
const NOW = Date.parse('2026-03-01T22:30:00.000Z');
const TODAY = '2026-03-02';

/** Order №n of table n, opened at 00:05 Moscow time by Анна: 1 500 ₽, nothing paid. */
const order = (number: number, over: Partial<Order> = {}): Order =>
  anOrder({
    id: `o${number}`,
    number,
    tableId: `t${number}`,
    tableLabel: String(number),
    sessionId: null,
    waiterId: 'w1',
    waiterName: 'Анна',
    shiftId: 'shift-1',
    status: 'open',
    version: 1,
    subtotal: 150_000,
    total: 150_000,
    paid: 0,
    due: 150_000,
    createdAt: '2026-03-01T21:05:00.000Z',
    updatedAt: '2026-03-01T21:05:00.000Z',
    ...over,
  });

const OPEN = order(12, { tableLabel: '7', waiterName: 'Пётр', paid: 50_000, due: 100_000 });
const PAID = order(11, { tableLabel: null, status: 'paid', paid: 150_000, due: 0, createdAt: '2026-03-01T23:40:00.000Z' });
const UNPAID = order(10, { waiterName: 'Алёна' });
const DELIVERY = order(14, {
  tableLabel: null,
  source: 'delivery',
  waiterName: 'Яндекс Еда',
  delivery: { integrationId: 'i-1', partnerName: 'Яндекс Еда', externalId: 'YA-1', externalStatus: 'accepted', customerName: 'Ольга', phone: null, address: null, pickupAt: null },
});
const VOID = order(9, { status: 'void', total: 0, due: 0 });
const DAY = [UNPAID, PAID, OPEN, VOID];

interface Setup {
  orders: jest.Mock;
  /** Whether a remote contributes row actions. */
  withActions?: boolean;
  search?: string;
}

function renderOrders({ orders, withActions = true, search = '' }: Setup) {
  window.history.replaceState(null, '', `/orders${search}`);
  const session = aSession({ staff: aStaff({ id: 'c1', name: 'Вера', role: 'cashier' }), permissions: ['orders.view', 'payments.take'] });
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const bus = createEventBus();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = { orders } as Partial<PosApi>;
  const host = { api, bus, queryClient, i18n, session, can: () => true } as unknown as HostApi;
  const remotes$ = new BehaviorSubject<unknown[]>([]);
  const pluginHost = { remotes$, slot: () => (withActions ? [{ remote: 'payments', parcel: {} }] : []) };
  const services = { api, bus, queryClient, i18n, host: () => host, pluginHost } as unknown as ShellServices;
  render(
    <ServicesContext.Provider value={services}>
      <HostProvider host={host}>
        <OrdersScreen />
      </HostProvider>
    </ServicesContext.Provider>,
  );
  return { bus, queryClient };
}

/** The API answers with fresh objects every time, as over the network. */
const copy = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const answering = (list: Order[]) => jest.fn(async () => copy(list));
const text = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\s/g, ' ');

beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  mockSlotRenders.length = 0;
});
afterEach(() => jest.restoreAllMocks());

describe('OrdersScreen', () => {
  it("lists the venue's orders of today, in its time zone, newest first", async () => {
    const orders = answering(DAY);
    renderOrders({ orders });
    await screen.findByTestId('orders-list');
    expect(orders).toHaveBeenCalledWith({ date: TODAY });
    expect(screen.getByTestId('orders-day')).toHaveAttribute('data-date', TODAY);
    expect(screen.getByTestId('orders-day')).toHaveTextContent('Сегодня');
    expect(screen.getAllByTestId(/^orders-row-\d+$/).map((r) => r.dataset.status)).toEqual(['open', 'paid', 'open', 'void']);

    expect(text('orders-row-12-table')).toBe('7');
    expect(text('orders-row-12-waiter')).toBe('Пётр');
    expect(text('orders-row-12-opened')).toBe('00:05');
    expect(text('orders-row-12-total')).toBe('1 500,00 ₽');
    expect(text('orders-row-12-paid')).toBe('500,00 ₽');
    expect(text('orders-row-12-due')).toBe('1 000,00 ₽');
    expect(text('orders-row-12-status')).toBe('Открыт');
    expect(text('orders-row-11-table')).toBe('без стола');
    expect(text('orders-row-11-opened')).toBe('02:40');
    expect(text('orders-row-11-status')).toBe('Оплачен');
    // A settled bill owes nothing, whatever a refund did to its paid amount.
    expect(text('orders-row-11-due')).toBe('—');
    expect(text('orders-row-9-status')).toBe('Отменён');
    expect(text('orders-summary')).toBe('4 заказа · сумма 4 500,00 ₽ · оплачено 2 000,00 ₽');
  });

  it('places the row actions only on orders that took money, with the order as context', async () => {
    renderOrders({ orders: answering(DAY) });
    await screen.findByTestId('orders-list');
    expect(screen.getByTestId('slot-12')).toHaveTextContent('orders.row-actions:o12');
    expect(screen.getByTestId('slot-11')).toBeInTheDocument();
    expect(screen.queryByTestId('slot-10')).not.toBeInTheDocument();
    expect(screen.queryByTestId('slot-9')).not.toBeInTheDocument();
    expect(screen.getByTestId('orders-row-10-actions')).toBeEmptyDOMElement();
  });

  it('leaves the actions column out when no remote contributes to it', async () => {
    renderOrders({ orders: answering(DAY), withActions: false });
    await screen.findByTestId('orders-list');
    expect(screen.queryByTestId('orders-row-12-actions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('slot-12')).not.toBeInTheDocument();
  });

  it('opens the order a row stands for, paid ones too (read-only there)', async () => {
    renderOrders({ orders: answering(DAY) });
    fireEvent.click(await screen.findByTestId('orders-open-11'));
    expect(window.location.pathname).toBe('/order/o11');
    // The order screen's back button returns to this list.
    expect(orderBackPath()).toBe('/orders');
  });

  it('steps through the days, never past today, and remembers the day in the address', async () => {
    const orders = answering(DAY);
    renderOrders({ orders });
    await screen.findByTestId('orders-list');
    expect(screen.getByTestId('orders-day-next')).toBeDisabled();
    expect(screen.queryByTestId('orders-day-today')).not.toBeInTheDocument();

    fireEvent.click(screen.getByTestId('orders-day-previous'));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith({ date: '2026-03-01' }));
    expect(screen.getByTestId('orders-day')).toHaveTextContent('Вчера');
    expect(window.location.search).toBe('?date=2026-03-01');
    fireEvent.click(screen.getByTestId('orders-day-previous'));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith({ date: '2026-02-28' }));
    expect(screen.getByTestId('orders-day')).toHaveTextContent('Суббота');
    expect(screen.getByTestId('orders-day')).toHaveTextContent('28 февраля 2026');

    fireEvent.click(screen.getByTestId('orders-day-next'));
    await waitFor(() => expect(screen.getByTestId('orders-day')).toHaveAttribute('data-date', '2026-03-01'));
    fireEvent.click(screen.getByTestId('orders-day-today'));
    await waitFor(() => expect(screen.getByTestId('orders-day')).toHaveAttribute('data-date', TODAY));
    expect(window.location.search).toBe('');
  });

  it('asks the API for one status per tab', async () => {
    const orders = jest.fn(async (query: { status?: string }) => copy(DAY.filter((o) => !query.status || o.status === query.status)));
    renderOrders({ orders });
    await screen.findByTestId('orders-list');
    fireEvent.click(screen.getByTestId('orders-tab-paid'));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith({ date: TODAY, status: 'paid' }));
    await waitFor(() => expect(screen.getAllByTestId(/^orders-row-\d+$/)).toHaveLength(1));
    expect(screen.getByTestId('orders-tab-paid')).toHaveAttribute('aria-selected', 'true');
    expect(window.location.search).toBe('?status=paid');

    fireEvent.click(screen.getByTestId('orders-tab-void'));
    await waitFor(() => expect(orders).toHaveBeenLastCalledWith({ date: TODAY, status: 'void' }));
    expect(await screen.findByTestId('orders-row-9')).toBeInTheDocument();
  });

  it("names a delivery partner's order by the partner where a table would be", async () => {
    renderOrders({ orders: answering([DELIVERY]) });
    expect(await screen.findByTestId('orders-row-14')).toBeInTheDocument();
    expect(text('orders-row-14-table')).toBe('доставка · Яндекс Еда');
    expect(text('orders-row-14-waiter')).toBe('Яндекс Еда');
  });

  it('opens on the day and tab the address names', async () => {
    const orders = answering([PAID]);
    renderOrders({ orders, search: '?date=2026-02-27&status=paid' });
    await screen.findByTestId('orders-list');
    expect(orders).toHaveBeenCalledWith({ date: '2026-02-27', status: 'paid' });
    expect(screen.getByTestId('orders-tab-paid')).toHaveAttribute('aria-selected', 'true');
  });

  it('filters by number, table label or waiter name as staff type', async () => {
    renderOrders({ orders: answering(DAY) });
    await screen.findByTestId('orders-list');
    const rows = () => screen.getAllByTestId(/^orders-row-\d+$/).map((r) => r.dataset.orderId);
    const search = screen.getByTestId('orders-search');
    fireEvent.change(search, { target: { value: '№11' } });
    await waitFor(() => expect(rows()).toEqual(['o11']));
    fireEvent.change(search, { target: { value: 'алена' } });
    await waitFor(() => expect(rows()).toEqual(['o10']));
    fireEvent.change(search, { target: { value: '7' } });
    await waitFor(() => expect(rows()).toEqual(['o12']));
    fireEvent.change(search, { target: { value: 'Борис' } });
    expect(await screen.findByTestId('orders-empty')).toHaveTextContent('Ничего не найдено по запросу «Борис»');
  });

  it('refetches when an order changes or a payment moves, re-rendering only the rows that changed', async () => {
    let day = DAY;
    const orders = jest.fn(async () => copy(day));
    const { bus } = renderOrders({ orders });
    await screen.findByTestId('orders-list');
    expect(mockSlotRenders.sort()).toEqual([11, 12]);
    mockSlotRenders.length = 0;

    const paidNow = { ...OPEN, status: 'paid' as const, paid: 150_000, due: 0, version: 2 };
    day = [UNPAID, PAID, paidNow, VOID];
    act(() => bus.emit('order.updated', { venueId: 'v1', order: paidNow }));
    await waitFor(() => expect(text('orders-row-12-status')).toBe('Оплачен'));
    expect(orders).toHaveBeenCalledTimes(2);
    expect(mockSlotRenders).toEqual([12]);

    const refunded = { ...PAID, paid: 0 };
    day = [UNPAID, refunded, paidNow, VOID];
    act(() => bus.emit('payment.status', { venueId: 'v1', action: 'refund', payment: aPayment({ id: 'p1', orderId: 'o11' }) }));
    await waitFor(() => expect(text('orders-row-11-paid')).toBe('0,00 ₽'));
    expect(orders).toHaveBeenCalledTimes(3);
    // Fully refunded, still paid: the refund stays reachable.
    expect(screen.getByTestId('slot-11')).toBeInTheDocument();
  });

  it("keeps a row's actions while a refund gives all of an open order's money back", async () => {
    let day = [OPEN];
    const orders = jest.fn(async () => copy(day));
    const { bus } = renderOrders({ orders });
    expect(await screen.findByTestId('slot-12')).toBeInTheDocument();
    const refunded = { ...OPEN, paid: 0, due: 150_000, version: 2 };
    day = [refunded];
    act(() => bus.emit('payment.status', { venueId: 'v1', action: 'refund', payment: aPayment({ id: 'p1', orderId: 'o12' }) }));
    await waitFor(() => expect(text('orders-row-12-paid')).toBe('0,00 ₽'));
    // The remote's refund dialog lives in this slot: it stays to show the slip.
    expect(screen.getByTestId('slot-12')).toBeInTheDocument();
  });

  it('does not fetch twice for one event when the socket bridge already refetches', async () => {
    const orders = answering(DAY);
    const { bus, queryClient } = renderOrders({ orders });
    await screen.findByTestId('orders-list');
    act(() => {
      bus.emit('order.updated', { venueId: 'v1', order: OPEN });
      // What socket-bridge.ts does right after putting the event on the bus.
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    });
    await waitFor(() => expect(orders).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(orders).toHaveBeenCalledTimes(2);
  });

  it('says when a day had no orders', async () => {
    renderOrders({ orders: answering([]) });
    expect(await screen.findByTestId('orders-empty')).toHaveTextContent('За этот день заказов нет');
    expect(screen.queryByTestId('orders-summary')).not.toBeInTheDocument();
  });

  it('shows loading, then a failure with a retry that works', async () => {
    let fail = true;
    const orders = jest.fn(async () => {
      if (fail) throw new ApiError(503, { type: 'about:blank', title: 'Service unavailable', status: 503, code: 'unavailable' });
      return copy(DAY);
    });
    renderOrders({ orders });
    expect(screen.getByTestId('orders-loading')).toBeInTheDocument();
    const error = await screen.findByTestId('orders-error');
    expect(error).toHaveTextContent('Не удалось загрузить заказы');
    fail = false;
    fireEvent.click(within(error).getByTestId('orders-retry'));
    expect(await screen.findByTestId('orders-list')).toBeInTheDocument();
  });

  it('keeps 500 orders of a busy day in one list, mounting actions only where money was taken', async () => {
    const many = Array.from({ length: 500 }, (_, i) => order(i + 1, i % 5 === 0 ? { status: 'paid', paid: 150_000, due: 0 } : {}));
    renderOrders({ orders: answering(many) });
    await screen.findByTestId('orders-list');
    expect(screen.getAllByTestId(/^orders-row-\d+$/)).toHaveLength(500);
    expect(screen.getAllByTestId(/^slot-\d+$/)).toHaveLength(100);
    fireEvent.change(screen.getByTestId('orders-search'), { target: { value: '250' } });
    await waitFor(() => expect(screen.getAllByTestId(/^orders-row-\d+$/).map((r) => r.dataset.orderId)).toEqual(['o250']));
  }, 30_000); // 500 rows in jsdom: seconds on a loaded 2-core machine (not a speed check: see npm run bench)
});
