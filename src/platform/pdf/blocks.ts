import type { CodeImage } from './codes';
import { FONT_SIZE, MM } from './render';
import { formatVnLongDate } from './time';
import type { PdfContent, PdfNode } from './types';

// Building blocks of an administrative paper (thể thức văn bản, Nghị định 30/2020/NĐ-CP).

/** Placeholder for a value the clerk writes by hand. */
export const DOTS = '……………';

/** Width of "Độc lập - Tự do - Hạnh phúc" in Tinos Bold 13 pt (measured with fontkit), for the line under it. */
const MOTTO_LINE_WIDTH = 159;

const SIZE_HEADER = 12;

/** A horizontal line of `width` points centred in its column. */
export function centeredRule(width: number, margin: [number, number, number, number] = [0, 1, 0, 0]): PdfNode {
  return {
    columns: [
      { width: '*', text: '' },
      { width, canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.7 }] },
      { width: '*', text: '' },
    ],
    columnGap: 0,
    margin,
  };
}

/** "UBND THỊ XÃ HƯƠNG THỦY" + "Trung tâm Hành chính công thị xã Hương Thủy" → "TRUNG TÂM HÀNH CHÍNH CÔNG": the
 * locality already named by the parent agency is not repeated in the unit line. */
export function unitLine(parentAgency: string, unitName: string): string {
  const unit = unitName.trim().toLocaleUpperCase('vi');
  const parent = parentAgency.trim().toLocaleUpperCase('vi');
  const locality = parent.replace(/^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|SỞ [^ ]+|BAN [^ ]+)\s+/, '');
  if (locality && locality !== parent && unit.endsWith(' ' + locality)) {
    return unit.slice(0, unit.length - locality.length).trim();
  }
  return unit;
}

export interface OfficialHeaderInput {
  /** The superior agency, e.g. "UBND THỊ XÃ HƯƠNG THỦY" (printed upper case, regular). */
  parentAgency: string;
  /** The issuing unit, e.g. "Trung tâm Hành chính công thị xã Hương Thủy" (printed upper case, bold). */
  unitName: string;
  /** The text after "Số: ", e.g. "0007/TNHS"; null leaves no number line, undefined prints a blank to fill in. */
  number?: string | null;
  /** Place and date line, e.g. { place: 'Hương Thủy', date }. */
  placeDate?: { place: string; date: Date } | null;
  /** Width of the left (issuer) column in points. */
  issuerWidth?: number;
}

/**
 * The top of every paper: issuer on the left (parent agency over the unit, a short rule under it, the number),
 * the national motto on the right (Quốc hiệu in capitals, Tiêu ngữ underlined) and the place-date line under it.
 */
export function officialHeader(h: OfficialHeaderInput): PdfContent {
  const unit = unitLine(h.parentAgency, h.unitName);
  const issuerWidth = h.issuerWidth ?? 200;
  const top: PdfNode = {
    columns: [
      {
        width: issuerWidth,
        stack: [
          { text: h.parentAgency.trim().toLocaleUpperCase('vi'), fontSize: SIZE_HEADER },
          { text: unit, bold: true, fontSize: SIZE_HEADER },
          centeredRule(Math.min(70, issuerWidth / 3), [0, 2, 0, 0]),
        ],
        alignment: 'center',
      },
      {
        width: '*',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: SIZE_HEADER },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 13 },
          centeredRule(MOTTO_LINE_WIDTH, [0, 2, 0, 0]),
        ],
        alignment: 'center',
      },
    ],
    columnGap: 8,
    lineHeight: 1.05,
  };
  const numberText = h.number === null ? '' : `Số: ${h.number ?? DOTS}`;
  const dateText = h.placeDate ? placeDateLine(h.placeDate.place, h.placeDate.date) : '';
  if (!numberText && !dateText) return top;
  return [
    top,
    {
      columns: [
        { width: issuerWidth, text: numberText, alignment: 'center', fontSize: FONT_SIZE.body },
        { width: '*', text: dateText, alignment: 'center', italics: true, fontSize: FONT_SIZE.body },
      ],
      columnGap: 8,
      margin: [0, 6, 0, 0],
    },
  ];
}

/** "Hương Thủy, ngày 12 tháng 3 năm 2025". */
export function placeDateLine(place: string, date: Date): string {
  return `${place.trim()}, ${formatVnLongDate(date)}`;
}

/** The paper's name: bold capitals, centred, with an optional second line (e.g. "Mã hồ sơ: …"). */
export function documentTitle(title: string, subtitle?: PdfContent | null): PdfContent {
  const parts: PdfContent[] = [
    { text: title.toLocaleUpperCase('vi'), bold: true, fontSize: 14, alignment: 'center', margin: [0, 14, 0, 0] },
  ];
  if (subtitle) parts.push({ text: subtitle, alignment: 'center', fontSize: FONT_SIZE.body, margin: [0, 2, 0, 0] });
  return { stack: parts, margin: [0, 0, 0, 8] };
}

export interface SignatureInput {
  /** e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ" (printed upper case, bold). */
  title: string;
  /** The line in brackets under the title; default "(Ký, ghi rõ họ tên)". */
  note?: string;
  /** The signer's full name under the signing space; blank when null. */
  name?: string | null;
}

/** A signature block: title, "(Ký, ghi rõ họ tên)", space for the signature, full name. */
export function signatureBlock(s: SignatureInput): PdfNode {
  return {
    stack: [
      { text: s.title.toLocaleUpperCase('vi'), bold: true },
      { text: s.note ?? '(Ký, ghi rõ họ tên)', italics: true },
      { text: ' ', margin: [0, 0, 0, 46] },
      { text: s.name ?? '', bold: true },
    ],
    alignment: 'center',
    unbreakable: true,
  };
}

/**
 * Signature blocks side by side (left, right); a null side stays empty. One block goes to the right half.
 * The two sides share one table, so the names line up even when one title runs onto two lines, and the side with
 * the longer title gets the wider column (within 38–62 %), so "TRƯỞNG PHÒNG TÀI CHÍNH - KẾ HOẠCH" is not split.
 */
export function signatureRow(left: SignatureInput | null, right: SignatureInput | null, marginTop = 14): PdfNode {
  const weight = (x: SignatureInput | null) => Math.max(x?.title.length ?? 0, 20);
  const share = Math.round(100 * Math.min(0.62, Math.max(0.38, weight(left) / (weight(left) + weight(right)))));
  const cells = (x: SignatureInput | null) => x
    ? [
        { text: x.title.toLocaleUpperCase('vi'), bold: true },
        { text: x.note ?? '(Ký, ghi rõ họ tên)', italics: true },
        { text: ' ', margin: [0, 0, 0, 46] },
        { text: x.name ?? '', bold: true },
      ]
    : [{ text: '' }, { text: '' }, { text: ' ', margin: [0, 0, 0, 46] }, { text: '' }];
  const l = cells(left);
  const r = cells(right);
  return {
    stack: [{
      table: { widths: [`${share}%`, `${100 - share}%`], body: l.map((c, i) => [c, r[i]]) },
      layout: { defaultBorder: false, paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 0, paddingBottom: () => 0 },
      alignment: 'center',
    }],
    margin: [0, marginTop, 0, 0],
    unbreakable: true,
  };
}

/** Size of the QR code printed in the top-left corner of page 1. */
export const QR_SIZE = 18 * MM;

/**
 * The QR code in the top-left corner of the sheet: inside the 30 mm left margin (x 9–27 mm) and level with the
 * header, so it never overlaps the issuer block that starts at 30 mm. A caption under it says what it opens.
 */
export function qrCorner(img: CodeImage, caption = 'Tra cứu hồ sơ', top = 20 * MM): PdfNode {
  return {
    columns: [
      {
        width: QR_SIZE,
        stack: [
          { image: img.dataUrl, width: QR_SIZE, height: QR_SIZE },
          { text: caption, fontSize: 7, alignment: 'center', margin: [0, 1, 0, 0] },
        ],
      },
    ],
    absolutePosition: { x: 9 * MM, y: top },
  };
}

/**
 * A Code 128 barcode, optionally with a caption underneath (in the document font, so it can be read and copied;
 * leave it out where the code is printed right above). The bars are 0.25 mm per module, a size every counter
 * scanner reads; the whole is capped at `maxWidth`.
 */
export function barcodeBlock(
  img: CodeImage,
  opts: { caption?: string; maxWidth?: number; height?: number; alignment?: 'left' | 'center' | 'right' } = {},
): PdfNode {
  const modules = img.widthPx / img.scale;
  const width = Math.min(modules * 0.25 * MM, opts.maxWidth ?? 240);
  const alignment = opts.alignment ?? 'center';
  const stack: PdfNode[] = [{ image: img.dataUrl, width, height: opts.height ?? 8 * MM, alignment }];
  if (opts.caption) stack.push({ text: opts.caption, fontSize: FONT_SIZE.note, alignment, margin: [0, 1, 0, 0] });
  return { stack, unbreakable: true };
}

/** "Trang 1/3" centred in the bottom margin (nothing on a one-page paper unless `always`). */
export function pageNumberFooter(always = false): (currentPage: number, pageCount: number) => PdfContent | null {
  return (currentPage, pageCount) =>
    pageCount > 1 || always
      ? { text: `Trang ${currentPage}/${pageCount}`, alignment: 'center', fontSize: FONT_SIZE.note, margin: [0, 20, 0, 0] }
      : null;
}

/** A label in regular type followed by a value in bold: "Mã hồ sơ: **000.00…**". */
export function labelValue(label: string, value: string | null | undefined, opts: { bold?: boolean } = {}): PdfNode {
  const v = value && value.trim() ? value : DOTS;
  return { text: [{ text: `${label}: ` }, { text: v, bold: opts.bold ?? false }] };
}

/**
 * Split running text into inline pieces so that short tokens containing "/" or "-" — "Ông/Bà", dates, legal
 * references such as "01/2021/NĐ-CP", dossier codes — are never broken across lines (pdfmake would otherwise break
 * after the slash or hyphen). Tokens longer than 40 characters (URLs) may still break, so nothing can overflow.
 */
export function keepTokens(text: string, style: PdfNode = {}): PdfNode[] {
  const out: PdfNode[] = [];
  let plain = '';
  for (const part of text.split(/(\s+)/)) {
    if (part.length > 1 && part.length <= 40 && /\S[/-]\S/.test(part)) {
      if (plain) out.push({ text: plain, ...style });
      plain = '';
      out.push({ text: part, noWrap: true, ...style });
    } else {
      plain += part;
    }
  }
  if (plain) out.push({ text: plain, ...style });
  return out;
}
