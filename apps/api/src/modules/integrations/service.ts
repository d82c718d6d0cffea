import {
  type CreateIntegrationInput,
  type CreateWebhookEndpointInput,
  type DeliveriesPage,
  type DeliveriesQuery,
  type Delivery,
  type DeliveryDetail,
  type DeliveryOrderInput,
  EXTERNAL_STATUSES,
  type ExternalStatus,
  type ExternalStatusInput,
  type InboundResult,
  type Integration,
  type RotateSecretInput,
  TICKET_STATUSES,
  type TicketStatus,
  type UpdateIntegrationInput,
  type UpdateWebhookEndpointInput,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpoint,
  type WebhookEventType,
} from '@pos/contracts';
import type { Kysely } from 'kysely';
import type { Database, IntegrationsTable, OutboxMessagesTable, WebhookEndpointsTable } from '../../db/schema';
import { addMs, clock, nowIso } from '../../shared/clock';
import { type Actor, type Db, type OutboundEvent, type Outcome, outcome } from '../../shared/command';
import { conflict, DomainError, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { VenueCache, VenueCaches } from '../../shared/venue-cache';
import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import type { KitchenService } from '../kitchen/service';
import type { MenuService } from '../menu/service';
import type { Orders } from '../orders';
import type { DeliveryResult, Outbox } from '../outbox/service';
import * as repo from './repository';
import { liveSecrets, newSecret, signWebhook, verifyWebhook } from './secrets';

/** Incoming webhook ids are kept this long (the issue asks for 24 h at least); replays older than 5 minutes fail on their timestamp anyway. */
export const WEBHOOK_ID_RETENTION_MS = 48 * 3_600_000;
/** An endpoint that does not answer in this long has failed the attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * How long an instance keeps a venue's subscriptions at most: a change is heard at once from any
 * instance; this only bounds the damage of a message lost while Redis was away.
 */
const SUBSCRIPTIONS_TTL_MS = 60_000;

/** An enabled endpoint as `record` matches events against it. */
interface Subscription {
  id: string;
  events: WebhookEventType[];
}

/** The order of a delivery's statuses: a status lower than the one held arrived late and changes nothing. */
const RANK: Record<ExternalStatus, number> = { accepted: 0, cooking: 1, ready_for_pickup: 2, picked_up: 3, delivered: 4, cancelled: 5 };

/** Where a partner's status moves the order's kitchen tickets (null: the tickets stay as they are). */
const TICKETS_TO: Record<ExternalStatus, TicketStatus | null> = { accepted: null, cooking: 'cooking', ready_for_pickup: 'ready', picked_up: 'served', delivered: 'served', cancelled: null };

/** What a partner's verified actor may do: take and fire its orders, void them when cancelled, move their tickets. */
const PARTNER_PERMISSIONS = new Set(['orders.view', 'orders.create', 'orders.edit', 'orders.fire', 'orders.void', 'kitchen.view', 'kitchen.bump']);

const unauthorized = (code: string, message: string) => new DomainError(401, code, message);

type SecretColumns = { secret: string; previous_secret: string | null; previous_secret_until: string | null };

/** Until when the replaced secret is still accepted, or null when there is none (or its grace ran out). */
const graceUntil = (row: SecretColumns) => (row.previous_secret && row.previous_secret_until && row.previous_secret_until > nowIso() ? row.previous_secret_until : null);

/** A rotation: a fresh secret, the current one kept for `graceHours`. */
function rotated(row: SecretColumns, graceHours: number) {
  const now = nowIso();
  return { secret: newSecret(), previous_secret: row.secret, previous_secret_until: addMs(now, graceHours * 3_600_000), updated_at: now };
}

const toIntegration = (row: IntegrationsTable): Integration => ({
  id: row.id,
  name: row.name,
  enabled: row.enabled === 1,
  secret: row.secret,
  previousSecretUntil: graceUntil(row),
  ordersUrl: `/integrations/${row.id}/orders`,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDelivery = (m: OutboxMessagesTable): Delivery => ({
  id: m.id,
  kind: m.kind,
  targetId: m.target_id,
  eventId: m.event_id,
  eventType: m.event_type,
  status: m.status as Delivery['status'],
  attempts: m.attempts,
  nextAttemptAt: m.status === 'pending' ? m.next_attempt_at : null,
  lastStatusCode: m.last_status_code,
  lastError: m.last_error,
  createdAt: m.created_at,
  deliveredAt: m.delivered_at,
});

/** The raw request an inbound webhook is verified on. */
export interface SignedRequest {
  rawBody: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Delivery partners and webhook endpoints (issue 20).
 *
 * In: a partner's new orders (`/integrations/{id}/orders`) and status changes
 * (`/pos/orders/{id}/external-status`) are verified against the partner's secrets (the current one
 * and, during a rotation, the one it replaced) with the Standard Webhooks library; the webhook id is
 * taken in the same transaction as the change, so a replay — or the same delivery twice at once —
 * is answered as a no-op. Nothing is written for a request that fails verification or validation.
 *
 * Out: every command's order and ticket events are turned into outbox messages for the venue's
 * subscribed endpoints in the command's own transaction (`record`, called by the commands
 * plugin); the outbox delivers them signed with the endpoint's live secrets.
 */
export class IntegrationsService {
  /** The venue's enabled endpoints and what each subscribes to: `record` runs in every order command. */
  private readonly subscriptions: VenueCache<Subscription[]>;

  constructor(
    private readonly auth: AuthService,
    private readonly admin: AdminService,
    private readonly menu: MenuService,
    private readonly orders: Orders,
    private readonly kitchen: KitchenService,
    private readonly outbox: Outbox,
    caches: VenueCaches,
  ) {
    this.subscriptions = caches.create<Subscription[]>('webhook-subscriptions', SUBSCRIPTIONS_TTL_MS);
  }

  // --- partners (Admin) -----------------------------------------------------------------------

  async integrations(db: Db, venueId: string): Promise<Integration[]> {
    return (await repo.listIntegrations(db, venueId)).map(toIntegration);
  }

  async createIntegration(db: Db, actor: Actor, input: CreateIntegrationInput) {
    const now = nowIso();
    const row: IntegrationsTable = {
      id: newId(),
      venue_id: actor.venueId,
      name: input.name,
      staff_id: await this.auth.createSystemStaff(db, actor.venueId, input.name),
      enabled: input.enabled ? 1 : 0,
      secret: newSecret(),
      previous_secret: null,
      previous_secret_until: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertIntegration(db, row);
    await this.admin.audit(db, actor, 'integration.created', 'integration', row.id, { name: row.name });
    return outcome(toIntegration(row));
  }

  async updateIntegration(db: Db, actor: Actor, id: string, input: UpdateIntegrationInput) {
    const row = await this.requireIntegration(db, actor.venueId, id);
    const patch: Partial<IntegrationsTable> = { updated_at: nowIso() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.enabled !== undefined) patch.enabled = input.enabled ? 1 : 0;
    if (!(await repo.updateIntegration(db, actor.venueId, id, input.version, patch))) throw versionConflict('integration', row.version);
    if (input.name !== undefined && input.name !== row.name) await this.auth.renameSystemStaff(db, actor.venueId, row.staff_id, input.name);
    await this.admin.audit(db, actor, 'integration.changed', 'integration', id, { name: input.name, enabled: input.enabled });
    return outcome(toIntegration(await this.requireIntegration(db, actor.venueId, id)));
  }

  async rotateIntegrationSecret(db: Db, actor: Actor, id: string, input: RotateSecretInput) {
    const row = await this.requireIntegration(db, actor.venueId, id);
    if (!(await repo.updateIntegration(db, actor.venueId, id, input.version, rotated(row, input.graceHours)))) throw versionConflict('integration', row.version);
    await this.admin.audit(db, actor, 'integration.secret_rotated', 'integration', id, { graceHours: input.graceHours });
    return outcome(toIntegration(await this.requireIntegration(db, actor.venueId, id)));
  }

  private async requireIntegration(db: Db, venueId: string, id: string): Promise<IntegrationsTable> {
    const row = await repo.venueIntegration(db, venueId, id);
    if (!row) throw notFound('integration', id);
    return row;
  }

  // --- inbound ------------------------------------------------------------------------------

  /**
   * Who an incoming webhook comes from: the partner, verified by the signature over the raw body.
   * 401 for a missing or wrong signature and for a timestamp outside the 5 minutes; a partner that
   * is switched off is refused the same way (404 would tell the id exists).
   */
  verifiedPartner(row: IntegrationsTable | undefined, request: SignedRequest): IntegrationsTable {
    if (!row || row.enabled !== 1) throw unauthorized('webhook.signature_invalid', 'The webhook signature does not match');
    const verified = verifyWebhook(request.rawBody, request.headers, liveSecrets(row, nowIso()));
    if (!verified.ok) {
      if (verified.reason === 'stale' || verified.reason === 'future') {
        throw unauthorized('webhook.timestamp_out_of_tolerance', 'The webhook timestamp is more than 5 minutes from now');
      }
      if (verified.reason === 'missing_headers') throw unauthorized('webhook.headers_missing', 'webhook-id, webhook-timestamp and webhook-signature are required');
      throw unauthorized('webhook.signature_invalid', 'The webhook signature does not match');
    }
    return row;
  }

  /** The partner a webhook names in its path (read before the transaction: verification needs no lock). */
  partner(db: Db, integrationId: string) {
    return repo.integrationById(db, integrationId);
  }

  /** The partner of a delivery order (for its status webhooks); undefined when the order is not a partner's. */
  async partnerOfOrder(db: Db, orderId: string) {
    const order = await repo.orderExternal(db, orderId);
    return order?.integration_id ? repo.integrationById(db, order.integration_id) : undefined;
  }

  private partnerActor(row: IntegrationsTable): Actor {
    return { staffId: row.staff_id, staffName: row.name, role: 'integration', venueId: row.venue_id, sessionId: `integration:${row.id}`, deviceId: null, permissions: PARTNER_PERMISSIONS };
  }

  /** Takes the webhook id; false for a replay. */
  private takeWebhook(db: Db, row: IntegrationsTable, webhookId: string, kind: string) {
    return repo.takeWebhookId(db, { integration_id: row.id, webhook_id: webhookId.slice(0, 200), venue_id: row.venue_id, kind, received_at: nowIso() });
  }

  /**
   * A partner's new delivery order: taken in the partner's name and fired to the kitchen at once.
   * The same webhook id again, or the same partner order id in another webhook, answers the order
   * already taken (`duplicate`) and changes nothing.
   */
  async receiveOrder(db: Db, row: IntegrationsTable, webhookId: string, input: DeliveryOrderInput) {
    const fresh = await this.takeWebhook(db, row, webhookId, 'order');
    const existing = await repo.orderByExternalId(db, row.id, input.externalId);
    if (existing || !fresh) {
      if (!existing) throw conflict('webhook.replayed', 'This webhook was taken before');
      return outcome<InboundResult>({ orderId: existing.id, orderNumber: existing.number, externalStatus: (existing.external_status as ExternalStatus | null) ?? null, duplicate: true });
    }
    const actor = this.partnerActor(row);
    const codes = await this.menu.productIdsByCode(db, row.venue_id, input.items.flatMap((i) => (i.code ? [i.code] : [])));
    const items = input.items.map((item, i) => {
      const productId = item.productId ?? codes.get(item.code ?? '');
      if (!productId) throw invalid(`body.items.${i}.code`, `No dish with code ${item.code} on this menu`);
      return { productId, quantity: item.quantity, ...(item.note ? { note: item.note } : {}) };
    });
    const events: OutboundEvent[] = [];
    const created = await this.orders.taking.create(db, actor, { items, guests: 1, ...(input.note ? { note: input.note } : {}) });
    events.push(...created.events);
    const details = { partnerName: row.name, customerName: input.customer.name, phone: input.customer.phone ?? null, address: input.address ?? null, pickupAt: input.pickupAt ? new Date(input.pickupAt).toISOString() : null };
    events.push(...(await this.orders.hooks.markDelivery(db, row.venue_id, created.value.id, { integrationId: row.id, externalId: input.externalId, details })).events);
    events.push(...(await this.orders.firing.send(db, actor, created.value.id, {})).events);
    events.push(...(await this.orders.hooks.setExternalStatus(db, row.venue_id, created.value.id, 'accepted')).events);
    return outcome<InboundResult>({ orderId: created.value.id, orderNumber: created.value.number, externalStatus: 'accepted', duplicate: false }, events);
  }

  /**
   * A partner's status of its order. Statuses only move forward (a late "cooking" after "ready for
   * pickup" changes nothing); cooking / ready for pickup / picked up move the kitchen tickets along;
   * cancelled voids what is left of an unpaid order (the kitchen is told at the next firing).
   */
  async receiveStatus(db: Db, row: IntegrationsTable, webhookId: string, orderId: string, input: ExternalStatusInput) {
    const order = await repo.orderExternal(db, orderId);
    if (!order || order.integration_id !== row.id) throw notFound('order', orderId);
    const answer = (status: string | null, duplicate: boolean) => ({ orderId, orderNumber: order.number, externalStatus: (status as ExternalStatus | null) ?? null, duplicate });
    if (!(await this.takeWebhook(db, row, webhookId, 'status'))) return outcome<InboundResult>(answer(order.external_status ?? null, true));
    const held = (order.external_status ?? null) as ExternalStatus | null;
    if (held === 'cancelled' || (held && RANK[input.status] <= RANK[held])) {
      if (held === 'cancelled' && input.status !== 'cancelled') throw conflict('delivery.cancelled', 'The partner cancelled this order before');
      return outcome<InboundResult>(answer(held, false));
    }
    if (input.status === 'cancelled' && held && RANK[held] >= RANK.picked_up) throw conflict('delivery.already_picked_up', 'The courier has the order; it cannot be cancelled now');
    const actor = this.partnerActor(row);
    const events: OutboundEvent[] = [];
    const to = TICKETS_TO[input.status];
    if (to) events.push(...(await this.moveTickets(db, actor, orderId, to)));
    if (input.status === 'cancelled') {
      const current = await this.orders.reads.get(db, row.venue_id, orderId);
      if (current.paid > 0) throw conflict('order.has_payments', 'Money was taken on this order: refund it at the till first');
      for (const line of current.lines) {
        const standing = line.quantity - line.voidedQuantity;
        if (standing <= 0 || line.comboLineId) continue;
        const version = (await this.orders.reads.get(db, row.venue_id, orderId)).version;
        const voided = await this.orders.lines.voidLine(db, actor, orderId, line.id, { version, quantity: standing, reason: `${row.name}: ${input.reason ?? 'cancelled'}`.slice(0, 200) });
        events.push(...voided.events);
      }
      if (current.lines.some((l) => l.firedQuantity > 0)) events.push(...(await this.orders.firing.send(db, actor, orderId, {})).events);
    }
    events.push(...(await this.orders.hooks.setExternalStatus(db, row.venue_id, orderId, input.status, input.status === 'cancelled')).events);
    await this.admin.audit(db, actor, 'delivery.status', 'order', orderId, { status: input.status, reason: input.reason });
    return outcome<InboundResult>(answer(input.status, false), events);
  }

  /** Moves each of the order's tickets forward to `to` (through the statuses between, as a cook would). */
  private async moveTickets(db: Db, actor: Actor, orderId: string, to: TicketStatus): Promise<OutboundEvent[]> {
    const events: OutboundEvent[] = [];
    for (const ticket of await this.kitchen.tickets(db, actor.venueId, { orderId })) {
      for (let i = TICKET_STATUSES.indexOf(ticket.status) + 1; i <= TICKET_STATUSES.indexOf(to); i++) {
        const moved = await this.kitchen.setStatus(db, actor, ticket.id, { status: TICKET_STATUSES[i] });
        events.push(...moved.events);
      }
    }
    return events;
  }

  // --- webhook endpoints (Admin) ------------------------------------------------------------

  async endpoints(db: Db, venueId: string): Promise<WebhookEndpoint[]> {
    const [rows, backlog] = await Promise.all([repo.listEndpoints(db, venueId), repo.endpointBacklog(db, venueId)]);
    const count = (id: string, statuses: string[]) => backlog.filter((b) => b.target_id === id && statuses.includes(b.status)).reduce((s, b) => s + Number(b.n), 0);
    return rows.map((r) => this.toEndpoint(r, count(r.id, ['pending', 'sending']), count(r.id, ['dead'])));
  }

  private toEndpoint(row: WebhookEndpointsTable, pending = 0, dead = 0): WebhookEndpoint {
    return {
      id: row.id,
      url: row.url,
      description: row.description,
      events: parseJson<WebhookEventType[]>(row.events, []),
      enabled: row.enabled === 1,
      secret: row.secret,
      previousSecretUntil: graceUntil(row),
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      pending,
      dead,
    };
  }

  private async endpoint(db: Db, venueId: string, id: string): Promise<WebhookEndpoint> {
    return (await this.endpoints(db, venueId)).find((e) => e.id === id) ?? (() => {
      throw notFound('webhook_endpoint', id);
    })();
  }

  private async requireEndpoint(db: Db, venueId: string, id: string): Promise<WebhookEndpointsTable> {
    const row = await repo.venueEndpoint(db, venueId, id);
    if (!row) throw notFound('webhook_endpoint', id);
    return row;
  }

  async createEndpoint(db: Db, actor: Actor, input: CreateWebhookEndpointInput) {
    const now = nowIso();
    const row: WebhookEndpointsTable = {
      id: newId(),
      venue_id: actor.venueId,
      url: input.url,
      description: input.description,
      events: JSON.stringify(input.events),
      enabled: input.enabled ? 1 : 0,
      secret: newSecret(),
      previous_secret: null,
      previous_secret_until: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertEndpoint(db, row);
    await this.admin.audit(db, actor, 'webhook_endpoint.created', 'webhook_endpoint', row.id, { url: row.url, events: input.events });
    return this.endpointsChanged(actor.venueId, outcome(this.toEndpoint(row)));
  }

  async updateEndpoint(db: Db, actor: Actor, id: string, input: UpdateWebhookEndpointInput) {
    const row = await this.requireEndpoint(db, actor.venueId, id);
    const patch: Partial<WebhookEndpointsTable> = { updated_at: nowIso() };
    if (input.url !== undefined) patch.url = input.url;
    if (input.description !== undefined) patch.description = input.description;
    if (input.events !== undefined) patch.events = JSON.stringify(input.events);
    if (input.enabled !== undefined) patch.enabled = input.enabled ? 1 : 0;
    if (!(await repo.updateEndpoint(db, actor.venueId, id, input.version, patch))) throw versionConflict('webhook_endpoint', row.version);
    await this.admin.audit(db, actor, 'webhook_endpoint.changed', 'webhook_endpoint', id, { url: input.url, events: input.events, enabled: input.enabled });
    return this.endpointsChanged(actor.venueId, outcome(await this.endpoint(db, actor.venueId, id)));
  }

  async rotateEndpointSecret(db: Db, actor: Actor, id: string, input: RotateSecretInput) {
    const row = await this.requireEndpoint(db, actor.venueId, id);
    if (!(await repo.updateEndpoint(db, actor.venueId, id, input.version, rotated(row, input.graceHours)))) throw versionConflict('webhook_endpoint', row.version);
    await this.admin.audit(db, actor, 'webhook_endpoint.secret_rotated', 'webhook_endpoint', id, { graceHours: input.graceHours });
    return outcome(await this.endpoint(db, actor.venueId, id));
  }

  /** Deletes an endpoint; its messages still waiting are dead ("endpoint deleted"), the log stays. */
  async deleteEndpoint(db: Db, actor: Actor, id: string) {
    await this.requireEndpoint(db, actor.venueId, id);
    await repo.killEndpointMessages(db, actor.venueId, id, nowIso());
    await repo.deleteEndpoint(db, actor.venueId, id);
    await this.admin.audit(db, actor, 'webhook_endpoint.deleted', 'webhook_endpoint', id, {});
    return this.endpointsChanged(actor.venueId, outcome({ ok: true as const }));
  }

  /**
   * An endpoint was added, changed or removed: once that commits, the venue's subscriptions are
   * read again here and on every other instance. (Dropped only after the commit: a command reading
   * them before it would keep the old ones.)
   */
  private endpointsChanged<T>(venueId: string, result: Outcome<T>): Outcome<T> {
    return { ...result, afterCommit: () => this.subscriptions.invalidate(venueId) };
  }

  // --- outbound -------------------------------------------------------------------------------

  /**
   * In a command's transaction: its order and ticket events become outbox messages for every
   * enabled endpoint of the venue subscribed to them. Only an order's (or ticket's) last state in
   * the command is sent: a command that touched an order three times tells of it once.
   */
  async record(db: Db, events: readonly OutboundEvent[]): Promise<void> {
    const last = new Map<string, OutboundEvent>();
    for (const e of events) {
      if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e.name)) continue;
      const payload = e.payload as { order?: { id: string }; ticket?: { id: string } };
      last.set(`${e.venueId}|${e.name}|${payload.order?.id ?? payload.ticket?.id ?? ''}`, e);
    }
    if (last.size === 0) return;
    const byVenue = new Map<string, Subscription[]>();
    for (const e of last.values()) {
      if (!byVenue.has(e.venueId)) byVenue.set(e.venueId, await this.subscriptionsOf(db, e.venueId));
      for (const endpoint of byVenue.get(e.venueId) ?? []) {
        if (!endpoint.events.includes(e.name as WebhookEventType)) continue;
        const { venueId: _venueId, ...data } = e.payload as Record<string, unknown>;
        await this.outbox.enqueue(db, { venueId: e.venueId, kind: 'webhook', targetId: endpoint.id, eventType: e.name, payload: data });
      }
    }
  }

  /**
   * The venue's enabled endpoints, kept between commands (see `VenueCache`). Read in the command's
   * transaction: no command that records events writes endpoints, so what it reads is committed.
   */
  private subscriptionsOf(db: Db, venueId: string): Promise<Subscription[]> {
    return this.subscriptions.get(venueId, async () =>
      (await repo.enabledEndpoints(db, venueId)).map((r) => ({ id: r.id, events: parseJson<WebhookEventType[]>(r.events, []) })),
    );
  }

  /**
   * The outbox handler of kind 'webhook': POSTs the message to its endpoint, signed with the
   * endpoint's live secrets. The same `webhook-id` on every attempt; the timestamp is the attempt's.
   * 2xx is delivered; anything else (and no answer within 10 s) is tried again later.
   */
  async deliver(db: Kysely<Database>, message: OutboxMessagesTable): Promise<DeliveryResult> {
    const endpoint = message.target_id ? await repo.endpointById(db, message.target_id) : undefined;
    if (!endpoint) return { ok: false, error: 'endpoint deleted', permanent: true };
    if (endpoint.enabled !== 1) return { ok: false, error: 'endpoint switched off' };
    const at = clock.now();
    const body = JSON.stringify({ type: message.event_type, timestamp: message.created_at, data: JSON.parse(message.payload) });
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'restaurant-pos-webhooks/1', ...signWebhook(message.event_id, at, body, liveSecrets(endpoint, at.toISOString())) },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok ? { ok: true, statusCode: res.status } : { ok: false, statusCode: res.status, error: `HTTP ${res.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: (error as Error).name === 'TimeoutError' ? `no answer in ${WEBHOOK_TIMEOUT_MS / 1000} s` : (cause ?? (error as Error).message) };
    }
  }

  /** Forgets incoming webhook ids older than the retention (the ids tick). */
  forgetOldWebhookIds(db: Db) {
    return repo.forgetWebhookIds(db, addMs(nowIso(), -WEBHOOK_ID_RETENTION_MS));
  }

  // --- the delivery log (Admin) --------------------------------------------------------------

  async deliveries(db: Db, venueId: string, query: DeliveriesQuery): Promise<DeliveriesPage> {
    const limit = query.limit ?? 50;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await this.outbox.list(db, venueId, { kind: query.kind, status: query.status, targetId: query.targetId, before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const lastRow = page.at(-1);
    return { items: page.map(toDelivery), next: rows.length > limit && lastRow ? encodeCursor(lastRow.created_at, lastRow.id) : null };
  }

  async delivery(db: Db, venueId: string, id: string): Promise<DeliveryDetail> {
    const { message, attempts } = await this.outbox.message(db, venueId, id);
    return {
      ...toDelivery(message),
      payload: parseJson<unknown>(message.payload, null),
      log: attempts.map((a) => ({ attempt: a.attempt, at: a.at, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    };
  }

  async redeliver(db: Db, actor: Actor, id: string) {
    const message = await this.outbox.redeliver(db, actor.venueId, id);
    await this.admin.audit(db, actor, 'delivery.redelivered', 'outbox_message', id, { kind: message.kind, eventType: message.event_type });
    return outcome(toDelivery(message));
  }
}

const versionConflict = (what: string, currentVersion: number) => conflict(`${what}.version_conflict`, 'Changed by someone else meanwhile: reload and try again', { currentVersion });

const encodeCursor = (createdAt: string, id: string) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof createdAt === 'string' && typeof id === 'string' && createdAt.length < 40 && id.length < 40) return { createdAt, id };
  } catch {
    /* below */
  }
  throw invalid('querystring.cursor', 'Not a cursor this list gave out');
}

export { EXTERNAL_STATUSES };
