import { move } from 'piscina';
import { AppError } from '../errors';
import type { PdfJobMap } from './pool';

// The worker side of the PDF pool (pool.ts): runs one named job and sends the bytes back without copying them.
// An AppError (e.g. a paper that cannot be printed for this dossier) travels back as data, since a structured
// clone keeps only an Error's message; anything else is rethrown and becomes a 500 on the main thread.

export interface PdfJobRequest {
  job: string;
  args: unknown[];
}

export type PdfJobResult =
  | Uint8Array
  | { problem: { status: number; code: string; message: string; errors?: Record<string, string>[] } };

export function pdfWorker(jobs: PdfJobMap): (req: PdfJobRequest) => Promise<PdfJobResult> {
  return async ({ job, args }) => {
    const fn = Object.hasOwn(jobs, job) ? (jobs[job] as (...a: unknown[]) => Promise<Buffer>) : undefined;
    if (!fn) throw new Error(`unknown PDF job ${job}`);
    try {
      const bytes = await fn(...args);
      // Transfer an ArrayBuffer of exactly the document (a Buffer may be a view on a larger shared slab).
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
      return move(new Uint8Array(own.buffer, own.byteOffset, own.byteLength)) as Uint8Array;
    } catch (err) {
      if (err instanceof AppError) return { problem: { status: err.status, code: err.code, message: err.message, errors: err.errors } };
      throw err;
    }
  };
}
