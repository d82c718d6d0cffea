import type { DeliveryResult } from '../../outbox/service';

/** One message to one address, as rendered when it was queued. */
export interface OutgoingMessage {
  to: string;
  /** Email only. */
  subject: string | null;
  body: string;
}

/**
 * A way to reach a guest. `send` never throws: it answers the outbox's `DeliveryResult`, marking a
 * refusal that trying again cannot fix as `permanent` (the notification is dead at once).
 */
export interface Channel {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

/** How long one attempt may take: well inside the outbox's 60 s lease, so a slow provider is never sent to twice. */
export const SEND_TIMEOUT_MS = 15_000;

/** A channel without its settings: refuses every message for good rather than pretending to send. */
export const notConfigured = (what: string): Channel => ({
  send: async () => ({ ok: false, permanent: true, error: `${what} channel not configured` }),
});
