import { createHash } from 'node:crypto';

/** The `prev_hash` of a venue's first Z-report. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth: the same figures always give the same text, hence
 * the same hash, whatever order the code that built them used.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A Z's link in the chain: sha256 (hex) of the previous Z's hash followed by its own canonical data. */
export const chainHash = (prevHash: string, data: string) => createHash('sha256').update(prevHash).update(data).digest('hex');

export interface ChainRow {
  number: number;
  data: string;
  prev_hash: string;
  hash: string;
}

/**
 * Walks rows in number order from where the last page ended: each must be the next number, link to
 * the hash before it, and hash to what it stores. Returns the first number that does not hold.
 */
export function firstBroken(rows: readonly ChainRow[], from: { number: number; hash: string }): { brokenAt: number | null; last: { number: number; hash: string } } {
  let last = from;
  for (const row of rows) {
    if (row.number !== last.number + 1 || row.prev_hash !== last.hash || chainHash(row.prev_hash, row.data) !== row.hash) {
      return { brokenAt: row.number === last.number + 1 ? row.number : last.number + 1, last };
    }
    last = { number: row.number, hash: row.hash };
  }
  return { brokenAt: null, last };
}
