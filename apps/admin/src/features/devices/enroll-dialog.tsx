import type { Device, EnrollmentCodeResult } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, Dialog, DialogActions, Notice, TextField } from '@pos/ui';
import { useEffect, useState } from 'react';
import { useCreateEnrollmentCode } from '../../api/create-enrollment-code';
import { devicesQueryKey, useDevices } from '../../api/get-devices';
import styles from './devices-section.module.css';

/** How long a code may wait to be typed on the tablet, in minutes (the API allows 1..1440). */
const TTL_CHOICES = ['15', '60', '1440'] as const;
type Ttl = (typeof TTL_CHOICES)[number];

/** While the code is on screen the list is polled, so the new tablet shows up as soon as it enrolls. */
export const ENROLL_POLL_MS = 5_000;

interface Issued extends EnrollmentCodeResult {
  ttlMinutes: number;
  /** When the answer arrived on this tablet: the countdown runs on this clock, not the server's. */
  receivedAt: number;
  /** Devices listed when the code was issued (null if the list was not loaded): any other is new. */
  known: ReadonlySet<string> | null;
}

/** The link that opens the shell's enrollment screen with the venue and code filled in. */
export const enrollmentLink = (origin: string, venue: string, code: string) => `${origin}/?venue=${encodeURIComponent(venue)}&enroll=${encodeURIComponent(code)}`;

/** 14:59, or 23:59:59 for codes valid a day. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/**
 * Enrolls a tablet in two steps: how long the code stays valid, then the one-time code itself,
 * large enough to read across the room, with its expiry, the venue and a link to open on the
 * tablet. The list refreshes when the dialog closes.
 */
export function EnrollDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('admin');
  const { queryClient } = useHost();
  const create = useCreateEnrollmentCode();
  const [ttl, setTtl] = useState<Ttl>('15');
  const [issued, setIssued] = useState<Issued | null>(null);

  const close = () => {
    void queryClient.invalidateQueries({ queryKey: devicesQueryKey });
    onClose();
  };
  const issue = () => {
    const listed = queryClient.getQueryData<{ devices: Device[] }>(devicesQueryKey);
    const known = listed ? new Set(listed.devices.map((d) => d.id)) : null;
    const ttlMinutes = Number(ttl);
    create.mutate({ ttlMinutes }, { onSuccess: (result) => setIssued({ ...result, ttlMinutes, receivedAt: Date.now(), known }) });
  };
  const again = () => {
    create.reset();
    setIssued(null);
  };

  if (issued) {
    return (
      <Dialog
        title={t('devices.enrollTitle')}
        onClose={close}
        closeLabel={t('common:close')}
        footer={<DialogActions onCancel={again} cancelLabel={t('devices.newCode')} cancelTestId="enroll-again" onConfirm={close} confirmLabel={t('devices.done')} confirmTestId="enroll-done" />}
      >
        <IssuedCode issued={issued} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('devices.enrollTitle')}
      onClose={close}
      closeLabel={t('common:close')}
      footer={<DialogActions onCancel={close} cancelLabel={t('common:cancel')} onConfirm={issue} confirmLabel={t('devices.issue')} isDisabled={create.isPending} confirmTestId="enroll-issue" />}
    >
      <div className={styles.form}>
        {create.isError && <Notice kind="error">{problemText(t, create.error)}</Notice>}
        <div data-testid="enroll-ttl">
          <ChoiceGroup<Ttl> label={t('devices.validity')} value={ttl} onChange={setTtl} options={TTL_CHOICES.map((v) => ({ value: v, label: t(`devices.ttl.${v}`) }))} />
        </div>
        <p className={styles.hint}>{t('devices.validityHint')}</p>
      </div>
    </Dialog>
  );
}

function IssuedCode({ issued }: { issued: Issued }) {
  const { t, i18n } = useTranslation('admin');
  const { session } = useHost();
  const devices = useDevices({ refetchInterval: ENROLL_POLL_MS });
  const now = useNow(1_000);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const remaining = issued.receivedAt + issued.ttlMinutes * 60_000 - now;
  const isExpired = remaining <= 0;
  const link = enrollmentLink(window.location.origin, issued.venue, issued.code);
  const expiry = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ru-RU', {
    ...(issued.ttlMinutes >= 12 * 60 ? { dateStyle: 'short' } : {}),
    timeStyle: 'short',
    timeZone: session.venue.timezone,
  }).format(new Date(issued.expiresAt));
  const enrolled = issued.known ? (devices.data?.devices ?? []).filter((d) => !issued.known?.has(d.id) && !d.revokedAt) : [];

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className={styles.form}>
      <Notice kind="warning">{t('devices.shownOnce')}</Notice>
      {enrolled.map((d) => (
        <Notice key={d.id}>{t('devices.connected', { name: d.name })}</Notice>
      ))}
      <div className={`${styles.codeBox} ${isExpired ? styles.expired : ''}`}>
        <div className={styles.codeLabel}>{t('devices.code')}</div>
        <output className={styles.code} aria-label={t('devices.code')} data-testid="enroll-code">
          {issued.code}
        </output>
        <div className={styles.expiry} role="timer" data-testid="enroll-expiry">
          {isExpired ? (
            t('devices.expired')
          ) : (
            <>
              {t('devices.expiresAt', { time: expiry })} · <span className={styles.countdown}>{t('devices.remaining', { time: formatRemaining(remaining) })}</span>
            </>
          )}
        </div>
      </div>
      <div className={styles.venue}>
        <span className={styles.codeLabel}>{t('devices.venue')}</span>
        <strong className={styles.slug} data-testid="enroll-venue">
          {issued.venue}
        </strong>
        <span className={styles.hint}>{session.venue.name}</span>
      </div>
      <p className={styles.howTo}>{t('devices.howTo')}</p>
      <TextField
        label={t('devices.link')}
        value={link}
        readOnly
        className={styles.link}
        onFocus={(e) => e.target.select()}
        error={copied === 'failed' ? t('devices.copyFailed') : null}
        addon={
          <Button onClick={() => void copy()} data-testid="enroll-copy">
            {copied === 'yes' ? `✓ ${t('devices.copied')}` : t('devices.copy')}
          </Button>
        }
        data-testid="enroll-link"
      />
    </div>
  );
}

/** The current time, ticking every `ms`. */
function useNow(ms: number) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
