import { Button } from '@pos/ui';
import { useState } from 'react';
import { useFormat } from '../../format';
import { CopyButton } from './copy-button';
import styles from './integrations-admin.module.css';

/** `whsec_` and dots: the secret's kind without the secret. */
const masked = (secret: string) => `${secret.slice(0, 6)}${'•'.repeat(16)}`;

/** A signing secret, masked until "show"; copied whole either way; the previous one's grace below. */
export function SecretField({ secret, previousUntil, testId }: { secret: string; previousUntil: string | null; testId: string }) {
  const { t, dateTime } = useFormat();
  const [isShown, setShown] = useState(false);
  const isGraceRunning = previousUntil !== null && Date.parse(previousUntil) > Date.now();
  return (
    <div className={styles.secret}>
      <span className={styles.label}>{t('admin.secret')}</span>
      <div className={styles.valueRow}>
        <code className={styles.code} data-testid={`${testId}-secret`} data-shown={isShown || undefined}>
          {isShown ? secret : masked(secret)}
        </code>
        <Button variant="ghost" aria-pressed={isShown} onClick={() => setShown(!isShown)} data-testid={`${testId}-secret-show`}>
          {isShown ? t('admin.hide') : t('admin.show')}
        </Button>
        <CopyButton text={secret} label={`${t('admin.copy')}: ${t('admin.secret')}`} testId={`${testId}-secret-copy`} />
      </div>
      {isGraceRunning && (
        <span className={styles.muted} data-testid={`${testId}-previous`}>
          {t('admin.previousUntil', { time: dateTime(previousUntil) })}
        </span>
      )}
    </div>
  );
}
