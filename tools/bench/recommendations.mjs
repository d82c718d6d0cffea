// GET /pos/menu/products/{id}/recommendations on the bench venue (SEED_BIG_MENU: 5,000 products,
// 50,000 past paid orders and their pair counts), vs a bare Fastify GET in this process.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { deviceLogin as login } from './devices.mjs';
import { latencyStats, ratio } from './lib.mjs';

/** Sequential GETs (one waiter tapping), `rounds` over `urls`; latencies of 200s, other statuses counted. */
async function measure(urls, headers, rounds) {
  const latencies = [];
  const errors = {};
  for (let r = 0; r < rounds; r++) {
    for (const url of urls) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      const dt = performance.now() - t;
      if (res.status === 200) latencies.push(dt);
      else errors[res.status] = (errors[res.status] ?? 0) + 1;
    }
  }
  return { ...latencyStats(latencies), errors };
}

/** A deterministic sample of `count` products of the menu, spread over it. */
const sample = (products, count) => Array.from({ length: count }, (_, i) => products[Math.floor((i * products.length) / count)]);

export async function recommendationsBench({ baseUrl, products: count = 1000, rounds = 2 }) {
  const admin = await login(baseUrl, 'bench', '999999');
  const waiter = await login(baseUrl, 'bench', '1111');
  const auth = (token) => ({ authorization: `Bearer ${token}` });
  const menu = await (await fetch(`${baseUrl}/pos/menu`, { headers: auth(waiter) })).json();
  const products = menu.products;
  if (products.length < 1000) throw new Error(`the bench venue has ${products.length} products: start the API with SEED_BIG_MENU=true`);

  // Admin rules on every 10th product: three add-ons and a combo, so both halves of a suggestion are exercised.
  const ruled = sample(products, 100);
  for (const [i, p] of ruled.entries()) {
    const others = [1, 2, 3].map((k) => products[(products.indexOf(p) + k * 97) % products.length]);
    const res = await fetch(`${baseUrl}/admin/menu/products/${p.id}/upsell`, {
      method: 'POST',
      headers: { ...auth(admin), 'content-type': 'application/json' },
      body: JSON.stringify({
        addons: others.map((o) => ({ productId: o.id, reason: 'bench' })),
        combos: [{ name: `Combo ${i}`, price: Math.floor((p.price + others[0].price) * 0.8), items: [{ productId: p.id }, { productId: others[0].id }] }],
        clientRequestId: `bench-upsell-${randomUUID()}`,
      }),
    });
    if (res.status !== 200) throw new Error(`saving upsell rules: ${res.status} ${await res.text()}`);
  }

  // An open order with a few dishes, for the `orderId` variant (what is in it is left out).
  const orderRes = await fetch(`${baseUrl}/pos/orders`, {
    method: 'POST',
    headers: { ...auth(waiter), 'content-type': 'application/json' },
    body: JSON.stringify({
      items: sample(products, 40)
        .filter((p) => p.modifierGroupIds.length === 0 && p.stock === null)
        .slice(0, 4)
        .map((p) => ({ productId: p.id, quantity: 1 })),
      clientRequestId: `bench-${randomUUID()}`,
    }),
  });
  const order = await orderRes.json();
  if (orderRes.status !== 201) throw new Error(`creating the bench order: ${orderRes.status} ${JSON.stringify(order)}`);

  const tapped = sample(products, count);
  const urls = tapped.map((p) => `${baseUrl}/pos/menu/products/${p.id}/recommendations`);
  const withOrder = tapped.slice(0, 200).map((p) => `${baseUrl}/pos/menu/products/${p.id}/recommendations?orderId=${order.id}`);

  // Warm-up: statement caches, JIT.
  await measure(urls.slice(0, 200), auth(waiter), 1);
  const plain = await measure(urls, auth(waiter), rounds);
  const inOrder = await measure(withOrder, auth(waiter), rounds);
  const firstAnswer = await (await fetch(urls[0], { headers: auth(waiter) })).json();
  // What the answers hold: configured rules and "often ordered together" from the 50,000 orders.
  const answers = [];
  for (const url of urls.slice(0, 100)) answers.push((await (await fetch(url, { headers: auth(waiter) })).json()).items);
  const average = (f) => Math.round((answers.reduce((s, items) => s + items.filter(f).length, 0) / answers.length) * 10) / 10;

  // The same shape of request against a bare Fastify route: what HTTP + fetch alone cost here.
  const bare = Fastify({ logger: false });
  bare.get('/pos/menu/products/:id/recommendations', async (req) => ({ productId: req.params.id, items: firstAnswer.items }));
  let baseline;
  try {
    const address = await bare.listen({ host: '127.0.0.1', port: 0 });
    const bareUrls = tapped.map((p) => `${address}/pos/menu/products/${p.id}/recommendations`);
    await measure(bareUrls.slice(0, 200), {}, 1);
    baseline = await measure(bareUrls, {}, rounds);
  } finally {
    await bare.close();
  }

  return {
    products: products.length,
    productsTapped: tapped.length,
    rounds,
    productsWithRules: ruled.length,
    averageSuggestions: { configured: average((i) => i.source === 'configured'), popular: average((i) => i.source === 'popular') },
    api: plain,
    apiWithOrderId: inOrder,
    bareFastify: baseline,
    ratioP99: ratio(plain.p99Ms, baseline.p99Ms),
    ratioP50: ratio(plain.p50Ms, baseline.p50Ms),
  };
}
