import { ConnectivityMonitor, type ConnectivityOptions, type ConnectivityState } from './connectivity';

/** A fake server link: answers pings until cut; a cut link fails at once (reset) or hangs (quiet drop). */
function link() {
  const state = { up: true, hang: false, pings: 0, timeouts: [] as number[] };
  const ping = jest.fn((timeoutMs: number) => {
    state.pings++;
    state.timeouts.push(timeoutMs);
    if (state.up) return Promise.resolve({ ok: true });
    if (!state.hang) return Promise.reject(new TypeError('Failed to fetch'));
    // A quiet drop: nothing answers; the request gives up at its own timeout.
    return new Promise((_, reject) => setTimeout(() => reject(new DOMException('timeout', 'TimeoutError')), timeoutMs));
  });
  return { state, ping };
}

class FakeWindow {
  private listeners = new Map<string, Set<() => void>>();
  addEventListener = (type: string, fn: () => void) => void this.listeners.set(type, (this.listeners.get(type) ?? new Set()).add(fn));
  removeEventListener = (type: string, fn: () => void) => void this.listeners.get(type)?.delete(fn);
  dispatch(type: string) {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
  count(type: string) {
    return this.listeners.get(type)?.size ?? 0;
  }
}

describe('ConnectivityMonitor', () => {
  let monitor: ConnectivityMonitor | null = null;
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    monitor?.stop();
    monitor = null;
    jest.useRealTimers();
  });

  function start(options: Partial<ConnectivityOptions> & Pick<ConnectivityOptions, 'ping'>) {
    monitor = new ConnectivityMonitor(options);
    const states: ConnectivityState[] = [];
    monitor.events.on('changed', ({ state }) => states.push(state));
    return { monitor, states };
  }

  /** Advances fake time in small steps, letting the pings' promises settle in between. */
  async function advance(ms: number, step = 100) {
    for (let t = 0; t < ms; t += step) await jest.advanceTimersByTimeAsync(step);
  }

  it('a dropped socket on a dead network turns offline at once, with no action taken', async () => {
    const net = link();
    const { monitor: m } = start({ ping: net.ping });
    expect(m.state).toBe('online');
    net.state.up = false;
    m.setSocketConnected(false);
    await advance(100);
    expect(m.state).toBe('offline');
  });

  it('a quiet drop (pings hang): offline within 2 s of the socket noticing, not after the 3 s ping timeout', async () => {
    const net = link();
    net.state.hang = true;
    const { monitor: m } = start({ ping: net.ping });
    net.state.up = false;
    m.setSocketConnected(false);
    await advance(1_400);
    expect(m.state).toBe('online');
    await advance(200);
    expect(m.state).toBe('offline');
    expect(net.state.timeouts[0]).toBe(1_500);
  });

  it('socket down while the server still answers (a server restart): stays online, pings every second until the socket is back, then rests', async () => {
    const net = link();
    const { monitor: m, states } = start({ ping: net.ping, healthyMs: 30_000 });
    m.setSocketConnected(false);
    await advance(100);
    expect(net.state.pings).toBe(1);
    // socket.io reports each failed reconnect: no extra ping for those.
    m.setSocketConnected(false);
    m.setSocketConnected(false);
    await advance(100);
    expect(net.state.pings).toBe(1);
    await advance(3_000);
    expect(net.state.pings).toBe(4);
    expect(states).toEqual([]);

    // The network goes while the socket is still reconnecting: the next fast ping tells.
    net.state.up = false;
    await advance(1_100);
    expect(m.state).toBe('offline');

    // Back: the socket reconnects → online at once; pings fall back to the healthy pace.
    net.state.up = true;
    m.setSocketConnected(true);
    expect(m.state).toBe('online');
    const before = net.state.pings;
    await advance(10_000, 500);
    expect(net.state.pings).toBe(before);
    await advance(21_000, 1_000);
    expect(net.state.pings).toBe(before + 1);
  });

  it('offline comes back online by itself within the retry pace, without the socket', async () => {
    const net = link();
    const { monitor: m } = start({ ping: net.ping, retryMs: 2_000 });
    m.reportNetworkFailure();
    expect(m.state).toBe('offline');
    net.state.up = false;
    await advance(2_100);
    expect(m.state).toBe('offline');
    net.state.up = true;
    await advance(2_100);
    expect(m.state).toBe('online');
  });

  it("the browser's offline event turns offline at once; online checks with a ping; listeners go on stop", async () => {
    const net = link();
    const win = new FakeWindow();
    const nav = { onLine: true };
    const { monitor: m, states } = start({ ping: net.ping, navigator: nav, window: win as unknown as Window });
    nav.onLine = false;
    net.state.up = false;
    win.dispatch('offline');
    expect(m.state).toBe('offline');
    // navigator.onLine false: no ping is even tried.
    await advance(2_100);
    expect(net.state.pings).toBe(0);
    nav.onLine = true;
    net.state.up = true;
    win.dispatch('online');
    await advance(100);
    expect(m.state).toBe('online');
    expect(states).toEqual(['offline', 'online']);
    m.stop();
    expect(win.count('online') + win.count('offline')).toBe(0);
  });

  it('pending commands show as syncing only while reachable', async () => {
    const net = link();
    const { monitor: m } = start({ ping: net.ping });
    m.setPending(2);
    expect(m.state).toBe('syncing');
    m.reportNetworkFailure();
    expect(m.state).toBe('offline');
    m.reportAnswer();
    expect(m.snapshot()).toEqual({ state: 'syncing', pending: 2, reachable: true });
  });
});
