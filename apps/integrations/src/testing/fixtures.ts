import {
  type AnalyticsExport,
  AnalyticsExportSchema,
  type Delivery,
  type DeliveryDetail,
  type Integration,
  IntegrationSchema,
  type Notification,
  NotificationSchema, type Order, type OrderDelivery, type WebhookEndpoint, WebhookEndpointSchema,
} from '@pos/contracts';
import { aLine, anOrder, FIXTURE_TIME, fixtureId } from '@pos/contracts/testing';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@pos/plugin-sdk/testing';
import { integrationsTexts } from '../texts';

/** A Standard Webhooks secret of the right shape (`whsec_` + 32 bytes in base64). */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8EJMA0dj0Aw=';
export const OTHER_SECRET = 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** The delivery side of an order from «Яндекс Еда», accepted, the courier at 12:20. */
export const aDelivery = (over: Partial<OrderDelivery> = {}): OrderDelivery => ({
  integrationId: fixtureId(),
  partnerName: 'Яндекс Еда',
  externalId: 'YE-1001',
  externalStatus: 'accepted',
  customerName: 'Мария',
  phone: '+79990001122',
  address: 'ул. Ленина, 1',
  pickupAt: '2026-01-01T12:20:00.000Z',
  ...over,
});

/** An open delivery order (no table) with two borschts, 900 ₽. */
export const aDeliveryOrder = (over: Partial<Order> = {}, delivery: Partial<OrderDelivery> = {}): Order =>
  anOrder({
    id: fixtureId(),
    number: 41,
    tableId: null,
    tableLabel: null,
    sessionId: null,
    source: 'delivery',
    lines: [aLine({ id: fixtureId(), name: 'Борщ', quantity: 2, firedQuantity: 2, kitchenState: 'fired', lineTotal: 90000 })],
    total: 90000,
    subtotal: 90000,
    due: 90000,
    ...over,
    delivery: aDelivery(delivery),
  });

/** A partner as the server answers it (checked against the contract). */
export const aPartner = (over: Partial<Integration> = {}): Integration => {
  const id = over.id ?? fixtureId();
  return IntegrationSchema.parse({
    id,
    name: 'Яндекс Еда',
    enabled: true,
    secret: SECRET,
    previousSecretUntil: null,
    ordersUrl: `/integrations/${id}/orders`,
    version: 1,
    createdAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    ...over,
  });
};

export const anEndpoint = (over: Partial<WebhookEndpoint> = {}): WebhookEndpoint =>
  WebhookEndpointSchema.parse({
    id: fixtureId(),
    url: 'https://erp.example.com/hooks/pos',
    description: 'ERP',
    events: ['order.updated'],
    enabled: true,
    secret: SECRET,
    previousSecretUntil: null,
    version: 3,
    createdAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    pending: 2,
    dead: 1,
    ...over,
  });

export const aLogEntry = (over: Partial<Delivery> = {}): Delivery => ({
  id: fixtureId(),
  kind: 'webhook',
  targetId: null,
  eventId: 'evt_1',
  eventType: 'order.updated',
  status: 'dead',
  attempts: 12,
  nextAttemptAt: null,
  lastStatusCode: 503,
  lastError: 'Service Unavailable',
  createdAt: FIXTURE_TIME,
  deliveredAt: null,
  ...over,
});

export const aLogDetail = (entry: Delivery, over: Partial<DeliveryDetail> = {}): DeliveryDetail => ({
  ...entry,
  payload: { type: 'order.updated', data: { orderId: 'o-1' } },
  log: [
    { attempt: 1, at: FIXTURE_TIME, statusCode: 500, error: 'Internal Server Error', durationMs: 31 },
    { attempt: 2, at: FIXTURE_TIME, statusCode: null, error: 'timeout', durationMs: 10000 },
  ],
  ...over,
});

/** A guest SMS that died: no SMS provider is configured. */
export const aNotification = (over: Partial<Notification> = {}): Notification =>
  NotificationSchema.parse({
    id: fixtureId(),
    channel: 'sms',
    template: 'order_ready',
    language: 'ru',
    to: '+7 916 ***-**-67',
    status: 'dead',
    attempts: 1,
    lastError: 'SMS channel not configured',
    createdAt: FIXTURE_TIME,
    sentAt: null,
    customerId: null,
    ...over,
  });

/** A CSV export of today's orders, queued. */
export const anExport = (over: Partial<AnalyticsExport> = {}): AnalyticsExport =>
  AnalyticsExportSchema.parse({
    id: fixtureId(),
    status: 'queued',
    datasets: ['orders'],
    format: 'csv',
    mode: 'period',
    period: { from: '2025-12-31T21:00:00.000Z', to: '2026-01-01T21:00:00.000Z' },
    progress: { rows: 0, totalRows: 0, percent: 0 },
    files: [],
    cursor: null,
    requestedBy: { id: fixtureId(), name: 'Админ' },
    createdAt: FIXTURE_TIME,
    startedAt: null,
    finishedAt: null,
    error: null,
    ...over,
  });

/** A test host with the remote's texts. */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'integrations', resources: integrationsTexts }, ...options });
}
