import QrScanner from 'qr-scanner';

/**
 * qr-scanner, loaded only when a camera opens (this module is imported with `import()`, so it is
 * a chunk of its own, never in the remote's first load). Its decoder runs in a worker; qr-scanner
 * would build that worker from a blob: URL, which the venue's CSP (`worker-src 'self'`) refuses,
 * so the same worker code ships as a file of this remote's build (qr-worker.webpack.js) and
 * starts from the remote's own public path — never a CDN, so scanning works on a venue network
 * without the internet.
 */
export function qrWorkerUrl(): string {
  const base = typeof __webpack_public_path__ === 'string' && __webpack_public_path__ !== '' ? __webpack_public_path__ : document.baseURI;
  return new URL(__QR_WORKER_FILE__, new URL(base, document.baseURI)).href;
}

// Every scanner of this remote decodes in that worker (the same engine on every tablet).
QrScanner.createQrEngine = (() => Promise.resolve(new Worker(qrWorkerUrl()))) as typeof QrScanner.createQrEngine;

export interface RunningScanner {
  stop(): void;
}

/** Starts the back camera in `video` and calls `onCode` with each code it reads. Rejects when the camera cannot start. */
export async function startQrScanner(video: HTMLVideoElement, onCode: (data: string) => void): Promise<RunningScanner> {
  const scanner = new QrScanner(video, (result) => onCode(result.data), {
    preferredCamera: 'environment',
    maxScansPerSecond: 8,
    returnDetailedScanResult: true,
  });
  try {
    await scanner.start();
  } catch (error) {
    scanner.destroy();
    throw error;
  }
  return { stop: () => scanner.destroy() };
}
