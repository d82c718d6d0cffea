import { giftCardCheckSymbol } from '@pos/contracts';
import { readGuestEntry, readScannedCode } from './guest-entry';

const body = 'K7M2P9QR4TX3V';
const giftCard = body + giftCardCheckSymbol(body);
const appCode = 'PQ1.0190a000-0000-7000-8000-000000000c01.1765100000.AAAAAAAAAAAAAAAAAAAAAA';

describe('readGuestEntry', () => {
  it('reads a typed phone in the venue’s country as E.164', () => {
    expect(readGuestEntry(' 8 916 123-45-67 ', 'RU')).toEqual({ kind: 'phone', phone: '+79161234567' });
  });

  it('tells an incomplete phone apart from something that is no phone', () => {
    expect(readGuestEntry('8 916 123-45', 'RU')).toEqual({ kind: 'badPhone' });
    expect(readGuestEntry('8 916 12', 'RU')).toEqual({ kind: 'badPhone' });
    expect(readGuestEntry('hello', 'RU')).toEqual({ kind: 'unknown' });
    expect(readGuestEntry('   ', 'RU')).toEqual({ kind: 'empty' });
  });

  it('passes a guest code on as it is, for the server to check', () => {
    expect(readGuestEntry(appCode, 'RU')).toEqual({ kind: 'qr', qr: appCode });
    expect(readGuestEntry('PC1.x.y', 'RU')).toEqual({ kind: 'qr', qr: 'PC1.x.y' });
  });

  it('recognises a gift card code typed with dashes and lower case, and only with a right check symbol', () => {
    const typed = `${giftCard.slice(0, 4)}-${giftCard.slice(4, 8)}-${giftCard.slice(8, 12)}-${giftCard.slice(12)}`.toLowerCase();
    expect(readGuestEntry(typed, 'RU')).toEqual({ kind: 'giftCard', code: giftCard });
    const wrongCheck = body + (giftCard.endsWith('0') ? '1' : '0');
    expect(readGuestEntry(wrongCheck, 'RU')).toEqual({ kind: 'unknown' });
  });
});

describe('readScannedCode', () => {
  it('sends any plausible scanned code to the server, which says why it is refused', () => {
    expect(readScannedCode(appCode)).toEqual({ kind: 'qr', qr: appCode });
    expect(readScannedCode('https://example.com/some-other-qr')).toEqual({ kind: 'qr', qr: 'https://example.com/some-other-qr' });
  });
  it('keeps a gift card code out of the guest lookup', () => {
    expect(readScannedCode(giftCard)).toEqual({ kind: 'giftCard', code: giftCard });
  });
  it('ignores what cannot be a code', () => {
    expect(readScannedCode('123')).toEqual({ kind: 'unknown' });
    expect(readScannedCode('')).toEqual({ kind: 'empty' });
  });
});
