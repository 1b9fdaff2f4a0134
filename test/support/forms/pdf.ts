// Helpers for the form tests: read a PDF back with poppler-utils (pdftotext, pdfinfo, pdffonts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

/** Text of the PDF: `layout` keeps the physical layout (columns side by side), `raw` the drawing order. */
export function pdfText(pdf: Buffer, mode: 'layout' | 'raw' = 'layout'): string {
  return execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 })
    .toString('utf8')
    .replace(/\u200B/g, '');
}

/** Whitespace (including line breaks and no-break spaces) collapsed to single spaces. */
export function flat(s: string): string {
  return s.replace(/[\s\u00A0]+/g, ' ').trim();
}

/** Raw text of the PDF with lines joined, for phrases that wrap. */
export function flatText(pdf: Buffer): string {
  return flat(pdfText(pdf, 'raw'));
}

function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  try {
    fs.writeFileSync(file, pdf);
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  const out = withFile(pdf, (f) => execFileSync('pdfinfo', [f]).toString('utf8'));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(out);
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** Names of the fonts in the PDF (subset prefixes removed) and whether each is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const out = withFile(pdf, (f) => execFileSync('pdffonts', [f]).toString('utf8'));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID
      const emb = cols[cols.length - 5];
      return { name: cols[0].replace(/^[A-Z]{6}\+/, ''), embedded: emb === 'yes' };
    });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its bounding box in points (pdftotext -bbox). */
export function wordBoxes(pdf: Buffer): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString('utf8');
  const words: WordBox[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
    } else {
      words.push({ page, text: m[7], xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]), pageWidth, pageHeight });
    }
  }
  return words;
}

const MM = 72 / 25.4;

/**
 * No word outside the text area (left 30 mm, right 15 mm, top 20 mm; the bottom margin holds only the page
 * number) — except the QR caption, which sits under the QR code in the top-left corner.
 */
export function expectTextInsideMargins(pdf: Buffer, margins = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM }): void {
  const words = wordBoxes(pdf);
  expect(words.length).toBeGreaterThan(20);
  const outside = words.filter((w) => {
    const inQrCaption = w.page === 1 && w.xMax < margins.left && w.yMin < 45 * MM;
    if (inQrCaption) return false;
    const inFooter = w.yMin > w.pageHeight - margins.bottom && /^(Trang|\d+\/\d+)$/.test(w.text);
    if (inFooter) return false;
    return (
      w.xMin < margins.left - 0.5 ||
      w.xMax > w.pageWidth - margins.right + 0.5 ||
      w.yMin < margins.top - 0.5 ||
      w.yMax > w.pageHeight - margins.bottom + 0.5
    );
  });
  const list = outside.map((w) => `${w.text}@p${w.page}(${w.xMin.toFixed(0)}–${w.xMax.toFixed(0)},${w.yMin.toFixed(0)})`);
  expect(outside.length, `text outside the margins: ${list.join(' ')}`).toBe(0);
}

/** What every paper issued by the center carries: the header blocks, the place-date line and the Tinos font. */
export function expectOfficialPaper(pdf: Buffer, opts: { date?: string | null } = {}): string {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf);
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('UBND THỊ XÃ HƯƠNG THỦY');
  expect(text).toContain('TRUNG TÂM HÀNH CHÍNH CÔNG');
  if (opts.date !== null) expect(text).toContain(opts.date ?? 'Hương Thủy, ngày 12 tháng 3 năm 2025');
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) {
    expect(f.name).toMatch(/^Tinos/);
    expect(f.embedded).toBe(true);
  }
  return text;
}
