import { addNamespace, createI18n, currencyMark, formatAmount, formatMoney, parseMoney } from './i18n';

describe('i18n', () => {
  it('speaks Russian by default and English on request', () => {
    expect(createI18n().t('cancel')).toBe('Отмена');
    expect(createI18n('en').t('cancel')).toBe('Cancel');
  });

  it('adds a remote namespace in both languages', () => {
    const i18n = createI18n('en');
    addNamespace(i18n, 'admin', { ru: { title: 'Администрирование' }, en: { title: 'Administration' } });
    expect(i18n.t('admin:title')).toBe('Administration');
    void i18n.changeLanguage('ru');
    expect(i18n.t('admin:title')).toBe('Администрирование');
  });

  it('formats minor units as the venue currency', () => {
    expect(formatMoney(45000, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('450,00 ₽');
    expect(formatMoney(123456, 'RUB', 'en')).toContain('1,234.56');
    expect(formatMoney(1000, 'JPY', 'en')).toContain('1,000');
  });

  it('shows one currency mark in each language: ₽, never "RUB" next to it', () => {
    expect(formatMoney(59000, 'RUB', 'en')).toBe('₽590.00');
    expect(formatMoney(123456, 'RUB', 'en')).toBe('₽1,234.56');
    expect(formatMoney(59000, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('590,00 ₽');
    for (const language of ['ru', 'en']) {
      const text = formatMoney(59000, 'RUB', language);
      expect(text).not.toContain('RUB');
      expect(text.match(/₽/g)).toHaveLength(1);
    }
    expect(formatMoney(-5000, 'RUB', 'en')).toBe('-₽50.00');
  });

  it('formats an amount without its mark for fields that show the mark themselves', () => {
    expect(formatAmount(123456, 'RUB', 'en')).toBe('1,234.56');
    expect(formatAmount(123456, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('1 234,56');
    expect(currencyMark('RUB', 'en')).toBe('₽');
    expect(currencyMark('RUB', 'ru')).toBe('₽');
  });

  it('parses typed amounts into minor units', () => {
    expect(parseMoney('1 250,50')).toBe(125050);
    expect(parseMoney('300')).toBe(30000);
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('1.234')).toBeNull();
  });
});
