import { useTranslation } from '@pos/i18n';
import { Spinner } from '@pos/ui';
import { useEffect, useRef, useState } from 'react';
import styles from './qr-camera.module.css';

type CameraState = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'denied' } | { kind: 'noCamera' } | { kind: 'failed'; message: string };

export interface QrCameraProps {
  /** Called once with the first code read; the camera stops then (mount it again to scan again). */
  onCode(data: string): void;
}

/** What went wrong when the camera would not start, in the cashier's terms. */
export function cameraProblem(error: unknown): CameraState {
  const name = error instanceof Error || (error && typeof error === 'object' && 'name' in error) ? String((error as { name?: unknown }).name) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError') return { kind: 'denied' };
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || /camera not found/i.test(message)) return { kind: 'noCamera' };
  return { kind: 'failed', message };
}

/**
 * The camera's picture with a scan frame; reads QR codes with qr-scanner, which is fetched only
 * now (a dynamic import: a chunk of its own, not in the remote's first load).
 */
export function QrCamera({ onCode }: QrCameraProps) {
  const { t } = useTranslation('loyalty');
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>({ kind: 'starting' });
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    let isLive = true;
    let isDone = false;
    let running: { stop(): void } | null = null;
    const element = video.current;
    if (!element) return;
    import('./load-qr-scanner')
      .then(({ startQrScanner }) =>
        startQrScanner(element, (data) => {
          if (isDone || !isLive) return;
          isDone = true;
          running?.stop();
          running = null;
          latest.current(data);
        }),
      )
      .then(
        (scanner) => {
          if (!isLive || isDone) scanner.stop();
          else {
            running = scanner;
            setState({ kind: 'scanning' });
          }
        },
        (error: unknown) => isLive && setState(cameraProblem(error)),
      );
    return () => {
      isLive = false;
      running?.stop();
    };
  }, []);

  const isTrouble = state.kind === 'denied' || state.kind === 'noCamera' || state.kind === 'failed';
  return (
    <div className={styles.camera} data-testid="loyalty-camera" data-state={state.kind}>
      <div className={styles.viewport} hidden={isTrouble}>
        <video ref={video} className={styles.video} muted playsInline aria-label={t('scan.video')} />
        <div className={styles.frame} aria-hidden="true" />
        {state.kind === 'starting' && (
          <div className={styles.overlay}>
            <Spinner label={t('scan.starting')} />
          </div>
        )}
      </div>
      <p className={isTrouble ? styles.trouble : styles.aim} role={isTrouble ? 'alert' : 'status'}>
        {state.kind === 'denied' && t('scan.denied')}
        {state.kind === 'noCamera' && t('scan.noCamera')}
        {state.kind === 'failed' && t('scan.failed', { message: state.message })}
        {(state.kind === 'starting' || state.kind === 'scanning') && t('scan.aim')}
      </p>
    </div>
  );
}
