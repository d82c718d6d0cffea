import { useTranslation } from '@pos/i18n';
import type { SlotProps } from '@pos/plugin-sdk';
import type { AlertLine } from './alert-view';
import styles from './alerts.module.css';
import { useLiveAlerts } from './use-live-alerts';

/** The short text of the most urgent reminder ("Смена закроется через 10 мин"). */
export function alertText(t: (key: string, options?: Record<string, unknown>) => string, line: AlertLine, many: boolean): string {
  if (line.kind === 'over_limit') return many ? t('alerts.overLimitOf', { name: line.cashierName, hours: line.hoursOpen }) : t('alerts.overLimit', { hours: line.hoursOpen });
  return many ? t('alerts.closeoutOf', { name: line.cashierName, minutes: line.minutes }) : t('alerts.closeout', { minutes: line.minutes });
}

/**
 * The header chip (slot `header.indicators`): the most urgent shift reminder, counted down live;
 * nothing when none is due. Red from 10 minutes before the closeout.
 */
export function AlertIndicator(_props: SlotProps<'header.indicators'>) {
  const { t } = useTranslation('shift');
  const { lines } = useLiveAlerts();
  if (lines.length === 0) return null;
  const top = lines[0];
  const many = new Set(lines.map((l) => l.shiftId)).size > 1;
  return (
    <span className={`${styles.indicator} ${top.kind === 'closeout_10' ? styles.urgent : ''}`} role="status" data-testid="shift-alert-indicator" data-kind={top.kind}>
      {alertText(t, top, many)}
      {lines.length > 1 && <span aria-label={t('alerts.more', { count: lines.length - 1 })}>+{lines.length - 1}</span>}
    </span>
  );
}
