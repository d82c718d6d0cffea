import { type Reservation, zonedTime } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog } from '@pos/ui';
import { useState } from 'react';
import { useCancelReservation, useMarkNoShow, useSeatReservation } from '../../api/reservation-commands';
import { bookingPhase } from '../../model/table-state';
import { formatDay, minutesUntil } from '../../model/venue-clock';
import styles from './reservation-dialog.module.css';

/** Guests may be seated this long before their time (the server's rule). */
const SEAT_EARLIEST_MIN = 120;

export interface ReservationDetailsProps {
  reservation: Reservation;
  now: number;
  onEdit(): void;
  onClose(): void;
}

/** One booking: who, when, where; seat the party, change, cancel with a reason, or mark a no-show. */
export function ReservationDetails({ reservation: r, now, onEdit, onClose }: ReservationDetailsProps) {
  const { t, i18n } = useTranslation('reservations');
  const { session, can, notify } = useHost();
  const timeZone = session.venue.timezone;
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const seat = useSeatReservation();
  const cancel = useCancelReservation();
  const noShow = useMarkNoShow();
  const busy = seat.isPending || cancel.isPending || noShow.isPending;
  const fail = (error: Error) => notify('error', t('failed', { message: problemText(t, error) }));

  const isBooked = r.status === 'booked';
  const canManage = can('reservations.manage');
  const minutes = minutesUntil(r.startsAt, now);
  const phase = bookingPhase(r, now);
  const labels = r.tables.map((tb) => tb.label).join('+');
  const reasons = t('details.reasons', { returnObjects: true }) as string[];

  if (cancelling) {
    return (
      <Dialog
        title={t('details.cancelTitle', { name: r.guestName })}
        onClose={onClose}
        closeLabel={t('dialog.close')}
        footer={
          <>
            <Button size="large" onClick={() => setCancelling(false)}>
              {t('details.back')}
            </Button>
            <Button
              size="large"
              variant="danger"
              disabled={busy || reason.trim().length < 2}
              data-testid="reservation-cancel-confirm"
              onClick={() =>
                cancel.mutate(
                  { id: r.id, reason: reason.trim() },
                  {
                    onSuccess: () => {
                      notify('info', t('details.cancelled', { name: r.guestName }));
                      onClose();
                    },
                    onError: fail,
                  },
                )
              }
            >
              {t('details.confirmCancel')}
            </Button>
          </>
        }
      >
        <div className={styles.details}>
          <div className={styles.reasons}>
            {reasons.map((text) => (
              <Button key={text} onClick={() => setReason(text)} aria-pressed={reason === text}>
                {text}
              </Button>
            ))}
          </div>
          <label className={styles.field}>
            <span>{t('details.reason')}</span>
            <input className={styles.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="reservation-cancel-reason" />
          </label>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={
        <span className={styles.detailsTitle}>
          {r.guestName} · {t('guests', { count: r.guests })}
        </span>
      }
      onClose={onClose}
      closeLabel={t('dialog.close')}
      footer={
        isBooked && canManage ? (
          <>
            <Button onClick={() => setCancelling(true)} disabled={busy} data-testid="reservation-cancel">
              {t('details.cancel')}
            </Button>
            {minutes <= 0 && (
              <Button
                disabled={busy}
                data-testid="reservation-no-show"
                onClick={() =>
                  noShow.mutate(r.id, {
                    onSuccess: () => {
                      notify('info', t('details.markedNoShow', { name: r.guestName }));
                      onClose();
                    },
                    onError: fail,
                  })
                }
              >
                {t('details.noShow')}
              </Button>
            )}
            <Button onClick={onEdit} disabled={busy} data-testid="reservation-edit">
              {t('details.edit')}
            </Button>
            {can('tables.open') && minutes <= SEAT_EARLIEST_MIN && (
              <Button variant="primary" size="large" disabled={busy} data-testid="reservation-seat" onClick={() => seat.mutate({ reservation: r }, { onError: fail })}>
                {seat.isPending ? t('seating') : t('seat')}
              </Button>
            )}
          </>
        ) : undefined
      }
    >
      <dl className={styles.details} data-testid="reservation-details" data-status={r.status}>
        <dt>{t('details.when')}</dt>
        <dd>
          <b>
            {zonedTime(r.startsAt, timeZone)}–{zonedTime(r.endsAt, timeZone)}
          </b>
          , {formatDay(r.date, i18n.language)}{' '}
          {isBooked && phase && phase !== 'later' && (
            <Badge tone={phase === 'late' ? 'danger' : phase === 'due' ? 'accent' : 'warning'}>
              {minutes < 0 ? t('minutesLate', { count: -minutes }) : t('inMinutes', { count: minutes })}
            </Badge>
          )}
          {!isBooked && <Badge tone={r.status === 'seated' ? 'success' : 'neutral'}>{t(`status.${r.status}`)}</Badge>}
        </dd>
        <dt>{t('dialog.tables')}</dt>
        <dd>{r.tables.length > 1 ? t('tables', { labels }) : t('table', { label: labels })}</dd>
        <dt>{t('details.phone')}</dt>
        <dd>
          <a href={`tel:${r.guestPhone}`}>{r.guestPhone}</a>
        </dd>
        {r.note && (
          <>
            <dt>{t('details.note')}</dt>
            <dd>{r.note}</dd>
          </>
        )}
        {r.cancelReason && (
          <>
            <dt />
            <dd>{t('details.reasonLabel', { reason: r.cancelReason })}</dd>
          </>
        )}
        <dt />
        <dd className={styles.muted}>{t('details.createdBy', { name: r.createdByName })}</dd>
      </dl>
    </Dialog>
  );
}
