import type { PromotionHint, PromotionRule } from '@pos/contracts';
import type { Translate } from './rule-summary';

export interface HintTools {
  t: Translate;
  money(minor: number): string;
  /** An instant as the venue's wall-clock time ("17:00"). */
  time(iso: string): string;
  /** The rule the hint is about, when the active list has it (what "one more" unlocks). */
  rule?: Pick<PromotionRule, 'effect'>;
  /** Another rule's name, for `outranked`. */
  nameOf?(ruleId: string): string | undefined;
}

/** What unlocking a rule gives, for «ещё 1 × Десерты — и один бесплатно». */
function rewardText(rule: HintTools['rule'], { t, money }: HintTools): string {
  const effect = rule?.effect;
  if (effect?.kind === 'buy_x_get_y') return effect.getPercent === 100 ? t('hint.free', { count: effect.getQuantity }) : t('hint.discounted', { percent: effect.getPercent });
  if (effect?.kind === 'combo_price') return t('hint.comboPrice', { price: money(effect.price) });
  return t('hint.unlocks');
}

/** Why a rule did not apply, and what would make it: «с 17:00», «ещё 350 ₽ до скидки», «добавьте гостя». */
export function hintText(hint: PromotionHint, tools: HintTools): string {
  const { t, money } = tools;
  const label = hint.missingLabel || t('hint.anyItem');
  const count = hint.missingQuantity ?? 1;
  switch (hint.reason) {
    case 'not_started':
      return hint.startsAt ? t('hint.not_started', { time: tools.time(hint.startsAt) }) : t('hint.unlocks');
    case 'min_subtotal':
      return t('hint.min_subtotal', { amount: money(hint.missingAmount ?? 0) });
    case 'min_quantity':
      return t('hint.min_quantity', { count, label });
    case 'more_items':
      return t('hint.more_items', { count, label, reward: rewardText(tools.rule, tools) });
    case 'outranked': {
      const name = hint.outrankedBy ? tools.nameOf?.(hint.outrankedBy) : undefined;
      return name ? t('hint.outrankedBy', { name }) : t('hint.outranked');
    }
    case 'needs_guest':
    case 'limit_reached':
    case 'manual':
      return t(`hint.${hint.reason}`);
  }
}
