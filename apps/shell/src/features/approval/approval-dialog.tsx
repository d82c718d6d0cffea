import { ApiError } from '@pos/api-client';
import type { ApprovablePermission, Approval } from '@pos/contracts';
import { problemText } from '@pos/i18n';
import { Dialog, PinPad } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useSubject } from '../../core/services-context';
import styles from './approval-dialog.module.css';

export interface ApprovalDialogProps {
  permission: ApprovablePermission;
  onApproved(approval: Approval): void;
  onClose(): void;
}

/**
 * A supervisor's PIN for one action, typed on the acting staff member's tablet. The server checks
 * it (approvals are never queued: offline the dialog says so); a wrong PIN clears the pad and
 * says how many tries are left before the tablet locks, as at sign-in. No footer: the pad must
 * fit a 768-pixel-high screen; the header's × (Cancel), Escape and the backdrop close it.
 */
export function ApprovalDialog({ permission, onApproved, onClose }: ApprovalDialogProps) {
  const { api, connectivity$, session$ } = useServices();
  const { t } = useTranslation('approval');
  const requester = useSubject(session$)?.staff.name ?? '';
  const isOffline = useSubject(connectivity$).state === 'offline';
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [isUnreachable, setUnreachable] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = async (pin: string) => {
    setBusy(true);
    setError('');
    try {
      onApproved(await api.requestApproval({ permission, pin }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) setUnreachable(true);
      else if (e instanceof ApiError && e.code === 'approval.wrong_pin') setError(t('wrongPin', { count: Number(e.problem.attemptsLeft ?? 0) }));
      else setError(problemText(t, e));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('title')}
      onClose={() => !isBusy && onClose()}
      closeLabel={t('common:cancel')}
    >
      <div className={styles.body} data-testid="approval-dialog" data-permission={permission}>
        <div className={styles.what}>{t(`what.${permission}`)}</div>
        <div className={styles.requester} data-testid="approval-requester">
          {t('requester', { name: requester })}
        </div>
        {isOffline || isUnreachable ? (
          <div className={styles.offline} role="status" data-testid="approval-offline">
            {t('offline')}
          </div>
        ) : (
          <>
            <p className={styles.hint}>{t('hint')}</p>
            <div className={isBusy ? styles.checking : styles.error} role="alert" data-testid="approval-error">
              {isBusy ? t('checking') : error}
            </div>
            <PinPad onComplete={(pin) => void submit(pin)} disabled={isBusy} resetKey={attempt} labels={{ clear: 'C', erase: '⌫', submit: t('submit') }} />
          </>
        )}
      </div>
    </Dialog>
  );
}
