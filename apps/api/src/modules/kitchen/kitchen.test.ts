import { randomUUID } from 'node:crypto';
import { type KitchenStatus, type KitchenTicket, type Order, TICKET_STATUSES, TICKET_TRANSITIONS, type TicketStatus } from '@pos/contracts';
import { type Client, createTestApp, requestId, type Response, type TestApp } from '../../testing/harness';

const paths = (res: Response) => ((res.body?.errors ?? []) as { path: string }[]).map((e) => e.path);

function expectProblem(res: Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

const byStation = (tickets: KitchenTicket[]) => Object.fromEntries(tickets.map((tk) => [tk.stationCode, tk]));
const stationsOf = (tickets: KitchenTicket[]) => tickets.map((tk) => tk.stationCode).sort();
/** Ticket items without their ids, in a stable order, for comparing. */
const itemsOf = (ticket: KitchenTicket) =>
  ticket.items
    .map(({ lineId, name, modifiers, quantity, note, kind }) => ({ lineId, name, modifiers, quantity, note, kind }))
    .sort((a, b) => (a.lineId + a.kind).localeCompare(b.lineId + b.kind));

describe('kitchen', () => {
  let t: TestApp;
  let anna: Client;
  let boris: Client;
  let supervisor: Client;
  let cook: Client;
  let cashier: Client;
  let medium: string;
  let steak: { id: string; name: string };
  let borscht: { id: string; name: string };
  let caesar: { id: string; name: string };
  let wine: { id: string; name: string };
  let espresso: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    [anna, boris, supervisor, cook, cashier] = await Promise.all(['1111', '1112', '333333', '4444', '2222'].map((pin) => t.login(pin)));
    medium = await t.option('doneness', 'medium');
    steak = await t.product('ribeye-steak');
    borscht = await t.product('borscht');
    caesar = await t.product('caesar-chicken');
    wine = await t.product('wine-red-glass');
    espresso = await t.product('espresso');
  });
  afterAll(() => t.close());

  async function createOrder(client: Client, body: Record<string, unknown>): Promise<Order> {
    const res = await client.post('/pos/orders', body);
    if (res.status !== 201) throw new Error(`create order: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function send(orderId: string, body: Record<string, unknown> = {}, client = anna) {
    const res = await client.post(`/pos/orders/${orderId}/send`, body);
    if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { order: Order; tickets: KitchenTicket[] };
  }

  async function ticketsOfOrder(orderId: string): Promise<KitchenTicket[]> {
    const res = await cook.get(`/pos/kitchen/tickets?orderId=${orderId}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function bump(ticket: { id: string }, status: TicketStatus, client = cook, version?: number) {
    return client.post(`/pos/kitchen/tickets/${ticket.id}/status`, { status, ...(version !== undefined ? { version } : {}) });
  }

  const steakItem = (note?: string) => ({ productId: steak.id, quantity: 1, modifierIds: [medium], ...(note ? { note } : {}) });

  describe('send: fires only the changes since the last firing', () => {
    it('the first send makes one ticket per station with every line', async () => {
      const table = await t.table('1');
      const order = await createOrder(anna, {
        tableId: table.id,
        items: [steakItem('без соли'), { productId: borscht.id, quantity: 2 }, { productId: caesar.id, quantity: 1 }, { productId: wine.id, quantity: 2 }],
      });
      const [s, b, c, w] = order.lines;

      const fired = await send(order.id, { clientRequestId: requestId() });
      expect(stationsOf(fired.tickets)).toEqual(['bar', 'cold', 'hot']);
      const { hot, cold, bar } = byStation(fired.tickets);
      expect(itemsOf(hot)).toEqual(
        [
          { lineId: s.id, name: steak.name, modifiers: ['Medium'], quantity: 1, note: 'без соли', kind: 'add' },
          { lineId: b.id, name: borscht.name, modifiers: [], quantity: 2, note: null, kind: 'add' },
        ].sort((x, y) => (x.lineId + x.kind).localeCompare(y.lineId + y.kind)),
      );
      expect(itemsOf(cold)).toEqual([{ lineId: c.id, name: caesar.name, modifiers: [], quantity: 1, note: null, kind: 'add' }]);
      expect(itemsOf(bar)).toEqual([{ lineId: w.id, name: wine.name, modifiers: [], quantity: 2, note: null, kind: 'add' }]);
      for (const tk of fired.tickets) {
        expect(tk).toMatchObject({
          orderId: order.id,
          orderNumber: order.number,
          tableId: table.id,
          tableLabel: '1',
          hallId: table.hall_id,
          hallName: 'Основной зал',
          waiterId: anna.staffId,
          waiterName: 'Анна',
          status: 'queued',
          course: 1,
          version: 1,
        });
      }
      expect(new Set(fired.tickets.map((tk) => tk.number)).size).toBe(3);

      expect(fired.order.lines.map((l) => [l.firedQuantity, l.kitchenState])).toEqual([
        [1, 'fired'],
        [2, 'fired'],
        [1, 'fired'],
        [2, 'fired'],
      ]);
      expect((await ticketsOfOrder(order.id)).map((tk) => tk.id).sort()).toEqual(fired.tickets.map((tk) => tk.id).sort());
    });

    it('a second send with no changes fires nothing, and a replayed send returns the same tickets', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('2')).id, items: [{ productId: borscht.id, quantity: 1 }, { productId: wine.id, quantity: 1 }] });
      const key = requestId();
      const first = await anna.post(`/pos/orders/${order.id}/send`, { clientRequestId: key });
      expect(first.status).toBe(200);
      expect(first.body.tickets).toHaveLength(2);

      const again = await send(order.id);
      expect(again.tickets).toEqual([]);
      expect(again.order.lines.every((l) => l.kitchenState === 'fired')).toBe(true);
      // Nothing changed, so a colleague editing the order meanwhile is not pushed into a 409.
      expect(again.order.version).toBe(first.body.order.version);

      const replay = await anna.post(`/pos/orders/${order.id}/send`, { clientRequestId: key });
      expect(replay.status).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.tickets.map((tk: KitchenTicket) => tk.id)).toEqual(first.body.tickets.map((tk: KitchenTicket) => tk.id));
      expect(await ticketsOfOrder(order.id)).toHaveLength(2);
    });

    it('two sends of the same order at once fire every dish exactly once', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('Т4')).id, items: [{ productId: borscht.id, quantity: 2 }, { productId: caesar.id, quantity: 1 }, { productId: wine.id, quantity: 1 }] });
      const [a, b] = await Promise.all([send(order.id), send(order.id, {}, boris)]);
      expect([a.tickets.length, b.tickets.length].sort()).toEqual([0, 3]);
      const tickets = await ticketsOfOrder(order.id);
      expect(stationsOf(tickets)).toEqual(['bar', 'cold', 'hot']);
      expect(tickets.flatMap((tk) => tk.items).map((i) => i.quantity).sort()).toEqual([1, 1, 2]);
    });

    it('adding a line fires only that line; raising a quantity fires only the difference', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('3')).id, items: [{ productId: borscht.id, quantity: 1 }, { productId: wine.id, quantity: 1 }] });
      const first = await send(order.id);
      expect(first.tickets).toHaveLength(2);

      const added = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: espresso.id, quantity: 2 }] });
      expect(added.status).toBe(200);
      const espressoLine = added.body.lines[2];
      expect(espressoLine.kitchenState).toBe('new');
      const second = await send(order.id);
      expect(stationsOf(second.tickets)).toEqual(['bar']);
      expect(itemsOf(second.tickets[0])).toEqual([{ lineId: espressoLine.id, name: espresso.name, modifiers: [], quantity: 2, note: null, kind: 'add' }]);

      const soupLine = order.lines[0];
      const more = await anna.patch(`/pos/orders/${order.id}/items/${soupLine.id}`, { version: second.order.version, quantity: 3 });
      expect(more.status).toBe(200);
      expect(more.body.lines[0]).toMatchObject({ firedQuantity: 1, kitchenState: 'changed' });
      const third = await send(order.id);
      expect(stationsOf(third.tickets)).toEqual(['hot']);
      expect(itemsOf(third.tickets[0])).toEqual([{ lineId: soupLine.id, name: borscht.name, modifiers: [], quantity: 2, note: null, kind: 'add' }]);
      expect(third.order.lines[0]).toMatchObject({ quantity: 3, firedQuantity: 3, kitchenState: 'fired' });

      expect(await ticketsOfOrder(order.id)).toHaveLength(4);
    });

    it('voiding fired portions fires a cancel item with a negative quantity', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('4')).id, items: [{ productId: borscht.id, quantity: 3 }, { productId: wine.id, quantity: 1 }] });
      const fired = await send(order.id);
      const soup = order.lines[0];
      const voided = await supervisor.post(`/pos/orders/${order.id}/items/${soup.id}/void`, { version: fired.order.version, quantity: 2, reason: 'гости ушли' });
      expect(voided.status).toBe(200);
      expect(voided.body.lines[0]).toMatchObject({ voidedQuantity: 2, firedQuantity: 3, kitchenState: 'changed' });

      const cancel = await send(order.id);
      expect(stationsOf(cancel.tickets)).toEqual(['hot']);
      expect(itemsOf(cancel.tickets[0])).toEqual([{ lineId: soup.id, name: borscht.name, modifiers: [], quantity: -2, note: null, kind: 'cancel' }]);
      expect(cancel.order.lines[0]).toMatchObject({ firedQuantity: 1, kitchenState: 'fired' });
      expect((await send(order.id)).tickets).toEqual([]);

      // A whole fired line voided: the kitchen is told to stop all of it.
      const wineLine = order.lines[1];
      const all = await supervisor.post(`/pos/orders/${order.id}/items/${wineLine.id}/void`, { version: cancel.order.version, reason: 'разбили бокал' });
      expect(all.status).toBe(200);
      const stopAll = await send(order.id);
      expect(stationsOf(stopAll.tickets)).toEqual(['bar']);
      expect(itemsOf(stopAll.tickets[0])).toEqual([{ lineId: wineLine.id, name: wine.name, modifiers: [], quantity: -1, note: null, kind: 'cancel' }]);
    });

    it('a changed note fires a note item for the portions the kitchen has', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('5')).id, items: [steakItem(), { productId: wine.id, quantity: 1 }] });
      const fired = await send(order.id);
      const steakLine = order.lines[0];
      const url = `/pos/orders/${order.id}/items/${steakLine.id}`;

      const noted = await anna.patch(url, { version: fired.order.version, note: 'аллергия на перец' });
      expect(noted.status).toBe(200);
      expect(noted.body.lines[0].kitchenState).toBe('changed');
      const note = await send(order.id);
      expect(stationsOf(note.tickets)).toEqual(['hot']);
      expect(itemsOf(note.tickets[0])).toEqual([{ lineId: steakLine.id, name: steak.name, modifiers: ['Medium'], quantity: 1, note: 'аллергия на перец', kind: 'note' }]);
      expect(note.order.lines[0].kitchenState).toBe('fired');
      expect((await send(order.id)).tickets).toEqual([]);

      // Setting the same note again is no change.
      const same = await anna.patch(url, { version: note.order.version, note: 'аллергия на перец' });
      expect(same.body.lines[0].kitchenState).toBe('fired');
      expect((await send(order.id)).tickets).toEqual([]);
    });

    it('a note changed together with the quantity reaches the portions the kitchen already has', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('6')).id, items: [steakItem('без соли')] });
      const fired = await send(order.id);
      const steakLine = order.lines[0];
      const changed = await anna.patch(`/pos/orders/${order.id}/items/${steakLine.id}`, { version: fired.order.version, quantity: 2, note: 'без соли и перца' });
      expect(changed.status).toBe(200);

      const next = await send(order.id);
      expect(next.tickets).toHaveLength(1);
      expect(itemsOf(next.tickets[0])).toEqual([
        { lineId: steakLine.id, name: steak.name, modifiers: ['Medium'], quantity: 1, note: 'без соли и перца', kind: 'add' },
        { lineId: steakLine.id, name: steak.name, modifiers: ['Medium'], quantity: 1, note: 'без соли и перца', kind: 'note' },
      ]);
      expect(next.order.lines[0]).toMatchObject({ firedQuantity: 2, kitchenState: 'fired' });
    });

    it('held courses: send fires course 1 only, then send {courses: [2]} fires course 2', async () => {
      const order = await createOrder(anna, {
        tableId: (await t.table('7')).id,
        heldCourses: [2],
        items: [
          { productId: caesar.id, quantity: 2 },
          { ...steakItem(), course: 2 },
          { productId: borscht.id, quantity: 1, course: 2 },
        ],
      });
      expect(order.heldCourses).toEqual([2]);
      const [salad, steakLine, soup] = order.lines;

      const first = await send(order.id);
      expect(stationsOf(first.tickets)).toEqual(['cold']);
      expect(first.tickets[0]).toMatchObject({ course: 1 });
      expect(itemsOf(first.tickets[0])).toEqual([{ lineId: salad.id, name: caesar.name, modifiers: [], quantity: 2, note: null, kind: 'add' }]);
      expect(first.order.heldCourses).toEqual([2]);
      expect(first.order.lines.map((l) => l.kitchenState)).toEqual(['fired', 'new', 'new']);
      expect((await send(order.id)).tickets).toEqual([]);

      const main = await send(order.id, { courses: [2] });
      expect(stationsOf(main.tickets)).toEqual(['hot']);
      expect(main.tickets[0]).toMatchObject({ course: 2 });
      expect(itemsOf(main.tickets[0]).map((i) => [i.lineId, i.quantity])).toEqual(
        [
          [steakLine.id, 1],
          [soup.id, 1],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      );
      expect(main.order.heldCourses).toEqual([]);
      expect(main.order.lines.every((l) => l.kitchenState === 'fired')).toBe(true);
      expect((await send(order.id, { courses: [2] })).tickets).toEqual([]);

      const badCourse = await anna.post(`/pos/orders/${order.id}/send`, { courses: [0] });
      expectProblem(badCourse, 400, 'validation');
      expect(paths(badCourse)).toEqual(['body.courses.0']);
    });

    it('a ticket names the courses of its order still held with dishes to send, so the cook knows more is coming', async () => {
      const order = await createOrder(anna, {
        // Course 3 is held but empty: nothing is coming from it.
        heldCourses: [3, 2],
        items: [
          { productId: caesar.id, quantity: 1 },
          { productId: borscht.id, quantity: 1, course: 2 },
        ],
      });
      const first = await send(order.id);
      expect(first.tickets.map((tk) => [tk.course, tk.heldCourses])).toEqual([[1, [2]]]);
      expect((await ticketsOfOrder(order.id)).map((tk) => tk.heldCourses)).toEqual([[2]]);
      // The list every cook's screen reads says so too.
      const listed = (await cook.get('/pos/kitchen/tickets')).body as KitchenTicket[];
      expect(listed.find((tk) => tk.orderId === order.id)?.heldCourses).toEqual([2]);

      // Course 2 fired: nothing is held any more, on the old ticket as on the new one.
      await send(order.id, { courses: [2] });
      expect((await ticketsOfOrder(order.id)).map((tk) => [tk.course, tk.heldCourses])).toEqual([
        [1, []],
        [2, []],
      ]);
    });

    it('holding a course later (PATCH heldCourses) keeps its new lines back; firing another course leaves it held', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('8')).id, items: [{ productId: caesar.id, quantity: 1 }] });
      const held = await anna.patch(`/pos/orders/${order.id}`, { version: order.version, heldCourses: [3, 2] });
      expect(held.status).toBe(200);
      expect(held.body.heldCourses).toEqual([2, 3]);
      const added = await anna.post(`/pos/orders/${order.id}/items`, {
        items: [
          { productId: borscht.id, quantity: 1, course: 2 },
          { productId: espresso.id, quantity: 1, course: 3 },
        ],
      });
      expect(added.status).toBe(200);

      const first = await send(order.id);
      expect(stationsOf(first.tickets)).toEqual(['cold']);
      const second = await send(order.id, { courses: [2] });
      expect(stationsOf(second.tickets)).toEqual(['hot']);
      expect(second.order.heldCourses).toEqual([3]);
      expect((await send(order.id)).tickets).toEqual([]);
      const third = await send(order.id, { courses: [3] });
      expect(stationsOf(third.tickets)).toEqual(['bar']);
    });

    it('a cancellation of a fired dish goes out at once even when its course is held again', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('10')).id, items: [{ productId: borscht.id, quantity: 2, course: 2 }] });
      const fired = await send(order.id, { courses: [2] });
      expect(stationsOf(fired.tickets)).toEqual(['hot']);
      const held = await anna.patch(`/pos/orders/${order.id}`, { version: fired.order.version, heldCourses: [2] });
      expect(held.body.heldCourses).toEqual([2]);
      const soup = held.body.lines[0];
      const voided = await supervisor.post(`/pos/orders/${order.id}/items/${soup.id}/void`, { version: held.body.version, quantity: 1, reason: 'гость передумал' });
      expect(voided.status).toBe(200);
      const added = await anna.post(`/pos/orders/${order.id}/items`, { items: [{ productId: borscht.id, quantity: 1, course: 2 }] });
      expect(added.status).toBe(200);

      const stop = await send(order.id);
      expect(itemsOf(stop.tickets[0]).map((i) => [i.kind, i.quantity])).toEqual([['cancel', -1]]);
      // The new portion still waits for its held course.
      expect(stop.order.heldCourses).toEqual([2]);
      expect(stop.order.lines.map((l: { kitchenState: string }) => l.kitchenState)).toEqual(['fired', 'new']);
    });

    it('refuses staff without orders.fire and unknown orders', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('9')).id, items: [{ productId: wine.id, quantity: 1 }] });
      expectProblem(await cook.post(`/pos/orders/${order.id}/send`, {}), 403, 'auth.forbidden');
      expectProblem(await cashier.post(`/pos/orders/${order.id}/send`, {}), 403, 'auth.forbidden');
      expectProblem(await anna.post(`/pos/orders/${randomUUID()}/send`, {}), 404, 'order.not_found');
      expect(paths(await anna.post('/pos/orders/x/send', {}))).toEqual(['params.id']);
      expect(paths(await anna.post(`/pos/orders/${order.id}/send`, { rush: true }))).toEqual(['body.rush']);
      expect(await ticketsOfOrder(order.id)).toEqual([]);
    });
  });

  describe('moving tables never re-fires', () => {
    it('transfer to another table, then send: nothing fires, and the tickets show the new table', async () => {
      const from = await t.table('10');
      const to = await t.table('11');
      const order = await createOrder(anna, { tableId: from.id, items: [steakItem(), { productId: wine.id, quantity: 2 }] });
      const fired = await send(order.id);
      expect(fired.tickets.every((tk) => tk.tableLabel === '10')).toBe(true);

      const moved = await anna.post(`/pos/tables/${from.id}/transfer`, { toTableId: to.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: to.id, status: 'occupied' });

      const after = await send(order.id);
      expect(after.tickets).toEqual([]);
      expect(after.order).toMatchObject({ tableId: to.id, tableLabel: '11' });
      const tickets = await ticketsOfOrder(order.id);
      expect(tickets).toHaveLength(2);
      expect(tickets.every((tk) => tk.tableId === to.id && tk.tableLabel === '11')).toBe(true);
    });

    it('merge into another open table, then send: nothing fires, and the tickets show the target table', async () => {
      const source = await t.table('12');
      const target = await t.table('13');
      const moving = await createOrder(anna, { tableId: source.id, items: [{ productId: borscht.id, quantity: 2 }] });
      const staying = await createOrder(boris, { tableId: target.id, items: [{ productId: caesar.id, quantity: 1 }] });
      await send(moving.id);
      await send(staying.id, {}, boris);

      const merged = await anna.post(`/pos/tables/${source.id}/merge`, { targetTableId: target.id });
      expect(merged.status).toBe(200);
      expect(merged.body.id).toBe(target.id);

      expect((await send(moving.id)).tickets).toEqual([]);
      expect((await send(staying.id, {}, boris)).tickets).toEqual([]);
      const tickets = await ticketsOfOrder(moving.id);
      expect(tickets).toHaveLength(1);
      expect(tickets[0]).toMatchObject({ tableId: target.id, tableLabel: '13' });
      const onTarget = (await anna.get(`/pos/orders?tableId=${target.id}`)).body.map((o: Order) => o.id).sort();
      expect(onTarget).toEqual([moving.id, staying.id].sort());

      // A change after the merge fires only the change, under the target table.
      const more = await anna.post(`/pos/orders/${moving.id}/items`, { items: [{ productId: wine.id, quantity: 1 }] });
      expect(more.status).toBe(200);
      const next = await send(moving.id);
      expect(next.tickets).toHaveLength(1);
      expect(next.tickets[0]).toMatchObject({ stationCode: 'bar', tableLabel: '13' });
      expect(next.tickets[0].items).toHaveLength(1);
    });
  });

  describe('ticket state machine', () => {
    /** A fresh bar ticket (a takeaway espresso) moved along legal steps to `status`. */
    async function ticketIn(status: TicketStatus): Promise<KitchenTicket> {
      const order = await createOrder(anna, { items: [{ productId: espresso.id, quantity: 1 }] });
      let [ticket] = (await send(order.id)).tickets;
      const path: Record<TicketStatus, TicketStatus[]> = { queued: [], cooking: ['cooking'], ready: ['ready'], served: ['ready', 'served'] };
      for (const step of path[status]) {
        const res = await bump(ticket, step);
        expect(res.status).toBe(200);
        ticket = res.body;
      }
      expect(ticket.status).toBe(status);
      return ticket;
    }

    it('a takeaway ticket (no table) has no hall', async () => {
      const ticket = await ticketIn('queued');
      expect(ticket).toMatchObject({ tableId: null, tableLabel: null, hallId: null, hallName: null });
      expect((await ticketsOfOrder(ticket.orderId))[0]).toMatchObject({ hallId: null, hallName: null });
    });

    it('queued → cooking → ready → served, each step bumping the version', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('14')).id, items: [{ productId: borscht.id, quantity: 1 }] });
      const [ticket] = (await send(order.id)).tickets;
      let version = ticket.version;
      for (const status of ['cooking', 'ready', 'served'] as const) {
        const res = await bump(ticket, status, cook, version);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: ticket.id, status, version: version + 1 });
        version = res.body.version;
      }
      const [served] = await ticketsOfOrder(order.id);
      expect(served).toMatchObject({ status: 'served', version });
    });

    it('every pair of states follows the one transition table: allowed → 200, anything else → 409', async () => {
      for (const from of TICKET_STATUSES) {
        for (const to of TICKET_STATUSES) {
          const ticket = await ticketIn(from);
          const res = await bump(ticket, to);
          if (TICKET_TRANSITIONS[from].includes(to)) {
            expect({ from, to, status: res.status, now: res.body.status }).toEqual({ from, to, status: 200, now: to });
          } else {
            expect({ from, to, status: res.status, code: res.body.code }).toEqual({ from, to, status: 409, code: 'ticket.illegal_transition' });
            expect(res.body.currentStatus).toBe(from);
          }
        }
      }
    });

    it('a ticket never goes back to queued once a cook has started (409, unchanged); only the recall ready → cooking goes back', async () => {
      const cooking = await ticketIn('cooking');
      const back = await bump(cooking, 'queued', cook, cooking.version);
      expectProblem(back, 409, 'ticket.illegal_transition');
      expect(back.body).toMatchObject({ currentStatus: 'cooking', allowed: ['ready'] });
      const [still] = await ticketsOfOrder(cooking.orderId);
      expect(still).toMatchObject({ status: 'cooking', version: cooking.version });
      expectProblem(await bump(await ticketIn('ready'), 'queued'), 409, 'ticket.illegal_transition');

      // The kitchen display's recall: a dish bumped ready too soon goes back on the line.
      const ready = await ticketIn('ready');
      const recalled = await bump(ready, 'cooking', cook, ready.version);
      expect(recalled.status).toBe(200);
      expect(recalled.body).toMatchObject({ status: 'cooking', version: ready.version + 1 });
      // The only backward step in the table.
      const rank = (status: TicketStatus) => TICKET_STATUSES.indexOf(status);
      const backwards = TICKET_STATUSES.flatMap((from) => TICKET_TRANSITIONS[from].filter((to) => rank(to) < rank(from)).map((to) => `${from}→${to}`));
      expect(backwards).toEqual(['ready→cooking']);
    });

    it('served → cooking and queued → served are illegal (409) and change nothing', async () => {
      const served = await ticketIn('served');
      const back = await bump(served, 'cooking');
      expectProblem(back, 409, 'ticket.illegal_transition');
      expect(back.body).toMatchObject({ currentStatus: 'served', allowed: [] });

      const queued = await ticketIn('queued');
      expectProblem(await bump(queued, 'served'), 409, 'ticket.illegal_transition');
      const [still] = await ticketsOfOrder(queued.orderId);
      expect(still).toMatchObject({ status: 'queued', version: queued.version });
    });

    it('a stale version is a 409 and changes nothing', async () => {
      const ticket = await ticketIn('queued');
      const moved = await bump(ticket, 'cooking', cook, ticket.version);
      expect(moved.status).toBe(200);
      // A second screen still showing the queued ticket.
      const stale = await bump(ticket, 'ready', supervisor, ticket.version);
      expectProblem(stale, 409, 'ticket.version_conflict');
      expect(stale.body.currentVersion).toBe(moved.body.version);
      const [now] = await ticketsOfOrder(ticket.orderId);
      expect(now).toMatchObject({ status: 'cooking', version: moved.body.version });
    });

    it('two cooks bumping the same ticket at once: one wins, the other gets a 409', async () => {
      const ticket = await ticketIn('queued');
      const results = await Promise.all([bump(ticket, 'cooking', cook, ticket.version), bump(ticket, 'cooking', supervisor, ticket.version)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [now] = await ticketsOfOrder(ticket.orderId);
      expect(now).toMatchObject({ status: 'cooking', version: ticket.version + 1 });
    });

    it('waiters and cashiers may not bump; bad input is a 400 with the path; unknown ticket 404', async () => {
      const ticket = await ticketIn('queued');
      expectProblem(await bump(ticket, 'cooking', anna), 403, 'auth.forbidden');
      expectProblem(await bump(ticket, 'cooking', cashier), 403, 'auth.forbidden');
      expectProblem(await bump(ticket, 'cooking', t.anonymous), 401, 'auth.unauthorized');
      const badStatus = await cook.post(`/pos/kitchen/tickets/${ticket.id}/status`, { status: 'burnt' });
      expectProblem(badStatus, 400, 'validation');
      expect(paths(badStatus)).toEqual(['body.status']);
      expect(paths(await cook.post(`/pos/kitchen/tickets/${ticket.id}/status`, { status: 'cooking', chef: 'Дмитрий' }))).toEqual(['body.chef']);
      expect(paths(await cook.post('/pos/kitchen/tickets/abc/status', { status: 'cooking' }))).toEqual(['params.id']);
      expectProblem(await cook.post(`/pos/kitchen/tickets/${randomUUID()}/status`, { status: 'cooking' }), 404, 'ticket.not_found');
      const [still] = await ticketsOfOrder(ticket.orderId);
      expect(still).toMatchObject({ status: 'queued', version: ticket.version });
      // A supervisor may bump.
      expect((await bump(ticket, 'cooking', supervisor)).status).toBe(200);
    });
  });

  describe('GET /pos/kitchen/tickets', () => {
    it('filters by station and by default hides served tickets', async () => {
      const order = await createOrder(anna, { tableId: (await t.table('Т1')).id, items: [steakItem(), { productId: caesar.id, quantity: 1 }, { productId: wine.id, quantity: 1 }] });
      const { hot, cold } = byStation((await send(order.id)).tickets);
      const other = await createOrder(anna, { tableId: (await t.table('Т2')).id, items: [{ productId: borscht.id, quantity: 1 }] });
      const [otherHot] = (await send(other.id)).tickets;

      const hotQueue = await cook.get('/pos/kitchen/tickets?station=hot');
      expect(hotQueue.status).toBe(200);
      expect(hotQueue.body.every((tk: KitchenTicket) => tk.stationCode === 'hot' && tk.status !== 'served')).toBe(true);
      const hotIds = hotQueue.body.map((tk: KitchenTicket) => tk.id);
      expect(hotIds).toEqual(expect.arrayContaining([hot.id, otherHot.id]));
      expect(hotIds).not.toContain(cold.id);
      // Oldest first: the cook works the queue from the top.
      expect(hotIds.indexOf(hot.id)).toBeLessThan(hotIds.indexOf(otherHot.id));

      for (const status of ['ready', 'served'] as const) expect((await bump(hot, status)).status).toBe(200);
      const afterServe = (await cook.get('/pos/kitchen/tickets?station=hot')).body.map((tk: KitchenTicket) => tk.id);
      expect(afterServe).not.toContain(hot.id);
      expect(afterServe).toContain(otherHot.id);
      const all = (await cook.get('/pos/kitchen/tickets')).body.map((tk: KitchenTicket) => tk.id);
      expect(all).toEqual(expect.arrayContaining([cold.id, otherHot.id]));
      expect(all).not.toContain(hot.id);

      const served = (await cook.get('/pos/kitchen/tickets?station=hot&status=served')).body;
      expect(served.map((tk: KitchenTicket) => tk.id)).toContain(hot.id);
      expect(served.every((tk: KitchenTicket) => tk.status === 'served')).toBe(true);
      expect((await cook.get('/pos/kitchen/tickets?station=pastry')).body).toEqual([]);

      // Waiters can look; cashiers have no kitchen.view.
      expect((await anna.get('/pos/kitchen/tickets?station=cold')).status).toBe(200);
      expectProblem(await cashier.get('/pos/kitchen/tickets'), 403, 'auth.forbidden');
      expect(paths(await cook.get('/pos/kitchen/tickets?status=burnt'))).toEqual(['query.status']);
      expect(paths(await cook.get('/pos/kitchen/tickets?table=1'))).toEqual(['query.table']);
    });

    it('shows only the venue of the caller', async () => {
      const order = await createOrder(anna, { items: [{ productId: espresso.id, quantity: 1 }] });
      const [ticket] = (await send(order.id)).tickets;
      const otherCook = await t.login('4444', 'demo-2');
      const theirs = (await otherCook.get('/pos/kitchen/tickets')).body.map((tk: KitchenTicket) => tk.id);
      expect(theirs).not.toContain(ticket.id);
      expectProblem(await bump(ticket, 'cooking', otherCook), 404, 'ticket.not_found');
    });
  });

  describe('the floor tile', () => {
    it('counts portions cooking and ready at the pass for the table, live with each bump, and nothing once served or paid', async () => {
      const table = await t.table('Т5');
      const kitchenOf = async () => {
        const res = await anna.get('/pos/tables');
        expect(res.status).toBe(200);
        return (res.body as { id: string; kitchen: { cooking: number; ready: number } }[]).find((x) => x.id === table.id)!.kitchen;
      };
      expect(await kitchenOf()).toEqual({ cooking: 0, ready: 0 });
      const order = await createOrder(anna, { tableId: table.id, items: [steakItem(), { productId: borscht.id, quantity: 2 }, { productId: wine.id, quantity: 1 }] });
      expect(await kitchenOf()).toEqual({ cooking: 0, ready: 0 });

      const { hot, bar } = byStation((await send(order.id)).tickets);
      expect(await kitchenOf()).toEqual({ cooking: 4, ready: 0 });
      expect((await bump(hot, 'cooking')).status).toBe(200);
      expect(await kitchenOf()).toEqual({ cooking: 4, ready: 0 });
      expect((await bump(hot, 'ready')).status).toBe(200);
      expect(await kitchenOf()).toEqual({ cooking: 1, ready: 3 });

      // A void sends the kitchen a cancellation: not a dish to pick up.
      const current = (await anna.get(`/pos/orders/${order.id}`)).body as Order;
      const wineLine = current.lines.find((l) => l.productId === wine.id)!;
      expect((await supervisor.post(`/pos/orders/${order.id}/items/${wineLine.id}/void`, { version: current.version, quantity: 1, reason: 'гость передумал' })).status).toBe(200);
      await send(order.id);
      expect(await kitchenOf()).toEqual({ cooking: 1, ready: 3 });

      expect((await bump(hot, 'served')).status).toBe(200);
      expect((await bump(bar, 'ready')).status).toBe(200);
      expect(await kitchenOf()).toEqual({ cooking: 0, ready: 1 });
    });
  });

  describe('GET /pos/orders/:id/kitchen-status', () => {
    it('tells per line where it is: not fired, queued, cooking, ready (with the time), the least advanced portion', async () => {
      const order = await createOrder(anna, {
        tableId: (await t.table('Т3')).id,
        heldCourses: [2],
        items: [steakItem(), { productId: borscht.id, quantity: 1 }, { productId: wine.id, quantity: 1 }, { productId: caesar.id, quantity: 1, course: 2 }],
      });
      const [s, b, w, c] = order.lines;
      const status = async () => {
        const res = await anna.get(`/pos/orders/${order.id}/kitchen-status`);
        expect(res.status).toBe(200);
        const body: KitchenStatus = res.body;
        return Object.fromEntries(body.lines.map((l) => [l.lineId, l]));
      };

      const before = await status();
      expect(Object.values(before).map((l) => l.status)).toEqual(['not_fired', 'not_fired', 'not_fired', 'not_fired']);

      const { hot, bar } = byStation((await send(order.id)).tickets);
      let now = await status();
      expect([now[s.id].status, now[b.id].status, now[w.id].status, now[c.id].status]).toEqual(['queued', 'queued', 'queued', 'not_fired']);
      expect(now[s.id]).toMatchObject({ name: steak.name, quantity: 1, firedQuantity: 1, readyAt: null });
      expect(now[c.id]).toMatchObject({ quantity: 1, firedQuantity: 0 });

      expect((await bump(hot, 'cooking')).status).toBe(200);
      now = await status();
      expect([now[s.id].status, now[b.id].status, now[w.id].status]).toEqual(['cooking', 'cooking', 'queued']);

      const ready = await bump(hot, 'ready');
      now = await status();
      expect(now[s.id]).toMatchObject({ status: 'ready', readyAt: ready.body.statusChangedAt });
      expect(now[w.id]).toMatchObject({ status: 'queued', readyAt: null });

      // One more soup: the line is only as far as its least advanced portion.
      const cur = (await anna.get(`/pos/orders/${order.id}`)).body as Order;
      expect((await anna.patch(`/pos/orders/${order.id}/items/${b.id}`, { version: cur.version, quantity: 2 })).status).toBe(200);
      await send(order.id);
      now = await status();
      expect(now[b.id]).toMatchObject({ status: 'queued', quantity: 2, firedQuantity: 2, readyAt: null });
      expect(now[s.id].status).toBe('ready');

      expect((await bump(bar, 'ready')).status).toBe(200);
      expect((await status())[w.id].status).toBe('ready');

      const full = await anna.get(`/pos/orders/${order.id}/kitchen-status`);
      expect(full.body.orderId).toBe(order.id);
      expect(full.body.tickets).toHaveLength(3);
      expectProblem(await anna.get(`/pos/orders/${randomUUID()}/kitchen-status`), 404, 'order.not_found');
      expect(paths(await anna.get('/pos/orders/7/kitchen-status'))).toEqual(['params.id']);
    });
  });
});
