import type { Kysely } from 'kysely';
import { grantPermission } from './grant-permission';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * The transactional outbox and integrations (issue 20).
 * - `outbox_messages`: work to deliver outside the database (a webhook to an endpoint, a guest's SMS
 *   or email), written in the same transaction as the change it tells of, so a change is never told
 *   without being made nor made without being told. A dispatcher claims due messages
 *   (`pending` → `sending` with a lease), delivers them, and either marks them `delivered` or
 *   schedules the next attempt; after the last attempt (24 h and more) a message is `dead` until an
 *   admin sends it again.
 * - `outbox_attempts`: the delivery log, one row per attempt (status code, error, duration).
 * - `integrations`: a delivery partner (aggregator) of a venue, with the Standard Webhooks secret its
 *   incoming webhooks are signed with, and the previous secret while a rotation runs.
 * - `webhook_endpoints`: where order changes are sent, which event types, signed with its own secret.
 * - `inbound_webhooks`: the ids of incoming webhooks already taken (a replay is answered as a no-op);
 *   kept 48 h, beyond the signature's 5-minute tolerance.
 * - `orders`: `source` ('pos' | 'delivery'), the partner and its order id, the partner's last status,
 *   and the delivery details (guest, phone, address, pickup time) as JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox_messages').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_venue_idx').on('outbox_messages').columns(['venue_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('outbox_target_idx').on('outbox_messages').columns(['target_id', 'created_at']).execute();

  await db.schema
    .createTable('outbox_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbox_messages.id'))
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_attempts_message_idx').on('outbox_attempts').columns(['message_id', 'attempt']).execute();

  await db.schema
    .createTable('integrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('integrations_venue_idx').on('integrations').column('venue_id').execute();

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_endpoints_venue_idx').on('webhook_endpoints').column('venue_id').execute();

  await db.schema
    .createTable('inbound_webhooks')
    .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inbound_webhooks_pk', ['integration_id', 'webhook_id'])
    .execute();
  await db.schema.createIndex('inbound_webhooks_received_idx').on('inbound_webhooks').column('received_at').execute();

  await db.schema.alterTable('orders').addColumn('source', 'text', (c) => c.notNull().defaultTo('pos')).execute();
  await db.schema.alterTable('orders').addColumn('integration_id', 'text').execute();
  await db.schema.alterTable('orders').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('orders').addColumn('external_status', 'text').execute();
  await db.schema.alterTable('orders').addColumn('delivery', 'text').execute();
  await db.schema.createIndex('orders_external_idx').unique().on('orders').columns(['integration_id', 'external_id']).execute();

  await grantPermission(db, ['supervisor', 'admin'], 'notifications.send');
  await grantPermission(db, ['admin'], 'admin.integrations');
  await grantPermission(db, ['admin'], 'admin.analytics');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_external_idx').ifExists().execute();
  for (const column of ['delivery', 'external_status', 'external_id', 'integration_id', 'source']) {
    await db.schema.alterTable('orders').dropColumn(column).execute();
  }
  for (const table of ['inbound_webhooks', 'webhook_endpoints', 'integrations', 'outbox_attempts', 'outbox_messages']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
