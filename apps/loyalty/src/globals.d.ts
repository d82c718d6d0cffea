/** Set by webpack's DefinePlugin (qr-worker.webpack.js): the QR decoding worker's file name in this remote's build. */
declare const __QR_WORKER_FILE__: string;
/** Where this remote's files are served from (webpack's runtime, `publicPath: 'auto'`). */
declare let __webpack_public_path__: string;
