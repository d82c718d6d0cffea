import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Role, signInProofMessage } from '@pos/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { type ApiConfig, loadConfig } from '../config';
import { createPgSchema, type DatabaseHandle, dropPgSchema, migrateToLatest, openDatabase } from '../db/database';
import { seedDemo } from '../db/seed/seed';

/**
 * Builds the real app on a real database for one test file: a temporary SQLite file, or — when
 * DATABASE_URL is set — a fresh PostgreSQL schema of its own, dropped at the end.
 */
export interface TestApp {
  app: FastifyInstance;
  config: ApiConfig;
  database: DatabaseHandle;
  /**
   * Signs in as a tablet would: the device named `device` (enrolled on first use with a code the
   * admin side issues) answers a fresh challenge, then the PIN goes out.
   */
  login(pin: string, venue?: string, device?: string): Promise<Client>;
  /** The answer of a sign-in attempt, whatever it is (lockout tests). */
  tryLogin(pin: string, venue?: string, device?: string): Promise<Response>;
  /** Enrolls a new tablet in a venue (a fresh device each call). */
  enroll(venue?: string, name?: string): Promise<TestDevice>;
  /** A tablet enrolled under `label` on first use. */
  device(label?: string, venue?: string): Promise<TestDevice>;
  anonymous: Client;
  /** A product of the demo venue by its seed code (e.g. 'ribeye-steak'). */
  product(code: string, venue?: string): Promise<{ id: string; price: number; name: string; stock: number | null }>;
  /** Modifier option ids of a product's group, by group and option codes. */
  option(groupCode: string, optionCode: string, venue?: string): Promise<string>;
  table(label: string, venue?: string): Promise<{ id: string; hall_id: string }>;
  /** Closes the app and builds a new one on the same database: a server restart. */
  restart(): Promise<void>;
  /**
   * A second API instance on the same database (its own pool), as when the API scales out;
   * `as(client)` sends that client's requests (same token) to this instance.
   */
  secondInstance(): Promise<{ as(client: Client): Client; close(): Promise<void> }>;
  close(): Promise<void>;
}

export interface TestDevice {
  deviceId: string;
  deviceKey: string;
  venue: string;
  /** `{ venue, deviceId, challenge, proof }` for a sign-in, with a fresh challenge. */
  signInProof(): Promise<{ venue: string; deviceId: string; challenge: string; proof: string }>;
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

export interface Client {
  token?: string;
  staffId?: string;
  venueId?: string;
  request<T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  get<T = any>(url: string, headers?: Record<string, string>): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
}

export const isPg = () => Boolean(process.env.DATABASE_URL);

export async function createTestApp(overrides: Partial<ApiConfig> = {}): Promise<TestApp> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-test-'));
  const config: ApiConfig = {
    ...loadConfig({}),
    databaseUrl: process.env.DATABASE_URL || undefined,
    pgSchema: process.env.DATABASE_URL ? schema : undefined,
    sqlitePath: path.join(dir, 'pos.db'),
    redisUrl: undefined,
    argon2MemoryKib: 1024,
    argon2TimeCost: 1,
    // One process plays every tablet of two venues from one address: the per-address sign-in
    // limits would count them all together. Tests of the limits set their own.
    rateLimits: { signIn: 100_000, enroll: 100_000, challenge: 100_000, giftCards: 100_000 },
    webRoot: path.join(dir, 'web'),
    ...overrides,
  };
  if (config.databaseUrl) await createPgSchema(config.databaseUrl, schema);

  let database = openDatabase(config);
  let app: FastifyInstance;
  try {
    await migrateToLatest(database.db, config.pgSchema);
    app = await buildApp({ config, database, logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false });
    await seedDemo(database.db, app.services.auth);
    await app.ready();
  } catch (error) {
    // Leave nothing open behind a failed start, or jest never exits.
    await database.close().catch(() => undefined);
    if (config.databaseUrl && config.pgSchema) await dropPgSchema(config.databaseUrl, config.pgSchema).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const client = (token?: string, extra: Partial<Client> = {}, target: () => FastifyInstance = () => app): Client => {
    const request = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await target().inject({
        method: method as 'GET',
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      const text = res.body;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON (e.g. HTML of the docs page) */
      }
      return { status: res.statusCode, body: parsed as any, headers: res.headers };
    };
    return {
      token,
      ...extra,
      request,
      get: (url, headers) => request('GET', url, undefined, headers),
      post: (url, body, headers) => request('POST', url, body ?? {}, headers),
      put: (url, body, headers) => request('PUT', url, body ?? {}, headers),
      patch: (url, body, headers) => request('PATCH', url, body ?? {}, headers),
    };
  };

  const venueId = async (slug: string) =>
    (await database.db.selectFrom('venues').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;

  const enroll = async (venue = 'demo', name = 'Test tablet'): Promise<TestDevice> => {
    const issued = await app.services.auth.devices.issueCode(database.db, await venueId(venue), venue, null, 15 * 60_000);
    const res = await client().post('/pos/devices/enroll', { venue, code: issued.code, name });
    if (res.status !== 201) throw new Error(`enroll in ${venue} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const { deviceId, deviceKey } = res.body as { deviceId: string; deviceKey: string };
    return {
      deviceId,
      deviceKey,
      venue,
      async signInProof() {
        const ch = await client().post('/pos/auth/challenge', { venue, deviceId });
        if (ch.status !== 200) throw new Error(`challenge failed: ${ch.status} ${JSON.stringify(ch.body)}`);
        const challenge = (ch.body as { challenge: string }).challenge;
        const proof = createHmac('sha256', Buffer.from(deviceKey, 'base64url')).update(signInProofMessage(venue, deviceId, challenge)).digest('base64url');
        return { venue, deviceId, challenge, proof };
      },
    };
  };
  const devices = new Map<string, Promise<TestDevice>>();
  const device = (label = 'tablet', venue = 'demo') => {
    const key = `${venue}/${label}`;
    if (!devices.has(key)) devices.set(key, enroll(venue, label.slice(0, 60)));
    return devices.get(key)!;
  };
  const tryLogin = async (pin: string, venue = 'demo', label?: string) =>
    client().post('/pos/auth/login', { pin, ...(await (await device(label, venue)).signInProof()) });

  const testApp: TestApp = {
    get app() {
      return app;
    },
    config,
    get database() {
      return database;
    },
    anonymous: client(),
    enroll,
    device,
    tryLogin,
    async login(pin, venue = 'demo', label) {
      const res = await tryLogin(pin, venue, label);
      if (res.status !== 200) throw new Error(`login ${pin}@${venue} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client(res.body.token, { staffId: res.body.staff.id, venueId: res.body.venue.id });
    },
    async product(code, venue = 'demo') {
      return database.db
        .selectFrom('products')
        .select(['id', 'price', 'name', 'stock'])
        .where('venue_id', '=', await venueId(venue))
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
    },
    async option(groupCode, optionCode, venue = 'demo') {
      const row = await database.db
        .selectFrom('modifier_options as o')
        .innerJoin('modifier_groups as g', 'g.id', 'o.group_id')
        .select('o.id')
        .where('g.venue_id', '=', await venueId(venue))
        .where('g.code', '=', groupCode)
        .where('o.code', '=', optionCode)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async table(label, venue = 'demo') {
      return database.db
        .selectFrom('tables')
        .select(['id', 'hall_id'])
        .where('venue_id', '=', await venueId(venue))
        .where('label', '=', label)
        .executeTakeFirstOrThrow();
    },
    async restart() {
      await app.close();
      database = openDatabase(config);
      await migrateToLatest(database.db, config.pgSchema);
      app = await buildApp({ config, database });
      await app.ready();
    },
    async secondInstance() {
      const db2 = openDatabase(config);
      const app2 = await buildApp({ config, database: db2 });
      await app2.ready();
      return {
        as: (c: Client) => client(c.token, { staffId: c.staffId, venueId: c.venueId }, () => app2),
        close: () => app2.close(),
      };
    },
    async close() {
      await app.close();
      if (config.databaseUrl && config.pgSchema) await dropPgSchema(config.databaseUrl, config.pgSchema);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}

/** A fresh idempotency key, like the tablets' UUID v7. */
let nextHiredPin = 860000;

/**
 * A new staff member of the demo venue, hired by its `admin` and signed in: a test gets people of its own,
 * so its shifts and drawers never touch another test's. Six-digit PINs from 860000 up, each once
 * per test file.
 */
/** Hires a staff member and signs them in, on the shared test tablet or on the one named `device`. */
export async function hire(t: TestApp, admin: Client, role: Role, name: string, device?: string): Promise<Client> {
  const pin = String(nextHiredPin++);
  const created = await admin.post('/admin/staff', { name, role, pin });
  if (created.status !== 201) throw new Error(`Hiring ${name} failed: ${created.status} ${JSON.stringify(created.body)}`);
  return t.login(pin, 'demo', device);
}

export const requestId = () => `test-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * A database write settled as a value, for asserting that the database refuses it. better-sqlite3's
 * SqliteError is not an `Error` jest recognises across its sandbox (`rejects.toThrow` reports "did
 * not throw"), so compare `{ refused, message }` instead — a failure then shows what happened.
 */
export const settleWrite = (write: Promise<unknown>) =>
  write.then(
    (result) => ({ refused: false as const, result }),
    (error: Error) => ({ refused: true as const, message: String(error?.message ?? error) }),
  );

/**
 * API instances on the test app's database that share rooms and server-side events through a real
 * Redis (the scaled-out set-up), started and listening; the caller closes them.
 */
export async function instancesOverRedis(t: TestApp, count = 2): Promise<FastifyInstance[]> {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const instances: FastifyInstance[] = [];
  for (let i = 0; i < count; i++) {
    const config = { ...t.config, redisUrl };
    const app = await buildApp({ config, database: openDatabase(config) });
    await app.ready();
    instances.push(app);
  }
  // The adapters subscribe asynchronously: all are listening before anything is said.
  await new Promise((r) => setTimeout(r, 300));
  return instances;
}

/** Redis carries a server-side event in a few milliseconds; a test allows it a moment. */
export const heardOverRedis = () => new Promise((r) => setTimeout(r, 200));
