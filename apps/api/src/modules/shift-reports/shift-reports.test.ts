import { type ShiftReportData, ShiftReportDataSchema } from '@pos/contracts';
import { type Client, createTestApp, hire, requestId, type TestApp } from '../../testing/harness';
import { pdfText } from './pdf-text.testing';

/** "1 234,50 ₽" as Intl writes it for ru (narrow no-break spaces and all). */
const rub = (minor: number) => new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', currencyDisplay: 'narrowSymbol' }).format(minor / 100);
/** PDF text extraction turns the no-break spaces Intl puts in numbers into plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/**
 * X/Z shift reports (issue 17): the figures reconcile with the shift close and the ledger; a Z is
 * issued in the close's transaction, numbered per venue without gaps and hash-chained; a reprint
 * is a copy; a cashier reads only their own shifts' reports.
 */
describe('shift reports', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let supervisor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    supervisor = await t.login('333333');
    // A shift that stays open all along: no close in this file is the venue's day close (which
    // would also answer for the open check the first test leaves behind).
    await openShift(await newCashier('Кассир Дежурный'), 0);
  });
  afterAll(() => t.close());

  const newCashier = (name: string) => hire(t, admin, 'cashier', name);
  const openShift = async (cashier: Client, openingFloat: number): Promise<{ id: string }> => {
    const res = await cashier.post('/pos/shifts', { openingFloat, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body;
  };
  const order = async (shiftId: string, table: string, items: { code: string; quantity?: number }[]) => {
    const tableId = (await t.table(table)).id;
    const lines = await Promise.all(items.map(async (i) => ({ productId: (await t.product(i.code)).id, quantity: i.quantity ?? 1 })));
    const res = await anna.post('/pos/orders', { tableId, shiftId, items: lines, clientRequestId: requestId() });
    expect(res.status).toBe(201);
    return res.body as { id: string; total: number; version: number; number: number; lines: { id: string; unitPrice: number }[] };
  };
  const pay = async (cashier: Client, body: Record<string, unknown>) => {
    const res = await cashier.post('/pos/finance/payments', { clientRequestId: requestId(), ...body });
    expect(res.status).toBe(201);
    return res.body as { payments: { id: string; method: string }[] };
  };
  const close = (client: Client, shiftId: string, body: Record<string, unknown>) =>
    client.post(`/pos/shifts/${shiftId}/close`, { clientRequestId: requestId(), ...body });
  /** A report fetched as a browser would: raw bytes, whatever the type. */
  const report = async (client: Client, shiftId: string, query = '', headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url: `/pos/shifts/${shiftId}/report${query}`, headers: { authorization: `Bearer ${client.token}`, ...headers } });
    return { status: res.statusCode, headers: res.headers, text: res.body, raw: res.rawPayload };
  };
  const zRow = (shiftId: string) => t.database.db.selectFrom('z_reports').selectAll().where('shift_id', '=', shiftId).executeTakeFirstOrThrow();
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);

  /** Closes a fresh cashier's shift with one cash sale; answers its Z number. */
  const closedShift = async (cashier: Client) => {
    const shift = await openShift(cashier, 10000);
    const o = await order(shift.id, '7', [{ code: 'borscht' }]);
    await pay(cashier, { orderId: o.id, tenders: [{ method: 'cash', amount: o.total, tendered: o.total }] });
    const res = await close(cashier, shift.id, { counted: { cash: 10000 + o.total, card: 0 } });
    expect(res.status).toBe(200);
    return { shiftId: shift.id, number: (await zRow(shift.id)).number };
  };

  it('reconciles every money figure with the shift close and the ledger, X while open and Z frozen at the close', async () => {
    const cashier = await newCashier('Кассир Отчёт');
    const shift = await openShift(cashier, 300000);
    const paidOrder = await order(shift.id, '1', [{ code: 'borscht', quantity: 2 }, { code: 'wine-red-glass' }]);
    const voided = await order(shift.id, '2', [{ code: 'borscht', quantity: 2 }]);
    const voidRes = await anna.post(`/pos/orders/${voided.id}/items/${voided.lines[0].id}/void`, { version: voided.version, quantity: 1, reason: 'Гость передумал' });
    expect(voidRes.status).toBe(200);
    const paid = await pay(cashier, {
      orderId: paidOrder.id,
      tenders: [
        { method: 'cash', amount: 55000, tip: 3000, tendered: 60000 },
        { method: 'card', amount: paidOrder.total - 55000, tip: 8000 },
      ],
    });
    const cashPayment = paid.payments.find((p) => p.method === 'cash')!;
    const refund = await supervisor.post(`/pos/finance/payments/${cashPayment.id}/refund`, { amount: 5000, reason: 'Холодный суп', clientRequestId: requestId() });
    expect(refund.status).toBe(200);
    expect((await cashier.post(`/pos/shifts/${shift.id}/cash-movements`, { kind: 'paid_in', amount: 20000, reason: 'Размен', clientRequestId: requestId() })).status).toBe(201);
    expect((await cashier.post(`/pos/shifts/${shift.id}/cash-movements`, { kind: 'paid_out', amount: 7000, reason: 'Поставщик: хлеб', clientRequestId: requestId() })).status).toBe(201);

    // The ledger of the shift, summed here independently of the report.
    const ledger = await t.database.db.selectFrom('ledger_entries').select(['kind', 'method', 'amount']).where('shift_id', '=', shift.id).execute();
    const sum = (kind: string, method?: string) => ledger.filter((l) => l.kind === kind && (!method || l.method === method)).reduce((s, l) => s + l.amount, 0);
    const net = sum('sale') - sum('refund');
    expect(net).toBe(paidOrder.total - 5000);

    // X while open: interim, not numbered, no counted column; the net as Intl writes it.
    const x = await report(cashier, shift.id);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(x.text).toContain('X-отчёт (промежуточный, без номера)');
    expect(x.text).toContain(rub(net));
    expect(x.text).not.toContain('Пересчитано');
    expect(x.text).toContain('Гость передумал');
    expect(await t.database.db.selectFrom('z_reports').select('id').where('shift_id', '=', shift.id).executeTakeFirst()).toBeUndefined();

    // The supervisor closes over the open (voided-in-part) check: a blind close, counted short by 700.
    const current = (await cashier.get(`/pos/shifts/${shift.id}`)).body;
    const closed = await close(supervisor, shift.id, { counted: { cash: current.totals.cash.expected - 700, card: current.totals.card.expected }, force: true, reason: 'Стол 2 ушёл без оплаты' });
    expect(closed.status).toBe(200);

    const z = await zRow(shift.id);
    const data: ShiftReportData = ShiftReportDataSchema.parse(JSON.parse(z.data));
    expect(data.kind).toBe('z');
    expect(data.totals).toEqual({ gross: sum('sale'), discounts: 0, refunds: sum('refund'), net, tips: sum('tip') });
    for (const m of data.byMethod) {
      const method = m.method as 'cash' | 'card';
      expect(m).toEqual({
        method,
        sales: closed.body.totals[method].sales,
        tips: closed.body.totals[method].tips,
        refunds: closed.body.totals[method].refunds,
        net: sum('sale', method) - sum('refund', method),
        expected: closed.body.totals[method].expected,
        counted: closed.body.counted[method],
        difference: closed.body.difference[method],
      });
      expect(m.sales).toBe(sum('sale', method));
    }
    expect(data.byMethod.find((m) => m.method === 'cash')!.difference).toBe(-700);
    expect(data.refunds).toEqual({ count: 1, amount: 5000 });
    expect(data.voids).toEqual({ count: 1, amount: voided.lines[0].unitPrice, byReason: [{ reason: 'Гость передумал', count: 1, amount: voided.lines[0].unitPrice }] });
    expect(data.tips).toMatchObject({ total: 11000, byStaff: [{ staffId: anna.staffId, amount: 11000 }] });
    expect(data.cashMovements).toMatchObject({ paidIn: 20000, paidOut: 7000, items: [{ kind: 'paid_in', amount: 20000, reason: 'Размен' }, { kind: 'paid_out', amount: 7000 }] });
    expect(data.openChecks).toEqual([{ orderId: voided.id, number: voided.number, table: '2', amount: voided.lines[0].unitPrice }]);
    expect(data.checks).toBe(1);
    expect(data.averageCheck).toBe(net);
    // Line revenue per category adds up to the paid check.
    expect(data.byCategory.reduce((s, c) => s + c.amount, 0)).toBe(paidOrder.total);
    expect(data.shift).toMatchObject({ cashierName: 'Кассир Отчёт', closeMode: 'blind', closedById: supervisor.staffId, overrideReason: 'Стол 2 ушёл без оплаты' });
    expect(data.taxes).toBeNull();

    // The Z renders from the frozen figures: a ledger row added afterwards changes nothing printed.
    await t.database.db
      .insertInto('ledger_entries')
      .values({ id: crypto.randomUUID(), venue_id: anna.venueId!, shift_id: shift.id, order_id: null, payment_id: null, kind: 'sale', method: 'cash', amount: 999900, staff_id: cashier.staffId!, created_at: new Date().toISOString() })
      .execute();
    const printed = await report(supervisor, shift.id, '?format=html');
    expect(printed.text).toContain(`Z-отчёт № ${String(z.number).padStart(4, '0')}`);
    expect(printed.text).toContain(rub(net));
    expect(printed.text).toContain('Пересчитано');
    expect(printed.text).toContain('слепой пересчёт (супервайзер)');
  });

  it('shows what gift cards and points paid as their own section, outside the money totals and the drawer (issue 18)', async () => {
    const cashier = await newCashier('Кассир Лояльность');
    const shift = await openShift(cashier, 0);
    // A gift card of 1 000 ₽ sold and paid by card: money in, the card active.
    const sold = await cashier.post('/pos/finance/giftcards', { amount: 100000, clientRequestId: requestId() });
    expect(sold.status).toBe(201);
    await pay(cashier, { orderId: sold.body.order.id, tenders: [{ method: 'card', amount: 100000 }] });
    // A bill of 900 ₽: 300 ₽ from the card, 100 points (100 ₽) of the seeded guest, the rest in cash.
    const bill = await order(shift.id, '3', [{ code: 'borscht', quantity: 2 }]);
    const olga = (await cashier.post('/pos/customers/lookup', { phone: '+79161234567' })).body.customer as { id: string };
    expect((await cashier.put(`/pos/orders/${bill.id}/customer`, { customerId: olga.id, clientRequestId: requestId() })).status).toBe(200);
    const byCard = await cashier.post('/pos/finance/giftcards/redeem', { code: sold.body.card.code, orderId: bill.id, amount: 30000, clientRequestId: requestId() });
    expect(byCard.status).toBe(201);
    expect((await cashier.post('/pos/loyalty/points/redeem', { orderId: bill.id, points: 100, clientRequestId: requestId() })).status).toBe(201);
    await pay(cashier, { orderId: bill.id, tenders: [{ method: 'cash', amount: bill.total - 40000, tendered: bill.total - 40000 }] });
    // 50 ₽ of the card's part goes back onto the card.
    const refund = await supervisor.post(`/pos/finance/payments/${byCard.body.payments[0].id}/refund`, { amount: 5000, reason: 'Остывшее блюдо', clientRequestId: requestId() });
    expect(refund.status).toBe(200);

    const x = await report(cashier, shift.id);
    expect(x.text).toContain('Оплачено подарочными картами и баллами');
    const current = (await cashier.get(`/pos/shifts/${shift.id}`)).body;
    expect(current.totals.cash.sales).toBe(bill.total - 40000);
    expect(current.totals.card.sales).toBe(100000);
    const closed = await close(cashier, shift.id, { counted: { cash: current.totals.cash.expected, card: current.totals.card.expected } });
    expect(closed.status).toBe(200);
    const data = ShiftReportDataSchema.parse(JSON.parse((await zRow(shift.id)).data));
    expect(data.storedValue).toEqual([
      { method: 'giftcard', count: 1, amount: 30000, refunded: 5000 },
      { method: 'points', count: 1, amount: 10000, refunded: 0 },
    ]);
    // The money totals are the drawer's and the terminal's: the card's sale, the cash — not the stored value.
    expect(data.totals.gross).toBe(100000 + bill.total - 40000);
    expect(data.byMethod.map((m) => m.method)).toEqual(['cash', 'card']);
  });

  it('numbers Z-reports per venue 1, 2, 3… without gaps and chains them; an altered row breaks the chain', async () => {
    const before = (await t.database.db.selectFrom('z_reports').select((eb) => eb.fn.max('number').as('n')).where('venue_id', '=', anna.venueId!).executeTakeFirst())?.n ?? 0;
    const a = await closedShift(await newCashier('Кассир Один'));
    const b = await closedShift(await newCashier('Кассир Два'));
    const c = await closedShift(await newCashier('Кассир Три'));
    expect([a.number, b.number, c.number]).toEqual([Number(before) + 1, Number(before) + 2, Number(before) + 3]);

    // Another venue counts its own from 1.
    const admin2 = await t.login('999999', 'demo-2');
    expect((await admin2.post('/admin/staff', { name: 'Кассир Второго', role: 'cashier', pin: '771177' })).status).toBe(201);
    const cashier2 = await t.login('771177', 'demo-2');
    expect((await closedShiftIn(cashier2)).number).toBe(1);

    const all = await t.database.db.selectFrom('z_reports').select(['number', 'prev_hash', 'hash']).where('venue_id', '=', anna.venueId!).orderBy('number').execute();
    expect(all.map((r) => r.number)).toEqual(all.map((_, i) => i + 1));
    all.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(all[i].hash));

    const ok = await supervisor.get('/pos/shifts/z-reports/verify');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, checked: all.length, brokenAt: null });

    // Someone edits a printed Z's figures in the database: the chain no longer holds from there.
    const row = await zRow(b.shiftId);
    const forged = JSON.parse(row.data);
    forged.totals.net -= 100;
    await t.database.db.updateTable('z_reports').set({ data: JSON.stringify(forged) }).where('id', '=', row.id).execute();
    expect((await supervisor.get('/pos/shifts/z-reports/verify')).body).toEqual({ ok: false, checked: b.number - 1, brokenAt: b.number });
    // A cashier may not run the check.
    expect((await (await newCashier('Кассир Проверка')).get('/pos/shifts/z-reports/verify')).status).toBe(403);
    await t.database.db.updateTable('z_reports').set({ data: row.data }).where('id', '=', row.id).execute();
    expect((await supervisor.get('/pos/shifts/z-reports/verify')).body.ok).toBe(true);

    async function closedShiftIn(cashier: Client) {
      const shift = await openShift(cashier, 0);
      const res = await close(cashier, shift.id, { counted: { cash: 0, card: 0 } });
      expect(res.status).toBe(200);
      return zRow(shift.id);
    }
  });

  it('the first print is the original, every later one (HTML or PDF, ru or en) a copy; the PDF has the Cyrillic headings and totals', async () => {
    const cashier = await newCashier('Кассир Печать');
    const { shiftId, number } = await closedShift(cashier);
    const z = await zRow(shiftId);
    const net = (JSON.parse(z.data) as ShiftReportData).totals.net;

    const original = await report(cashier, shiftId, '', { accept: 'application/pdf' });
    expect(original.status).toBe(200);
    expect(original.headers['content-type']).toBe('application/pdf');
    expect(original.headers['content-disposition']).toBe(`inline; filename="z-${String(number).padStart(4, '0')}.pdf"`);
    expect(original.raw.subarray(0, 5).toString()).toBe('%PDF-');
    const text = plain(pdfText(original.raw));
    expect(text).toContain(`Z-отчёт № ${String(number).padStart(4, '0')}`);
    expect(text).toContain('По способам оплаты');
    expect(text).toContain('Чистая выручка');
    expect(text).toContain(plain(rub(net)));
    expect(text).toContain('Кассир Печать');
    expect(text).not.toContain('КОПИЯ');

    const copy = await report(cashier, shiftId, '?format=html');
    expect(copy.text).toContain('КОПИЯ');
    const copyPdf = await report(cashier, shiftId, '?format=pdf&lang=en');
    const en = plain(pdfText(copyPdf.raw));
    expect(en).toContain('COPY');
    expect(en).toContain(`Z report No. ${String(number).padStart(4, '0')}`);
    expect(en).toContain('Net revenue');
    expect((await zRow(shiftId)).prints).toBe(3);

    // The archive lists it with its prints; a cashier sees only their own shifts' Z-reports.
    const list = await supervisor.get('/pos/shifts/z-reports?limit=200');
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { shiftId: string }) => i.shiftId === shiftId)).toMatchObject({ number, cashierName: 'Кассир Печать', netRevenue: net, cashDifference: 0, closeMode: 'counted', prints: 3, currency: 'RUB' });
    const own = await cashier.get('/pos/shifts/z-reports');
    expect(own.body.items.map((i: { shiftId: string }) => i.shiftId)).toEqual([shiftId]);
    expect((await cashier.get(`/pos/shifts/${shiftId}/z-report`)).body.zReport).toMatchObject({ number, shiftId });
  });

  it('pages the archive newest first by cursor', async () => {
    const cashier = await newCashier('Кассир Архив');
    await closedShift(cashier);
    await closedShift(cashier);
    const first = await supervisor.get('/pos/shifts/z-reports?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await supervisor.get(`/pos/shifts/z-reports?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].number).toBe(first.body.items[0].number - 1);
    const none = await supervisor.get(`/pos/shifts/z-reports?from=2099-01-01T00:00:00Z`);
    expect(none.body).toEqual({ items: [], nextCursor: null });
  });

  it("a cashier can't read another cashier's report (403); an unknown shift is 404; bad queries are 400 with field paths", async () => {
    const vera = await newCashier('Кассир Вера-2');
    const other = await newCashier('Кассир Чужой');
    const shift = await openShift(other, 0);
    const denied = await report(vera, shift.id);
    expect(denied.status).toBe(403);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(denied.text).code).toBe('shift_report.not_yours');
    expect((await vera.get(`/pos/shifts/${shift.id}/z-report`)).status).toBe(403);
    expect((await report(supervisor, shift.id)).status).toBe(200);

    const missing = await report(supervisor, crypto.randomUUID());
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).code).toBe('shift.not_found');

    const xls = await report(supervisor, shift.id, '?format=xls&lang=de');
    expect(xls.status).toBe(400);
    expect(xls.headers['content-type']).toContain('application/problem+json');
    expect(paths(JSON.parse(xls.text)).sort()).toEqual(['query.format', 'query.lang']);
    for (const [query, path] of [['limit=0', 'query.limit'], ['limit=201', 'query.limit'], ['cursor=abc', 'query.cursor'], ['from=yesterday', 'query.from'], ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'query.to']]) {
      const res = await supervisor.get(`/pos/shifts/z-reports?${query}`);
      expect(res.status).toBe(400);
      expect([...new Set(paths(res.body))]).toEqual([path]);
    }
    // Nothing was issued or printed by the refused requests.
    expect(await t.database.db.selectFrom('z_reports').select('id').where('shift_id', '=', shift.id).executeTakeFirst()).toBeUndefined();
  });
});
