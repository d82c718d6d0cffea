import net from 'node:net';

/**
 * A TCP proxy between the browser and the API that the test controls — the network cut for
 * real (Playwright's `setOffline` leaves WebSockets and the service worker's traffic alone).
 *
 * Faults it injects:
 * - `cut()`: every open connection (HTTP keep-alive, WebSocket) is destroyed and new ones are
 *   refused (reset at once), as when the tablet loses the Wi-Fi;
 * - `dropResponses(n)`: the next n commands (POST/PATCH requests) reach the server, but its
 *   answer is thrown away and the connection reset — the request was committed, the answer lost.
 *   `dropped` counts the answers actually lost.
 */
export interface FaultProxy {
  url: string;
  port: number;
  cut(): void;
  restore(): void;
  dropResponses(count: number): void;
  readonly isCut: boolean;
  readonly dropped: number;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let dropsLeft = 0;
  let dropped = 0;

  const server = net.createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    let dropNext = false;
    const end = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      // A new command on this connection: its answer is the one to lose.
      if (dropsLeft > 0 && /^(POST|PATCH) \/pos\//.test(chunk.subarray(0, 16).toString('latin1'))) {
        dropsLeft--;
        dropNext = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (dropNext) {
        dropped++;
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
      sockets.clear();
    },
    restore() {
      cut = false;
    },
    dropResponses(count: number) {
      dropsLeft += count;
    },
    get isCut() {
      return cut;
    },
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
