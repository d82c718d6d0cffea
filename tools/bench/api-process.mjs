// Starting and stopping a built API process (dist/apps/api/server.js) for the bench: the driver's
// main API, and the extra instances of the scale parts (a second API over Redis on the same file).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordStartCodes } from './devices.mjs';
import { freePort, sleep } from './lib.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'apps', 'api', 'server.js');

/** Every API this bench started and has not stopped yet (killed on Ctrl-C by killStartedApis). */
const started = new Set();

/** SIGKILLs the API processes this bench started (only those, by their own handles). */
export function killStartedApis() {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Spawns the API on a free port with the bench's environment (SQLite at `sqlitePath`, no
 * PostgreSQL, no Redis unless `env` says so) and waits for GET /pos/ping. Returns its address,
 * the child process and `stop()`.
 */
export async function spawnApi({ sqlitePath, webRoot, env = {}, startupMs = 30_000, nodeArgs = [] }) {
  const port = await freePort();
  const childOutput = [];
  const child = spawn(process.execPath, [...nodeArgs, SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SQLITE_PATH: sqlitePath,
      WEB_ROOT: webRoot,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      // The enrollment links carry the port: the bench tells its APIs' codes apart by it.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ARGON2_MEMORY_KIB: '4096',
      DATABASE_URL: '',
      REDIS_URL: '',
      // One process plays many tablets from one address: the per-address sign-in limits would count them together.
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
      RATE_LIMIT_CHALLENGE_PER_MINUTE: '100000',
      RATE_LIMIT_ENROLL_PER_MINUTE: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    // BENCH_SERVER_LOG=1 passes the API's own log through (its errors, e.g. behind a 500 in a figure).
    if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
    recordStartCodes(chunk.toString());
    childOutput.push(chunk.toString());
    if (childOutput.length > 50) childOutput.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  started.add(child);
  const childExited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  childExited.then(() => started.delete(child));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await childExited;
      clearTimeout(timer);
    }
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startupMs;
  let exited = null;
  childExited.then((e) => (exited = e));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`API exited during start-up (${JSON.stringify(exited)}):\n${childOutput.join('')}`);
    try {
      const res = await fetch(`${baseUrl}/pos/ping`);
      await res.arrayBuffer();
      if (res.ok) return { baseUrl, child, childExited, stop, output: childOutput };
    } catch {
      /* not listening yet */
    }
    await sleep(150);
  }
  await stop();
  throw new Error(`API did not answer GET /pos/ping within ${Math.round(startupMs / 1000)} s:\n${childOutput.join('')}`);
}
