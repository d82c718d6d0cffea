import { businessDayBounds, type Reservation, type Table, zonedTime } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { tableToneClass } from '@pos/ui';
import type { MouseEvent } from 'react';
import { bookingPhase, PHASE_TONE } from '../../model/table-state';
import styles from './reservations-mode.module.css';

const MINUTE = 60_000;
const FIRST_HOUR = 10;
const LAST_HOUR = 24;
/** At least this many hours are shown, however late it is. */
const MIN_HOURS = 6;

export interface TimelineProps {
  date: string;
  timeZone: string;
  tables: readonly Table[];
  reservations: readonly Reservation[];
  /** Draws the "now" line (today only). */
  now: number | null;
  onOpen(reservation: Reservation): void;
  /** A tap on a free stretch of a table's row: book that table at that time. */
  onPick?(tableId: string, time: string): void;
}

/** The chosen day per table: one row per table, bookings as blocks, 10:00 to midnight (wider if needed). */
export function Timeline({ date, timeZone, tables, reservations, now, onOpen, onPick }: TimelineProps) {
  const { t } = useTranslation('reservations');
  const dayStart = Date.parse(businessDayBounds(date, timeZone).from);
  const shown = reservations.filter((r) => r.status !== 'cancelled');
  const hourOf = (iso: string) => (Date.parse(iso) - dayStart) / (60 * MINUTE);
  // Today the hours already gone are cut away (bookings still running stay), so the evening is wide enough to read.
  const nowHour = now === null ? -Infinity : (now - dayStart) / (60 * MINUTE);
  const ahead = shown.filter((r) => now === null || Date.parse(r.endsAt) > now);
  const opening = Math.max(FIRST_HOUR, Math.min(Math.floor(nowHour) - 1, LAST_HOUR - MIN_HOURS));
  const first = Math.min(opening, ...ahead.map((r) => Math.floor(hourOf(r.startsAt))));
  const last = Math.max(LAST_HOUR, ...shown.map((r) => Math.ceil(hourOf(r.endsAt))));
  const span = last - first;
  const pct = (hours: number) => `${((hours - first) / span) * 100}%`;
  const hours = Array.from({ length: span + 1 }, (_, i) => first + i);

  const pick = (tableId: string) => (event: MouseEvent<HTMLDivElement>) => {
    if (!onPick || event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const at = first + ((event.clientX - box.left) / Math.max(1, box.width)) * span;
    const half = Math.floor(at * 2) / 2;
    const h = Math.floor(half);
    onPick(tableId, `${String(h).padStart(2, '0')}:${half % 1 ? '30' : '00'}`);
  };

  return (
    <section className={styles.timeline} aria-label={t('timeline')} data-testid="reservations-timeline">
      <div className={styles.timelineHead}>
        <span className={styles.rowLabel} />
        <div className={styles.track}>
          {hours
            .filter((h) => (span > 9 ? h % 2 === 0 : true) && h < last)
            .map((h) => (
              <span key={h} className={styles.hour} style={{ left: pct(h) }}>
                {String(h % 24).padStart(2, '0')}
              </span>
            ))}
        </div>
      </div>
      {/* It scrolls and holds nothing focusable: focus lets a keyboard scroll it too. */}
      <div className={styles.rows} tabIndex={0} role="group" aria-label={t('timeline')}>
        {tables.map((table) => (
          <div key={table.id} className={styles.row} data-testid={`timeline-row-${table.label}`}>
            <span className={styles.rowLabel}>{table.label}</span>
            <div className={styles.track} onClick={pick(table.id)}>
              {hours.slice(1, -1).map((h) => (
                <span key={h} className={styles.gridLine} style={{ left: pct(h) }} aria-hidden />
              ))}
              {shown
                .filter((r) => r.tables.some((tb) => tb.id === table.id) && hourOf(r.endsAt) > first)
                .map((r) => {
                  const phase = now === null ? 'later' : r.status === 'seated' ? 'seated' : (bookingPhase(r, now) ?? 'past');
                  const tone = phase === 'past' ? 'muted' : PHASE_TONE[phase];
                  return (
                    <button
                      key={r.id}
                      type="button"
                      className={`${styles.block} ${tableToneClass(tone)} ${r.status === 'no-show' ? styles.noShow : ''}`}
                      style={{ left: pct(Math.max(first, hourOf(r.startsAt))), width: `calc(${pct(hourOf(r.endsAt))} - ${pct(Math.max(first, hourOf(r.startsAt)))})` }}
                      onClick={() => onOpen(r)}
                      title={`${zonedTime(r.startsAt, timeZone)}–${zonedTime(r.endsAt, timeZone)} ${r.guestName}, ${t('guests', { count: r.guests })}`}
                      data-testid={`timeline-block-${r.id}`}
                      data-phase={phase}
                    >
                      <b>{zonedTime(r.startsAt, timeZone)}</b> {r.guestName}
                    </button>
                  );
                })}
              {now !== null && now >= dayStart && hourOf(new Date(now).toISOString()) < last && <span className={styles.nowLine} style={{ left: pct(hourOf(new Date(now).toISOString())) }} aria-hidden />}
            </div>
          </div>
        ))}
        {shown.length === 0 && <p className={styles.empty}>{t('noBookings')}</p>}
      </div>
    </section>
  );
}
