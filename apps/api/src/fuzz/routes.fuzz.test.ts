import fc from 'fast-check';
import { sql } from 'kysely';
import { type Client, createTestApp, requestId, type TestApp } from '../testing/harness';
import { changes, type Fingerprint, type Fingerprinter, fingerprinter, type TableChange, userTables } from './fingerprint';
import { type Operation, operationsOf, routerRoutes } from './openapi';
import { type IdPool, type IdTable, idTables, loadIdPool, type RequestSpec, requestArbitrary, type RoleName, toWire, unknownRequestArbitrary, type WireRequest } from './requests';

/**
 * Route fuzzer (issue 13): every route of the OpenAPI document, driven with inputs generated from
 * its own JSON Schemas — valid-shaped, mutated, and broken at the transport level — as a random
 * role, with real ids of the demo venue (and of the other venue) mixed in. It asserts that
 *   - nothing answers 5xx,
 *   - nothing hangs (a per-request timeout),
 *   - a rejected request (4xx) writes nothing: a fingerprint of the database (row count and a hash
 *     of every row, per table) is the same before and after it.
 *
 *   FUZZ_RUNS=20000   more requests (default 2,000)
 *   FUZZ_SEED=1234    another sequence (default fixed; FUZZ_SEED=random picks one); printed either way
 *   TEST_LOG=error    the server log on stdout (otherwise each 5xx's logged error is captured)
 *   FUZZ_DEBUG=1      every request and its answer, and the status codes per route
 *
 * The sequence is stateful (it runs against one database), so a failure is reproduced by running
 * the same seed and count again; the report also gives a minimised input of each distinct 5xx.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 13_2024);
const REQUEST_TIMEOUT_MS = Number(process.env.FUZZ_TIMEOUT_MS ?? 10_000);

/**
 * What the fuzzer does not drive, and why. Everything else is: every operation of the OpenAPI
 * document with its schemas, every other route the router has (Swagger UI's pages, read from
 * `printRoutes`) without one, and a few paths no route has (the 404 handler, the router's URL
 * parsing). With enough requests (20 per route) the test fails if a route was never hit.
 */
const EXCLUDED_ROUTES: Record<string, string> = {
  'GET /ws': 'Socket.IO handshakes (engine.io on the raw HTTP server, not a Fastify route; light-my-request cannot upgrade) — plugins/socket.test.ts covers it',
  'GET /*': 'the built web apps (@fastify/static at /) are only registered when a web root exists; the test app has none',
};

/**
 * Tables allowed to change on a rejected (4xx) request, and why. Everything else must be byte-for-byte
 * the same after a 4xx.
 */
const WRITES_ALLOWED_ON_REJECT: Record<string, string> = {
  login_lockouts: 'a wrong PIN is counted (401 auth.invalid_pin, then 429 auth.locked / auth.venue_locked) — that is the lockout',
  device_challenges: 'a sign-in challenge is single-use: a sign-in attempt burns it whether or not the PIN is right',
};
// (The fuzzer cannot sign a device proof, so its own sign-ins stop at the proof check; the harness's
// sign-ins — as each role, and again after a logout, a revoked tablet or a changed PIN — are the
// ones that pass it.)

const STAFF: Record<Exclude<RoleName, 'anonymous' | 'forged'>, { pin: string; venue: string }> = {
  waiter: { pin: '1111', venue: 'demo' },
  waiter2: { pin: '1112', venue: 'demo' },
  cashier: { pin: '2222', venue: 'demo' },
  supervisor: { pin: '333333', venue: 'demo' },
  cook: { pin: '4444', venue: 'demo' },
  admin: { pin: '999999', venue: 'demo' },
  'demo2-admin': { pin: '999999', venue: 'demo-2' },
  'demo2-waiter': { pin: '1111', venue: 'demo-2' },
};

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const FORGED_TOKENS = [
  'garbage',
  `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', sid: 'x', exp: 9_999_999_999 })}.`,
  `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', sid: 'x', venue: 'x', exp: 9_999_999_999 })}.${'A'.repeat(43)}`,
  'a.b.c',
];

/** Tables put back after an admin changed them, so the fuzzer keeps its staff, roles and features. */
const RESTORED_TABLES = ['role_permissions', 'feature_flags'] as const;

interface Finding {
  kind: '5xx' | 'write-on-reject' | 'hang';
  route: string;
  role: RoleName;
  index: number;
  status: number;
  sent: WireRequest['shown'] & { url: string; method: string };
  response: unknown;
  error?: string;
  written?: TableChange[];
  minimal?: unknown;
  count: number;
}

describe('fuzz: every route, schema-driven inputs, random roles', () => {
  let t: TestApp;
  const clients = new Map<RoleName, Client>();
  let operations: Operation[];
  let ownVenueId: string;
  let tables: string[];
  let idMeta: IdTable[];
  const setupNotes: string[] = [];
  const loggedErrors: string[] = [];
  const sentKeys: string[] = [];
  let staffSnapshot: Record<string, unknown>[];
  const restoredSnapshot = new Map<string, Record<string, unknown>[]>();
  let relogins = 0;

  async function signIn(role: RoleName): Promise<void> {
    if (role === 'anonymous' || role === 'forged') return;
    const { pin, venue } = STAFF[role];
    // The fuzzer's own wrong PINs may have locked the test tablet out; that is not under test here.
    await t.database.db.deleteFrom('login_lockouts').execute();
    try {
      clients.set(role, await t.login(pin, venue));
    } catch {
      // The tablet may have been revoked by a fuzzed admin request: sign in on a fresh one.
      clients.set(role, await t.login(pin, venue, `fuzz-tablet-${++relogins}`));
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    // With no logger configured, every request logs through the app's (no-op) logger: keep the errors.
    if (!process.env.TEST_LOG) {
      (t.app.log as unknown as { error: (...args: unknown[]) => void }).error = (obj: unknown, msg?: unknown) => {
        const o = obj as { err?: { message?: string; stack?: string }; issues?: unknown } | undefined;
        const where = o?.err?.stack
          ?.split('\n')
          .filter((l) => /\/(apps|libs)\//.test(l) && !l.includes('/fuzz/'))
          .slice(0, 3)
          .map((l) => l.trim().replace(/^at /, '').replace(/\(?\/[^ ]*\/(apps|libs)\//, '$1/'))
          .join(' < ');
        loggedErrors.push([typeof msg === 'string' ? msg : '', o?.err?.message, o?.issues ? JSON.stringify(o.issues).slice(0, 400) : '', where].filter(Boolean).join(' | '));
      };
    }
    for (const role of Object.keys(STAFF) as RoleName[]) await signIn(role);
    const doc = (t.app as unknown as { swagger(): Parameters<typeof operationsOf>[0] }).swagger();
    operations = operationsOf(doc);
    ownVenueId = clients.get('admin')!.venueId!;
    tables = await userTables(t.database);
    idMeta = await idTables(t.database);
    staffSnapshot = await t.database.db.selectFrom('staff').selectAll().execute();
    for (const table of RESTORED_TABLES) restoredSnapshot.set(table, (await sql.raw<Record<string, unknown>>(`select * from "${table}"`).execute(t.database.db)).rows);
    await seedActivity();
  }, 60_000);
  afterAll(() => t?.close());

  /** A little real activity first, so there are orders, lines, tickets, a shift and payments to aim at. */
  async function seedActivity() {
    const note = <T extends { status: number; body?: any }>(what: string, res: T) => {
      if (res.status >= 300) setupNotes.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      return res;
    };
    const waiter = clients.get('waiter')!;
    const cashier = clients.get('cashier')!;
    const products = await t.database.db.selectFrom('products').select(['id', 'price']).where('venue_id', '=', ownVenueId).where('is_available', '=', 1).orderBy('sort').limit(6).execute();
    note('open shift', await cashier.post('/pos/shifts', { openingFloat: 0 }));
    const supervisor = clients.get('supervisor')!;
    for (const [label, days] of [['5', 1], ['6', 2]] as const) {
      const startsAt = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 11) + '12:00:00.000Z';
      const table = await t.table(label);
      note(`reservation of table ${label}`, await supervisor.post('/pos/tables/reservations', { tableId: table.id, startsAt, durationMinutes: 90, guests: 2, guestName: 'Fuzz', guestPhone: '+7 999 123-45-67', clientRequestId: requestId() }));
    }
    for (const [i, label] of ['1', '2', '3', '4'].entries()) {
      const table = await t.table(label);
      const items = products.slice(i, i + 2).map((p) => ({ productId: p.id, quantity: 1 + i }));
      const order = note(`order on table ${label}`, await waiter.post('/pos/orders', { tableId: table.id, guests: 2, items, clientRequestId: requestId() }));
      if (order.status !== 201) continue;
      if (i < 3) note('send', await waiter.post(`/pos/orders/${order.body.id}/send`, { clientRequestId: requestId() }));
      if (i === 1) note('pay cash', await cashier.post('/pos/finance/payments', { orderId: order.body.id, tenders: [{ method: 'cash', amount: order.body.total }], clientRequestId: requestId() }));
      if (i === 2) note('pay card', await cashier.post('/pos/finance/payments', { orderId: order.body.id, tenders: [{ method: 'card', amount: order.body.total }], clientRequestId: requestId() }));
    }
  }

  /** Puts back staff, roles and feature flags after an admin request changed them. */
  async function restoreAdminState() {
    const db = t.database.db;
    for (const row of staffSnapshot) {
      const { id, ...rest } = row as { id: string };
      await db.updateTable('staff').set(rest as never).where('id', '=', id).execute();
    }
    for (const [table, rows] of restoredSnapshot) {
      await sql.raw(`delete from "${table}"`).execute(db);
      if (rows.length) await db.insertInto(table as 'role_permissions').values(rows as never).execute();
    }
    // Written past the services: the flags they keep between commands are read again.
    t.app.services.caches.clearAll();
  }

  it('the database fingerprint notices one changed row, and the write counter moves', async () => {
    const fp = await fingerprinter(t.database, tables, t.config.sqlitePath);
    const hall = await t.database.db.selectFrom('halls').select(['id', 'name']).executeTakeFirstOrThrow();
    const [v0, s0] = [await fp.version(), await fp.take()];
    expect(await fp.version()).toBe(v0);
    await t.database.db.updateTable('halls').set({ name: `${hall.name}!` }).where('id', '=', hall.id).execute();
    const [v1, s1] = [await fp.version(), await fp.take()];
    expect(v1).not.toBe(v0);
    expect(changes(s0, s1, new Set()).map((c) => [c.table, c.before, c.after])).toEqual([['halls', s0.get('halls')!.count, s0.get('halls')!.count]]);
    await t.database.db.updateTable('halls').set({ name: hall.name }).where('id', '=', hall.id).execute();
    expect(changes(s0, await fp.take(), new Set())).toEqual([]);
    fp.close();
  });

  it(`answers no 5xx, never hangs and writes nothing on a 4xx (${RUNS} requests)`, async () => {
    // Skip nothing silently: every route the router has is driven, or excluded with a reason.
    const documented = new Set(operations.map((o) => o.key));
    const undocumented = routerRoutes(t.app).filter((r) => !documented.has(`${r.method} ${r.path}`));
    // Routes outside the document (Swagger UI's pages) are still driven, without a schema.
    for (const r of undocumented) {
      const wildcard = r.path.endsWith('*');
      operations.push({
        method: r.method,
        path: r.path,
        key: `${r.method} ${r.path}`,
        params: wildcard ? { type: 'object', properties: { '*': { type: 'string' } }, required: ['*'] } : undefined,
        bodyRequired: false,
        secured: false,
      });
    }
    // An excluded route that is in the document (or the router) should be fuzzed instead.
    expect(Object.keys(EXCLUDED_ROUTES).filter((k) => operations.some((o) => o.key === k))).toEqual([]);

    const arbitraries = operations.map((op, i) => requestArbitrary(op, i));
    const UNKNOWN = operations.length; // pseudo-operation: paths no route has
    const perOp = operations.map(() => ({ total: 0, ok: 0, codes: {} as Record<string, number> }));
    let unknownCount = 0;
    const classes: Record<string, number> = {};
    const findings = new Map<string, Finding>();
    let pool: IdPool = await loadIdPool(t.database, idMeta, ownVenueId, sentKeys);
    let poolDirty = false;
    const fp: Fingerprinter = await fingerprinter(t.database, tables, t.config.sqlitePath);
    let last: { version: string; state: Fingerprint } | undefined;
    let fingerprintMs = 0;
    let fingerprints = 0;
    let versionChecks = 0;
    const started = Date.now();
    const cpuAtStart = process.cpuUsage();

    /** The database's fingerprint now: the last one when nothing was committed since, else a fresh one. */
    let checkedJustNow = false; // the last check ended the previous request and nothing ran since
    const current = async () => {
      if (checkedJustNow && last) return last.state;
      const t0 = performance.now();
      const version = await fp.version();
      versionChecks++;
      if (!last || last.version !== version) {
        last = { version, state: await fp.take() };
        fingerprints++;
      }
      fingerprintMs += performance.now() - t0;
      return last.state;
    };

    const send = async (role: RoleName, wire: WireRequest, index: number) => {
      const client = clients.get(role);
      const token = role === 'forged' ? FORGED_TOKENS[index % FORGED_TOKENS.length] : client?.token;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), REQUEST_TIMEOUT_MS);
      });
      try {
        return await Promise.race([
          t.app.inject({
            method: wire.method as 'GET',
            url: wire.url,
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...wire.headers },
            ...(wire.payload !== undefined ? { payload: wire.payload } : {}),
          }),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    };

    for (let i = 0; i < RUNS; i++) {
      const requestSeed = (SEED + Math.imul(i, 0x9e3779b1)) | 0;
      // About 1 request in 40 goes to a path no route has.
      const [choice] = fc.sample(fc.noBias(fc.nat({ max: 39 })), { seed: requestSeed, numRuns: 1 });
      let op: Operation;
      let spec: RequestSpec;
      let wire: WireRequest;
      if (choice === 0) {
        const [u] = fc.sample(unknownRequestArbitrary, { seed: requestSeed + 1, numRuns: 1 });
        op = { method: u.method, path: u.path, key: `${u.method} <no route>`, bodyRequired: false, secured: false };
        spec = { op: UNKNOWN, role: 'anonymous', mode: 'transport', headers: {} };
        const payload = u.body === undefined || u.method === 'GET' || u.method === 'HEAD' ? undefined : JSON.stringify(u.body);
        wire = { method: u.method, url: u.path, payload, headers: payload ? { 'content-type': 'application/json' } : {}, shown: { body: u.body } };
        unknownCount++;
      } else {
        const [opIndex] = fc.sample(fc.noBias(fc.nat({ max: operations.length - 1 })), { seed: requestSeed + 2, numRuns: 1 });
        op = operations[opIndex];
        [spec] = fc.sample(arbitraries[opIndex], { seed: requestSeed + 3, numRuns: 1 });
        if (poolDirty) {
          pool = await loadIdPool(t.database, idMeta, ownVenueId, sentKeys);
          poolDirty = false;
        }
        wire = toWire(op, spec, pool);
      }

      const before = await current();
      checkedJustNow = false;
      let res: Awaited<ReturnType<typeof send>>;
      const errorsBefore = loggedErrors.length;
      try {
        res = await send(spec.role, wire, i);
      } catch (error) {
        // light-my-request refused to build the request (a harness bug, not the server's).
        throw new Error(`request #${i} could not be sent: ${String(error)} — ${wire.method} ${wire.url}`);
      }
      const sent = { method: wire.method, url: wire.url.length > 300 ? `${wire.url.slice(0, 300)}…` : wire.url, ...wire.shown };
      if (res === 'timeout') {
        findings.set(`hang ${op.key}`, { kind: 'hang', route: op.key, role: spec.role, index: i, status: 0, sent, response: null, count: 1 });
        break; // the server is stuck; what follows would not mean much
      }
      const after = await current();
      checkedJustNow = true;
      const status = res.statusCode;
      if (process.env.FUZZ_DEBUG) console.log(`#${i} ${spec.role} ${spec.mode} ${wire.method} ${sent.url} ${wire.payload?.slice(0, 200) ?? ''} → ${status} ${res.body.slice(0, 200)}`);
      const cls = `${Math.floor(status / 100)}xx`;
      classes[cls] = (classes[cls] ?? 0) + 1;
      if (spec.op !== UNKNOWN) {
        perOp[spec.op].total++;
        if (status < 300) perOp[spec.op].ok++;
        const code = `${status}${spec.mode === 'valid' ? '' : '~'}${(/"code":"([^"]+)"/.exec(res.body) ?? [])[1] ?? ''}`;
        perOp[spec.op].codes[code] = (perOp[spec.op].codes[code] ?? 0) + 1;
      }
      const body = parse(res.body);
      const clientRequestId = (wire.shown.body as { clientRequestId?: unknown } | undefined)?.clientRequestId;
      if (typeof clientRequestId === 'string' && !sentKeys.includes(clientRequestId)) sentKeys.push(clientRequestId);

      if (status >= 500) {
        const error = loggedErrors.slice(errorsBefore).join(' || ') || '(see TEST_LOG=error output)';
        const key = `${op.key} ${status} ${error.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/-?\d+/g, 'N').slice(0, 160)}`;
        const seen = findings.get(key);
        if (seen) seen.count++;
        else findings.set(key, { kind: '5xx', route: op.key, role: spec.role, index: i, status, sent, response: body, error, count: 1 });
      } else if (status >= 400) {
        const written = changes(before, after, new Set(Object.keys(WRITES_ALLOWED_ON_REJECT)));
        if (written.length) {
          const key = `write ${op.key} ${status} ${written.map((w) => w.table).join(',')}`;
          const seen = findings.get(key);
          if (seen) seen.count++;
          else findings.set(key, { kind: 'write-on-reject', route: op.key, role: spec.role, index: i, status, sent, response: body, written, count: 1 });
        }
      }

      // Keep the cast signed in and the venue's rules in place.
      let outOfBand = false;
      if (status < 300 && wire.method !== 'GET' && wire.method !== 'HEAD') poolDirty = true;
      if (status < 300 && /^(PATCH \/admin\/staff|PUT \/admin\/roles|PUT \/admin\/feature-flags|POST \/admin\/devices)/.test(op.key)) {
        await restoreAdminState();
        outOfBand = true;
      }
      if (status < 300 && op.key === 'POST /pos/auth/logout') {
        await signIn(spec.role);
        outOfBand = true;
      }
      if (status === 401 || outOfBand) {
        for (const [role, client] of clients) {
          if ((await client.get('/pos/auth/me')).status === 401) {
            await signIn(role);
            outOfBand = true;
          }
        }
      }
      if (outOfBand) checkedJustNow = false;
    }

    fp.close();

    // --- minimise each distinct 5xx: drop fields while it still fails the same way ---------------
    for (const f of findings.values()) {
      if (f.kind !== '5xx') continue;
      f.minimal = await minimise(f, async (candidate) => {
        const errorsBefore = loggedErrors.length;
        const res = await send(f.role, { ...candidate, shown: {} }, f.index);
        if (res === 'timeout' || res.statusCode < 500) return false;
        const error = loggedErrors.slice(errorsBefore).join(' || ');
        return !f.error || f.error.startsWith('(') || error.split(' | ')[1] === f.error.split(' | ')[1];
      });
    }

    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const total = operations.length;
    const hit = perOp.filter((p) => p.total > 0).length;
    const reached = perOp.filter((p) => p.ok > 0).length;
    const summary =
      `fuzz: ${RUNS} requests, seed ${SEED} (FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}), ${t.database.dialect}, ${seconds.toFixed(1)} s (this process's CPU ${cpuSeconds.toFixed(1)} s) — ` +
      `${Object.entries(classes).sort().map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
      `routes hit ${hit}/${total}, with a 2xx ${reached}/${total}, ${unknownCount} to no route; ` +
      `database checks ${(fingerprintMs / 1000).toFixed(1)} s (${versionChecks} version checks, ${fingerprints} full fingerprints); re-sign-ins ${relogins}` +
      (setupNotes.length ? `\n  setup: ${setupNotes.join('; ')}` : '') +
      `\n  no 2xx: ${operations.filter((_, k) => perOp[k].ok === 0).map((o) => o.key).join(', ') || 'none'}`;
    console.log(summary);
    if (process.env.FUZZ_DEBUG) console.log(operations.map((o, k) => `${o.key}: ${JSON.stringify(perOp[k].codes)}`).join('\n'));

    if (findings.size) {
      const report = [...findings.values()].map((f) => JSON.stringify(f, null, 1)).join('\n');
      console.log(`fuzz findings (${findings.size}):\n${report}`);
    }
    if (RUNS >= 20 * total) expect(operations.filter((_, k) => perOp[k].total === 0).map((o) => o.key)).toEqual([]);
    expect([...findings.values()].map((f) => `${f.kind} ${f.route} ${f.status} as ${f.role} (#${f.index}, ×${f.count}): ${f.error ?? f.written?.map((w) => w.table).join(', ') ?? ''}`)).toEqual([]);
  }, 120_000 + RUNS * 60);

  /** Greedy: drop object keys, shorten arrays and strings of the body and query while `fails` holds. */
  async function minimise(f: Finding, fails: (w: WireRequest) => Promise<boolean>): Promise<unknown> {
    const [path, qs = ''] = f.sent.url.split('?');
    let body = f.sent.body;
    let query = new URLSearchParams(qs);
    const wireOf = (b: unknown, q: URLSearchParams): WireRequest => ({
      method: f.sent.method,
      url: q.toString() ? `${path}?${q}` : path,
      payload: b === undefined ? undefined : JSON.stringify(b),
      headers: b === undefined ? {} : { 'content-type': 'application/json' },
      shown: {},
    });
    if (f.sent.raw || f.sent.url.endsWith('…')) return { url: f.sent.url, body };
    let budget = 40;
    for (const key of [...query.keys()]) {
      const q = new URLSearchParams(query);
      q.delete(key);
      if (budget-- > 0 && (await fails(wireOf(body, q)))) query = q;
    }
    const candidates = (v: unknown): unknown[] => {
      const out: unknown[] = [];
      if (Array.isArray(v)) {
        if (v.length > 1) out.push(v.slice(0, 1));
        v.forEach((item, k) => candidates(item).forEach((c) => out.push(v.map((x, j) => (j === k ? c : x)))));
      } else if (v && typeof v === 'object') {
        for (const k of Object.keys(v)) {
          const { [k]: _drop, ...rest } = v as Record<string, unknown>;
          out.push(rest);
        }
        for (const [k, item] of Object.entries(v)) candidates(item).forEach((c) => out.push({ ...(v as object), [k]: c }));
      } else if (typeof v === 'string' && v.length > 12) {
        out.push(v.slice(0, 12));
      }
      return out;
    };
    let improved = true;
    while (improved && budget > 0) {
      improved = false;
      for (const c of candidates(body)) {
        if (budget-- <= 0) break;
        if (await fails(wireOf(c, query))) {
          body = c;
          improved = true;
          break;
        }
      }
    }
    return { method: f.sent.method, url: wireOf(body, query).url, body };
  }
});

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text.slice(0, 200);
  }
}
