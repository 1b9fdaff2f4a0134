// Rendering on a page that is not A4: the 80 mm thermal receipt. `renderPdf` of src/platform/pdf only knows A4, so
// this asks it to configure pdfmake (fonts, no file or network access) with one tiny render, then lays the same kind
// of definition out on a custom page size. To be replaced by a page-size option of `renderPdf` when it has one.
import pdfmake from 'pdfmake';
import { FONT_FAMILY, renderPdf, type PdfContent } from '../../platform/pdf';

let ready: Promise<unknown> | undefined;

function nfc<T>(value: T): T {
  if (typeof value === 'string') return (value.startsWith('data:') ? value : value.normalize('NFC')) as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, nfc(v)])) as T;
  }
  return value;
}

export interface SizedDocument {
  /** Width in points; height in points or 'auto' (the page grows with the content, as on a roll). */
  size: { width: number; height: number | 'auto' };
  margins: [number, number, number, number];
  content: PdfContent;
  defaultStyle?: Record<string, unknown>;
  title: string;
}

export async function renderSizedPdf(doc: SizedDocument, printedAt: Date): Promise<Buffer> {
  ready ??= renderPdf({ content: '' }, printedAt);
  await ready;
  return pdfmake.createPdf({
    pageSize: doc.size,
    pageMargins: doc.margins,
    content: nfc(doc.content),
    info: { title: doc.title.normalize('NFC'), creator: 'motcua', producer: 'motcua', creationDate: printedAt, modDate: printedAt },
    defaultStyle: { font: FONT_FAMILY, fontSize: 9, lineHeight: 1, ...(doc.defaultStyle ?? {}) },
  }).getBuffer();
}
