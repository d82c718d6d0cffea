import type { LoginResult } from '@pos/contracts';

/** The signed-in staff member of this tablet, kept across reloads. */
const KEY = 'pos.session';
const VENUE_KEY = 'pos.venue';
const DEVICE_KEY = 'pos.device';

export function loadSession(): LoginResult | null {
  try {
    const raw = localStorage.getItem(KEY);
    const session = raw ? (JSON.parse(raw) as LoginResult) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: LoginResult | null): void {
  if (session) {
    localStorage.setItem(KEY, JSON.stringify(session));
    localStorage.setItem(VENUE_KEY, session.venue.slug);
  } else localStorage.removeItem(KEY);
}

/** The venue this tablet belongs to: ?venue=… once, then remembered. */
export function currentVenueSlug(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('venue');
  if (fromUrl) localStorage.setItem(VENUE_KEY, fromUrl);
  return fromUrl ?? localStorage.getItem(VENUE_KEY) ?? 'demo';
}

/** A stable id of this tablet: PIN lockouts are per venue + device. */
export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}
