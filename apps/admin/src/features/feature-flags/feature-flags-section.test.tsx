import { type Feature, FEATURES } from '@pos/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithHost, VENUE_ID } from '../../testing/fake-host';
import { FeatureFlagsSection } from './feature-flags-section';

const allOn = () => Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>;

function setup() {
  const flags = allOn();
  const api = {
    featureFlags: jest.fn(async () => ({ flags: { ...flags } })),
    saveFeatureFlags: jest.fn(async (changes: Partial<Record<Feature, boolean>>) => {
      Object.assign(flags, changes);
      return { flags: { ...flags } };
    }),
  };
  return { api, ...renderWithHost(<FeatureFlagsSection />, { api }) };
}

describe('FeatureFlagsSection', () => {
  it('shows a named switch for every feature', async () => {
    setup();
    for (const feature of FEATURES) expect(await screen.findByTestId(`flag-${feature}`)).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByText('Бронирование')).toBeInTheDocument();
    expect(screen.getByText(`Включено ${FEATURES.length} из ${FEATURES.length}`)).toBeInTheDocument();
  });

  it('saves one feature at once with only that feature in the payload', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('flag-reservations'));
    await waitFor(() => expect(api.saveFeatureFlags).toHaveBeenCalledWith({ reservations: false }));
    await waitFor(() => expect(screen.getByTestId('flag-reservations')).toHaveAttribute('aria-checked', 'false'));
    expect(api.saveFeatureFlags).toHaveBeenCalledTimes(1);
  });

  it('asks before switching admin off', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('flag-admin'));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Выключить администрирование?');
    fireEvent.click(within(dialog).getByText('Отмена'));
    expect(api.saveFeatureFlags).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('flag-admin'));
    fireEvent.click(screen.getByTestId('confirm-admin-off'));
    await waitFor(() => expect(api.saveFeatureFlags).toHaveBeenCalledWith({ admin: false }));
  });

  it('switches the others on without asking', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByTestId('flag-loyalty'));
    await waitFor(() => expect(api.saveFeatureFlags).toHaveBeenCalledWith({ loyalty: false }));
    fireEvent.click(screen.getByTestId('flag-loyalty'));
    await waitFor(() => expect(api.saveFeatureFlags).toHaveBeenLastCalledWith({ loyalty: true }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('follows feature-flags.changed from another screen of the venue', async () => {
    const { host } = setup();
    await screen.findByTestId('flag-payments');
    act(() => host.bus.emit('feature-flags.changed', { venueId: VENUE_ID, flags: { ...allOn(), payments: false } }));
    await waitFor(() => expect(screen.getByTestId('flag-payments')).toHaveAttribute('aria-checked', 'false'));
    // Another venue's change is not ours.
    await act(async () => {
      host.bus.emit('feature-flags.changed', { venueId: '0190a000-0000-7000-8000-000000000002', flags: allOn() });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(screen.getByTestId('flag-payments')).toHaveAttribute('aria-checked', 'false');
  });

  it('reports a failed save and shows the stored state again', async () => {
    const { api, host } = setup();
    api.saveFeatureFlags.mockRejectedValueOnce(new Error('No connection to the server'));
    fireEvent.click(await screen.findByTestId('flag-upsell'));
    // An error without a problem code reads as the generic sentence in the admin's language.
    await waitFor(() => expect(host.notify).toHaveBeenCalledWith('error', 'Не получилось. Повторите или позовите администратора.'));
    expect(screen.getByTestId('flag-upsell')).toHaveAttribute('aria-checked', 'true');
  });
});
