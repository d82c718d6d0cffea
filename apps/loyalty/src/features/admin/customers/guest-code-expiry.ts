/**
 * When a guest-app code fetched at `receivedAt` (this tablet's clock, ms) runs out on this
 * tablet's clock. The server says `validUntil` on its own clock; the code carries the second it
 * was made (`PQ1.<customer>.<t>.<sig>`), so its lifetime is `validUntil − t`, counted from when it
 * arrived: a tablet whose clock is off still counts down right. Without a readable `t`, the
 * server's `validUntil` as it stands.
 */
export function guestCodeExpiry(code: string, validUntil: string, receivedAt: number): number {
  const until = Date.parse(validUntil);
  const madeAt = Number(code.split('.')[2]) * 1000;
  if (!code.startsWith('PQ1.') || !Number.isFinite(madeAt) || madeAt <= 0 || madeAt > until) return until;
  return receivedAt + (until - madeAt);
}

/** Asked for the next code this many seconds before the shown one runs out (a scan under way still gets a valid code). */
export const REFRESH_LEAD_S = 5;
