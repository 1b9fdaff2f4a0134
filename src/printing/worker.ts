import { pdfWorker } from '../platform/pdf/pool-worker';
import { PDF_JOBS } from './jobs';

// Entry point of a PDF worker thread (started by ./index.ts through piscina).
export default pdfWorker(PDF_JOBS);
