import type { ClosedShift } from '@pos/contracts';
import { Button, VisuallyHidden } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services-context';
import { Slot } from '../../core/plugin-host/slot';
import { ClosePanel } from './close-panel';
import { OpenShiftForm } from './open-shift-form';
import { ShiftResult } from './shift-result';
import styles from './shift-screen.module.css';
import { ShiftTotals } from './shift-totals';
import { useLiveCurrentShift } from './use-shift';
import { problemText } from '@pos/i18n';

/** The cashier's shift: open it with a float, watch the totals, close it against counted money. */
export function ShiftScreen() {
  const { t } = useTranslation('shift');
  const { venue } = useServices().host().session;
  const currency = venue.currency;
  const current = useLiveCurrentShift();
  // The closed shift stays on screen until the cashier has read the differences.
  const [closed, setClosed] = useState<ClosedShift | null>(null);

  let content;
  if (closed) content = <ShiftResult shift={closed} currency={currency} onDone={() => setClosed(null)} />;
  else if (current.isPending) content = <div className={styles.message}>{t('common:loading')}</div>;
  else if (current.isError && !current.data)
    content = (
      <div className={styles.message} role="alert">
        <p>{t('loadError', { message: problemText(t, current.error) })}</p>
        <Button variant="primary" size="large" onClick={() => void current.refetch()}>
          {t('common:retry')}
        </Button>
      </div>
    );
  else if (!current.data.shift) content = <OpenShiftForm currency={currency} timezone={venue.timezone} />;
  else
    content = (
      <div className={styles.openLayout}>
        <VisuallyHidden as="h1">{t('screenTitle')}</VisuallyHidden>
        <div className={styles.column}>
          <ShiftTotals shift={current.data.shift} currency={currency} updatedAt={current.dataUpdatedAt} isRefreshing={current.isFetching} onRefresh={() => void current.refetch()} />
          {/* Remotes' shift reports, then what the close will do (the payments remote's expired card holds). */}
          <Slot name="shift.panel" context={{ shift: current.data.shift }} />
          <Slot name="shift.close" context={{ stage: 'before', shift: current.data.shift }} />
        </div>
        <ClosePanel key={current.data.shift.id} shift={current.data.shift} currency={currency} onClosed={setClosed} />
      </div>
    );

  return (
    <div className={styles.screen} data-testid="shift-screen">
      {content}
    </div>
  );
}
