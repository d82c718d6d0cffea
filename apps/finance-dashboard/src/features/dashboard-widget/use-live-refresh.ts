import { useBusEvent } from '@pos/plugin-sdk';
import { useEffect, useRef } from 'react';

/** A burst of payments (a split bill, several tills at once) within this makes one request. */
export const PAYMENT_BURST_MS = 300;

/**
 * Refetches the figures once a payment or a refund moved anywhere in the venue (the shell re-emits
 * the server's `payment.status` on the bus), at most one request per burst: the first event starts
 * the wait, the ones inside it ride along, so the figures follow within ~300 ms plus the request.
 * Also when the network comes back.
 */
export function useLiveRefresh(refetch: () => void, burstMs = PAYMENT_BURST_MS): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasOffline = useRef(false);

  const schedule = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, burstMs);
  };
  useBusEvent('payment.status', schedule);
  useBusEvent('connectivity.changed', ({ state }) => {
    if (state === 'offline') wasOffline.current = true;
    else if (wasOffline.current) {
      wasOffline.current = false;
      schedule();
    }
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
}
