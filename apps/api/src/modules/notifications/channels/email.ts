import nodemailer from 'nodemailer';
import type { DeliveryResult } from '../../outbox/service';
import { type Channel, type OutgoingMessage, SEND_TIMEOUT_MS } from './channel';

/**
 * Email over SMTP (nodemailer), plain UTF-8 text. A 5xx answer of the server (no such mailbox,
 * refused sender) is permanent; a 4xx (greylisting, a full queue) and failures without an answer
 * (connection refused, timeout) are retried.
 */
export class EmailChannel implements Channel {
  private readonly transport: nodemailer.Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
    } as nodemailer.TransportOptions);
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    try {
      const info = await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject ?? '', text: message.body, textEncoding: 'base64' });
      if (info.rejected.length > 0) return { ok: false, permanent: true, error: `Recipient rejected: ${String(info.response ?? '')}` };
      return { ok: true };
    } catch (error) {
      const err = error as Error & { code?: string; responseCode?: number; response?: string };
      const code = err.responseCode;
      // Without an SMTP answer (connection refused, timeout, DNS) the server may be back later.
      const permanent = code !== undefined && code >= 500 && code < 600;
      return { ok: false, permanent, statusCode: code, error: `SMTP: ${err.response ?? err.message}` };
    }
  }
}
