import { formatGiftCardCode, type GiftCard, isGiftCardCode, normalizeGiftCardCode, type Order } from '@pos/contracts';
import { useTranslation } from '@pos/i18n';
import { Button, Dialog, Field, inputClass, MoneyField, Notice, Spinner } from '@pos/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useGiftCard } from '../../api/get-gift-card';
import { useRedeemGiftCard } from '../../api/redeem-gift-card';
import { useFormat } from '../../format';
import { newIntentKey } from '../../model/intent-key';
import { loyaltyProblemText } from '../../model/problem-text';
import { amountProblem, giftCardPayable } from '../../model/tender-amounts';
import { QrCamera } from '../../qr/qr-camera';
import styles from './tenders.module.css';

/** Why a card cannot pay, before any redeem is tried; null when it can. */
export function giftCardRefusal(card: GiftCard): 'pending' | 'blocked' | 'cancelled' | 'expired' | 'empty' | null {
  if (card.status !== 'active') return card.status;
  if (card.expired) return 'expired';
  return card.balance <= 0 ? 'empty' : null;
}

interface GiftCardTenderProps {
  order: Order;
  checkIndex: number | null;
  /** Due now on the order or the check (without the tip). */
  due: number;
}

/**
 * Pay from a gift card: its code typed or scanned (the check symbol is verified here, before any
 * request, so a typo never spends a rate-limited lookup), its balance and expiry, then all it can
 * pay — the balance, at most what is due — or a smaller amount.
 */
export function GiftCardTender({ order, checkIndex, due }: GiftCardTenderProps) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const [text, setText] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [isCodeBad, setIsCodeBad] = useState(false);
  const [isScanning, setIsScanning] = useState(false);
  const [amount, setAmount] = useState<number | null>(null);
  const [key, setKey] = useState(newIntentKey);
  const [paid, setPaid] = useState<{ amount: number; balance: number } | null>(null);
  const card = useGiftCard(code);
  const payRow = useRef<HTMLDivElement>(null);
  const redeem = useRedeemGiftCard();

  const check = (value: string) => {
    setPaid(null);
    redeem.reset();
    if (!isGiftCardCode(value)) {
      setIsCodeBad(true);
      setCode(null);
      return;
    }
    const normalized = normalizeGiftCardCode(value);
    setIsCodeBad(false);
    setText(formatGiftCardCode(normalized));
    setAmount(null);
    if (normalized !== code) setKey(newIntentKey());
    setCode(normalized);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    check(text);
  };

  const details = card.data?.card;
  const refusal = details ? giftCardRefusal(details) : null;
  const payable = details ? giftCardPayable(details.balance, due) : 0;
  const value = amount ?? payable;
  const problem = amountProblem(value, payable);
  // The tenders sit at the foot of the pay dialog's column: bring the card's pay button into view once it is checked.
  const checkedId = details?.id;
  useEffect(() => {
    if (checkedId) payRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [checkedId]);

  const pay = () => {
    if (!code || !details || problem !== null) return;
    redeem.mutate(
      { code, orderId: order.id, checkIndex, amount: value, idempotencyKey: key },
      {
        onSuccess: () => {
          setPaid({ amount: value, balance: details.balance - value });
          setAmount(null);
          setKey(newIntentKey());
        },
      },
    );
  };

  return (
    <div className={styles.tender} data-testid="loyalty-giftcard-tender">
      <form onSubmit={submit} noValidate>
        <Field
          label={t('tender.code')}
          error={isCodeBad ? t('tender.codeBad') : undefined}
          addon={
            // One button beside the field: the camera while it is empty, the check once a code is typed.
            text.trim() === '' ? (
              <Button onClick={() => setIsScanning(true)} data-testid="loyalty-giftcard-scan">
                {t('tender.scan')}
              </Button>
            ) : (
              <Button type="submit" data-testid="loyalty-giftcard-check">
                {t('tender.check')}
              </Button>
            )
          }
        >
          {(control) => (
            <input
              {...control}
              className={`${inputClass} ${styles.code}`}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setIsCodeBad(false);
              }}
              placeholder={t('tender.codePlaceholder')}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              data-testid="loyalty-giftcard-code"
            />
          )}
        </Field>
      </form>
      {card.isFetching && !details && <Spinner size={22} label={t('tender.checking')} />}
      {card.isError && (
        <Notice kind="error" testId="loyalty-giftcard-problem">
          {loyaltyProblemText(t, card.error)}
        </Notice>
      )}
      {details && (
        <div className={styles.card} data-testid="loyalty-giftcard-details">
          <span className={styles.muted}>{t('tender.balance')}</span>
          <b className={styles.balance} data-testid="loyalty-giftcard-balance">
            {format.money(details.balance)}
          </b>
          {details.expiresAt && <span className={styles.muted}>{t('tender.expires', { date: format.date(details.expiresAt) })}</span>}
        </div>
      )}
      {details && refusal && (
        <Notice kind="error" testId="loyalty-giftcard-refusal">
          {t(`tender.status.${refusal}`)}
        </Notice>
      )}
      {details && !refusal && payable > 0 && (
        <div ref={payRow} className={styles.payRow}>
          <MoneyField
            label={t('tender.amount')}
            value={value}
            onChange={setAmount}
            currency={format.currency}
            error={amount !== null && problem ? (problem === 'over' ? t('tender.amountOver', { money: format.money(payable) }) : t(`tender.amount${problem === 'empty' ? 'Empty' : 'Zero'}`)) : undefined}
            addon={
              <Button onClick={() => setAmount(payable)} data-testid="loyalty-giftcard-all">
                {t('tender.all', { money: format.money(payable) })}
              </Button>
            }
            testId="loyalty-giftcard-amount"
          />
          <Button size="large" variant="primary" disabled={problem !== null || redeem.isPending} aria-busy={redeem.isPending || undefined} onClick={pay} data-testid="loyalty-giftcard-pay">
            {t('tender.pay', { money: format.money(problem === null ? value : payable) })}
          </Button>
        </div>
      )}
      {redeem.isError && (
        <Notice kind="error" testId="loyalty-giftcard-pay-problem">
          {loyaltyProblemText(t, redeem.error)}
        </Notice>
      )}
      {paid && (
        <Notice kind="info" testId="loyalty-giftcard-paid">
          {t('tender.paid', { money: format.money(paid.amount), balance: format.money(paid.balance) })}
        </Notice>
      )}
      {isScanning && (
        <Dialog title={t('scan.titleGiftCard')} onClose={() => setIsScanning(false)} closeLabel={t('scan.close')} size="small" testId="loyalty-giftcard-scan-dialog">
          <QrCamera
            onCode={(data) => {
              setIsScanning(false);
              setText(data);
              check(data);
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
