import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';

/** The venue's loyalty programme settings (issue 18): defaults, a partial change (audited), bounds, who may. */
describe('loyalty settings', () => {
  let t: TestApp;
  let admin: Client;
  let cashier: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    cashier = await t.login('2222');
  });
  afterAll(() => t.close());

  it('starts at the defaults, changes only what is sent, and audits the change', async () => {
    expect((await admin.get('/admin/loyalty/settings')).body).toEqual({ earnPercent: 5, pointValue: 100, giftCardExpiryDays: 365 });
    const res = await admin.put('/admin/loyalty/settings', { earnPercent: 7, clientRequestId: requestId() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ earnPercent: 7, pointValue: 100, giftCardExpiryDays: 365 });
    expect((await admin.get('/admin/loyalty/settings')).body.earnPercent).toBe(7);
    const audit = await admin.get('/admin/audit?action=loyalty.settings_changed');
    expect(audit.body.entries[0]).toMatchObject({ action: 'loyalty.settings_changed' });
  });

  it('refuses out-of-bounds and empty changes with field paths, and changes nothing', async () => {
    const before = (await admin.get('/admin/loyalty/settings')).body;
    for (const [body, path] of [
      [{ earnPercent: 51 }, 'body.earnPercent'],
      [{ pointValue: 0 }, 'body.pointValue'],
      [{ giftCardExpiryDays: 1.5 }, 'body.giftCardExpiryDays'],
      [{}, 'body.earnPercent'],
    ] as const) {
      const res = await admin.put('/admin/loyalty/settings', body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await admin.get('/admin/loyalty/settings')).body).toEqual(before);
  });

  it('is an admin page: a cashier may neither read nor change it', async () => {
    expect((await cashier.get('/admin/loyalty/settings')).status).toBe(403);
    expect((await cashier.put('/admin/loyalty/settings', { earnPercent: 10 })).status).toBe(403);
  });
});
