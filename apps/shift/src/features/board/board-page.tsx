import type { OpenShiftSummary } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { type SlotProps, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Notice, Section, Spinner } from '@pos/ui';
import { useState } from 'react';
import { useOpenShifts } from '../../api/board';
import { BlindCloseDialog } from './blind-close-dialog';
import { openedAtText, openFor } from './board-model';
import styles from './board.module.css';

/**
 * "Открытые смены", a page of Admin (`admin.pages`, permission `shifts.close-others`): the venue's
 * open shifts — cashier, till, since when, open checks — and a blind close of another's shift.
 * The board never shows what a drawer should hold: the supervisor counts before seeing it.
 */
export function BoardPage(_props: SlotProps<'admin.pages'>) {
  const { t } = useTranslation('shift');
  const shifts = useOpenShifts();
  const [closing, setClosing] = useState<OpenShiftSummary | null>(null);

  return (
    <Section
      testId="shift-board"
      title={t('board.title')}
      description={t('board.description')}
      actions={
        <Button onClick={() => void shifts.refetch()} disabled={shifts.isFetching} data-testid="shift-board-refresh">
          {shifts.isFetching ? <Spinner size={18} /> : '⟳'} {t('board.refresh')}
        </Button>
      }
    >
      {shifts.data ? (
        shifts.data.shifts.length === 0 ? (
          <p className={styles.empty} data-testid="shift-board-empty">
            {t('board.empty')}
          </p>
        ) : (
          <ul className={styles.list} aria-label={t('board.list')}>
            {shifts.data.shifts.map((shift) => (
              <BoardRow key={shift.id} shift={shift} now={shifts.dataUpdatedAt} onClose={() => setClosing(shift)} />
            ))}
          </ul>
        )
      ) : shifts.error ? (
        <Notice kind="error">{t('board.failed', { message: problemText(t, shifts.error) })}</Notice>
      ) : (
        <p className={styles.empty}>
          <Spinner size={18} /> {t('board.loading')}
        </p>
      )}
      {closing && <BlindCloseDialog shift={closing} onClose={() => setClosing(null)} />}
    </Section>
  );
}

function BoardRow({ shift, now, onClose }: { shift: OpenShiftSummary; now: number; onClose(): void }) {
  const { t, i18n } = useTranslation('shift');
  const { session } = useHost();
  const isMine = shift.cashierId === session.staff.id;
  const duration = openFor(shift.openedAt, now);
  return (
    <li className={styles.row} data-testid={`board-shift-${shift.id}`}>
      <div className={styles.who}>
        <span className={styles.cashier}>{shift.cashierName}</span>
        <span className={styles.badges}>
          <Badge tone={shift.tillName ? 'info' : 'neutral'}>{shift.tillName ?? t('board.personalDrawer')}</Badge>
          {shift.isRescue && <Badge tone="warning">{t('board.rescue')}</Badge>}
          {isMine && <Badge tone="accent">{t('board.yours')}</Badge>}
        </span>
      </div>
      <div className={styles.when}>
        <span className={styles.since}>{t('board.since', { time: openedAtText(shift.openedAt, now, session.venue.timezone, i18n.language) })}</span>
        <span className={styles.muted}>{duration.hours > 0 ? t('board.duration', duration) : t('board.durationMinutes', duration)}</span>
      </div>
      <div className={`${styles.checks} ${shift.openChecks > 0 ? styles.hasChecks : ''}`} data-testid="board-open-checks">
        {shift.openChecks > 0 ? t('board.openChecks', { count: shift.openChecks }) : t('board.noOpenChecks')}
      </div>
      <div className={styles.action}>
        {isMine ? (
          <span className={styles.muted}>{t('board.yoursHint')}</span>
        ) : (
          <Button size="large" onClick={onClose} data-testid={`board-close-${shift.id}`}>
            {t('board.close')}
          </Button>
        )}
      </div>
    </li>
  );
}
