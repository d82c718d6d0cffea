/**
 * A request id for one attempt of a change (`clientRequestId`): the server answers a retried
 * attempt from its idempotency store instead of doing it twice. The remote may not import the
 * api-client's UUID v7 helper (`@pos/plugin-sdk` does not re-export it), so the browser's own.
 */
export function newRequestId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `integrations-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
