import { queryKeys, useBusEvent, useCan, useHost } from '@pos/plugin-sdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import { shiftAlertsKeys, useShiftAlerts } from '../../api/alerts';
import { type AlertLine, alertLines } from './alert-view';

/** The countdown moves this often (minutes are shown, so a few seconds late is fine). */
export const COUNTDOWN_MS = 5_000;

/**
 * The shift reminders, live: fetched on mount, refetched when the server pushes `shift.alert` (the
 * shell re-emits it on the bus) or the network comes back, counted down every few seconds. An
 * `auto_closed` notice also refetches the current shift, which the closeout hour just closed.
 */
export function useLiveAlerts(): { lines: AlertLine[]; closeoutAt: string | null } {
  const canView = useCan('shifts.view');
  const { queryClient } = useHost();
  const alerts = useShiftAlerts(canView);
  const receivedAt = useRef(Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    receivedAt.current = alerts.dataUpdatedAt || Date.now();
    setNow(Date.now());
  }, [alerts.dataUpdatedAt]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), COUNTDOWN_MS);
    return () => clearInterval(timer);
  }, []);
  useBusEvent('shift.alert', ({ alert }) => {
    void queryClient.invalidateQueries({ queryKey: shiftAlertsKeys.alerts });
    if (alert.kind === 'auto_closed') void queryClient.invalidateQueries({ queryKey: queryKeys.currentShift });
  });
  useBusEvent('connectivity.changed', ({ state }) => {
    if (state === 'online') void queryClient.invalidateQueries({ queryKey: shiftAlertsKeys.alerts });
  });

  const data = alerts.data;
  const lines = useMemo(() => (data ? alertLines(data, receivedAt.current, now) : []), [data, now]);
  return { lines, closeoutAt: data?.closeoutAt ?? null };
}
