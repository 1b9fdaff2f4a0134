import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { AppError } from '../errors';
import type { PdfJobRequest, PdfJobResult } from './pool-worker';

// PDF rendering off the event loop: a few worker threads (piscina) each holding pdfmake with its fonts parsed once,
// and a bounded queue in front of them. A burst of PDF requests then costs at most `threads` renders' worth of CPU
// and memory at a time; the rest wait their turn, and past `maxQueue` waiting jobs the server answers 503 instead
// of piling up work it cannot finish.

/** Jobs a pool runs: named functions from plain (structured-clonable) arguments to PDF bytes. */
export type PdfJobMap = Record<string, (...args: never[]) => Promise<Buffer>>;

export interface PdfPoolOptions {
  /** Worker threads at most (default: one core in two, between 1 and 4 — the event loop and PostgreSQL need the rest). */
  threads?: number;
  /** Jobs that may wait for a worker; more are refused with 503 (default 100). */
  maxQueue?: number;
  /** A worker idle this long exits, giving its memory back (default 60 s); the next job starts one again. */
  idleTimeoutMs?: number;
  /**
   * Old-generation heap limit of each worker, in MB (default 1024): a runaway document ends its worker, not the
   * server. A ceiling, not a reservation — a receipt needs ~50 MB — set for the largest paper: the tracking book
   * at its 20,000-row limit fails with 512 MB and succeeds with 1024 (measured).
   */
  heapLimitMb?: number;
}

export interface PdfPoolStats {
  threads: number;
  maxThreads: number;
  queued: number;
  completed: number;
}

export interface PdfPool<J extends PdfJobMap> {
  /** Run job `name` in a worker; AppErrors thrown there come back as AppErrors (same status, code and message). */
  render<K extends keyof J & string>(name: K, ...args: Parameters<J[K]>): Promise<Buffer>;
  stats(): PdfPoolStats;
  close(): Promise<void>;
}

export function defaultPdfThreads(): number {
  return Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2)));
}

export const poolBusy = () =>
  new AppError(503, 'PDF_QUEUE_FULL', 'Máy chủ đang bận in quá nhiều tài liệu. Vui lòng thử lại sau ít phút.');

/**
 * A pool running the jobs exported by `workerFile` (a module whose default export is `pdfWorker(jobs)`, see
 * pool-worker.ts). From TypeScript sources (tests, `npm run dev`) the workers load tsx; the compiled server's
 * workers run the compiled file.
 */
export function createPdfPool<J extends PdfJobMap>(workerFile: URL, opts: PdfPoolOptions = {}): PdfPool<J> {
  const maxThreads = opts.threads ?? defaultPdfThreads();
  const fromSource = workerFile.pathname.endsWith('.ts');
  const piscina = new Piscina({
    filename: fileURLToPath(workerFile),
    minThreads: 0,
    maxThreads,
    maxQueue: opts.maxQueue ?? 100,
    idleTimeout: opts.idleTimeoutMs ?? 60_000,
    concurrentTasksPerWorker: 1,
    // The young generation is capped too: left alone V8 grows it to 48 MB per thread under a burst of documents
    // and keeps it resident (+27 MB RSS per worker); 24 MB keeps 10 MB of that and most of the speed (at 8 MB a
    // receipt took ~15% more CPU in scavenges).
    resourceLimits: { maxOldGenerationSizeMb: opts.heapLimitMb ?? 1024, maxYoungGenerationSizeMb: 24 },
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    recordTiming: false,
  });
  // A worker that dies (out of memory, a crash) fails its job, which rejects below; piscina starts a new one.
  // Known limit: a worker that cannot even load the renderers (a heap limit below what loading needs, ~16 MB) never
  // takes the job, which then waits; the default limit is far above that.
  piscina.on('error', () => undefined);
  return {
    async render(name, ...args) {
      let result: PdfJobResult;
      try {
        result = await piscina.run({ job: name, args } satisfies PdfJobRequest);
      } catch (err) {
        if (err instanceof Error && /queue is at limit/i.test(err.message)) throw poolBusy();
        throw err;
      }
      if (!(result instanceof Uint8Array)) {
        const p = result.problem;
        throw new AppError(p.status, p.code, p.message, undefined, p.errors);
      }
      return Buffer.from(result.buffer, result.byteOffset, result.byteLength);
    },
    stats: () => ({ threads: piscina.threads.length, maxThreads, queued: piscina.queueSize, completed: piscina.completed }),
    close: () => piscina.destroy(),
  };
}
