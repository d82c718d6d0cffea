import mitt from 'mitt';

export type ConnectivityState = 'online' | 'offline' | 'syncing';

export interface ConnectivityOptions {
  /** `GET /pos/ping`: resolves when the server answers; should give up after `timeoutMs`. */
  ping(timeoutMs: number): Promise<unknown>;
  /** How often to ping while the server is unreachable (ms). */
  retryMs?: number;
  /** How often to ping while all looks well, to notice a dead link the socket has not noticed yet (ms). */
  healthyMs?: number;
  /**
   * How often to ping while the socket is down but the last ping still answered (ms): a dropped
   * socket is the first sign of a dropped network, so the chip must not wait for the next
   * healthy ping (or a failed action) to say so.
   */
  suspectMs?: number;
  /** How long a ping may take before it counts as "no answer" (ms). */
  pingTimeoutMs?: number;
  /** The same while the socket is down: the link is already suspect, so give up sooner (ms). */
  suspectPingTimeoutMs?: number;
  /** `navigator.onLine` and its events; absent in Node. */
  navigator?: { onLine: boolean };
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Tells online from offline from three signals: the browser's own flag (cheap, only knows about
 * the Wi-Fi), the socket's state, and `GET /pos/ping` (the only one that proves the server is
 * there). A failed request anywhere reports in too. `syncing` = reachable with commands queued.
 */
export class ConnectivityMonitor {
  readonly events = mitt<{ changed: { state: ConnectivityState; pending: number; reachable: boolean } }>();
  private reachable: boolean;
  private pending = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pinging = false;
  private stopped = false;
  /** The socket reported a drop and has not reconnected since. */
  private socketDown = false;
  private readonly onOnline = () => void this.check();
  private readonly onOffline = () => this.setReachable(false);

  constructor(private readonly options: ConnectivityOptions) {
    this.reachable = options.navigator?.onLine ?? true;
    options.window?.addEventListener('online', this.onOnline);
    options.window?.addEventListener('offline', this.onOffline);
    this.plan();
  }

  get state(): ConnectivityState {
    if (!this.reachable) return 'offline';
    return this.pending > 0 ? 'syncing' : 'online';
  }

  get isReachable(): boolean {
    return this.reachable;
  }

  snapshot() {
    return { state: this.state, pending: this.pending, reachable: this.reachable };
  }

  setPending(pending: number): void {
    if (pending === this.pending) return;
    this.pending = pending;
    this.emit();
  }

  /**
   * The socket connected (the server is there) or dropped: ping at once, and keep pinging fast
   * while it stays down, so a real drop shows within a couple of seconds without any action.
   */
  setSocketConnected(connected: boolean): void {
    const wasDown = this.socketDown;
    this.socketDown = !connected;
    if (connected) {
      this.setReachable(true);
      if (wasDown) this.plan();
    } else if (!wasDown || !this.reachable) {
      // socket.io reports every failed reconnect too: one ping per drop is enough, the fast
      // schedule does the rest.
      void this.check();
    }
  }

  /** Whether the socket is down as last reported. */
  get isSocketDown(): boolean {
    return this.socketDown;
  }

  /** A request failed without an answer: assume offline and start pinging. */
  reportNetworkFailure(): void {
    this.setReachable(false);
  }

  /** A request got an answer (any status): the server is reachable. */
  reportAnswer(): void {
    this.setReachable(true);
  }

  /** Pings now; resolves to whether the server answered. */
  async check(): Promise<boolean> {
    if (this.pinging) return this.reachable;
    this.pinging = true;
    try {
      if (this.options.navigator && !this.options.navigator.onLine) {
        this.setReachable(false);
        return false;
      }
      const timeoutMs = this.socketDown ? (this.options.suspectPingTimeoutMs ?? 1_500) : (this.options.pingTimeoutMs ?? 3_000);
      await this.options.ping(timeoutMs);
      this.setReachable(true);
      return true;
    } catch {
      this.setReachable(false);
      return false;
    } finally {
      this.pinging = false;
      this.plan();
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.options.window?.removeEventListener('online', this.onOnline);
    this.options.window?.removeEventListener('offline', this.onOffline);
  }

  private setReachable(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    this.emit();
    this.plan();
  }

  private plan(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const ms = !this.reachable ? (this.options.retryMs ?? 2_000) : this.socketDown ? (this.options.suspectMs ?? 1_000) : (this.options.healthyMs ?? 30_000);
    this.timer = setTimeout(() => void this.check(), ms);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private emit(): void {
    this.events.emit('changed', this.snapshot());
  }
}
