import type { Table } from '@pos/contracts';
import { Icon, Money, Spinner } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import { chairPositions, minutesSince, type Rect, tableDensity } from './floor-layout';
import styles from './floor-screen.module.css';

export interface TableTileProps {
  table: Table;
  rect: Rect;
  currency: string;
  now: number;
  isMine: boolean;
  isBusy: boolean;
  onTap(table: Table): void;
}

const CHAIR_GAP = 9;

/** One table on the map: shape, status colour, chairs, and what the waiter needs at a glance. */
export function TableTile({ table, rect, currency, now, isMine, isBusy, onTap }: TableTileProps) {
  const { t } = useTranslation('floor');
  const density = tableDensity(rect);
  const session = table.session;
  const minutes = session ? minutesSince(session.openedAt, now) : 0;
  const elapsed = minutes >= 60 ? t('hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : t('minutes', { count: minutes });
  const chairs = chairPositions(table.shape, table.seats, rect.width, rect.height, CHAIR_GAP);

  return (
    <div className={styles.tableSpot} style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
      {chairs.map((c, i) => (
        <span key={i} className={`${styles.chair} ${styles[`chair_${table.status}`]}`} style={{ left: c.x, top: c.y, transform: `translate(-50%, -50%) rotate(${c.angle}deg)` }} aria-hidden />
      ))}
      <button
        type="button"
        className={[styles.table, styles[table.status], styles[table.shape], styles[density], isMine && styles.mine].filter(Boolean).join(' ')}
        data-testid={`table-${table.label}`}
        data-status={table.status}
        aria-label={`${t('table', { label: table.label })}, ${t(`status.${table.status}`)}`}
        aria-busy={isBusy}
        disabled={isBusy}
        onClick={() => onTap(table)}
      >
        <span className={styles.tableLabel}>{table.label}</span>
        {session ? (
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
