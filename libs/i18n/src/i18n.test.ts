import { addNamespace, createI18n, formatMoney, parseMoney } from './i18n';

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

  it('parses typed amounts into minor units', () => {
    expect(parseMoney('1 250,50')).toBe(125050);
    expect(parseMoney('300')).toBe(30000);
    expect(parseMoney('abc')).toBeNull();
    expect(parseMoney('1.234')).toBeNull();
  });
});
