import { type Client, createTestApp, hire, requestId, type TestApp } from '../../testing/harness';

/**
 * The shift a new order books to when it names none: the open shift of the till the tablet is
 * attached to, else the taker's own open shift, else the venue's latest opened one — a regular
 * shift, never a rescue one — else none yet.
 */
describe('shifts: the shift a new order books to', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let nextPin = 771000;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
  });
  afterAll(() => t.close());

  const openShift = async (client: Client) => {
    const res = await client.post('/pos/shifts', { openingFloat: 0, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const close = async (client: Client, shiftId: string) => {
    const res = await client.post(`/pos/shifts/${shiftId}/close`, { counted: { cash: 0, card: 0 }, clientRequestId: requestId() });
    expect(res.status).toBe(200);
  };
  /** The shift a counter order taken by `client` books to. */
  const orderShift = async (client: Client, extra: Record<string, unknown> = {}) => {
    const borscht = await t.product('borscht');
    const res = await client.post('/pos/orders', { items: [{ productId: borscht.id, quantity: 1 }], clientRequestId: requestId(), ...extra });
    expect(res.status).toBe(201);
    return res.body.shiftId as string | null;
  };
  /** A supervisor (takes orders and opens shifts) who can sign in on any tablet. */
  const supervisor = async (name: string) => {
    const pin = String(nextPin++);
    expect((await admin.post('/admin/staff', { name, role: 'supervisor', pin })).status).toBe(201);
    return (device?: string) => t.login(pin, 'demo', device);
  };

  it('books to none while no shift is open, then to the latest opened regular shift, never to a rescue one', async () => {
    expect(await orderShift(anna)).toBeNull();
    const first = await hire(t, admin, 'cashier', 'Кассир Первый');
    const s1 = await openShift(first);
    expect(await orderShift(anna)).toBe(s1);
    const second = await hire(t, admin, 'cashier', 'Кассир Второй');
    const s2 = await openShift(second);
    expect(await orderShift(anna)).toBe(s2);

    // A late order naming a closed shift opens a rescue shift, the latest opened now; the next order skips it.
    const third = await hire(t, admin, 'cashier', 'Кассир Третий');
    const s3 = await openShift(third);
    await close(third, s3);
    const rescue = await orderShift(anna, { shiftId: s3 });
    expect(rescue).not.toBe(s3);
    expect((await third.get(`/pos/shifts/${rescue}`)).body).toMatchObject({ isRescue: true, status: 'open' });
    expect(await orderShift(anna)).toBe(s2);

    // The latest one closed: the one before it takes the orders.
    await close(second, s2);
    expect(await orderShift(anna)).toBe(s1);
  });

  it("books to the taker's own open shift before a colleague's later one; a rescue shift of theirs is not their own", async () => {
    const signIn = await supervisor('Старший Свой');
    const boss = await signIn();
    const own = await openShift(boss);
    const later = await openShift(await hire(t, admin, 'cashier', 'Кассир Поздний'));
    expect(await orderShift(boss)).toBe(own);
    expect(await orderShift(anna)).toBe(later);

    // With only a rescue shift of their own open, the taker's order goes to the latest regular one.
    await close(boss, own);
    const rescue = await orderShift(boss, { shiftId: own });
    expect((await boss.get(`/pos/shifts/${rescue}`)).body).toMatchObject({ isRescue: true, cashierId: boss.staffId });
    expect(await orderShift(boss)).toBe(later);
  });

  it("books every order taken on a till's tablet to the till's shift, before the taker's own; a named shift still wins", async () => {
    const till = (await admin.post('/admin/tills', { name: 'Касса заказов', clientRequestId: requestId() })).body as { id: string };
    const device = await t.device('order-till');
    expect((await admin.put(`/admin/devices/${device.deviceId}/till`, { tillId: till.id, clientRequestId: requestId() })).status).toBe(200);
    const tillShift = await openShift(await hire(t, admin, 'cashier', 'Кассир Кассы', 'order-till'));

    // Opened after the till's shift, on a tablet without a till: the latest and the taker's own.
    const signIn = await supervisor('Старший Касса');
    const own = await openShift(await signIn());
    expect(await orderShift(await signIn('order-till'))).toBe(tillShift);
    expect(await orderShift(await signIn())).toBe(own);
    expect(await orderShift(await t.login('1111', 'demo', 'order-till'))).toBe(tillShift);
    expect(await orderShift(anna)).toBe(own);
    expect(await orderShift(await signIn('order-till'), { shiftId: own })).toBe(own);
  });
});
