import type { Hall, Permission, Table, TableSession, TableStatus, TransferTableInput } from '@pos/contracts';
import type { TablesTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AuthService } from '../auth/service';
import type { SessionOrders } from './ports';
import * as repo from './repository';

/** What a role needs to take over a table: see the floor and take the party's orders. */
const TABLE_HOLDER_PERMISSIONS: readonly Permission[] = ['tables.view', 'orders.create'];

const toSession = (row: repo.SessionRow): TableSession => ({
  id: row.id,
  tableId: row.table_id,
  waiterId: row.waiter_id,
  waiterName: row.waiter_name,
  guests: row.guests,
  status: row.status as TableSession['status'],
  openedAt: row.opened_at,
  closedAt: row.closed_at,
});

/** The floor: halls, tables and table sessions (a party seated at a table until it leaves). */
export class VenuesService {
  constructor(
    private readonly auth: AuthService,
    private readonly orders: SessionOrders,
  ) {}

  async halls(db: Db, venueId: string): Promise<Hall[]> {
    return (await repo.listHalls(db, venueId)).map((h) => ({ id: h.id, name: h.name, sort: h.sort }));
  }

  async tables(db: Db, venueId: string, hallId?: string): Promise<Table[]> {
    const [tables, sessions] = await Promise.all([repo.listTables(db, venueId, hallId), repo.listOpenSessions(db, venueId)]);
    const sessionIds = sessions.map((s) => s.id);
    const [sessionTotals, kitchen] = await Promise.all([this.orders.openSessionSummaries(db, venueId, sessionIds), this.kitchenOf(db, venueId, sessionIds)]);
    const sessionOf = new Map(sessions.map((s) => [s.table_id, s]));
    return tables.map((t) => {
      const session = sessionOf.get(t.id);
      return this.toTable(t, session, session ? sessionTotals.get(session.id) : undefined, session ? kitchen.get(session.id) : undefined);
    });
  }

  async table(db: Db, venueId: string, tableId: string): Promise<Table> {
    const table = await repo.findTable(db, venueId, tableId);
    if (!table) throw notFound('table', tableId);
    const session = await repo.findOpenSessionOfTable(db, venueId, tableId);
    const totals = session ? (await this.orders.openSessionSummaries(db, venueId, [session.id])).get(session.id) : undefined;
    const kitchen = session ? (await this.kitchenOf(db, venueId, [session.id])).get(session.id) : undefined;
    return this.toTable(table, session, totals, kitchen);
  }

  /** What the kitchen is doing for each session: portions cooking (queued or started) and ready at the pass. */
  private async kitchenOf(db: Db, venueId: string, sessionIds: readonly string[]): Promise<Map<string, Table['kitchen']>> {
    const counts = new Map<string, Table['kitchen']>();
    for (const row of await repo.kitchenCountsOfSessions(db, venueId, sessionIds)) {
      const c = counts.get(row.sessionId) ?? { cooking: 0, ready: 0 };
      if (row.status === 'ready') c.ready += row.count;
      else c.cooking += row.count;
      counts.set(row.sessionId, c);
    }
    return counts;
  }

  private toTable(
    t: TablesTable,
    session: repo.SessionRow | undefined,
    totals: { openTotal: number; hasPayments: boolean } | undefined,
    kitchen: Table['kitchen'] = { cooking: 0, ready: 0 },
  ): Table {
    const status: TableStatus = !session ? 'free' : totals?.hasPayments ? 'bill' : 'occupied';
    return {
      id: t.id,
      hallId: t.hall_id,
      label: t.label,
      seats: t.seats,
      shape: t.shape as Table['shape'],
      x: t.x,
      y: t.y,
      width: t.width,
      height: t.height,
      status,
      session: session ? toSession(session) : null,
      openTotal: totals?.openTotal ?? 0,
      kitchen,
    };
  }

  /** The `table.updated` event for a table as it stands now in this transaction. */
  async tableEvent(db: Db, venueId: string, tableId: string): Promise<OutboundEvent> {
    const table = await this.table(db, venueId, tableId);
    return event('table.updated', { venueId, table }, table.hallId);
  }

  async requireTable(db: Db, venueId: string, tableId: string) {
    const table = await repo.findTable(db, venueId, tableId);
    if (!table) throw notFound('table', tableId);
    return table;
  }

  async session(db: Db, venueId: string, sessionId: string): Promise<TableSession> {
    const row = await repo.findSession(db, venueId, sessionId);
    if (!row) throw notFound('session', sessionId);
    return toSession(row);
  }

  async openSessionOfTable(db: Db, venueId: string, tableId: string): Promise<TableSession | undefined> {
    const row = await repo.findOpenSessionOfTable(db, venueId, tableId);
    return row ? toSession(row) : undefined;
  }

  async openTable(db: Db, actor: Actor, tableId: string, guests: number) {
    await this.requireTable(db, actor.venueId, tableId);
    const id = newId();
    const inserted = await repo.insertOpenSession(db, { id, venue_id: actor.venueId, table_id: tableId, waiter_id: actor.staffId, guests, opened_at: nowIso() });
    if (!inserted) {
      const current = await repo.findOpenSessionOfTable(db, actor.venueId, tableId);
      throw conflict('table.occupied', `The table is already open (${current?.waiter_name ?? 'another waiter'})`, {
        sessionId: current?.id,
        waiterId: current?.waiter_id,
      });
    }
    return outcome(await this.session(db, actor.venueId, id), [await this.tableEvent(db, actor.venueId, tableId)]);
  }

  /** The table's open session, opening one for the actor when the table is free. */
  async ensureSession(db: Db, actor: Actor, tableId: string, guests: number): Promise<{ session: TableSession; opened: boolean }> {
    // A table closing meanwhile finishes first; then the order opens a new session.
    await repo.holdOpenSessions(db, actor.venueId, [tableId], 'share');
    const existing = await this.openSessionOfTable(db, actor.venueId, tableId);
    if (existing) return { session: existing, opened: false };
    return { session: (await this.openTable(db, actor, tableId, guests)).value, opened: true };
  }

  async closeTable(db: Db, actor: Actor, tableId: string) {
    await this.requireTable(db, actor.venueId, tableId);
    await repo.holdOpenSessions(db, actor.venueId, [tableId], 'update');
    const session = await repo.findOpenSessionOfTable(db, actor.venueId, tableId);
    if (!session) throw conflict('table.not_open', 'The table is not open');
    const events = await this.orders.settleSessionForClose(db, actor, session.id);
    await repo.updateSession(db, session.id, { status: 'closed', closed_at: nowIso() });
    return outcome(await this.table(db, actor.venueId, tableId), [...events, await this.tableEvent(db, actor.venueId, tableId)]);
  }

  async transfer(db: Db, actor: Actor, tableId: string, input: TransferTableInput) {
    await this.requireTable(db, actor.venueId, tableId);
    await repo.holdOpenSessions(db, actor.venueId, input.toTableId ? [tableId, input.toTableId] : [tableId], 'update');
    const session = await repo.findOpenSessionOfTable(db, actor.venueId, tableId);
    if (!session) throw conflict('table.not_open', 'The table is not open');
    const events: OutboundEvent[] = [];
    if (input.toWaiterId) {
      await this.requireWaiter(db, actor.venueId, input.toWaiterId);
      await repo.updateSession(db, session.id, { waiter_id: input.toWaiterId });
      events.push(...(await this.orders.reassignSession(db, actor.venueId, session.id, { waiterId: input.toWaiterId })));
    } else if (input.toTableId) {
      if (input.toTableId === tableId) throw invalid('body.toTableId', 'Pick another table');
      await this.requireTable(db, actor.venueId, input.toTableId);
      if (await repo.findOpenSessionOfTable(db, actor.venueId, input.toTableId)) {
        throw conflict('table.occupied', 'The target table is occupied; merge the tables instead');
      }
      if (!(await repo.moveSessionToTable(db, session.id, input.toTableId))) {
        throw conflict('table.occupied', 'The target table was just taken; merge the tables instead');
      }
      events.push(...(await this.orders.reassignSession(db, actor.venueId, session.id, { tableId: input.toTableId })));
      events.push(await this.tableEvent(db, actor.venueId, input.toTableId));
    }
    events.push(await this.tableEvent(db, actor.venueId, tableId));
    const target = input.toTableId ?? tableId;
    return outcome(await this.table(db, actor.venueId, target), events);
  }

  /**
   * A table goes only to someone whose role, in this venue, may serve it: see the floor and take
   * orders (a cook or a cashier would hold a table nobody can serve).
   */
  private async requireWaiter(db: Db, venueId: string, staffId: string): Promise<void> {
    const staff = await this.auth.requireActiveStaff(db, venueId, staffId);
    const role = (await this.auth.listRoles(db, venueId)).find((r) => r.role === staff.role);
    const missing = TABLE_HOLDER_PERMISSIONS.filter((p) => !role?.permissions.includes(p));
    if (missing.length > 0) {
      throw conflict('table.transfer_not_allowed', `${staff.name} (${staff.role}) cannot take tables: the role lacks ${missing.join(', ')}`, {
        staffId,
        role: staff.role,
        missing,
      });
    }
  }

  /** Seats this table's party with the target table's: its orders move there, nothing re-fires. */
  async merge(db: Db, actor: Actor, tableId: string, targetTableId: string) {
    if (targetTableId === tableId) throw invalid('body.targetTableId', 'Pick another table');
    await this.requireTable(db, actor.venueId, tableId);
    await this.requireTable(db, actor.venueId, targetTableId);
    await repo.holdOpenSessions(db, actor.venueId, [tableId, targetTableId], 'update');
    const source = await repo.findOpenSessionOfTable(db, actor.venueId, tableId);
    const target = await repo.findOpenSessionOfTable(db, actor.venueId, targetTableId);
    if (!source) throw conflict('table.not_open', 'The table is not open');
    if (!target) throw conflict('table.not_open', 'The target table is not open; transfer instead');
    await this.orders.assertSessionsFitTogether(db, actor.venueId, [source.id, target.id]);
    const events = await this.orders.reassignSession(db, actor.venueId, source.id, { tableId: targetTableId, sessionId: target.id });
    await repo.updateSession(db, target.id, { guests: target.guests + source.guests });
    await repo.updateSession(db, source.id, { status: 'merged', closed_at: nowIso(), merged_into: target.id });
    events.push(await this.tableEvent(db, actor.venueId, tableId), await this.tableEvent(db, actor.venueId, targetTableId));
    return outcome(await this.table(db, actor.venueId, targetTableId), events);
  }
}
