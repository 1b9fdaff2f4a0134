import { loadExcel } from '../../../platform/excel';
import {
  documentTitle,
  formatIsoDate,
  formatVnDate,
  formatVnDateTime,
  FONT_SIZE,
  officialHeader,
  pageNumberFooter,
  renderPdf,
  vnCalendarDate,
  type PdfNode,
} from '../../../platform/pdf';
import { gridLayout } from './common';
import { statusText } from './text';
import type { TrackingBookContext, TrackingRow } from './types';

// Sổ theo dõi hồ sơ (Mẫu 06, Thông tư 01/2018/TT-VPCP) as a landscape PDF register and as an Excel workbook.

/** Column titles, in order, shared by the PDF and the workbook. */
export const TRACKING_COLUMNS = [
  'STT',
  'Mã hồ sơ',
  'Tên thủ tục hành chính',
  'Tổ chức, cá nhân',
  'Địa chỉ, số điện thoại',
  'Ngày nhận hồ sơ',
  'Ngày hẹn trả kết quả',
  'Ngày chuyển hồ sơ',
  'Ngày có kết quả',
  'Ngày trả kết quả',
  'Ký nhận',
  'Ghi chú',
] as const;

const DATE_KEYS = ['receivedAt', 'dueAt', 'transferredAt', 'settledAt', 'returnedAt'] as const;

function noteText(r: TrackingRow): string {
  return [statusText(r.status), r.note?.trim()].filter((s) => s).join('; ');
}

/** "Từ ngày 01/03/2025 đến ngày 31/03/2025". */
export function periodText(from: string, to: string): string {
  return `Từ ngày ${formatIsoDate(from)} đến ngày ${formatIsoDate(to)}`;
}

/** A code such as 000.00.15.H57-250312-0007 may break only after its hyphens. */
function breakableCode(code: string): string {
  return code.replace(/-/g, '-\u200B');
}

/**
 * The tracking book as an A4 landscape PDF: official header, title and period, then one row per dossier under a
 * header row repeated on every page, page numbers at the foot.
 */
export async function renderTrackingBook(rows: TrackingRow[], ctx: TrackingBookContext): Promise<Buffer> {
  const head = TRACKING_COLUMNS.map((t) => ({ text: t, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: PdfNode[][] = rows.map((r, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: breakableCode(r.code) },
    { text: r.procedureName },
    { text: r.applicantName },
    { text: r.applicantContact },
    ...DATE_KEYS.map((k) => ({ text: formatVnDate(r[k]), alignment: 'center' })),
    { text: '' },
    { text: noteText(r) },
  ]);
  if (body.length === 0) {
    body.push([{ text: 'Không có hồ sơ trong kỳ', italics: true, colSpan: TRACKING_COLUMNS.length, alignment: 'center' }, ...TRACKING_COLUMNS.slice(1).map(() => ({}))]);
  }
  const widths = [22, 70, '*', 74, 86, 48, 48, 48, 48, 48, 34, 62];
  const table: PdfNode = {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [head, ...body] },
    layout: { ...gridLayout, paddingLeft: () => 2.5, paddingRight: () => 2.5, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: FONT_SIZE.register,
    lineHeight: 1.05,
  };
  return renderPdf(
    {
      pageOrientation: 'landscape',
      content: [
        officialHeader({ parentAgency: ctx.center.parentAgency, unitName: ctx.center.name, number: null, issuerWidth: 260 }),
        documentTitle('Sổ theo dõi hồ sơ', periodText(ctx.from, ctx.to)),
        table,
        {
          columns: [
            { width: '*', text: `Tổng số: ${rows.length} hồ sơ.`, fontSize: FONT_SIZE.small },
            { width: 'auto', text: `In lúc ${formatVnDateTime(ctx.printedAt)} bởi ${ctx.staff.fullName}`, italics: true, fontSize: FONT_SIZE.note },
          ],
          margin: [0, 6, 0, 0],
        },
      ],
      footer: pageNumberFooter(true),
      info: { title: `Sổ theo dõi hồ sơ ${periodText(ctx.from, ctx.to)}`, author: ctx.center.name },
    },
    ctx.printedAt,
  );
}

/**
 * The same register as an Excel workbook: a title row, the unit and period, a bold header row (frozen and repeated
 * when printed), real date cells shown dd/mm/yyyy (the Việt Nam calendar date), column widths, A4 landscape setup.
 */
export async function trackingBookXlsx(rows: TrackingRow[], ctx: TrackingBookContext): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = ctx.center.name;
  wb.created = ctx.printedAt;
  wb.modified = ctx.printedAt;
  const ws = wb.addWorksheet('Sổ theo dõi hồ sơ', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' },
  });
  const n = TRACKING_COLUMNS.length;
  const widths = [6, 27, 40, 24, 30, 12, 12, 12, 12, 12, 12, 24];
  ws.columns = widths.map((w) => ({ width: w }));

  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = 'SỔ THEO DÕI HỒ SƠ';
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, n);
  const sub = ws.getCell(2, 1);
  sub.value = `${ctx.center.name} — ${periodText(ctx.from, ctx.to)}`;
  sub.alignment = { horizontal: 'center' };
  sub.font = { italic: true };

  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.getRow(4);
  header.values = [...TRACKING_COLUMNS];
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;
  header.eachCell((c) => {
    c.border = border;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  });

  rows.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = [
      i + 1,
      r.code,
      r.procedureName,
      r.applicantName,
      r.applicantContact,
      ...DATE_KEYS.map((k) => (r[k] ? vnCalendarDate(r[k]!) : null)),
      null,
      noteText(r),
    ];
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= n; c++) row.getCell(c).border = border;
    for (let c = 6; c <= 10; c++) {
      const cell = row.getCell(c);
      cell.numFmt = 'dd/mm/yyyy';
      cell.alignment = { horizontal: 'center', vertical: 'top' };
    }
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
  });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
