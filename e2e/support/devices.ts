import { createHmac } from 'node:crypto';

/**
 * Tablets sign in only once enrolled (issue 13). The specs enroll theirs the way staff do: the
 * first one of each venue with the one-time code the server prints at start-up, the browsers'
 * with codes an admin issues (`POST /admin/devices/enrollment-codes`) typed on the enrollment screen.
 */

/** Codes the servers printed at start-up, by server URL and venue, not yet used. */
const startCodes = new Map<string, Map<string, string[]>>();
let lastServer: string | undefined;
const nodeDevices = new Map<string, Promise<NodeDevice>>();

const partialLines = new Map<string, string>();

/** Reads the start-up output of a server for its enrollment links (`?venue=<slug>&enroll=<CODE>`). */
export function recordStartOutput(serverUrl: string, chunk: string) {
  lastServer = serverUrl;
  const text = (partialLines.get(serverUrl) ?? '') + chunk;
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  partialLines.set(serverUrl, text.slice(complete.length));
  for (const [, venue, code] of complete.matchAll(/[?&]venue=([a-z0-9-]+)&enroll=([A-Z0-9-]+)/g)) {
    const byVenue = startCodes.get(serverUrl) ?? new Map<string, string[]>();
    byVenue.set(venue, [...(byVenue.get(venue) ?? []), code]);
    startCodes.set(serverUrl, byVenue);
  }
}

/** A new server on a port a stopped one used: nothing of the old one's tablets is valid there. */
export function forgetServer(serverUrl: string) {
  startCodes.delete(serverUrl);
  partialLines.delete(serverUrl);
  for (const key of nodeDevices.keys()) if (key.startsWith(`${serverUrl}|`)) nodeDevices.delete(key);
}

/** A proxy in front of a server (fault injection) has the server's codes: the last started one. */
const serverOf = (baseUrl: string) => (startCodes.has(baseUrl) ? baseUrl : (lastServer ?? baseUrl));

interface NodeDevice {
  deviceId: string;
  key: Buffer;
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The test runner's own tablet in a venue, enrolled once with a start-up code. */
function nodeDevice(baseUrl: string, venue: string): Promise<NodeDevice> {
  const key = `${serverOf(baseUrl)}|${venue}`;
  if (!nodeDevices.has(key)) {
    const enrolling = (async () => {
      // The codes are printed right after the server starts answering: wait for them a little.
      let code: string | undefined;
      for (let waited = 0; !code && waited < 15_000; waited += 100) {
        code = startCodes.get(serverOf(baseUrl))?.get(venue)?.shift();
        if (!code) await new Promise((r) => setTimeout(r, 100));
      }
      if (!code) throw new Error(`no start-up enrollment code of ${venue} left for ${baseUrl}`);
      const enrolled = await post<{ deviceId: string; deviceKey: string }>(`${baseUrl}/pos/devices/enroll`, { venue, code, name: 'e2e runner' });
      return { deviceId: enrolled.deviceId, key: Buffer.from(enrolled.deviceKey, 'base64url') };
    })();
    enrolling.catch(() => nodeDevices.delete(key));
    nodeDevices.set(key, enrolling);
  }
  return nodeDevices.get(key)!;
}

/** The body of a sign-in from the runner's tablet: a fresh challenge answered with its key. */
export async function signInBody(baseUrl: string, venue: string, pin: string) {
  const device = await nodeDevice(baseUrl, venue);
  const { challenge } = await post<{ challenge: string }>(`${baseUrl}/pos/auth/challenge`, { venue, deviceId: device.deviceId });
  const proof = createHmac('sha256', device.key).update(`pos-sign-in.v1.${venue}.${device.deviceId}.${challenge}`).digest('base64url');
  return { venue, pin, deviceId: device.deviceId, challenge, proof };
}

/** A fresh one-time code for a browser tablet, issued by the venue's admin as in Admin → Devices. */
export async function enrollmentCode(baseUrl: string, venue: string): Promise<string> {
  const { token } = await post<{ token: string }>(`${baseUrl}/pos/auth/login`, await signInBody(baseUrl, venue, '999999'));
  const { code } = await post<{ code: string }>(`${baseUrl}/admin/devices/enrollment-codes`, { ttlMinutes: 15 }, token);
  return code;
}
