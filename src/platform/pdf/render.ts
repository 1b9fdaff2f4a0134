import type { PdfMake } from 'pdfmake';
import { FONT_FAMILY, fontData } from './fonts';
import { installSharedFontTables } from './font-tables';
import type { PdfContent, PdfDocument } from './types';

// The one place that configures pdfmake (a process-wide singleton): our font, read into pdfmake's virtual file
// system, and resource policies that forbid both network and local-file access — every image we embed is a data
// URL, so a document definition can never make the server fetch a URL or read a file.
// pdfmake is loaded on first use: the server renders in worker threads (src/printing), and its main thread only
// imports these modules for their types and helpers, so it never pays for pdfmake, pdfkit and fontkit.

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/**
 * Margins of administrative documents (Nghị định 30/2020/NĐ-CP, phụ lục I): top 20 mm, bottom 20 mm,
 * left 30 mm (binding), right 15 mm.
 */
export const PORTRAIT_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
/** Registers printed landscape: 15 mm all round, so twelve columns fit. */
export const LANDSCAPE_MARGINS: [number, number, number, number] = [15 * MM, 15 * MM, 15 * MM, 15 * MM];

/** Body text 13 pt as administrative documents use; tables 12 pt; dense registers 10 pt. */
export const FONT_SIZE = { body: 13, table: 12, register: 10, small: 11, note: 10 } as const;

/** Width of the text area between the margins. */
export function contentWidth(orientation: 'portrait' | 'landscape' = 'portrait'): number {
  if (orientation === 'portrait') return A4.width - PORTRAIT_MARGINS[0] - PORTRAIT_MARGINS[2];
  return A4.height - LANDSCAPE_MARGINS[0] - LANDSCAPE_MARGINS[2];
}

const VFS_PREFIX = 'motcua-fonts/';
const FONT_NAMES = { normal: 'Tinos-Regular.ttf', bold: 'Tinos-Bold.ttf', italics: 'Tinos-Italic.ttf', bolditalics: 'Tinos-BoldItalic.ttf' };
let loading: Promise<PdfMake> | undefined;

function loadPdfmake(): Promise<PdfMake> {
  loading ??= (async () => {
    installSharedFontTables();
    const pdfmake = (await import('pdfmake')).default;
    const data = fontData();
    for (const style of Object.keys(FONT_NAMES) as (keyof typeof FONT_NAMES)[]) {
      pdfmake.virtualfs.writeFileSync(VFS_PREFIX + FONT_NAMES[style], data[style]);
    }
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  })();
  return loading;
}

async function configure(): Promise<PdfMake> {
  const pdfmake = await loadPdfmake();
  // Registered on every call (cheap) so another caller's setFonts() cannot leave us without our family.
  pdfmake.addFonts({
    [FONT_FAMILY]: {
      normal: VFS_PREFIX + FONT_NAMES.normal,
      bold: VFS_PREFIX + FONT_NAMES.bold,
      italics: VFS_PREFIX + FONT_NAMES.italics,
      bolditalics: VFS_PREFIX + FONT_NAMES.bolditalics,
    },
  });
  return pdfmake;
}

/** Compose every string to NFC so a decomposed tone mark (e.g. pasted from a Mac) uses the precomposed glyph. */
function normalizeText<T>(value: T): T {
  if (typeof value === 'string') {
    return (value.startsWith('data:') ? value : value.normalize('NFC')) as T;
  }
  if (Array.isArray(value)) return value.map((v) => normalizeText(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalizeText(v);
    return out as T;
  }
  return value;
}

/**
 * Render a document to PDF bytes: A4 (or `pageSize`), Tinos 13 pt, official margins unless the definition says
 * otherwise (5 mm all round on a custom page size).
 * `printedAt` becomes the PDF creation date so the same input gives the same metadata (no wall clock).
 */
export async function renderPdf(doc: PdfDocument, printedAt: Date): Promise<Buffer> {
  const pdfmake = await configure();
  const orientation = doc.pageOrientation ?? 'portrait';
  const custom = doc.pageSize !== undefined && doc.pageSize !== 'A4';
  const definition = {
    pageSize: doc.pageSize ?? 'A4',
    pageOrientation: orientation,
    pageMargins:
      doc.pageMargins ?? (custom ? [5 * MM, 5 * MM, 5 * MM, 5 * MM] : orientation === 'portrait' ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS),
    content: normalizeText(doc.content),
    footer: doc.footer
      ? (currentPage: number, pageCount: number) => normalizeText(doc.footer!(currentPage, pageCount) ?? '')
      : undefined,
    info: { creator: 'motcua', producer: 'motcua', ...normalizeText(doc.info ?? {}), creationDate: printedAt, modDate: printedAt },
    styles: doc.styles ?? {},
    defaultStyle: { font: FONT_FAMILY, fontSize: FONT_SIZE.body, lineHeight: 1, ...(doc.defaultStyle ?? {}) },
  };
  return pdfmake.createPdf(definition).getBuffer();
}

export type { PdfContent };
