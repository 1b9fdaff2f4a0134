import { createPdfPool, type PdfPool, type PdfPoolOptions } from '../platform/pdf/pool';
import type { PdfJobs } from './jobs';

// The server's printer: the PDF jobs of ./jobs.ts run in a pool of worker threads. Only types are imported from
// the jobs here, so the main thread never loads pdfmake or the renderers.
export type Printer = PdfPool<PdfJobs>;

// ./worker.ts next to this file in the sources, ./worker.js in the compiled server (dist/).
const WORKER = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

export function createPrinter(opts: PdfPoolOptions = {}): Printer {
  return createPdfPool<PdfJobs>(WORKER, opts);
}
