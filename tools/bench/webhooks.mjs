// Inbound webhooks from a delivery partner on SQLite: a refused one (bad signature: verification
// alone), a new delivery order (verify, take, fire to the kitchen) and a status change (verify,
// move the tickets), sequential, at 200 and 2,000 orders already taken through webhooks — beside a
// bare Fastify route in this process that verifies the same signature and answers.
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { Webhook } from 'standardwebhooks';
import { latencyStats, ratio } from './lib.mjs';

let seq = 0;

/** POSTs `body` signed as the partner would; the latency and the status. */
async function signedPost(url, body, secret) {
  const raw = JSON.stringify(body);
  const id = `msg_bench_${++seq}`;
  const at = new Date();
  const headers = { 'content-type': 'application/json', 'webhook-id': id, 'webhook-timestamp': String(Math.floor(at.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, at, raw) };
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: raw });
  const answer = await res.json();
  return { ms: performance.now() - t, status: res.status, answer };
}

function stats(samples, expected) {
  const ok = samples.filter((s) => s.status === expected);
  const errors = {};
  for (const s of samples) if (s.status !== expected) errors[s.status] = (errors[s.status] ?? 0) + 1;
  return { ...latencyStats(ok.map((s) => s.ms)), errors };
}

export async function webhooksBench({ baseUrl, login, levels = [200, 2000], sample = 200 }) {
  const admin = await login('999999');
  const res = await fetch(`${baseUrl}/admin/integrations`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Bench Delivery' }) });
  const partner = await res.json();
  if (!res.ok) throw new Error(`partner: ${res.status} ${JSON.stringify(partner)}`);
  const ordersUrl = `${baseUrl}/integrations/${partner.id}/orders`;
  const wrongSecret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  const order = (n) => ({ externalId: `BENCH-${n}`, items: [{ code: 'borscht', quantity: 1 }, { code: 'wine-red-glass', quantity: 2 }], customer: { name: 'Гость' } });

  let taken = 0;
  const result = { levels: [] };
  for (const level of levels) {
    // Fill up to the level (untimed beyond the sample taken at the end).
    while (taken < level - sample) await signedPost(ordersUrl, order(taken++), partner.secret);
    const created = [];
    for (let i = 0; i < sample; i++) created.push(await signedPost(ordersUrl, order(taken++), partner.secret));
    const refused = [];
    for (let i = 0; i < sample; i++) refused.push(await signedPost(ordersUrl, order(`x${i}`), wrongSecret));
    const statuses = [];
    for (const c of created) statuses.push(await signedPost(`${baseUrl}/pos/orders/${c.answer.orderId}/external-status`, { status: 'ready_for_pickup' }, partner.secret));
    result.levels.push({ ordersTaken: taken, newOrder: stats(created, 201), statusChange: stats(statuses, 200), refused: stats(refused, 401) });
  }

  // Baseline: a bare Fastify route verifying the same kind of signature over the raw body.
  const bare = Fastify({ logger: false });
  bare.removeContentTypeParser('application/json');
  bare.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  bare.post('/hook', async (req, reply) => {
    new Webhook(partner.secret).verify(req.body, req.headers);
    return reply.send({ ok: true });
  });
  try {
    const address = await bare.listen({ host: '127.0.0.1', port: 0 });
    const samples = [];
    for (let i = 0; i < sample; i++) samples.push(await signedPost(`${address}/hook`, { status: 'ready_for_pickup' }, partner.secret));
    result.bareFastify = stats(samples, 200);
  } finally {
    await bare.close();
  }
  const last = result.levels[result.levels.length - 1];
  result.ratioStatusP99 = ratio(last.statusChange.p99Ms, result.bareFastify.p99Ms);
  result.growthStatusP99 = ratio(last.statusChange.p99Ms, result.levels[0].statusChange.p99Ms);
  result.growthNewOrderP99 = ratio(last.newOrder.p99Ms, result.levels[0].newOrder.p99Ms);
  return result;
}
