import type { ModifierGroup, Product } from '@pos/contracts';
import { isChoiceCountAllowed } from '@pos/contracts/rules';

/** Chosen option ids per modifier group id. */
export type ModifierSelection = Readonly<Record<string, readonly string[]>>;

export interface GroupState {
  count: number;
  /** Enough options chosen (a group with minSelect 0 is always satisfied). */
  isSatisfied: boolean;
  /** No more options can be added (single-choice groups swap instead). */
  isFull: boolean;
  isRequired: boolean;
}

export function groupState(group: ModifierGroup, selection: ModifierSelection): GroupState {
  const count = selection[group.id]?.length ?? 0;
  return { count, isSatisfied: isChoiceCountAllowed(group, count), isFull: count >= group.maxSelect, isRequired: group.minSelect > 0 };
}

/**
 * Taps an option. Tapping a chosen one takes it away. In a single-choice group another option
 * replaces the chosen one (a radio); in a multi-choice group a full group ignores further taps.
 */
export function toggleOption(selection: ModifierSelection, group: ModifierGroup, optionId: string): ModifierSelection {
  const chosen = selection[group.id] ?? [];
  if (chosen.includes(optionId)) return { ...selection, [group.id]: chosen.filter((id) => id !== optionId) };
  if (group.maxSelect === 1) return { ...selection, [group.id]: [optionId] };
  if (chosen.length >= group.maxSelect) return selection;
  return { ...selection, [group.id]: [...chosen, optionId] };
}

/** Groups that still need a choice before the product can be added. */
export function missingGroups(groups: readonly ModifierGroup[], selection: ModifierSelection): ModifierGroup[] {
  return groups.filter((g) => !groupState(g, selection).isSatisfied);
}

/** Option ids to send, in the menu's order of groups and options. */
export function selectedOptionIds(groups: readonly ModifierGroup[], selection: ModifierSelection): string[] {
  return groups.flatMap((g) => g.options.filter((o) => selection[g.id]?.includes(o.id)).map((o) => o.id));
}

/** Price of one portion with the chosen options; a discounting option never makes it negative. */
export function portionPrice(product: Pick<Product, 'price'>, groups: readonly ModifierGroup[], selection: ModifierSelection): number {
  const deltas = groups.flatMap((g) => g.options.filter((o) => selection[g.id]?.includes(o.id))).reduce((sum, o) => sum + o.priceDelta, 0);
  return Math.max(0, product.price + deltas);
}

/** The product's modifier groups in the order the product lists them (unknown ids skipped). */
export function groupsOf(product: Pick<Product, 'modifierGroupIds'>, all: readonly ModifierGroup[]): ModifierGroup[] {
  const byId = new Map(all.map((g) => [g.id, g]));
  return product.modifierGroupIds.flatMap((id) => {
    const group = byId.get(id);
    return group ? [group] : [];
  });
}
