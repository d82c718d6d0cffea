import type { Table } from '@pos/contracts';
import type { FloorTableMark } from '@pos/plugin-sdk';
import { Icon, Money, Spinner } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import { chairPositions, minutesSince, type Rect, tableDensity } from './floor-layout';
import styles from './floor-screen.module.css';
import { TableKitchenBadge } from './table-kitchen-badge';

export interface TableTileProps {
  table: Table;
  rect: Rect;
  currency: string;
  now: number;
  isMine: boolean;
  isBusy: boolean;
  /** How the active floor mode paints this table; without one the table shows its live status. */
  mark?: FloorTableMark;
  onTap(table: Table): void;
}

const CHAIR_GAP = 9;

/** One table on the map: shape, status colour, chairs, and what the waiter needs at a glance. */
export function TableTile({ table, rect, currency, now, isMine, isBusy, mark, onTap }: TableTileProps) {
  const { t } = useTranslation('floor');
  const density = tableDensity(rect);
  const session = table.session;
  const minutes = session ? minutesSince(session.openedAt, now) : 0;
  const elapsed = minutes >= 60 ? t('hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : t('minutes', { count: minutes });
  const chairs = chairPositions(table.shape, table.seats, rect.width, rect.height, CHAIR_GAP);
  const look = mark ? styles[`tone_${mark.tone}`] : styles[table.status];
  const chairLook = mark ? styles[`chair_tone_${mark.tone}`] : styles[`chair_${table.status}`];

  return (
    <div className={styles.tableSpot} style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
      {chairs.map((c, i) => (
        <span key={i} className={`${styles.chair} ${chairLook ?? ''}`} style={{ left: c.x, top: c.y, transform: `translate(-50%, -50%) rotate(${c.angle}deg)` }} aria-hidden />
      ))}
      {!mark && table.session && <TableKitchenBadge table={table} />}
      <button
        type="button"
        className={[styles.table, look, styles[table.shape], styles[density], isMine && !mark && styles.mine].filter(Boolean).join(' ')}
        data-testid={`table-${table.label}`}
        data-status={table.status}
        data-mark={mark?.state}
        data-tone={mark?.tone}
        aria-label={`${t('table', { label: table.label })}, ${mark ? [mark.caption, mark.detail].filter(Boolean).join(', ') || mark.state : t(`status.${table.status}`)}`}
        aria-busy={isBusy}
        disabled={isBusy}
        onClick={() => onTap(table)}
      >
        <span className={styles.tableLabel}>{table.label}</span>
        {mark ? (
          <>
            {mark.caption && <span className={styles.markCaption}>{mark.caption}</span>}
            {mark.detail && density !== 'compact' && <span className={styles.markDetail}>{mark.detail}</span>}
          </>
        ) : session ? (
          <>
            <span className={styles.tableTotal} data-testid={`table-${table.label}-total`}>
              <Money value={table.openTotal} currency={currency} />
            </span>
            {density !== 'compact' && (
              <span className={styles.tableMeta}>
                <Icon name="users" size={14} />
                {session.guests}
                <span className={styles.tableWaiter}>· {session.waiterName}</span>
              </span>
            )}
            {density === 'roomy' && (
              <span className={styles.tableMeta}>
                <Icon name="clock" size={14} />
                {elapsed}
              </span>
            )}
          </>
        ) : (
          density !== 'compact' && (
            <span className={styles.tableSeats}>
              {table.status === 'reserved' ? t('status.reserved') : t('seats', { count: table.seats })}
            </span>
          )
        )}
        {isBusy && (
          <span className={styles.tableBusy}>
            <Spinner size={22} />
          </span>
        )}
      </button>
    </div>
  );
}
