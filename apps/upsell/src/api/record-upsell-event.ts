import type { Recommendation } from '@pos/contracts';
import type { PosApi } from '@pos/plugin-sdk';

export interface UpsellEventTarget {
  /** The product the suggestion was made for. */
  productId: string;
  item: Recommendation;
  /** The order on the server; none for one it has not taken yet. */
  orderId?: string;
}

const ruleOf = (item: Recommendation) => (item.kind === 'product' ? { recommendedProductId: item.productId } : { comboId: item.comboId });

/**
 * "Shown" once per card per order: the request id is derived from the order and the card, so a
 * reopened order screen or a retry counts once on the server (it replays a repeated key).
 */
export function recordShown(api: PosApi, { productId, item, orderId }: UpsellEventTarget & { orderId: string }) {
  const rule = item.kind === 'product' ? item.productId : item.comboId;
  const clientRequestId = `upsell-shown:${orderId}:${rule}:${productId.slice(-12)}`;
  return api.recordUpsellEvent({ productId, ...ruleOf(item), kind: 'shown', orderId, clientRequestId });
}

export function recordAccepted(api: PosApi, { productId, item, orderId }: UpsellEventTarget) {
  return api.recordUpsellEvent({ productId, ...ruleOf(item), kind: 'accepted', ...(orderId ? { orderId } : {}) });
}
