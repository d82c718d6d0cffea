import { addDays, businessDate, type Reservation, zonedToUtc } from '@pos/contracts';
import { aTableSession } from '@pos/contracts/testing';
import type { FloorModeView, HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { hostWith, reservation, table } from '../../testing/fixtures';
import { ReservationsMode } from './reservations-mode';

const MIN = 60_000;

function renderMode(list: () => Reservation[], tables = [table('1'), table('2'), table('3'), table('4', { seats: 6 })], can?: HostApi['can']) {
  const { host, get, post } = hostWith(list, { can });
  const views: (FloorModeView | null)[] = [];
  const setView = jest.fn((view: FloorModeView | null) => views.push(view));
  const context = { hallId: tables[0].hallId, tables, setView };
  const ui = render(
    <HostProvider host={host}>
      <ReservationsMode host={host} context={context} />
    </HostProvider>,
  );
  const lastView = () => views.at(-1) ?? null;
  return { host, get, post, setView, lastView, tables, ui };
}

describe('ReservationsMode', () => {
  it("paints each table by what it means now and shows the day's timeline", async () => {
    const [t1, t2, t3] = [table('1'), table('2'), table('3')];
    const now = Date.now();
    const bookings = [reservation([t1], now + 3 * 60 * MIN, { guestName: 'Смирнов' }), reservation([t2], now + 40 * MIN, { guestName: 'Петров', guests: 2 }), reservation([t3], now - 20 * MIN)];
    const { lastView } = renderMode(() => bookings);
    await waitFor(() => expect(lastView()?.marks[t3.id]?.state).toBe('late'));
    const marks = lastView()!.marks;
    expect(marks[t1.id]).toMatchObject({ tone: 'info', state: 'later', detail: 'Смирнов' });
    expect(marks[t2.id]).toMatchObject({ tone: 'warning', state: 'soon', detail: 'Петров' });
    expect(marks[t2.id].caption).toMatch(/^\d\d:\d\d · 2$/);
    expect(marks[t3.id]).toMatchObject({ tone: 'danger', state: 'late' });
    expect(marks[table('4').id]).toMatchObject({ tone: 'free', state: 'free' });
    expect(screen.getByTestId(`timeline-block-${bookings[0].id}`)).toHaveTextContent('Смирнов');
    // The late and the soon guests are listed to be seated with one tap.
    expect(screen.getByTestId(`seat-${bookings[2].id}`)).toBeInTheDocument();
    expect(screen.getByTestId(`seat-${bookings[1].id}`)).toBeInTheDocument();
    expect(screen.getByTestId('reservations-legend-late')).toHaveTextContent('1');
  });

  it('follows reservation.changed live, without refetching', async () => {
    const t1 = table('1');
    const { host, get, lastView } = renderMode(() => []);
    await waitFor(() => expect(lastView()?.marks[t1.id]?.state).toBe('free'));
    const booking = reservation([t1], Date.now() + 5 * MIN, { date: (get.mock.calls[0][0] as { date: string }).date });
    act(() => host.bus.emit('reservation.changed', { venueId: host.session.venue.id, reservation: booking }));
    await waitFor(() => expect(lastView()?.marks[t1.id]).toMatchObject({ tone: 'accent', state: 'due' }));
    act(() => host.bus.emit('reservation.changed', { venueId: host.session.venue.id, reservation: { ...booking, status: 'cancelled', version: 2 } }));
    await waitFor(() => expect(lastView()?.marks[t1.id]?.state).toBe('free'));
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('takes a tap on a free table to book it, and leaves seated tables to the host', async () => {
    const t1 = table('1');
    const walkIn = table('2', { status: 'occupied', session: aTableSession({ id: 's2', tableId: table('2').id, waiterId: 'w', waiterName: 'Анна', guests: 2, status: 'open', openedAt: new Date().toISOString(), closedAt: null }) });
    const { lastView } = renderMode(() => [], [t1, walkIn]);
    await waitFor(() => expect(lastView()?.marks[t1.id]).toBeDefined());
    expect(lastView()!.marks[walkIn.id]).toMatchObject({ tone: 'muted', state: 'busy' });
    let handled = false;
    act(() => {
      handled = lastView()!.onTableTap!(walkIn);
    });
    expect(handled).toBe(false);
    act(() => {
      handled = lastView()!.onTableTap!(t1);
    });
    expect(handled).toBe(true);
    expect(screen.getByTestId('reservation-dialog')).toBeInTheDocument();
    expect(screen.getByTestId('reservation-table-1')).toHaveAttribute('aria-pressed', 'true');
  });

  it('lets staff without reservations.manage look but not book', async () => {
    const t1 = table('1');
    const { lastView } = renderMode(() => [], [t1], (p) => p !== 'reservations.manage');
    await waitFor(() => expect(lastView()?.marks[t1.id]).toBeDefined());
    expect(screen.queryByTestId('reservation-new')).not.toBeInTheDocument();
    expect(lastView()!.onTableTap!(t1)).toBe(false);
  });

  it('gives the map back its live colours when it goes', async () => {
    const { setView, ui, lastView } = renderMode(() => []);
    await waitFor(() => expect(lastView()).not.toBeNull());
    ui.unmount();
    expect(setView).toHaveBeenLastCalledWith(null);
  });

  it('books a table and shows a booking the server refuses (409 naming the conflict) in the dialog', async () => {
    const t1 = table('1');
    const { host, lastView, post } = renderMode(() => [], [t1]);
    await waitFor(() => expect(lastView()?.marks[t1.id]).toBeDefined());
    const tomorrow = addDays(businessDate(Date.now(), 'Europe/Moscow'), 1);
    const other = reservation([t1], zonedToUtc(tomorrow, '19:00', 'Europe/Moscow'), { guestName: 'Петров' });
    post.mockRejectedValueOnce(new ApiError(409, { type: 'x', title: 'Table 1 is already booked 19:00–21:00 for Петров', status: 409, code: 'reservation.conflict', conflict: other }));
    fireEvent.click(screen.getByTestId('reservation-new'));
    fireEvent.click(screen.getByTestId(`reservation-date-${tomorrow}`));
    fireEvent.click(screen.getByTestId('reservation-time-19:30'));
    fireEvent.click(screen.getByTestId('reservation-table-1'));
    fireEvent.click(screen.getByTestId('reservation-guests-4'));
    fireEvent.change(screen.getByTestId('reservation-name'), { target: { value: 'Иванова' } });
    fireEvent.change(screen.getByTestId('reservation-phone'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('reservation-save'));
    // A bad phone is caught before anything is sent.
    expect(await screen.findByText('Номер телефона: 10–15 цифр, можно с + и пробелами')).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('reservation-phone'), { target: { value: '+7 916 123-45-67' } });
    fireEvent.click(screen.getByTestId('reservation-save'));
    expect(await screen.findByTestId('reservation-problem')).toHaveTextContent('Занято: стол 1 уже забронирован 19:00–21:00 на имя Петров');
    expect(post).toHaveBeenCalledWith({
      tableIds: [t1.id],
      startsAt: zonedToUtc(tomorrow, '19:30', 'Europe/Moscow'),
      durationMinutes: 120,
      guests: 4,
      guestName: 'Иванова',
      guestPhone: '+7 916 123-45-67',
    });

    const booked = reservation([t1], zonedToUtc(tomorrow, '19:30', 'Europe/Moscow'), { date: tomorrow });
    post.mockResolvedValueOnce(booked);
    fireEvent.click(screen.getByTestId('reservation-save'));
    await waitFor(() => expect(screen.queryByTestId('reservation-dialog')).not.toBeInTheDocument());
    expect(host.notify).toHaveBeenCalledWith('success', 'Стол 1 забронирован на 19:30');
  });
});
