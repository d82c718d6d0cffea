import { type ActivePromotion, type AppliedPromotion, isOrderOnServer, type Order } from '@pos/contracts';
import { problemCode, problemText } from '@pos/i18n';
import { type SlotProps, useCan, useConnectivity, useHost } from '@pos/plugin-sdk';
import { Button, Dialog, Icon, RowButton } from '@pos/ui';
import { useMemo, useState } from 'react';
import { useApplyPromotion } from '../../api/apply-promotion';
import { useActivePromotions } from '../../api/get-active-promotions';
import { useOrderPromotions } from '../../api/get-order-promotions';
import { useFormat } from '../../format';
import { hintText } from '../../model/hint-text';
import { previewPromotions } from '../../model/offline-preview';
import { effectText } from '../../model/rule-summary';
import styles from './order-promotions.module.css';

/** Problem codes of the apply route, said in the remote's own words. */
const APPLY_PROBLEMS: Record<string, string> = {
  'promotion.not_manual': 'order.notManual',
  'promotion.not_applicable': 'order.notApplicable',
  'order.version_conflict': 'order.conflict',
};

/**
 * Under the bill's totals (`order.summary`, in the order panel and the pay dialog): the promotions
 * applied to the order with what each saves, and for the rules near it what is missing («ещё
 * 350 ₽ до скидки», «с 17:00»). Staff with `promotions.apply` apply a manual promotion running now
 * and take one off. Offline the tablet prices the order itself with the cached rules (the same
 * engine as the server), marked «ожидает сети».
 */
export function OrderPromotions({ context: { order } }: SlotProps<'order.summary'>) {
  const isOffline = useConnectivity().state === 'offline';
  // An order the server has not taken yet (opened offline, or its answer still on the way: number
  // 0, an id made on this tablet) is unknown there: it is priced here, as offline, and not asked about.
  const isLocal = isOffline || !isOrderOnServer(order);
  const canApply = useCan('promotions.apply');
  const active = useActivePromotions(isOffline);
  const details = useOrderPromotions(order.id, order.version, !isLocal);
  const format = useFormat();
  const { t, tools, menu } = format;
  const [isPicking, setPicking] = useState(false);

  const categoryOf = useMemo(() => {
    const categories = new Map(menu?.products.map((p) => [p.id, p.categoryId]));
    return (productId: string) => categories.get(productId) ?? null;
  }, [menu]);
  // Offline: the engine on the cached rules, at this moment (the order re-renders on each change).
  const preview = isLocal && active.data ? previewPromotions(order, active.data, categoryOf, Date.now()) : null;
  const applied = preview?.applied ?? order.promotions ?? details.data?.applied ?? [];
  const hints = preview?.hints ?? (details.data?.orderId === order.id ? details.data.hints : []);

  const rules = new Map(active.data?.promotions.map((p) => [p.rule.id, p.rule]));
  const isOpen = order.status === 'open';
  const candidates = (active.data?.promotions ?? []).filter((p) => p.rule.manual && p.activeNow && !applied.some((a) => a.ruleId === p.rule.id));
  const mayApply = canApply && isOpen && !isLocal;
  const canPick = mayApply && candidates.length > 0;
  // The column is narrow and short: with the apply button there, «можно применить вручную» for
  // the rules it lists would only say it again.
  const shown = canPick ? hints.filter((h) => !(h.reason === 'manual' && candidates.some((c) => c.rule.id === h.ruleId))) : hints;
  if (applied.length === 0 && shown.length === 0 && !canPick) return null;

  return (
    <div className={styles.summary} data-testid="order-promotions" data-offline={isOffline || undefined}>
      {applied.length > 0 && (
        <ul className={styles.applied} aria-label={t('order.applied')}>
          {applied.map((promotion) => (
            <AppliedRow key={promotion.ruleId} order={order} promotion={promotion} mayRemove={mayApply && promotion.manual} />
          ))}
        </ul>
      )}
      {preview && (
        <p className={styles.pending} data-testid="promotions-pending">
          {t('order.offlinePreview')}
        </p>
      )}
      {shown.length > 0 && (
        <ul className={styles.hints}>
          {shown.map((hint) => (
            <li key={hint.ruleId} className={styles.hint} data-testid="promotion-hint" data-reason={hint.reason} data-rule-id={hint.ruleId}>
              <span className={styles.hintName}>{hint.name}</span> — {hintText(hint, { ...tools, rule: rules.get(hint.ruleId), nameOf: (id) => rules.get(id)?.name })}
            </li>
          ))}
        </ul>
      )}
      {canPick && (
        <Button variant="ghost" className={styles.apply} onClick={() => setPicking(true)} data-testid="promotion-apply-open">
          <Icon name="plus" size={18} />
          {t('order.apply')}
        </Button>
      )}
      {isPicking && <ApplyDialog order={order} candidates={candidates} onClose={() => setPicking(false)} />}
    </div>
  );
}

function useApplyFeedback() {
  const host = useHost();
  const { t } = useFormat();
  return {
    done: (message: string) => host.notify('success', message),
    failed: (error: unknown) => {
      const own = APPLY_PROBLEMS[problemCode(error) ?? ''];
      host.notify('error', own ? t(own) : t('order.failed', { message: problemText(t, error) }));
    },
  };
}

function AppliedRow({ order, promotion, mayRemove }: { order: Order; promotion: AppliedPromotion; mayRemove: boolean }) {
  const { t, money } = useFormat();
  const apply = useApplyPromotion(order);
  const feedback = useApplyFeedback();
  const remove = () =>
    apply.mutate(
      { ruleId: promotion.ruleId, remove: true, idempotencyKey: crypto.randomUUID() },
      { onSuccess: () => feedback.done(t('order.removed', { name: promotion.name })), onError: feedback.failed },
    );
  return (
    <li className={styles.row} data-testid="applied-promotion" data-rule-id={promotion.ruleId}>
      <span className={styles.name}>
        {promotion.name}
        {promotion.manual && <span className={styles.manual}> · {t('order.manual')}</span>}
      </span>
      <span className={styles.saving} data-testid="applied-promotion-saving">
        −{money(promotion.saving)}
      </span>
      {mayRemove && (
        <button type="button" className={styles.remove} aria-label={t('order.remove', { name: promotion.name })} disabled={apply.isPending} onClick={remove} data-testid="applied-promotion-remove">
          <Icon name="close" size={16} />
        </button>
      )}
    </li>
  );
}

/** The manual promotions running now, one tap each. */
function ApplyDialog({ order, candidates, onClose }: { order: Order; candidates: ActivePromotion[]; onClose(): void }) {
  const { t, tools } = useFormat();
  const apply = useApplyPromotion(order);
  const feedback = useApplyFeedback();
  const choose = (promotion: ActivePromotion) =>
    apply.mutate(
      { ruleId: promotion.rule.id, idempotencyKey: crypto.randomUUID() },
      {
        onSuccess: () => {
          feedback.done(t('order.appliedToast', { name: promotion.rule.name }));
          onClose();
        },
        onError: feedback.failed,
      },
    );
  return (
    <Dialog title={t('order.applyTitle')} onClose={onClose} closeLabel={t('order.applyCancel')} size="small" testId="promotion-apply-dialog">
      {candidates.length === 0 ? (
        <p>{t('order.applyNone')}</p>
      ) : (
        <div className={styles.choices}>
          {candidates.map((p) => (
            <RowButton key={p.rule.id} lead={p.rule.name} detail={effectText(p.rule.effect, tools)} onClick={() => !apply.isPending && choose(p)} testId={`promotion-apply-${p.rule.id}`} />
          ))}
        </div>
      )}
    </Dialog>
  );
}
