import { addDays, businessDate, type Reservation, type Table, zonedTime } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import type { FloorTableMark, SlotProps } from '@pos/plugin-sdk';
import { useHost } from '@pos/plugin-sdk';
import { Button, Icon, ToneLegend } from '@pos/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useReservations } from '../../api/get-reservations';
import { useReservationEvents } from '../../api/use-reservation-events';
import { byLabel } from '../../model/booking-slots';
import { PHASE_TONE, PHASES, type TablePhase, tableState, upcoming } from '../../model/table-state';
import { formatDay, useNow } from '../../model/venue-clock';
import { ReservationDetails } from '../reservation-dialog/reservation-details';
import { ReservationDialog, type ReservationDraft } from '../reservation-dialog/reservation-dialog';
import { Timeline } from './timeline';
import { UpcomingList } from './upcoming-list';
import styles from './reservations-mode.module.css';

type Open = { kind: 'new'; draft: ReservationDraft } | { kind: 'edit'; reservation: Reservation } | { kind: 'details'; id: string } | null;

/**
 * The "Reservations" mode of the floor map: paints every table of the hall by what it means for
 * the host now (free, booked later, within the hour, due, late, seated from a booking), and sits
 * beside the map with the day's bookings on a timeline, the guests expected now (seated with one
 * tap) and the booking dialog.
 */
export function ReservationsMode({ context: floor }: SlotProps<'floor.mode'>) {
  const { session, can } = useHost();
  const timeZone = session.venue.timezone;
  const { t, i18n } = useTranslation('reservations');
  const now = useNow();
  const today = businessDate(now, timeZone);
  const [date, setDate] = useState(today);
  const [open, setOpen] = useState<Open>(null);
  const isToday = date === today;
  const canManage = can('reservations.manage');
  useReservationEvents();

  const day = useReservations(date);
  const tables = useMemo(() => [...floor.tables].sort(byLabel), [floor.tables]);
  const tableIds = useMemo(() => new Set(tables.map((tb) => tb.id)), [tables]);
  const hallReservations = useMemo(() => (day.data ?? []).filter((r) => r.tables.some((tb) => tableIds.has(tb.id))), [day.data, tableIds]);
  const states = useMemo(() => new Map(tables.map((tb) => [tb.id, tableState(tb, hallReservations, now, isToday)])), [tables, hallReservations, now, isToday]);

  const marks = useMemo(() => {
    const out: Record<string, FloorTableMark> = {};
    for (const [id, state] of states) {
      const r = state.reservation;
      const time = r ? zonedTime(r.startsAt, timeZone) : '';
      out[id] =
        state.phase === 'busy'
          ? { tone: PHASE_TONE.busy, state: 'busy', caption: r ? t('next', { time }) : t('phase.busy') }
          : state.phase === 'free' || !r
            ? { tone: PHASE_TONE.free, state: 'free' }
            : { tone: PHASE_TONE[state.phase], state: state.phase, caption: `${time} · ${r.guests}`, detail: r.guestName };
    }
    return out;
  }, [states, timeZone, t]);

  // The host asks on every tap; the latest state answers (a ref, so the view need not change for it).
  const onTap = useRef<(table: Table) => boolean>(() => false);
  onTap.current = (table) => {
    const state = states.get(table.id);
    if (!state || state.phase === 'seated' || state.phase === 'busy') return false;
    if (state.reservation) {
      setOpen({ kind: 'details', id: state.reservation.id });
      return true;
    }
    if (!canManage) return false;
    setOpen({ kind: 'new', draft: { date, tableIds: [table.id], guests: Math.min(2, table.seats) } });
    return true;
  };
  const { setView } = floor;
  useEffect(() => {
    setView({ marks, onTableTap: (table) => onTap.current(table) });
  }, [marks, setView]);
  useEffect(() => () => setView(null), [setView]);

  const counts = useMemo(() => {
    const c = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<TablePhase, number>;
    for (const s of states.values()) c[s.phase]++;
    return c;
  }, [states]);
  const expected = useMemo(() => (isToday ? upcoming(hallReservations, now) : []), [hallReservations, now, isToday]);
  const detailsOf = open?.kind === 'details' ? (day.data ?? []).find((r) => r.id === open.id) : undefined;

  return (
    <div className={styles.panel} data-testid="reservations-panel">
      <header className={styles.head}>
        <div className={styles.dateNav}>
          <Button variant="ghost" aria-label={t('prevDay')} onClick={() => setDate(addDays(date, -1))} disabled={date <= today} data-testid="reservations-prev-day">
            <Icon name="back" />
          </Button>
          <button type="button" className={styles.dateLabel} onClick={() => setDate(today)} data-testid="reservations-date" data-date={date}>
            <b>{isToday ? t('today') : date === addDays(today, 1) ? t('tomorrow') : formatDay(date, i18n.language).split(',')[0]}</b>
            <span>{formatDay(date, i18n.language)}</span>
          </button>
          <Button variant="ghost" aria-label={t('nextDay')} onClick={() => setDate(addDays(date, 1))} data-testid="reservations-next-day">
            <span className={styles.flip}>
              <Icon name="back" />
            </span>
          </Button>
        </div>
        {canManage && (
          <Button variant="primary" onClick={() => setOpen({ kind: 'new', draft: { date, tableIds: [], guests: 2 } })} data-testid="reservation-new">
            <Icon name="plus" /> {t('newBooking')}
          </Button>
        )}
      </header>

      <ToneLegend
        label={t('legend')}
        items={PHASES.filter((p) => isToday || p === 'free' || p === 'later').map((phase) => ({
          key: phase,
          tone: PHASE_TONE[phase],
          label: isToday || phase === 'free' ? t(`phase.${phase}`) : t('laterOn', { date: formatDay(date, i18n.language) }),
          count: counts[phase],
          testId: `reservations-legend-${phase}`,
        }))}
      />

      {expected.length > 0 && <UpcomingList reservations={expected} now={now} timeZone={timeZone} canSeat={canManage && can('tables.open')} onOpen={(r) => setOpen({ kind: 'details', id: r.id })} />}

      <Timeline
        date={date}
        timeZone={timeZone}
        tables={tables}
        reservations={hallReservations}
        now={isToday ? now : null}
        onOpen={(r) => setOpen({ kind: 'details', id: r.id })}
        onPick={canManage ? (tableId, time) => setOpen({ kind: 'new', draft: { date, tableIds: [tableId], time, guests: 2 } }) : undefined}
      />

      {open?.kind === 'new' && <ReservationDialog tables={tables} draft={open.draft} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <ReservationDialog tables={tables} existing={open.reservation} onClose={() => setOpen(null)} />}
      {detailsOf && <ReservationDetails reservation={detailsOf} now={now} onEdit={() => setOpen({ kind: 'edit', reservation: detailsOf })} onClose={() => setOpen(null)} />}
    </div>
  );
}
