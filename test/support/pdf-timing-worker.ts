import { threadId } from 'node:worker_threads';
import { pdfWorker } from '../../src/platform/pdf/pool-worker';
import { PDF_JOBS } from '../../src/printing/jobs';

// A PDF worker for the pool tests: runs the real tracking-book renderer, and answers with when it ran and on which
// thread (as JSON bytes) so a test can see how many jobs overlapped.
export default pdfWorker({
  async timedTrackingBook(...args: Parameters<typeof PDF_JOBS.trackingBook>) {
    const start = performance.timeOrigin + performance.now();
    const pdf = await PDF_JOBS.trackingBook(...args);
    const end = performance.timeOrigin + performance.now();
    return Buffer.from(JSON.stringify({ threadId, start, end, bytes: pdf.length }));
  },
});
