import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';

/**
 * A backup archive: a gzip-compressed tar, written to `<file>.partial` and renamed to `<file>` only once complete,
 * so a file under the final name is always a whole backup.
 */
export class ArchiveWriter {
  private readonly pack = tar.pack();
  private readonly done: Promise<void>;
  private readonly partial: string;
  entries = 0;
  bytes = 0;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.done = pipeline(this.pack, zlib.createGzip({ level: 3 }), fs.createWriteStream(this.partial, { mode: 0o600 }));
    this.done.catch(() => undefined); // reported by finish()
  }

  async addBuffer(name: string, content: Buffer | string, mode = 0o600): Promise<void> {
    const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
    await new Promise<void>((resolve, reject) => this.pack.entry({ name, size: buf.length, mode, mtime: new Date() }, buf, (e) => (e ? reject(e) : resolve())));
    this.entries++;
    this.bytes += buf.length;
  }

  async addDir(name: string, mode = 0o700): Promise<void> {
    await new Promise<void>((resolve, reject) => this.pack.entry({ name, type: 'directory', mode, mtime: new Date() }, (e) => (e ? reject(e) : resolve())));
    this.entries++;
  }

  /**
   * Adds a file as it is now. A file that changes while it is read keeps the size it had when opened (cut, or
   * padded with zeros when it shrank), as pg_basebackup does: for a database file, the WAL in the archive repairs it.
   * Returns false when the file vanished before it could be opened.
   */
  async addFile(name: string, abs: string): Promise<boolean> {
    let fh: fsp.FileHandle;
    try {
      fh = await fsp.open(abs, 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    try {
      const st = await fh.stat();
      let settle!: (e?: Error | null) => void;
      const finished = new Promise<void>((ok, fail) => {
        settle = (e) => (e ? fail(e) : ok());
      });
      const entry = this.pack.entry({ name, size: st.size, mode: st.mode & 0o777, mtime: st.mtime }, (e) => settle(e));
      const chunk = Buffer.alloc(1024 * 1024);
      let left = st.size;
      while (left > 0) {
        const { bytesRead } = await fh.read(chunk, 0, Math.min(chunk.length, left));
        const out = bytesRead > 0 ? Buffer.from(chunk.subarray(0, bytesRead)) : Buffer.alloc(Math.min(chunk.length, left));
        left -= out.length;
        if (!entry.write(out)) await once(entry, 'drain');
      }
      entry.end(() => undefined);
      await finished;
      this.entries++;
      this.bytes += st.size;
      return true;
    } finally {
      await fh.close();
    }
  }

  async finish(): Promise<number> {
    this.pack.finalize();
    await this.done;
    const fd = fs.openSync(this.partial, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(this.partial, this.file);
    return fs.statSync(this.file).size;
  }

  async abort(): Promise<void> {
    this.pack.destroy();
    await this.done.catch(() => undefined);
    fs.rmSync(this.partial, { force: true });
  }
}

export interface ArchiveEntry {
  name: string;
  type: 'file' | 'directory';
  mode: number;
  /** The entry's content; must be consumed (or `skip()`ped) before the next entry arrives. */
  stream: Readable;
  skip(): void;
}

/** Reads an archive written by ArchiveWriter, entry by entry; refuses names that would leave the target. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const feeding = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
  feeding.catch(() => undefined);
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const name = h.name.replace(/\/+$/, '');
      if (path.isAbsolute(name) || name.split('/').includes('..')) throw new Error(`tên không hợp lệ trong bản sao lưu: ${h.name}`);
      if (h.type !== 'file' && h.type !== 'directory') {
        entry.resume();
        continue;
      }
      yield { name, type: h.type, mode: h.mode ?? 0o600, stream: entry as unknown as Readable, skip: () => entry.resume() };
    }
    await feeding;
  } finally {
    extract.destroy();
  }
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}
