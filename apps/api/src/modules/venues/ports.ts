import type { Actor, Db, OutboundEvent } from '../../shared/command';

/**
 * What the floor needs from the orders seated at its tables. Venues sit below orders, so they
 * declare this port and orders implement it (`OrderHooks`), wired in `composition.ts`: closing,
 * transferring and merging a table still moves its orders inside the same transaction.
 */
export interface SessionOrders {
  /** Per open session: the bill still open and whether money was taken. */
  openSessionSummaries(db: Db, venueId: string, sessionIds: string[]): Promise<Map<string, { openTotal: number; hasPayments: boolean }>>;
  /** Before parties are seated together: their open bills must fit one table. */
  assertSessionsFitTogether(db: Db, venueId: string, sessionIds: string[]): Promise<void>;
  /** Before a table closes: empty orders are voided, anything with money still due blocks it. */
  settleSessionForClose(db: Db, actor: Actor, sessionId: string): Promise<OutboundEvent[]>;
  /** Moves a session's open orders to another waiter, table or session. */
  reassignSession(db: Db, venueId: string, sessionId: string, to: { waiterId?: string; tableId?: string; sessionId?: string }): Promise<OutboundEvent[]>;
}
