import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Where digitized files live. The disk store is the default; an object store can implement the same. */
export interface FileStore {
  put(content: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer>;
  /** Removes the content (the purge, once no dossier refers to it); a missing file is not an error. */
  remove(sha256: string): Promise<void>;
}

/** Content-addressed files on disk: `<root>/ab/cd/<sha256>`; the same bytes are stored once. */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private pathOf(sha: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('invalid file hash');
    return path.join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha);
  }

  async put(content: Buffer) {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const file = this.pathOf(sha256);
    try {
      await fs.access(file);
    } catch {
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under its final name.
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, content, { flag: 'wx' });
      await fs.rename(tmp, file);
    }
    return { sha256, size: content.length };
  }

  async get(sha256: string) {
    return fs.readFile(this.pathOf(sha256));
  }

  async remove(sha256: string) {
    await fs.rm(this.pathOf(sha256), { force: true });
  }
}

/** The real type of an upload, read from its first bytes (never from its name or the browser's claim). */
export function sniffMime(buf: Buffer): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
