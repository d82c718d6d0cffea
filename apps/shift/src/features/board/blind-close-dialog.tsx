import { type ClosedShift, type OpenShiftSummary, PAYMENT_METHODS } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, ChipGroup, Dialog, DialogActions, MoneyField, Notice, TextField } from '@pos/ui';
import { useId, useState } from 'react';
import { useCloseShiftBlind } from '../../api/board';
import { newRequestId } from '../../model/cash-movement';
import { type BlindCloseDraft, type BlindCloseField, differenceTone, emptyBlindClose, fieldErrorsOf, missingOf, refusalOf, wasAnswered } from './board-model';
import styles from './board.module.css';

/**
 * Closing another's shift blind: the counted cash and card and a reason go first, and only the
 * server's answer — the closed shift — carries what was expected. Nothing expected is asked for
 * before that; then the dialog shows expected, counted and the difference per method.
 */
export function BlindCloseDialog({ shift, onClose }: { shift: OpenShiftSummary; onClose(): void }) {
  const { t } = useTranslation('shift');
  const [closed, setClosed] = useState<ClosedShift | null>(null);
  return closed ? <BlindCloseResult shift={closed} onDone={onClose} /> : <CountForm shift={shift} onClosed={setClosed} onCancel={onClose} title={t('board.dialog.title', { cashier: shift.cashierName })} />;
}

function CountForm({ shift, title, onClosed, onCancel }: { shift: OpenShiftSummary; title: string; onClosed(shift: ClosedShift): void; onCancel(): void }) {
  const { t } = useTranslation('shift');
  const host = useHost();
  const currency = host.session.venue.currency;
  const formId = useId();
  const close = useCloseShiftBlind();
  // One request id until the server answers: a retry after a lost answer closes once.
  const [requestId, setRequestId] = useState(newRequestId);
  const [draft, setDraft] = useState<BlindCloseDraft>(emptyBlindClose);
  const [isSubmitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<BlindCloseField, string>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const missing = missingOf(draft);
  const presets = t('board.dialog.presets', { returnObjects: true }) as string[];

  const errorOf = (field: BlindCloseField) =>
    serverErrors.get(field) ?? (isSubmitted && missing.has(field) ? t(field === 'reason' ? 'board.dialog.reasonRequired' : 'board.dialog.required') : undefined);
  const edit = (change: Partial<BlindCloseDraft>, field: BlindCloseField) => {
    setDraft({ ...draft, ...change });
    setServerErrors((errors) => {
      const next = new Map(errors);
      next.delete(field);
      return next;
    });
  };

  const submit = () => {
    setSubmitted(true);
    setFailure(null);
    if (missing.size > 0 || close.isPending || draft.cash === null || draft.card === null) return;
    close.mutate(
      { shiftId: shift.id, counted: { cash: draft.cash, card: draft.card }, reason: draft.reason.trim(), clientRequestId: requestId },
      {
        onSuccess: (closed) => {
          host.notify('success', t('board.closedDone', { cashier: closed.cashierName }));
          onClosed(closed);
        },
        onError: (error) => {
          if (wasAnswered(error)) setRequestId(newRequestId());
          const fields = fieldErrorsOf(error);
          setServerErrors(fields);
          const refusal = refusalOf(error);
          setFailure(
            refusal.kind === 'open_checks'
              ? refusal.count > 0
                ? t('board.dialog.openChecks', { count: refusal.count })
                : t('board.dialog.openChecksUnknown')
              : refusal.kind === 'closed'
                ? t('board.dialog.closedAlready')
                : refusal.kind === 'offline'
                  ? t('board.dialog.offline')
                  : fields.size > 0
                    ? t('board.dialog.invalid')
                    : t('board.dialog.failed', { message: problemText(t, error) }),
          );
        },
      },
    );
  };

  return (
    <Dialog
      title={title}
      onClose={() => !close.isPending && onCancel()}
      closeLabel={t('board.dialog.close')}
      size="small"
      testId="blind-close-dialog"
      footer={
        <DialogActions
          onCancel={onCancel}
          cancelLabel={t('board.dialog.cancel')}
          form={formId}
          confirmLabel={t('board.dialog.submit')}
          tone="danger"
          isBusy={close.isPending}
          confirmTestId="blind-close-submit"
          cancelTestId="blind-close-cancel"
        />
      }
    >
      <form
        id={formId}
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className={styles.till}>{t('board.dialog.till', { till: shift.tillName ?? t('board.personalDrawer') })}</p>
        <Notice kind="info">{t('board.dialog.blindHint')}</Notice>
        <div className={styles.amounts}>
          <MoneyField label={t('board.dialog.cash')} value={draft.cash} onChange={(cash) => edit({ cash }, 'cash')} currency={currency} error={errorOf('cash')} testId="blind-close-cash" autoFocus />
          <MoneyField label={t('board.dialog.card')} value={draft.card} onChange={(card) => edit({ card }, 'card')} currency={currency} error={errorOf('card')} testId="blind-close-card" />
        </div>
        <TextField
          label={t('board.dialog.reason')}
          hint={t('board.dialog.reasonHint')}
          error={errorOf('reason')}
          value={draft.reason}
          maxLength={200}
          onChange={(e) => edit({ reason: e.target.value }, 'reason')}
          data-testid="blind-close-reason"
        />
        <ChipGroup chips={presets.map((p, i) => ({ key: p, label: p, isOn: draft.reason.trim() === p, testId: `blind-close-preset-${i}` }))} onToggle={(reason) => edit({ reason }, 'reason')} />
        {failure && (
          <Notice kind="error" testId="blind-close-failure">
            {failure}
          </Notice>
        )}
      </form>
    </Dialog>
  );
}

/** After the close: per method what was expected, what was counted and the difference. */
function BlindCloseResult({ shift, onDone }: { shift: ClosedShift; onDone(): void }) {
  const { t, i18n } = useTranslation('shift');
  const { session } = useHost();
  const money = (minor: number) => formatMoney(minor, session.venue.currency, i18n.language);
  return (
    <Dialog
      title={t('board.result.title')}
      onClose={onDone}
      closeLabel={t('board.dialog.close')}
      size="small"
      testId="blind-close-result"
      footer={
        <Button size="large" variant="primary" onClick={onDone} data-testid="blind-close-done">
          {t('board.result.done')}
        </Button>
      }
    >
      <p className={styles.till}>{t('board.result.subtitle', { cashier: shift.cashierName, till: shift.tillName ?? t('board.personalDrawer') })}</p>
      <div className={styles.results}>
        {PAYMENT_METHODS.map((m) => {
          const difference = shift.difference?.[m] ?? 0;
          const tone = differenceTone(difference);
          return (
            <section key={m} className={`${styles.result} ${styles[tone]}`} data-testid={`blind-result-${m}`} data-tone={tone}>
              <h3 className={styles.method}>{t(`board.result.methods.${m}`)}</h3>
              <dl className={styles.figures}>
                <dt>{t('board.result.expected')}</dt>
                <dd data-testid={`blind-expected-${m}`}>{money(shift.totals[m].expected)}</dd>
                <dt>{t('board.result.counted')}</dt>
                <dd>{money(shift.counted?.[m] ?? 0)}</dd>
              </dl>
              <div className={styles.difference}>
                <span className={styles.differenceLabel}>{t(`board.result.${tone}`)}</span>
                <span className={styles.differenceValue} data-testid={`blind-difference-${m}`}>
                  {difference > 0 ? '+' : difference < 0 ? '\u2212' : ''}
                  {money(Math.abs(difference))}
                </span>
              </div>
            </section>
          );
        })}
      </div>
    </Dialog>
  );
}
