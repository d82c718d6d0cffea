import type { GiftCardMovementsTable, GiftCardsTable } from '../../../db/schema';
import type { Db } from '../../../shared/command';

export const insertCard = (db: Db, row: GiftCardsTable) => db.insertInto('gift_cards').values(row).execute();

export const insertMovement = (db: Db, row: GiftCardMovementsTable) => db.insertInto('gift_card_movements').values(row).execute();

export const findByCode = (db: Db, venueId: string, code: string) =>
  db.selectFrom('gift_cards').selectAll().where('venue_id', '=', venueId).where('code', '=', code).executeTakeFirst();

export const findById = (db: Db, cardId: string) => db.selectFrom('gift_cards').selectAll().where('id', '=', cardId).executeTakeFirstOrThrow();

/** The cards sold on an order, oldest first. */
export const cardsSoldOn = (db: Db, orderId: string) =>
  db.selectFrom('gift_cards').selectAll().where('sale_order_id', '=', orderId).orderBy('created_at').orderBy('id').execute();

export const movementsOf = (db: Db, cardId: string) =>
  db.selectFrom('gift_card_movements').selectAll().where('gift_card_id', '=', cardId).orderBy('created_at').orderBy('id').execute();

export const updateCard = (db: Db, cardId: string, patch: Partial<Omit<GiftCardsTable, 'id' | 'venue_id' | 'balance'>>) =>
  db.updateTable('gift_cards').set(patch).where('id', '=', cardId).execute();

/**
 * Takes `amount` off a usable card in one statement — active, not expired, enough on it — so
 * concurrent redeems can never overspend it; undefined when the card refused.
 */
export const redeemBalance = (db: Db, cardId: string, amount: number, now: string) =>
  db
    .updateTable('gift_cards')
    .set((eb) => ({ balance: eb('balance', '-', amount), updated_at: now }))
    .where('id', '=', cardId)
    .where('status', '=', 'active')
    .where('balance', '>=', amount)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .returning('balance')
    .executeTakeFirst();

/** Takes `amount` off whatever the card's state (a refund of its sale); undefined when less is left. */
export const takeBalance = (db: Db, cardId: string, amount: number, now: string) =>
  db
    .updateTable('gift_cards')
    .set((eb) => ({ balance: eb('balance', '-', amount), updated_at: now }))
    .where('id', '=', cardId)
    .where('balance', '>=', amount)
    .returning('balance')
    .executeTakeFirst();

/** Puts value back on the card whatever its state (a refunded redeem is never lost). */
export const restoreBalance = (db: Db, cardId: string, amount: number, now: string) =>
  db
    .updateTable('gift_cards')
    .set((eb) => ({ balance: eb('balance', '+', amount), updated_at: now }))
    .where('id', '=', cardId)
    .returning('balance')
    .executeTakeFirstOrThrow();

export const redeemOfPayment = (db: Db, paymentId: string) =>
  db.selectFrom('gift_card_movements').selectAll().where('payment_id', '=', paymentId).where('kind', '=', 'redeem').executeTakeFirst();

/** What the restores of one redeem gave back so far. */
export async function restoredFor(db: Db, redeemId: string): Promise<number> {
  const row = await db
    .selectFrom('gift_card_movements')
    .select((eb) => eb.fn.sum<string | number | null>('amount').as('total'))
    .where('redeem_id', '=', redeemId)
    .where('kind', '=', 'restore')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** What refunds of their sale took off these cards so far (positive). */
export async function takenByRefunds(db: Db, cardIds: string[]): Promise<number> {
  if (cardIds.length === 0) return 0;
  const row = await db
    .selectFrom('gift_card_movements')
    .select((eb) => eb.fn.sum<string | number | null>('amount').as('total'))
    .where('gift_card_id', 'in', cardIds)
    .where('kind', '=', 'cancel')
    .where('payment_id', 'is not', null)
    .executeTakeFirst();
  return -Number(row?.total ?? 0);
}
