import type { CustomerLookup, Order } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, Dialog, DialogActions, Notice, Spinner } from '@pos/ui';
import { useState } from 'react';
import { useAttachCustomer } from '../../api/attach-customer';
import { useLookupCustomer } from '../../api/lookup-customer';
import { readScannedCode } from '../../model/guest-entry';
import { newIntentKey } from '../../model/intent-key';
import { loyaltyProblemText } from '../../model/problem-text';
import { QrCamera } from '../../qr/qr-camera';
import { GuestProfile } from './guest-profile';
import styles from './guest-dialog.module.css';

export interface GuestDialogProps {
  order: Order;
  /** A guest found by a typed phone or code: their profile, to attach. */
  found?: CustomerLookup | null;
  /** The order's own guest: their profile only. */
  customerId?: string;
  isOffline: boolean;
  onClose(): void;
}

/**
 * Scan a guest's QR code with the camera, then see who it is and attach them to the order; or the
 * profile of a guest found by phone, or of the order's own guest. A refused code says why (expired,
 * forged, revoked, unknown) and the camera can scan again.
 */
export function GuestDialog({ order, found = null, customerId, isOffline, onClose }: GuestDialogProps) {
  const { t } = useTranslation('loyalty');
  const { notify } = useHost();
  const lookup = useLookupCustomer();
  const attach = useAttachCustomer(order.id);
  const [attachKey] = useState(newIntentKey);
  const [scanRound, setScanRound] = useState(0);
  const [scanProblem, setScanProblem] = useState<string | null>(null);
  const guest = found ?? lookup.data ?? null;
  const shownId = customerId ?? guest?.customer.id ?? null;
  const isScanning = shownId === null;

  const onCode = (data: string) => {
    const entry = readScannedCode(data);
    if (entry.kind === 'qr') {
      setScanProblem(null);
      lookup.mutate({ qr: entry.qr });
    } else setScanProblem(t(entry.kind === 'giftCard' ? 'entry.giftCard' : 'entry.unknown'));
  };
  const scanAgain = () => {
    lookup.reset();
    setScanProblem(null);
    setScanRound((n) => n + 1);
  };

  const problem = scanProblem ?? (lookup.isError ? loyaltyProblemText(t, lookup.error) : null);
  const canAttachHere = !customerId && guest !== null && order.status === 'open' && !order.customer;
  const footer = canAttachHere ? (
    <DialogActions
      onCancel={onClose}
      cancelLabel={t('profile.close')}
      onConfirm={() =>
        attach.mutate(
          { customerId: guest.customer.id, idempotencyKey: attachKey },
          {
            onSuccess: () => {
              notify('success', t('profile.attachedNow', { name: guest.customer.name }));
              onClose();
            },
          },
        )
      }
      confirmLabel={attach.isPending ? t('profile.attaching') : t('profile.attach')}
      isDisabled={isOffline}
      isBusy={attach.isPending}
      confirmTestId="loyalty-attach"
    />
  ) : (
    <Button size="large" onClick={onClose} data-testid="loyalty-dialog-close">
      {isScanning ? t('scan.close') : t('profile.close')}
    </Button>
  );

  return (
    <Dialog title={isScanning ? t('scan.title') : t('profile.title')} onClose={() => !attach.isPending && onClose()} closeLabel={t('scan.close')} size="small" footer={footer} testId="loyalty-dialog">
      {isOffline && <Notice kind="neutral">{t('needsNetwork')}</Notice>}
      {isScanning && (
        <div className={styles.scan}>
          {!problem && !lookup.isPending && <QrCamera key={scanRound} onCode={onCode} />}
          {lookup.isPending && <Spinner label={t('scan.looking')} />}
          {problem && (
            <>
              <Notice kind="error" testId="loyalty-scan-problem">
                {problem}
              </Notice>
              <Button size="large" onClick={scanAgain} data-testid="loyalty-scan-again">
                {t('scan.again')}
              </Button>
            </>
          )}
        </div>
      )}
      {shownId !== null && (
        <>
          {guest && !customerId && <div className={styles.via}>{t('profile.foundVia', { via: t(`profile.via.${guest.via}`) })}</div>}
          <GuestProfile customerId={shownId} fallbackName={guest?.customer.name} isOffline={isOffline} />
          {attach.isError && <Notice kind="error" testId="loyalty-attach-problem">{loyaltyProblemText(t, attach.error)}</Notice>}
        </>
      )}
    </Dialog>
  );
}
