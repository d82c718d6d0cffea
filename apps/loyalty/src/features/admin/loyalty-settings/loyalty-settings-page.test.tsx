import type { LoyaltySettings, UpdateLoyaltySettingsInput } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider, type PosApi } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { testHost } from '../testing/fixtures';
import { LoyaltySettingsPage } from './loyalty-settings-page';

const settings = (over: Partial<LoyaltySettings> = {}): LoyaltySettings => ({ earnPercent: 5, pointValue: 100, giftCardExpiryDays: 365, ...over });

function renderPage(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <LoyaltySettingsPage host={host} />
    </HostProvider>,
  );
}

const client = (loyaltySettings: PosApi['loyaltySettings'], saveLoyaltySettings: PosApi['saveLoyaltySettings'] = jest.fn()): Partial<PosApi> => ({ loyaltySettings, saveLoyaltySettings });

describe('Admin → Loyalty', () => {
  it('shows the settings with a worked example and saves them (a point’s value in minor units)', async () => {
    const put = jest.fn(async (body: UpdateLoyaltySettingsInput) => settings(body));
    const notify = jest.fn();
    renderPage(testHost({ api: client(jest.fn(async () => settings()), put), notify }));
    expect(await screen.findByTestId('loyalty-settings-earn-percent')).toHaveValue(5);
    expect(screen.getByTestId('loyalty-settings-point-value')).toHaveValue('1');
    expect(screen.getByTestId('loyalty-settings-expiry-days')).toHaveValue(365);
    expect(screen.getByTestId('loyalty-settings-example')).toHaveTextContent(/с чека на 1\s000,00\s₽ гость получит 50 баллов \(50,00\s₽\)/);

    fireEvent.change(screen.getByTestId('loyalty-settings-earn-percent'), { target: { value: '7' } });
    fireEvent.change(screen.getByTestId('loyalty-settings-point-value'), { target: { value: '0,5' } });
    fireEvent.change(screen.getByTestId('loyalty-settings-expiry-days'), { target: { value: '180' } });
    expect(screen.getByTestId('loyalty-settings-example')).toHaveTextContent(/гость получит 140 баллов \(70,00\s₽\)/);
    fireEvent.click(screen.getByTestId('loyalty-settings-save'));

    await waitFor(() => expect(put).toHaveBeenCalledWith({ earnPercent: 7, pointValue: 50, giftCardExpiryDays: 180 }));
    expect(notify).toHaveBeenCalledWith('success', 'Настройки лояльности сохранены');
  });

  it('marks a value out of the contract’s bounds without a request', async () => {
    const put = jest.fn();
    renderPage(testHost({ api: client(jest.fn(async () => settings()), put) }));
    fireEvent.change(await screen.findByTestId('loyalty-settings-earn-percent'), { target: { value: '60' } });
    fireEvent.change(screen.getByTestId('loyalty-settings-expiry-days'), { target: { value: '1.5' } });
    fireEvent.click(screen.getByTestId('loyalty-settings-save'));
    expect(await screen.findByTestId('loyalty-settings-failure')).toHaveTextContent('Исправьте отмеченные поля');
    expect(screen.getByText('Целое число от 0 до 50')).toBeInTheDocument();
    expect(screen.getByText('Целое число дней от 1 до 1825')).toBeInTheDocument();
    expect(screen.getByTestId('loyalty-settings-point-value')).not.toHaveAttribute('aria-invalid');
    expect(put).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal at the field its path names', async () => {
    const put = jest.fn(async (): Promise<LoyaltySettings> => {
      throw new ApiError(400, { type: 'about:blank', title: 'Validation failed', status: 400, code: 'validation', errors: [{ path: 'body.pointValue', message: 'Too big' }] });
    });
    renderPage(testHost({ api: client(jest.fn(async () => settings()), put), language: 'en' }));
    fireEvent.change(await screen.findByTestId('loyalty-settings-point-value'), { target: { value: '2' } });
    fireEvent.click(screen.getByTestId('loyalty-settings-save'));
    expect(await screen.findByTestId('loyalty-settings-failure')).toHaveTextContent('Fix the marked fields');
    expect(screen.getByTestId('loyalty-settings-point-value')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('From ₽0.01 to ₽100.00')).toBeInTheDocument();
  });

  it('says what is wrong when the server has no settings route yet', async () => {
    const get = jest.fn(async (): Promise<LoyaltySettings> => {
      throw new ApiError(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'route.not_found' });
    });
    renderPage(testHost({ api: client(get) }));
    expect(await screen.findByTestId('loyalty-settings-load-failed')).toHaveTextContent('Не удалось загрузить настройки: Сервер не знает этого действия. Обновите приложение.');
  });
});
