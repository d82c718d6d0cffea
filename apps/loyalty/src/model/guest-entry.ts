import { isGiftCardCode, normalizeGiftCardCode } from '@pos/contracts';
import { looksLikePhone, toE164 } from './phone';

/**
 * What the cashier typed or the camera read in the guest panel: a guest's code (the guest app's
 * rotating one or a printed card's), a phone number, or a gift card code (which belongs in the
 * pay dialog, not here).
 */
export type GuestEntry =
  | { kind: 'empty' }
  | { kind: 'qr'; qr: string }
  | { kind: 'phone'; phone: string }
  /** Written like a phone, but not a whole number in the venue's country. */
  | { kind: 'badPhone' }
  | { kind: 'giftCard'; code: string }
  | { kind: 'unknown' };

/** The guest codes signed by a venue: `PQ1.` (guest app) and `PC1.` (printed card). */
const GUEST_CODE = /^P[QC]1\.\S+$/;

export function readGuestEntry(text: string, country: string | null): GuestEntry {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (GUEST_CODE.test(trimmed)) return { kind: 'qr', qr: trimmed };
  if (looksLikePhone(trimmed)) {
    const phone = toE164(trimmed, country);
    return phone ? { kind: 'phone', phone } : { kind: 'badPhone' };
  }
  if (isGiftCardCode(trimmed)) return { kind: 'giftCard', code: normalizeGiftCardCode(trimmed) };
  return { kind: 'unknown' };
}

/** What the camera read: a guest's code goes to the server as it is (it says why a code is refused). */
export function readScannedCode(data: string): GuestEntry {
  const trimmed = data.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (isGiftCardCode(trimmed)) return { kind: 'giftCard', code: normalizeGiftCardCode(trimmed) };
  return trimmed.length >= 10 && trimmed.length <= 300 ? { kind: 'qr', qr: trimmed } : { kind: 'unknown' };
}
