import type { EnrolledDevice, LoginResult } from '@pos/contracts';
import { signInProofMessage } from '@pos/contracts/sign-in';

/**
 * This tablet's enrollment, per venue: the device id and its key. The key is imported as a
 * non-extractable HMAC key and kept as a CryptoKey in IndexedDB — scripts can use it to sign but
 * never read it back, so a copy of the tablet's storage or an XSS cannot carry it away as bytes.
 * Raw IndexedDB on purpose: this sits on the PIN pad's first load, which Dexie stays out of.
 */
export interface TabletEnrollment {
  venue: string;
  deviceId: string;
  name: string;
  key: CryptoKey;
}

const DB_NAME = 'pos-device';
const STORE = 'enrollments';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'venue' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export const loadEnrollment = (venue: string) => run<TabletEnrollment | undefined>('readonly', (s) => s.get(venue));

export const forgetEnrollment = (venue: string) => run('readwrite', (s) => s.delete(venue));

const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const toB64url = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Keeps what enrollment answered; the raw key bytes go out of scope here and are never stored. */
export async function saveEnrollment(enrolled: EnrolledDevice): Promise<TabletEnrollment> {
  const key = await crypto.subtle.importKey('raw', fromB64url(enrolled.deviceKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const record: TabletEnrollment = { venue: enrolled.venue.slug, deviceId: enrolled.deviceId, name: enrolled.name, key };
  await run('readwrite', (s) => s.put(record));
  return record;
}

/** HMAC-SHA256 under the device key, base64url (sign-in proofs; offline verifiers use the same key). */
export async function deviceMac(key: CryptoKey, message: BufferSource): Promise<string> {
  return toB64url(await crypto.subtle.sign('HMAC', key, message));
}

export interface SignInApi {
  challenge(venue: string, deviceId: string): Promise<{ challenge: string }>;
  login(input: { venue: string; pin: string; deviceId: string; challenge: string; proof: string }): Promise<LoginResult>;
}

/** Thrown when this tablet has no enrollment for the venue: the enrollment screen takes over. */
export class NotEnrolledError extends Error {
  constructor(readonly venue: string) {
    super(`This tablet is not enrolled in ${venue}`);
    this.name = 'NotEnrolledError';
  }
}

/** Sign-in as the server expects it: a fresh challenge, answered with the device key, then the PIN. */
export async function signInOnThisTablet(api: SignInApi, venue: string, pin: string): Promise<LoginResult> {
  const enrollment = await loadEnrollment(venue);
  if (!enrollment) throw new NotEnrolledError(venue);
  const { challenge } = await api.challenge(venue, enrollment.deviceId);
  const proof = await deviceMac(enrollment.key, new TextEncoder().encode(signInProofMessage(venue, enrollment.deviceId, challenge)));
  return api.login({ venue, pin, deviceId: enrollment.deviceId, challenge, proof });
}
