import { z } from 'zod';
import { IdSchema, MoneySchema } from './common';

/** The promotion kinds (issue 19); here, apart from the rules, because orders carry what was applied. */
export const PROMOTION_KINDS = ['percent', 'fixed', 'buy_x_get_y', 'combo_price'] as const;
export const PromotionKindSchema = z.enum(PROMOTION_KINDS);
export type PromotionKind = z.infer<typeof PromotionKindSchema>;

/** One promotion applied to an order: which lines it touched and what it saved (sums to `saving`). */
export const AppliedPromotionSchema = z.object({
  ruleId: IdSchema,
  name: z.string(),
  kind: PromotionKindSchema,
  /** Applied by staff (a manual rule), not automatically. */
  manual: z.boolean(),
  saving: MoneySchema,
  lines: z.array(z.object({ lineId: IdSchema, saving: MoneySchema })),
});
export type AppliedPromotion = z.infer<typeof AppliedPromotionSchema>;
