import { queryKeys, useHalls, useTables } from '@pos/api-client';
import { type Table, TABLE_STATUSES, type TableStatus } from '@pos/contracts';
import { Button, Spinner, Tabs } from '@pos/ui';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/router';
import { useServices } from '../../app/services-context';
import { Slot } from '../../plugin-host/slot';
import { floorViewport, fitViewport, placeTable } from './floor-layout';
import styles from './floor-screen.module.css';
import { GuestsDialog } from './guests-dialog';
import { orderForTable, seatGuests } from './table-actions';
import { TableTile } from './table-tile';
import { useElementSize } from './use-element-size';

const HALL_KEY = 'pos.floor.hall';

/** The floor map: halls as tabs, tables where they stand, coloured by live status. */
export function FloorScreen() {
  const { api, bus, queryClient, host } = useServices();
  const { session, can } = host();
  const currency = session.venue.currency;
  const { t } = useTranslation('floor');
  const halls = useHalls();
  const tables = useTables();
  const [hallId, setHallId] = useState<string | null>(() => localStorage.getItem(HALL_KEY));
  const [seating, setSeating] = useState<Table | null>(null);
  const [busyTableId, setBusyTableId] = useState<string | null>(null);
  const now = useNow(30_000);
  const { ref: canvasRef, size } = useElementSize<HTMLDivElement>();

  const sortedHalls = useMemo(() => [...(halls.data ?? [])].sort((a, b) => a.sort - b.sort), [halls.data]);
  const activeHallId = sortedHalls.some((h) => h.id === hallId) ? hallId : (sortedHalls[0]?.id ?? null);
  const hallTables = useMemo(() => (tables.data ?? []).filter((tb) => tb.hallId === activeHallId), [tables.data, activeHallId]);
  const fit = useMemo(() => fitViewport(floorViewport(hallTables), size), [hallTables, size]);
  const counts = useMemo(() => countByStatus(hallTables), [hallTables]);

  const chooseHall = (id: string) => {
    setHallId(id);
    localStorage.setItem(HALL_KEY, id);
  };

  const fail = (error: unknown) => {
    bus.emit('notification.toast', { kind: 'error', message: t('failed', { message: error instanceof Error ? error.message : String(error) }) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
  };

  const goToOrder = (orderId: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
    navigate(`/order/${orderId}`);
  };

  const onTap = async (table: Table) => {
    if (busyTableId) return;
    if (table.status === 'free' || table.status === 'reserved') {
      if (can('tables.open')) setSeating(table);
      else bus.emit('notification.toast', { kind: 'warning', message: t('noPermission') });
      return;
    }
    setBusyTableId(table.id);
    try {
      const order = await orderForTable(api, table.id);
      queryClient.setQueryData(queryKeys.order(order.id), order);
      goToOrder(order.id);
    } catch (error) {
      fail(error);
    } finally {
      setBusyTableId(null);
    }
  };

  const onSeat = async (guests: number) => {
    if (!seating) return;
    setBusyTableId(seating.id);
    try {
      const order = await seatGuests(api, seating.id, guests, session.staff.id);
      queryClient.setQueryData(queryKeys.order(order.id), order);
      setSeating(null);
      goToOrder(order.id);
    } catch (error) {
      setSeating(null);
      fail(error);
    } finally {
      setBusyTableId(null);
    }
  };

  const isLoading = halls.isPending || tables.isPending;
  const error = halls.error ?? tables.error;

  return (
    <div className={styles.screen} data-testid="floor-screen">
      <div className={styles.toolbar}>
        <Tabs
          aria-label={t('halls')}
          items={sortedHalls.map((h) => ({
            id: h.id,
            label: h.name,
            badge: busyCount(tables.data ?? [], h.id) || undefined,
            testId: `hall-${h.name}`,
          }))}
          value={activeHallId}
          onChange={chooseHall}
          className={styles.halls}
        />
        <div className={styles.legend}>
          {TABLE_STATUSES.filter((s) => s !== 'reserved' || counts.reserved > 0).map((status) => (
            <span key={status} className={styles.legendItem} data-testid={`legend-${status}`}>
              <span className={`${styles.legendSwatch} ${styles[status]}`} />
              {t(`legend.${status}`)}
              <b>{counts[status]}</b>
            </span>
          ))}
        </div>
        <Slot name="floor.toolbar" context={{ hallId: activeHallId }} className={styles.slot} />
        <Slot name="floor.mode" context={{ hallId: activeHallId, tables: hallTables }} className={styles.slot} />
      </div>

      {/* The floor is the home screen: remotes' widgets (e.g. shift analytics) sit above the map. */}
      <Slot name="home.widgets" className={styles.slot} />
      <div className={styles.canvas} ref={canvasRef} data-testid="floor-canvas">
        {isLoading ? (
          <Spinner label={t('common:loading')} />
        ) : error ? (
          <div className={styles.empty}>
            <p>{t('loadFailed', { message: error.message })}</p>
            <Button
              onClick={() => {
                void halls.refetch();
                void tables.refetch();
              }}
            >
              {t('retry')}
            </Button>
          </div>
        ) : sortedHalls.length === 0 ? (
          <div className={styles.empty}>{t('noHalls')}</div>
        ) : hallTables.length === 0 ? (
          <div className={styles.empty}>{t('noTables')}</div>
        ) : (
          fit.scale > 0 &&
          hallTables.map((table) => (
            <TableTile
              key={table.id}
              table={table}
              rect={placeTable(table, fit)}
              currency={currency}
              now={now}
              isMine={table.session?.waiterId === session.staff.id}
              isBusy={busyTableId === table.id}
              onTap={(tb) => void onTap(tb)}
            />
          ))
        )}
      </div>

      {seating && <GuestsDialog table={seating} busy={busyTableId === seating.id} onSeat={(g) => void onSeat(g)} onClose={() => setSeating(null)} />}
    </div>
  );
}

function countByStatus(tables: readonly Table[]): Record<TableStatus, number> {
  const counts: Record<TableStatus, number> = { free: 0, occupied: 0, bill: 0, reserved: 0 };
  for (const table of tables) counts[table.status]++;
  return counts;
}

/** Seated tables of a hall, shown on its tab. */
function busyCount(tables: readonly Table[], hallId: string): number {
  return tables.filter((t) => t.hallId === hallId && (t.status === 'occupied' || t.status === 'bill')).length;
}

/** The current time, refreshed every `ms` so "seated for N min" moves on by itself. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
