import { ApiError } from '@pos/api-client';
import { Button } from '@pos/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveEnrollment } from '../../core/device';
import { useServices } from '../../core/services-context';
import styles from './login-screen.module.css';

const CODE_PATTERN = /^[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{4}$/i;

/** Takes a code out of `?enroll=…` once, and out of the address bar, so a reload never reuses it. */
function codeFromUrl(): string {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('enroll') ?? '';
  if (code) {
    url.searchParams.delete('enroll');
    window.history.replaceState(window.history.state, '', url.toString());
  }
  return code;
}

/**
 * A tablet that is not enrolled in the venue: the one-time code from Admin → Devices (typed, or
 * from an enrollment link, which fills it in and enrolls at once) and a name staff know it by.
 */
export function EnrollForm({ venue, notice, onEnrolled }: { venue: string; notice?: string; onEnrolled(): void }) {
  const { api } = useServices();
  const { t } = useTranslation('shell');
  const [fromLink] = useState(codeFromUrl);
  const [code, setCode] = useState(fromLink);
  const [name, setName] = useState(() => t('enroll.defaultName'));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const codeIsValid = CODE_PATTERN.test(code.trim());
  const autoSent = useRef(false);

  const enroll = async () => {
    if (!codeIsValid || !name.trim() || busy) return;
    setBusy(true);
    setError('');
    try {
      await saveEnrollment(await api.enrollDevice({ venue, code: code.trim().toUpperCase(), name: name.trim() }));
      onEnrolled();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'device.enrollment_code_invalid') setError(t('enroll.invalidCode'));
      else if (e instanceof ApiError && e.status === 0) setError(t('enroll.offline'));
      else setError(t('enroll.failed', { message: e instanceof Error ? e.message : String(e) }));
      setBusy(false);
    }
  };

  // An enrollment link needs no tap: the code came with it.
  useEffect(() => {
    if (fromLink && !autoSent.current) {
      autoSent.current = true;
      void enroll();
    }
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void enroll();
  };

  return (
    <form className={styles.enroll} onSubmit={submit} data-testid="enroll-form">
      <h1 className={styles.title}>{t('enroll.title')}</h1>
      <p className={styles.hint}>{notice ?? t('enroll.text')}</p>
      <label className={styles.field}>
        <span>{t('enroll.code')}</span>
        <input
          className={styles.codeInput}
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          placeholder="ABCD-2345"
          maxLength={9}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          data-testid="enroll-code"
        />
        <small className={styles.hint}>{t('enroll.codeHint')}</small>
      </label>
      <label className={styles.field}>
        <span>{t('enroll.name')}</span>
        <input className={styles.textInput} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder={t('enroll.namePlaceholder')} data-testid="enroll-name" />
      </label>
      <div className={styles.error} role="alert">
        {error}
      </div>
      <Button type="submit" variant="primary" size="large" block disabled={!codeIsValid || !name.trim() || busy} data-testid="enroll-submit">
        {t('enroll.submit')}
      </Button>
    </form>
  );
}
