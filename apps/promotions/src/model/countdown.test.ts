import { anActivePromotion, anUpcomingPromotion } from '../testing/fixtures';
import { clockText, livePromotions, secondsLeft } from './countdown';

describe('countdowns', () => {
  it('count down from the answer by the local clock’s elapsed time, never below 0', () => {
    expect(secondsLeft(299, 1_000, 1_000)).toBe(299);
    expect(secondsLeft(299, 1_000, 1_999)).toBe(299);
    expect(secondsLeft(299, 1_000, 11_000)).toBe(289);
    expect(secondsLeft(5, 0, 60_000)).toBe(0);
    // A clock set back after the answer does not add time.
    expect(secondsLeft(10, 5_000, 1_000)).toBe(10);
  });

  it('read as mm:ss, past an hour h:mm:ss', () => {
    expect(clockText(0)).toBe('00:00');
    expect(clockText(299)).toBe('04:59');
    expect(clockText(754)).toBe('12:34');
    expect(clockText(3723)).toBe('1:02:03');
  });

  it('list running promotions first, then the nearest start; a countdown at 0 makes the list due', () => {
    const soon = anUpcomingPromotion({ secondsToStart: 30 });
    const later = anUpcomingPromotion({ secondsToStart: 600 });
    const running = anActivePromotion();
    const allDay = anActivePromotion({ endsAt: null, secondsToEnd: null });
    const at = (ms: number) => livePromotions([later, soon, running, allDay], 0, ms);
    expect(at(0).items.map((i) => i.promotion)).toEqual([running, allDay, soon, later]);
    expect(at(0).items[1]).toMatchObject({ state: 'active', secondsToEnd: null });
    expect(at(10_000).items[2]).toMatchObject({ state: 'upcoming', secondsToStart: 20 });
    expect(at(29_000).isDue).toBe(false);
    expect(at(30_000).isDue).toBe(true);
  });

  it('leave out a rule that neither runs nor starts', () => {
    expect(livePromotions([anUpcomingPromotion({ secondsToStart: null, startsAt: null })], 0, 0).items).toEqual([]);
  });
});
