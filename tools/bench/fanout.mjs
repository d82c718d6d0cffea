// Stock-change fan-out: REST PATCH → `menu.stock` on N Socket.IO clients, vs a bare `ws` broadcast.
import { performance } from 'node:perf_hooks';
import { io as ioClient } from 'socket.io-client';
import WebSocket, { WebSocketServer } from 'ws';
import { inBatches, latencyStats, ratio, sleep, withTimeout } from './lib.mjs';

const ROUND_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 15_000;

/**
 * A round collector: `begin(expected)` arms it, `receive(clientIndex, isAvailable)` records one
 * receipt (each client at most once per round), `whenComplete` settles when all clients received.
 */
function collector(clients) {
  const lastRound = new Int32Array(clients).fill(-1);
  const latencies = [];
  let round = -1;
  let t0 = 0;
  let expected = null;
  let received = 0;
  let done = null;
  let stray = 0;
  return {
    latencies,
    get stray() {
      return stray;
    },
    begin(r, exp) {
      round = r;
      expected = exp;
      received = 0;
      const p = new Promise((resolve) => (done = resolve));
      t0 = performance.now();
      return p;
    },
    receive(i, isAvailable) {
      const t = performance.now();
      if (round < 0 || lastRound[i] === round || isAvailable !== expected) {
        stray++;
        return;
      }
      lastRound[i] = round;
      latencies.push(t - t0);
      if (++received === clients) done();
    },
    receivedThisRound: () => received,
  };
}

async function runRounds(name, col, rounds, trigger) {
  const incomplete = [];
  for (let r = 0; r < rounds; r++) {
    const expected = r % 2 === 1; // false, true, false, … — ends on `true` for an even count
    const all = col.begin(r, expected);
    await trigger(r, expected);
    try {
      await withTimeout(all, ROUND_TIMEOUT_MS, `${name} round ${r}`);
    } catch {
      incomplete.push({ round: r, received: col.receivedThisRound() });
    }
    await sleep(30); // let the event loop and GC settle between rounds
  }
  return incomplete;
}

/**
 * `clientUrls` spreads the clients over several API instances (client i on clientUrls[i % n]);
 * the stock change is always made on `baseUrl`.
 */
export async function socketIoFanout({ baseUrl, clientUrls = [baseUrl], token, productId, clients, rounds, batch = 50 }) {
  const col = collector(clients);
  const sockets = [];
  let samplePayload = null;
  const close = () => {
    for (const s of sockets) {
      s.removeAllListeners();
      s.disconnect();
    }
  };
  try {
    const connectStart = performance.now();
    await inBatches(clients, batch, (i) => {
      const socket = ioClient(`${clientUrls[i % clientUrls.length]}/menu-updates`, {
        path: '/ws',
        auth: { token },
        transports: ['websocket'],
        forceNew: true, // one real connection per client, not one multiplexed Manager
        reconnection: false,
      });
      sockets.push(socket);
      socket.on('menu.stock', (payload) => {
        if (payload?.productId !== productId) return;
        samplePayload ??= payload;
        col.receive(i, payload.isAvailable);
      });
      return withTimeout(
        new Promise((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', (err) => reject(new Error(`socket.io client ${i}: ${err.message}`)));
        }),
        CONNECT_TIMEOUT_MS,
        `socket.io client ${i} connect`,
      );
    });
    const connectMs = performance.now() - connectStart;
    await sleep(200); // joins happen on the server's connection handler

    const restLatencies = [];
    const restErrors = [];
    const incomplete = await runRounds('socket.io', col, rounds, async (r, isAvailable) => {
      const t = performance.now();
      const res = await fetch(`${baseUrl}/pos/menu/products/${productId}/stock`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ isAvailable }),
      });
      const text = await res.text();
      restLatencies.push(performance.now() - t);
      if (!res.ok) restErrors.push({ round: r, status: res.status, body: text.slice(0, 200) });
    });
    return {
      clients,
      rounds,
      receipts: col.latencies.length,
      expectedReceipts: clients * rounds,
      ...latencyStats(col.latencies),
      connectAllMs: Math.round(connectMs),
      restCall: latencyStats(restLatencies),
      restErrors,
      incompleteRounds: incomplete,
      strayEvents: col.stray,
      samplePayload,
    };
  } finally {
    close();
  }
}

export async function wsBaselineFanout({ payload, clients, rounds, batch = 50 }) {
  const col = collector(clients);
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const sockets = [];
  try {
    await new Promise((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    const url = `ws://127.0.0.1:${wss.address().port}`;
    await inBatches(clients, batch, (i) => {
      const ws = new WebSocket(url);
      sockets.push(ws);
      ws.on('message', (data) => {
        const msg = JSON.parse(data); // parse like a socket.io client does
        col.receive(i, msg.isAvailable);
      });
      return withTimeout(
        new Promise((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        }),
        CONNECT_TIMEOUT_MS,
        `ws client ${i} connect`,
      );
    });
    const incomplete = await runRounds('ws', col, rounds, async (_r, isAvailable) => {
      const data = JSON.stringify({ ...payload, isAvailable }); // serialised once, sent to all
      for (const c of wss.clients) c.send(data);
    });
    return {
      clients,
      rounds,
      receipts: col.latencies.length,
      expectedReceipts: clients * rounds,
      ...latencyStats(col.latencies),
      incompleteRounds: incomplete,
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(() => r()));
  }
}

export function fanoutSummary(sio, base) {
  return {
    clients: sio.clients,
    rounds: sio.rounds,
    socketIo: sio,
    wsBaseline: base,
    ratioP99: ratio(sio.p99Ms, base.p99Ms),
    ratioP50: ratio(sio.p50Ms, base.p50Ms),
  };
}
