import type { ItemSet, Menu, PromotionEffect, PromotionSchedule } from '@pos/contracts';

/**
 * One line per rule, as staff say it: «−20 % на Напитки», «2+1», «Комбо за 500 ₽», and its
 * schedule «пн–пт 17:00–19:00». Pure: the words come in `t`, money and names as functions.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface SummaryTools {
  t: Translate;
  money(minor: number): string;
  /** The menu's names, when the host has the menu; without it a set reads «выбранные позиции». */
  menu?: Pick<Menu, 'products' | 'categories'> | null;
}

/** How many names a set shows before «и ещё N». */
const SHOWN_NAMES = 2;

/** A set of items by name: categories first, then dishes; «Напитки и ещё 2». */
export function itemSetText(items: ItemSet, { t, menu }: SummaryTools): string {
  if (!menu) return t('summary.someItems');
  const categories = new Map(menu.categories.map((c) => [c.id, c.name]));
  const products = new Map(menu.products.map((p) => [p.id, p.name]));
  const names = [...items.categoryIds.map((id) => categories.get(id)), ...items.productIds.map((id) => products.get(id))].filter((n): n is string => Boolean(n));
  if (names.length === 0) return t('summary.someItems');
  if (names.length <= SHOWN_NAMES + 1) return names.join(', ');
  return t('summary.andMore', { names: names.slice(0, SHOWN_NAMES).join(', '), count: names.length - SHOWN_NAMES });
}

const isEmptySet = (set: ItemSet) => set.productIds.length === 0 && set.categoryIds.length === 0;
const sameSet = (a: ItemSet, b: ItemSet) => isEmptySet(b) || (a.productIds.join() === b.productIds.join() && a.categoryIds.join() === b.categoryIds.join());

/** What the rule gives: «−20 % на Напитки», «−100 ₽ с чека», «2+1», «Комбо за 500 ₽». */
export function effectText(effect: PromotionEffect, tools: SummaryTools): string {
  const { t, money } = tools;
  switch (effect.kind) {
    case 'percent':
      return effect.target.scope === 'check' ? t('summary.percentCheck', { percent: effect.percent }) : t('summary.percentItems', { percent: effect.percent, items: itemSetText(effect.target.items, tools) });
    case 'fixed':
      return effect.target.scope === 'check' ? t('summary.fixedCheck', { amount: money(effect.amount) }) : t('summary.fixedItems', { amount: money(effect.amount), items: itemSetText(effect.target.items, tools) });
    case 'buy_x_get_y':
      // The everyday N+1: the same items, the extra one free.
      if (effect.getPercent === 100 && sameSet(effect.buy, effect.get))
        return tools.menu ? t('summary.nPlusOneOn', { buy: effect.buyQuantity, get: effect.getQuantity, items: itemSetText(effect.buy, tools) }) : t('summary.nPlusOne', { buy: effect.buyQuantity, get: effect.getQuantity });
      return t('summary.buyGet', {
        buy: effect.buyQuantity,
        items: itemSetText(effect.buy, tools),
        get: effect.getQuantity,
        reward: itemSetText(isEmptySet(effect.get) ? effect.buy : effect.get, tools),
        percent: effect.getPercent,
      });
    case 'combo_price':
      return t('summary.combo', { price: money(effect.price) });
  }
}

/** "17:00–19:00" (windows past midnight read the same: "22:00–02:00"). */
export const windowText = (w: { from: string; to: string }) => `${w.from}–${w.to}`;

/** ISO weekdays as «пн–пт», «сб, вс», «ежедневно». */
export function daysText(days: readonly number[], t: Translate): string {
  const names = t('summary.days', { returnObjects: true }) as unknown as string[];
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return t('summary.everyDay');
  // Runs of three or more consecutive days collapse to "first–last".
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) parts.push(`${names[sorted[i] - 1]}–${names[sorted[j] - 1]}`);
    else for (let k = i; k <= j; k++) parts.push(names[sorted[k] - 1]);
    i = j + 1;
  }
  return parts.join(', ');
}

/** «пн–пт 17:00–19:00», «весь день», with validity dates «с 01.12 по 31.12» when set. */
export function scheduleText(schedule: PromotionSchedule, t: Translate, date: (businessDate: string) => string): string {
  const windows = schedule.windows.length === 0 ? t('summary.allDay') : schedule.windows.map((w) => (w.days.length === 7 ? windowText(w) : `${daysText(w.days, t)} ${windowText(w)}`)).join('; ');
  const validity = [schedule.validFrom && t('summary.validFrom', { date: date(schedule.validFrom) }), schedule.validTo && t('summary.validTo', { date: date(schedule.validTo) })].filter(Boolean).join(' ');
  return validity ? `${windows}, ${validity}` : windows;
}

/** A business date (YYYY-MM-DD) as "31.12" (ru) / "31/12" (en), no time zone involved. */
export function shortDate(businessDate: string, language: string): string {
  const [, month, day] = businessDate.split('-');
  return language === 'en' ? `${day}/${month}` : `${day}.${month}`;
}
