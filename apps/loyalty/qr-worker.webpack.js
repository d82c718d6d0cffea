// qr-scanner decodes in a Web Worker that it builds from a blob: URL. The venue's
// Content-Security-Policy allows workers from this origin only (`worker-src 'self'`), so the
// remote ships the very same worker code as a file of its own build, beside its chunks, and
// starts it from its own public path (src/features/scanner/load-qr-scanner.ts). qr-scanner's
// blob-building module is left out of the build.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const crypto = require('node:crypto');
const { DefinePlugin, IgnorePlugin, sources } = require('webpack');

const WORKER_MODULE = path.join(path.dirname(require.resolve('qr-scanner/package.json')), 'qr-scanner-worker.min.js');

/** The worker's source as qr-scanner puts it into its blob (the module runs with Blob, URL and Worker stubbed). */
function qrWorkerSource() {
  const module = fs.readFileSync(WORKER_MODULE, 'utf8').replace(/export const createWorker\s*=/, 'createWorker =');
  let code = null;
  const context = {
    createWorker: null,
    Blob: class {
      constructor(parts) {
        code = parts.join('');
      }
    },
    URL: { createObjectURL: () => 'blob:stub' },
    Worker: class {},
  };
  vm.runInNewContext(`${module}\ncreateWorker();`, context);
  if (!code) throw new Error(`Could not read the QR worker out of ${WORKER_MODULE}`);
  return code;
}

function qrWorkerPlugins() {
  const code = qrWorkerSource();
  const fileName = `qr-scanner-worker.${crypto.createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  return [
    new DefinePlugin({ __QR_WORKER_FILE__: JSON.stringify(fileName) }),
    new IgnorePlugin({ resourceRegExp: /^\.\/qr-scanner-worker\.min\.js$/, contextRegExp: /qr-scanner/ }),
    {
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('QrWorkerAsset', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'QrWorkerAsset', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            compilation.emitAsset(fileName, new sources.RawSource(code));
          });
        });
      },
    },
  ];
}

module.exports = { qrWorkerPlugins, qrWorkerSource };
