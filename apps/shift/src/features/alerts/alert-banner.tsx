import { useTranslation } from '@pos/i18n';
import { type SlotProps, useHost } from '@pos/plugin-sdk';
import { alertText } from './alert-indicator';
import styles from './alerts.module.css';
import { useLiveAlerts } from './use-live-alerts';

/**
 * The banner above the floor (slot `home.widgets`): every reminder due — the closeout coming (with
 * the minutes left, live) and shifts over their time limit; a supervisor sees whose shift each is.
 * Nothing when none is due.
 */
export function AlertBanner(_props: SlotProps<'home.widgets'>) {
  const { t, i18n } = useTranslation('shift');
  const host = useHost();
  const { lines, closeoutAt } = useLiveAlerts();
  if (lines.length === 0) return null;
  const own = lines.every((l) => l.cashierName === host.session.staff.name);
  const urgent = lines.some((l) => l.kind === 'closeout_10');
  const closeout = lines.find((l) => l.kind !== 'over_limit');
  // The headline already says when the closeout comes: a cashier's own reminder is not repeated below it.
  const listed = own ? lines.filter((l) => l.kind === 'over_limit') : lines;
  const clock = closeoutAt ? new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, hour: '2-digit', minute: '2-digit' }).format(new Date(closeoutAt)) : null;
  return (
    <section className={`${styles.banner} ${urgent ? styles.bannerUrgent : ''}`} role="alert" aria-live="polite" data-testid="shift-alert-banner">
      <p className={styles.headline} data-testid="shift-alert-headline">
        {closeout ? t('alerts.bannerCloseout', { minutes: closeout.minutes, time: clock }) : t('alerts.bannerOverLimit')}
      </p>
      {listed.length > 0 && (
        <ul className={styles.lines}>
          {listed.map((l) => (
          <li key={l.key} className={styles.line} data-testid="shift-alert-line" data-kind={l.kind}>
            {alertText(t, l, !own)}
            {l.tillName && <span className={styles.muted}> · {l.tillName}</span>}
          </li>
          ))}
        </ul>
      )}
      {closeout && <p className={`${styles.line} ${styles.muted}`}>{t('alerts.closeHint')}</p>}
    </section>
  );
}
