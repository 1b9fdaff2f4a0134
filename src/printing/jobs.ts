import {
  renderApology, renderControlSlip, renderDossierSlip, renderEvaluation, renderReceiptSlip, renderRefusal, renderRejection,
  renderSupplementRequest, renderTrackingBook,
} from '../modules/dossiers/forms';
import { receiptPdf } from '../modules/fees/receipt-pdf';
import { refundPdf } from '../modules/fees/refund-pdf';
import { cashbooksPdf, reportPdf } from '../modules/fees/exports';
import { settlementPdf } from '../modules/reports/exports';
import { renderPrintedResult, renderVerificationPage } from '../modules/signing/paper';

// Every PDF the server prints, by name: the renderers the worker threads run (see ./worker.ts). Their arguments
// cross a thread boundary by structured clone, so they are plain data (strings, numbers, Dates, arrays, objects).
export const PDF_JOBS = {
  dossierSlip: renderDossierSlip,
  receiptSlip: renderReceiptSlip,
  supplementRequest: renderSupplementRequest,
  refusal: renderRefusal,
  apology: renderApology,
  evaluation: renderEvaluation,
  rejection: renderRejection,
  controlSlip: renderControlSlip,
  trackingBook: renderTrackingBook,
  feeReceipt: receiptPdf,
  feeRefund: refundPdf,
  cashbooks: cashbooksPdf,
  feeReport: reportPdf,
  settlementReport: settlementPdf,
  printedResult: renderPrintedResult,
  verificationPage: renderVerificationPage,
};

export type PdfJobs = typeof PDF_JOBS;
