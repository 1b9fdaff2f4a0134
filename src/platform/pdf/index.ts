// Server-side PDF papers: pdfmake with a bundled Vietnamese serif font, the blocks of an administrative paper,
// QR and Code 128 images, and Asia/Ho_Chi_Minh date text.
export { renderPdf, contentWidth, A4, MM, FONT_SIZE, PORTRAIT_MARGINS, LANDSCAPE_MARGINS } from './render';
export { FONT_FAMILY, fontFiles } from './fonts';
export { qrCode, code128, PRINT_QR_SCALE, type CodeImage } from './codes';
export {
  officialHeader,
  placeDateLine,
  documentTitle,
  signatureBlock,
  signatureRow,
  qrCorner,
  barcodeBlock,
  pageNumberFooter,
  labelValue,
  unitLine,
  centeredRule,
  keepTokens,
  DOTS,
  QR_SIZE,
  type OfficialHeaderInput,
  type SignatureInput,
} from './blocks';
export {
  vnParts,
  formatVnDate,
  formatVnTime,
  formatVnDateTime,
  formatVnHourDate,
  formatVnLongDate,
  formatIsoDate,
  vnCalendarDate,
  type VnParts,
} from './time';
export type { PdfContent, PdfNode, PdfDocument } from './types';
