import { useHost } from '@pos/plugin-sdk';
import { useTranslation } from '@pos/i18n';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { FOLLOW_PERMISSION, unreadCount } from './model';
import { NotificationCenter } from './notification-center';
import styles from './notifications.module.css';
import { createNotificationStore } from './store';

/** The header's bell: unread badge; a tap opens the NotificationCenter. */
export function NotificationsBell() {
  const host = useHost();
  const { t } = useTranslation('notifications');
  const store = useMemo(() => createNotificationStore(host), [host]);
  useEffect(() => store.start(), [store]);
  const entries = useSyncExternalStore(store.subscribe, store.entries);
  const followedHall = useSyncExternalStore(store.subscribe, store.followedHall);
  const [open, setOpen] = useState(false);
  const unread = unreadCount(entries);

  return (
    <div className={styles.root}>
      <button
        type="button"
        className={styles.bell}
        data-testid="notifications-bell"
        aria-label={unread ? t('bellUnread', { count: unread }) : t('bell')}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span className={styles.unread} data-testid="notifications-unread">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <NotificationCenter
          entries={entries}
          onMarkRead={store.markRead}
          onMarkAll={store.markAllRead}
          onClose={() => setOpen(false)}
          canFollow={host.can(FOLLOW_PERMISSION)}
          followedHall={followedHall}
          onFollowHall={store.followHall}
        />
      )}
    </div>
  );
}
