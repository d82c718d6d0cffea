import { formatPhone, searchQueryOf, toE164, venueCountry } from './phone';

describe('toE164', () => {
  it.each([
    ['8 (916) 123-45-67', '+79161234567'],
    ['89161234567', '+79161234567'],
    ['+7 916 123 45 67', '+79161234567'],
    ['7 916 123-45-67', '+79161234567'],
    ['916 123 45 67', '+79161234567'],
    ['  +7(916)123-45-67 ', '+79161234567'],
    ['8 812 123-45-67', '+78121234567'],
    ['00 44 20 7946 0958', '+442079460958'],
    ['8 10 44 20 7946 0958', '+442079460958'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+375 29 123-45-67', '+375291234567'],
  ])('reads %p in Russia as %p', (typed, phone) => {
    expect(toE164(typed, 'RU')).toBe(phone);
  });

  it('reads a number without its country code in the venue’s country', () => {
    expect(toE164('8 029 123-45-67', 'BY')).toBe('+375291234567');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('(212) 555-0100', 'US')).toBe('+12125550100');
    expect(toE164('1 212 555 0100', 'US')).toBe('+12125550100');
  });

  it.each([[''], ['   '], ['916 12'], ['8 916 123 45 67 8'], ['8 916 123-45-6'], ['+0 916 123 45 67'], ['abc'], ['8 916 ЗВОНИТЬ'], ['+7 916 123 45 67 доб. 5'], ['++79161234567']])(
    'refuses %p',
    (typed) => {
      expect(toE164(typed, 'RU')).toBeNull();
    },
  );

  it('needs the "+" in a country it has no numbering plan for', () => {
    expect(toE164('612 345 678', 'ES')).toBeNull();
    expect(toE164('+34 612 345 678', 'ES')).toBe('+34612345678');
  });
});

describe('venueCountry', () => {
  it('takes the region of the venue’s locale, Russia when it has none', () => {
    expect(venueCountry('ru-RU')).toBe('RU');
    expect(venueCountry('en_GB')).toBe('GB');
    expect(venueCountry('kk-kz')).toBe('KZ');
    expect(venueCountry('ru')).toBe('RU');
  });
});

describe('formatPhone', () => {
  it('groups a Russian number and leaves others as stored', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
  });
});

describe('searchQueryOf', () => {
  it('sends a name as typed, a part of a number as its digits, a whole number as E.164', () => {
    expect(searchQueryOf('  Мария ', 'RU')).toBe('Мария');
    expect(searchQueryOf('903 111-22', 'RU')).toBe('90311122');
    expect(searchQueryOf('+7 903', 'RU')).toBe('+7903');
    expect(searchQueryOf('8 (903) 111-22-33', 'RU')).toBe('+79031112233');
    expect(searchQueryOf('', 'RU')).toBe('');
  });
});
