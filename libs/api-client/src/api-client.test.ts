import { createApiClient } from './api-client';
import { createPosApi } from './pos-api';
import { ApiError } from './api-error';

// jsdom has no fetch Response; the client only reads ok, status, statusText and text().
const jsonResponse = (status: number, body: unknown) =>
  ({ ok: status < 400, status, statusText: '', text: async () => JSON.stringify(body) }) as Response;

describe('api client', () => {
  /** A client over a server that answers every call with 200, keeping what was sent. */
  const recordingClient = () => {
    const calls: RequestInit[] = [];
    const client = createApiClient({
      getToken: () => 'tkn',
      fetch: async (_url, init) => {
        calls.push(init!);
        return jsonResponse(200, { ok: true });
      },
    });
    return { client, calls };
  };

  it('sends the bearer token and a fresh idempotency key on mutations', async () => {
    const { client, calls } = recordingClient();
    await client.post('/pos/orders', {});
    await client.post('/pos/orders', {});
    await client.get('/pos/menu');
    const headers = calls.map((c) => c.headers as Record<string, string>);
    expect(headers[0].authorization).toBe('Bearer tkn');
    expect(headers[0]['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers[0]['idempotency-key']).not.toBe(headers[1]['idempotency-key']);
    expect(headers[2]['idempotency-key']).toBeUndefined();
  });

  it("attaches a supervisor's approval to the one command it is given with", async () => {
    const { client, calls } = recordingClient();
    await client.post('/pos/orders/o1/items/l1/void', {}, { approval: 'approval-token' });
    await client.post('/pos/orders/o1/items/l2/void', {});
    const headers = calls.map((c) => c.headers as Record<string, string>);
    expect(headers[0]['x-approval']).toBe('approval-token');
    expect(headers[1]['x-approval']).toBeUndefined();
  });

  it('fetches a non-JSON answer (a PDF) as a Blob with the token, and a refusal as ApiError', async () => {
    const pdf = { size: 4 } as Blob;
    const calls: { url: string; init: RequestInit }[] = [];
    const client = createApiClient({
      getToken: () => 'tkn',
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init! });
        return String(url).includes('denied')
          ? jsonResponse(403, { type: 'x', title: 'Not yours', status: 403, code: 'shift_report.not_yours' })
          : ({ ok: true, status: 200, statusText: '', blob: async () => pdf } as Response);
      },
    });
    expect(await client.getBlob('/pos/shifts/s1/report?format=pdf', { accept: 'application/pdf' })).toBe(pdf);
    expect(calls[0].init.headers).toEqual({ accept: 'application/pdf', authorization: 'Bearer tkn' });
    await expect(client.getBlob('/denied')).rejects.toMatchObject({ status: 403, code: 'shift_report.not_yours' });
  });

  it('turns problem+json into a readable ApiError and reports 401', async () => {
    let signedOut = false;
    const client = createApiClient({
      getToken: () => null,
      onUnauthorized: () => (signedOut = true),
      fetch: async (url) =>
        String(url).endsWith('/bad')
          ? jsonResponse(400, { type: 'x', title: 'The request is invalid', status: 400, code: 'validation', errors: [{ path: 'body.items.0.quantity', message: 'Too small' }] })
          : jsonResponse(401, { type: 'x', title: 'Sign in first', status: 401, code: 'auth.unauthorized' }),
    });
    const bad = await client.post('/bad', {}).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).message).toBe('items.0.quantity: Too small');
    expect((bad as ApiError).code).toBe('validation');
    await expect(client.get('/me')).rejects.toMatchObject({ status: 401, code: 'auth.unauthorized' });
    expect(signedOut).toBe(true);
  });

  it('reports a network failure as a transient error with status 0', async () => {
    const client = createApiClient({ getToken: () => null, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    const error = (await client.get('/pos/ping').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.isTransient).toBe(true);
  });
});

describe('pos api: tills and shifts', () => {
  const recording = () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const api = createPosApi(
      createApiClient({
        getToken: () => 'tkn',
        fetch: async (url, init) => {
          calls.push({ url: String(url), init: init! });
          return jsonResponse(200, {});
        },
      }),
    );
    const bodies = () => calls.map((c) => JSON.parse(String(c.init.body ?? 'null')) as unknown);
    return { api, calls, bodies };
  };

  it("opens a shift on the picked till, or leaves the till to the server's default", async () => {
    const { api, bodies } = recording();
    await api.openShift(500_000);
    await api.openShift(500_000, { tillId: 'till-1', clientRequestId: 'req-1' });
    expect(bodies()).toEqual([{ openingFloat: 500_000 }, { openingFloat: 500_000, tillId: 'till-1', clientRequestId: 'req-1' }]);
  });

  it('attaches a tablet to a till or detaches it with null', async () => {
    const { api, calls, bodies } = recording();
    await api.setDeviceTill('dev-1', 'till-1', 'req-2');
    await api.setDeviceTill('dev-1', null);
    expect(calls.map((c) => `${c.init.method} ${c.url}`)).toEqual(['PUT /admin/devices/dev-1/till', 'PUT /admin/devices/dev-1/till']);
    expect(bodies()).toEqual([{ tillId: 'till-1', clientRequestId: 'req-2' }, { tillId: null }]);
  });
});
