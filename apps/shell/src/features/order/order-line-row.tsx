import { type LineKitchenStatus, type OrderLine, standingQuantity, unitTotal } from '@pos/contracts';
import { formatMoney } from '@pos/i18n';
import { Badge, type BadgeTone, Button, Icon, Money, QuantityStepper } from '@pos/ui';
import { useTranslation } from 'react-i18next';
import { type LineKitchenLabel, lineKitchenLabel } from './kitchen-status';
import styles from './order-panel.module.css';

const KITCHEN_TONE: Record<LineKitchenLabel, BadgeTone> = {
  new: 'info',
  changed: 'warning',
  waiting: 'neutral',
  fired: 'accent',
  queued: 'accent',
  cooking: 'accent',
  ready: 'success',
  served: 'neutral',
};

export interface OrderLineRowProps {
  line: OrderLine;
  currency: string;
  isSelected: boolean;
  /** Not fired yet and its dish went on the stop-list: the kitchen may not be able to make it. */
  isStopListed?: boolean;
  /** Fired on this tablet while offline: the command is still in the outbox, the kitchen does not have it yet. */
  isAwaitingFire?: boolean;
  /** Where the kitchen is with the line's fired portions (live from the server); unknown offline. */
  kitchenStatus?: LineKitchenStatus;
  canEdit: boolean;
  onSelect(line: OrderLine | null): void;
  onQuantity(line: OrderLine, delta: number): void;
  onEdit(line: OrderLine): void;
  onVoid(line: OrderLine): void;
}

/** One line of the order; tapping it opens its actions (quantity, note, void) right under it. */
export function OrderLineRow({ line, currency, isSelected, isStopListed, isAwaitingFire, kitchenStatus, canEdit, onSelect, onQuantity, onEdit, onVoid }: OrderLineRowProps) {
  const { t, i18n } = useTranslation('order');
  const standing = standingQuantity(line);
  const isVoided = standing === 0;
  const kitchen = lineKitchenLabel(line, Boolean(isAwaitingFire), kitchenStatus);
  return (
    <li className={`${styles.line} ${isSelected ? styles.lineSelected : ''} ${isVoided ? styles.lineVoided : ''}`} data-testid={`line-${line.name}`} data-line-id={line.id} data-kitchen={kitchen}>
      <button type="button" className={styles.lineMain} onClick={() => onSelect(isSelected ? null : line)} aria-expanded={isSelected}>
        <span className={styles.lineQty} data-testid="line-qty">
          {isVoided ? line.quantity : standing}×
        </span>
        <span className={styles.lineInfo}>
          <span className={styles.lineName}>{line.name}</span>
          {line.modifiers.length > 0 && <span className={styles.lineMods}>{line.modifiers.map((m) => m.name).join(', ')}</span>}
          {isSelected && standing > 1 && <span className={styles.lineMods}>{t('lines.each', { price: formatMoney(unitTotal(line), currency, i18n.language) })}</span>}
          {line.note && (
            <span className={styles.lineNote}>
              <Icon name="note" size={14} />
              {line.note}
            </span>
          )}
          {line.voidedQuantity > 0 && !isVoided && (
            <span className={styles.lineVoidedPart}>
              <s>
                {line.voidedQuantity}× {line.name}
              </s>{' '}
              — {t('lines.voided', { count: line.voidedQuantity })}
              {line.voidReason ? `: ${line.voidReason}` : ''}
            </span>
          )}
          {isVoided && line.voidReason && <span className={styles.lineVoidedPart}>{line.voidReason}</span>}
        </span>
        <span className={styles.lineRight}>
          {isStopListed && !isVoided && (
            <Badge tone="danger" data-testid="line-stop-listed">
              {t('lines.stopListed')}
            </Badge>
          )}
          {isVoided ? (
            <Badge tone="danger">{t('lines.voidedAll')}</Badge>
          ) : line.isCharge ? null : (
            <Badge tone={KITCHEN_TONE[kitchen]} data-testid="line-kitchen">
              {t(`kitchen.${kitchen}`)}
            </Badge>
          )}
          <span className={styles.lineTotal}>
            <Money value={isVoided ? unitTotal(line) * line.quantity : line.lineTotal} currency={currency} />
          </span>
        </span>
      </button>
      {isSelected && canEdit && !isVoided && (
        <div className={styles.lineActions}>
          {/* A charge (a gift card sold on the order) is not a dish: no quantity, no note, no kitchen; it can only be voided. */}
          {!line.isCharge && (
            <>
              <QuantityStepper
                value={standing}
                min={0}
                onChange={(next) => onQuantity(line, next - standing)}
                labels={{ decrease: t('lines.decrease'), increase: t('lines.increase') }}
                testId="line-stepper"
              />
              <span className={styles.lineActionsGap} />
              <Button onClick={() => onEdit(line)} className={styles.lineButton} data-testid="line-note">
                <Icon name="note" />
                {t('lines.note')}
              </Button>
            </>
          )}
          <Button onClick={() => onVoid(line)} className={`${styles.lineButton} ${styles.voidButton}`} data-testid="line-void">
            <Icon name="trash" />
            {t('lines.void')}
          </Button>
        </div>
      )}
    </li>
  );
}
