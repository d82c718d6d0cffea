import { ApiError } from '@pos/api-client';
// Type only: the offline layer stays out of the PIN pad's first load.
import type { OfflineSignInError } from '@pos/offline';
import { Button, PinPad } from '@pos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services-context';
import { currentVenueSlug, deviceId } from '../../app/session';
import styles from './login-screen.module.css';

/** PIN pad sign-in for the tablet's venue; also the quick staff switch. */
export function LoginScreen() {
  const { api, signIn, i18n, offline } = useServices();
  const { t } = useTranslation('shell');
  const venue = currentVenueSlug();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const submit = async (pin: string) => {
    setBusy(true);
    setError('');
    try {
      signIn(await api.login(venue, pin, deviceId()));
    } catch (e) {
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
      if (e instanceof ApiError && e.code === 'auth.invalid_pin') setError(t('login.wrongPin', { count: Number(e.problem.attemptsLeft ?? 0) }));
      else if (e instanceof ApiError && e.code === 'auth.locked') setError(t('login.locked', { seconds: Number(e.problem.retryAfterSeconds ?? 300) }));
      else setError(t('login.failed', { message: e instanceof Error ? e.message : String(e) }));
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.screen}>
      <div className={styles.card}>
        <div className={styles.venue}>
          {t('login.venue')}: <b>{venue}</b>
        </div>
        <h1 className={styles.title}>{t('login.title')}</h1>
        <div className={styles.error} role="alert">
          {error}
        </div>
        <PinPad onComplete={submit} disabled={busy} resetKey={attempt} />
        <div className={styles.language}>
          <Button variant="ghost" onClick={() => void i18n.changeLanguage(i18n.language === 'ru' ? 'en' : 'ru')}>
            {t('header.language')}
          </Button>
        </div>
      </div>
    </div>
  );
}
