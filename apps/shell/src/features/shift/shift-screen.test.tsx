import { ApiError, type PosApi } from '@pos/api-client';
import type { Permission, Shift, Till } from '@pos/contracts';
import { anOrder, aSession, aShift, aStaff } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { addNamespace, createI18n } from '@pos/i18n';
import { type HostApi, HostProvider } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { ShiftScreen } from './shift-screen';
import { shiftTexts } from './texts';

// Remotes' parcels need single-spa: the slots are stand-ins that keep what they were given.
// The expired card holds they show are tested with the payments remote that fills `shift.close`.
const mockSlotProps: { name: string; context: unknown }[] = [];
jest.mock('../../core/plugin-host/slot', () => ({
  Slot: (props: { name: string; context: unknown }) => {
    mockSlotProps.push(props);
    return null;
  },
}));

/** Вера's open shift: a 5 000 ₽ float, cash and card taken, nothing counted yet. */
const shift = (over: Partial<Shift> = {}): Shift =>
  aShift({
    id: 'shift-1',
    cashierId: 'c1',
    cashierName: 'Вера',
    status: 'open',
    openedAt: '2026-03-02T09:00:00.000Z',
    openingFloat: 500_000,
    totals: {
      cash: { sales: 300_000, tips: 20_000, refunds: 10_000, expected: 810_000 },
      card: { sales: 450_000, tips: 15_000, refunds: 0, expected: 465_000 },
    },
    counted: null,
    difference: null,
    ...over,
  });

const openCheck = (number: number) => anOrder({ id: `order-${number}`, number, tableLabel: String(number), waiterName: 'Анна', due: 120_000 });

function renderShift(
  givenApi: Partial<Record<keyof PosApi, jest.Mock>>,
  permissions: Permission[] = ['shifts.view', 'shifts.open', 'shifts.close'],
  options: { requestApproval?: HostApi['requestApproval'] } = {},
) {
  // A venue without tills unless the test says otherwise.
  const api = { tills: jest.fn(async () => ({ tills: [], deviceTillId: null })), ...givenApi };
  const i18n = createI18n('ru');
  addNamespace(i18n, 'shift', shiftTexts);
  const bus = createEventBus();
  const toasts: string[] = [];
  bus.on('notification.toast').subscribe((t) => toasts.push(t.message));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const session = aSession({ staff: aStaff({ id: 'c1', name: 'Вера', role: 'cashier' }), permissions });
  const host: HostApi = {
    shellApi: '1.0.0',
    bus,
    api: api as unknown as PosApi,
    queryClient,
    i18n,
    session,
    can: (p) => permissions.includes(p),
    requestApproval: options.requestApproval ?? (() => Promise.resolve(null)),
    connectivity: () => ({ state: 'online', pending: 0 }),
    worksOffline: () => false,
    navigate: jest.fn(),
    notify: jest.fn(),
    storage: { get: () => Promise.resolve(undefined), set: () => Promise.resolve() },
  };
  const services = { api, bus, queryClient, i18n, host: () => host } as unknown as ShellServices;
  render(
    <ServicesContext.Provider value={services}>
      <HostProvider host={host}>
        <ShiftScreen />
      </HostProvider>
    </ServicesContext.Provider>,
  );
  return { toasts };
}

const press = (container: HTMLElement, keys: string) => {
  for (const key of keys) fireEvent.click(within(container).getByRole('button', { name: key }));
};

const openChecksError = (ids: string[]) =>
  new ApiError(409, { type: 'about:blank', title: 'Checks still open', status: 409, code: 'shift.open_checks', orderIds: ids });

describe('ShiftScreen', () => {
  it('opens a shift with the float typed on the keypad', async () => {
    const openShift = jest.fn(async (float: number) => shift({ openingFloat: float }));
    renderShift({ currentShift: jest.fn(async () => ({ shift: null })), openShift });
    const form = await screen.findByTestId('open-shift-form');
    expect(screen.getByTestId('open-shift')).toBeDisabled();
    press(form, '2500');
    fireEvent.click(within(form).getByRole('button', { name: ',' }));
    press(form, '5');
    expect(screen.getByTestId('opening-float')).toHaveValue('2500,5');
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledWith(250_050, { tillId: undefined, clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) }));
    // No tills in this venue: no picker, the server's default drawer.
    expect(screen.queryByTestId('till-picker')).not.toBeInTheDocument();
    expect(await screen.findByTestId('shift-status')).toHaveTextContent('Смена открыта');
  });

  it('shows the totals per method and marks a rescue shift', async () => {
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ isRescue: true }) })) });
    expect(await screen.findByTestId('rescue-shift')).toHaveTextContent('Смену открыл сервер');
    expect(screen.getByTestId('shift-status')).toHaveTextContent('Резервная смена');
    expect(screen.getByTestId('totals-expected').textContent).toMatch(/8\s100,00\s₽4\s650,00\s₽12\s750,00\s₽/);
    expect(screen.getByTestId('totals-refunds').textContent).toMatch(/−100,00\s₽/);
  });

  it("shows a colleague's shift on this till without a close for a cashier who may not close others", async () => {
    const closeShift = jest.fn();
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ cashierId: 'c2', cashierName: 'Борис', tillId: 't1', tillName: 'Бар' }) })), closeShift });
    expect(await screen.findByTestId('close-not-yours')).toHaveTextContent('закрывает её Борис или старший смены');
    expect(screen.queryByTestId('close-shift')).not.toBeInTheDocument();
  });

  it("asks a supervisor closing someone else's shift why, and sends the reason with the count", async () => {
    const closeShift = jest.fn(async (_id: string, body: { counted: { cash: number; card: number } }) => shift({ status: 'closed', closedAt: '2026-03-02T18:00:00.000Z', counted: body.counted, difference: { cash: 0, card: 0 } }));
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ cashierId: 'c2', cashierName: 'Борис' }) })), closeShift }, ['shifts.view', 'shifts.close', 'shifts.close-others']);
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '8100' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '4650' } });
    expect(screen.getByTestId('close-shift')).toBeDisabled();
    fireEvent.change(screen.getByTestId('close-others-reason'), { target: { value: 'Борис ушёл' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    await waitFor(() => expect(closeShift).toHaveBeenCalledWith('shift-1', { counted: { cash: 810_000, card: 465_000 }, reason: 'Борис ушёл' }));
  });

  it('closes with the counted money and shows each difference', async () => {
    const closeShift = jest.fn(async (_id: string, body: { counted: { cash: number; card: number } }) =>
      shift({ status: 'closed', closedAt: '2026-03-02T18:00:00.000Z', counted: body.counted, difference: { cash: body.counted.cash - 810_000, card: body.counted.card - 465_000 } }),
    );
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift() })), closeShift });
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '8 000' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '4700' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    await waitFor(() => expect(closeShift).toHaveBeenCalledWith('shift-1', { counted: { cash: 800_000, card: 470_000 } }));
    expect(await screen.findByTestId('result-cash')).toHaveAttribute('data-tone', 'short');
    expect(screen.getByTestId('result-cash')).toHaveTextContent('Недостача');
    expect(screen.getByTestId('difference-cash').textContent).toMatch(/^−100,00\s₽$/);
    expect(screen.getByTestId('result-card')).toHaveAttribute('data-tone', 'over');
    expect(screen.getByTestId('difference-card').textContent).toMatch(/^\+50,00\s₽$/);
  });

  it('lists the open checks and sends a cashier to a supervisor', async () => {
    const closeShift = jest.fn(async () => {
      throw openChecksError(['order-7', 'order-8']);
    });
    const order = jest.fn(async (id: string) => openCheck(Number(id.slice(6))));
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift() })), closeShift, order });
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '8100' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '4650' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    const panel = await screen.findByTestId('open-checks');
    expect(panel).toHaveTextContent('Открытые чеки: 2');
    expect(await within(panel).findByTestId('open-check-7')).toHaveTextContent('Чек №7');
    expect(within(panel).getByTestId('open-check-8')).toHaveTextContent('Стол 8');
    expect(within(panel).queryByTestId('close-anyway')).not.toBeInTheDocument();
    expect(panel).toHaveTextContent('позовите старшего смены');
    expect(within(panel).getByTestId('close-anyway-approval')).toBeDisabled();
  });

  it("lets a cashier close over open checks with a supervisor's inline approval", async () => {
    const closeShift = jest.fn(async (_id: string, body: { force?: boolean }) => {
      if (!body.force) throw openChecksError(['order-7']);
      return shift({ status: 'closed', closedAt: '2026-03-02T18:00:00.000Z', counted: { cash: 810_000, card: 465_000 }, difference: { cash: 0, card: 0 }, overrideReason: 'Гости ушли' });
    });
    const requestApproval = jest.fn().mockResolvedValue({ id: 'a1', token: 'approval-token', permission: 'shifts.close.override', approver: { id: 's1', name: 'Григорий' }, expiresAt: '2026-03-02T18:02:00.000Z' });
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift() })), closeShift, order: jest.fn(async () => openCheck(7)) }, undefined, { requestApproval });
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '8100' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '4650' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    const ask = await screen.findByTestId('close-anyway-approval');
    fireEvent.change(screen.getByTestId('override-reason'), { target: { value: 'Гости ушли' } });
    fireEvent.click(ask);
    await waitFor(() => expect(closeShift).toHaveBeenLastCalledWith('shift-1', { counted: { cash: 810_000, card: 465_000 }, force: true, reason: 'Гости ушли' }, { approval: 'approval-token' }));
    expect(requestApproval).toHaveBeenCalledWith('shifts.close.override');
    expect(await screen.findByTestId('shift-result')).toHaveTextContent('Причина: Гости ушли');
  });

  it('lets a supervisor close anyway, only with a reason', async () => {
    const closeShift = jest.fn(async (_id: string, body: { force?: boolean }) => {
      if (!body.force) throw openChecksError(['order-7']);
      return shift({ status: 'closed', closedAt: '2026-03-02T18:00:00.000Z', counted: { cash: 810_000, card: 465_000 }, difference: { cash: 0, card: 0 }, overrideReason: 'Гости ушли' });
    });
    renderShift(
      { currentShift: jest.fn(async () => ({ shift: shift() })), closeShift, order: jest.fn(async () => openCheck(7)) },
      ['shifts.view', 'shifts.open', 'shifts.close', 'shifts.close.override'],
    );
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '8100' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '4650' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    const closeAnyway = await screen.findByTestId('close-anyway');
    expect(closeAnyway).toBeDisabled();
    fireEvent.change(screen.getByTestId('override-reason'), { target: { value: '  Гости ушли ' } });
    expect(closeAnyway).toBeEnabled();
    fireEvent.click(closeAnyway);
    await waitFor(() => expect(closeShift).toHaveBeenLastCalledWith('shift-1', { counted: { cash: 810_000, card: 465_000 }, force: true, reason: 'Гости ушли' }));
    expect(await screen.findByTestId('result-cash')).toHaveAttribute('data-tone', 'balanced');
    expect(screen.getByTestId('shift-result')).toHaveTextContent('Причина: Гости ушли');
    fireEvent.click(screen.getByTestId('shift-result-done'));
    expect(await screen.findByTestId('open-shift-form')).toBeInTheDocument();
  });

  it('tells the cashier why a close failed otherwise', async () => {
    const closeShift = jest.fn(async () => {
      throw new ApiError(409, { type: 'about:blank', title: 'This shift is already closed', status: 409, code: 'shift.closed' });
    });
    const { toasts } = renderShift({ currentShift: jest.fn(async () => ({ shift: shift() })), closeShift });
    await screen.findByTestId('close-shift-form');
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    await waitFor(() => expect(toasts).toEqual(['Эта смена уже закрыта']));
  });

  it('places the shift.panel and shift.close slots beside the open shift, and shift.close on the closed one', async () => {
    const closed = { ...shift({ status: 'closed', closedAt: '2026-03-02T18:00:00.000Z', counted: { cash: 1, card: 1 } }), settledHolds: { captured: [], released: [] } };
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift() })), closeShift: jest.fn(async () => closed) });
    await screen.findByTestId('close-shift-form');
    expect(mockSlotProps.filter((p) => p.name === 'shift.panel').at(-1)?.context).toEqual({ shift: shift() });
    expect(mockSlotProps.filter((p) => p.name === 'shift.close').at(-1)?.context).toEqual({ stage: 'before', shift: shift() });
    fireEvent.change(screen.getByTestId('counted-cash'), { target: { value: '1' } });
    fireEvent.change(screen.getByTestId('counted-card'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('close-shift'));
    await screen.findByTestId('shift-result');
    expect(mockSlotProps.filter((p) => p.name === 'shift.close').at(-1)?.context).toEqual({ stage: 'after', shift: closed });
  });
});

describe('ShiftScreen: the till picker', () => {
  const KASSA_1 = 'till-kassa-1';
  const BAR = 'till-bar';
  const TERRACE = 'till-terrace';
  const venueTills = (): Till[] => [
    { id: KASSA_1, name: 'Касса 1', archived: false, openShift: null },
    { id: BAR, name: 'Бар', archived: false, openShift: null },
    { id: TERRACE, name: 'Терраса', archived: false, openShift: { id: 'shift-9', cashierId: 'c9', cashierName: 'Борис', openedAt: '2026-03-02T07:30:00.000Z' } },
  ];
  const noShift = () => jest.fn(async () => ({ shift: null }));
  const typeFloat = (form: HTMLElement) => press(form, '3000');
  const option = (id: string) => screen.getByTestId(`till-option-${id}`);

  it("preselects the tablet's till, shows a busy till with who opened it since when and keeps it out of reach, and opens on the picked till", async () => {
    const openShift = jest.fn(async (float: number, o: { tillId?: string }) => shift({ openingFloat: float, tillId: o.tillId ?? null, tillName: 'Касса 1' }));
    renderShift({ currentShift: noShift(), tills: jest.fn(async () => ({ tills: venueTills(), deviceTillId: BAR })), openShift });
    const picker = await screen.findByTestId('till-picker');
    expect(within(picker).getAllByRole('radio').map((r) => r.textContent)).toEqual(['Касса 1свободна', 'Баркасса этого планшета', 'ТеррасаБорис, с 10:30']);
    expect(option(BAR)).toHaveAttribute('aria-checked', 'true');
    expect(option(TERRACE)).toBeDisabled();

    fireEvent.click(option(TERRACE));
    expect(option(BAR)).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(option(KASSA_1));
    expect(option(KASSA_1)).toHaveAttribute('aria-checked', 'true');
    expect(option(BAR)).toHaveAttribute('aria-checked', 'false');

    typeFloat(screen.getByTestId('open-shift-form'));
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledWith(300_000, expect.objectContaining({ tillId: KASSA_1 })));
    expect(await screen.findByTestId('shift-till')).toHaveTextContent('Касса 1');
  });

  it("takes the first free till when the tablet has none, or its till is someone else's", async () => {
    const openShift = jest.fn(async (float: number) => shift({ openingFloat: float }));
    renderShift({ currentShift: noShift(), tills: jest.fn(async () => ({ tills: venueTills(), deviceTillId: TERRACE })), openShift });
    await screen.findByTestId('till-picker');
    expect(option(KASSA_1)).toHaveAttribute('aria-checked', 'true');
    typeFloat(screen.getByTestId('open-shift-form'));
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledWith(300_000, expect.objectContaining({ tillId: KASSA_1 })));
  });

  it('opens without a picker when the tills cannot be loaded (offline)', async () => {
    const openShift = jest.fn(async (float: number) => shift({ openingFloat: float }));
    const tills = jest.fn(async () => {
      throw new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network' });
    });
    renderShift({ currentShift: noShift(), tills, openShift });
    const form = await screen.findByTestId('open-shift-form');
    await waitFor(() => expect(tills).toHaveBeenCalled());
    typeFloat(form);
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledWith(300_000, expect.objectContaining({ tillId: undefined })));
    expect(screen.queryByTestId('till-picker')).not.toBeInTheDocument();
  });

  it('says so and opens nothing when every till is taken', async () => {
    const openShift = jest.fn();
    const taken = venueTills().map((till) => ({ ...till, openShift: venueTills()[2].openShift }));
    renderShift({ currentShift: noShift(), tills: jest.fn(async () => ({ tills: taken, deviceTillId: BAR })), openShift });
    expect(await screen.findByTestId('tills-taken')).toHaveTextContent('На всех кассах уже открыты смены');
    typeFloat(screen.getByTestId('open-shift-form'));
    expect(screen.getByTestId('open-shift')).toBeDisabled();
    expect(within(screen.getByTestId('till-picker')).getAllByRole('radio').every((r) => r.getAttribute('aria-checked') === 'false')).toBe(true);
  });

  it('names who took the till meanwhile, shows the tills anew and sends the next try as a new command', async () => {
    const tillsNow = [venueTills(), venueTills().map((till) => (till.id === BAR ? { ...till, openShift: { id: 'shift-8', cashierId: 'c8', cashierName: 'Анна', openedAt: '2026-03-02T08:00:00.000Z' } } : till))];
    let reads = 0;
    const tills = jest.fn(async () => ({ tills: tillsNow[Math.min(reads++, 1)], deviceTillId: BAR }));
    const openShift = jest.fn(async (_float: number, _o: { tillId?: string; clientRequestId?: string }): Promise<Shift> => {
      throw new ApiError(409, { type: 'about:blank', title: 'Till busy', status: 409, code: 'till.busy', cashierName: 'Анна' });
    });
    const { toasts } = renderShift({ currentShift: noShift(), tills, openShift });
    await screen.findByTestId('till-picker');
    expect(option(BAR)).toHaveAttribute('aria-checked', 'true');
    typeFloat(screen.getByTestId('open-shift-form'));
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(toasts).toEqual(['На этой кассе уже открыта смена (Анна) — выберите другую']));
    await waitFor(() => expect(option(BAR)).toBeDisabled());
    expect(option(BAR)).toHaveTextContent('Анна, с 11:00');
    expect(option(KASSA_1)).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledTimes(2));
    const [first, second] = openShift.mock.calls.map((c) => c[1]);
    expect(second.tillId).toBe(KASSA_1);
    expect(second.clientRequestId).not.toBe(first.clientRequestId);
  });

  it("keeps the request id when the answer was lost, so the retry opens one shift", async () => {
    const openShift = jest
      .fn()
      .mockRejectedValueOnce(new ApiError(0, { type: 'about:blank', title: 'Network error', status: 0, code: 'network' }))
      .mockImplementationOnce(async (float: number) => shift({ openingFloat: float }));
    renderShift({ currentShift: noShift(), openShift });
    typeFloat(await screen.findByTestId('open-shift-form'));
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(screen.getByTestId('open-shift')).toBeEnabled());
    await waitFor(() => expect(openShift).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByTestId('open-shift'));
    await waitFor(() => expect(openShift).toHaveBeenCalledTimes(2));
    expect(openShift.mock.calls[1][1].clientRequestId).toBe(openShift.mock.calls[0][1].clientRequestId);
  });

  it("shows the open shift's till in its status line", async () => {
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ tillId: BAR, tillName: 'Бар' }) })) });
    expect(await screen.findByTestId('shift-till')).toHaveTextContent('КассаБар');
  });

  it('shows no till for a personal drawer', async () => {
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ tillId: null, tillName: null }) })) });
    await screen.findByTestId('shift-status');
    expect(screen.queryByTestId('shift-till')).not.toBeInTheDocument();
  });
});
