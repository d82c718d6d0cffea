import type { Plans, PutPlansInput } from '@pos/contracts';
import { ApiError, type HostApi, HostProvider } from '@pos/plugin-sdk';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { somePlans, testHost } from '../../testing/fixtures';
import { PlansPage } from './plans-page';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderPage(host: HostApi) {
  render(
    <HostProvider host={host}>
      <PlansPage host={host} />
    </HostProvider>,
  );
}

const echo = async (input: PutPlansInput): Promise<Plans> => somePlans({ thresholdPercent: input.thresholdPercent, days: input.days });

describe('PlansPage', () => {
  it('sets a weekday’s hours, shows the day total, copies it to all weekdays and saves them all', async () => {
    const savePlans = jest.fn(echo);
    const notify = jest.fn();
    renderPage(testHost({ api: { plans: async () => somePlans(), savePlans }, notify }));
    fireEvent.click(await screen.findByTestId('fd-plans-day-5'));
    fireEvent.change(screen.getByTestId('fd-plans-hour-18'), { target: { value: '20000' } });
    fireEvent.change(screen.getByTestId('fd-plans-hour-19'), { target: { value: '30000' } });
    expect(plain(screen.getByTestId('fd-plans-total').textContent)).toBe('За день: 50 000 ₽');
    fireEvent.click(screen.getByTestId('fd-plans-copy'));
    fireEvent.change(screen.getByTestId('fd-plans-threshold'), { target: { value: '10' } });
    fireEvent.click(screen.getByTestId('fd-plans-save'));
    await waitFor(() => expect(savePlans).toHaveBeenCalled());
    const [input] = savePlans.mock.calls[0];
    expect(input.thresholdPercent).toBe(10);
    expect(input.days).toHaveLength(7);
    expect(input.days.every((d) => d.hours[18] === 2_000_000 && d.hours[19] === 3_000_000 && d.hours[12] === 0)).toBe(true);
    await waitFor(() => expect(notify).toHaveBeenCalledWith('success', 'План выручки сохранён'));
    fireEvent.click(screen.getByTestId('fd-plans-day-1'));
    expect(plain(screen.getByTestId('fd-plans-total').textContent)).toBe('За день: 50 000 ₽');
  });

  it('shows the API’s refusals at their fields and marks the weekday', async () => {
    const savePlans = jest.fn(async () => {
      throw new ApiError(400, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 400,
        code: 'validation',
        errors: [
          { path: 'body.days.2.hours.9', message: 'Too big' },
          { path: 'body.thresholdPercent', message: 'At most 50' },
        ],
      });
    });
    renderPage(testHost({ api: { plans: async () => somePlans(), savePlans }, language: 'en' }));
    fireEvent.click(await screen.findByTestId('fd-plans-save'));
    expect(await screen.findByTestId('fd-plans-failure')).toHaveTextContent('Fix the marked fields');
    expect(screen.getByText('At most 50')).toBeInTheDocument();
    expect(screen.getByTestId('fd-plans-day-3')).toHaveTextContent('We •');
    expect(screen.queryByText('Too big')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('fd-plans-day-3'));
    expect(screen.getByText('Too big')).toBeInTheDocument();
  });
});
