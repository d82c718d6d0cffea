import { type Reservation, zonedTime } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, type BadgeTone, Button } from '@pos/ui';
import { useSeatReservation } from '../../api/reservation-commands';
import { bookingPhase } from '../../model/table-state';
import { minutesUntil } from '../../model/venue-clock';
import styles from './reservations-mode.module.css';

const BADGE: Record<string, BadgeTone> = { soon: 'warning', due: 'accent', late: 'danger' };

/** The guests the host expects now — due, late, or within the hour — each seated with one tap. */
export function UpcomingList({ reservations, now, timeZone, canSeat, onOpen }: { reservations: readonly Reservation[]; now: number; timeZone: string; canSeat: boolean; onOpen(r: Reservation): void }) {
  const { t } = useTranslation('reservations');
  const { notify } = useHost();
  const seat = useSeatReservation();
  return (
    <section className={styles.upcoming} aria-label={t('upcoming')}>
      <h3>{t('upcoming')}</h3>
      <ul>
        {reservations.slice(0, 4).map((r) => {
          const phase = bookingPhase(r, now) ?? 'later';
          const minutes = minutesUntil(r.startsAt, now);
          return (
            <li key={r.id} data-testid={`upcoming-${r.id}`}>
              <button type="button" className={styles.upcomingInfo} onClick={() => onOpen(r)}>
                <b>{zonedTime(r.startsAt, timeZone)}</b>
                <span className={styles.upcomingName}>{r.guestName}</span>
                <span className={styles.muted}>
                  {t('guests', { count: r.guests })} · {r.tables.map((tb) => tb.label).join('+')}
                </span>
                <Badge tone={BADGE[phase] ?? 'neutral'}>{minutes < 0 ? t('minutesLate', { count: -minutes }) : minutes > 0 ? t('inMinutes', { count: minutes }) : t('phase.due')}</Badge>
              </button>
              {canSeat && (
                <Button
                  variant="primary"
                  disabled={seat.isPending}
                  data-testid={`seat-${r.id}`}
                  onClick={() => seat.mutate({ reservation: r }, { onError: (error) => notify('error', t('failed', { message: problemText(t, error) })) })}
                >
                  {seat.isPending && seat.variables?.reservation.id === r.id ? t('seating') : t('seat')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
