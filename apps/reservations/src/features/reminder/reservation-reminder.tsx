import { businessDate, zonedTime } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { type SlotProps, useHost } from '@pos/plugin-sdk';
import { useMemo } from 'react';
import { useReservations } from '../../api/get-reservations';
import { useReservationEvents } from '../../api/use-reservation-events';
import { holdsTable, LATE_AFTER_MS } from '../../model/table-state';
import { minutesUntil, useNow } from '../../model/venue-clock';
import styles from './reservation-reminder.module.css';

/** The reminder shows for bookings starting within this long (and while their guests are due). */
export const REMIND_BEFORE_MS = 30 * 60_000;

/**
 * On the order screen of a table booked within the next 30 minutes: "reserved at 19:30 for
 * Ivanova, 4 guests", so whoever took the table knows it must be free by then.
 */
export function ReservationReminder({ context: { order } }: SlotProps<'order.side-panel'>) {
  const { session, can } = useHost();
  const { t } = useTranslation('reservations');
  const timeZone = session.venue.timezone;
  const now = useNow();
  const canView = can('reservations.view');
  const today = businessDate(now, timeZone);
  // Near midnight the next booking may belong to tomorrow's business day.
  const horizonDay = businessDate(now + REMIND_BEFORE_MS, timeZone);
  useReservationEvents();
  const todays = useReservations(today, { enabled: canView && Boolean(order.tableId) });
  const tomorrows = useReservations(horizonDay, { enabled: canView && Boolean(order.tableId) && horizonDay !== today });

  const tableId = order.tableId;
  const next = useMemo(() => {
    if (!tableId) return undefined;
    const all = [...(todays.data ?? []), ...(horizonDay !== today ? (tomorrows.data ?? []) : [])];
    return all
      .filter((r) => r.status === 'booked' && holdsTable(r, tableId))
      .filter((r) => {
        const starts = Date.parse(r.startsAt);
        return starts - now <= REMIND_BEFORE_MS && now < starts + LATE_AFTER_MS;
      })
      .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  }, [tableId, todays.data, tomorrows.data, horizonDay, today, now]);

  if (!canView || !next) return null;
  const minutes = minutesUntil(next.startsAt, now);
  return (
    <aside className={styles.reminder} role="status" data-testid="reservation-reminder">
      <b>{t('reminder.title')}</b>
      <span>{t('reminder.text', { time: zonedTime(next.startsAt, timeZone), name: next.guestName, guests: t('guests', { count: next.guests }) })}</span>
      <small>{minutes > 0 ? t('reminder.hint', { count: minutes }) : t('reminder.hintDue')}</small>
    </aside>
  );
}
