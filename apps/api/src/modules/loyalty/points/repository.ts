import { sql } from 'kysely';
import type { CustomerVisitsTable, PointsMovementsTable } from '../../../db/schema';
import { isPostgres } from '../../../db/dialect';
import type { Db } from '../../../shared/command';

/**
 * A movement and the cached balance it changes, written together (the caller's transaction). The
 * balance may go below zero by a reversal — the guest spent points a refund now takes back; spends
 * are then refused (`takePoints` needs a balance that covers them) until it is positive again.
 */
export async function appendMovement(db: Db, row: PointsMovementsTable): Promise<void> {
  await db.insertInto('points_movements').values(row).execute();
  await db
    .updateTable('customers')
    .set((eb) => ({ points: eb('points', '+', row.points) }))
    .where('id', '=', row.customer_id)
    .execute();
}

/**
 * Takes `points` off the balance only if it covers them, in one statement: two concurrent spends
 * can never both pass a check made before either wrote (PostgreSQL re-checks the WHERE on the
 * updated row; SQLite runs one writer at a time). False when the balance is short.
 */
export async function takePoints(db: Db, venueId: string, customerId: string, points: number): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set((eb) => ({ points: eb('points', '-', points) }))
    .where('venue_id', '=', venueId)
    .where('id', '=', customerId)
    .where('points', '>=', points)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A movement whose balance change was already made (`takePoints`). */
export const insertMovement = (db: Db, row: PointsMovementsTable) => db.insertInto('points_movements').values(row).execute();

export const balanceOf = async (db: Db, venueId: string, customerId: string) =>
  (await db.selectFrom('customers').select('points').where('venue_id', '=', venueId).where('id', '=', customerId).executeTakeFirst())?.points ?? 0;

/** The movements of one payment (what it earned or spent, and what its refunds moved). */
export const movementsOfPayment = (db: Db, paymentId: string) => db.selectFrom('points_movements').selectAll().where('payment_id', '=', paymentId).execute();

/** Payment ids of the order that have earned (for the accrual at attach: those not yet). */
export const earnedPaymentIds = async (db: Db, orderId: string) =>
  (await db.selectFrom('points_movements').select('payment_id').where('order_id', '=', orderId).where('kind', '=', 'earn').execute()).map((r) => r.payment_id);

/** Whether any points were earned or spent on the order: its guest is then fixed. */
export const hasMovements = async (db: Db, orderId: string) =>
  Boolean(await db.selectFrom('points_movements').select('id').where('order_id', '=', orderId).limit(1).executeTakeFirst());

/** The guest's latest movements with their orders' numbers. */
export const recentMovements = (db: Db, venueId: string, customerId: string, limit: number) =>
  db
    .selectFrom('points_movements as m')
    .leftJoin('orders as o', 'o.id', 'm.order_id')
    .select(['m.id', 'm.kind', 'm.points', 'm.order_id', 'm.payment_id', 'm.created_at', 'o.number as order_number'])
    .where('m.venue_id', '=', venueId)
    .where('m.customer_id', '=', customerId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .execute();

/** Records the visit once per order (false when it was already counted). */
export async function insertVisit(db: Db, row: CustomerVisitsTable): Promise<boolean> {
  const result = await db.insertInto('customer_visits').values(row).onConflict((oc) => oc.column('order_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export const countVisit = (db: Db, customerId: string, at: string) =>
  db
    .updateTable('customers')
    .set((eb) => ({ visits: eb('visits', '+', 1), last_visit_at: at }))
    .where('id', '=', customerId)
    .execute();

export const recentVisits = (db: Db, venueId: string, customerId: string, limit: number) =>
  db.selectFrom('customer_visits').selectAll().where('venue_id', '=', venueId).where('customer_id', '=', customerId).orderBy('closed_at', 'desc').limit(limit).execute();

/**
 * Whether products carry a kind (`products.kind`, 'gift_card' for a gift card sold on an order —
 * the gift-card migration adds it). Asked once per process: the schema does not change under a
 * running server. Without it, no line is a gift card.
 */
let productKinds: Promise<boolean> | undefined;
function hasProductKinds(db: Db): Promise<boolean> {
  productKinds ??= (async () => {
    const found = isPostgres(db)
      ? await sql<{ one: number }>`SELECT 1 AS one FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'products' AND column_name = 'kind'`.execute(db)
      : await sql<{ one: number }>`SELECT 1 AS one FROM pragma_table_info('products') WHERE name = 'kind'`.execute(db);
    return found.rows.length > 0;
  })();
  return productKinds;
}

/** Of these products, the gift cards. */
export async function giftCardProducts(db: Db, productIds: string[]): Promise<Set<string>> {
  if (productIds.length === 0 || !(await hasProductKinds(db))) return new Set();
  const rows = await sql<{ id: string }>`SELECT id FROM products WHERE kind = 'gift_card' AND id IN (${sql.join(productIds)})`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}
