import type { Kysely } from 'kysely';
import { newId } from '../../shared/ids';
import type { Database, OrderLinesTable, OrdersTable } from '../schema';

const DAY_MS = 86_400_000;

/** A small deterministic PRNG (mulberry32): the same history on every bench run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Database[T][], chunk: number) {
  for (let i = 0; i < rows.length; i += chunk) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely cannot narrow a generic table's insert type
    await db.insertInto(table).values(rows.slice(i, i + chunk) as any).execute();
  }
}

/**
 * `count` paid orders of 2–5 dishes over the last 60 days for the bench venue, written in bulk
 * with the pair counts they leave (as paying each would have). Dishes have habits: each product
 * mostly goes with a few "companions", so "often ordered together" has something to find.
 * Only for SEED_BIG_MENU: a normal start never runs it.
 */
export async function seedBenchHistory(db: Kysely<Database>, venueId: string, count: number) {
  const products = await db.selectFrom('products').select(['id', 'name', 'price']).where('venue_id', '=', venueId).orderBy('sort').execute();
  const waiter = await db.selectFrom('staff').select('id').where('venue_id', '=', venueId).where('role', '=', 'waiter').executeTakeFirstOrThrow();
  const n = products.length;
  if (n < 10) return;
  const next = random(20_240_601);
  const pick = (max: number) => Math.floor(next() * max);
  const companion = (p: number) => (next() < 0.8 ? (p + 1 + pick(6) * 7919) % n : pick(n));

  const now = Date.now();
  const orders: OrdersTable[] = [];
  const lines: OrderLinesTable[] = [];
  const pairs = new Map<string, { count: number; last: string }>();
  for (let o = 0; o < count; o++) {
    const at = new Date(now - Math.floor(next() * 60 * DAY_MS)).toISOString();
    const id = newId();
    orders.push({
      id, venue_id: venueId, number: o + 1, table_id: null, session_id: null, waiter_id: waiter.id, shift_id: null, status: 'paid', guests: 2,
      note: null, held_courses: '[]', split: null, version: 3, created_by: waiter.id, created_at: at, updated_at: at, closed_at: at,
    });
    const anchor = pick(n);
    const chosen = new Set([anchor]);
    const size = 2 + pick(4);
    while (chosen.size < size) chosen.add(companion(anchor));
    [...chosen].forEach((p, position) => {
      const product = products[p];
      lines.push({
        id: newId(), order_id: id, venue_id: venueId, product_id: product.id, name: product.name, unit_price: Number(product.price), modifiers: '[]',
        quantity: 1, voided_quantity: 0, fired_quantity: 1, fired_note: '', note: null, course: 1, void_reason: null, position, created_at: at,
      });
    });
    for (const a of chosen) {
      for (const b of chosen) {
        if (a === b) continue;
        const key = `${products[a].id}|${products[b].id}`;
        const seen = pairs.get(key);
        pairs.set(key, seen ? { count: seen.count + 1, last: seen.last > at ? seen.last : at } : { count: 1, last: at });
      }
    }
  }

  await db.transaction().execute(async (trx) => {
    await insertChunked(trx, 'orders', orders, 500);
    await insertChunked(trx, 'order_lines', lines, 500);
    const pairRows = [...pairs].map(([key, v]) => {
      const [product_id, other_id] = key.split('|');
      return { venue_id: venueId, product_id, other_id, count: v.count, last_at: v.last };
    });
    await insertChunked(trx, 'product_pairs', pairRows, 1000);
    await trx.updateTable('venues').set({ order_seq: count }).where('id', '=', venueId).execute();
  });
}
