import { ApiError, type PosApi } from '@pos/api-client';
import type { Permission, Shift } from '@pos/contracts';
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
  api: Partial<Record<keyof PosApi, jest.Mock>>,
  permissions: Permission[] = ['shifts.view', 'shifts.open', 'shifts.close'],
  options: { requestApproval?: HostApi['requestApproval'] } = {},
) {
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
    await waitFor(() => expect(openShift).toHaveBeenCalledWith(250_050));
    expect(await screen.findByTestId('shift-status')).toHaveTextContent('Смена открыта');
  });

  it('shows the totals per method and marks a rescue shift', async () => {
    renderShift({ currentShift: jest.fn(async () => ({ shift: shift({ isRescue: true }) })) });
    expect(await screen.findByTestId('rescue-shift')).toHaveTextContent('Смену открыл сервер');
    expect(screen.getByTestId('shift-status')).toHaveTextContent('Резервная смена');
    expect(screen.getByTestId('totals-expected').textContent).toMatch(/8\s100,00\s₽4\s650,00\s₽12\s750,00\s₽/);
    expect(screen.getByTestId('totals-refunds').textContent).toMatch(/−100,00\s₽/);
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
