// Offline replay: 1,000 commands queued in the tablet's outbox (libs/offline, bundled here with
// esbuild, on fake-indexeddb) and drained against the real API. Budget: ≤ 5 s, 0 duplicates, 0 losses.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';
import fs from 'node:fs';
import { build } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export async function replayBench(options) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pos-bench-replay-'));
  const outfile = path.join(outDir, 'replay-driver.mjs');
  await build({
    entryPoints: [path.join(HERE, 'replay-driver.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // CommonJS dependencies bundled into ESM need a require().
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  try {
    const driver = await import(pathToFileURL(outfile).href);
    return await driver.replayBench(options);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
