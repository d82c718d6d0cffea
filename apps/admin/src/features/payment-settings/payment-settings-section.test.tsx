import type { PaymentSettings, UpdatePaymentSettingsInput } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithHost } from '../../testing/fake-host';
import { PaymentSettingsSection } from './payment-settings-section';

const spaces = (s: string | null) => (s ?? '').replace(/\s/g, ' ');

function setup(initial: PaymentSettings = { tipTolerancePercent: 20, holdExpiryDays: 7, dayClosePolicy: 'release' }) {
  let stored = initial;
  const api = {
    paymentSettings: jest.fn(async () => stored),
    savePaymentSettings: jest.fn(async (changes: UpdatePaymentSettingsInput) => {
      stored = { ...stored, ...changes };
      return stored;
    }),
  };
  return { api, ...renderWithHost(<PaymentSettingsSection />, { api }) };
}

const tip = () => screen.getByTestId('payment-settings-tip-tolerance');
const expiry = () => screen.getByTestId('payment-settings-hold-expiry');
const save = () => screen.getByTestId('payment-settings-save');

describe('PaymentSettingsSection', () => {
  it("shows the venue's settings, the tolerance explained in the venue's money", async () => {
    setup();
    expect(await screen.findByTestId('payment-settings-tip-tolerance')).toHaveValue('20');
    expect(expiry()).toHaveValue('7');
    expect(screen.getByRole('radio', { name: 'Снять блокировку' })).toHaveAttribute('aria-checked', 'true');
    expect(spaces(screen.getByTestId('admin-payments').textContent)).toContain('При блокировке 1 000,00 ₽ можно списать с чаевыми до 1 200,00 ₽.');
    expect(save()).toBeDisabled();
  });

  it('saves only the fields that changed, then the saved values are the baseline', async () => {
    const { api, host } = setup();
    await screen.findByTestId('payment-settings-tip-tolerance');
    fireEvent.click(screen.getByTestId('payment-settings-hold-expiry-more'));
    fireEvent.click(screen.getByRole('radio', { name: 'Списать' }));
    expect(expiry()).toHaveValue('8');
    fireEvent.click(save());
    await waitFor(() => expect(api.savePaymentSettings).toHaveBeenCalledWith({ holdExpiryDays: 8, dayClosePolicy: 'capture' }));
    await waitFor(() => expect(save()).toBeDisabled());
    expect(host.notify).toHaveBeenCalledWith('success', 'Настройки платежей сохранены');
    expect(screen.getByRole('radio', { name: 'Списать' })).toHaveAttribute('aria-checked', 'true');
  });

  it('refuses out-of-range numbers at the field before saving; − / + stay within the bounds', async () => {
    setup({ tipTolerancePercent: 100, holdExpiryDays: 0, dayClosePolicy: 'capture' });
    await screen.findByTestId('payment-settings-tip-tolerance');
    expect(screen.getByTestId('payment-settings-tip-tolerance-more')).toBeDisabled();
    expect(screen.getByTestId('payment-settings-hold-expiry-less')).toBeDisabled();
    fireEvent.change(expiry(), { target: { value: '45' } });
    expect(screen.getByText('От 0 до 30')).toBeInTheDocument();
    expect(save()).toBeDisabled();
    fireEvent.change(tip(), { target: { value: '' } });
    expect(screen.getByText('Целое число')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('payment-settings-reset'));
    expect(expiry()).toHaveValue('0');
    expect(screen.queryByText('От 0 до 30')).not.toBeInTheDocument();
  });

  it("shows the server's refusal at the field its path names, until that field changes", async () => {
    const { api } = setup();
    api.savePaymentSettings.mockRejectedValueOnce(
      new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors: [{ path: 'body.tipTolerancePercent', message: 'Above the acquirer limit of 25%' }] }),
    );
    await screen.findByTestId('payment-settings-tip-tolerance');
    fireEvent.change(tip(), { target: { value: '30' } });
    fireEvent.click(save());
    const error = await screen.findByText('Above the acquirer limit of 25%');
    // At the tip tolerance field: in the same field block as its input.
    expect(error.closest('div')?.parentElement).toContainElement(tip());
    expect(tip()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.change(tip(), { target: { value: '25' } });
    expect(screen.queryByText('Above the acquirer limit of 25%')).not.toBeInTheDocument();
  });

  it('a refusal without a field of the form shows above it', async () => {
    const { api } = setup();
    api.savePaymentSettings.mockRejectedValueOnce(new ApiError(403, { type: 'about:blank', title: 'Not allowed to change payment rules', status: 403, code: 'forbidden' }));
    await screen.findByTestId('payment-settings-tip-tolerance');
    fireEvent.click(screen.getByRole('radio', { name: 'Списать' }));
    fireEvent.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('Not allowed to change payment rules');
  });
});
