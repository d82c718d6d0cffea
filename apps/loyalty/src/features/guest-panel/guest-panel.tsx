import type { CustomerLookup, Order } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { type SlotProps, useCan, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Badge, Button, Icon, inputClass, Notice, Spinner } from '@pos/ui';
import { type FormEvent, useId, useState } from 'react';
import { useDetachCustomer } from '../../api/attach-customer';
import { useCustomerProfile } from '../../api/get-customer-profile';
import { useLookupCustomer } from '../../api/lookup-customer';
import { useFormat } from '../../format';
import { readGuestEntry } from '../../model/guest-entry';
import { newIntentKey } from '../../model/intent-key';
import { venueCountry } from '../../model/phone';
import { loyaltyProblemText } from '../../model/problem-text';
import { GuestDialog } from './guest-dialog';
import styles from './guest-panel.module.css';
import { SellGiftCardDialog } from './sell-gift-card-dialog';
import { SpendPointsDialog } from './spend-points-dialog';

type OpenDialog = { kind: 'scan' } | { kind: 'found'; lookup: CustomerLookup } | { kind: 'profile' } | { kind: 'spend' } | { kind: 'sell' } | null;

/**
 * The guest panel in the order screen's right column (`order.side-panel`): find a loyalty guest
 * by the QR code they show (camera) or by phone or code typed in, see their profile and attach
 * them to the order; with a guest attached, their points at a glance, spend points on the bill,
 * detach; sell a gift card on the order. Everything here needs the server: offline the panel
 * says so and takes nothing (no command is queued).
 */
export function GuestPanel({ context: { order } }: SlotProps<'order.side-panel'>) {
  const { t } = useTranslation('loyalty');
  const canView = useCan('customers.view');
  const canSell = useCan('giftcards.sell');
  const isOffline = useConnectivity().state === 'offline';
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  if (!canView && !canSell) return null;

  const isOpen = order.status === 'open';
  const guest = order.customer ?? null;
  return (
    <section className={styles.panel} aria-labelledby={`loyalty-panel-${order.id}`} data-testid="loyalty-panel">
      <div className={styles.head}>
        <h3 id={`loyalty-panel-${order.id}`} className={styles.title}>
          <Icon name="users" size={18} />
          {t('panel.title')}
        </h3>
        {canSell && isOpen && (
          <Button className={styles.headButton} disabled={isOffline} onClick={() => setDialog({ kind: 'sell' })} data-testid="loyalty-sell-gift-card">
            <Icon name="wallet" size={18} />
            {t('panel.sellGiftCard')}
          </Button>
        )}
      </div>
      {isOffline && (
        <Notice kind="neutral" testId="loyalty-offline">
          {t('needsNetwork')}
        </Notice>
      )}
      {canView && guest && <AttachedGuest order={order} customerId={guest.id} name={guest.name} isOffline={isOffline} onOpen={setDialog} />}
      {canView && !guest && isOpen && <FindGuest isOffline={isOffline} onScan={() => setDialog({ kind: 'scan' })} onFound={(lookup) => setDialog({ kind: 'found', lookup })} />}

      {(dialog?.kind === 'scan' || dialog?.kind === 'found') && (
        <GuestDialog order={order} found={dialog.kind === 'found' ? dialog.lookup : null} isOffline={isOffline} onClose={close} />
      )}
      {dialog?.kind === 'profile' && guest && <GuestDialog order={order} customerId={guest.id} isOffline={isOffline} onClose={close} />}
      {dialog?.kind === 'spend' && guest && <SpendPointsDialog order={order} customerId={guest.id} isOffline={isOffline} onClose={close} />}
      {dialog?.kind === 'sell' && <SellGiftCardDialog order={order} isOffline={isOffline} onClose={close} />}
    </section>
  );
}

/** Typed phone or code → lookup; the camera opens the scan dialog. */
function FindGuest({ isOffline, onScan, onFound }: { isOffline: boolean; onScan(): void; onFound(lookup: CustomerLookup): void }) {
  const { t } = useTranslation('loyalty');
  const { session } = useHost();
  const lookup = useLookupCustomer();
  const [text, setText] = useState('');
  const [entryProblem, setEntryProblem] = useState<string | null>(null);
  const inputId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isOffline || lookup.isPending) return;
    const entry = readGuestEntry(text, venueCountry(session.venue));
    if (entry.kind !== 'qr' && entry.kind !== 'phone') {
      setEntryProblem(t(`entry.${entry.kind}`));
      return;
    }
    setEntryProblem(null);
    lookup.mutate(entry.kind === 'qr' ? { qr: entry.qr } : { phone: entry.phone }, {
      onSuccess: (found) => {
        setText('');
        onFound(found);
      },
    });
  };

  const problem = entryProblem ?? (lookup.isError ? loyaltyProblemText(t, lookup.error) : null);
  return (
    <form className={styles.find} onSubmit={submit} noValidate>
      <Button variant="primary" block onClick={onScan} disabled={isOffline} data-testid="loyalty-scan">
        {t('panel.scan')}
      </Button>
      <label htmlFor={inputId} className={styles.hint}>
        {t('panel.entryLabel')}
      </label>
      <div className={styles.findRow}>
        <input
          id={inputId}
          className={`${inputClass} ${styles.entry}`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setEntryProblem(null);
            lookup.reset();
          }}
          placeholder={t('panel.entryPlaceholder')}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          inputMode="text"
          autoComplete="off"
          disabled={isOffline}
          data-testid="loyalty-entry"
        />
        <Button type="submit" disabled={isOffline || lookup.isPending || text.trim() === ''} aria-busy={lookup.isPending || undefined} data-testid="loyalty-find">
          {t('panel.find')}
        </Button>
      </div>
      {problem && (
        <div id={`${inputId}-problem`} className={styles.problem} role="alert" data-testid="loyalty-entry-problem">
          {problem}
        </div>
      )}
    </form>
  );
}

/** The order's guest at a glance: name, tier, points (and what they are worth), visits; the quick actions. */
function AttachedGuest({ order, customerId, name, isOffline, onOpen }: { order: Order; customerId: string; name: string; isOffline: boolean; onOpen(dialog: OpenDialog): void }) {
  const { t } = useTranslation('loyalty');
  const { notify } = useHost();
  const format = useFormat();
  const canPay = useCan('payments.take');
  const profile = useCustomerProfile(customerId, !isOffline);
  const detach = useDetachCustomer(order.id);
  const isOpen = order.status === 'open';
  const data = profile.data;

  return (
    <div className={styles.guest} data-testid="loyalty-guest" data-customer={customerId}>
      {/* The guest's line opens the profile (history, visits): one tap, no extra button in a narrow column. */}
      <button type="button" className={styles.summary} onClick={() => onOpen({ kind: 'profile' })} disabled={isOffline} aria-haspopup="dialog" data-testid="loyalty-profile">
        <span className={styles.guestHead}>
          <b className={styles.guestName} data-testid="loyalty-guest-name">
            {data?.customer.name ?? name}
          </b>
          {data && <Badge tone={data.customer.tier === 'gold' ? 'warning' : data.customer.tier === 'silver' ? 'info' : 'neutral'}>{t(`tiers.${data.customer.tier}`)}</Badge>}
        </span>
        {data && (
          <span className={styles.facts}>
            <span data-testid="loyalty-guest-points">{t('panel.balance', { points: format.points(data.points), money: format.money(data.points * data.pointValue) })}</span>
            <span className={styles.muted}>{t('panel.visits', { count: data.customer.visits })}</span>
          </span>
        )}
        <span className={styles.chevron} aria-hidden="true">
          <Icon name="back" size={18} />
        </span>
      </button>
      {profile.isPending && !isOffline && <Spinner size={18} />}
      {profile.isError && (
        <div className={styles.problem} role="alert">
          {t('panel.loadFailed', { message: loyaltyProblemText(t, profile.error) })}{' '}
          <Button variant="ghost" onClick={() => void profile.refetch()}>
            {t('panel.retry')}
          </Button>
        </div>
      )}
      {isOpen && (
        <div className={styles.actions}>
          {canPay && (
            <Button onClick={() => onOpen({ kind: 'spend' })} disabled={isOffline || order.split !== null || !data || data.points <= 0 || order.due <= 0} data-testid="loyalty-spend">
              {t('panel.spendPoints')}
            </Button>
          )}
          <Button
            variant="ghost"
            disabled={isOffline || detach.isPending}
            onClick={() => detach.mutate({ idempotencyKey: newIntentKey() }, { onSuccess: () => notify('info', t('panel.detached')) })}
            data-testid="loyalty-detach"
          >
            {t('panel.detach')}
          </Button>
        </div>
      )}
      {isOpen && order.split !== null && <div className={styles.muted}>{t('panel.splitPoints')}</div>}
      {!isOpen && <div className={styles.muted}>{t('panel.notOpen')}</div>}
      {detach.isError && (
        <div className={styles.problem} role="alert" data-testid="loyalty-detach-problem">
          {loyaltyProblemText(t, detach.error)}
        </div>
      )}
    </div>
  );
}
