import type { Db } from '../../shared/command';
import type { InboundWebhooksTable, IntegrationsTable, WebhookEndpointsTable } from '../../db/schema';

export const listIntegrations = (db: Db, venueId: string) => db.selectFrom('integrations').selectAll().where('venue_id', '=', venueId).orderBy('created_at').execute();

/** A partner by id, in any venue: the inbound routes learn the venue from it. */
export const integrationById = (db: Db, id: string) => db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();

export const venueIntegration = (db: Db, venueId: string, id: string) => db.selectFrom('integrations').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

export const insertIntegration = (db: Db, row: IntegrationsTable) => db.insertInto('integrations').values(row).execute();

/** Writes a patch only at the version the caller saw; true when it did. */
export async function updateIntegration(db: Db, venueId: string, id: string, version: number, patch: Partial<IntegrationsTable>): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set({ ...patch, version: version + 1 })
    .where('venue_id', '=', venueId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const listEndpoints = (db: Db, venueId: string) => db.selectFrom('webhook_endpoints').selectAll().where('venue_id', '=', venueId).orderBy('created_at').execute();

export const venueEndpoint = (db: Db, venueId: string, id: string) => db.selectFrom('webhook_endpoints').selectAll().where('venue_id', '=', venueId).where('id', '=', id).executeTakeFirst();

export const endpointById = (db: Db, id: string) => db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();

/** The venue's enabled endpoints (what an order change is checked against). */
export const enabledEndpoints = (db: Db, venueId: string) =>
  db.selectFrom('webhook_endpoints').select(['id', 'events']).where('venue_id', '=', venueId).where('enabled', '=', 1).execute();

export const insertEndpoint = (db: Db, row: WebhookEndpointsTable) => db.insertInto('webhook_endpoints').values(row).execute();

export async function updateEndpoint(db: Db, venueId: string, id: string, version: number, patch: Partial<WebhookEndpointsTable>): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set({ ...patch, version: version + 1 })
    .where('venue_id', '=', venueId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const deleteEndpoint = (db: Db, venueId: string, id: string) => db.deleteFrom('webhook_endpoints').where('venue_id', '=', venueId).where('id', '=', id).execute();

/** Counts of an endpoint's messages still waiting and dead, per endpoint. */
export const endpointBacklog = (db: Db, venueId: string) =>
  db
    .selectFrom('outbox_messages')
    .select(['target_id', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('venue_id', '=', venueId)
    .where('kind', '=', 'webhook')
    .where('status', 'in', ['pending', 'sending', 'dead'])
    .groupBy(['target_id', 'status'])
    .execute();

/** Messages to a deleted endpoint can never go out: they are dead with the reason. */
export const killEndpointMessages = (db: Db, venueId: string, endpointId: string, now: string) =>
  db
    .updateTable('outbox_messages')
    .set({ status: 'dead', last_error: 'endpoint deleted', locked_until: null, updated_at: now })
    .where('venue_id', '=', venueId)
    .where('target_id', '=', endpointId)
    .where('status', 'in', ['pending', 'sending'])
    .execute();

/**
 * Takes an incoming webhook id for a partner: true the first time, false for a replay (the
 * primary key refuses it, so two deliveries racing each other take it once).
 */
export async function takeWebhookId(db: Db, row: InboundWebhooksTable): Promise<boolean> {
  const result = await db.insertInto('inbound_webhooks').values(row).onConflict((oc) => oc.columns(['integration_id', 'webhook_id']).doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Webhook ids older than this are forgotten (a replay that old is refused by its timestamp anyway). */
export const forgetWebhookIds = (db: Db, before: string) => db.deleteFrom('inbound_webhooks').where('received_at', '<', before).execute();

export const orderByExternalId = (db: Db, integrationId: string, externalId: string) =>
  db.selectFrom('orders').select(['id', 'venue_id', 'number', 'external_status']).where('integration_id', '=', integrationId).where('external_id', '=', externalId).executeTakeFirst();

export const orderExternal = (db: Db, orderId: string) =>
  db.selectFrom('orders').select(['id', 'venue_id', 'number', 'status', 'integration_id', 'external_id', 'external_status', 'version']).where('id', '=', orderId).executeTakeFirst();
