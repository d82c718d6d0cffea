import { CreateWebhookEndpointInputSchema, DeliveryOrderInputSchema, WebhookSecretSchema, WebhookUrlSchema } from './integrations';

describe('integrations contracts', () => {
  it('a URL that is not one is refused, not thrown on (the fuzzer found a 500 here)', () => {
    for (const url of ['❌）ⱝ', '', 'http://', 'ftp://example.com/x', 'https://user:pw@example.com/hook']) {
      expect(() => WebhookUrlSchema.safeParse(url)).not.toThrow();
      expect(WebhookUrlSchema.safeParse(url).success).toBe(false);
    }
    expect(WebhookUrlSchema.safeParse('https://partner.example/hooks?x=1').success).toBe(true);
  });

  it('an endpoint subscribes to known events, each once', () => {
    expect(CreateWebhookEndpointInputSchema.safeParse({ url: 'https://a.example', events: ['order.updated', 'order.updated'] }).success).toBe(false);
    expect(CreateWebhookEndpointInputSchema.safeParse({ url: 'https://a.example', events: [] }).success).toBe(false);
    expect(CreateWebhookEndpointInputSchema.parse({ url: 'https://a.example', events: ['kitchen.ticket.updated'] })).toMatchObject({ enabled: true, description: '' });
  });

  it('a delivery item names a product by id or by code, not both and not neither', () => {
    const order = (item: object) => DeliveryOrderInputSchema.safeParse({ externalId: 'A1', items: [{ quantity: 1, ...item }], customer: { name: 'Гость' } });
    expect(order({ code: 'borscht' }).success).toBe(true);
    expect(order({}).success).toBe(false);
    expect(order({ code: 'borscht', productId: '00000000-0000-4000-8000-000000000000' }).success).toBe(false);
  });

  it('a secret is whsec_ and 32 bytes in base64', () => {
    expect(WebhookSecretSchema.safeParse(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).success).toBe(true);
    expect(WebhookSecretSchema.safeParse(`whsec_${Buffer.alloc(16, 1).toString('base64')}`).success).toBe(false);
  });
});
