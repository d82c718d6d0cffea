import net from 'node:net';

/**
 * A TCP proxy between the browser and the API that the test controls — the network cut for
 * real (Playwright's `setOffline` leaves WebSockets and the service worker's traffic alone).
 *
 * Faults it injects:
 * - `cut()`: every open connection (HTTP keep-alive, WebSocket) is destroyed and new ones are
 *   refused (reset at once), as when the tablet loses the Wi-Fi;
 * - `dropResponses(n)`: the next n connections reach the server, but whatever the server sends
 *   back is thrown away and the connection reset — the request was committed, the answer lost.
 */
export interface FaultProxy {
  url: string;
  port: number;
  cut(): void;
  restore(): void;
  dropResponses(count: number): void;
  readonly isCut: boolean;
  close(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let dropsLeft = 0;

  const server = net.createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const dropping = dropsLeft > 0;
    if (dropping) dropsLeft--;
    const end = () => {
      sockets.delete(client);
      sockets.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    if (dropping) {
      // The server gets the whole request and answers; the answer never reaches the tablet.
      upstream.on('data', () => {
        client.resetAndDestroy();
        upstream.destroy();
      });
    } else {
      upstream.pipe(client);
    }
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
