import path from 'node:path';

export interface ApiConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  sqlitePath: string;
  pgSchema?: string;
  redisUrl?: string;
  /** Redis key prefix of the background jobs' queue (JOBS_PREFIX, default `pos`): instances of one deployment share it; tests use one per run. */
  jobsPrefix?: string;
  /** Overrides the secret kept in the database (e.g. several instances on different databases). */
  jwtSecret?: string;
  /** Staff token lifetime: a long shift plus margin. */
  tokenTtlMs: number;
  /** argon2id cost; OWASP's minimum (19 MiB, t=2) by default, lower in tests. */
  argon2MemoryKib: number;
  argon2TimeCost: number;
  /** Idempotency keys outlive the longest an offline outbox may hold a command (7 d) plus 72 h. */
  idempotencyTtlMs: number;
  /** A claimed key whose request never finished (crash) can be taken over after this. */
  idempotencyLeaseMs: number;
  /** Built web apps: the shell at /, remotes at /remotes. */
  webRoot: string;
  /**
   * Origins besides the API's own that may serve remotes (REMOTE_ORIGINS, comma-separated, e.g.
   * `https://cdn.example.com`). Empty by default: remotes come from /remotes/<name>/ on this server.
   */
  remoteOrigins: string[];
  logLevel: string;
  /**
   * Requests per minute per client IP and venue on the sign-in routes (a venue's ~20 tablets
   * usually share one router IP, so these allow a whole shift change at once).
   */
  rateLimits: { signIn: number; enroll: number; challenge: number; giftCards: number };
  /** Longer request targets answer 414; the parser's header limit (431) must stay above it. */
  maxUrlLength: number;
  /** Request line plus headers; Node's HTTP parser answers 431 past it. */
  maxHeaderBytes: number;
  /** Fastify's trustProxy: set behind a reverse proxy so rate limits see the client's IP. */
  trustProxy: boolean | string;
  /** BI export files (EXPORT_DIR); unset: `exports/` beside the SQLite file (see `exportDirOf`). */
  exportDir?: string;
  /** Guest notifications' channels (modules/notifications); a channel without its settings refuses to send. */
  notifications: NotificationChannelsConfig;
}

export interface NotificationChannelsConfig {
  /** SMTP_URL, e.g. smtp://user:pass@smtp.example.com:587 (smtps:// for TLS from the start). */
  smtpUrl?: string;
  /** SMTP_FROM: the sender, e.g. `"Ресторан" <no-reply@example.com>`. */
  smtpFrom: string;
  /** SMS_PROVIDER_URL: the provider's endpoint taking POST JSON { to, text, sender }. */
  smsProviderUrl?: string;
  /** SMS_PROVIDER_TOKEN: sent as `Authorization: Bearer …`. */
  smsProviderToken?: string;
  /** SMS_SENDER: the sender name the provider shows (default POS). */
  smsSender: string;
}

const HOUR = 3_600_000;

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isFinite(n) && n > 0 ? Math.trunc(n) : fallback;
};

/** TRUST_PROXY: 'true' (any proxy), or a comma-separated list of the proxies' addresses / CIDRs. */
const trustProxy = (value: string | undefined): boolean | string => {
  if (!value || value === 'false') return false;
  return value === 'true' ? true : value;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return {
    port: Number(env.PORT ?? 4200),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.SQLITE_PATH ?? path.resolve('data', 'pos.db'),
    pgSchema: env.DATABASE_SCHEMA || undefined,
    redisUrl: env.REDIS_URL || undefined,
    jobsPrefix: env.JOBS_PREFIX || undefined,
    jwtSecret: env.JWT_SECRET || undefined,
    tokenTtlMs: Number(env.TOKEN_TTL_HOURS ?? 16) * HOUR,
    argon2MemoryKib: Number(env.ARGON2_MEMORY_KIB ?? 19_456),
    argon2TimeCost: Number(env.ARGON2_TIME_COST ?? 2),
    idempotencyTtlMs: (7 * 24 + 72) * HOUR,
    idempotencyLeaseMs: 60_000,
    webRoot: env.WEB_ROOT ?? path.resolve('dist', 'web'),
    remoteOrigins: (env.REMOTE_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean).map(remoteOrigin),
    logLevel: env.LOG_LEVEL ?? 'info',
    rateLimits: {
      signIn: positive(env.RATE_LIMIT_SIGN_IN_PER_MINUTE, 60),
      enroll: positive(env.RATE_LIMIT_ENROLL_PER_MINUTE, 20),
      // Every sign-in asks for a challenge first, and a failed one may ask again.
      challenge: positive(env.RATE_LIMIT_CHALLENGE_PER_MINUTE, 120),
      // Per tablet and route: a till looks up or redeems a few cards a minute; guessing needs billions.
      giftCards: positive(env.GIFT_CARD_RATE_LIMIT_PER_MINUTE, 30),
    },
    maxUrlLength: positive(env.MAX_URL_LENGTH, 8 * 1024),
    maxHeaderBytes: positive(env.MAX_HEADER_BYTES, 16 * 1024),
    trustProxy: trustProxy(env.TRUST_PROXY),
    notifications: {
      smtpUrl: env.SMTP_URL || undefined,
      smtpFrom: env.SMTP_FROM || 'no-reply@pos.local',
      smsProviderUrl: env.SMS_PROVIDER_URL || undefined,
      smsProviderToken: env.SMS_PROVIDER_TOKEN || undefined,
      smsSender: env.SMS_SENDER || 'POS',
    },
    exportDir: env.EXPORT_DIR ? path.resolve(env.EXPORT_DIR) : undefined,
  };
}

/** An origin as the URL parser prints it (`https://cdn.example.com`); anything else stops the start. */
function remoteOrigin(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    /* reported below */
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '').toLowerCase()) {
    throw new Error(`REMOTE_ORIGINS: "${value}" is not an http(s) origin such as https://cdn.example.com`);
  }
  return url.origin;
}

/** Where BI export files go: EXPORT_DIR, else `exports/` beside the SQLite file (`data/exports` by default). */
export const exportDirOf = (config: Pick<ApiConfig, 'exportDir' | 'sqlitePath'>): string =>
  config.exportDir ?? path.join(path.dirname(path.resolve(config.sqlitePath)), 'exports');
