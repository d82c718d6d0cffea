import { aPromotionsMenu, CAKE_ID, DESSERTS_ID, DRINKS_ID, toolsIn } from '../testing/fixtures';
import type { PromotionEffect } from '@pos/contracts';
import { daysText, effectText, itemSetText, scheduleText, shortDate } from './rule-summary';

const menu = aPromotionsMenu();
const ru = { ...toolsIn('ru'), menu };
const en = { ...toolsIn('en'), menu };
const drinks = { productIds: [] as string[], categoryIds: [DRINKS_ID] };
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('rule summaries', () => {
  it('say what a rule gives in one line', () => {
    expect(effectText({ kind: 'percent', percent: 20, target: { scope: 'items', items: drinks } }, ru)).toBe('−20 % на Напитки');
    expect(effectText({ kind: 'percent', percent: 20, target: { scope: 'items', items: drinks } }, en)).toBe('−20% on Напитки');
    expect(effectText({ kind: 'percent', percent: 15, target: { scope: 'check' } }, ru)).toBe('−15 % на весь чек');
    expect(nbsp(effectText({ kind: 'fixed', amount: 10000, target: { scope: 'check' } }, ru))).toBe('−100 ₽ с чека');
    expect(nbsp(effectText({ kind: 'combo_price', items: [{ items: drinks, quantity: 1 }, { items: { productIds: [CAKE_ID], categoryIds: [] }, quantity: 1 }], price: 50000 }, ru))).toBe('Комбо за 500 ₽');
  });

  it('read N+1 as «2+1», other buy X get Y in words', () => {
    const nPlusOne: Extract<PromotionEffect, { kind: 'buy_x_get_y' }> = { kind: 'buy_x_get_y', buy: drinks, buyQuantity: 2, get: { productIds: [], categoryIds: [] }, getQuantity: 1, getPercent: 100, reward: 'cheapest' };
    expect(effectText(nPlusOne, ru)).toBe('2+1 на Напитки');
    expect(effectText(nPlusOne, { ...ru, menu: null })).toBe('2+1');
    expect(effectText({ ...nPlusOne, get: { productIds: [], categoryIds: [DESSERTS_ID] }, getPercent: 50 }, ru)).toBe('Купи 2 × Напитки — 1 × Десерты со скидкой 50 %');
  });

  it('name sets by the menu, shortened past three names, and generically without a menu', () => {
    expect(itemSetText({ productIds: [CAKE_ID], categoryIds: [DRINKS_ID] }, ru)).toBe('Напитки, Медовик');
    const four = { productIds: [CAKE_ID, ...menu.products.slice(0, 1).map((p) => p.id)], categoryIds: [DRINKS_ID, DESSERTS_ID] };
    expect(itemSetText(four, ru)).toBe('Напитки, Десерты и ещё 2');
    expect(itemSetText(drinks, { ...ru, menu: null })).toBe('выбранные позиции');
  });

  it('say when: windows with their days, all day, validity dates', () => {
    expect(daysText([1, 2, 3, 4, 5], ru.t)).toBe('пн–пт');
    expect(daysText([6, 7], ru.t)).toBe('сб, вс');
    expect(daysText([1, 3, 4, 5, 7], en.t)).toBe('Mon, Wed–Fri, Sun');
    expect(daysText([1, 2, 3, 4, 5, 6, 7], ru.t)).toBe('ежедневно');
    const date = (d: string) => shortDate(d, 'ru');
    expect(scheduleText({ validFrom: null, validTo: null, windows: [] }, ru.t, date)).toBe('весь день');
    expect(scheduleText({ validFrom: null, validTo: null, windows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '17:00', to: '19:00' }] }, ru.t, date)).toBe('17:00–19:00');
    expect(scheduleText({ validFrom: '2026-12-01', validTo: '2026-12-31', windows: [{ days: [1, 2, 3, 4, 5], from: '22:00', to: '02:00' }] }, ru.t, date)).toBe('пн–пт 22:00–02:00, с 01.12 по 31.12');
    expect(shortDate('2026-12-31', 'en')).toBe('31/12');
  });
});
