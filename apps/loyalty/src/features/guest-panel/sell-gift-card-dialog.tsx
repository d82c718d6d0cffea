import { formatGiftCardCode, GIFT_CARD_MAX_AMOUNT, GIFT_CARD_MIN_AMOUNT, type Order, type SellGiftCardResult } from '@pos/contracts';
import { minorPerMajor } from '@pos/contracts/rules';
import { useTranslation } from '@pos/i18n';
import { useHost } from '@pos/plugin-sdk';
import { Button, ChoiceGroup, Dialog, DialogActions, Icon, MoneyField, Notice, printOnly } from '@pos/ui';
import { useRef, useState } from 'react';
import { useSellGiftCard } from '../../api/sell-gift-card';
import { useFormat } from '../../format';
import { newIntentKey } from '../../model/intent-key';
import { loyaltyProblemText } from '../../model/problem-text';
import { QrImage } from '../../qr/qr-image';
import { amountProblem } from '../../model/tender-amounts';
import styles from './sell-gift-card-dialog.module.css';

/** The values offered at one tap, in the currency's major units. */
export const GIFT_CARD_PRESETS = [1_000, 2_000, 3_000, 5_000, 10_000] as const;

type Choice = `${number}` | 'other';

/**
 * Sell a gift card on this order: a preset value or another amount within the venue's limits.
 * The card goes on the order as a line and becomes active once the order is paid; its code is
 * shown here once, to write on the card or hand over.
 */
export function SellGiftCardDialog({ order, isOffline, onClose }: { order: Order; isOffline: boolean; onClose(): void }) {
  const { t } = useTranslation('loyalty');
  const format = useFormat();
  const sell = useSellGiftCard();
  const [key] = useState(newIntentKey);
  const major = minorPerMajor(format.currency);
  const presets = GIFT_CARD_PRESETS.map((v) => v * major).filter((v) => v >= GIFT_CARD_MIN_AMOUNT && v <= GIFT_CARD_MAX_AMOUNT);
  const [choice, setChoice] = useState<Choice>(`${presets[0]}`);
  const [other, setOther] = useState<number | null>(null);
  const [sold, setSold] = useState<SellGiftCardResult | null>(null);
  const slip = useRef<HTMLDivElement>(null);
  const { session } = useHost();

  const amount = choice === 'other' ? other : Number(choice);
  const problem = amount === null ? 'empty' : amount < GIFT_CARD_MIN_AMOUNT || amount > GIFT_CARD_MAX_AMOUNT ? 'range' : amountProblem(amount, GIFT_CARD_MAX_AMOUNT);

  if (sold) {
    return (
      <Dialog
        title={t('sell.doneTitle')}
        onClose={onClose}
        closeLabel={t('scan.close')}
        size="small"
        testId="loyalty-sell-done"
        footer={
          <>
            <Button size="large" onClick={() => printOnly(slip.current)} data-testid="loyalty-sell-print">
              <Icon name="receipt" />
              {t('sell.print')}
            </Button>
            <Button size="large" variant="primary" onClick={onClose} data-testid="loyalty-sell-finish">
              {t('sell.done')}
            </Button>
          </>
        }
      >
        {/* The guest's slip: what is printed for the card (the code is shown here once). */}
        <div ref={slip} className={styles.code} data-testid="loyalty-sold-slip">
          <span className={styles.slipOnly}>{session.venue.name}</span>
          <span className={styles.codeLabel}>{t('sell.slipTitle', { money: format.money(sold.card.initialAmount) })}</span>
          <QrImage text={sold.card.code} label={t('scan.titleGiftCard')} />
          <output className={styles.codeValue} data-testid="loyalty-sold-code">
            {formatGiftCardCode(sold.card.code)}
          </output>
          <span className={styles.slipOnly}>{t('sell.slipNote', { number: sold.order.number })}</span>
        </div>
        <Notice kind="info">{t('sell.activates', { money: format.money(sold.card.initialAmount) })}</Notice>
        <p className={styles.muted}>{t('sell.codeOnce')}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('sell.title')}
      onClose={() => !sell.isPending && onClose()}
      closeLabel={t('scan.close')}
      size="small"
      testId="loyalty-sell-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel={t('sell.cancel')}
          onConfirm={() => amount !== null && problem === null && sell.mutate({ orderId: order.id, amount, idempotencyKey: key }, { onSuccess: setSold })}
          confirmLabel={t('sell.confirm', { money: format.money(amount ?? 0) })}
          isDisabled={problem !== null || isOffline}
          isBusy={sell.isPending}
          confirmTestId="loyalty-sell-confirm"
        />
      }
    >
      {isOffline && <Notice kind="neutral">{t('needsNetwork')}</Notice>}
      <ChoiceGroup<Choice>
        label={t('sell.amount')}
        options={[
          ...presets.map((v) => ({ value: `${v}` as Choice, label: format.money(v), testId: `loyalty-sell-preset-${v / major}` })),
          { value: 'other', label: t('sell.other'), testId: 'loyalty-sell-other' },
        ]}
        value={choice}
        onChange={setChoice}
      />
      {choice === 'other' && (
        <MoneyField
          label={t('sell.other')}
          value={other}
          onChange={setOther}
          currency={format.currency}
          hint={t('sell.range', { min: format.money(GIFT_CARD_MIN_AMOUNT), max: format.money(GIFT_CARD_MAX_AMOUNT) })}
          error={other !== null && problem !== null ? t('sell.range', { min: format.money(GIFT_CARD_MIN_AMOUNT), max: format.money(GIFT_CARD_MAX_AMOUNT) }) : undefined}
          testId="loyalty-sell-amount"
          autoFocus
        />
      )}
      {sell.isError && (
        <Notice kind="error" testId="loyalty-sell-problem">
          {loyaltyProblemText(t, sell.error)}
        </Notice>
      )}
    </Dialog>
  );
}
