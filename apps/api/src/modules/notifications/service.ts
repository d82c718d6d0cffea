import type { Customer, Notification, NotificationChannel, NotificationLanguage, NotificationList, NotificationListQuery, NotificationStatus, NotificationTemplate, SendNotificationInput } from '@pos/contracts';
import type { NotificationsTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, type Outcome, outcome } from '../../shared/command';
import { conflict, DomainError, invalid, notFound, unprocessable } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AuthService } from '../auth/service';
import type { CustomersService } from '../customers/service';
import type { Outbox } from '../outbox/service';
import { maskAddress } from './mask';
import * as repo from './repository';
import { render } from './templates';

/** The outbox kind whose handler delivers a notification (`NotificationDelivery`). */
export const NOTIFICATION_KIND = 'notification';

const DEFAULT_PAGE = 50;

export const toNotification = (row: NotificationsTable): Notification => ({
  id: row.id,
  channel: row.channel as NotificationChannel,
  template: row.template as NotificationTemplate,
  language: row.language as NotificationLanguage,
  to: maskAddress(row.channel, row.recipient),
  status: row.status as NotificationStatus,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  customerId: row.customer_id,
});

/**
 * Guest notifications (issue 20, point 3): a template rendered in the guest's language, to a guest
 * profile (only on a channel the guest consented to) or to an address staff typed, written with its
 * outbox message in the command's one transaction, so a notification exists exactly when it will
 * be delivered — and a replayed command (its idempotency key) neither writes nor sends it twice.
 * Delivery, retries and the status are `NotificationDelivery`'s (the outbox's handler).
 */
export class NotificationsService {
  constructor(
    private readonly auth: AuthService,
    private readonly customers: CustomersService,
    private readonly outbox: Outbox,
  ) {}

  async send(db: Db, actor: Actor, input: SendNotificationInput): Promise<Outcome<Notification>> {
    const venue = await this.auth.venue(db, actor.venueId);
    const { address, customerId } = await this.recipient(db, actor, input);
    const language: NotificationLanguage = input.language ?? (venue.locale.toLowerCase().startsWith('en') ? 'en' : 'ru');
    const rendered = render(input.template, input.channel, language, input.variables, venue.name);
    const id = newId();
    // The message first: the notification row points at it.
    const message = await this.outbox.enqueue(db, { venueId: actor.venueId, kind: NOTIFICATION_KIND, targetId: id, eventType: `notification.${input.channel}`, payload: { notificationId: id } });
    const now = nowIso();
    const row: NotificationsTable = {
      id,
      venue_id: actor.venueId,
      customer_id: customerId,
      channel: input.channel,
      template: input.template,
      language,
      recipient: address,
      subject: rendered.subject,
      body: rendered.body,
      status: 'queued',
      attempts: 0,
      last_error: null,
      outbox_message_id: message.id,
      created_by: actor.staffId,
      created_at: now,
      updated_at: now,
      sent_at: null,
    };
    await repo.insertNotification(db, row);
    return outcome(toNotification(row));
  }

  /**
   * Where the message goes. A guest profile gives its phone or email, and only with the guest's
   * consent for that channel. A typed phone that belongs to a guest of the venue is that guest's:
   * their consent applies too, so it cannot be bypassed by typing the number.
   */
  private async recipient(db: Db, actor: Actor, input: SendNotificationInput): Promise<{ address: string; customerId: string | null }> {
    const { recipient, channel } = input;
    if ('email' in recipient) return { address: recipient.email, customerId: null };
    let guest: Customer | null;
    if ('customerId' in recipient) {
      guest = await this.customers.get(db, actor.venueId, recipient.customerId);
    } else {
      guest = await this.guestByPhone(db, actor, recipient.phone);
      if (!guest) return { address: recipient.phone, customerId: null };
    }
    if (!guest.consent[channel].given) {
      throw conflict('notification.no_consent', `The guest has not consented to messages by ${channel}`, { channel, customerId: guest.id });
    }
    const address = channel === 'sms' ? guest.phone : guest.email;
    if (!address) throw unprocessable('notification.no_address', `The guest has no ${channel === 'sms' ? 'phone number' : 'email address'}`, { channel, customerId: guest.id });
    return { address, customerId: guest.id };
  }

  private async guestByPhone(db: Db, actor: Actor, phone: string): Promise<Customer | null> {
    try {
      return (await this.customers.lookup(db, actor, { phone })).customer;
    } catch (error) {
      if (error instanceof DomainError && error.status === 404) return null;
      throw error;
    }
  }

  async get(db: Db, venueId: string, id: string): Promise<Notification> {
    const row = await repo.findNotification(db, venueId, id);
    if (!row) throw notFound('notification', id);
    return toNotification(row);
  }

  async list(db: Db, venueId: string, query: NotificationListQuery): Promise<NotificationList> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const after = query.after ? await repo.findNotification(db, venueId, query.after) : undefined;
    if (query.after && !after) throw invalid('query.after', 'No such notification to continue after');
    const rows = await repo.listNotifications(db, venueId, query.status, limit + 1, after);
    const page = rows.slice(0, limit);
    return { notifications: page.map(toNotification), next: rows.length > limit ? page[limit - 1].id : null };
  }

  /**
   * Sends a dead notification again (its outbox message queued anew, attempts from zero). One still
   * queued or being retried is refused: sending it twice at once would reach the guest twice.
   */
  async resend(db: Db, actor: Actor, id: string): Promise<Outcome<Notification>> {
    const row = await repo.findNotification(db, actor.venueId, id);
    if (!row) throw notFound('notification', id);
    if (row.status !== 'dead') {
      throw conflict('notification.not_dead', row.status === 'sent' ? 'The notification was already sent' : 'The notification is still being delivered; it can be sent again once dead', { notificationStatus: row.status });
    }
    await this.outbox.redeliver(db, actor.venueId, row.outbox_message_id);
    const patch = { status: 'queued', attempts: 0, updated_at: nowIso() };
    await repo.updateNotification(db, id, patch);
    return outcome(toNotification({ ...row, ...patch }));
  }
}
