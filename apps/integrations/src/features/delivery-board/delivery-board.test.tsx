import type { KitchenTicket, Order } from '@pos/contracts';
import { aTicket, aTicketItem } from '@pos/contracts/testing';
import type { Connectivity, FloorModeView, HostApi } from '@pos/plugin-sdk';
import { HostProvider } from '@pos/plugin-sdk';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { aDeliveryOrder, testHost } from '../../testing/fixtures';
import { DeliveryBoard } from './delivery-board';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderBoard(host: HostApi) {
  const setView = jest.fn((_view: FloorModeView | null) => undefined);
  render(
    <HostProvider host={host}>
      <DeliveryBoard host={host} context={{ hallId: null, tables: [], setView }} />
    </HostProvider>,
  );
  return { setView };
}

const lane = (name: string) => screen.getByTestId(`delivery-lane-${name}`);
const card = (order: Order) => screen.getByTestId('delivery-board').querySelector(`[data-order-id="${order.id}"]`) as HTMLElement | null;

describe('the delivery board («Доставка» floor mode)', () => {
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-01-01T12:00:00.000Z'), doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it('puts each order in its column with partner, both numbers, guest, countdown, dishes and total; delivered and cancelled drop off', async () => {
    const accepted = aDeliveryOrder({ number: 41 }, { externalStatus: 'accepted', externalId: 'YE-1001', customerName: 'Мария' });
    const cooking = aDeliveryOrder({ number: 42 }, { externalStatus: 'accepted', partnerName: 'Delivery Club', externalId: 'DC-7' });
    const ready = aDeliveryOrder({ number: 43 }, { externalStatus: 'ready_for_pickup', pickupAt: '2026-01-01T11:58:00.000Z' });
    const pickedUp = aDeliveryOrder({ number: 44 }, { externalStatus: 'picked_up', pickupAt: null });
    const delivered = aDeliveryOrder({ number: 45 }, { externalStatus: 'delivered' });
    const cancelled = aDeliveryOrder({ number: 46 }, { externalStatus: 'cancelled' });
    const orders = jest.fn(async () => [accepted, cooking, ready, pickedUp, delivered, cancelled]);
    const tickets = jest.fn(async ({ orderId }: { orderId?: string } = {}): Promise<KitchenTicket[]> => (orderId === cooking.id ? [aTicket({ orderId, status: 'cooking', items: [aTicketItem()] })] : []));
    const { setView } = renderBoard(testHost({ api: { orders, tickets } }));

    await waitFor(() => expect(within(lane('cooking')).getByTestId('delivery-card')).toBeInTheDocument());
    expect(orders).toHaveBeenCalledWith({ source: 'delivery', status: 'open' });
    expect(setView).toHaveBeenCalledWith(null);
    const first = card(accepted)!;
    expect(lane('accepted')).toContainElement(first);
    expect(within(first).getByTestId('delivery-partner')).toHaveTextContent('Яндекс Еда');
    expect(within(first).getByTestId('delivery-external-id')).toHaveTextContent('заказ партнёра YE-1001');
    expect(within(first).getByTestId('delivery-number')).toHaveTextContent('№ 41');
    expect(within(first).getByTestId('delivery-guest')).toHaveTextContent('Мария');
    expect(within(first).getByTestId('delivery-pickup')).toHaveTextContent('курьер через 20:00');
    expect(within(first).getByTestId('delivery-pickup')).toHaveTextContent('к 15:20');
    expect(within(first).getByTestId('delivery-dishes')).toHaveTextContent('2 × Борщ');
    expect(plain(within(first).getByTestId('delivery-total').textContent)).toBe('900,00 ₽');
    // The kitchen started it before the partner said so.
    expect(lane('cooking')).toContainElement(card(cooking));
    expect(within(card(ready)!).getByTestId('delivery-pickup')).toHaveTextContent('курьер ждёт 02:00');
    expect(within(card(ready)!).getByTestId('delivery-pickup')).toHaveAttribute('data-late', 'true');
    expect(lane('picked_up')).toContainElement(card(pickedUp));
    expect(within(card(pickedUp)!).getByTestId('delivery-pickup')).toHaveTextContent('время не указано');
    expect(card(delivered)).toBeNull();
    expect(card(cancelled)).toBeNull();
    expect(within(lane('accepted')).getByTestId('delivery-lane-count')).toHaveTextContent('1');

    // The countdown runs with the clock.
    act(() => jest.advanceTimersByTime(5000));
    expect(within(first).getByTestId('delivery-pickup')).toHaveTextContent('курьер через 19:55');
  });

  it('follows order.updated and kitchen.ticket.updated at once: a new order appears, a ready ticket moves it, a delivered one leaves', async () => {
    const order = aDeliveryOrder({ version: 2 }, { externalStatus: 'accepted' });
    const orders = jest.fn(async (): Promise<Order[]> => []);
    const tickets = jest.fn(async (): Promise<KitchenTicket[]> => []);
    const host = testHost({ api: { orders, tickets } });
    renderBoard(host);
    expect(await screen.findByText('Заказов доставки сейчас нет.')).toBeInTheDocument();
    const venueId = host.session.venue.id;

    act(() => host.bus.emit('order.updated', { venueId, order }));
    await waitFor(() => expect(lane('accepted')).toContainElement(card(order)));

    const ticket = aTicket({ orderId: order.id, status: 'ready', items: [aTicketItem()] });
    tickets.mockResolvedValue([ticket]);
    act(() => host.bus.emit('kitchen.ticket.updated', { venueId, ticket }));
    await waitFor(() => expect(lane('ready')).toContainElement(card(order)));

    // A late, older event changes nothing.
    act(() => host.bus.emit('order.updated', { venueId, order: { ...order, version: 1, number: 99 } }));
    expect(within(card(order)!).getByTestId('delivery-number')).toHaveTextContent('№ 41');

    act(() => host.bus.emit('order.updated', { venueId, order: { ...order, version: 3, delivery: { ...order.delivery!, externalStatus: 'delivered' } } }));
    await waitFor(() => expect(card(order)).toBeNull());
    // The till's own orders are not the board's.
    act(() => host.bus.emit('order.updated', { venueId, order: { ...order, id: 'pos-order', source: 'pos', delivery: null, version: 9 } }));
    expect(screen.queryAllByTestId('delivery-card')).toHaveLength(0);
  });

  it('offline keeps the last list greyed with its time, and refetches when the network is back', async () => {
    let connectivity: Connectivity = { state: 'online', pending: 0 };
    const order = aDeliveryOrder();
    const orders = jest.fn(async () => [order]);
    const host = testHost({ api: { orders, tickets: jest.fn(async () => []) }, connectivity: () => connectivity });
    renderBoard(host);
    await waitFor(() => expect(card(order)).not.toBeNull());
    expect(screen.getByTestId('delivery-board')).not.toHaveAttribute('data-offline');

    connectivity = { state: 'offline', pending: 0 };
    act(() => host.bus.emit('connectivity.changed', connectivity));
    expect(screen.getByTestId('delivery-board')).toHaveAttribute('data-offline', 'true');
    expect(screen.getByTestId('delivery-offline')).toHaveTextContent(/^Нет сети — список на \d\d:\d\d$/);
    expect(card(order)).not.toBeNull();

    connectivity = { state: 'online', pending: 0 };
    act(() => host.bus.emit('connectivity.changed', connectivity));
    await waitFor(() => expect(orders).toHaveBeenCalledTimes(2));
    expect(screen.getByTestId('delivery-board')).not.toHaveAttribute('data-offline');
  });

  it('without kitchen.view it goes by the partner’s status alone', async () => {
    const order = aDeliveryOrder({}, { externalStatus: 'cooking' });
    const tickets = jest.fn();
    renderBoard(testHost({ api: { orders: jest.fn(async () => [order]), tickets }, permissions: ['orders.view'] }));
    await waitFor(() => expect(lane('cooking')).toContainElement(card(order)));
    expect(tickets).not.toHaveBeenCalled();
  });

  it('says so to staff who may not view orders, and asks nothing', () => {
    const orders = jest.fn();
    renderBoard(testHost({ api: { orders }, permissions: ['kitchen.view'] }));
    expect(screen.getByTestId('delivery-board')).toHaveTextContent('Нет права «Просмотр заказов».');
    expect(orders).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    const order = aDeliveryOrder({}, { externalStatus: 'ready_for_pickup' });
    renderBoard(testHost({ language: 'en', api: { orders: jest.fn(async () => [order]), tickets: jest.fn(async () => []) } }));
    await waitFor(() => expect(card(order)).not.toBeNull());
    expect(lane('ready')).toHaveTextContent('Ready for pickup');
    expect(within(card(order)!).getByTestId('delivery-pickup')).toHaveTextContent('courier in 20:00');
  });
});
