import { defaultTillId, differenceSign, differenceTone, parseAmount, pressKey, shiftDuration } from './shift-rules';

describe('the difference of a closed shift', () => {
  it('is balanced at zero, a shortage below, a surplus above', () => {
    expect(differenceTone(0)).toBe('balanced');
    expect(differenceTone(-1)).toBe('short');
    expect(differenceTone(-74_000)).toBe('short');
    expect(differenceTone(1)).toBe('over');
  });

  it('is signed with a typographic minus and a plus, zero unsigned', () => {
    expect(differenceSign(0)).toBe('');
    expect(differenceSign(-500)).toBe('−');
    expect(differenceSign(500)).toBe('+');
  });
});

describe('shift duration', () => {
  it('counts whole hours and minutes, never below zero', () => {
    const opened = '2026-03-02T09:10:00.000Z';
    expect(shiftDuration(opened, Date.parse('2026-03-02T12:25:59.000Z'))).toEqual({ hours: 3, minutes: 15 });
    expect(shiftDuration(opened, Date.parse('2026-03-02T09:00:00.000Z'))).toEqual({ hours: 0, minutes: 0 });
  });
});

describe('amounts typed by the cashier', () => {
  it('reads them in minor units; empty or garbage is null', () => {
    expect(parseAmount('5000', 'RUB')).toBe(500_000);
    expect(parseAmount('5 000,50', 'RUB')).toBe(500_050);
    expect(parseAmount('12.5', 'RUB')).toBe(1_250);
    expect(parseAmount('', 'RUB')).toBeNull();
    expect(parseAmount('  ', 'RUB')).toBeNull();
    expect(parseAmount('12,345', 'RUB')).toBeNull();
    expect(parseAmount('-5', 'RUB')).toBeNull();
  });

  it('builds them key by key on the keypad', () => {
    const type = (keys: Parameters<typeof pressKey>[1][], separator: ',' | '.' = ',') => keys.reduce((text, key) => pressKey(text, key, separator), '');
    expect(type(['5', '0', '0', '0'])).toBe('5000');
    expect(type(['0', '0', '7'])).toBe('7');
    expect(type(['decimal', '5'])).toBe('0,5');
    expect(type(['1', 'decimal', '2', '5', '9'])).toBe('1,25');
    expect(type(['1', 'decimal', 'decimal', '2'])).toBe('1,2');
    expect(type(['1', 'decimal', '5'], '.')).toBe('1.5');
    expect(type(['1', '2', 'back'])).toBe('1');
    expect(type(['back'])).toBe('');
    expect(type(Array(12).fill('9'))).toBe('999999999');
  });
});

describe('defaultTillId', () => {
  const busy = { cashierName: 'Вера' };
  const tills = [
    { id: 'kassa-1', openShift: null },
    { id: 'bar', openShift: null },
    { id: 'terrace', openShift: busy },
  ];

  it("picks the tablet's own till while it is free", () => {
    expect(defaultTillId(tills, 'bar')).toBe('bar');
  });

  it("falls back to the first free till when the tablet has none, or someone's shift holds it", () => {
    expect(defaultTillId(tills, null)).toBe('kassa-1');
    expect(defaultTillId(tills, 'terrace')).toBe('kassa-1');
    expect(defaultTillId([{ id: 'terrace', openShift: busy }, { id: 'bar', openShift: null }], 'terrace')).toBe('bar');
  });

  it('picks nothing when every till is taken or there are none', () => {
    expect(defaultTillId([{ id: 'terrace', openShift: busy }], 'terrace')).toBeNull();
    expect(defaultTillId([], 'bar')).toBeNull();
  });
});
