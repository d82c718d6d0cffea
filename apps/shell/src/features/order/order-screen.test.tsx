import { ApiError, queryKeys } from '@pos/api-client';
import type { Order, OrderLine, PaymentResult, Permission, Product } from '@pos/contracts';
import { aCategory, aCheck, aLine, aMenu, aModifierGroup, aModifierOption, anOrder, aPayment, aProduct, aReceipt, aSession, aStaff, aVenue } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import { type HostApi, HostProvider } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { BehaviorSubject } from 'rxjs';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { addShellTexts } from '../../i18n';
import type { OutboxRecord } from '@pos/offline';
import mitt from 'mitt';
import { OrderScreen } from './order-screen';
import type { OutboxSource } from './pending-fires';

// Remotes' parcels need single-spa; the order screen is tested without them (what a slot is given is kept).
const mockSlotProps: { name: string; context?: Record<string, unknown> }[] = [];
jest.mock('../../core/plugin-host/slot', () => ({
  Slot: (props: { name: string; context?: Record<string, unknown> }) => {
    mockSlotProps.push(props);
    return null;
  },
}));

const product = (code: string, name: string, over: Partial<Product> = {}): Product => aProduct({ id: `p-${code}`, categoryId: 'c-hot', code, name, price: 45000, ...over });

const MENU = aMenu({
  currency: 'RUB',
  stations: [],
  categories: [aCategory({ id: 'c-hot', name: 'Горячее' })],
  modifierGroups: [
    aModifierGroup({ id: 'g-done', name: 'Прожарка', minSelect: 1, maxSelect: 1, options: [aModifierOption({ id: 'o-rare', name: 'Rare', priceDelta: 0 }), aModifierOption({ id: 'o-medium', name: 'Medium', priceDelta: 0 })] }),
    aModifierGroup({ id: 'g-sauce', name: 'Соус', minSelect: 0, maxSelect: 2, options: [aModifierOption({ id: 'o-pepper', name: 'Перечный', priceDelta: 7000 })] }),
  ],
  products: [
    product('borscht', 'Борщ'),
    product('ribeye', 'Стейк рибай', { price: 329000, modifierGroupIds: ['g-done', 'g-sauce'] }),
    product('duck', 'Утка', { stock: 0 }),
    product('pike', 'Щука', { isAvailable: false }),
    product('wine', 'Вино', { stock: 4 }),
  ],
});

/** Two borschts at 450 ₽, fired, "без сметаны". */
const line = (over: Partial<OrderLine> = {}): OrderLine =>
  aLine({ id: 'l1', productId: 'p-borscht', name: 'Борщ', unitPrice: 45000, quantity: 2, firedQuantity: 2, note: 'без сметаны', course: 1, kitchenState: 'fired', lineTotal: 90000, ...over });

/** Order №12 of table 7 (waiter Анна, three guests): 900 ₽ due. */
const ORDER = anOrder({
  id: 'o1',
  number: 12,
  tableId: 't7',
  tableLabel: '7',
  sessionId: 's1',
  waiterId: 'w1',
  waiterName: 'Анна',
  status: 'open',
  guests: 3,
  heldCourses: [],
  version: 4,
  lines: [line()],
  checks: [aCheck({ index: 0, amount: 90000, paid: 0, due: 90000, lines: null })],
  subtotal: 90000,
  total: 90000,
  paid: 0,
  due: 90000,
});

const WAITER = ['orders.view', 'orders.edit', 'orders.fire', 'orders.split', 'tables.close'];

/** Set by a test before rendering: the connectivity the screen sees, the offline layer (none by default). */
const renderState: { offline: boolean; outbox?: OutboxSource; requestApproval?: HostApi['requestApproval']; order?: Order } = { offline: false };

/** What the screen told staff in toasts, in order. */
const toasts: string[] = [];
/** What the last render was given (a test drives the query cache as the socket would). */
const lastRender: { queryClient: QueryClient } = { queryClient: new QueryClient() };

function renderOrder(permissions: string[] = WAITER, api: Record<string, jest.Mock> = {}) {
  const session = aSession({ staff: aStaff({ id: 'w1', name: 'Анна', role: 'waiter' }), venue: aVenue({ name: 'Демо', currency: 'RUB' }), permissions: permissions as Permission[] });
  const fullApi = {
    menu: jest.fn().mockResolvedValue(MENU),
    order: jest.fn().mockResolvedValue(ORDER),
    addItems: jest.fn().mockResolvedValue({ ...ORDER, version: 5 }),
    payments: jest.fn().mockResolvedValue([]),
    ...api,
  };
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const bus = createEventBus();
  toasts.length = 0;
  bus.on('notification.toast').subscribe((toast) => toasts.push(toast.message));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(queryKeys.order('o1'), renderState.order ?? ORDER);
  lastRender.queryClient = queryClient;
  const requestApproval = renderState.requestApproval ?? (() => Promise.resolve(null));
  const host = { api: fullApi, bus, queryClient, i18n, session, can: (p: string) => permissions.includes(p), requestApproval } as unknown as HostApi;
  const services = {
    api: fullApi,
    bus,
    queryClient,
    i18n,
    host: () => host,
    session$: new BehaviorSubject(session),
    pluginHost: { remotes$: new BehaviorSubject([]), slot: () => [] },
    connectivity$: new BehaviorSubject({ state: renderState.offline ? 'offline' : 'online', pending: 0 }),
    ...(renderState.outbox ? { offline: Promise.resolve(renderState.outbox) } : {}),
  } as unknown as ShellServices;
  render(
    <ServicesContext.Provider value={services}>
      <HostProvider host={host}>
        <OrderScreen orderId="o1" />
      </HostProvider>
    </ServicesContext.Provider>,
  );
  return fullApi;
}

describe('OrderScreen', () => {
  describe('follows what other tablets do with its table', () => {
    const paid = { ...ORDER, status: 'paid', paid: 90000, due: 0, version: 5 } as Order;
    const table = (session: { id: string } | null) => [{ id: 't7', label: '7', status: session ? 'occupied' : 'free', session, openTotal: 0 }];
    const renderPaid = (api: Record<string, jest.Mock>) => {
      const order = jest.fn().mockResolvedValue(paid);
      renderOrder(['orders.view', 'payments.take', 'tables.close'], { order, ...api });
    };

    it('stops offering «Закрыть стол» and says so once the table was closed on another tablet', async () => {
      renderPaid({ tables: jest.fn().mockResolvedValue(table(null)) });
      expect(await screen.findByTestId('order-table-closed')).toHaveTextContent('Стол 7 закрыт на другом планшете');
      expect(screen.queryByTestId('order-close-table')).not.toBeInTheDocument();
    });

    it('keeps «Закрыть стол» while the table session is still this order\'s', async () => {
      const tables = jest.fn().mockResolvedValue(table({ id: 's1' }));
      renderPaid({ tables });
      await waitFor(() => expect(tables).toHaveBeenCalled());
      expect(await screen.findByTestId('order-close-table')).toBeInTheDocument();
      expect(screen.queryByTestId('order-table-closed')).not.toBeInTheDocument();
    });

    it('answers a refused close in Russian, never the server\'s English title, and re-reads the table', async () => {
      const tables = jest.fn().mockResolvedValue(table({ id: 's1' }));
      const closeTable = jest.fn().mockRejectedValue(new ApiError(409, { type: 'x', title: 'The table is not open', status: 409, code: 'table.not_open' }));
      renderPaid({ tables, closeTable });
      await waitFor(() => expect(tables).toHaveBeenCalledTimes(1));
      tables.mockResolvedValue(table(null));
      await act(async () => fireEvent.click(await screen.findByTestId('order-close-table')));
      expect(toasts).toEqual(['Стол уже закрыт.']);
      expect(await screen.findByTestId('order-table-closed')).toBeInTheDocument();
      expect(screen.queryByTestId('order-close-table')).not.toBeInTheDocument();
    });
  });

  it('folds a tapped line back once the order is fired', async () => {
    const unfired = { ...ORDER, lines: [line({ firedQuantity: 0, kitchenState: 'new' })] } as Order;
    const sendOrder = jest.fn().mockResolvedValue({ order: { ...unfired, version: 5 }, tickets: [{ id: 'k1' }] });
    renderOrder(WAITER, { order: jest.fn().mockResolvedValue(unfired), sendOrder });
    await waitFor(() => expect(screen.getByTestId('order-fire')).toBeEnabled());
    const row = await screen.findByTestId('line-Борщ');
    fireEvent.click(within(row).getByRole('button', { expanded: false }));
    expect(within(row).getByTestId('line-void')).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByTestId('order-fire')));
    await waitFor(() => expect(sendOrder).toHaveBeenCalled());
    expect(within(screen.getByTestId('line-Борщ')).queryByTestId('line-void')).not.toBeInTheDocument();
  });
  it('shows the table, the lines with their kitchen state and the total', async () => {
    renderOrder();
    expect(screen.getByTestId('order-table')).toHaveTextContent('Стол 7');
    const row = screen.getByTestId('line-Борщ');
    expect(row).toHaveTextContent('без сметаны');
    expect(within(row).getByTestId('line-kitchen')).toHaveTextContent('На кухне');
    expect(screen.getByTestId('order-total')).toHaveTextContent('900,00');
    expect(await screen.findByTestId('product-borscht')).toBeEnabled();
  });

  it('shows where the kitchen is with each fired line, and follows it when a ticket changes', async () => {
    const status = (s: string) => ({ orderId: 'o1', tickets: [], lines: [{ lineId: 'l1', name: 'Борщ', quantity: 2, firedQuantity: 2, status: s, readyAt: null }] });
    const kitchenStatus = jest.fn().mockResolvedValue(status('cooking'));
    renderOrder(WAITER, { kitchenStatus });
    const row = screen.getByTestId('line-Борщ');
    await waitFor(() => expect(row).toHaveAttribute('data-kitchen', 'cooking'));
    expect(within(row).getByTestId('line-kitchen')).toHaveTextContent('Готовится');
    expect(kitchenStatus).toHaveBeenCalledWith('o1');
    // The cook bumps it ready: the socket invalidates the order's kitchen status.
    kitchenStatus.mockResolvedValue(status('ready'));
    const { queryClient } = lastRender;
    await act(() => queryClient.invalidateQueries({ queryKey: queryKeys.kitchenStatus('o1') }));
    await waitFor(() => expect(row).toHaveAttribute('data-kitchen', 'ready'));
    expect(within(row).getByTestId('line-kitchen')).toHaveTextContent('Готово');
  });

  it('keeps «На кухне» when the kitchen status cannot be read (offline)', async () => {
    const kitchenStatus = jest.fn().mockRejectedValue(new ApiError(503, { type: 'about:blank', title: 'offline', status: 503, code: 'offline.needs_network' }));
    renderOrder(WAITER, { kitchenStatus });
    await waitFor(() => expect(kitchenStatus).toHaveBeenCalled());
    expect(screen.getByTestId('line-Борщ')).toHaveAttribute('data-kitchen', 'fired');
    expect(within(screen.getByTestId('line-Борщ')).getByTestId('line-kitchen')).toHaveTextContent('На кухне');
  });

  it('says «Ждёт отправки» on a line while its fire waits in the outbox, «На кухне» once the server has it', async () => {
    // Confirmed: not fired yet. The local view (what the screen shows) already counts the queued fire.
    const confirmed = { ...ORDER, lines: [line({ firedQuantity: 0, kitchenState: 'new' })] } as Order;
    const fire = { seq: 1, id: 'r1', kind: 'sendOrder', method: 'POST', path: '/pos/orders/o1/send', body: {}, orderId: 'o1', effect: { type: 'sendOrder' }, venueId: 'v1', staffId: 'w1', deviceId: 'd1', createdAt: 1, state: 'pending', attempts: 1, nextAttemptAt: 0 } as OutboxRecord;
    let queue: OutboxRecord[] = [fire];
    const events = mitt<{ changed: undefined }>();
    renderState.outbox = {
      outbox: { pending: async () => queue, resolveId: async (id) => id, events: events as unknown as OutboxSource['outbox']['events'] },
      db: { orders: { get: async () => ({ order: confirmed, savedAt: 0 }) } },
    };
    try {
      renderOrder();
      const row = screen.getByTestId('line-Борщ');
      await waitFor(() => expect(row).toHaveAttribute('data-kitchen', 'waiting'));
      expect(within(row).getByTestId('line-kitchen')).toHaveTextContent('Ждёт отправки');
      // The outbox delivered it.
      queue = [];
      act(() => events.emit('changed'));
      await waitFor(() => expect(row).toHaveAttribute('data-kitchen', 'fired'));
      expect(within(row).getByTestId('line-kitchen')).toHaveTextContent('На кухне');
    } finally {
      renderState.outbox = undefined;
    }
  });

  it('greys out sold-out and stop-listed dishes and shows tracked stock', async () => {
    renderOrder();
    expect(await screen.findByTestId('product-duck')).toBeDisabled();
    expect(screen.getByTestId('product-pike')).toBeDisabled();
    expect(screen.getByTestId('product-wine-stock')).toHaveTextContent('4');
  });

  it('adds a dish without options at once, in the chosen course', async () => {
    const api = renderOrder();
    fireEvent.click(await screen.findByTestId('course-2'));
    await act(async () => fireEvent.click(screen.getByTestId('product-borscht')));
    expect(api.addItems).toHaveBeenCalledWith('o1', [{ productId: 'p-borscht', quantity: 1, course: 2 }]);
  });

  describe('portrait panes (one at a time under a switch; CSS hides the other)', () => {
    it('opens a table with lines on the order, and the switch counts its portions and total', async () => {
      renderOrder();
      expect(screen.getByTestId('order-screen')).toHaveAttribute('data-pane', 'order');
      const orderTab = screen.getByTestId('pane-order');
      expect(orderTab).toHaveAttribute('aria-selected', 'true');
      expect(orderTab).toHaveAttribute('data-count', '2');
      expect(within(orderTab).getByTestId('pane-order-total')).toHaveTextContent('900,00');
      fireEvent.click(screen.getByTestId('pane-menu'));
      expect(screen.getByTestId('order-screen')).toHaveAttribute('data-pane', 'menu');
      expect(screen.getByTestId('pane-menu')).toHaveAttribute('aria-selected', 'true');
    });

    it('opens an empty table on the menu and counts each dish the server confirms', async () => {
      const empty = { ...ORDER, lines: [], total: 0, due: 0 } as Order;
      const added = { ...ORDER, version: 5, lines: [line({ quantity: 1, firedQuantity: 0, kitchenState: 'new' })], total: 45000 } as Order;
      renderState.order = empty;
      try {
        renderOrder(WAITER, { order: jest.fn().mockResolvedValue(empty), addItems: jest.fn().mockResolvedValue(added) });
      } finally {
        renderState.order = undefined;
      }
      expect(screen.getByTestId('order-screen')).toHaveAttribute('data-pane', 'menu');
      expect(screen.getByTestId('pane-order')).toHaveAttribute('data-count', '0');
      await act(async () => fireEvent.click(await screen.findByTestId('product-borscht')));
      await waitFor(() => expect(screen.getByTestId('pane-order')).toHaveAttribute('data-count', '1'));
      expect(screen.getByTestId('pane-order-total')).toHaveTextContent('450,00');
    });
  });

  it('gives the upsell slot the order and the selected course, so its cards and combos land there', async () => {
    renderOrder();
    const lastSuggestions = () => mockSlotProps.filter((p) => p.name === 'order.suggestions').at(-1)?.context;
    await screen.findByTestId('product-borscht');
    expect(lastSuggestions()).toEqual({ order: ORDER, course: 1 });
    fireEvent.click(screen.getByTestId('course-2'));
    expect(lastSuggestions()).toEqual({ order: ORDER, course: 2 });
  });

  it('asks for the required options before adding a dish with modifiers', async () => {
    const api = renderOrder();
    fireEvent.click(await screen.findByTestId('product-ribeye'));
    const add = screen.getByTestId('modifiers-add');
    expect(add).toBeDisabled();
    fireEvent.click(screen.getByTestId('modifier-Medium'));
    fireEvent.click(screen.getByTestId('modifier-Перечный'));
    expect(add).toBeEnabled();
    expect(add).toHaveTextContent('3 360,00');
    await act(async () => fireEvent.click(add));
    expect(api.addItems).toHaveBeenCalledWith('o1', [{ productId: 'p-ribeye', quantity: 1, course: 1, modifierIds: ['o-medium', 'o-pepper'] }]);
  });

  describe("a waiter's void of a fired dish", () => {
    const approval = { id: 'a1', token: 'approval-token', permission: 'orders.void', approver: { id: 's1', name: 'Сергей' }, expiresAt: '2026-01-01T12:02:00Z' } as const;
    afterEach(() => {
      renderState.requestApproval = undefined;
      renderState.offline = false;
    });

    it("goes through with a supervisor's inline approval, for this void only", async () => {
      const requestApproval = jest.fn().mockResolvedValue(approval);
      renderState.requestApproval = requestApproval;
      const voidLine = jest.fn().mockResolvedValue({ ...ORDER, version: 5 });
      renderOrder(WAITER, { voidLine });
      fireEvent.click(screen.getByText('Борщ'));
      fireEvent.click(screen.getByTestId('line-void'));
      expect(screen.getByTestId('void-needs-supervisor')).toBeInTheDocument();
      expect(screen.queryByTestId('void-submit')).not.toBeInTheDocument();
      const ask = screen.getByTestId('void-request-approval');
      expect(ask).toBeDisabled();
      fireEvent.change(screen.getByTestId('void-reason'), { target: { value: 'Гость передумал' } });
      await act(async () => fireEvent.click(ask));
      expect(requestApproval).toHaveBeenCalledWith('orders.void');
      expect(voidLine).toHaveBeenCalledWith('o1', 'l1', { version: 4, quantity: 2, reason: 'Гость передумал' }, { approval: 'approval-token' });
      expect(screen.queryByTestId('void-dialog')).not.toBeInTheDocument();
      expect(toasts).toContain('Отменено. Подтвердил(а): Сергей');
    });

    it('stays open, voiding nothing, when the supervisor does not approve', async () => {
      renderState.requestApproval = jest.fn().mockResolvedValue(null);
      const voidLine = jest.fn();
      renderOrder(WAITER, { voidLine });
      fireEvent.click(screen.getByText('Борщ'));
      fireEvent.click(screen.getByTestId('line-void'));
      fireEvent.change(screen.getByTestId('void-reason'), { target: { value: 'Гость передумал' } });
      await act(async () => fireEvent.click(screen.getByTestId('void-request-approval')));
      expect(voidLine).not.toHaveBeenCalled();
      expect(screen.getByTestId('void-dialog')).toBeInTheDocument();
    });

    it('says offline that the approval needs the network, and does not ask', () => {
      renderState.offline = true;
      const requestApproval = jest.fn();
      renderState.requestApproval = requestApproval;
      renderOrder();
      fireEvent.click(screen.getByText('Борщ'));
      fireEvent.click(screen.getByTestId('line-void'));
      fireEvent.change(screen.getByTestId('void-reason'), { target: { value: 'Гость передумал' } });
      expect(screen.getByTestId('void-needs-supervisor')).toHaveTextContent('требует связи с сервером');
      expect(screen.getByTestId('void-request-approval')).toBeDisabled();
    });
  });

  it('lets a supervisor void a fired dish only with a reason', async () => {
    const voidLine = jest.fn().mockResolvedValue({ ...ORDER, version: 5 });
    renderOrder([...WAITER, 'orders.void'], { voidLine });
    fireEvent.click(screen.getByText('Борщ'));
    fireEvent.click(screen.getByTestId('line-stepper-dec'));
    expect(screen.getByTestId('void-dialog')).toBeInTheDocument();
    expect(screen.getByTestId('void-submit')).toBeDisabled();
    fireEvent.change(screen.getByTestId('void-reason'), { target: { value: 'Гость передумал' } });
    await act(async () => fireEvent.click(screen.getByTestId('void-submit')));
    expect(voidLine).toHaveBeenCalledWith('o1', 'l1', { version: 4, quantity: 1, reason: 'Гость передумал' });
  });

  it('hides Pay from staff who do not take payments', async () => {
    renderOrder();
    expect(screen.queryByTestId('order-pay')).not.toBeInTheDocument();
  });

  it('offers only cash while the tablet is offline: cards need the server', () => {
    renderState.offline = true;
    try {
      renderOrder(['orders.view', 'payments.take', 'tables.close']);
      fireEvent.click(screen.getByTestId('order-pay'));
      expect(screen.getByTestId('pay-needs-network')).toBeInTheDocument();
      expect(screen.getByTestId('pay-method-card')).toBeDisabled();
      expect(screen.getByTestId('pay-method-mixed')).toBeDisabled();
      expect(screen.getByTestId('pay-method-cash')).toBeEnabled();
    } finally {
      renderState.offline = false;
    }
  });

  it('refuses to take the money another way while a card payment of the order has an unknown outcome', async () => {
    const payments = jest.fn().mockResolvedValue([{ id: 'p9', orderId: 'o1', status: 'unknown', method: 'softpos' }]);
    renderOrder(['orders.view', 'payments.take', 'tables.close'], { payments });
    fireEvent.click(screen.getByTestId('order-pay'));
    await waitFor(() => expect(screen.getByTestId('pay-card-in-doubt')).toBeInTheDocument());
    expect(payments).toHaveBeenCalledWith('o1');
    expect(screen.getByTestId('pay-submit')).toBeDisabled();
  });

  it("refuses to take the money another way while a hold sits on the guest's card", async () => {
    const payments = jest.fn().mockResolvedValue([{ id: 'p8', orderId: 'o1', status: 'authorized', method: 'deferred' }]);
    renderOrder(['orders.view', 'payments.take', 'tables.close'], { payments });
    fireEvent.click(screen.getByTestId('order-pay'));
    await waitFor(() => expect(screen.getByTestId('pay-card-held')).toBeInTheDocument());
    expect(screen.queryByTestId('pay-card-in-doubt')).not.toBeInTheDocument();
    expect(screen.getByTestId('pay-submit')).toBeDisabled();
  });

  it('takes a mixed payment with the tip on the tender the cashier chose, and says where it goes', async () => {
    const pay = jest.fn().mockResolvedValue(undefined);
    renderOrder(['orders.view', 'payments.take', 'tables.close'], { pay });
    fireEvent.click(screen.getByTestId('order-pay'));
    fireEvent.click(screen.getByTestId('tip-10'));
    fireEvent.click(screen.getByTestId('pay-method-mixed'));
    fireEvent.change(screen.getByTestId('tender-1-amount'), { target: { value: '600' } });
    fireEvent.click(screen.getByTestId('tender-2-rest'));
    // The default, said out loud: the tip rides on the card.
    expect(screen.getByTestId('pay-tip-where')).toHaveTextContent('с оплатой 1: Карта');
    expect(screen.getByTestId('tender-1-tip')).toHaveTextContent('чаевые 90,00 ₽ с этой оплатой, всего 690,00 ₽');
    expect(screen.getByTestId('tip-on-1')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByTestId('tip-on-2'));
    expect(screen.getByTestId('pay-tip-where')).toHaveTextContent('с оплатой 2: Наличные');
    expect(screen.queryByTestId('tender-1-tip')).not.toBeInTheDocument();
    expect(screen.getByTestId('tender-2-tip')).toHaveTextContent('всего 390,00 ₽');
    await act(async () => fireEvent.click(screen.getByTestId('pay-submit')));
    expect(pay).toHaveBeenCalledWith({
      orderId: 'o1',
      tenders: [
        { method: 'card', amount: 60000 },
        { method: 'cash', amount: 30000, tip: 9000, tendered: 39000 },
      ],
    });
  });

  it('takes a cash payment with change and shows the receipt', async () => {
    const paid = { ...ORDER, status: 'paid', paid: 90000, due: 0, version: 5 } as Order;
    const result: PaymentResult = {
      payments: [aPayment({ id: 'pay1', orderId: 'o1', method: 'cash', status: 'captured', amount: 90000, tip: 9000, tendered: 200000, change: 101000 })],
      change: 101000,
      order: paid,
      receipt: aReceipt({ venueName: 'Демо', orderNumber: 12, tableLabel: '7', waiterName: 'Анна', lines: [{ name: 'Борщ', modifiers: [], quantity: 2, unitPrice: 45000, total: 90000 }], subtotal: 90000, total: 90000, tips: 9000, payments: [{ method: 'cash', amount: 90000, tip: 9000 }], change: 101000, due: 0, issuedAt: '2026-01-01T13:00:00Z' }),
    };
    const pay = jest.fn().mockResolvedValue(result);
    renderOrder(['orders.view', 'payments.take', 'tables.close'], { pay });
    fireEvent.click(screen.getByTestId('order-pay'));
    fireEvent.click(screen.getByTestId('tip-10'));
    expect(screen.getByTestId('pay-total')).toHaveTextContent('990,00');
    expect(screen.getByTestId('cash-50000')).toBeDisabled();
    fireEvent.click(screen.getByTestId('cash-200000'));
    expect(screen.getByTestId('pay-cash-change')).toHaveTextContent('1 010,00');
    await act(async () => fireEvent.click(screen.getByTestId('pay-submit')));
    expect(pay).toHaveBeenCalledWith({ orderId: 'o1', tenders: [{ method: 'cash', amount: 90000, tip: 9000, tendered: 200000 }] });
    await waitFor(() => expect(screen.getByTestId('pay-result')).toBeInTheDocument());
    expect(screen.getByTestId('pay-change')).toHaveTextContent('1 010,00');
    expect(screen.getByTestId('receipt')).toHaveTextContent('Борщ');
    expect(screen.getByTestId('pay-close-table')).toBeInTheDocument();
  });
});
