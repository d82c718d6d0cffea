import { ApiError } from '@pos/api-client';
// Type only: the offline layer stays out of the PIN pad's first load.
import type { OfflineSignInError } from '@pos/offline';
import { Button, PinPad } from '@pos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetEnrollment, loadEnrollment, NotEnrolledError, signInOnThisTablet } from '../../core/device';
import { useServices } from '../../core/services-context';
import { currentVenueSlug } from '../../core/session';
import { EnrollForm } from './enroll-form';
import styles from './login-screen.module.css';

/** PIN pad sign-in for the tablet's venue (the quick staff switch too); enrollment first when the tablet has none. */
export function LoginScreen() {
  const { api, signIn, i18n, offline, screenShown } = useServices();
  const { t } = useTranslation('shell');
  const venue = currentVenueSlug();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  /** null while the tablet's enrollment is read; a notice when it was revoked. */
  const [enrolled, setEnrolled] = useState<boolean | null>(null);
  const [enrollNotice, setEnrollNotice] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    loadEnrollment(venue).then(
      (found) => !cancelled && setEnrolled(Boolean(found) && !new URLSearchParams(window.location.search).has('enroll')),
      () => !cancelled && setEnrolled(false),
    );
    return () => {
      cancelled = true;
    };
  }, [venue]);

  // The offline layer (Dexie) is fetched only once the pad or the enrollment form is on screen:
  // reading the enrollment takes a moment, and the pad must not wait behind 40 KB of IndexedDB code.
  useEffect(() => {
    if (enrolled !== null) screenShown();
  }, [enrolled, screenShown]);

  const needsEnrollment = async (notice?: string) => {
    await forgetEnrollment(venue).catch(() => undefined);
    setEnrollNotice(notice);
    setEnrolled(false);
  };

  const submit = async (pin: string) => {
    setBusy(true);
    setError('');
    try {
      signIn(await signInOnThisTablet(api, venue, pin));
    } catch (e) {
      if (e instanceof NotEnrolledError) return void (await needsEnrollment());
      if (e instanceof ApiError && e.code === 'auth.device_not_enrolled') return void (await needsEnrollment(t('login.revoked')));
      if (e instanceof ApiError && e.status === 0) {
        // No network: check the PIN against the verifiers this tablet keeps.
        try {
          const session = await (await offline).staff.signIn(venue, pin);
          if (session) {
            signIn(session);
            return;
          }
          setError(t('login.wrongPinOffline'));
        } catch (offlineError) {
          const failure = offlineError as Partial<OfflineSignInError>;
          setError(failure.reason === 'locked' ? t('login.locked', { seconds: failure.retryAfterSeconds ?? 300 }) : t('login.offlineUnavailable'));
        }
        setAttempt((a) => a + 1);
        return;
      }
      const seconds = e instanceof ApiError ? Number(e.problem.retryAfterSeconds ?? 300) : 300;
      if (e instanceof ApiError && e.code === 'auth.invalid_pin') setError(t('login.wrongPin', { count: Number(e.problem.attemptsLeft ?? 0) }));
      else if (e instanceof ApiError && e.code === 'auth.venue_locked') setError(t('login.venueLocked', { minutes: Math.ceil(seconds / 60) }));
      else if (e instanceof ApiError && e.code === 'auth.locked') setError(t('login.locked', { seconds }));
      else setError(t('login.failed', { message: e instanceof Error ? e.message : String(e) }));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className={styles.screen}>
      <div className={styles.card}>
        <div className={styles.venue}>
          {t('login.venue')}: <b>{venue}</b>
        </div>
        {enrolled === false && <EnrollForm venue={venue} notice={enrollNotice} onEnrolled={() => setEnrolled(true)} />}
        {enrolled && (
          <>
            <h1 className={styles.title}>{t('login.title')}</h1>
            <div className={styles.error} role="alert">
              {error}
            </div>
            <PinPad onComplete={submit} disabled={busy} resetKey={attempt} labels={{ clear: 'C', erase: '⌫', submit: t('login.submit'), progress: (count) => t('login.progress', { count }) }} />
          </>
        )}
        <div className={styles.language}>
          <Button variant="ghost" onClick={() => void i18n.changeLanguage(i18n.language === 'ru' ? 'en' : 'ru')}>
            {t('header.language')}
          </Button>
        </div>
      </div>
    </main>
  );
}
