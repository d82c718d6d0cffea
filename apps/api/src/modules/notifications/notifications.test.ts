import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { clock } from '../../shared/clock';
import { MAX_ATTEMPTS } from '../outbox/service';
import { type Client, createTestApp, requestId, type TestApp } from '../../testing/harness';
import { parseMail } from '../../testing/mime';

/**
 * Guest notifications (issue 20, point 3) end to end: a real SMTP server (`smtp-server`) and a real
 * HTTP SMS provider on ephemeral ports receive what the outbox delivers; the test drains the outbox
 * itself and moves the clock to reach retries.
 */

interface Received {
  rcpt: string[];
  raw: string;
}

interface SmsRequest {
  authorization: string | undefined;
  body: { to: string; text: string; sender: string };
}

describe('guest notifications', () => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let waiter: Client;
  let cashier: Client;
  let smtp: SMTPServer;
  let sms: http.Server;
  const mails: Received[] = [];
  const smsRequests: SmsRequest[] = [];
  /** What the SMS provider answers next (200 once the list is empty). */
  const smsAnswers: { status: number; body?: string }[] = [];
  const realNow = clock.now;
  let offsetMs = 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('nobody@')) {
          callback(Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          mails.push({ rcpt: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    sms = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        smsRequests.push({ authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        const answer = smsAnswers.shift() ?? { status: 200, body: '{"id":"sms-1"}' };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body ?? '');
      });
    });
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const smsPort = (sms.address() as AddressInfo).port;
    t = await createTestApp({
      notifications: {
        smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
        smtpFrom: '"Ресторан «Демо»" <no-reply@demo.local>',
        smsProviderUrl: `http://127.0.0.1:${smsPort}/messages`,
        smsProviderToken: 'test-token',
        smsSender: 'DemoPOS',
      },
    });
    admin = await t.login('999999');
    supervisor = await t.login('333333');
    waiter = await t.login('1111');
    cashier = await t.login('2222');
    clock.now = () => new Date(Date.now() + offsetMs);
  });
  afterAll(async () => {
    clock.now = realNow;
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await new Promise<void>((resolve) => sms.close(() => resolve()));
  });

  const drain = () => t.app.services.outbox.drain(t.database.db);
  const later = (ms: number) => (offsetMs += ms);
  const paths = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort();
  const count = async (table: 'notifications' | 'outbox_messages') => Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const send = (body: Record<string, unknown>, client: Client = supervisor) => client.post('/notification/send', { clientRequestId: requestId(), ...body });
  let phoneNo = 2000000;
  const newGuest = async (over: Record<string, unknown>) => {
    const res = await admin.post('/admin/customers', { name: 'Ольга Иванова', phone: `+7916${phoneNo++}`, clientRequestId: requestId(), ...over });
    expect(res.status).toBe(201);
    return res.body as { id: string; phone: string; email: string | null };
  };

  it('emails a consenting guest over SMTP: the Cyrillic subject, sender and body arrive intact; the view masks the address', async () => {
    const guest = await newGuest({ email: 'olga.ivanova@mail.ru', emailConsent: true });
    const res = await send({ channel: 'email', template: 'order_ready', variables: { orderNumber: '42', name: 'Ольга' }, recipient: { customerId: guest.id } });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ channel: 'email', template: 'order_ready', language: 'ru', to: 'o***@mail.ru', status: 'queued', attempts: 0, lastError: null, sentAt: null, customerId: guest.id });
    expect(JSON.stringify(res.body)).not.toContain('olga.ivanova');
    // Written together with its outbox message, in the command's transaction.
    const message = await t.database.db.selectFrom('outbox_messages').selectAll().where('target_id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(message).toMatchObject({ kind: 'notification', status: 'pending', venue_id: supervisor.venueId });

    expect(await drain()).toMatchObject({ delivered: 1 });
    const mail = mails.at(-1)!;
    expect(mail.rcpt).toEqual(['olga.ivanova@mail.ru']);
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.subject).toBe('Ваш заказ №42 готов');
    expect(parsed.headers.from).toBe('Ресторан «Демо» <no-reply@demo.local>');
    expect(parsed.headers['content-type']).toMatch(/^text\/plain; charset=utf-8/i);
    expect(parsed.body).toBe('Здравствуйте, Ольга!\n\nВаш заказ №42 готов — заберите его, пожалуйста.\n\nРесторан «Демо»');

    const view = await supervisor.get(`/notification/${res.body.id}`);
    expect(view.body).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(String), to: 'o***@mail.ru' });
  });

  it('sends a long free text in English or Russian to a typed address, lines and punctuation intact', async () => {
    const text = 'Добрый вечер!\nСегодня у нас живая музыка с 20:00 — ждём вас. «Ёлки», ёжик, щи & борщ = 100%.\n'.repeat(8).trim();
    const ru = await send({ channel: 'email', template: 'custom', variables: { text, subject: 'Вечер живой музыки — «Ёлки» 🎵' }, recipient: { email: 'guest@example.com' } });
    const en = await send({ channel: 'email', template: 'reservation_confirmed', language: 'en', variables: { date: '12 December', time: '19:30', guests: '4' }, recipient: { email: 'guest@example.com' } });
    expect([ru.status, en.status]).toEqual([202, 202]);
    expect(ru.body).toMatchObject({ to: 'g***@example.com', customerId: null, language: 'ru' });
    expect(await drain()).toMatchObject({ delivered: 2 });
    const [first, second] = mails.slice(-2).map((m) => parseMail(m.raw));
    const byLanguage = first.headers.subject.startsWith('Booking') ? { en: first, ru: second } : { en: second, ru: first };
    expect(byLanguage.ru.headers.subject).toBe('Вечер живой музыки — «Ёлки» 🎵');
    expect(byLanguage.ru.body).toBe(`${text}\n\nРесторан «Демо»`);
    expect(byLanguage.en.headers.subject).toBe('Booking confirmed: 12 December at 19:30');
    expect(byLanguage.en.body).toBe('Hello,\n\nYour booking is confirmed: a table for 4 on 12 December at 19:30.\n\nРесторан «Демо»');
  });

  it('an SMTP refusal (550) is dead at once, its error shown with the address masked', async () => {
    const res = await send({ channel: 'email', template: 'receipt_link', variables: { url: 'https://receipts.example.com/r/abc' }, recipient: { email: 'nobody@example.com' } });
    expect(await drain()).toMatchObject({ dead: 1 });
    const view = (await supervisor.get(`/notification/${res.body.id}`)).body;
    expect(view).toMatchObject({ status: 'dead', attempts: 1, sentAt: null });
    expect(view.lastError).toContain('550');
    expect(view.lastError).toContain('n***@example.com');
    expect(view.lastError).not.toContain('nobody@');
  });

  it('an SMS the provider fails with 500 is retried after the backoff and delivered exactly once', async () => {
    const before = smsRequests.length;
    smsAnswers.push({ status: 500, body: 'temporarily down' }, { status: 200 });
    const res = await send({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '17' }, recipient: { phone: '+79161234567' } });
    expect(res.body).toMatchObject({ to: '+7 916 ***-**-67', status: 'queued' });
    expect(JSON.stringify(res.body)).not.toContain('1234567');

    expect(await drain()).toMatchObject({ delivered: 0, retried: 1 });
    expect((await supervisor.get(`/notification/${res.body.id}`)).body).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('500') });
    // Not due yet: nothing is sent again before the backoff.
    expect(await drain()).toMatchObject({ delivered: 0, retried: 0 });
    expect(smsRequests.length - before).toBe(1);

    later(60_000);
    expect(await drain()).toMatchObject({ delivered: 1 });
    later(15 * 60_000);
    await drain();
    const sent = smsRequests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ authorization: 'Bearer test-token', body: { to: '+79161234567', text: 'Ресторан «Демо»: ваш заказ №17 готов.', sender: 'DemoPOS' } });
    expect(sent[0]).toEqual(sent[1]);
    expect((await supervisor.get(`/notification/${res.body.id}`)).body).toMatchObject({ status: 'sent', attempts: 2, lastError: null, sentAt: expect.any(String) });
  });

  it('an SMS the provider refuses with 400 is dead at once; resent, it is delivered; a sent one cannot be resent', async () => {
    const before = smsRequests.length;
    smsAnswers.push({ status: 400, body: '{"error":"number +79160000099 is blocked"}' });
    const res = await send({ channel: 'sms', template: 'reservation_reminder', variables: { date: '12.12', time: '19:30', guests: '2', name: 'Иван' }, recipient: { phone: '+79160000099' } });
    expect(await drain()).toMatchObject({ dead: 1, retried: 0 });
    const dead = (await supervisor.get(`/notification/${res.body.id}`)).body;
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, to: '+7 916 ***-**-99' });
    expect(dead.lastError).toContain('400');
    expect(dead.lastError).not.toContain('79160000099');
    later(15 * 60_000);
    expect(await drain()).toMatchObject({ delivered: 0, retried: 0, dead: 0 });

    const resent = await supervisor.post(`/notification/${res.body.id}/resend`, { clientRequestId: requestId() });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ id: res.body.id, status: 'queued', attempts: 0 });
    expect(await drain()).toMatchObject({ delivered: 1 });
    expect((await supervisor.get(`/notification/${res.body.id}`)).body).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(smsRequests.slice(before).map((r) => r.body.text)).toEqual(Array(2).fill('Ресторан «Демо»: ждём вас 12.12 в 19:30, гостей: 2.'));

    const again = await supervisor.post(`/notification/${res.body.id}/resend`, { clientRequestId: requestId() });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'notification.not_dead' });
  });

  it('refuses a guest who has not consented to the channel (409), also by their typed phone, and writes nothing', async () => {
    const guest = await newGuest({ smsConsent: false, email: 'no.mail@mail.ru', emailConsent: false });
    const before = { n: await count('notifications'), m: await count('outbox_messages') };
    for (const [channel, recipient] of [['sms', { customerId: guest.id }], ['email', { customerId: guest.id }], ['sms', { phone: guest.phone }]] as const) {
      const res = await send({ channel, template: 'order_ready', variables: { orderNumber: '1' }, recipient });
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'notification.no_consent' });
    }
    expect({ n: await count('notifications'), m: await count('outbox_messages') }).toEqual(before);
    const unknown = await send({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '1' }, recipient: { customerId: '00000000-0000-4000-8000-000000000001' } });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'customer.not_found' });
  });

  it('validates the template variables and the recipient per channel (400 with the field paths), writing nothing', async () => {
    const before = { n: await count('notifications'), m: await count('outbox_messages') };
    const missing = await send({ channel: 'sms', template: 'reservation_reminder', variables: { date: '12.12' }, recipient: { phone: '+79161234567' } });
    expect(missing.status).toBe(400);
    expect(paths(missing.body)).toEqual(['body.variables.guests', 'body.variables.time']);
    const unknown = await send({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '1', coupon: 'X' }, recipient: { phone: '+79161234567' } });
    expect(paths(unknown.body)).toEqual(['body.variables.coupon']);
    const wrong = await send({ channel: 'email', template: 'custom', variables: { text: 'Привет' }, recipient: { phone: '+79161234567' } });
    expect(paths(wrong.body)).toEqual(['body.recipient.phone']);
    const raw = await send({ channel: 'sms', template: 'custom', variables: { text: 'x'.repeat(1001) }, recipient: { phone: '89161234567' } });
    expect(paths(raw.body)).toEqual(expect.arrayContaining(['body.variables.text']));
    expect(raw.status).toBe(400);
    const link = await send({ channel: 'email', template: 'receipt_link', variables: { url: 'javascript:alert(1)' }, recipient: { email: 'guest@example.com' } });
    expect(paths(link.body)).toEqual(['body.variables.url']);
    const card = await send({ channel: 'sms', template: 'custom', variables: { text: 'Ваша карта 4111 1111 1111 1111' }, recipient: { phone: '+79161234567' } });
    expect(paths(card.body)).toEqual(['body.variables.text']);
    expect({ n: await count('notifications'), m: await count('outbox_messages') }).toEqual(before);
  });

  it('is for supervisors and admins only', async () => {
    for (const client of [waiter, cashier]) {
      expect((await send({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '1' }, recipient: { phone: '+79161234567' } }, client)).status).toBe(403);
      expect((await client.get('/notification/log')).status).toBe(403);
    }
    expect((await send({ channel: 'sms', template: 'order_ready', variables: { orderNumber: '5' }, recipient: { phone: '+79161234567' } }, admin)).status).toBe(202);
    await drain();
  });

  it('a replayed clientRequestId gives the same notification and sends it once', async () => {
    const before = { n: await count('notifications'), m: await count('outbox_messages'), sms: smsRequests.length };
    const body = { channel: 'sms', template: 'order_ready', variables: { orderNumber: '77' }, recipient: { phone: '+79161112233' }, clientRequestId: requestId() };
    const first = await supervisor.post('/notification/send', body);
    const replay = await supervisor.post('/notification/send', body);
    expect([first.status, replay.status]).toEqual([202, 202]);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.id).toBe(first.body.id);
    await drain();
    expect({ n: await count('notifications'), m: await count('outbox_messages'), sms: smsRequests.length }).toEqual({ n: before.n + 1, m: before.m + 1, sms: before.sms + 1 });
  });

  it('lists the log newest first, a page at a time, filtered by status; another venue sees none of it (404)', async () => {
    const all = (await supervisor.get('/notification/log?limit=200')).body.notifications as { id: string; createdAt: string; status: string; to: string }[];
    expect(all.length).toBeGreaterThanOrEqual(8);
    const times = all.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const n of all) expect(n.to).toMatch(/\*\*\*/);

    const first = (await supervisor.get('/notification/log?limit=2')).body;
    const second = (await supervisor.get(`/notification/log?limit=2&after=${first.next}`)).body;
    expect([...first.notifications, ...second.notifications].map((n: { id: string }) => n.id)).toEqual(all.slice(0, 4).map((n) => n.id));
    const dead = (await supervisor.get('/notification/log?status=dead')).body.notifications as { status: string }[];
    expect(dead.length).toBeGreaterThanOrEqual(1);
    expect(dead.every((n) => n.status === 'dead')).toBe(true);
    expect((await supervisor.get('/notification/log?limit=0')).status).toBe(400);

    const other = await t.login('999999', 'demo-2');
    expect((await other.get(`/notification/${all[0].id}`)).status).toBe(404);
    expect((await other.post(`/notification/${all[0].id}/resend`, { clientRequestId: requestId() })).status).toBe(404);
    expect((await other.get('/notification/log')).body.notifications).toEqual([]);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.anonymous.get('/docs/json')).body;
    expect(doc.paths['/notification/send'].post.responses['202']).toBeDefined();
    expect(doc.paths['/notification/log'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['after', 'limit', 'status']);
    expect(doc.paths['/notification/{id}'].get).toBeDefined();
    expect(doc.paths['/notification/{id}/resend'].post).toBeDefined();
    expect(doc.paths['/notification/send'].post.tags).toEqual(['notifications']);
  });

  // Last: the clock moves past the staff tokens' lifetime, so the state is read through the service.
  it('a provider that keeps failing is tried along the whole backoff (about 32 h), then the notification is dead', async () => {
    const res = await send({ channel: 'sms', template: 'custom', variables: { text: 'Проверка повторов' }, recipient: { phone: '+79165550011' } });
    const before = smsRequests.length;
    smsAnswers.push(...Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 503 })));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await drain();
      later(9 * 3_600_000);
    }
    expect(smsRequests.length - before).toBe(MAX_ATTEMPTS);
    const view = await t.app.services.notifications.get(t.database.db, supervisor.venueId!, res.body.id);
    expect(view).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS, lastError: expect.stringContaining('503') });
  });
});

describe('guest notifications without channel settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('never pretends to send: the notification is dead with "channel not configured"', async () => {
    const supervisor = await t.login('333333');
    const sms = await supervisor.post('/notification/send', { channel: 'sms', template: 'order_ready', variables: { orderNumber: '3' }, recipient: { phone: '+79161234567' }, clientRequestId: requestId() });
    const email = await supervisor.post('/notification/send', { channel: 'email', template: 'order_ready', variables: { orderNumber: '3' }, recipient: { email: 'guest@example.com' }, clientRequestId: requestId() });
    expect(await t.app.services.outbox.drain(t.database.db)).toMatchObject({ delivered: 0, dead: 2 });
    expect((await supervisor.get(`/notification/${sms.body.id}`)).body).toMatchObject({ status: 'dead', lastError: 'SMS channel not configured' });
    expect((await supervisor.get(`/notification/${email.body.id}`)).body).toMatchObject({ status: 'dead', lastError: 'Email channel not configured' });
  });
});
