import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { forgetServer, recordStartOutput } from './devices';

export const ROOT = path.resolve(__dirname, '../..');
export const WEB_ROOT = path.join(ROOT, 'dist/web');

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server and deletes its database (safe to call twice). */
  stop(): Promise<void>;
  /** An outage: the server process goes away, the database stays for `restart()`. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and database, after `kill()`. */
  restart(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

/** Starts the built API (serving dist/web) on a free port with a fresh SQLite database. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  forgetServer(url);
  let child = await spawnApi(url, port, dataDir, env);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return {
    url,
    port,
    dataDir,
    kill,
    async restart() {
      await kill();
      child = await spawnApi(url, port, dataDir, env);
    },
    async stop() {
      await kill();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function spawnApi(url: string, port: number, dataDir: string, env: Record<string, string>): Promise<ChildProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/apps/api/server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: path.join(dataDir, 'pos.db'),
      WEB_ROOT,
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: '4096',
      // One runner plays every tablet of a venue from one address: the per-address sign-in limits
      // would count them all together (the limits themselves are tested in the API suite).
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '10000',
      RATE_LIMIT_CHALLENGE_PER_MINUTE: '10000',
      RATE_LIMIT_ENROLL_PER_MINUTE: '10000',
      DATABASE_URL: '',
      REDIS_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The server prints one-time enrollment codes at start; the specs enroll their tablets with them.
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    recordStartOutput(url, chunk.toString());
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/pos/ping`);
      if (res.ok) return child;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}
