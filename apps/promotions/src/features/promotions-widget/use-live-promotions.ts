import { useEffect, useMemo, useRef, useState } from 'react';
import { useActivePromotions } from '../../api/get-active-promotions';
import { livePromotions } from '../../model/countdown';

/** The countdowns move this often. */
export const TICK_MS = 1_000;
/** How long after a countdown reaches 0 the list is asked for again. */
export const DUE_DELAY_MS = 1_000;

/**
 * The active list, live: counted down every second from when the answer arrived (the local
 * clock's deltas, never its reading against the server's), fetched again once a countdown reaches
 * 0 (a window opened or closed). Offline the last list stays, and so do its countdowns.
 */
export function useLivePromotions(isOffline: boolean) {
  const query = useActivePromotions(isOffline);
  const receivedAt = query.dataUpdatedAt;
  const [now, setNow] = useState(() => Date.now());
  // The ticks start afresh with each answer, so each one lands a whole number of seconds after it.
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [receivedAt]);

  const data = query.data;
  const live = useMemo(() => (data ? livePromotions(data.promotions, receivedAt, now) : null), [data, receivedAt, now]);

  // One refetch per answer whose countdown ran out, a second after it: the server rounds the
  // seconds down, so the window opens (or closes) within that second.
  const refetchedFor = useRef(0);
  const isDue = live?.isDue ?? false;
  const { refetch } = query;
  useEffect(() => {
    if (!isDue || isOffline || refetchedFor.current === receivedAt) return;
    refetchedFor.current = receivedAt;
    const timer = setTimeout(() => void refetch(), DUE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [isDue, isOffline, receivedAt, refetch]);

  return { data, items: live?.items ?? [], receivedAt, error: query.error };
}
