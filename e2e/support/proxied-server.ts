import { type FaultProxy, startFaultProxy } from './fault-proxy';
import { startServer, type TestServer } from './server';
import { test } from './test';

/**
 * A spec's own server on a fresh database with the fault proxy in front of it (the tablet's network,
 * which the test can cut): started before the spec's tests, stopped after them. Call at the top of
 * the spec; read `server` and `proxy` from the answer inside tests.
 */
export function serverBehindFaultProxy(): { readonly server: TestServer; readonly proxy: FaultProxy } {
  const env = {} as { server: TestServer; proxy: FaultProxy };
  test.beforeAll(async () => {
    env.server = await startServer();
    env.proxy = await startFaultProxy(env.server.port);
  });
  test.afterAll(async () => {
    await env.proxy?.close();
    await env.server?.stop();
  });
  return env;
}
