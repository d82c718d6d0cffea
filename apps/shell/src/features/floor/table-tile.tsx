import type { Table } from '@pos/contracts';
import type { FloorTableMark } from '@pos/plugin-sdk';
import { chairToneClass, Icon, Money, Spinner, tableToneClass, VisuallyHidden } from '@pos/ui';
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
  const tone = mark ? mark.tone : table.status;
  const look = tableToneClass(tone);
  const chairLook = chairToneClass(tone);

  return (
    <div className={styles.tableSpot} style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}>
      {chairs.map((c, i) => (
        <span key={i} className={`${styles.chair} ${chairLook}`} style={{ left: c.x, top: c.y, transform: `translate(-50%, -50%) rotate(${c.angle}deg)` }} aria-hidden />
      ))}
      {!mark && table.session && <TableKitchenBadge table={table} />}
      {/*
        The button is named by what it shows, in the order shown ("Стол 1 (Занят), 1 234 ₽ 3 (гостя)
        · Анна (официант), 25 мин"); hidden words say what the numbers are. They sit in parentheses,
        so the visible text stays one run inside the name (WCAG 2.5.3 "label in name", as axe reads
        it), and the plain spaces keep the visible parts apart in that run.
      */}
      <button
        type="button"
        className={[styles.table, look, styles[table.shape], styles[density], isMine && !mark && styles.mine].filter(Boolean).join(' ')}
        data-testid={`table-${table.label}`}
        data-status={table.status}
        data-mark={mark?.state}
        data-tone={mark?.tone}
        aria-busy={isBusy}
        disabled={isBusy}
        onClick={() => onTap(table)}
      >
        <VisuallyHidden>{t('tile.table')} </VisuallyHidden>
        <span className={styles.tableLabel}>{table.label}</span>{' '}
        {mark ? (
          <>
            {!mark.caption && !(mark.detail && density !== 'compact') && <VisuallyHidden> ({mark.state})</VisuallyHidden>}
            {mark.caption && <span className={styles.markCaption}>{mark.caption}</span>}{' '}
            {mark.detail && density !== 'compact' && <span className={styles.markDetail}>{mark.detail}</span>}
          </>
        ) : session ? (
          <>
            <VisuallyHidden> ({t(`status.${table.status}`)}),</VisuallyHidden>{' '}
            <span className={styles.tableTotal} data-testid={`table-${table.label}-total`}>
              <Money value={table.openTotal} currency={currency} />
            </span>{' '}
            {density !== 'compact' ? (
              <span className={styles.tableMeta}>
                <Icon name="users" size={14} />
                {session.guests}
                <VisuallyHidden> ({t('tile.guests', { count: session.guests })})</VisuallyHidden>{' '}
                <span className={styles.tableWaiter}>· {session.waiterName}</span>
                <VisuallyHidden> ({t('tile.waiter')}),</VisuallyHidden>
              </span>
            ) : (
              // A compact tile has no room to show them, but its name still tells guests and waiter.
              <VisuallyHidden>
                {session.guests} ({t('tile.guests', { count: session.guests })}) · {session.waiterName} ({t('tile.waiter')}),
              </VisuallyHidden>
            )}{' '}
            {density === 'roomy' && (
              <span className={styles.tableMeta}>
                <Icon name="clock" size={14} />
                {elapsed}
              </span>
            )}
          </>
        ) : table.status === 'reserved' && density !== 'compact' ? (
          <span className={styles.tableSeats}>{t('status.reserved')}</span>
        ) : (
          <>
            <VisuallyHidden> ({t(`status.${table.status}`)}),</VisuallyHidden>{' '}
            {density !== 'compact' ? <span className={styles.tableSeats}>{t('seats', { count: table.seats })}</span> : <VisuallyHidden>{t('seats', { count: table.seats })}</VisuallyHidden>}
          </>
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
