import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrinter } from '../../src/printing';
import { PDF_JOBS } from '../../src/printing/jobs';
import { createPdfPool } from '../../src/platform/pdf/pool';
import { AppError } from '../../src/platform/errors';
import { ctx, dossier, handoffs, trackingRows } from '../support/forms/samples';
import { SAMPLE_ACCOUNT, sampleReceipt } from '../support/fees/receipt-samples';
import { receiptQr } from '../../src/modules/fees/receipt-pdf';
import { createTestApp } from '../support/app';
import { applicant, register, waiveFeesForSlip } from '../support/dossiers';

const text = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');

const printer = createPrinter({ threads: 2 });
afterAll(() => printer.close());

describe('PDFs through the worker pool', () => {
  const receipt = sampleReceipt();
  const qr = receiptQr(receipt, SAMPLE_ACCOUNT, 4_000);
  const bookCtx = { ...ctx, from: '2025-03-01', to: '2025-03-31' };
  const cases = [
    ['receipt-and-appointment slip', 'receiptSlip', [dossier, ctx]],
    ['dossier slip', 'dossierSlip', [dossier, ctx]],
    ['control slip', 'controlSlip', [dossier, { ...ctx, handoffs }]],
    ['refusal', 'refusal', [dossier, { ...ctx, reasons: 'Thiếu bản chính giấy tờ tùy thân' }]],
    ['tracking book (3 pages)', 'trackingBook', [trackingRows(60), bookCtx]],
    ['fee receipt A5', 'feeReceipt', [receipt, 'a5', ctx.printedAt, qr]],
    ['fee receipt 80 mm', 'feeReceipt', [receipt, '80mm', ctx.printedAt, qr]],
  ] as const;

  it.each(cases)('%s: the same bytes as rendered in the calling thread', async (_name, job, args) => {
    // In this thread first (pdfmake's font tables decoded once and shared from then on), twice, then in a worker.
    const render = PDF_JOBS[job] as (...a: unknown[]) => Promise<Buffer>;
    const here = await render(...args);
    const again = await render(...args);
    const pooled = await printer.render(job, ...(args as unknown as [never, never]));
    expect(pooled.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(again.equals(here)).toBe(true);
    expect(pooled.equals(here)).toBe(true);
    expect(text(pooled)).toBe(text(here));
  });

  it('an AppError raised in a worker comes back with its status, code and Vietnamese message', async () => {
    const err = await printer.render('receiptSlip', { ...dossier, statusUrl: '' }, ctx).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, code: 'FORM_NO_STATUS_URL', message: 'Thiếu đường dẫn tra cứu hồ sơ để in mã QR.' });
  });

  it('an unexpected error in a worker is an ordinary error (a 500 for the client), and the pool goes on', async () => {
    const err = await printer.render('feeReceipt', { ...receipt, items: null } as never, 'a5', ctx.printedAt, null).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(AppError);
    expect((await printer.render('feeReceipt', receipt, '80mm', ctx.printedAt, null)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('the pool bounds concurrency', () => {
  const worker = new URL('../support/pdf-timing-worker.ts', import.meta.url);
  type TimingJobs = { timedTrackingBook: (...a: Parameters<typeof PDF_JOBS.trackingBook>) => Promise<Buffer> };
  const bookArgs = [trackingRows(40), { ...ctx, from: '2025-03-01', to: '2025-03-31' }] as const;

  it('runs at most `threads` jobs at once and queues the rest, in order', async () => {
    const pool = createPdfPool<TimingJobs>(worker, { threads: 2 });
    try {
      const jobs = Array.from({ length: 7 }, () => pool.render('timedTrackingBook', ...bookArgs));
      // Seven jobs, two workers: five wait in the queue.
      expect(pool.stats()).toMatchObject({ maxThreads: 2, queued: 5 });
      const runs = (await Promise.all(jobs)).map((b) => JSON.parse(b.toString('utf8')) as { threadId: number; start: number; end: number; bytes: number });
      expect(runs.every((r) => r.bytes > 10_000)).toBe(true);
      expect(new Set(runs.map((r) => r.threadId)).size).toBeLessThanOrEqual(2);
      // At any job's start, how many jobs were running (itself included)?
      const overlap = Math.max(...runs.map((r) => runs.filter((o) => o.start <= r.start && o.end > r.start).length));
      expect(overlap).toBe(2);
      expect(pool.stats()).toMatchObject({ queued: 0, completed: 7 });
    } finally {
      await pool.close();
    }
  });

  it('refuses jobs past the queue limit with a 503 in Vietnamese', async () => {
    const pool = createPdfPool<TimingJobs>(worker, { threads: 1, maxQueue: 2 });
    try {
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.render('timedTrackingBook', ...bookArgs)));
      const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
      // One running, two waiting; the fourth and fifth are refused at once.
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(refused).toHaveLength(2);
      for (const e of refused) {
        expect(e).toBeInstanceOf(AppError);
        expect(e).toMatchObject({ status: 503, code: 'PDF_QUEUE_FULL', message: 'Máy chủ đang bận in quá nhiều tài liệu. Vui lòng thử lại sau ít phút.' });
      }
    } finally {
      await pool.close();
    }
  });

  it('a worker that runs out of memory fails its job, not the server; the next job gets a fresh worker', async () => {
    const small = createPdfPool<TimingJobs>(worker, { threads: 1, heapLimitMb: 48 });
    try {
      // 6,000 rows do not fit in 48 MB of heap: V8 ends the worker thread.
      const err = await small.render('timedTrackingBook', trackingRows(6000), bookArgs[1]).catch((e) => e);
      expect(err).toBeInstanceOf(Error);
      expect(String(err.code ?? err.message)).toMatch(/OUT_OF_MEMORY|memory/i);
      const ok = JSON.parse((await small.render('timedTrackingBook', trackingRows(5), bookArgs[1])).toString('utf8'));
      expect(ok.bytes).toBeGreaterThan(1000);
    } finally {
      await small.close();
    }
  });
});

describe('through HTTP', () => {
  it('a full queue answers 503 problem+json in Vietnamese with Retry-After; once it drains, the PDF comes', async () => {
    const small = createPrinter({ threads: 1, maxQueue: 1 });
    const t = await createTestApp({ printer: small });
    try {
      const clerk = await t.login('tn.tp');
      const { code } = await register(t, clerk, { applicant: applicant(1), receive: true });
      await waiveFeesForSlip(t, code);
      const url = `/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt.pdf`;
      // The one worker busy with a long register, one job waiting: the queue is full.
      const long = small.render('trackingBook', trackingRows(300), { ...ctx, from: '2025-03-01', to: '2025-03-31' });
      while (small.stats().threads === 0 || small.stats().queued > 0) await new Promise((r) => setTimeout(r, 5));
      const waiting = small.render('receiptSlip', dossier, ctx);
      expect(small.stats().queued).toBe(1);
      const busy = await t.app.inject({ url, headers: { cookie: clerk } });
      expect(busy.statusCode).toBe(503);
      expect(busy.headers['content-type']).toContain('application/problem+json');
      expect(busy.headers['retry-after']).toBe('5');
      expect(busy.json()).toMatchObject({ status: 503, code: 'PDF_QUEUE_FULL', detail: 'Máy chủ đang bận in quá nhiều tài liệu. Vui lòng thử lại sau ít phút.' });
      await Promise.all([long, waiting]);
      const ok = await t.app.inject({ url, headers: { cookie: clerk } });
      expect(ok.statusCode).toBe(200);
      expect(ok.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await t.close();
      await small.close();
    }
  });

  it('a worker that dies (here: out of memory) gives a 500 problem+json without internals', async () => {
    // 24 MB: enough to load the renderers (about 12–16 MB, more as papers are added; below that the worker dies
    // while loading and the job waits for ever, see the note in platform/pdf/pool.ts), too little to render a slip.
    const starved = createPrinter({ threads: 1, heapLimitMb: 24 });
    const t = await createTestApp({ printer: starved });
    try {
      const clerk = await t.login('tn.tp');
      const { code } = await register(t, clerk, { applicant: applicant(2), receive: true });
      await waiveFeesForSlip(t, code);
      const r = await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/forms/receipt.pdf`, headers: { cookie: clerk } });
      expect(r.statusCode).toBe(500);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toEqual({ type: 'https://motcua.gov.vn/problems/internal', title: 'Lỗi hệ thống', status: 500, code: 'INTERNAL', detail: 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.' });
      expect(r.body).not.toMatch(/memory|Worker|at .*\.(ts|js):\d+/);
    } finally {
      await t.close();
      await starved.close();
    }
  });
});
