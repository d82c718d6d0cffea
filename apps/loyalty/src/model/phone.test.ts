import { countryOf, formatPhone, looksLikePhone, searchQueryOf, toE164, venueCountry } from './phone';

describe('toE164', () => {
  it.each([
    ['8 916 123-45-67', '+79161234567'],
    ['8(916)1234567', '+79161234567'],
    ['+7 (916) 123 45 67', '+79161234567'],
    ['7 916 123 45 67', '+79161234567'],
    ['9161234567', '+79161234567'],
    ['  +7-916-123-45-67 ', '+79161234567'],
    ['007 916 123 45 67', '+79161234567'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('reads %s in a Russian venue as %s', (typed, e164) => {
    expect(toE164(typed, 'RU')).toBe(e164);
  });

  it.each([
    ['8 916 123-45-6', 'a digit short'],
    ['8 916 123-45-678', 'a digit too many'],
    ['6 916 123 45 67', 'neither the trunk prefix nor the country code'],
    ['916-12', 'too short to be a number'],
    ['+0 916 123 45 67', 'a country code cannot start with 0'],
    ['PQ1.abc', 'not a number at all'],
    ['+7 916 abc', 'letters'],
  ])('refuses %s (%s)', (typed) => {
    expect(toE164(typed, 'RU')).toBeNull();
  });

  it('reads a national number by the venue’s own country', () => {
    expect(toE164('80 29 123 45 67', 'BY')).toBe('+375291234567');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    // The same digits mean nothing in a Russian venue.
    expect(toE164('020 7946 0958', 'RU')).toBeNull();
  });

  it('needs the + where the venue’s country is unknown', () => {
    expect(toE164('8 916 123-45-67', null)).toBeNull();
    expect(toE164('+7 916 123-45-67', null)).toBe('+79161234567');
    expect(toE164('8 916 123-45-67', 'FR')).toBeNull();
  });
});

describe('phone helpers', () => {
  it('takes the country from the locale', () => {
    expect(countryOf('ru-RU')).toBe('RU');
    expect(countryOf('en_gb')).toBe('GB');
    expect(countryOf('ru')).toBeNull();
  });

  it('takes the venue’s country from its locale, else from its currency', () => {
    expect(venueCountry({ locale: 'ru', currency: 'RUB' })).toBe('RU');
    expect(venueCountry({ locale: 'ru-KZ', currency: 'RUB' })).toBe('KZ');
    expect(venueCountry({ locale: 'en', currency: 'GBP' })).toBe('GB');
    expect(venueCountry({ locale: 'fr', currency: 'EUR' })).toBeNull();
  });

  it('tells a number, whole or not, from a code', () => {
    expect(looksLikePhone('8 916 123-45-67')).toBe(true);
    expect(looksLikePhone('8 916 12')).toBe(true);
    expect(looksLikePhone('PQ1.0190a000.1765100000.sig')).toBe(false);
    expect(looksLikePhone('ABCD-EFGH-JKMN-P1')).toBe(false);
    expect(looksLikePhone('-- ()')).toBe(false);
  });

  it('formats a Russian number for reading', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('+442079460958')).toBe('+442079460958');
  });
});

describe('toE164 as Admin reads numbers', () => {
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
  it('takes the region of the venue’s locale, else its currency’s country', () => {
    expect(venueCountry({ locale: 'ru-RU', currency: 'RUB' })).toBe('RU');
    expect(venueCountry({ locale: 'en_GB', currency: 'GBP' })).toBe('GB');
    expect(venueCountry({ locale: 'kk-kz', currency: 'KZT' })).toBe('KZ');
    expect(venueCountry({ locale: 'ru', currency: 'RUB' })).toBe('RU');
  });
});

describe('formatPhone (Admin)', () => {
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
