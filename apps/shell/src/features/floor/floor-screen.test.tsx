import type { PosApi } from '@pos/api-client';
import type { Permission, Table } from '@pos/contracts';
import { aHall, anOrder, aSession, aStaff, aTable, aTableSession } from '@pos/contracts/testing';
import { createEventBus } from '@pos/event-bus';
import { createI18n } from '@pos/i18n';
import { HostProvider, type HostApi } from '@pos/plugin-sdk';
import { QueryClient } from '@tanstack/react-query';
import type { FloorModeContext } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { BehaviorSubject } from 'rxjs';
import { ServicesContext } from '../../core/services-context';
import type { ShellServices } from '../../core/services';
import { addShellTexts } from '../../i18n';
import { FloorScreen } from './floor-screen';

// Remotes' parcels need single-spa; the floor map is tested without them.
jest.mock('../../core/plugin-host/slot', () => ({ Slot: () => null }));

// A floor mode as a remote would give it: it paints table 1 and takes taps on it, not on others.
const modeTaps: string[] = [];
function FakeMode({ context }: { context: FloorModeContext }) {
  useEffect(() => {
    context.setView({
      marks: { t1: { tone: 'danger', state: 'late', caption: '19:30 · 2', detail: 'Иванова' } },
      onTableTap: (tb) => {
        modeTaps.push(tb.id);
        return tb.id === 't1';
      },
    });
    return () => context.setView(null);
  }, [context]);
  return <div data-testid="fake-mode">{context.tables.length}</div>;
}
jest.mock('./floor-mode-panel', () => ({ FloorModePanel: (props: { context: FloorModeContext }) => <FakeMode context={props.context} /> }));

const HALL = aHall({ id: 'h1', name: 'Основной зал', sort: 1 });
/** A free four-seater of hall h1, placed along the row by its number. */
const table = (label: string, over: Partial<Table> = {}): Table => aTable({ id: `t${label}`, hallId: 'h1', label, seats: 4, x: 100 * Number(label), status: 'free', openTotal: 0, ...over });
const SEATED = table('2', {
  status: 'occupied',
  openTotal: 125000,
  session: aTableSession({ id: 's2', tableId: 't2', waiterId: 'w1', waiterName: 'Анна', guests: 3, status: 'open', openedAt: new Date(Date.now() - 5 * 60_000).toISOString() }),
});

function renderFloor(api: Partial<Record<keyof PosApi, jest.Mock>>, permissions: string[] = ['tables.open'], remotes$ = new BehaviorSubject<unknown[]>([])) {
  const session = aSession({ staff: aStaff({ id: 'w1', name: 'Анна', role: 'waiter' }), permissions: permissions as Permission[] });
  const i18n = createI18n('ru');
  addShellTexts(i18n);
  const bus = createEventBus();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const host = { api, bus, queryClient, i18n, session, can: (p: string) => permissions.includes(p) } as unknown as HostApi;
  const services = { api, bus, queryClient, i18n, host: () => host, pluginHost: { remotes$, slot: () => [] } } as unknown as ShellServices;
  const toasts: string[] = [];
  bus.on('notification.toast').subscribe((t) => toasts.push(t.message));
  render(
    <ServicesContext.Provider value={services}>
      <HostProvider host={host}>
        <FloorScreen />
      </HostProvider>
    </ServicesContext.Provider>,
  );
  return { toasts, queryClient };
}

beforeAll(() => {
  // jsdom does no layout: give the map an area to scale the tables into.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
});

beforeEach(() => {
  window.history.replaceState(null, '', '/floor');
  localStorage.clear();
  modeTaps.length = 0;
});

describe('FloorScreen', () => {
  it('draws the tables with their live status and the open total', async () => {
    renderFloor({ halls: jest.fn().mockResolvedValue([HALL]), tables: jest.fn().mockResolvedValue([table('1'), SEATED]) });
    expect(await screen.findByTestId('table-1')).toHaveAttribute('data-status', 'free');
    expect(screen.getByTestId('table-2')).toHaveAttribute('data-status', 'occupied');
    expect(screen.getByTestId('table-2-total')).toHaveTextContent('1 250,00');
    expect(screen.getByTestId('legend-occupied')).toHaveTextContent('1');
  });

  it('tells the waiter what the kitchen is doing for a seated table: portions ready at the pass first, else cooking', async () => {
    const cooking = { ...SEATED, id: 't3', label: '3', kitchen: { cooking: 2, ready: 0 } };
    const ready = { ...SEATED, id: 't4', label: '4', kitchen: { cooking: 1, ready: 3 } };
    renderFloor({ halls: jest.fn().mockResolvedValue([HALL]), tables: jest.fn().mockResolvedValue([table('1'), SEATED, cooking, ready]) });
    expect(await screen.findByTestId('table-4-kitchen')).toHaveAttribute('data-kitchen', 'ready');
    expect(screen.getByTestId('table-4-kitchen')).toHaveTextContent('Готово 3');
    expect(screen.getByTestId('table-3-kitchen')).toHaveAttribute('data-kitchen', 'cooking');
    expect(screen.getByTestId('table-3-kitchen')).toHaveTextContent('Готовится 2');
    expect(screen.queryByTestId('table-2-kitchen')).not.toBeInTheDocument();
    expect(screen.queryByTestId('table-1-kitchen')).not.toBeInTheDocument();
  });

  it('names each table by what it shows, with the words the numbers need, and titles the screen', async () => {
    renderFloor({ halls: jest.fn().mockResolvedValue([HALL]), tables: jest.fn().mockResolvedValue([table('1'), SEATED, table('3', { status: 'reserved' })]) });
    const seated = await screen.findByTestId('table-2');
    const name = (el: HTMLElement) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(name(seated)).toMatch(/^Стол 2 \(Занят\), 1 250,00 ₽ 3 \(гостя\) · Анна \(официант\),/);
    expect(seated).not.toHaveAttribute('aria-label');
    expect(name(screen.getByTestId('table-1'))).toBe('Стол 1 (Свободен), 4 места');
    expect(name(screen.getByTestId('table-3'))).toBe('Стол 3 Бронь');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('План зала');
  });

  it('seats guests at a free table and opens its order', async () => {
    const created = anOrder({ id: 'o-new' });
    const api = {
      halls: jest.fn().mockResolvedValue([HALL]),
      tables: jest.fn().mockResolvedValue([table('1')]),
      openTable: jest.fn().mockResolvedValue({ id: 's1' }),
      createOrder: jest.fn().mockResolvedValue(created),
    };
    renderFloor(api);
    fireEvent.click(await screen.findByTestId('table-1'));
    expect(screen.getByTestId('guests-dialog')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('guests-5'));
    fireEvent.click(screen.getByTestId('guests-stepper-inc'));
    await act(async () => fireEvent.click(screen.getByTestId('seat-confirm')));
    await waitFor(() => expect(window.location.pathname).toBe('/order/o-new'));
    expect(api.openTable).toHaveBeenCalledWith('t1', 6);
    expect(api.createOrder).toHaveBeenCalledWith({ tableId: 't1', guests: 6 });
  });

  it('goes straight to the open order of a seated table', async () => {
    const api = {
      halls: jest.fn().mockResolvedValue([HALL]),
      tables: jest.fn().mockResolvedValue([SEATED]),
      orders: jest.fn().mockResolvedValue([{ id: 'o-2' }]),
      createOrder: jest.fn(),
    };
    renderFloor(api);
    const seated = await screen.findByTestId('table-2');
    await act(async () => fireEvent.click(seated));
    await waitFor(() => expect(window.location.pathname).toBe('/order/o-2'));
    expect(api.orders).toHaveBeenCalledWith({ status: 'open', tableId: 't2' });
    expect(api.createOrder).not.toHaveBeenCalled();
  });

  it('tells staff without tables.open that they cannot seat guests', async () => {
    const { toasts } = renderFloor({ halls: jest.fn().mockResolvedValue([HALL]), tables: jest.fn().mockResolvedValue([table('1')]) }, []);
    fireEvent.click(await screen.findByTestId('table-1'));
    expect(screen.queryByTestId('guests-dialog')).not.toBeInTheDocument();
    expect(toasts).toHaveLength(1);
  });

  describe('floor modes from remotes', () => {
    const reservationsRemote = { name: 'reservations', status: 'loaded', plugin: { id: 'reservations', floorMode: { title: 'Брони' }, slots: { 'floor.mode': {} } } };
    const floorApi = () => ({ halls: jest.fn().mockResolvedValue([HALL]), tables: jest.fn().mockResolvedValue([table('1'), table('3')]), openTable: jest.fn(), createOrder: jest.fn() });

    it('shows no mode switch without a remote contributing one', async () => {
      renderFloor(floorApi());
      await screen.findByTestId('table-1');
      expect(screen.queryByTestId('floor-mode-floor')).not.toBeInTheDocument();
      expect(screen.queryByTestId('floor-mode-panel')).not.toBeInTheDocument();
    });

    it("paints the tables with the mode's marks and lets the mode take taps; off again, the plain map is back", async () => {
      const remotes$ = new BehaviorSubject<unknown[]>([reservationsRemote]);
      const api = floorApi();
      renderFloor(api, ['tables.open'], remotes$);
      await screen.findByTestId('table-1');
      expect(screen.getByTestId('floor-mode-floor')).toHaveAttribute('aria-checked', 'true');
      expect(screen.getByTestId('legend-free')).toBeVisible();

      fireEvent.click(screen.getByTestId('floor-mode-reservations'));
      expect(await screen.findByTestId('fake-mode')).toHaveTextContent('2');
      const one = screen.getByTestId('table-1');
      expect(one).toHaveAttribute('data-tone', 'danger');
      expect(one).toHaveAttribute('data-mark', 'late');
      expect(one).toHaveTextContent('19:30 · 2');
      // Named by what the mode paints on it, the table first.
      expect(one.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^Стол 1 19:30 · 2( Иванова)?$/);
      expect(screen.getByTestId('table-3')).not.toHaveAttribute('data-tone');
      expect(screen.queryByTestId('legend-free')).not.toBeInTheDocument();

      // The mode handles table 1 itself; table 3 falls through to the usual "how many guests?".
      fireEvent.click(one);
      expect(modeTaps).toEqual(['t1']);
      expect(screen.queryByTestId('guests-dialog')).not.toBeInTheDocument();
      fireEvent.click(screen.getByTestId('table-3'));
      expect(modeTaps).toEqual(['t1', 't3']);
      expect(screen.getByTestId('guests-dialog')).toBeInTheDocument();
      fireEvent.click(screen.getByText('Отмена'));

      // The remote is switched off: the switch, the panel and the paint go, the map stays.
      act(() => remotes$.next([]));
      expect(screen.queryByTestId('floor-mode-reservations')).not.toBeInTheDocument();
      expect(screen.queryByTestId('floor-mode-panel')).not.toBeInTheDocument();
      expect(screen.getByTestId('table-1')).not.toHaveAttribute('data-tone');
      expect(screen.getByTestId('table-1')).toHaveAttribute('data-status', 'free');
      fireEvent.click(screen.getByTestId('table-1'));
      expect(modeTaps).toEqual(['t1', 't3']);
      expect(screen.getByTestId('guests-dialog')).toBeInTheDocument();
    });

    it('remembers the chosen mode when coming back to the floor', async () => {
      const remotes$ = new BehaviorSubject<unknown[]>([reservationsRemote]);
      localStorage.setItem('pos.floor.mode', 'reservations');
      renderFloor(floorApi(), ['tables.open'], remotes$);
      expect(await screen.findByTestId('fake-mode')).toBeInTheDocument();
      expect(screen.getByTestId('floor-mode-reservations')).toHaveAttribute('aria-checked', 'true');
    });
  });
});
