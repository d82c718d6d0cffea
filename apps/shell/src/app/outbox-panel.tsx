import { problemText } from '@pos/i18n';
import type { OutboxRecord } from '@pos/offline';
import { Badge, Button, Dialog, PinPad } from '@pos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './signed-in.module.css';
import type { ShellOffline } from '../core/offline';
import { navigate } from '../core/router';
import { signInOnThisTablet } from '../core/device';
import { currentVenueSlug } from '../core/session';
import { useServices } from '../core/services-context';

/** The outbox's counts, live. */
export function useOutboxCounts(offline: Promise<ShellOffline>) {
  const [counts, setCounts] = useState({ pending: 0, failed: 0 });
  useEffect(() => {
    let outbox: ShellOffline['outbox'] | null = null;
    const onChange = (c: { pending: number; failed: number }) => setCounts(c);
    void offline.then((o) => {
      outbox = o.outbox;
      outbox.events.on('changed', onChange);
      void outbox.emitCounts();
    });
    return () => outbox?.events.off('changed', onChange);
  }, [offline]);
  return counts;
}

/**
 * "Needs attention": queued commands the server refused for good (a dish sold out meanwhile, a
 * table someone else closed). Never dropped silently, never retried by themselves: the waiter
 * opens the order to fix it, retries, or drops the command.
 */
export function AttentionButton({ offline, failed }: { offline: Promise<ShellOffline>; failed: number }) {
  const { t } = useTranslation('shell');
  const [records, setRecords] = useState<OutboxRecord[] | null>(null);
  const load = () => void offline.then((o) => o.outbox.failed()).then(setRecords);
  useEffect(() => {
    if (records) load();
    // Refresh the open list when the count moves.
  }, [failed]);
  if (failed === 0 && !records) return null;
  const act = (fn: (o: ShellOffline) => Promise<void>) => void offline.then(fn).then(load);
  return (
    <>
      {failed > 0 && (
        <button className={styles.attention} data-testid="outbox-attention" onClick={load}>
          {t('outbox.attention', { count: failed })}
        </button>
      )}
      {records && (
        <Dialog title={t('outbox.title')} onClose={() => setRecords(null)} closeLabel={t('common:close')}>
          {records.length === 0 ? (
            <p>{t('outbox.empty')}</p>
          ) : (
            <ul className={styles.attentionList} data-testid="outbox-failed-list">
              {records.map((r) => (
                <li key={r.id} className={styles.attentionItem}>
                  <div>
                    <b>{t(`outbox.kind.${r.kind}`)}</b> <Badge tone="danger">{r.error?.code}</Badge>
                    <div className={styles.attentionReason}>{r.error ? problemText(t, r.error) : null}</div>
                    <small>{new Date(r.createdAt).toLocaleTimeString()}</small>
                  </div>
                  <div className={styles.attentionActions}>
                    {r.orderId && (
                      <Button variant="ghost" onClick={() => { setRecords(null); navigate(`/order/${r.orderId}`); }}>
                        {t('outbox.open')}
                      </Button>
                    )}
                    <Button onClick={() => act((o) => o.outbox.retry(r.id))}>{t('common:retry')}</Button>
                    <Button variant="danger" onClick={() => act((o) => o.outbox.drop(r.id))} data-testid={`outbox-drop-${r.kind}`}>
                      {t('outbox.drop')}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Dialog>
      )}
    </>
  );
}

/**
 * Signing out with unsent commands: they stay queued and go out with the next sign-in on this
 * tablet, but a waiter should not walk away from them unnoticed — a supervisor confirms with
 * their PIN (checked by the server, so this needs the network).
 */
export function SignOutGuard({ pending, onClose, onConfirmed }: { pending: number; onClose(): void; onConfirmed(): void }) {
  const { t } = useTranslation('shell');
  const { api } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const check = async (pin: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await signInOnThisTablet(api, currentVenueSlug(), pin);
      if (result.staff.role !== 'supervisor' && result.staff.role !== 'admin') {
        setError(t('outbox.notSupervisor'));
        setAttempt((n) => n + 1);
        return;
      }
      onConfirmed();
    } catch (e) {
      setError(problemText(t, e));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('outbox.signOutTitle')} onClose={onClose} closeLabel={t('common:close')}>
      <div data-testid="signout-guard">
        <p>{t('outbox.signOutText', { count: pending })}</p>
        <p>{t('outbox.supervisorPin')}</p>
        <PinPad disabled={busy} resetKey={attempt} onComplete={(pin) => void check(pin)} labels={{ clear: 'C', erase: '⌫', submit: t('login.submit'), progress: (count) => t('login.progress', { count }) }} />
        {error && <p className={styles.attentionReason}>{error}</p>}
      </div>
    </Dialog>
  );
}
