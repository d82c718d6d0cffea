import fs from 'node:fs';

/** Bytes gathered before a write to disk: one buffer per file being written, reused for every write. */
const BUFFER_BYTES = 256 * 1024;

/**
 * One dataset's file being written. Text is encoded into one reused buffer and written when it is
 * full, each write awaited before the buffer is filled again: at most one page of rows and this
 * buffer are ever in memory, whatever the dataset's size. (A write stream given strings would
 * allocate a new buffer per write and keep each alive until its write completes — hundreds of MB
 * of external memory over a million lines before a full GC frees them.) Written under
 * `<name>.part` and renamed when complete, so a download never sees half a file.
 */
export class ExportFile {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  bytes = 0;
  rows = 0;

  private constructor(
    readonly path: string,
    private readonly handle: fs.promises.FileHandle,
  ) {}

  static async open(path: string): Promise<ExportFile> {
    return new ExportFile(path, await fs.promises.open(`${path}.part`, 'w'));
  }

  async write(text: string, rows = 0): Promise<void> {
    this.rows += rows;
    if (text.length === 0) return;
    const size = Buffer.byteLength(text);
    this.bytes += size;
    if (this.used + size > BUFFER_BYTES) await this.flush();
    if (size > BUFFER_BYTES) {
      await this.writeFully(Buffer.from(text), size);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  /** Flushes, closes and puts the file in place. */
  async close(): Promise<void> {
    await this.flush();
    await this.handle.close();
    await fs.promises.rename(`${this.path}.part`, this.path);
  }

  /** Stops writing and removes the partial file (a failed or interrupted export). */
  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await fs.promises.rm(`${this.path}.part`, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.writeFully(this.buffer, this.used);
    this.used = 0;
  }

  private async writeFully(data: Buffer, length: number): Promise<void> {
    for (let offset = 0; offset < length; ) offset += (await this.handle.write(data, offset, length - offset)).bytesWritten;
  }
}
