import type { Connectivity, HostApi } from '@pos/plugin-sdk';
import { ApiError, HostProvider } from '@pos/plugin-sdk';
import { act, render, screen, within } from '@testing-library/react';
import { aPromotionsMenu, anActiveList, anActivePromotion, anUpcomingPromotion, aRule, testHost } from '../../testing/fixtures';
import { PromotionsWidget } from './promotions-widget';

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

function renderWidget(host: HostApi) {
  return render(
    <HostProvider host={host}>
      <PromotionsWidget host={host} context={{ hallId: null }} />
    </HostProvider>,
  );
}

const menu = jest.fn(async () => aPromotionsMenu());

beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-12-07T13:00:00.000Z') }));
afterEach(() => jest.useRealTimers());

describe('PromotionsWidget', () => {
  it('lists running promotions with the time to their end and upcoming ones with the time to their start', async () => {
    const running = anActivePromotion();
    const allDay = anActivePromotion({ rule: aRule({ name: 'Кофе с собой', schedule: { validFrom: null, validTo: null, windows: [] }, effect: { kind: 'percent', percent: 10, target: { scope: 'check' } } }), endsAt: null, secondsToEnd: null });
    const upcoming = anUpcomingPromotion({ rule: aRule({ name: 'Бизнес-ланч', manual: true }) });
    const host = testHost({ api: { activePromotions: jest.fn(async () => anActiveList([upcoming, allDay, running])), menu } });
    renderWidget(host);
    const items = await screen.findAllByTestId('promotion-item');
    expect(screen.getByRole('heading', { name: 'Акции' })).toBeInTheDocument();
    expect(items.map((i) => i.getAttribute('data-rule-id'))).toEqual([running.rule.id, allDay.rule.id, upcoming.rule.id]);
    expect(within(items[0]).getByTestId('promotion-countdown')).toHaveTextContent('ещё 12:34');
    expect(await within(items[0]).findByText('−20 % на Напитки · 17:00–19:00')).toBeInTheDocument();
    expect(within(items[1]).getByTestId('promotion-countdown')).toHaveTextContent('весь день');
    expect(within(items[1]).getByText('−10 % на весь чек')).toBeInTheDocument();
    expect(within(items[2]).getByTestId('promotion-countdown')).toHaveTextContent('через 04:59');
    expect(within(items[2]).getByText('вручную')).toBeInTheDocument();
  });

  it('counts down every second by the local clock and asks again when a countdown reaches 0', async () => {
    const activePromotions = jest.fn(async () => anActiveList([anUpcomingPromotion({ secondsToStart: 12 })]));
    const host = testHost({ api: { activePromotions, menu } });
    renderWidget(host);
    const countdown = await screen.findByTestId('promotion-countdown');
    expect(countdown).toHaveTextContent('через 00:12');
    act(() => jest.advanceTimersByTime(10_000));
    expect(countdown).toHaveTextContent('через 00:02');
    expect(activePromotions).toHaveBeenCalledTimes(1);
    activePromotions.mockResolvedValue(anActiveList([anActivePromotion({ secondsToEnd: 3600 })]));
    await act(async () => jest.advanceTimersByTime(2_000));
    // At 0, a second's grace (the server rounds its seconds down), then the list again.
    expect(activePromotions).toHaveBeenCalledTimes(1);
    await act(async () => jest.advanceTimersByTime(1_000));
    expect(activePromotions).toHaveBeenCalledTimes(2);
    expect(await screen.findByText('ещё 1:00:00')).toBeInTheDocument();
  });

  it('asks again when the server says promotions or flags changed, and says nothing when there is no promotion', async () => {
    const activePromotions = jest.fn(async () => anActiveList([anActivePromotion()]));
    const host = testHost({ api: { activePromotions, menu } });
    renderWidget(host);
    expect(await screen.findByTestId('promotions-widget')).toBeInTheDocument();
    activePromotions.mockResolvedValue(anActiveList([]));
    await act(async () => host.bus.emit('feature-flags.changed', { venueId: host.session.venue.id, flags: {} } as never));
    await act(async () => jest.advanceTimersByTime(10));
    expect(screen.queryByTestId('promotions-widget')).toBeNull();
    activePromotions.mockResolvedValue(anActiveList([anActivePromotion()]));
    await act(async () => host.bus.emit('promotions.changed', { venueId: host.session.venue.id, reason: 'rules', at: '2026-12-07T13:00:00.000Z' }));
    expect(await screen.findByTestId('promotions-widget')).toBeInTheDocument();
    expect(activePromotions).toHaveBeenCalledTimes(3);
  });

  it('offline keeps the last list, greyed, with the time it is from, still counting down', async () => {
    let connectivity: Connectivity = { state: 'online', pending: 0 };
    const activePromotions = jest.fn(async () => anActiveList([anActivePromotion()]));
    const host = testHost({ api: { activePromotions, menu }, connectivity: () => connectivity });
    renderWidget(host);
    expect(await screen.findByTestId('promotion-countdown')).toHaveTextContent('ещё 12:34');
    activePromotions.mockRejectedValue(new ApiError(0, { type: 'about:blank', title: 'Network', status: 0, code: 'network' }));
    connectivity = { state: 'offline', pending: 0 };
    act(() => host.bus.emit('connectivity.changed', connectivity));
    act(() => jest.advanceTimersByTime(61_000));
    const widget = screen.getByTestId('promotions-widget');
    expect(widget).toHaveAttribute('data-offline', 'true');
    // The answer arrived at 13:00 UTC, 16:00 in Moscow.
    expect(plain(screen.getByTestId('promotions-offline').textContent)).toBe('Нет сети — список на 16:00');
    expect(screen.getByTestId('promotion-countdown')).toHaveTextContent('ещё 11:33');
    expect(activePromotions).toHaveBeenCalledTimes(1);
  });
});
