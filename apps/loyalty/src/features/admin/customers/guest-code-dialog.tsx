import type { Customer } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { Button, Dialog, Notice, Spinner } from '@pos/ui';
import { useEffect, useMemo, useState } from 'react';
import { useGuestCode } from '../api/customers';
import { QrCode } from '../qr/qr-code';
import { guestCodeExpiry, REFRESH_LEAD_S } from './guest-code-expiry';
import styles from './customers.module.css';

/** Ticks every second while mounted. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * «Код приложения гостя»: the code the guest app would show this guest now, made by the server
 * with the venue's key — staff hold the tablet's screen up to the till's camera to try the scanner
 * and the lookup. It counts down to its end and fetches the next one by itself, as the app does.
 */
export function GuestCodeDialog({ customer, onClose }: { customer: Customer; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const guestCode = useGuestCode(customer.id);
  const now = useNow();
  const { data, dataUpdatedAt, isFetching, isError, refetch } = guestCode;
  const expiresAt = useMemo(() => (data ? guestCodeExpiry(data.code, data.validUntil, dataUpdatedAt) : null), [data, dataUpdatedAt]);
  // The last tick may predate the code's arrival: count from whichever is later.
  const secondsLeft = expiresAt === null ? 0 : Math.max(0, Math.ceil((expiresAt - Math.max(now, dataUpdatedAt)) / 1000));
  const lifetime = data && expiresAt !== null ? Math.max(1, Math.round((expiresAt - dataUpdatedAt) / 1000)) : 1;
  const isDue = expiresAt !== null && secondsLeft <= REFRESH_LEAD_S;

  useEffect(() => {
    // A failed refresh waits for the retry button: no request every second against a server that refuses.
    if (isDue && !isFetching && !isError) void refetch();
  }, [isDue, isFetching, isError, refetch]);

  return (
    <Dialog title={t('admin.guestCode.title', { name: customer.name })} onClose={onClose} closeLabel={t('admin.close')} size="small" testId="guest-code">
      <p className={styles.muted}>{t('admin.guestCode.description')}</p>
      {data && (
        <figure className={styles.guestCode}>
          <QrCode value={data.code} label={t('admin.guestCode.qrLabel', { name: customer.name })} size="min(300px, 70vw)" testId="guest-code-qr" />
          <figcaption>
            <div className={styles.countdown} role="timer" aria-live="off" data-testid="guest-code-countdown">
              {secondsLeft > 0 ? t('admin.guestCode.validFor', { seconds: secondsLeft }) : t('admin.guestCode.expired')}
            </div>
            <div className={styles.meter} aria-hidden="true">
              <div className={styles.meterFill} style={{ width: `${Math.min(100, (secondsLeft / lifetime) * 100)}%` }} />
            </div>
            <code className={styles.code} data-testid="guest-code-text">
              {data.code}
            </code>
          </figcaption>
        </figure>
      )}
      {isError ? (
        <Notice
          kind="error"
          testId="guest-code-failure"
          action={
            <Button onClick={() => void refetch()} data-testid="guest-code-retry">
              {t('admin.retry')}
            </Button>
          }
        >
          {t('admin.guestCode.failed', { message: problemText(t, guestCode.error) })}
        </Notice>
      ) : (
        !data && (
          <p className={styles.loading}>
            <Spinner /> {t('admin.guestCode.loading')}
          </p>
        )
      )}
    </Dialog>
  );
}
