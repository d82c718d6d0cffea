import { type ActivePromotion, type ActivePromotions, type AppliedPromotion, type OrderPromotions, type PromotionHint, type PromotionRule, PromotionRuleSchema } from '@pos/contracts';
import { aCategory, aMenu, aProduct, FIXTURE_IDS, FIXTURE_TIME, fixtureId } from '@pos/contracts/testing';
import { addNamespace, createI18n } from '@pos/i18n';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@pos/plugin-sdk/testing';
import { promotionMoney } from '../model/money';
import { promotionsTexts } from '../texts';

/** The drinks category and a dessert, for sets named by the rules below. */
export const DRINKS_ID = '00000000-0000-4000-a000-0000000000d1';
export const DESSERTS_ID = '00000000-0000-4000-a000-0000000000d2';
export const CAKE_ID = '00000000-0000-4000-a000-0000000000c1';

/** A menu with «Горячее», «Напитки», «Десерты» and a borscht, a lemonade and a cake. */
export const aPromotionsMenu = () =>
  aMenu({
    categories: [aCategory(), aCategory({ id: DRINKS_ID, name: 'Напитки', sort: 2 }), aCategory({ id: DESSERTS_ID, name: 'Десерты', sort: 3 })],
    products: [aProduct({ id: fixtureId() }), aProduct({ id: fixtureId(), categoryId: DRINKS_ID, code: 'lemonade', name: 'Лимонад', price: 25000 }), aProduct({ id: CAKE_ID, categoryId: DESSERTS_ID, code: 'cake', name: 'Медовик', price: 32000 })],
  });

/** A happy hour as the server answers it (checked against the contract): −20 % on drinks, 17:00–19:00 every day. */
export const aRule = (over: Partial<PromotionRule> = {}): PromotionRule =>
  PromotionRuleSchema.parse({
    id: fixtureId(),
    name: 'Счастливые часы',
    effect: { kind: 'percent', percent: 20, target: { scope: 'items', items: { productIds: [], categoryIds: [DRINKS_ID] } } },
    schedule: { validFrom: null, validTo: null, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '17:00', to: '19:00' }] },
    conditions: { minSubtotal: null, minQuantity: null },
    limits: { perGuest: null, total: null },
    priority: 10,
    stacking: 'stackable',
    manual: false,
    featureFlag: null,
    enabled: true,
    version: 1,
    updatedAt: FIXTURE_TIME,
    ...over,
  });

/** A rule running now, 12 min 34 s to its end. */
export const anActivePromotion = (over: Partial<ActivePromotion> = {}): ActivePromotion => ({
  rule: aRule(),
  activeNow: true,
  endsAt: '2026-01-01T12:12:34.000Z',
  secondsToEnd: 754,
  startsAt: null,
  secondsToStart: null,
  ...over,
});

/** A rule starting in 4 min 59 s. */
export const anUpcomingPromotion = (over: Partial<ActivePromotion> = {}): ActivePromotion => ({
  rule: aRule({ name: 'Бизнес-ланч' }),
  activeNow: false,
  endsAt: null,
  secondsToEnd: null,
  startsAt: '2026-01-01T12:04:59.000Z',
  secondsToStart: 299,
  ...over,
});

export const anActiveList = (promotions: ActivePromotion[], over: Partial<ActivePromotions> = {}): ActivePromotions => ({
  serverTime: FIXTURE_TIME,
  timeZone: 'Europe/Moscow',
  settings: { exclusiveChoice: 'priority' },
  promotions,
  ...over,
});

export const anApplied = (over: Partial<AppliedPromotion> = {}): AppliedPromotion => ({ ruleId: fixtureId(), name: 'Счастливые часы', kind: 'percent', manual: false, saving: 5000, lines: [], ...over });

export const aHint = (over: Partial<PromotionHint> = {}): PromotionHint => ({ ruleId: fixtureId(), name: 'Десерт в подарок', reason: 'min_subtotal', missingAmount: 35000, ...over });

export const anOrderPromotions = (over: Partial<OrderPromotions> = {}): OrderPromotions => ({ orderId: FIXTURE_IDS.order, version: 4, applied: [], hints: [], ...over });

/** A test host with the remote's texts. */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'promotions', resources: promotionsTexts }, ...options });
}

/** The remote's `t` in one language, and money in roubles, for the pure helpers' tests. */
export function toolsIn(language: 'ru' | 'en') {
  const i18n = createI18n(language);
  addNamespace(i18n, 'promotions', promotionsTexts);
  const t = i18n.getFixedT(language, 'promotions') as unknown as (key: string, options?: Record<string, unknown>) => string;
  return { t, money: (minor: number) => promotionMoney(minor, 'RUB', language) };
}
