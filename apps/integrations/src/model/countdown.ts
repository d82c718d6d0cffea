/** "mm:ss" under an hour, "h:mm:ss" above; never negative (the sign is said in words). */
export function clock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}

/** Seconds from `now` to the courier's pickup; negative once it is late; null without a time. */
export function secondsToPickup(pickupAt: string | null, now: number): number | null {
  if (!pickupAt) return null;
  return Math.round((Date.parse(pickupAt) - now) / 1000);
}
