import { ApiError, type PosApi, type RequestOptions } from '@pos/api-client';
import type { AddItemInput, CreateOrderInput, CreatePaymentInput, Menu, Order, OrderLine, OrdersQuery, PaymentResult, Receipt, SendOrderResult, Table, TableSession } from '@pos/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { ConnectivityMonitor } from './connectivity';
import type { OfflineDb } from './db';
import type { MenuStore } from './menu-store';
import { orderView, recompute, tablesView } from './optimistic';
import type { Outbox, Settlement } from './outbox';
import type { CommandInput, OutboxRecord } from './outbox-model';

export interface OfflineApiOptions {
  api: PosApi;
  db: OfflineDb;
  outbox: Outbox;
  connectivity: ConnectivityMonitor;
  /** Who is signed in (optimistic orders are theirs), and the venue the cache belongs to. */
  session(): { venueId: string; staffId: string; staffName: string; venueName: string; currency: string } | null;
  /** The freshest menu the tablet has (the react-query cache, patched live by the socket). */
  menu(): Menu | undefined;
  /** The venues' menu copies: `menu()` reads through them. */
  menus: MenuStore;
  /**
   * A menu newer than the one `menu()` answered with: the copy is answered at once (the first
   * screen does not wait for the network) and the delta lands here when it arrives.
   */
  onFresherMenu(venueId: string, menu: Menu): void;
  newId?: () => string;
  /** How long a caller waits for the server before carrying on with the local view (ms). */
  waitMs?: number;
}

const QUEUED = Symbol.for('pos.offline.queued');

/** Marks a local answer: the command is queued, the server has not seen it yet. */
function markQueued<T extends object>(value: T): T {
  return Object.defineProperty(value, QUEUED, { value: true, enumerable: false });
}

/** True when an answer came from the local view (the command waits in the outbox). */
export function isQueued(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[QUEUED] === true;
}

/** Routes that need the server; offline they fail at once with this code. */
export const NEEDS_NETWORK = 'offline.needs_network';

const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

export function needsNetwork(): ApiError {
  return new ApiError(503, { type: 'about:blank', title: 'This needs a connection to the server', status: 503, code: NEEDS_NETWORK });
}

/**
 * The `PosApi` the shell hands to its screens: reads fall back to the IndexedDB cache when the
 * server cannot be reached, and the commands a waiter needs offline (create order, add, change,
 * void, fire, cash payment, open/close table) go through the outbox — answered by the server
 * when it is there, by the local view when it is not. Everything else is the plain API.
 */
export function createOfflineApi(options: OfflineApiOptions): PosApi {
  const { api, db, outbox, connectivity } = options;
  const newId = options.newId ?? uuidv7;
  const venueKey = (key: string) => `${options.session()?.venueId ?? 'none'}:${key}`;

  /** A server read with the cache behind it: fresh data is stored, no answer falls back to it. */
  async function cached<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
    try {
      const value = await fetcher();
      connectivity.reportAnswer();
      await db.cache.put({ key: venueKey(key), value, savedAt: Date.now() });
      return value;
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      connectivity.reportNetworkFailure();
      const hit = await db.cache.get(venueKey(key));
      if (hit) return hit.value as T;
      throw error;
    }
  }

  /** Queued commands, with temporary order ids already mapped to the server's where known. */
  async function queued(): Promise<OutboxRecord[]> {
    const records = await outbox.pending();
    const temp = [...new Set(records.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
    const mapped = new Map((await db.idMap.bulkGet(temp)).flatMap((m) => (m ? [[m.tempId, m.serverId] as const] : [])));
    return mapped.size === 0 ? records : records.map((r) => (r.orderId && mapped.has(r.orderId) ? { ...r, orderId: mapped.get(r.orderId) } : r));
  }

  async function saveOrder(order: Order): Promise<void> {
    await db.transaction('rw', [db.orders, db.versions], async () => {
      const known = await db.versions.get(order.id);
      if (known && known.version > order.version) return;
      await db.versions.put({ orderId: order.id, version: order.version });
      await db.orders.put({ id: order.id, tableId: order.tableId, status: order.status, order, savedAt: Date.now() });
    });
  }

  /** Temporary ids still waiting for their creating command. */
  const tempIds = (records: readonly OutboxRecord[]) => new Set(records.flatMap((r) => (r.creates?.order ? [r.creates.order] : [])));

  async function readOrder(id: string): Promise<Order> {
    const serverId = await outbox.resolveId(id);
    let confirmed: Order | null = null;
    let snapshotAt: number | undefined;
    let networkFailure: unknown = null;
    const before = await queued();
    if (!(serverId === id && tempIds(before).has(id))) {
      try {
        const startedAt = Date.now();
        confirmed = await api.order(serverId);
        snapshotAt = startedAt;
        connectivity.reportAnswer();
        await saveOrder(confirmed);
        // A command acknowledged while this read was on its way left a newer order behind.
        const newest = await db.orders.get(serverId);
        if (newest && newest.order.version > confirmed.version) {
          confirmed = newest.order;
          snapshotAt = newest.savedAt;
        }
      } catch (error) {
        if (!isNetworkError(error)) throw error;
        connectivity.reportNetworkFailure();
        networkFailure = error;
        const cachedOrder = await db.orders.get(serverId);
        confirmed = cachedOrder?.order ?? null;
        snapshotAt = cachedOrder?.savedAt;
      }
    }
    // Read the queue after the server: a command acknowledged meanwhile is in `confirmed` already.
    const view = orderView(confirmed, await queued(), new Set([id, serverId]), snapshotAt);
    if (view) return view;
    throw networkFailure ?? new ApiError(404, { type: 'about:blank', title: 'Order not found', status: 404, code: 'order.not_found' });
  }

  async function readOrders(query: OrdersQuery): Promise<Order[]> {
    let confirmed: { order: Order; savedAt: number }[];
    try {
      const startedAt = Date.now();
      const fresh = await api.orders(query);
      connectivity.reportAnswer();
      for (const order of fresh) await saveOrder(order);
      confirmed = fresh.map((order) => ({ order, savedAt: startedAt }));
    } catch (error) {
      if (!isNetworkError(error)) throw error;
      connectivity.reportNetworkFailure();
      confirmed = await db.orders.toArray();
    }
    const records = await queued();
    const byId = new Map(confirmed.map((c) => [c.order.id, c] as const));
    const views = [...byId.values()].map((c) => orderView(c.order, records, c.order.id, c.savedAt));
    for (const temp of tempIds(records)) if (!byId.has(temp)) views.push(orderView(null, records, temp));
    return filterOrders(views.filter((o): o is Order => o !== null), query);
  }

  function filterOrders(views: Order[], query: OrdersQuery): Order[] {
    return views.filter(
      (o) =>
        (!query.status || o.status === query.status) &&
        (!query.tableId || o.tableId === query.tableId) &&
        (!query.waiterId || o.waiterId === query.waiterId) &&
        (!query.sessionId || o.sessionId === query.sessionId),
    );
  }

  /** Queues a command; the server's answer when it comes in time, otherwise the local view. */
  async function command<T>(input: CommandInput, local: () => Promise<T>): Promise<T> {
    const { settled } = await outbox.enqueue(input, { wait: connectivity.isReachable, waitMs: options.waitMs });
    const outcome: Settlement = await settled;
    if (outcome.status === 'acked') {
      connectivity.reportAnswer();
      return outcome.response as T;
    }
    return local();
  }

  /** The menu's products and modifier options by id, once per menu (50,000 dishes are not mapped on every add). */
  const lookups = new WeakMap<Menu, { products: Map<string, Menu['products'][number]>; optionsById: Map<string, Menu['modifierGroups'][number]['options'][number]> }>();
  const lookupsOf = (menu: Menu | undefined) => {
    if (!menu) return { products: new Map(), optionsById: new Map() };
    let found = lookups.get(menu);
    if (!found) {
      found = { products: new Map(menu.products.map((p) => [p.id, p])), optionsById: new Map(menu.modifierGroups.flatMap((g) => g.options.map((o) => [o.id, o] as const))) };
      lookups.set(menu, found);
    }
    return found;
  };

  /**
   * The menu: the one on screen brought up to date with a delta; on a cold start the IndexedDB
   * copy at once (its delta follows through `onFresherMenu`); the snapshot only without a copy.
   */
  async function readMenu(): Promise<Menu> {
    const venueId = requireSession().venueId;
    const live = options.menu();
    if (live) return options.menus.catchUp(venueId, live);
    const copy = await options.menus.copy(venueId);
    if (!copy) return options.menus.catchUp(venueId, null);
    void options.menus.catchUp(venueId, copy).then(
      (fresh) => fresh !== copy && options.onFresherMenu(venueId, fresh),
      (error) => console.warn('[offline] the menu copy could not be brought up to date', error),
    );
    return copy;
  }

  const lineFactory = () => {
    const { products, optionsById } = lookupsOf(options.menu());
    return (item: AddItemInput): OrderLine => {
      const product = products.get(item.productId);
      return {
        id: newId(),
        productId: item.productId,
        name: product?.name ?? '…',
        unitPrice: product?.price ?? 0,
        modifiers: (item.modifierIds ?? []).flatMap((id) => {
          const o = optionsById.get(id);
          return o ? [{ id: o.id, name: o.name, priceDelta: o.priceDelta }] : [];
        }),
        quantity: item.quantity,
        voidedQuantity: 0,
        firedQuantity: 0,
        note: item.note ?? null,
        course: item.course ?? 1,
        kitchenState: 'new',
        voidReason: null,
        lineTotal: 0,
      };
    };
  };

  const requireSession = () => {
    const session = options.session();
    if (!session) throw new ApiError(401, { type: 'about:blank', title: 'Not signed in', status: 401, code: 'auth.required' });
    return session;
  };

  async function cachedTables(): Promise<Table[]> {
    return ((await db.cache.get(venueKey('tables')))?.value as Table[] | undefined) ?? [];
  }

  return {
    ...api,

    menu: readMenu,
    halls: () => cached('halls', api.halls),
    config: () => cached('config', api.config),
    currentShift: () => cached('shift', api.currentShift),
    async tables(hallId?: string) {
      const server = hallId ? await api.tables(hallId) : await cached('tables', () => api.tables());
      // Queued commands' orders come from the local store, not one server read each: the floor
      // refetches on every table event.
      const records = await queued();
      const touched = [...new Set(records.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
      const confirmed = await db.orders.bulkGet(touched);
      const orders = new Map(touched.map((id, i) => [id, orderView(confirmed[i]?.order ?? null, records, id, confirmed[i]?.savedAt)] as const));
      return tablesView(server, records, orders);
    },
    order: readOrder,
    orders: (query: OrdersQuery = {}) => readOrders(query),

    async createOrder(body: CreateOrderInput) {
      const session = requireSession();
      const id = newId();
      const makeLine = lineFactory();
      const lines = (body.items ?? []).map(makeLine);
      const now = new Date().toISOString();
      const table = body.tableId ? (await cachedTables()).find((t) => t.id === body.tableId) : undefined;
      const order = recompute(
        {
          id,
          number: 0,
          tableId: body.tableId ?? null,
          tableLabel: table?.label ?? null,
          sessionId: table?.session?.id ?? null,
          waiterId: session.staffId,
          waiterName: session.staffName,
          shiftId: body.shiftId ?? null,
          status: 'open',
          guests: body.guests ?? table?.session?.guests ?? 1,
          note: body.note ?? null,
          heldCourses: body.heldCourses ?? [],
          version: 0,
          lines,
          split: null,
          checks: [],
          subtotal: 0,
          discount: 0,
          total: 0,
          paid: 0,
          tips: 0,
          due: 0,
          createdAt: now,
          updatedAt: now,
          closedAt: null,
        },
        now,
      );
      return command<Order>(
        { kind: 'createOrder', method: 'POST', path: '/pos/orders', body: { ...body }, orderId: id, tableId: body.tableId, creates: { order: id, lines: lines.map((l) => l.id) }, effect: { type: 'createOrder', order } },
        () => readOrder(id),
      );
    },

    async addItems(id: string, items: AddItemInput[]) {
      const orderId = await outbox.resolveId(id);
      const lines = items.map(lineFactory());
      return command<Order>(
        { kind: 'addItems', method: 'POST', path: `/pos/orders/${orderId}/items`, body: { items }, orderId, creates: { lines: lines.map((l) => l.id) }, effect: { type: 'addItems', lines } },
        () => readOrder(orderId),
      );
    },

    async updateLine(id: string, lineId: string, body: { version: number; quantity?: number; note?: string | null; course?: number }) {
      const orderId = await outbox.resolveId(id);
      const line = await outbox.resolveId(lineId);
      return command<Order>(
        { kind: 'updateLine', method: 'PATCH', path: `/pos/orders/${orderId}/items/${line}`, body: { ...body }, orderId, effect: { type: 'updateLine', lineId: line, quantity: body.quantity, note: body.note, course: body.course } },
        () => readOrder(orderId),
      );
    },

    async voidLine(id: string, lineId: string, body: { version: number; quantity?: number; reason?: string }, o?: RequestOptions) {
      const orderId = await outbox.resolveId(id);
      const line = await outbox.resolveId(lineId);
      if (o?.approval) {
        // A supervisor's approval is single-use and short-lived: its command goes to the server
        // now or not at all, never into the outbox.
        const order = await api.voidLine(orderId, line, body, o);
        await saveOrder(order);
        return order;
      }
      return command<Order>(
        { kind: 'voidLine', method: 'POST', path: `/pos/orders/${orderId}/items/${line}/void`, body: { ...body }, orderId, effect: { type: 'voidLine', lineId: line, quantity: body.quantity, reason: body.reason } },
        () => readOrder(orderId),
      );
    },

    async updateOrder(id: string, body: { version: number; note?: string | null; guests?: number; heldCourses?: number[] }) {
      const orderId = await outbox.resolveId(id);
      return command<Order>(
        { kind: 'updateOrder', method: 'PATCH', path: `/pos/orders/${orderId}`, body: { ...body }, orderId, effect: { type: 'updateOrder', note: body.note, guests: body.guests, heldCourses: body.heldCourses } },
        () => readOrder(orderId),
      );
    },

    async sendOrder(id: string, courses?: number[]) {
      const orderId = await outbox.resolveId(id);
      return command<SendOrderResult>(
        { kind: 'sendOrder', method: 'POST', path: `/pos/orders/${orderId}/send`, body: courses ? { courses } : {}, orderId, effect: { type: 'sendOrder', courses } },
        async () => markQueued({ order: await readOrder(orderId), tickets: [] }),
      );
    },

    async pay(body: CreatePaymentInput) {
      const session = requireSession();
      if (!connectivity.isReachable && body.tenders.some((t) => t.method !== 'cash')) throw needsNetwork();
      const orderId = await outbox.resolveId(body.orderId);
      const input = { ...body, orderId };
      delete (input as { clientRequestId?: string }).clientRequestId;
      return command<PaymentResult>(
        { kind: 'pay', method: 'POST', path: '/pos/finance/payments', body: input, orderId, effect: { type: 'pay', checkIndex: body.checkIndex, tenders: body.tenders } },
        async () => {
          const order = await readOrder(orderId);
          const change = body.tenders.reduce((s, t) => s + (t.tendered !== undefined ? Math.max(0, t.tendered - t.amount - (t.tip ?? 0)) : 0), 0);
          return markQueued({ payments: [], change, order, receipt: localReceipt(order, body, change, session) });
        },
      );
    },

    async openTable(tableId: string, guests: number) {
      const session = requireSession();
      return command<TableSession>(
        { kind: 'openTable', method: 'POST', path: `/pos/tables/${tableId}/open`, body: { guests }, tableId, effect: { type: 'openTable', tableId, guests, waiterId: session.staffId, waiterName: session.staffName } },
        async () => ({ id: newId(), tableId, waiterId: session.staffId, waiterName: session.staffName, guests, status: 'open', openedAt: new Date().toISOString(), closedAt: null }),
      );
    },

    async closeTable(tableId: string) {
      return command<Table>({ kind: 'closeTable', method: 'POST', path: `/pos/tables/${tableId}/close`, body: {}, tableId, effect: { type: 'closeTable', tableId } }, async () => {
        const table = (await cachedTables()).find((t) => t.id === tableId);
        if (!table) throw needsNetwork();
        return { ...table, status: 'free', session: null, openTotal: 0, kitchen: { cooking: 0, ready: 0 } };
      });
    },
  };
}

function localReceipt(order: Order, body: CreatePaymentInput, change: number, session: { venueName: string; currency: string }): Receipt {
  return {
    venueName: session.venueName,
    currency: session.currency,
    orderNumber: order.number,
    tableLabel: order.tableLabel,
    waiterName: order.waiterName,
    lines: order.lines
      .filter((l) => l.quantity - l.voidedQuantity > 0)
      .map((l) => ({ name: l.name, modifiers: l.modifiers.map((m) => m.name), quantity: l.quantity - l.voidedQuantity, unitPrice: l.unitPrice, total: l.lineTotal })),
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    tips: order.tips,
    payments: body.tenders.map((t) => ({ method: t.method, amount: t.amount, tip: t.tip ?? 0 })),
    change,
    due: order.due,
    issuedAt: new Date().toISOString(),
  };
}
