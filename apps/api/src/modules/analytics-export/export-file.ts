import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';

/**
 * One dataset's file being written: text goes straight to a write stream and a write the stream
 * cannot take yet waits for 'drain', so at most one page of rows (plus the stream's buffer) is
 * ever in memory, whatever the dataset's size. Written under `<name>.part` and renamed when
 * complete, so a download never sees half a file.
 */
export class ExportFile {
  private readonly stream: fs.WriteStream;
  bytes = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(`${path}.part`, { flags: 'w' });
    // Reported by the next write or close instead (once() rejects on 'error'); without a listener it would crash the process.
    this.stream.on('error', () => undefined);
  }

  async write(text: string, rows = 0): Promise<void> {
    if (text.length === 0) return;
    this.bytes += Buffer.byteLength(text);
    this.rows += rows;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Flushes, closes and puts the file in place. */
  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    await fs.promises.rename(`${this.path}.part`, this.path);
  }

  /** Stops writing and removes the partial file (a failed or interrupted export). */
  async discard(): Promise<void> {
    this.stream.destroy();
    await fs.promises.rm(`${this.path}.part`, { force: true });
  }
}
