import { webcrypto } from 'node:crypto';
import { cardCode, checkGuestQr, GUEST_CODE_TTL_S, guestAppCode } from './guest-qr';

if (!globalThis.crypto) Object.assign(globalThis, { crypto: webcrypto });

const key = new Uint8Array(32).map((_, i) => i * 7 + 1);
const otherKey = new Uint8Array(32).map((_, i) => i * 5 + 3);
const venue = '0190d5a0-0000-7000-8000-00000000000a';
const otherVenue = '0190d5a0-0000-7000-8000-00000000000b';
const customer = '0190d5a0-0000-7000-8000-0000000000c1';
const card = '0190d5a0-0000-7000-8000-0000000000d1';
const now = 1_796_600_000;

describe('guest QR codes', () => {
  it('accepts a fresh guest-app code and a card code, naming whose they are', async () => {
    const code = await guestAppCode(key, venue, customer, now);
    expect(code).toMatch(/^PQ1\.[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(await checkGuestQr(key, venue, code, now + 10)).toEqual({ ok: true, kind: 'guest_app', customerId: customer, issuedAt: now });
    expect(await checkGuestQr(key, venue, await cardCode(key, venue, card), now)).toEqual({ ok: true, kind: 'card', cardId: card });
  });

  it(`refuses a guest-app code replayed after ${GUEST_CODE_TTL_S} s, and one from the far future`, async () => {
    const code = await guestAppCode(key, venue, customer, now);
    expect((await checkGuestQr(key, venue, code, now + GUEST_CODE_TTL_S)).ok).toBe(true);
    expect(await checkGuestQr(key, venue, code, now + GUEST_CODE_TTL_S + 1)).toEqual({ ok: false, reason: 'expired' });
    expect((await checkGuestQr(key, venue, code, now - 5)).ok).toBe(true);
    expect(await checkGuestQr(key, venue, code, now - 6)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses an altered code, another key, another venue, and a made-up one', async () => {
    const code = await guestAppCode(key, venue, customer, now);
    const [p, , t, sig] = code.split('.');
    // Another customer's id with this signature; a later time with this signature; one flipped character.
    expect(await checkGuestQr(key, venue, `${p}.0190d5a0-0000-7000-8000-0000000000c2.${t}.${sig}`, now)).toEqual({ ok: false, reason: 'forged' });
    expect(await checkGuestQr(key, venue, `${p}.${customer}.${Number(t) + 30}.${sig}`, now + 30)).toEqual({ ok: false, reason: 'forged' });
    const flipped = sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A');
    expect(await checkGuestQr(key, venue, `${p}.${customer}.${t}.${flipped}`, now)).toEqual({ ok: false, reason: 'forged' });
    expect(await checkGuestQr(otherKey, venue, code, now)).toEqual({ ok: false, reason: 'forged' });
    expect(await checkGuestQr(key, otherVenue, code, now)).toEqual({ ok: false, reason: 'forged' });
    expect(await checkGuestQr(key, otherVenue, await cardCode(key, venue, card), now)).toEqual({ ok: false, reason: 'forged' });
  });

  it('calls anything else malformed', async () => {
    for (const code of ['', 'hello', 'PQ1.x.1.y', `PQ1.${customer}.abc.${'A'.repeat(22)}`, `PC1.${card}`, `PX1.${card}.${'A'.repeat(22)}`, `PC1.${card}.${'A'.repeat(21)}`]) {
      expect(await checkGuestQr(key, venue, code, now)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});
