import type { DeliveryResult } from '../../outbox/service';
import { type Channel, type OutgoingMessage, SEND_TIMEOUT_MS } from './channel';

/**
 * SMS through an HTTP provider: POST JSON `{ to, text, sender }` with a Bearer token. A 2xx answer
 * means the provider took the message; a 4xx refuses it for good (a bad number, a bad token), except
 * 408 and 429 (slow down, try later); a 5xx or a network failure is retried.
 */
export class SmsChannel implements Channel {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
  ) {}

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ to: message.to, text: message.body, sender: this.sender }),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: `SMS provider unreachable: ${cause ?? (error instanceof Error ? error.message : String(error))}` };
    }
    const status = response.status;
    // The answer is read (and bounded) only for the error message.
    const text = (await response.text().catch(() => '')).slice(0, 300);
    if (status >= 200 && status < 300) return { ok: true, statusCode: status };
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    return { ok: false, permanent, statusCode: status, error: `SMS provider answered ${status}${text ? `: ${text}` : ''}` };
  }
}
