import type { Customer, CustomerCard } from '@pos/contracts';
import { problemText, useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Badge, Button, Dialog, DialogActions, Notice, noPrintClass, printOnly, Spinner } from '@pos/ui';
import { useRef, useState } from 'react';
import { useCustomerCards, useIssueCard, useRevokeCard } from '../api/customers';
import { QrCode } from '../qr/qr-code';
import styles from './customers.module.css';

/**
 * A guest's printed cards: issue one (a static code signed by the venue), show its QR with the
 * guest's name and print it alone, or revoke it — the till refuses a revoked card's code.
 */
export function CardsDialog({ customer, onClose }: { customer: Customer; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const cards = useCustomerCards(customer.id);
  const issue = useIssueCard(customer.id);
  const [shownId, setShownId] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<CustomerCard | null>(null);
  const shown = cards.data?.find((c) => c.id === shownId && c.revokedAt === null) ?? null;

  const onIssue = () =>
    issue.mutate(undefined, {
      onSuccess: (card) => {
        setShownId(card.id);
        host.notify('success', t('admin.cards.issued'));
      },
      onError: (e) => host.notify('error', t('admin.cards.failed', { message: problemText(t, e) })),
    });

  return (
    <Dialog title={t('admin.cards.title', { name: customer.name })} onClose={onClose} closeLabel={t('admin.close')} size="medium" testId="cards-dialog">
      <p className={styles.muted}>{t('admin.cards.description')}</p>
      <div>
        <Button variant="primary" onClick={onIssue} disabled={issue.isPending} data-testid="cards-issue">
          {issue.isPending ? t('admin.cards.issuing') : t('admin.cards.issue')}
        </Button>
      </div>
      {shown && <PrintableCard card={shown} customer={customer} />}
      {cards.isError ? (
        <Notice kind="error">{t('admin.cards.failed', { message: problemText(t, cards.error) })}</Notice>
      ) : cards.isPending ? (
        <p className={styles.loading}>
          <Spinner /> {t('admin.cards.loading')}
        </p>
      ) : cards.data.length === 0 ? (
        <p className={styles.muted} data-testid="cards-empty">
          {t('admin.cards.empty')}
        </p>
      ) : (
        <ul className={styles.cardList} aria-label={t('admin.cards.list')}>
          {cards.data.map((card) => (
            <CardRow key={card.id} card={card} isShown={card.id === shown?.id} onShow={() => setShownId(card.id)} onRevoke={() => setRevoking(card)} />
          ))}
        </ul>
      )}
      {revoking && <RevokeDialog card={revoking} customerId={customer.id} onClose={() => setRevoking(null)} />}
    </Dialog>
  );
}

/** "№ 3F2A9C1B": the part of a card's id staff read out (the id's random tail). */
export const cardNumber = (card: CustomerCard) => card.id.replace(/-/g, '').slice(-8).toUpperCase();

function CardRow({ card, isShown, onShow, onRevoke }: { card: CustomerCard; isShown: boolean; onShow(): void; onRevoke(): void }) {
  const { t, i18n } = useTranslation('loyalty');
  const host = useHost();
  const date = new Intl.DateTimeFormat(i18n.language, { timeZone: host.session.venue.timezone, dateStyle: 'short' });
  const isRevoked = card.revokedAt !== null;
  return (
    <li className={styles.cardRow} data-testid="card-row" data-card-id={card.id}>
      <div>
        <strong>{t('admin.cards.number', { number: cardNumber(card) })}</strong>{' '}
        {isRevoked ? <Badge tone="danger">{t('admin.cards.revoked')}</Badge> : <Badge tone="success">{t('admin.cards.active')}</Badge>}
        <div className={styles.muted}>
          {t('admin.cards.issuedOn', { date: date.format(new Date(card.createdAt)) })}
          {card.revokedAt && ` · ${t('admin.cards.revokedOn', { date: date.format(new Date(card.revokedAt)) })}`}
        </div>
      </div>
      {!isRevoked && (
        <div className={styles.rowActions}>
          <Button onClick={onShow} disabled={isShown} data-testid="card-show">
            {t('admin.cards.show')}
          </Button>
          <Button variant="danger" onClick={onRevoke} data-testid="card-revoke">
            {t('admin.cards.revoke')}
          </Button>
        </div>
      )}
    </li>
  );
}

/** The card as printed: the venue, the guest's name, the QR and the card's number; the Print button stays off paper. */
function PrintableCard({ card, customer }: { card: CustomerCard; customer: Customer }) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const element = useRef<HTMLDivElement>(null);
  return (
    <div ref={element} className={styles.printCard} data-testid="printable-card">
      <div className={styles.printVenue}>{host.session.venue.name}</div>
      <QrCode value={card.code} label={t('admin.cards.qrLabel', { name: customer.name })} size="48mm" className={styles.printQr} testId="card-qr" />
      <div className={styles.printName} data-testid="printable-card-name">
        {customer.name}
      </div>
      <div className={styles.printNumber}>{t('admin.cards.number', { number: cardNumber(card) })}</div>
      <Button variant="primary" className={noPrintClass} onClick={() => printOnly(element.current)} data-testid="card-print">
        {t('admin.cards.print')}
      </Button>
    </div>
  );
}

function RevokeDialog({ card, customerId, onClose }: { card: CustomerCard; customerId: string; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const host = useHost();
  const revoke = useRevokeCard(customerId);
  const [failure, setFailure] = useState<string | null>(null);
  const onConfirm = () =>
    revoke.mutate(card.id, {
      onSuccess: () => {
        host.notify('success', t('admin.cards.revokedDone', { number: cardNumber(card) }));
        onClose();
      },
      onError: (e) => setFailure(t('admin.cards.failed', { message: problemText(t, e) })),
    });
  return (
    <Dialog
      title={t('admin.cards.revokeTitle', { number: cardNumber(card) })}
      onClose={() => !revoke.isPending && onClose()}
      closeLabel={t('admin.close')}
      testId="card-revoke-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('admin.cancel')}
          onConfirm={onConfirm}
          confirmLabel={t('admin.cards.revokeConfirm')}
          tone="danger"
          isBusy={revoke.isPending}
          confirmTestId="card-revoke-confirm"
        />
      }
    >
      <p>{t('admin.cards.revokeHint')}</p>
      {failure && <Notice kind="error">{failure}</Notice>}
    </Dialog>
  );
}
