import type { ComboWindow, Product, SaveUpsellConfigInput, UpsellConfig, UpsellStats } from '@pos/contracts';

/**
 * The upsell page edits a draft of one product's rules; saving sends the whole draft (the API
 * replaces the config). Errors come back as problem+json field paths (`body.combos.0.price`),
 * shown at the field they name.
 */

export interface AddonDraft {
  productId: string;
  name: string;
  price: number;
  reason: string;
  stats: UpsellStats | null;
}

export interface ComboDraft {
  /** Kept so the combo keeps its accept-rate history. */
  id?: string;
  /** For React keys of new combos. */
  key: string;
  name: string;
  price: number | null;
  items: { productId: string; name: string; price: number; quantity: number }[];
  windows: ComboWindow[];
  reason: string;
  stats: UpsellStats | null;
}

export interface RulesDraft {
  addons: AddonDraft[];
  combos: ComboDraft[];
}

export function draftOf(config: UpsellConfig): RulesDraft {
  return {
    addons: config.addons.map((a) => ({ productId: a.productId, name: a.name, price: a.price, reason: a.reason ?? '', stats: a.stats })),
    combos: config.combos.map((c) => ({
      id: c.id,
      key: c.id,
      name: c.name,
      price: c.price,
      items: c.items.map((i) => ({ productId: i.productId, name: i.name, price: i.price, quantity: i.quantity })),
      windows: c.windows,
      reason: c.reason ?? '',
      stats: c.stats,
    })),
  };
}

let comboSeq = 0;
/** A new combo starts with the product itself as its first dish. */
export function newCombo(product: Pick<Product, 'id' | 'name' | 'price'>): ComboDraft {
  comboSeq++;
  return { key: `new-${comboSeq}`, name: '', price: null, items: [{ productId: product.id, name: product.name, price: product.price, quantity: 1 }], windows: [], reason: '', stats: null };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The save body. A missing combo price goes as null on purpose: the server names the field
 * (`combos.N.price`), one place for the rules.
 */
export function inputOf(draft: RulesDraft): SaveUpsellConfigInput {
  return {
    addons: draft.addons.map((a) => ({ productId: a.productId, reason: orNull(a.reason) })),
    combos: draft.combos.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      name: c.name,
      price: c.price as number,
      items: c.items.map((i) => ({ productId: i.productId, quantity: i.quantity })),
      windows: c.windows,
      reason: orNull(c.reason),
    })),
  };
}

/** problem+json `errors` as a map of field path (without `body.`) → message. */
export function fieldErrors(errors: readonly { path: string; message: string }[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of errors ?? []) {
    const path = e.path.replace(/^body\.?/, '');
    if (!map.has(path)) map.set(path, e.message);
  }
  return map;
}

/** Accepted / shown as a whole percent; null until shown once. */
export const acceptPercent = (stats: UpsellStats | null): number | null => (stats?.acceptRate == null ? null : Math.round(stats.acceptRate * 100));

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
