// Tablets sign in only once enrolled (issue 13). The bench enrolls its own "tablet" per venue with
// the one-time code the API prints at start-up, and gets codes for browsers from the venue's admin.
import { createHmac } from 'node:crypto';

const startCodes = new Map();
const devices = new Map();

/** Reads the API's start-up output for its enrollment links (`?venue=<slug>&enroll=<CODE>`). */
export function recordStartCodes(output) {
  // Keyed by the port in the link as well: the scale parts run several APIs, each with its own codes.
  for (const [, port, venue, code] of output.matchAll(/:(\d+)\/?\?venue=([a-z0-9-]+)&enroll=([A-Z0-9-]+)/g)) {
    const key = `${port}|${venue}`;
    if (!startCodes.has(key)) startCodes.set(key, []);
    if (!startCodes.get(key).includes(code)) startCodes.get(key).push(code);
  }
}

const keyOf = (baseUrl, venue) => `${new URL(baseUrl).port}|${venue}`;

async function post(url, body, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function device(baseUrl, venue) {
  const key = keyOf(baseUrl, venue);
  if (!devices.has(key)) {
    const code = startCodes.get(key)?.shift();
    if (!code) throw new Error(`no start-up enrollment code for venue ${venue} (start the API with ENROLLMENT_CODE_FOR=${venue})`);
    devices.set(
      key,
      post(`${baseUrl}/pos/devices/enroll`, { venue, code, name: 'bench' }).then((d) => ({ id: d.deviceId, key: Buffer.from(d.deviceKey, 'base64url') })),
    );
  }
  return devices.get(key);
}

/** Signs in like a tablet: a fresh challenge answered with the device key, then the PIN. Returns the token. */
export async function deviceLogin(baseUrl, venue, pin) {
  const d = await device(baseUrl, venue);
  const { challenge } = await post(`${baseUrl}/pos/auth/challenge`, { venue, deviceId: d.id });
  const proof = createHmac('sha256', d.key).update(`pos-sign-in.v1.${venue}.${d.id}.${challenge}`).digest('base64url');
  const body = await post(`${baseUrl}/pos/auth/login`, { venue, pin, deviceId: d.id, challenge, proof });
  return body.token;
}

/** A fresh one-time code for a browser, issued by the venue's admin (PIN 999999). */
export async function enrollmentCode(baseUrl, venue) {
  const token = await deviceLogin(baseUrl, venue, '999999');
  return (await post(`${baseUrl}/admin/devices/enrollment-codes`, { ttlMinutes: 15 }, token)).code;
}
