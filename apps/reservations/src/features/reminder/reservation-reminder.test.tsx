import type { Reservation } from '@pos/contracts';
import { anOrder } from '@pos/contracts/testing';
import { HostProvider, type OrderSidePanelContext } from '@pos/plugin-sdk';
import { act, render, screen, waitFor } from '@testing-library/react';
import { hostWith, reservation, table } from '../../testing/fixtures';
import { ReservationReminder } from './reservation-reminder';

const MIN = 60_000;
const t5 = table('5');
const order = anOrder({ id: 'o1', tableId: t5.id, tableLabel: '5' });

function renderReminder(list: () => Reservation[], options: Parameters<typeof hostWith>[1] = {}, context: OrderSidePanelContext = { order }) {
  const { host } = hostWith(list, options);
  render(
    <HostProvider host={host}>
      <ReservationReminder host={host} context={context} />
    </HostProvider>,
  );
  return host;
}

describe('ReservationReminder', () => {
  it('tells whoever opens a table booked within 30 minutes who is coming', async () => {
    const booking = reservation([t5], Date.now() + 20 * MIN, { guestName: 'Иванова', guests: 4 });
    renderReminder(() => [booking]);
    const reminder = await screen.findByTestId('reservation-reminder');
    expect(reminder).toHaveTextContent(/Бронь на \d\d:\d\d — Иванова, 4 гостя/);
    expect(reminder).toHaveTextContent('Через 20 мин придут гости брони');
  });

  it('speaks English too', async () => {
    renderReminder(() => [reservation([t5], Date.now() + 10 * MIN, { guestName: 'Ivanova', guests: 4 })], { language: 'en' });
    expect(await screen.findByTestId('reservation-reminder')).toHaveTextContent(/Reserved at \d\d:\d\d for Ivanova, 4 guests/);
  });

  it('stays quiet for a booking further ahead, another table, or one already seated', async () => {
    const list = [
      reservation([t5], Date.now() + 45 * MIN),
      reservation([table('6')], Date.now() + 10 * MIN),
      reservation([t5], Date.now() - 5 * MIN, { status: 'seated' }),
    ];
    let asked = 0;
    renderReminder(() => {
      asked++;
      return list;
    });
    await waitFor(() => expect(asked).toBeGreaterThan(0));
    await act(async () => undefined);
    expect(screen.queryByTestId('reservation-reminder')).not.toBeInTheDocument();
  });

  it('goes away when the booking is cancelled elsewhere', async () => {
    const booking = reservation([t5], Date.now() + 15 * MIN);
    const host = renderReminder(() => [booking]);
    await screen.findByTestId('reservation-reminder');
    act(() => host.bus.emit('reservation.changed', { venueId: host.session.venue.id, reservation: { ...booking, status: 'cancelled', version: 2 } }));
    await waitFor(() => expect(screen.queryByTestId('reservation-reminder')).not.toBeInTheDocument());
  });

  it('shows nothing to staff who may not see reservations, and nothing for an order without a table', async () => {
    const booking = reservation([t5], Date.now() + 15 * MIN);
    renderReminder(() => [booking], { can: () => false });
    renderReminder(() => [booking], {}, { order: { ...order, tableId: null } });
    await act(async () => undefined);
    expect(screen.queryByTestId('reservation-reminder')).not.toBeInTheDocument();
  });
});
