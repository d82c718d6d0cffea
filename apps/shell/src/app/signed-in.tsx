import { queryKeys } from '@pos/api-client';
import type { Permission, Role } from '@pos/contracts';
import { type Toast, ToastStack } from '@pos/ui';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalHost } from '../features/approval';
import { NO_CONTEXT, Slot } from '../core/plugin-host/slot';
import styles from './signed-in.module.css';
import { matchPath, navigate, orderBackPath, usePath } from '../core/router';
import { useServices, useSubject } from '../core/services-context';
import { AttentionButton, SignOutGuard, useOutboxCounts } from './outbox-panel';
import { REMOTE_OUTLET_ID } from '../core/services';
import { useScreens } from './screens';
import { whenScreenSettled } from './when-screen-settled';
import { addSignedInTexts } from '../i18n/signed-in-texts';

const HOME: Record<Role, string> = { waiter: '/floor', cashier: '/floor', supervisor: '/floor', cook: '/kitchen', admin: '/floor' };

interface NavItem {
  path: string;
  label: string;
  permission?: Permission | readonly Permission[];
}

/** The frame around the screens while someone is signed in: header, navigation, routes. */
export function SignedIn() {
  const services = useServices();
  // The frame's texts travel in its chunk (not the PIN pad's first load): here before any is shown.
  useState(() => addSignedInTexts(services.i18n));
  // Signed in after a reload, the frame is the first screen: once it is committed the shell fetches its offline layer.
  useEffect(() => services.screenShown(), [services]);
  const { pluginHost, bus, api, session$ } = services;
  const session = useSubject(session$)!;
  const remotes = useSubject(pluginHost.remotes$);
  const connectivity = useSubject(services.connectivity$);
  const path = usePath();
  const { t, i18n } = useTranslation('shell');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const outboxCounts = useOutboxCounts(services.offline);
  const { FloorScreen, OrderScreen, KitchenScreen, ShiftScreen, OrdersScreen } = useScreens();
  const [guardingSignOut, setGuardingSignOut] = useState(false);
  const signOut = () => (outboxCounts.pending > 0 ? setGuardingSignOut(true) : services.signOut());
  /** A route may name several permissions: any one of them opens it. */
  const can = (p?: Permission | readonly Permission[]) => !p || (Array.isArray(p) ? p : [p]).some((x) => session.permissions.includes(x));

  useEffect(() => {
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    // socket.io-client is fetched after sign-in, not with the PIN pad.
    void Promise.all([import('../core/socket-bridge'), services.offline]).then(([{ connectSockets }, offline]) => {
      if (!cancelled) disconnect = connectSockets(session.token, bus, services.queryClient, services.api, offline.link);
    });
    return () => {
      cancelled = true;
      disconnect?.();
    };
  }, [session.token, bus, services.queryClient, services.api]);

  // What a waiter needs offline is fetched (and so cached) right after sign-in, not on first use.
  useEffect(() => {
    if (!can('menu.view')) return;
    void services.queryClient.prefetchQuery({ queryKey: queryKeys.menu, queryFn: () => api.menu(), staleTime: 60_000 });
    void services.queryClient.prefetchQuery({ queryKey: queryKeys.halls, queryFn: () => api.halls(), staleTime: 300_000 });
  }, [api, services.queryClient]);

  // Remotes follow the venue's registry and flags, live: a flag change re-reads the config.
  useEffect(() => {
    let cancelled = false;
    const syncRemotes = () =>
      api
        .config()
        .then((config) => (cancelled ? undefined : pluginHost.sync(config.remotes)))
        .catch(async (error) => {
          // Offline (after a reload too): the remotes this venue had last time, from the worker's cache.
          console.warn('[shell] config unavailable, using the last good registry', error);
          const remotes = await pluginHost.lastGoodRegistry(session.venue.id);
          if (!cancelled) await pluginHost.sync(remotes);
        });
    // The screen's own data and first paint go first: the remotes' code (a dozen bundles run on
    // this thread, their parcels mounted) comes once the screen's queries have settled and the
    // page is idle, at most 1.5 s after sign-in. Loaded alongside, it held the floor's tables back
    // ~0.7 s after their data had arrived.
    const stopWaiting = whenScreenSettled(services.queryClient, 1_500, () => void syncRemotes());
    const sub = bus.on('feature-flags.changed').subscribe(() => void syncRemotes());
    return () => {
      cancelled = true;
      stopWaiting();
      sub.unsubscribe();
    };
  }, [api, bus, pluginHost, session.venue.id, services.queryClient]);

  useEffect(() => {
    const sub = bus.on('notification.toast').subscribe(({ kind, message, href }) => {
      const id = `${Date.now()}-${Math.random()}`;
      setToasts((list) => [...list, href ? { id, kind, message, href } : { id, kind, message }]);
      setTimeout(() => setToasts((list) => list.filter((x) => x.id !== id)), 5000);
    });
    return () => sub.unsubscribe();
  }, [bus]);

  useEffect(() => {
    if (path === '/' || path === '') navigate(HOME[session.staff.role], true);
  }, [path, session.staff.role]);

  const nav: NavItem[] = useMemo(() => {
    const core: NavItem[] = [
      { path: '/floor', label: t('nav.floor'), permission: 'tables.view' },
      { path: '/orders', label: t('nav.orders'), permission: 'orders.view' },
      { path: '/kitchen', label: t('nav.kitchen'), permission: 'kitchen.view' },
      { path: '/shift', label: t('nav.shift'), permission: 'shifts.view' },
    ];
    const fromRemotes = remotes.flatMap((r) =>
      // A route that is not listed only answers its path (an old address that forwards).
      (r.status === 'loaded' ? (r.plugin?.routes ?? []) : []).filter((route) => route.isListed !== false).map((route) => ({
        path: `/x/${route.path}`,
        label: i18n.exists(`${r.plugin!.id}:${route.title}`) ? t(`${r.plugin!.id}:${route.title}`) : route.title,
        permission: route.permission,
      })),
    );
    return [...core, ...fromRemotes].filter((item) => can(item.permission));
  }, [remotes, session, t, i18n.language]);

  const failed = remotes.filter((r) => r.status === 'failed');
  const remoteRouteIsLive =
    path.startsWith('/x/') && remotes.some((r) => r.status === 'loaded' && r.plugin?.routes?.some((route) => path.startsWith(`/x/${route.path}`)));
  const orderMatch = matchPath('/order/:id', path);

  return (
    <div className={styles.frame}>
      <header className={styles.header}>
        <div className={styles.brand}>{session.venue.name}</div>
        <nav className={styles.nav}>
          {nav.map((item) => (
            <button key={item.path} className={`${styles.navLink} ${path.startsWith(item.path) || (path.startsWith('/order/') && orderBackPath().startsWith(item.path)) ? styles.navLinkActive : ''}`} onClick={() => navigate(item.path)}>
              {item.label}
            </button>
          ))}
        </nav>
        <div className={styles.indicators}>
          {failed.map((r) => (
            <span key={r.name} className={styles.failedRemote} title={r.reason} data-testid={`remote-failed-${r.name}`}>
              {t('remotes.unavailable', { name: r.name })}
            </span>
          ))}
          <AttentionButton offline={services.offline} failed={outboxCounts.failed} />
          <Slot name="header.indicators" context={NO_CONTEXT} className={styles.indicators} />
          <span className={styles.connectivity} data-testid="connectivity" data-state={connectivity.state} data-pending={connectivity.pending}>
            <span className={`${styles.dot} ${connectivity.state === 'offline' ? styles.dotOffline : connectivity.state === 'syncing' ? styles.dotSyncing : ''}`} />
            {connectivity.state === 'syncing'
              ? t('common:syncing', { count: connectivity.pending })
              : connectivity.state === 'offline' && connectivity.pending > 0
                ? t('common:offlinePending', { count: connectivity.pending })
                : t(`common:${connectivity.state}`)}
          </span>
        </div>
        <div className={styles.staff}>
          <span data-testid="staff-name">{session.staff.name}</span>
          <span className={styles.staffRole}>{t(`roles.${session.staff.role}`)}</span>
        </div>
        <button className={styles.headerButton} onClick={() => void i18n.changeLanguage(i18n.language === 'ru' ? 'en' : 'ru')}>
          {t('header.language')}
        </button>
        <button className={`${styles.headerButton} ${styles.switchStaff}`} onClick={signOut} data-testid="sign-out">
          {t('header.switchStaff')}
        </button>
      </header>
      <main className={styles.main}>
        <Suspense fallback={<div className={styles.placeholder}>{t('common:loading')}</div>}>
          {path.startsWith('/floor') && <FloorScreen />}
          {orderMatch && <OrderScreen orderId={orderMatch.id} />}
          {path.startsWith('/kitchen') && <KitchenScreen />}
          {path.startsWith('/shift') && <ShiftScreen />}
          {path.startsWith('/orders') && <OrdersScreen />}
        </Suspense>
        {/* Remote routes (single-spa applications) mount here; the element always exists. */}
        <div id={REMOTE_OUTLET_ID} className={styles.outlet} hidden={!remoteRouteIsLive} />
        {path.startsWith('/x/') && !remoteRouteIsLive && (
          <div className={styles.placeholder}>{remotes.some((r) => r.status === 'loading') ? t('remotes.loading') : t('notFound')}</div>
        )}
      </main>
      <ApprovalHost />
      {guardingSignOut && <SignOutGuard pending={outboxCounts.pending} onClose={() => setGuardingSignOut(false)} onConfirmed={() => services.signOut()} />}
      <ToastStack
        toasts={toasts}
        onDismiss={(id) => setToasts((list) => list.filter((x) => x.id !== id))}
        onOpen={(toast) => toast.href && navigate(toast.href)}
        closeLabel={t('common:closeNotification')}
      />
    </div>
  );
}
