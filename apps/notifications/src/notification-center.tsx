import { useTranslation } from '@pos/i18n';
import { Badge, type BadgeTone, Button, Segmented } from '@pos/ui';
import { useState } from 'react';
import { filterEntries, type HallRef, hallsOf, NOTIFICATION_TYPES, type NotificationEntry, type NotificationType } from './model';
import styles from './notifications.module.css';

const TONE: Record<NotificationType, BadgeTone> = { kitchen: 'success', stock: 'warning', remote: 'danger' };

export interface NotificationCenterProps {
  entries: readonly NotificationEntry[];
  onMarkRead(id: string): void;
  onMarkAll(): void;
  onClose(): void;
  /** Supervisors may follow a hall: toasts for every ready ticket of it. */
  canFollow?: boolean;
  followedHall?: HallRef | null;
  onFollowHall?(hall: HallRef | null): void;
}

/**
 * The history panel: newest first, filter by type, by hall (the halls seen in the history) and by
 * table/hall text, mark one or all read; a supervisor may follow the selected hall.
 */
export function NotificationCenter({ entries, onMarkRead, onMarkAll, onClose, canFollow = false, followedHall = null, onFollowHall }: NotificationCenterProps) {
  const { t, i18n } = useTranslation('notifications');
  const [type, setType] = useState<NotificationType | 'all'>('all');
  const [text, setText] = useState('');
  const [hallId, setHallId] = useState<string | 'all'>('all');
  const seen = hallsOf(entries);
  const halls = followedHall && canFollow && !seen.some((h) => h.id === followedHall.id) ? [...seen, followedHall] : seen;
  const hall = halls.find((h) => h.id === hallId) ?? null;
  const shown = filterEntries(entries, type, text, hall ? hall.id : 'all');
  const isFollowed = hall !== null && followedHall?.id === hall.id;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const textOf = (e: NotificationEntry) => t(e.type === 'kitchen' && !e.params['table'] ? 'text.kitchenNoTable' : `text.${e.type}`, e.params);

  return (
    <section className={styles.panel} data-testid="notification-center" aria-label={t('title')}>
      <header className={styles.panelHeader}>
        <h2 className={styles.title}>{t('title')}</h2>
        <Button variant="ghost" onClick={onMarkAll} disabled={!entries.some((e) => !e.read)} data-testid="notifications-mark-all">
          {t('markAll')}
        </Button>
        <button type="button" className={styles.close} onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div className={styles.filters}>
        <Segmented<NotificationType | 'all'>
          value={type}
          onChange={setType}
          aria-label={t('filterLabel')}
          options={(['all', ...NOTIFICATION_TYPES] as const).map((v) => ({ value: v, label: t(`types.${v}`), testId: `notifications-type-${v}` }))}
        />
        <input
          className={styles.search}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('filterPlaceholder')}
          aria-label={t('filterPlaceholder')}
          data-testid="notifications-filter-text"
        />
        {halls.length > 0 && (
          <div className={styles.halls} role="group" aria-label={t('hallFilterLabel')}>
            {[{ id: 'all', name: null as string | null }, ...halls].map((h) => (
              <button
                key={h.id}
                type="button"
                className={`${styles.hallChip} ${(hall?.id ?? 'all') === h.id ? styles.hallChipActive : ''}`}
                aria-pressed={(hall?.id ?? 'all') === h.id}
                onClick={() => setHallId(h.id)}
                data-testid={h.name === null ? 'hall-filter-all' : `hall-filter-${h.name}`}
              >
                {h.name ?? t('allHalls')}
              </button>
            ))}
          </div>
        )}
        {canFollow && followedHall && (
          <p className={styles.following} data-testid="notifications-followed-hall">
            {t('following', { hall: followedHall.name })}
          </p>
        )}
        {canFollow && hall && onFollowHall && (
          <Button variant="ghost" onClick={() => onFollowHall(isFollowed ? null : hall)} aria-pressed={isFollowed} data-testid="notifications-follow-hall">
            {t(isFollowed ? 'unfollow' : 'follow', { hall: hall.name })}
          </Button>
        )}
      </div>
      {shown.length === 0 ? (
        <p className={styles.empty}>{t('empty')}</p>
      ) : (
        <ul className={styles.list}>
          {shown.map((e) => (
            <li key={e.id} className={`${styles.item} ${e.read ? '' : styles.itemUnread}`} data-testid="notification-entry" data-type={e.type} data-read={e.read}>
              <Badge tone={TONE[e.type]}>{t(`types.${e.type}`)}</Badge>
              <div className={styles.itemBody}>
                <div className={styles.itemText}>{textOf(e)}</div>
                <div className={styles.itemMeta}>
                  {time.format(new Date(e.at))}
                  {e.mine ? ` · ${t('mine')}` : ''}
                </div>
              </div>
              {!e.read && (
                <Button variant="ghost" onClick={() => onMarkRead(e.id)} data-testid="notification-mark-read">
                  {t('markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
