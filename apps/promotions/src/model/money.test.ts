import { promotionMoney } from './money';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('promotion money', () => {
  it('drops zero kopecks, keeps the others', () => {
    expect(plain(promotionMoney(35000, 'RUB', 'ru'))).toBe('350 ₽');
    expect(plain(promotionMoney(125050, 'RUB', 'ru'))).toBe('1 250,50 ₽');
    expect(promotionMoney(35000, 'RUB', 'en')).toBe('₽350');
    expect(promotionMoney(1050, 'EUR', 'en')).toBe('€10.50');
  });
});
