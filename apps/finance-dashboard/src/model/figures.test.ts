import { aPlan } from '../testing/fixtures';
import { clockTime, compactFigure, deviationOf, figure, hourBars, hourLabel, PLAN_TONE, signedFigure, signedPercent } from './figures';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('figures', () => {
  it('shows whole amounts without kopecks, and kopecks when there are some', () => {
    expect(plain(figure(1_230_000, 'RUB', 'ru'))).toBe('12 300 ₽');
    expect(plain(figure(1_230_050, 'RUB', 'ru'))).toBe('12 300,50 ₽');
    expect(figure(1_230_000, 'RUB', 'en')).toBe('₽12,300');
  });

  it('shortens the chart axis money with Intl\'s compact notation, and names hours HH:00', () => {
    expect(plain(compactFigure(1_230_000, 'RUB', 'ru'))).toBe('12,3 тыс. ₽');
    expect(plain(compactFigure(150_000_000, 'RUB', 'ru'))).toBe('1,5 млн ₽');
    expect(plain(compactFigure(-300_000, 'RUB', 'ru'))).toBe('−3 тыс. ₽');
    expect(compactFigure(0, 'RUB', 'en')).toBe('₽0');
    expect(hourLabel(9)).toBe('09:00');
    expect(hourLabel(24)).toBe('00:00');
  });

  it('signs a deviation with the typographic minus, and its percent with one decimal', () => {
    expect(plain(signedFigure(-1_230_000, 'RUB', 'ru'))).toBe('−12 300 ₽');
    expect(plain(signedFigure(50_000, 'RUB', 'ru'))).toBe('+500 ₽');
    expect(signedFigure(0, 'RUB', 'en')).toBe('₽0');
    expect(signedPercent(-8.44, 'ru')).toBe('−8,4');
    expect(signedPercent(12, 'en')).toBe('+12.0');
    expect(signedPercent(0, 'en')).toBe('0.0');
  });

  it('colours the plan: ahead green, on plan neutral, behind red', () => {
    expect(PLAN_TONE).toEqual({ ahead: 'good', on_plan: 'neutral', behind: 'bad' });
    const behind = deviationOf(aPlan({ deviation: -1_230_000, deviationPercent: -8.4, status: 'behind' }), 'RUB', 'ru');
    expect({ ...behind, amount: plain(behind.amount) }).toEqual({ tone: 'bad', status: 'behind', amount: '−12 300 ₽', percent: '−8,4' });
    expect(deviationOf(aPlan({ deviation: 0, deviationPercent: null, status: 'on_plan' }), 'RUB', 'en')).toEqual({ tone: 'neutral', status: 'on_plan', amount: '₽0', percent: null });
  });

  it('tells the time in the venue’s zone', () => {
    expect(clockTime('2026-12-07T11:02:11.000Z', 'Europe/Moscow', 'ru')).toBe('14:02:11');
    expect(clockTime('2026-12-07T23:05:00.000Z', 'Europe/Moscow', 'en')).toBe('02:05:00');
  });

  describe('hourBars', () => {
    it('puts revenue beside the target, trimmed to the hours with either', () => {
      const plan = new Array<number>(24).fill(0);
      plan[11] = 500_000;
      plan[12] = 700_000;
      plan[14] = 900_000;
      plan[18] = 100_000;
      const bars = hourBars([{ date: '2026-12-07', hour: 12, gross: 600_000, refunds: 0, net: 600_000 }], plan);
      expect(bars).toEqual([
        { hour: 11, net: 0, target: 500_000 },
        { hour: 12, net: 600_000, target: 700_000 },
        { hour: 13, net: 0, target: 0 },
        { hour: 14, net: 0, target: 900_000 },
        { hour: 15, net: 0, target: 0 },
        { hour: 16, net: 0, target: 0 },
        { hour: 17, net: 0, target: 0 },
        { hour: 18, net: 0, target: 100_000 },
      ]);
    });

    it('adds the same clock hour of two business dates (a shift past midnight), and shows at least eight hours', () => {
      const bars = hourBars(
        [
          { date: '2026-12-06', hour: 23, gross: 100, refunds: 0, net: 100 },
          { date: '2026-12-07', hour: 23, gross: 300, refunds: 50, net: 250 },
        ],
        null,
      );
      expect(bars.map((b) => b.hour)).toEqual([16, 17, 18, 19, 20, 21, 22, 23]);
      expect(bars[7]).toEqual({ hour: 23, net: 350, target: 0 });
      expect(hourBars([{ date: '2026-12-07', hour: 9, gross: 100, refunds: 0, net: 100 }], null).map((b) => b.hour)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    });

    it('draws nothing with no money and no plan', () => {
      expect(hourBars([], null)).toEqual([]);
    });
  });
});
