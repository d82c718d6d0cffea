import { countryOf, formatPhone, looksLikePhone, toE164, venueCountry } from './phone';

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
