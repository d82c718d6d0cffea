import { queryKeys, useMenu } from '@pos/api-client';
import type { KitchenTicket } from '@pos/contracts';
import { VisuallyHidden } from '@pos/ui';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import styles from './kitchen-screen.module.css';
import { TicketCard } from './ticket-card';
import { ACTIVE_STATUSES, countByStation, ticketsOfStation } from './ticket-rules';
import { useWithPendingBumps } from './use-bump-ticket';
import { useNow } from './use-now';

const STATION_KEY = 'pos.kitchen.station';
/** The socket keeps the list live; this only covers a socket that went quiet without noticing. */
const SAFETY_REFETCH_MS = 30_000;

/** The kitchen display: the active tickets of a station in lanes by status, oldest first. */
export function KitchenScreen() {
  const { api, host } = useServices();
  const { t } = useTranslation('kitchen');
  const canBump = host().can('kitchen.bump');
  const menu = useMenu();
  const tickets = useQuery({ queryKey: queryKeys.tickets(), queryFn: () => api.tickets(), refetchInterval: SAFETY_REFETCH_MS });
  const shown = useWithPendingBumps(tickets.data);
  const now = useNow(1000);
  const [station, setStation] = useStation();

  const stations = useMemo(() => menu.data?.stations ?? [], [menu.data]);
  const stationNames = useMemo(() => new Map(stations.map((s) => [s.code, s.name])), [stations]);
  // A station remembered from before that the menu no longer has falls back to everything.
  const activeStation = station !== null && (menu.isPending || stationNames.has(station)) ? station : null;
  const visible = useMemo(() => ticketsOfStation(shown ?? [], activeStation), [shown, activeStation]);
  const counts = useMemo(() => countByStation(shown ?? []), [shown]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  return (
    <div className={styles.screen} data-testid="kitchen-screen">
      <VisuallyHidden as="h1">{t('title')}</VisuallyHidden>
      <div className={styles.toolbar}>
        <div role="tablist" aria-label={t('stations.label')} className={styles.tabs}>
          <StationTab label={t('stations.all')} count={total} isActive={activeStation === null} onSelect={() => setStation(null)} testId="station-all" />
          {stations.map((s) => (
            <StationTab
              key={s.id}
              label={s.name}
              count={counts.get(s.code) ?? 0}
              isActive={activeStation === s.code}
              onSelect={() => setStation(s.code)}
              testId={`station-${s.code}`}
            />
          ))}
        </div>
        <Clock now={now} />
      </div>

      {tickets.isPending ? (
        <div className={styles.message}>{t('common:loading')}</div>
      ) : tickets.isError && !tickets.data ? (
        <div className={styles.message} role="alert">
          <p>{t('loadError', { message: tickets.error.message })}</p>
          <button type="button" className={styles.retry} onClick={() => void tickets.refetch()}>
            {t('common:retry')}
          </button>
        </div>
      ) : visible.length === 0 ? (
        <div className={styles.empty} data-testid="kitchen-empty">
          <div className={styles.emptyIcon} aria-hidden="true">
            ✓
          </div>
          <div className={styles.emptyTitle}>{t('empty.title')}</div>
          <div className={styles.emptyHint}>{t('empty.hint')}</div>
        </div>
      ) : (
        <Lanes tickets={visible} now={now} canBump={canBump} stationNames={activeStation === null ? stationNames : null} />
      )}
    </div>
  );
}

function Lanes({ tickets, now, canBump, stationNames }: { tickets: KitchenTicket[]; now: number; canBump: boolean; stationNames: Map<string, string> | null }) {
  const { t } = useTranslation('kitchen');
  return (
    <div className={styles.lanes}>
      {ACTIVE_STATUSES.map((status) => {
        const inLane = tickets.filter((ticket) => ticket.status === status);
        return (
          <section key={status} className={`${styles.lane} ${styles[status]}`} aria-label={t(`lanes.${status}`)} data-testid={`lane-${status}`}>
            <h2 className={styles.laneHeader}>
              <span className={styles.laneDot} aria-hidden="true" />
              {t(`lanes.${status}`)}
              <span className={styles.laneCount}>{inLane.length}</span>
            </h2>
            <div className={styles.laneBody}>
              {inLane.length === 0 ? (
                <div className={styles.laneEmpty}>{t(`laneEmpty.${status}`)}</div>
              ) : (
                inLane.map((ticket) => <TicketCard key={ticket.id} ticket={ticket} now={now} canBump={canBump} stationName={stationNames?.get(ticket.stationCode)} />)
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function StationTab({ label, count, isActive, onSelect, testId }: { label: string; count: number; isActive: boolean; onSelect(): void; testId: string }) {
  return (
    <button type="button" role="tab" aria-selected={isActive} className={`${styles.tab} ${isActive ? styles.tabActive : ''}`} onClick={onSelect} data-testid={testId}>
      {label}
      <span className={`${styles.tabCount} ${count === 0 ? styles.tabCountZero : ''}`}>{count}</span>
    </button>
  );
}

function Clock({ now }: { now: number }) {
  const { i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', { hour: '2-digit', minute: '2-digit' }).format(now);
  return <time className={styles.clock}>{time}</time>;
}

/** The station a kitchen tablet shows is a property of the tablet: it survives a reload and a staff switch. */
function useStation(): [string | null, (code: string | null) => void] {
  const [station, setStation] = useState<string | null>(() => localStorage.getItem(STATION_KEY));
  const choose = (code: string | null) => {
    if (code === null) localStorage.removeItem(STATION_KEY);
    else localStorage.setItem(STATION_KEY, code);
    setStation(code);
  };
  return [station, choose];
}
