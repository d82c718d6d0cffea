import { type PendingPayments, useHost } from '@pos/plugin-sdk';
import { useEffect, useState } from 'react';

/** This tablet's payments still in its outbox, kept current; null on a host without `outbox` (before 1.3). */
export function usePendingPayments(): PendingPayments | null {
  const { outbox } = useHost();
  const [pending, setPending] = useState<PendingPayments | null>(null);
  useEffect(() => {
    if (!outbox) return undefined;
    let isMounted = true;
    const load = () => {
      outbox.pendingPayments().then(
        (p) => isMounted && setPending(p),
        () => undefined,
      );
    };
    load();
    const unsubscribe = outbox.subscribe(load);
    return () => {
      isMounted = false;
      unsubscribe();
    };
  }, [outbox]);
  return pending;
}
