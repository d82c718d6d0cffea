/**
 * The codes a guest shows at the till (issue 18), signed with the venue's loyalty key (HMAC-SHA256,
 * WebCrypto — the same in the guest app, a browser and Node):
 *
 * - the guest app's rotating code `PQ1.<customerId>.<unix seconds>.<signature>`: valid for
 *   `GUEST_CODE_TTL_S` seconds after it was made (and `GUEST_CODE_SKEW_S` before, for a phone whose
 *   clock runs ahead), so a screenshot replayed later is refused;
 * - a printed card's static code `PC1.<cardId>.<signature>`: valid until the venue revokes the card.
 *
 * The signature covers the venue's id too, so a code of one venue is worthless in another. It is
 * the first 16 bytes of the HMAC (128 bits), base64url — short enough for a small QR, far beyond
 * guessing. The guest app holds the venue's key and calls `guestAppCode` every few seconds.
 */

export const GUEST_CODE_TTL_S = 60;
export const GUEST_CODE_SKEW_S = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{22}$/;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function sign(keyBytes: Uint8Array, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(keyBytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
  return base64url(mac.slice(0, 16));
}

/** Compares two signatures without an early exit (the time taken says nothing about the right one). */
function sameSignature(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The loyalty key as stored (base64url of 32 random bytes) → bytes. */
export const loyaltyKeyBytes = (key: string) => fromBase64url(key);

/** The guest app's code for `customerId` at `nowSeconds` (unix time). */
export async function guestAppCode(key: Uint8Array, venueId: string, customerId: string, nowSeconds: number): Promise<string> {
  const t = Math.floor(nowSeconds);
  return `PQ1.${customerId}.${t}.${await sign(key, `PQ1.${venueId}.${customerId}.${t}`)}`;
}

/** A printed card's static code. */
export async function cardCode(key: Uint8Array, venueId: string, cardId: string): Promise<string> {
  return `PC1.${cardId}.${await sign(key, `PC1.${venueId}.${cardId}`)}`;
}

export type GuestQrCheck =
  | { ok: true; kind: 'guest_app'; customerId: string; issuedAt: number }
  | { ok: true; kind: 'card'; cardId: string }
  /** `malformed`: not one of our codes; `forged`: the signature does not match (made up or altered); `expired`: a guest-app code older than its TTL or from the future. */
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Checks a scanned code: its form, its signature, and for a guest-app code its age. */
export async function checkGuestQr(key: Uint8Array, venueId: string, code: string, nowSeconds: number): Promise<GuestQrCheck> {
  const parts = code.trim().split('.');
  if (parts[0] === 'PQ1' && parts.length === 4) {
    const [, customerId, t, signature] = parts;
    if (!UUID.test(customerId) || !/^\d{1,12}$/.test(t) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
    if (!sameSignature(signature, await sign(key, `PQ1.${venueId}.${customerId}.${t}`))) return { ok: false, reason: 'forged' };
    const age = Math.floor(nowSeconds) - Number(t);
    if (age > GUEST_CODE_TTL_S || age < -GUEST_CODE_SKEW_S) return { ok: false, reason: 'expired' };
    return { ok: true, kind: 'guest_app', customerId, issuedAt: Number(t) };
  }
  if (parts[0] === 'PC1' && parts.length === 3) {
    const [, cardId, signature] = parts;
    if (!UUID.test(cardId) || !SIGNATURE.test(signature)) return { ok: false, reason: 'malformed' };
    if (!sameSignature(signature, await sign(key, `PC1.${venueId}.${cardId}`))) return { ok: false, reason: 'forged' };
    return { ok: true, kind: 'card', cardId };
  }
  return { ok: false, reason: 'malformed' };
}
