import { useTranslation } from '@pos/i18n';
import { Badge, type BadgeTone, Button, Segmented } from '@pos/ui';
import { useState } from 'react';
import { filterEntries, NOTIFICATION_TYPES, type NotificationEntry, type NotificationType } from './model';
import styles from './notifications.module.css';

const TONE: Record<NotificationType, BadgeTone> = { kitchen: 'success', stock: 'warning', remote: 'danger' };

export interface NotificationCenterProps {
  entries: readonly NotificationEntry[];
  onMarkRead(id: string): void;
  onMarkAll(): void;
  onClose(): void;
}

/** The history panel: newest first, filter by type and by table/hall text, mark one or all read. */
export function NotificationCenter({ entries, onMarkRead, onMarkAll, onClose }: NotificationCenterProps) {
  const { t, i18n } = useTranslation('notifications');
  const [type, setType] = useState<NotificationType | 'all'>('all');
  const [text, setText] = useState('');
  const shown = filterEntries(entries, type, text);
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
