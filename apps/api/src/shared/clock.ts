/** The one source of "now" on the server, so tests can move time (lockouts, expiries). */
export const clock = {
  now: (): Date => new Date(),
};

export const nowIso = (): string => clock.now().toISOString();

export const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
