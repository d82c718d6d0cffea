import { ApiError, type PosApi } from '@pos/api-client';
import type { KitchenTicket, SessionInfo } from '@pos/contracts';
import { aMenu, aSession, aStaff, aStation, aTicket, aTicketItem } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { addNamespace, createI18n } from '@pos/i18n';
import { type HostApi, HostProvider } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { KitchenScreen } from './kitchen-screen';
import { kitchenTexts } from './texts';

const NOW = Date.parse('2026-03-02T12:30:00.000Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

const menu = aMenu({
  currency: 'RUB',
  stations: [aStation({ id: 's-hot', code: 'hot', name: 'Горячий цех' }), aStation({ id: 's-bar', code: 'bar', name: 'Бар' })],
  categories: [],
});

/** Ticket №n of order №7 (table 5, waiter Анна) for the hot station: two borschts, queued a minute ago. */
const ticket = (over: Partial<KitchenTicket> & { number: number }): KitchenTicket =>
  aTicket({
    id: `ticket-${over.number}`,
    orderId: 'o1',
    orderNumber: 7,
    tableId: 'table-1',
    tableLabel: '5',
    waiterName: 'Анна',
    stationId: 's-hot',
    stationCode: 'hot',
    course: 1,
    heldCourses: [],
    status: 'queued',
    items: [aTicketItem({ id: `i${over.number}`, lineId: 'l1', name: 'Борщ', modifiers: [], quantity: 2, note: null, kind: 'add' })],
    createdAt: minutesAgo(1),
    statusChangedAt: minutesAgo(1),
    ...over,
  });

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** The kitchen screen inside a real QueryClient, real i18n and bus, and a fake api. */
function renderKitchen(tickets: KitchenTicket[], bumpTicket: PosApi['bumpTicket'] = jest.fn(), permissions: SessionInfo['permissions'] = ['kitchen.view', 'kitchen.bump'], language: 'ru' | 'en' = 'ru') {
  const server = { tickets };
  const api = {
    menu: jest.fn(async () => menu),
    tickets: jest.fn(async () => server.tickets),
    bumpTicket: jest.fn(bumpTicket),
  } as unknown as PosApi;
  const i18n = createI18n(language);
  addNamespace(i18n, 'kitchen', kitchenTexts);
  const bus = createEventBus();
  const toasts: string[] = [];
  bus.on('notification.toast').subscribe((t) => toasts.push(t.message));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const session = aSession({ staff: aStaff({ id: 'cook', name: 'Дмитрий', role: 'cook' }), permissions });
  const host: HostApi = {
    shellApi: '1.0.0',
    bus,
    api,
    queryClient,
    i18n,
    session,
    can: (p) => session.permissions.includes(p),
    requestApproval: () => Promise.resolve(null),
    connectivity: () => ({ state: 'online', pending: 0 }),
    worksOffline: () => false,
    navigate: jest.fn(),
    notify: jest.fn(),
    storage: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
  };
  const services = { api, bus, queryClient, i18n, host: () => host } as unknown as ShellServices;
  const view = render(
    <ServicesContext.Provider value={services}>
      <HostProvider host={host}>
        <KitchenScreen />
      </HostProvider>
    </ServicesContext.Provider>,
  );
  return { ...view, api, server, toasts, queryClient };
}

const lane = (status: string) => screen.getByTestId(`lane-${status}`);

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
  localStorage.clear();
});
afterEach(() => jest.useRealTimers());

describe('KitchenScreen', () => {
  it('shows the tickets in status lanes, oldest first, with stations from the menu', async () => {
    renderKitchen([
      ticket({ number: 12, createdAt: minutesAgo(2) }),
      ticket({ number: 10, createdAt: minutesAgo(9), status: 'cooking', course: 2 }),
      ticket({ number: 11, createdAt: minutesAgo(5), stationId: 's-bar', stationCode: 'bar', tableLabel: null }),
      ticket({ number: 9, createdAt: minutesAgo(15) }),
      ticket({ number: 13, createdAt: minutesAgo(1), tableLabel: null, delivery: { partnerName: 'Яндекс Еда', externalId: 'YA-77' } }),
    ]);
    expect(await screen.findByTestId('ticket-12')).toBeInTheDocument();
    // A delivery partner's order says whose and which, where a table would be.
    expect(screen.getByTestId('where-13')).toHaveTextContent('Доставка · Яндекс Еда YA-77');
    const queued = within(lane('queued')).getAllByTestId(/^ticket-/).map((el) => el.dataset.testid);
    expect(queued).toEqual(['ticket-9', 'ticket-11', 'ticket-12', 'ticket-13']);
    expect(within(lane('cooking')).getByTestId('ticket-10')).toHaveTextContent('Курс 2');
    expect(screen.getByTestId('ticket-11')).toHaveTextContent('С собой');
    expect(screen.getByTestId('ticket-11')).toHaveTextContent('Бар');
    expect(screen.getByTestId('ticket-12')).toHaveTextContent('Стол 5');
    expect(await screen.findByTestId('station-hot')).toHaveTextContent('Горячий цех4');
    expect(screen.getByTestId('station-bar')).toHaveTextContent('Бар1');
    expect(screen.getByTestId('station-all')).toHaveTextContent('Все5');
  });

  it('names the course as the waiter does («Курс», course 1 too) and shows the courses of the order still held', async () => {
    renderKitchen([ticket({ number: 3, course: 1, heldCourses: [2, 3] }), ticket({ number: 4, course: 2 })]);
    const card = await screen.findByTestId('ticket-3');
    expect(within(card).getByTestId('course-3')).toHaveTextContent('Курс 1');
    expect(card).not.toHaveTextContent('Подача');
    expect(within(card).getByTestId('held-3')).toHaveTextContent('Ещё будет:');
    expect(within(card).getByTestId('held-3-course-2')).toHaveTextContent('Курс 2 придержан');
    expect(within(card).getByTestId('held-3-course-3')).toHaveTextContent('Курс 3 придержан');
    // Nothing held: no line for it.
    expect(within(screen.getByTestId('ticket-4')).getByTestId('course-4')).toHaveTextContent('Курс 2');
    expect(screen.queryByTestId('held-4')).not.toBeInTheDocument();
  });

  it('shows dish names, modifiers and notes exactly as stored, whatever the language of the screen', async () => {
    const items = [
      { id: 'i1', lineId: 'l1', name: 'Стейк рибай', modifiers: ['Medium rare', 'Без соли'], quantity: 1, note: 'Без лука, Подать сразу', kind: 'add' as const },
      { id: 'i2', lineId: 'l2', name: 'Борщ', modifiers: [], quantity: 1, note: 'Без соли', kind: 'note' as const },
    ];
    renderKitchen([ticket({ number: 5, items, heldCourses: [2] })], jest.fn(), ['kitchen.view', 'kitchen.bump'], 'en');
    const card = await screen.findByTestId('ticket-5');
    // The screen's own words follow its language…
    expect(card).toHaveTextContent('Course 1');
    expect(card).toHaveTextContent('Course 2 held');
    // …the venue's data does not.
    expect(card).toHaveTextContent('Medium rare, Без соли');
    expect(card).toHaveTextContent('Без лука, Подать сразу');
    expect(card).toHaveTextContent('Борщ');
    expect(card).not.toHaveTextContent(/No salt|No onion|Serve first/);
  });

  it('filters by station and remembers the choice on the tablet', async () => {
    renderKitchen([ticket({ number: 1 }), ticket({ number: 2, stationId: 's-bar', stationCode: 'bar' })]);
    fireEvent.click(await screen.findByTestId('station-bar'));
    expect(screen.queryByTestId('ticket-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('ticket-2')).toBeInTheDocument();
    expect(localStorage.getItem('pos.kitchen.station')).toBe('bar');
  });

  it('marks cancellations, note changes, modifiers and notes', async () => {
    renderKitchen([
      ticket({
        number: 5,
        items: [
          { id: 'a', lineId: 'l1', name: 'Стейк рибай', modifiers: ['Medium rare'], quantity: -1, note: null, kind: 'cancel' },
          { id: 'b', lineId: 'l2', name: 'Борщ', modifiers: [], quantity: 2, note: 'без сметаны', kind: 'note' },
          { id: 'c', lineId: 'l3', name: 'Пельмени', modifiers: ['Сметана'], quantity: 3, note: 'с маслом', kind: 'add' },
        ],
      }),
    ]);
    const card = await screen.findByTestId('ticket-5');
    const [cancel, note, add] = within(card).getAllByRole('listitem');
    expect(cancel).toHaveAttribute('data-kind', 'cancel');
    expect(cancel).toHaveTextContent('СТОП −1Стейк рибайMedium rare');
    expect(note).toHaveTextContent('2 ×ИЗМЕНЕНИЕБорщ✎ без сметаны');
    expect(add).toHaveTextContent('3 ×ПельмениСметана✎ с маслом');
  });

  it('counts the age every second and colours it after 10 and 20 minutes', async () => {
    renderKitchen([ticket({ number: 1, createdAt: minutesAgo(9.99) }), ticket({ number: 2, createdAt: minutesAgo(21) }), ticket({ number: 3, createdAt: minutesAgo(30), status: 'ready' })]);
    expect(await screen.findByTestId('age-1')).toHaveTextContent('09:59');
    expect(screen.getByTestId('ticket-1')).toHaveAttribute('data-urgency', 'normal');
    expect(screen.getByTestId('ticket-2')).toHaveAttribute('data-urgency', 'late');
    // Ready is the waiter's to pick up: not the kitchen running late.
    expect(screen.getByTestId('ticket-3')).toHaveAttribute('data-urgency', 'normal');
    act(() => jest.advanceTimersByTime(2_000));
    expect(screen.getByTestId('age-1')).toHaveTextContent('10:01');
    expect(screen.getByTestId('ticket-1')).toHaveAttribute('data-urgency', 'warning');
  });

  it('bumps at once, with the version, before the server answers', async () => {
    const answer = deferred<KitchenTicket>();
    const { api } = renderKitchen([ticket({ number: 4, version: 3 })], () => answer.promise);
    fireEvent.click(await screen.findByTestId('bump-4'));
    await waitFor(() => expect(within(lane('cooking')).getByTestId('ticket-4')).toBeInTheDocument());
    expect(api.bumpTicket).toHaveBeenCalledWith('ticket-4', 'cooking', 3);
    expect(screen.getByTestId('bump-4')).toHaveTextContent('Готово');
    // A started ticket cannot go back to the queue: no recall until it is ready.
    expect(screen.queryByTestId('recall-4')).not.toBeInTheDocument();
    await act(async () => answer.resolve(ticket({ number: 4, status: 'cooking', version: 4 })));
    expect(within(lane('cooking')).getByTestId('ticket-4')).toBeInTheDocument();
  });

  it('sends two fast bumps of one ticket in order, each with the version it will have', async () => {
    const first = deferred<KitchenTicket>();
    const calls: unknown[][] = [];
    renderKitchen([ticket({ number: 4, version: 3 })], ((...args: unknown[]) => {
      calls.push(args);
      return calls.length === 1 ? first.promise : Promise.resolve(ticket({ number: 4, status: 'ready', version: 5 }));
    }) as PosApi['bumpTicket']);
    fireEvent.click(await screen.findByTestId('bump-4'));
    await waitFor(() => expect(screen.getByTestId('bump-4')).toHaveTextContent('Готово'));
    fireEvent.click(screen.getByTestId('bump-4'));
    await waitFor(() => expect(within(lane('ready')).getByTestId('ticket-4')).toBeInTheDocument());
    expect(calls).toEqual([['ticket-4', 'cooking', 3]]);
    await act(async () => first.resolve(ticket({ number: 4, status: 'cooking', version: 4 })));
    await waitFor(() => expect(calls).toEqual([['ticket-4', 'cooking', 3], ['ticket-4', 'ready', 4]]));
    expect(within(lane('ready')).getByTestId('ticket-4')).toBeInTheDocument();
  });

  it('rolls the bump back on a 409, tells the cook and reloads the list', async () => {
    const answer = deferred<KitchenTicket>();
    const { api, toasts, server } = renderKitchen([ticket({ number: 6 })], () => answer.promise);
    fireEvent.click(await screen.findByTestId('bump-6'));
    await waitFor(() => expect(within(lane('cooking')).getByTestId('ticket-6')).toBeInTheDocument());
    // Meanwhile another screen moved it; the server now has it cooking at version 2.
    server.tickets = [ticket({ number: 6, status: 'ready', version: 3 })];
    await act(async () =>
      answer.reject(new ApiError(409, { type: 'about:blank', title: 'The ticket changed on another screen', status: 409, code: 'ticket.version_conflict' })),
    );
    expect(toasts).toEqual(['Тикет #6 уже изменили на другом экране — список обновлён']);
    await waitFor(() => expect(within(lane('ready')).getByTestId('ticket-6')).toBeInTheDocument());
    expect(api.tickets).toHaveBeenCalledTimes(2);
  });

  it('puts the ticket back where it was when the server cannot be reached', async () => {
    const { toasts } = renderKitchen([ticket({ number: 8 })], () =>
      Promise.reject(new ApiError(0, { type: 'about:blank', title: 'No connection to the server', status: 0, code: 'network' })),
    );
    fireEvent.click(await screen.findByTestId('bump-8'));
    await waitFor(() => expect(toasts).toEqual(['Нет связи с сервером: тикет #8 не отмечен']));
    expect(within(lane('queued')).getByTestId('ticket-8')).toBeInTheDocument();
  });

  it('lets a served ticket leave the screen, then shows the empty state', async () => {
    renderKitchen([ticket({ number: 3, status: 'ready' })], async () => ticket({ number: 3, status: 'served', version: 2 }));
    expect(await screen.findByTestId('recall-3')).toHaveTextContent('Вернуть');
    fireEvent.click(screen.getByTestId('bump-3'));
    await waitFor(() => expect(screen.queryByTestId('ticket-3')).not.toBeInTheDocument());
    expect(screen.getByTestId('kitchen-empty')).toHaveTextContent('Очередь пуста');
  });

  it('shows no buttons to staff who may only look', async () => {
    renderKitchen([ticket({ number: 2, status: 'cooking' })], jest.fn(), ['kitchen.view']);
    expect(await screen.findByTestId('ticket-2')).toBeInTheDocument();
    expect(screen.queryByTestId('bump-2')).not.toBeInTheDocument();
    expect(screen.queryByTestId('recall-2')).not.toBeInTheDocument();
  });

  it('offers no recall on a queued ticket', async () => {
    renderKitchen([ticket({ number: 2 })]);
    expect(await screen.findByTestId('bump-2')).toHaveTextContent('Начать');
    expect(screen.queryByTestId('recall-2')).not.toBeInTheDocument();
  });
});
