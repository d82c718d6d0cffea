import { queryKeys, useHalls, useTables } from '@pos/api-client';
import { type Table, TABLE_STATUSES, type TableStatus } from '@pos/contracts';
import type { FloorModeContext, FloorModeView } from '@pos/plugin-sdk';
import { Button, Segmented, Spinner, Tabs, ToneLegend, VisuallyHidden } from '@pos/ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../core/router';
import { useServices } from '../../core/services-context';
import { Slot } from '../../core/plugin-host/slot';
import { floorViewport, fitViewport, placeTable } from './floor-layout';
import { FloorModePanel } from './floor-mode-panel';
import styles from './floor-screen.module.css';
import { GuestsDialog } from './guests-dialog';
import { orderForTable, seatGuests } from './table-actions';
import { TableTile } from './table-tile';
import { useElementSize } from './use-element-size';
import { useReservedHeight } from './use-reserved-height';
import { useFloorModes } from './use-floor-modes';
import { problemText } from '@pos/i18n';

const HALL_KEY = 'pos.floor.hall';
const MODE_KEY = 'pos.floor.mode';
/** The plain live floor, always there; remotes add more modes through the `floor.mode` slot. */
const PLAIN = 'floor';

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
  // The room above the map the remotes' widgets took last time, held until they are back (no jump under a finger).
  const head = useReservedHeight<HTMLDivElement>(`${session.venue.id}:${session.staff.id}:${window.innerWidth}`);
  const modes = useFloorModes();
  const [modeId, setModeId] = useState<string>(() => localStorage.getItem(MODE_KEY) ?? PLAIN);
  const activeMode = modes.find((m) => m.remote === modeId) ?? null;
  const [modeView, setModeView] = useState<FloorModeView | null>(null);
  // A mode's marks count only while that mode is shown: a switched-off remote leaves no paint behind.
  const view = activeMode ? modeView : null;
  useEffect(() => {
    if (!activeMode) setModeView(null);
  }, [activeMode]);

  const sortedHalls = useMemo(() => [...(halls.data ?? [])].sort((a, b) => a.sort - b.sort), [halls.data]);
  const activeHallId = sortedHalls.some((h) => h.id === hallId) ? hallId : (sortedHalls[0]?.id ?? null);
  const hallTables = useMemo(() => (tables.data ?? []).filter((tb) => tb.hallId === activeHallId), [tables.data, activeHallId]);
  const fit = useMemo(() => fitViewport(floorViewport(hallTables), size), [hallTables, size]);
  const counts = useMemo(() => countByStatus(hallTables), [hallTables]);

  const chooseHall = (id: string) => {
    setHallId(id);
    localStorage.setItem(HALL_KEY, id);
  };

  const chooseMode = (id: string) => {
    setModeId(id);
    setModeView(null);
    localStorage.setItem(MODE_KEY, id);
  };
  const leaveFailedMode = useCallback(() => {
    setModeId(PLAIN);
    setModeView(null);
  }, []);
  const modeContext = useMemo<FloorModeContext>(() => ({ hallId: activeHallId, tables: hallTables, setView: setModeView }), [activeHallId, hallTables]);

  const fail = (error: unknown) => {
    bus.emit('notification.toast', { kind: 'error', message: t('failed', { message: problemText(t, error) }) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
  };

  const goToOrder = (orderId: string) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
    navigate(`/order/${orderId}`);
  };

  const onTap = async (table: Table) => {
    if (busyTableId) return;
    if (view?.onTableTap?.(table)) return;
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
      <VisuallyHidden as="h1">{t('title')}</VisuallyHidden>
      <div className={styles.head} style={{ minHeight: head.minHeight }} data-testid="floor-head">
        <div ref={head.ref} className={styles.headContent}>
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
            {modes.length > 0 && (
              <Segmented
                aria-label={t('mode.label')}
                options={[{ value: PLAIN, label: t('mode.floor'), testId: 'floor-mode-floor' }, ...modes.map((m) => ({ value: m.remote, label: m.title, testId: `floor-mode-${m.remote}` }))]}
                value={activeMode?.remote ?? PLAIN}
                onChange={chooseMode}
              />
            )}
            {/* A mode brings its own legend. */}
            {!activeMode && (
              <ToneLegend
                className={styles.legend}
                items={TABLE_STATUSES.filter((s) => s !== 'reserved' || counts.reserved > 0).map((status) => ({
                  key: status,
                  tone: status,
                  label: t(`legend.${status}`),
                  count: counts[status],
                  testId: `legend-${status}`,
                }))}
              />
            )}
            <Slot name="floor.toolbar" context={{ hallId: activeHallId }} className={styles.slot} />
          </div>

          {/* The floor is the home screen: remotes' widgets (e.g. shift analytics) sit above the map. */}
          <Slot name="home.widgets" context={{ hallId: activeHallId }} className={styles.slot} />
        </div>
      </div>
      <div className={styles.body}>
        <div className={styles.canvas} ref={canvasRef} data-testid="floor-canvas" data-mode={activeMode?.remote ?? PLAIN}>
          {isLoading ? (
            <Spinner label={t('common:loading')} />
          ) : error ? (
            <div className={styles.empty}>
              <p>{t('loadFailed', { message: problemText(t, error) })}</p>
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
                mark={view?.marks[table.id]}
                onTap={(tb) => void onTap(tb)}
              />
            ))
          )}
        </div>
        {activeMode && (
          <aside className={styles.modePanel} data-testid="floor-mode-panel">
            <FloorModePanel key={activeMode.remote} remote={activeMode.remote} parcel={activeMode.parcel} context={modeContext} onFailed={leaveFailedMode} />
          </aside>
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
