import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailChannel } from './email';
import { SmsChannel } from './sms';

/** What each channel makes of its provider's answers: sent, retry later, or refused for good. Real local servers. */
describe('notification channels', () => {
  const listen = async (server: http.Server | SMTPServer) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return ((server instanceof SMTPServer ? server.server : server).address() as AddressInfo).port;
  };
  const close = (server: http.Server | SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));
  /** A port nothing listens on: one that was just free. */
  const closedPort = async () => {
    const server = http.createServer();
    const port = await listen(server);
    await close(server);
    return port;
  };
  const message = { to: '+79161234567', subject: null, body: 'Тест' };

  it('SMS: 2xx sent; 4xx refused for good except 408 and 429; 5xx and an unreachable provider retried', async () => {
    let status = 200;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(status).end());
    });
    const port = await listen(server);
    const channel = new SmsChannel(`http://127.0.0.1:${port}/`, 'token', 'POS');
    const outcomes: Record<number, unknown> = {};
    for (status of [200, 202, 400, 401, 404, 408, 429, 500, 503]) {
      const result = await channel.send(message);
      outcomes[status] = result.ok ? 'sent' : result.permanent ? 'refused' : 'retry';
    }
    await close(server);
    expect(outcomes).toEqual({ 200: 'sent', 202: 'sent', 400: 'refused', 401: 'refused', 404: 'refused', 408: 'retry', 429: 'retry', 500: 'retry', 503: 'retry' });

    const down = await new SmsChannel(`http://127.0.0.1:${await closedPort()}/`, 'token', 'POS').send(message);
    expect(down).toMatchObject({ ok: false, error: expect.stringContaining('unreachable') });
    expect(down.ok === false && down.permanent).toBeFalsy();
  });

  it('email: a 5xx refusal is permanent, a 4xx one and an unreachable server are retried', async () => {
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const code = Number(address.address.split('@')[0].replace('code', ''));
        callback(code ? Object.assign(new Error('Not now'), { responseCode: code }) : undefined);
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => callback());
      },
    });
    const port = await listen(smtp);
    const channel = new EmailChannel(`smtp://127.0.0.1:${port}`, 'pos@example.com');
    const send = (to: string) => channel.send({ to, subject: 'Тема', body: 'Текст' });
    expect(await send('guest@example.com')).toEqual({ ok: true });
    expect(await send('code550@example.com')).toMatchObject({ ok: false, permanent: true, statusCode: 550 });
    expect(await send('code451@example.com')).toMatchObject({ ok: false, permanent: false, statusCode: 451 });
    await close(smtp);

    const down = await new EmailChannel(`smtp://127.0.0.1:${await closedPort()}`, 'pos@example.com').send({ to: 'guest@example.com', subject: 'Тема', body: 'Текст' });
    expect(down).toMatchObject({ ok: false, permanent: false });
  });
});
