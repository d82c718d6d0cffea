import { guestAppCode, loyaltyKeyBytes } from '@pos/contracts';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/**
 * Loyalty guests (issue 18, points 1–2): profiles keyed by phone, consent stamped with its time,
 * and the codes a guest shows — the guest app's (valid 60 s) and a printed card's (until revoked).
 * A code that fails is refused with its reason and identifies nobody.
 */
describe('customers', () => {
  let t: TestApp;
  let admin: Client;
  let anna: Client;
  let cook: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    anna = await t.login('1111');
    cook = await t.login('4444');
  });
  afterAll(() => t.close());

  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path);
  let phoneNo = 1000000;
  const newGuest = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post('/admin/customers', { name: 'Ирина Гостева', phone: `+7916${phoneNo++}`, clientRequestId: requestId(), ...over });
    expect(res.status).toBe(201);
    return res.body as { id: string; phone: string; name: string };
  };
  const lookup = (client: Client, body: Record<string, unknown>) => client.post('/pos/customers/lookup', body);
  const count = async () => Number((await t.database.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const venueKey = async () => {
    await admin.post(`/admin/customers/${(await newGuest()).id}/guest-code`, {}); // makes the key if there was none
    const row = await t.database.db.selectFrom('venue_loyalty_keys').select(['venue_id', 'key']).where('venue_id', '=', admin.venueId!).executeTakeFirstOrThrow();
    return loyaltyKeyBytes(row.key);
  };

  it('creates a profile with consent stamped; a phone the venue has, or bad input, is refused with field paths and writes nothing', async () => {
    const guest = await newGuest({ email: 'irina@example.com', smsConsent: true, emailConsent: false, tier: 'silver' });
    expect(guest).toMatchObject({ name: 'Ирина Гостева', email: 'irina@example.com', tier: 'silver', visits: 0, consent: { sms: { given: true, at: expect.any(String) }, email: { given: false, at: expect.any(String) } } });

    const before = await count();
    const taken = await admin.post('/admin/customers', { name: 'Двойник', phone: guest.phone, clientRequestId: requestId() });
    expect({ status: taken.status, code: taken.body.code }).toEqual({ status: 409, code: 'customer.phone_taken' });
    const bad = await admin.post('/admin/customers', { name: '', phone: '89161234567', email: 'not-an-email', tier: 'platinum', clientRequestId: requestId() });
    expect(bad.status).toBe(400);
    expect(paths(bad.body).sort()).toEqual(['body.email', 'body.name', 'body.phone', 'body.tier']);
    const consentNoEmail = await admin.post('/admin/customers', { name: 'Без почты', phone: '+79990000001', emailConsent: true, clientRequestId: requestId() });
    expect(paths(consentNoEmail.body)).toEqual(['body.email']);
    expect(await count()).toBe(before);
    // Only Admin manages profiles.
    expect((await anna.post('/admin/customers', { name: 'X', phone: '+79990000002' })).status).toBe(403);
  });

  it('stamps a consent when it changes, not when it is repeated; search and pages find guests by name or phone', async () => {
    const guest = await newGuest({ name: 'Пётр Согласный', smsConsent: false });
    const first = (await admin.patch(`/admin/customers/${guest.id}`, { smsConsent: true, clientRequestId: requestId() })).body;
    expect(first.consent.sms.given).toBe(true);
    const again = (await admin.patch(`/admin/customers/${guest.id}`, { smsConsent: true, name: 'Пётр С.', clientRequestId: requestId() })).body;
    expect(again).toMatchObject({ name: 'Пётр С.', consent: { sms: { given: true, at: first.consent.sms.at } } });

    const found = (await admin.get('/admin/customers?query=пётр')).body.customers as { id: string }[];
    expect(found.map((c) => c.id)).toEqual([guest.id]);
    expect((await admin.get(`/admin/customers?query=${encodeURIComponent(guest.phone.slice(-7))}`)).body.customers.map((c: { id: string }) => c.id)).toEqual([guest.id]);
    const page1 = (await admin.get('/admin/customers?limit=1')).body;
    expect(page1.customers).toHaveLength(1);
    const page2 = (await admin.get(`/admin/customers?limit=1&after=${page1.next}`)).body;
    expect(page2.customers[0].id).not.toBe(page1.customers[0].id);
    expect(paths((await admin.get('/admin/customers?limit=0')).body)).toEqual(['query.limit']);
  });

  it('finds a guest by phone for staff at the till; not for a cook; an unknown phone is a 404', async () => {
    const guest = await newGuest();
    expect((await lookup(anna, { phone: guest.phone })).body).toMatchObject({ via: 'phone', customer: { id: guest.id } });
    expect((await lookup(anna, { phone: '+79990009999' })).status).toBe(404);
    expect((await lookup(cook, { phone: guest.phone })).status).toBe(403);
    expect(paths((await lookup(anna, {})).body)).toEqual(['body.qr']);
    expect(paths((await lookup(anna, { phone: guest.phone, qr: 'x'.repeat(20) })).body)).toEqual(['body.qr']);
  });

  it("takes the guest app's code for 60 s; refuses it replayed later, altered, forged or of another venue", async () => {
    const guest = await newGuest();
    const { code, validUntil } = (await admin.post(`/admin/customers/${guest.id}/guest-code`, {})).body;
    expect(Date.parse(validUntil) - Date.now()).toBeGreaterThan(55_000);
    expect((await lookup(anna, { qr: code })).body).toMatchObject({ via: 'guest_app', customer: { id: guest.id } });

    const key = await venueKey();
    const now = Date.now() / 1000;
    const stale = await guestAppCode(key, admin.venueId!, guest.id, now - 61);
    expect((await lookup(anna, { qr: stale })).body.code).toBe('customer.qr_expired');
    const [p, , ts, sig] = code.split('.');
    const other = await newGuest();
    expect((await lookup(anna, { qr: `${p}.${other.id}.${ts}.${sig}` })).body.code).toBe('customer.qr_forged');
    const madeUp = await guestAppCode(new Uint8Array(32), admin.venueId!, guest.id, now);
    expect((await lookup(anna, { qr: madeUp })).body).toMatchObject({ status: 422, code: 'customer.qr_forged' });
    const elsewhere = await guestAppCode(key, '0190d5a0-0000-7000-8000-00000000000b', guest.id, now);
    expect((await lookup(anna, { qr: elsewhere })).body.code).toBe('customer.qr_forged');
    const junk = await lookup(anna, { qr: 'https://example.com/not-ours' });
    expect({ status: junk.status, code: junk.body.code, paths: paths(junk.body) }).toEqual({ status: 400, code: 'customer.qr_malformed', paths: ['body.qr'] });
  });

  it('checking a code writes nothing, even in a venue that has issued none yet (its key is made on first issue)', async () => {
    const waiter2 = await t.login('1111', 'demo-2');
    const made = await guestAppCode(new Uint8Array(32).fill(9), waiter2.venueId!, '0190d5a0-0000-7000-8000-0000000000c1', Date.now() / 1000);
    expect((await lookup(waiter2, { qr: made })).body).toMatchObject({ status: 422, code: 'customer.qr_forged' });
    expect(await t.database.db.selectFrom('venue_loyalty_keys').selectAll().where('venue_id', '=', waiter2.venueId!).execute()).toEqual([]);
  });

  it('a printed card works until revoked; the export holds the profile and its cards', async () => {
    const guest = await newGuest({ name: 'Карта Картовна' });
    const card = (await admin.post(`/admin/customers/${guest.id}/cards`, { clientRequestId: requestId() })).body;
    expect(card).toMatchObject({ customerId: guest.id, code: expect.stringMatching(/^PC1\./), revokedAt: null });
    expect((await lookup(anna, { qr: card.code })).body).toMatchObject({ via: 'card', customer: { id: guest.id } });

    const revoked = (await admin.post(`/admin/customers/cards/${card.id}/revoke`, {})).body;
    expect(revoked.revokedAt).not.toBeNull();
    expect((await lookup(anna, { qr: card.code })).body).toMatchObject({ status: 422, code: 'customer.card_revoked' });
    const reprint = (await admin.get(`/admin/customers/${guest.id}/cards`)).body.cards;
    expect(reprint).toEqual([revoked]);

    const exported = await admin.get(`/admin/customers/${guest.id}/export`);
    expect(exported.headers['content-disposition']).toContain(`guest-${guest.id}.json`);
    expect(exported.body).toMatchObject({ customer: { id: guest.id, name: 'Карта Картовна' }, cards: [{ id: card.id }] });
    expect((await admin.get('/admin/customers/00000000-0000-4000-8000-000000000000/export')).status).toBe(404);
  });
});
