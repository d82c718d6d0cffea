import { HostProvider } from '@pos/plugin-sdk';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { followKey, MAX_ENTRIES, type NotificationEntry, storageKey } from './model';
import { NotificationsBell } from './notifications-bell';
import { createFakeHost, createFakeStorage, MAIN_HALL, ME_ID, OTHER_ID, readyTicket, TERRACE, VENUE_ID } from './testing/fake-host';

const KEY = storageKey(VENUE_ID, ME_ID);
const FOLLOW_KEY = followKey(VENUE_ID, ME_ID);

async function renderBell(options: Parameters<typeof createFakeHost>[0] = {}) {
  const fake = createFakeHost(options);
  render(
    <HostProvider host={fake.host}>
      <NotificationsBell />
    </HostProvider>,
  );
  await waitFor(() => expect(fake.storage.get).toHaveBeenCalledWith(KEY));
  await act(() => Promise.resolve());
  return fake;
}

const unread = () => screen.queryByTestId('notifications-unread')?.textContent ?? '0';

describe('NotificationsBell', () => {
  it('toasts a ready ticket of my own table at once and keeps it in the history', async () => {
    const { host } = await renderBell();
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: ME_ID }) }));
    expect(host.notify).toHaveBeenCalledWith('success', 'Стол 5 готов: Стейк рибай ×1', {
      href: '/order/0190a000-0000-7000-8000-00000000c001',
    });
    expect(unread()).toBe('1');
  });

  it("only records another waiter's ready ticket, unread, without a toast", async () => {
    const { host } = await renderBell();
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID, tableLabel: '12' }) }));
    expect(host.notify).not.toHaveBeenCalled();
    expect(unread()).toBe('1');
    fireEvent.click(screen.getByTestId('notifications-bell'));
    const entry = within(screen.getByTestId('notification-center')).getByTestId('notification-entry');
    expect(entry).toHaveTextContent('Стол 12 готов: Стейк рибай ×1');
    expect(entry).toHaveAttribute('data-read', 'false');
  });

  it('ignores tickets of another venue and the same ready event twice', async () => {
    const { host } = await renderBell();
    const ticket = readyTicket({ waiterId: ME_ID });
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: '0190a000-0000-7000-8000-000000000999', ticket }));
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket }));
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket }));
    expect(host.notify).toHaveBeenCalledTimes(1);
    expect(unread()).toBe('1');
  });

  it('counts unread entries of every type, newest first, and marks one or all read', async () => {
    const { host } = await renderBell();
    act(() => {
      host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID, tableLabel: '3' }) });
      host.bus.emit('menu.stock', { venueId: VENUE_ID, productId: '0190a000-0000-7000-8000-00000000a001', stock: 0, isAvailable: false, menuVersion: 5 });
      host.bus.emit('menu.stock', { venueId: VENUE_ID, productId: '0190a000-0000-7000-8000-00000000a001', stock: 4, isAvailable: true, menuVersion: 6 });
      host.bus.emit('remote.status', { name: 'upsell', status: 'failed', reason: 'timeout' });
      host.bus.emit('remote.status', { name: 'admin', status: 'loaded' });
    });
    expect(unread()).toBe('3');
    fireEvent.click(screen.getByTestId('notifications-bell'));
    const entries = () => screen.getAllByTestId('notification-entry');
    expect(entries().map((e) => e.dataset['type'])).toEqual(['remote', 'stock', 'kitchen']);

    fireEvent.click(within(entries()[2]).getByTestId('notification-mark-read'));
    expect(unread()).toBe('2');
    expect(entries()[2]).toHaveAttribute('data-read', 'true');

    fireEvent.click(screen.getByTestId('notifications-type-kitchen'));
    expect(entries()).toHaveLength(1);
    fireEvent.click(screen.getByTestId('notifications-type-all'));
    fireEvent.change(screen.getByTestId('notifications-filter-text'), { target: { value: '3' } });
    expect(entries()).toHaveLength(1);
    fireEvent.change(screen.getByTestId('notifications-filter-text'), { target: { value: '' } });

    fireEvent.click(screen.getByTestId('notifications-mark-all'));
    expect(screen.queryByTestId('notifications-unread')).toBeNull();
    expect(entries().every((e) => e.dataset['read'] === 'true')).toBe(true);
  });

  it('persists the history per venue and staff through the host storage and restores it', async () => {
    const storage = createFakeStorage();
    const first = await renderBell({ storage });
    act(() => first.host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID }) }));
    await waitFor(() => expect((storage.data.get(KEY) as NotificationEntry[] | undefined)?.length).toBe(1));
    fireEvent.click(screen.getByTestId('notifications-bell'));
    fireEvent.click(screen.getByTestId('notification-mark-read'));
    await waitFor(() => expect((storage.data.get(KEY) as NotificationEntry[])[0]!.read).toBe(true));
    act(() => first.host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID }) }));
    document.body.innerHTML = '';

    // A reload: a fresh host over the same storage.
    const second = await renderBell({ storage });
    await waitFor(() => expect(unread()).toBe('1'));
    fireEvent.click(screen.getByTestId('notifications-bell'));
    expect(screen.getAllByTestId('notification-entry')).toHaveLength(2);
    expect(second.host.notify).not.toHaveBeenCalled();
  });

  it(`keeps at most ${MAX_ENTRIES} entries`, async () => {
    const saved: NotificationEntry[] = Array.from({ length: MAX_ENTRIES }, (_, i) => ({
      id: `old-${i}`,
      type: 'stock',
      at: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
      read: true,
      label: null,
      params: { product: `P${i}` },
    }));
    const storage = createFakeStorage({ [KEY]: saved });
    const { host } = await renderBell({ storage });
    act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID }) }));
    await waitFor(() => expect((storage.data.get(KEY) as NotificationEntry[])[0]!.type).toBe('kitchen'));
    const list = storage.data.get(KEY) as NotificationEntry[];
    expect(list).toHaveLength(MAX_ENTRIES);
    expect(list.some((e) => e.id === 'old-0')).toBe(false);
    expect(unread()).toBe('1');
  });
  describe('halls', () => {
    const terraceTicket = (waiterId = OTHER_ID) => readyTicket({ waiterId, tableLabel: 'Т1', hallId: TERRACE.id, hallName: TERRACE.name });
    const takeaway = () => readyTicket({ waiterId: OTHER_ID, tableId: null, tableLabel: null, hallId: null, hallName: null });
    const entries = () => screen.getAllByTestId('notification-entry');

    it('filters the history by the halls seen in it', async () => {
      const { host } = await renderBell();
      act(() => {
        host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID, tableLabel: '12' }) });
        host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() });
        host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: takeaway() });
      });
      fireEvent.click(screen.getByTestId('notifications-bell'));
      expect(screen.getByTestId('hall-filter-all')).toHaveAttribute('aria-pressed', 'true');
      expect(screen.getByTestId(`hall-filter-${MAIN_HALL.name}`)).toBeInTheDocument();
      expect(entries()).toHaveLength(3);

      fireEvent.click(screen.getByTestId(`hall-filter-${TERRACE.name}`));
      expect(screen.getByTestId(`hall-filter-${TERRACE.name}`)).toHaveAttribute('aria-pressed', 'true');
      expect(entries()).toHaveLength(1);
      expect(entries()[0]).toHaveTextContent('Стол Т1 готов');

      fireEvent.click(screen.getByTestId(`hall-filter-${MAIN_HALL.name}`));
      expect(entries()).toHaveLength(1);
      expect(entries()[0]).toHaveTextContent('Стол 12 готов');

      fireEvent.click(screen.getByTestId('hall-filter-all'));
      expect(entries()).toHaveLength(3);
    });

    it('a supervisor following a hall gets toasts for every ready ticket of that hall, and the choice is saved', async () => {
      const storage = createFakeStorage();
      const { host } = await renderBell({ storage });
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() }));
      expect(host.notify).not.toHaveBeenCalled();

      fireEvent.click(screen.getByTestId('notifications-bell'));
      expect(screen.queryByTestId('notifications-follow-hall')).toBeNull();
      fireEvent.click(screen.getByTestId(`hall-filter-${TERRACE.name}`));
      fireEvent.click(screen.getByTestId('notifications-follow-hall'));
      expect(screen.getByTestId('notifications-followed-hall')).toHaveTextContent('Терраса');
      await waitFor(() => expect(storage.data.get(FOLLOW_KEY)).toEqual(TERRACE));

      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() }));
      expect(host.notify).toHaveBeenCalledTimes(1);
      expect(host.notify).toHaveBeenCalledWith('success', 'Стол Т1 готов: Стейк рибай ×1', { href: '/order/0190a000-0000-7000-8000-00000000c001' });
      // Another hall's ticket of another waiter still only goes to the history.
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: readyTicket({ waiterId: OTHER_ID }) }));
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: takeaway() }));
      expect(host.notify).toHaveBeenCalledTimes(1);
      // The followed hall's entry is not marked as "your table".
      fireEvent.click(screen.getByTestId('hall-filter-all'));
      expect(entries().some((e) => e.textContent?.includes('ваш стол'))).toBe(false);

      // Unfollow: no more toasts for that hall.
      fireEvent.click(screen.getByTestId(`hall-filter-${TERRACE.name}`));
      fireEvent.click(screen.getByTestId('notifications-follow-hall'));
      await waitFor(() => expect(storage.data.get(FOLLOW_KEY)).toBeNull());
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() }));
      expect(host.notify).toHaveBeenCalledTimes(1);
    });

    it('restores the followed hall from the host storage after a reload', async () => {
      const storage = createFakeStorage({ [FOLLOW_KEY]: TERRACE });
      const { host } = await renderBell({ storage });
      await waitFor(() => expect(storage.get).toHaveBeenCalledWith(FOLLOW_KEY));
      await act(() => Promise.resolve());
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() }));
      expect(host.notify).toHaveBeenCalledTimes(1);
      fireEvent.click(screen.getByTestId('notifications-bell'));
      expect(screen.getByTestId('notifications-followed-hall')).toHaveTextContent('Терраса');
    });

    it('staff without shifts.close.override cannot follow a hall: no control, and a saved choice gives no toast', async () => {
      const storage = createFakeStorage({ [FOLLOW_KEY]: TERRACE });
      const { host } = await renderBell({ storage, can: (p) => p !== 'shifts.close.override' });
      await waitFor(() => expect(storage.get).toHaveBeenCalledWith(FOLLOW_KEY));
      await act(() => Promise.resolve());
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket() }));
      expect(host.notify).not.toHaveBeenCalled();
      act(() => host.bus.emit('kitchen.ticket.ready', { venueId: VENUE_ID, ticket: terraceTicket(ME_ID) }));
      expect(host.notify).toHaveBeenCalledTimes(1);
      fireEvent.click(screen.getByTestId('notifications-bell'));
      fireEvent.click(screen.getByTestId(`hall-filter-${TERRACE.name}`));
      expect(screen.queryByTestId('notifications-follow-hall')).toBeNull();
      expect(screen.queryByTestId('notifications-followed-hall')).toBeNull();
      expect(entries()).toHaveLength(2);
    });
  });
});
