import { formatGiftCardCode, type GiftCardDetails, type GiftCardMovement, type GiftCardStatus, isGiftCardCode, normalizeGiftCardCode } from '@pos/contracts';
import { formatMoney, problemText, useTranslation } from '@pos/i18n';
import { ApiError, type HostProps, useCan, useHost } from '@pos/plugin-sdk';
import { Badge, type BadgeTone, Button, Notice, Section, Spinner, TextField } from '@pos/ui';
import { type FormEvent, useId, useState } from 'react';
import { useGiftCard } from '../api/gift-cards';
import { BlockDialog } from './block-dialog';
import styles from './gift-cards.module.css';

const STATUS_TONES: Record<GiftCardStatus, BadgeTone> = { pending: 'neutral', active: 'success', blocked: 'danger', cancelled: 'neutral' };

/** What staff read when a lookup fails: a card that is not there says so; the rest as any refusal. */
function lookupFailure(t: (key: string, options?: Record<string, unknown>) => string, error: unknown): string {
  if (error instanceof ApiError && error.status === 404) return t('admin.giftcards.notFound');
  return t('admin.giftcards.failed', { message: problemText(t, error) });
}

/**
 * Admin → Подарочные карты (/x/admin/giftcards; permission giftcards.block or admin.customers): a
 * card looked up by its code — balance, status, expiry and every movement — and, with
 * giftcards.block, blocked or unblocked with a reason. The code's check symbol is checked here
 * first: a mistyped code costs no request (lookups are rate-limited).
 */
export function GiftCardsPage(_props: HostProps) {
  const { t } = useTranslation('loyalty');
  const [typed, setTyped] = useState('');
  const [isTypedWrong, setTypedWrong] = useState(false);
  const [code, setCode] = useState<string | null>(null);
  const card = useGiftCard(code);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!isGiftCardCode(typed)) {
      setTypedWrong(true);
      return;
    }
    setTypedWrong(false);
    const normalized = normalizeGiftCardCode(typed);
    setTyped(formatGiftCardCode(normalized));
    if (normalized === code) void card.refetch();
    else setCode(normalized);
  };

  return (
    <Section title={t('admin.giftcards.title')} description={t('admin.giftcards.description')} testId="giftcards-page">
      <form className={styles.lookup} onSubmit={onSubmit} noValidate>
        <TextField
          label={t('admin.giftcards.code')}
          hint={t('admin.giftcards.codeHint')}
          error={isTypedWrong ? t('admin.giftcards.codeInvalid') : undefined}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setTypedWrong(false);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          placeholder="XXXX-XXXX-XXXX-XX"
          className={styles.codeInput}
          fieldClassName={styles.codeField}
          data-testid="giftcards-code"
          addon={
            <Button type="submit" variant="primary" disabled={card.isFetching} data-testid="giftcards-find">
              {t('admin.giftcards.find')}
            </Button>
          }
        />
      </form>
      {code !== null &&
        (card.isError ? (
          <Notice kind="error" testId="giftcards-failure">
            {lookupFailure(t, card.error)}
          </Notice>
        ) : card.isPending ? (
          <p className={styles.loading}>
            <Spinner /> {t('admin.giftcards.loading')}
          </p>
        ) : (
          <CardDetails details={card.data} />
        ))}
    </Section>
  );
}

function CardDetails({ details }: { details: GiftCardDetails }) {
  const { t, i18n } = useTranslation('loyalty');
  const host = useHost();
  const canBlock = useCan('giftcards.block');
  const [isBlocking, setBlocking] = useState(false);
  const titleId = useId();
  const { card, movements } = details;
  const money = (minor: number) => formatMoney(minor, card.currency, i18n.language);
  const when = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'short', timeStyle: 'short' });
  const day = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'long' });
  // Block stands for an active card (a pending or cancelled one is refused anyway); unblock for a blocked one.
  const action = card.status === 'blocked' ? 'unblock' : card.status === 'active' ? 'block' : null;

  return (
    <article className={styles.card} data-testid="giftcard-details" aria-labelledby={titleId}>
      <header className={styles.cardHead}>
        <div>
          <h3 id={titleId} className={styles.cardCode}>
            {formatGiftCardCode(card.code)}
          </h3>
          <div className={styles.badges}>
            <Badge tone={STATUS_TONES[card.status]} data-testid="giftcard-status">
              {t(`admin.giftcards.statuses.${card.status}`)}
            </Badge>
            {card.expired && (
              <Badge tone="warning" data-testid="giftcard-expired">
                {t('admin.giftcards.expired')}
              </Badge>
            )}
          </div>
        </div>
        {canBlock && action && (
          <Button variant={action === 'block' ? 'danger' : 'default'} onClick={() => setBlocking(true)} data-testid={`giftcard-${action}`}>
            {t(`admin.giftcards.${action}`)}
          </Button>
        )}
      </header>
      <dl className={styles.facts}>
        <div>
          <dt>{t('admin.giftcards.balance')}</dt>
          <dd className={styles.balance} data-testid="giftcard-balance">
            {money(card.balance)}
          </dd>
        </div>
        <div>
          <dt>{t('admin.giftcards.initial')}</dt>
          <dd>{money(card.initialAmount)}</dd>
        </div>
        <div>
          <dt>{t('admin.giftcards.expiresAt')}</dt>
          <dd data-testid="giftcard-expires">{card.expiresAt ? day.format(new Date(card.expiresAt)) : t('admin.giftcards.notActivated')}</dd>
        </div>
        <div>
          <dt>{t('admin.giftcards.activatedAt')}</dt>
          <dd>{card.activatedAt ? when.format(new Date(card.activatedAt)) : '—'}</dd>
        </div>
      </dl>
      {card.status === 'blocked' && card.blockedReason && (
        <Notice kind="warning" testId="giftcard-blocked-reason">
          {t('admin.giftcards.blockedBecause', { reason: card.blockedReason })}
        </Notice>
      )}
      <h4 className={styles.historyTitle}>{t('admin.giftcards.history')}</h4>
      {movements.length === 0 ? (
        <p className={styles.muted}>{t('admin.giftcards.noHistory')}</p>
      ) : (
        <div className={styles.scroll}>
          <table className={styles.table} data-testid="giftcard-movements">
            <thead>
              <tr>
                <th scope="col">{t('admin.giftcards.when')}</th>
                <th scope="col">{t('admin.giftcards.kind')}</th>
                <th scope="col" className={styles.figure}>
                  {t('admin.giftcards.amount')}
                </th>
                <th scope="col" className={styles.figure}>
                  {t('admin.giftcards.balanceAfter')}
                </th>
                <th scope="col">{t('admin.giftcards.staff')}</th>
                <th scope="col">{t('admin.giftcards.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {movements.map((m) => (
                <MovementRow key={m.id} movement={m} when={when} money={money} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isBlocking && action && <BlockDialog code={card.code} isBlocking={action === 'block'} onClose={() => setBlocking(false)} />}
    </article>
  );
}

function MovementRow({ movement: m, when, money }: { movement: GiftCardMovement; when: Intl.DateTimeFormat; money(minor: number): string }) {
  const { t } = useTranslation('loyalty');
  const signed = m.amount > 0 ? `+${money(m.amount)}` : m.amount < 0 ? `−${money(-m.amount)}` : '—';
  return (
    <tr data-testid="giftcard-movement" data-kind={m.kind}>
      <td data-label={t('admin.giftcards.when')}>{when.format(new Date(m.createdAt))}</td>
      <td data-label={t('admin.giftcards.kind')}>{t(`admin.giftcards.kinds.${m.kind}`)}</td>
      <td data-label={t('admin.giftcards.amount')} className={`${styles.figure} ${m.amount < 0 ? styles.minus : m.amount > 0 ? styles.plus : ''}`}>
        {signed}
      </td>
      <td data-label={t('admin.giftcards.balanceAfter')} className={styles.figure}>
        {money(m.balanceAfter)}
      </td>
      <td data-label={t('admin.giftcards.staff')}>{m.staffName}</td>
      <td data-label={t('admin.giftcards.reason')}>{m.reason ?? ''}</td>
    </tr>
  );
}
