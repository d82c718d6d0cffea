import type { OutboxMessagesTable } from '../../db/schema';
import type { Db } from '../../shared/command';
import { nowIso } from '../../shared/clock';
import { type DeliveryResult, MAX_ATTEMPTS } from '../outbox/service';
import type { Channels } from './channels';
import { scrubAddress } from './mask';
import * as repo from './repository';

/**
 * The outbox's handler of kind 'notification': sends a notification through its channel and keeps
 * its status in step with the outbox message — `sent`, `failed` (another attempt is scheduled) or
 * `dead` (a permanent refusal, or the last attempt), the same decision the outbox makes from the
 * answer returned. Errors are stored with the guest's address masked.
 */
export class NotificationDelivery {
  constructor(private readonly channels: Channels) {}

  async deliver(db: Db, message: OutboxMessagesTable): Promise<DeliveryResult> {
    const row = message.target_id ? await repo.notificationById(db, message.target_id) : undefined;
    if (!row || row.venue_id !== message.venue_id) return { ok: false, permanent: true, error: 'The notification no longer exists' };
    let result: DeliveryResult;
    try {
      result = await this.channels[row.channel as keyof Channels].send({ to: row.recipient, subject: row.subject, body: row.body });
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!result.ok) result = { ...result, error: scrubAddress(result.error, row.channel, row.recipient).slice(0, 1000) };
    const attempts = message.attempts + 1;
    const now = nowIso();
    const status = result.ok ? 'sent' : result.permanent || attempts >= MAX_ATTEMPTS ? 'dead' : 'failed';
    await repo.updateNotification(db, row.id, { status, attempts, last_error: result.ok ? null : result.error, sent_at: result.ok ? now : null, updated_at: now });
    return result;
  }
}
