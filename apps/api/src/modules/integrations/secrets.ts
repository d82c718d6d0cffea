import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

/**
 * Standard Webhooks signing, in and out, through the spec's own library (`standardwebhooks`): the
 * signature is HMAC-SHA256 over `id.timestamp.body`, the timestamp must be within 5 minutes of now
 * (the library's tolerance, in either direction), and a header may carry several signatures so a
 * secret can be rotated without dropping a message.
 */

/** A fresh secret: `whsec_` and 32 random bytes in base64. */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The secrets that hold now: the current one, and the one it replaced until its grace ends. */
export function liveSecrets(row: { secret: string; previous_secret: string | null; previous_secret_until: string | null }, now: string): string[] {
  return row.previous_secret && row.previous_secret_until && row.previous_secret_until > now ? [row.secret, row.previous_secret] : [row.secret];
}

export type Verified = { ok: true; id: string } | { ok: false; reason: 'missing_headers' | 'stale' | 'future' | 'signature' };

/** Checks an incoming webhook's raw body against any of `secrets`. */
export function verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>, secrets: readonly string[]): Verified {
  const flat: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const value = headers[name];
    if (typeof value === 'string') flat[name] = value;
  }
  if (!flat['webhook-id'] || !flat['webhook-timestamp'] || !flat['webhook-signature']) return { ok: false, reason: 'missing_headers' };
  let last: Verified = { ok: false, reason: 'signature' };
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(rawBody, flat, { jsonParse: false });
      return { ok: true, id: flat['webhook-id'] };
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      // The timestamp is the same whatever the secret: no point trying the next one.
      if (error.message.includes('too old')) return { ok: false, reason: 'stale' };
      if (error.message.includes('too new')) return { ok: false, reason: 'future' };
      if (error.message.includes('Invalid Signature Headers')) return { ok: false, reason: 'missing_headers' };
      last = { ok: false, reason: 'signature' };
    }
  }
  return last;
}

/** The three headers of an outgoing webhook, signed with every live secret (the newest first). */
export function signWebhook(id: string, at: Date, body: string, secrets: readonly string[]): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(id, at, body)).join(' '),
  };
}
