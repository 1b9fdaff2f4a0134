import {
  DOTS,
  FONT_SIZE,
  officialHeader,
  pageNumberFooter,
  qrCode,
  PRINT_QR_SCALE,
  qrCorner,
  renderPdf,
  formatIsoDate,
  keepTokens,
  type PdfContent,
  type PdfNode,
} from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { applicantName } from './text';
import type { FormContext, FormDossier } from './types';

// Pieces shared by the dossier papers.

/** QR code (top left, opens the public status page) and the official header with number and place-date line. */
export async function paperTop(d: FormDossier, ctx: FormContext, defaultNumber?: string | null): Promise<PdfContent[]> {
  if (!d.statusUrl) throw badRequest('FORM_NO_STATUS_URL', 'Thiếu đường dẫn tra cứu hồ sơ để in mã QR.');
  const qr = await qrCode(d.statusUrl, PRINT_QR_SCALE);
  const number = ctx.documentNumber !== undefined ? ctx.documentNumber : defaultNumber;
  return [
    qrCorner(qr),
    officialHeader({
      parentAgency: ctx.center.parentAgency,
      unitName: ctx.center.name,
      number,
      placeDate: { place: ctx.center.place, date: ctx.printedAt },
    }),
  ];
}

/** A line of the paper: label in regular type, value (bold when asked); a blank to fill in when the value is empty. */
export function line(label: string, value: string | null | undefined, opts: { bold?: boolean; margin?: number[] } = {}): PdfNode {
  const v = value && value.trim() ? value.trim() : DOTS;
  return { text: [`${label}: `, ...keepTokens(v, { bold: opts.bold ?? false })], margin: opts.margin ?? [0, 0, 0, 2] };
}

/** Running text with short slash/hyphen tokens kept whole (see keepTokens); nodes pass through. */
export function inline(content: PdfContent): PdfContent {
  if (typeof content === 'string') return keepTokens(content);
  if (Array.isArray(content)) return content.flatMap((c) => (typeof c === 'string' ? keepTokens(c) : [c]));
  return content;
}

/** Two short label/value pairs on one line (e.g. phone and email); the left one may be bold. */
export function pairLine(
  a: [string, string | null | undefined],
  b: [string, string | null | undefined],
  opts: { boldLeft?: boolean; leftWidth?: string } = {},
): PdfNode {
  return {
    columns: [
      { width: opts.leftWidth ?? '50%', ...line(a[0], a[1], { bold: opts.boldLeft }) },
      { width: '*', ...line(b[0], b[1]) },
    ],
    columnGap: 10,
  };
}

/** A justified paragraph with the first line indented as in administrative prose. */
export function para(text: PdfContent, opts: { indent?: boolean; margin?: number[] } = {}): PdfNode {
  return { text: inline(text), alignment: 'justify', leadingIndent: opts.indent === false ? 0 : 28, margin: opts.margin ?? [0, 0, 0, 4] };
}

/** The applicant's identity lines: name (and representative), identification, address, phone and email. */
export function applicantLines(d: FormDossier, opts: { withBirthDate?: boolean } = {}): PdfNode[] {
  const a = d.applicant;
  const out: PdfNode[] = [];
  if (a.kind === 'organization') {
    out.push(line('Tổ chức', applicantName(a), { bold: true }));
    out.push(line('Mã số thuế/Mã số doanh nghiệp', a.taxCode));
    out.push(line('Người đại diện', a.fullName));
  } else {
    out.push(pairLine(['Ông/Bà', a.fullName], ['Số định danh cá nhân', a.idNumber], { boldLeft: true, leftWidth: '50%' }));
    if (opts.withBirthDate && a.dateOfBirth) out.push(line('Ngày sinh', formatIsoDate(a.dateOfBirth)));
  }
  out.push(line('Địa chỉ', a.address));
  out.push(pairLine(['Số điện thoại', a.phone], ['Email', a.email]));
  return out;
}

/** A small explanatory note at the end of a paper. */
export function footnote(text: PdfContent): PdfNode {
  return { text: inline(text), fontSize: FONT_SIZE.note, italics: true, margin: [0, 10, 0, 0] };
}

/** Render a portrait paper with page numbers when it runs over one page. */
export function renderPaper(title: string, d: { code: string } | null, ctx: FormContext, content: PdfContent[]): Promise<Buffer> {
  return renderPdf(
    {
      content,
      footer: pageNumberFooter(),
      info: { title: d ? `${title} - ${d.code}` : title, author: ctx.center.name, subject: title },
    },
    ctx.printedAt,
  );
}

/** Table cell layout with thin black rules and comfortable padding. */
export const gridLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};
