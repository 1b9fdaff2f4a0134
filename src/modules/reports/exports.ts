// The settlement report as PDF (A4 landscape, Vietnamese, pdfmake) and Excel (exceljs), as the official form lays it.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel';
import { formatVnDateTime, LANDSCAPE_MARGINS, officialHeader, pageNumberFooter, renderPdf, signatureRow, type PdfContent } from '../../platform/pdf';
import type { Figures } from './domain';
import { COLUMNS, ddmmyyyy, FOOTNOTES, GROUPS, groupTitle, noteOf, periodLine, TITLE, type Issuer } from './form';
import type { SettlementReport } from './settlement-query';

const cell = (text: string | number, o: Record<string, unknown> = {}) => ({ text: String(text), alignment: 'center', ...o });

export async function settlementPdf(r: SettlementReport, issuer: Issuer, printedAt: Date): Promise<Buffer> {
  const head = { bold: true, fontSize: 9 };
  const header = [
    [cell('STT', { ...head, rowSpan: 3 }), cell(groupTitle(r), { ...head, rowSpan: 3 }), cell(GROUPS.received, { ...head, colSpan: 4 }), {}, {}, {},
      cell(GROUPS.result, { ...head, colSpan: 8 }), {}, {}, {}, {}, {}, {}, {}, cell(GROUPS.note, { ...head, rowSpan: 3 })],
    [{}, {}, cell('Tổng số', { ...head, rowSpan: 2 }), cell(GROUPS.of, { ...head, colSpan: 3 }), {}, {},
      cell(GROUPS.settled, { ...head, colSpan: 5 }), {}, {}, {}, {}, cell(GROUPS.inProgress, { ...head, colSpan: 3 }), {}, {}, {}],
    [{}, {}, {}, ...COLUMNS.slice(1, 4).map((c) => cell(c.label, head)), ...COLUMNS.slice(4).map((c) => cell(c.label, head)), {}],
    [cell('', head), cell('', head), ...COLUMNS.map((c) => cell(`(${c.no})`, { ...head, italics: true })), cell('', head)],
  ];
  const line = (no: string, name: string, f: Figures, bold = false) => [
    cell(no, { bold }), { text: name, bold }, ...COLUMNS.map((c) => cell(c.value(f), { bold })), { text: noteOf(f), fontSize: 8, bold },
  ];
  const body = [...header, ...r.rows.map((row, i) => line(String(i + 1), row.name, row)), line('', 'Tổng cộng', r.total, true)];
  const scopeLine = r.department ? `${r.department.name}` : r.center ? '' : 'Các Trung tâm Hành chính công trong tỉnh';
  const content: PdfContent[] = [
    officialHeader({ parentAgency: issuer.parentAgency, unitName: issuer.unitName, number: null, placeDate: { place: issuer.place, date: printedAt }, issuerWidth: 260 }),
    { text: TITLE, bold: true, fontSize: 14, alignment: 'center', margin: [0, 4, 0, 0] },
    ...(scopeLine ? [{ text: scopeLine, alignment: 'center' as const, bold: true }] : []),
    { text: periodLine(r), alignment: 'center', italics: true },
    { text: `Số hồ sơ đang giải quyết tính đến ${formatVnDateTime(new Date(r.asOf))}. Đơn vị tính: hồ sơ.`, alignment: 'center', italics: true, fontSize: 10, margin: [0, 0, 0, 6] },
    { table: { headerRows: 4, widths: [18, '*', ...COLUMNS.map(() => 33), 88], body, dontBreakRows: true }, fontSize: 9 },
    { stack: FOOTNOTES.map((t) => ({ text: t })), fontSize: 8.5, italics: true, margin: [0, 6, 0, 0] },
    signatureRow({ title: 'Người lập biểu' }, { title: r.center ? 'Giám đốc' : 'Thủ trưởng đơn vị', note: '(Ký, ghi rõ họ tên, đóng dấu)' }, 8),
  ];
  return renderPdf({
    pageOrientation: 'landscape', pageMargins: LANDSCAPE_MARGINS, content, footer: pageNumberFooter(), defaultStyle: { fontSize: 11 },
    info: { title: `${TITLE} ${ddmmyyyy(r.from)}–${ddmmyyyy(r.to)}` },
  }, printedAt);
}

export async function settlementXlsx(r: SettlementReport, issuer: Issuer, printedAt: Date): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Báo cáo giải quyết TTHC', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const last = 3 + COLUMNS.length; // STT, name, 12 figures, note → columns A … O
  const centered: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.addRow([issuer.parentAgency.toLocaleUpperCase('vi')]);
  ws.addRow([issuer.unitName.toLocaleUpperCase('vi')]).font = { bold: true };
  ws.addRow([TITLE]).font = { bold: true, size: 13 };
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).alignment = centered;
  const scope = r.department ? r.department.name : r.center ? '' : 'Các Trung tâm Hành chính công trong tỉnh';
  ws.addRow([[scope, periodLine(r)].filter(Boolean).join(' — ')]);
  ws.mergeCells(4, 1, 4, last);
  ws.getCell(4, 1).alignment = centered;
  ws.addRow([`Số hồ sơ đang giải quyết tính đến ${formatVnDateTime(new Date(r.asOf))}. Đơn vị tính: hồ sơ.`]);
  ws.mergeCells(5, 1, 5, last);
  ws.getCell(5, 1).alignment = centered;
  const h = 6; // first header row
  ws.getRow(h).values = ['STT', groupTitle(r), GROUPS.received, '', '', '', GROUPS.result, '', '', '', '', '', '', '', GROUPS.note];
  ws.getRow(h + 1).values = ['', '', 'Tổng số', GROUPS.of, '', '', GROUPS.settled, '', '', '', '', GROUPS.inProgress, '', '', ''];
  ws.getRow(h + 2).values = ['', '', '', ...COLUMNS.slice(1, 4).map((c) => c.label), ...COLUMNS.slice(4).map((c) => c.label), ''];
  ws.getRow(h + 3).values = ['', '', ...COLUMNS.map((c) => `(${c.no})`), ''];
  ws.mergeCells(h, 1, h + 2, 1);
  ws.mergeCells(h, 2, h + 2, 2);
  ws.mergeCells(h, 3, h, 6);
  ws.mergeCells(h, 7, h, 14);
  ws.mergeCells(h, 15, h + 2, 15);
  ws.mergeCells(h + 1, 3, h + 2, 3);
  ws.mergeCells(h + 1, 4, h + 1, 6);
  ws.mergeCells(h + 1, 7, h + 1, 11);
  ws.mergeCells(h + 1, 12, h + 1, 14);
  for (let row = h; row <= h + 3; row++) {
    ws.getRow(row).font = { bold: true };
    ws.getRow(row).alignment = centered;
  }
  const line = (no: number | string, name: string, f: Figures) => [no, name, ...COLUMNS.map((c) => c.value(f)), noteOf(f)];
  r.rows.forEach((row, i) => ws.addRow(line(i + 1, row.name, row)));
  ws.addRow(line('', 'Tổng cộng', r.total)).font = { bold: true };
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  for (let row = h; row <= ws.rowCount; row++) for (let c = 1; c <= last; c++) ws.getCell(row, c).border = border;
  ws.addRow([]);
  for (const t of FOOTNOTES) ws.addRow([t]).font = { italic: true, size: 9 };
  ws.addRow([]);
  const sign = ws.addRow(['', 'NGƯỜI LẬP BIỂU', '', '', '', '', '', '', '', '', r.center ? 'GIÁM ĐỐC' : 'THỦ TRƯỞNG ĐƠN VỊ']);
  sign.font = { bold: true };
  ws.addRow([`Lập lúc ${formatVnDateTime(printedAt)}`]).font = { italic: true, size: 9 };
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 46;
  for (let c = 3; c <= 14; c++) ws.getColumn(c).width = 12;
  ws.getColumn(15).width = 30;
  ws.views = [{ state: 'frozen', ySplit: h + 3, xSplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
