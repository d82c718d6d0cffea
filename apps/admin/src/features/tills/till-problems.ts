import type { Till } from '@pos/contracts';
import { problemCode } from '@pos/i18n';

/** Who holds a till a refused archive names (409 `till.busy` carries `cashierName`); null when the answer does not say. */
export function busyCashierOf(error: unknown): string | null {
  const name = (error as { problem?: { cashierName?: unknown } } | null)?.problem?.cashierName;
  return typeof name === 'string' && name ? name : null;
}

export const isNameTaken = (error: unknown) => problemCode(error) === 'till.name_taken';
export const isBusy = (error: unknown) => problemCode(error) === 'till.busy';

/** Tills in use first, then by name as people count them («Касса 2» before «Касса 10»). */
export function byStatusThenName(language: string) {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  return (a: Till, b: Till) => Number(a.archived) - Number(b.archived) || collator.compare(a.name, b.name);
}
