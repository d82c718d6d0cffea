// Precompression of a build's text files: `<file>.br` (brotli 11) and `<file>.gz` (gzip 9) beside
// each .js/.mjs/.css/.html/.json/.svg above 1 KB (source maps and licence notes are not for the
// browser's first load). The API's static plugin sends them (@fastify/static `preCompressed`) with
// their Content-Encoding, so a first load costs nothing to compress at run time.
//
// They are written after webpack has emitted the build, straight to the output folder, and are not
// assets of the compilation: Workbox's precache list, mf-manifest.json and the stats only ever name
// the plain files, which stay byte for byte what the browser decodes (a remote's SRI hash is taken
// over remoteEntry.js itself). `output.clean` removes the previous build's copies with the rest, and
// every build writes them all again, so a copy never outlives the file it was made from.
const path = require('node:path');
const { promisify } = require('node:util');
const zlib = require('node:zlib');

const PRECOMPRESSED = /\.(?:js|mjs|css|html|json|svg)$/;
const THRESHOLD_BYTES = 1024;
/** Files compressed at once: brotli 11 is slow, and the build shares two cores. */
const CONCURRENCY = 2;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The copies worth writing for one file: each only when it is smaller than the file. */
async function compressedCopies(body) {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  return [
    ['.br', br],
    ['.gz', gz],
  ].filter(([, copy]) => copy.length < body.length);
}

/** Writes the copies once webpack has written the build (see the top of this file for why not as assets). */
class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise('PrecompressPlugin', async (compilation) => {
      const outputPath = compilation.getPath(compiler.outputPath, {});
      const fsOut = compiler.outputFileSystem;
      const readFile = promisify(fsOut.readFile.bind(fsOut));
      const writeFile = promisify(fsOut.writeFile.bind(fsOut));
      // Sizes only: once emitted, webpack keeps no more than the size of each asset's source.
      const queue = compilation.getAssets().filter(({ name, info, source }) => PRECOMPRESSED.test(name) && (info.size ?? source.size()) >= THRESHOLD_BYTES);
      const worker = async () => {
        for (let asset = queue.shift(); asset; asset = queue.shift()) {
          // The file as written: exactly the bytes the browser gets back after decoding.
          const file = path.join(outputPath, asset.name);
          const body = await readFile(file);
          for (const [suffix, copy] of await compressedCopies(body)) await writeFile(file + suffix, copy);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    });
  }
}

module.exports = { PrecompressPlugin, PRECOMPRESSED, THRESHOLD_BYTES };
