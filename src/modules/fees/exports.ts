// Excel and PDF copies of the cash book and the fee report: the same figures the API returns, money as whole
// đồng (Excel number format #,##0; "1.000.000 đ" in the PDF).
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../platform/excel';
import { formatVnDateTime, LANDSCAPE_MARGINS, renderPdf, signatureRow, type PdfContent } from '../../platform/pdf';
import { formatVnd, PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from './domain';

type Line = Cashbook['figures']['lines'][number];
const FIGURE_KEYS = ['opening', 'receipts', 'voids', 'refunds', 'handedOver', 'closing'] as const;

/** Every collector's books added up by method, and their total: the day of the whole center. */
function centerFigures(books: Cashbook[]): { lines: Line[]; total: Cashbook['figures']['total'] } {
  const lines = PAYMENT_METHODS.map((method) => {
    const l = { method, opening: 0, receipts: 0, voids: 0, refunds: 0, handedOver: 0, closing: 0 } as Line;
    for (const b of books) { const x = b.figures.lines.find((y) => y.method === method); if (x) for (const k of FIGURE_KEYS) l[k] += x[k]; }
    return l;
  });
  const total = { opening: 0, receipts: 0, voids: 0, refunds: 0, handedOver: 0, closing: 0 };
  for (const l of lines) for (const k of FIGURE_KEYS) total[k] += l[k];
  return { lines, total };
}
const ONLINE_NOTE = 'Thanh toán trực tuyến (VNPay): tiền về thẳng tài khoản của Trung tâm, đối chiếu theo sao kê ngân hàng; không nộp quỹ, không khóa sổ.';
import { isOnlineCollector, type Cashbook } from './cashbook';
import { GROUP_LABELS, type FeeReport } from './reports';

const VND = '#,##0';
const ENTRY_KIND = { receipt: 'Thu', void: 'Hủy', refund: 'Hoàn trả' } as const;
const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');
const header = (ws: ExcelJS.Worksheet, cols: string[]) => {
  const row = ws.addRow(cols);
  row.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: ws.rowCount }];
};

export async function cashbooksXlsx(centerName: string, books: Cashbook[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const sum = wb.addWorksheet('Tổng hợp');
  sum.addRow([`SỔ QUỸ THU PHÍ, LỆ PHÍ — ${centerName}`]).font = { bold: true, size: 13 };
  header(sum, ['Ngày', 'Người thu', 'Hình thức', 'Tồn đầu ngày', 'Thu trong ngày', 'Hủy trong ngày', 'Hoàn trả', 'Nộp quỹ', 'Tồn cuối ngày', 'Trạng thái']);
  for (const b of books) {
    for (const l of b.figures.lines) {
      sum.addRow([ddmmyyyy(b.day), b.collector.fullName, PAYMENT_METHOD_LABELS[l.method], l.opening, l.receipts, l.voids, l.refunds, l.handedOver, l.closing, b.status === 'closed' ? 'Đã khóa sổ' : 'Chưa khóa sổ']);
    }
    const t = b.figures.total;
    sum.addRow([ddmmyyyy(b.day), b.collector.fullName, 'Cộng', t.opening, t.receipts, t.voids, t.refunds, t.handedOver, t.closing, isOnlineCollector(b.collector.id) ? 'Trực tuyến, không khóa sổ' : '']).font = { bold: true };
  }
  if (books.length > 1) {
    const all = centerFigures(books);
    const day = ddmmyyyy(books[0]!.day);
    for (const l of all.lines) sum.addRow([day, 'Cộng các người thu', PAYMENT_METHOD_LABELS[l.method], l.opening, l.receipts, l.voids, l.refunds, l.handedOver, l.closing, '']);
    const t = all.total;
    sum.addRow([day, 'Cộng các người thu', 'Cộng', t.opening, t.receipts, t.voids, t.refunds, t.handedOver, t.closing, '']).font = { bold: true };
  }
  [4, 5, 6, 7, 8, 9].forEach((c) => (sum.getColumn(c).numFmt = VND));
  sum.columns.forEach((c, i) => (c.width = [12, 26, 22, 16, 16, 16, 16, 16, 16, 14][i]));
  const detail = wb.addWorksheet('Chi tiết');
  header(detail, ['Ngày', 'Người thu', 'Loại', 'Số biên lai / phiếu hoàn', 'Mã hồ sơ', 'Người nộp / nhận hoàn', 'Hình thức', 'Số tiền', 'Thời điểm', 'Lý do hủy, hoàn']);
  for (const b of books) {
    for (const e of b.entries) {
      detail.addRow([ddmmyyyy(b.day), b.collector.fullName, ENTRY_KIND[e.kind], e.receiptNumber, e.dossierCode, e.payer,
        PAYMENT_METHOD_LABELS[e.method], e.kind === 'receipt' ? e.amount : -e.amount, formatVnDateTime(new Date(e.at)), e.reason ?? '']);
    }
  }
  detail.getColumn(8).numFmt = VND;
  detail.columns.forEach((c, i) => (c.width = [12, 24, 8, 16, 28, 26, 20, 14, 18, 30][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function cashbooksPdf(centerName: string, day: string, books: Cashbook[], printedAt: Date): Promise<Buffer> {
  const money = (n: number) => formatVnd(n, { nbsp: true });
  const content: PdfContent[] = [
    { text: centerName.toLocaleUpperCase('vi'), bold: true, fontSize: 12 },
    { text: 'SỔ QUỸ THU PHÍ, LỆ PHÍ', bold: true, fontSize: 15, alignment: 'center', margin: [0, 8, 0, 0] },
    { text: `Ngày ${ddmmyyyy(day)}`, alignment: 'center', margin: [0, 0, 0, 8] },
  ];
  for (const b of books) {
    const status = b.status === 'closed' ? `đã khóa sổ lúc ${formatVnDateTime(new Date(b.closedAt!))}, ký xác nhận: ${b.signedOffBy}` : 'chưa khóa sổ';
    content.push({ text: `Người thu: ${b.collector.fullName} (${b.collector.username}) — ${status}`, bold: true, margin: [0, 6, 0, 2] });
    const row = (label: string, l: { opening: number; receipts: number; voids: number; refunds: number; handedOver: number; closing: number }, bold = false) =>
      [label, l.opening, l.receipts, l.voids, l.refunds, l.handedOver, l.closing].map((v, i) => ({ text: i === 0 ? String(v) : money(v as number), bold, alignment: i === 0 ? 'left' : 'right' }));
    content.push({
      table: {
        headerRows: 1, widths: ['*', 80, 80, 80, 80, 80, 80],
        body: [
          ['Hình thức', 'Tồn đầu ngày', 'Thu trong ngày', 'Hủy trong ngày', 'Hoàn trả', 'Nộp quỹ', 'Tồn cuối ngày'].map((t) => ({ text: t, bold: true })),
          ...b.figures.lines.map((l) => row(PAYMENT_METHOD_LABELS[l.method], l)),
          row('Cộng', b.figures.total, true),
        ],
      },
      fontSize: 10,
    });
    if (isOnlineCollector(b.collector.id)) content.push({ text: ONLINE_NOTE, fontSize: 9, italics: true, margin: [0, 2, 0, 0] });
    if (b.entries.length) {
      content.push({
        table: {
          headerRows: 1, widths: [55, 85, '*', '*', 80, 75],
          body: [
            ['Thời điểm', 'Số biên lai', 'Mã hồ sơ', 'Người nộp', 'Hình thức', 'Số tiền'].map((t) => ({ text: t, bold: true })),
            ...b.entries.map((e) => [formatVnDateTime(new Date(e.at)).slice(11) || '', e.receiptNumber, e.dossierCode, e.kind === 'void' ? `${e.payer} (HỦY: ${e.reason})` : e.kind === 'refund' ? `${e.payer} (HOÀN TRẢ: ${e.reason})` : e.payer,
              PAYMENT_METHOD_LABELS[e.method], { text: money(e.kind === 'receipt' ? e.amount : -e.amount), alignment: 'right' }]),
          ],
        },
        fontSize: 9, margin: [0, 4, 0, 0],
      });
    }
  }
  // The center's total and the signatures stay on one page: no signature row alone at the top of a page.
  const closing: PdfContent[] = [];
  if (books.length > 1) {
    const all = centerFigures(books);
    const row = (label: string, l: Omit<Line, 'method'>, bold = false) =>
      [label, ...FIGURE_KEYS.map((k) => l[k])].map((v, i) => ({ text: i === 0 ? String(v) : money(v as number), bold, alignment: i === 0 ? 'left' : 'right' }));
    closing.push({ text: `Cộng các người thu (${books.length})`, bold: true, margin: [0, 10, 0, 2] });
    closing.push({
      table: {
        headerRows: 1, widths: ['*', 80, 80, 80, 80, 80, 80],
        body: [
          ['Hình thức', 'Tồn đầu ngày', 'Thu trong ngày', 'Hủy trong ngày', 'Hoàn trả', 'Nộp quỹ', 'Tồn cuối ngày'].map((t) => ({ text: t, bold: true })),
          ...all.lines.map((l) => row(PAYMENT_METHOD_LABELS[l.method], l)),
          row('Cộng', all.total, true),
        ],
      },
      fontSize: 10,
    });
  }
  closing.push(signatureRow({ title: 'Người thu tiền' }, { title: 'Lãnh đạo Trung tâm', note: '(Ký, ghi rõ họ tên, đóng dấu)' }));
  content.push({ stack: closing, unbreakable: true });
  content.push({ text: `In lúc ${formatVnDateTime(printedAt)}`, fontSize: 8, color: '#666666', margin: [0, 8, 0, 0] });
  return renderPdf({ pageOrientation: 'landscape', pageMargins: LANDSCAPE_MARGINS, content, defaultStyle: { fontSize: 11 }, info: { title: `Sổ quỹ ngày ${ddmmyyyy(day)}` } }, printedAt);
}

export async function reportXlsx(centerName: string, r: FeeReport, printedAt: Date): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Báo cáo thu phí');
  ws.addRow([`BÁO CÁO THU PHÍ, LỆ PHÍ — ${centerName}`]).font = { bold: true, size: 13 };
  ws.addRow([`Từ ngày ${ddmmyyyy(r.from)} đến ngày ${ddmmyyyy(r.to)}, theo ${GROUP_LABELS[r.groupBy].toLowerCase()}`]);
  header(ws, ['Mã', GROUP_LABELS[r.groupBy], 'Số biên lai', 'Đã thu', 'Trung tâm giữ lại', 'Chuyển phòng chuyên môn']);
  for (const row of r.rows) ws.addRow([row.key, row.label, row.receipts, row.collected, row.kept, row.toDepartments]);
  ws.addRow(['', 'Tổng cộng', r.total.receipts, r.total.collected, r.total.kept, r.total.toDepartments]).font = { bold: true };
  ws.addRow(['', `Biên lai đã hủy: ${r.voided.receipts}`, '', r.voided.amount]);
  ws.addRow(['', `Đã hoàn trả (${r.refunded.refunds} phiếu hoàn)`, '', -r.refunded.amount]);
  ws.addRow(['', 'Thực thu (đã thu − đã hoàn trả)', '', r.net]).font = { bold: true };
  ws.addRow(['', `Miễn thu: ${r.waived.dossiers} hồ sơ (không thu, không tính vào số đã thu)`, '', r.waived.amount]);
  if (r.refunded.items.length) {
    ws.addRow([]);
    header(ws, ['Phiếu hoàn', 'Mã hồ sơ — lý do hoàn trả', 'Người hoàn', 'Số tiền hoàn']);
    for (const f of r.refunded.items) ws.addRow([f.refundNumber, `${f.dossierCode} — ${f.reason}`, f.by, -f.amount]);
  }
  if (r.waived.items.length) {
    ws.addRow([]);
    header(ws, ['Ngày miễn', 'Mã hồ sơ — lý do miễn thu', 'Người miễn', 'Số tiền miễn']);
    for (const w of r.waived.items) ws.addRow([formatVnDateTime(new Date(w.at)).slice(0, 10), `${w.dossierCode} — ${w.reason}`, w.by, w.amount]);
  }
  [4, 5, 6].forEach((c) => (ws.getColumn(c).numFmt = VND));
  ws.columns.forEach((c, i) => (c.width = [14, 60, 12, 16, 18, 22][i]));
  ws.addRow([`Lập lúc ${formatVnDateTime(printedAt)}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function reportPdf(centerName: string, r: FeeReport, printedAt: Date): Promise<Buffer> {
  const money = (n: number) => ({ text: formatVnd(n, { nbsp: true }), alignment: 'right' as const });
  const content: PdfContent[] = [
    { text: centerName.toLocaleUpperCase('vi'), bold: true, fontSize: 12 },
    { text: 'BÁO CÁO THU PHÍ, LỆ PHÍ', bold: true, fontSize: 15, alignment: 'center', margin: [0, 8, 0, 0] },
    { text: `Từ ngày ${ddmmyyyy(r.from)} đến ngày ${ddmmyyyy(r.to)} — theo ${GROUP_LABELS[r.groupBy].toLowerCase()}`, alignment: 'center', margin: [0, 0, 0, 8] },
    {
      table: {
        headerRows: 1, widths: [70, '*', 60, 95, 95, 110],
        body: [
          ['Mã', GROUP_LABELS[r.groupBy], 'Số biên lai', 'Đã thu', 'Trung tâm giữ lại', 'Chuyển phòng chuyên môn'].map((t) => ({ text: t, bold: true })),
          ...r.rows.map((row) => [row.key.length > 14 ? '' : row.key, row.label, { text: String(row.receipts), alignment: 'right' as const }, money(row.collected), money(row.kept), money(row.toDepartments)]),
          [{ text: '' }, { text: 'Tổng cộng', bold: true }, { text: String(r.total.receipts), alignment: 'right' as const, bold: true }, { ...money(r.total.collected), bold: true }, { ...money(r.total.kept), bold: true }, { ...money(r.total.toDepartments), bold: true }],
        ],
      },
      fontSize: 10,
    },
    { text: `Biên lai đã hủy trong kỳ: ${r.voided.receipts}, số tiền ${formatVnd(r.voided.amount, { nbsp: true })} (không tính vào số đã thu).`, margin: [0, 6, 0, 0], fontSize: 10 },
    { text: `Đã hoàn trả trong kỳ: ${r.refunded.refunds} phiếu hoàn, số tiền ${formatVnd(r.refunded.amount, { nbsp: true })}.`, fontSize: 10 },
    { text: `Thực thu (đã thu − đã hoàn trả): ${formatVnd(r.total.collected, { nbsp: true })} − ${formatVnd(r.refunded.amount, { nbsp: true })} = ${formatVnd(r.net, { nbsp: true })}.`, bold: true, fontSize: 10 },
    { text: `Miễn thu trong kỳ: ${r.waived.dossiers} hồ sơ, số tiền ${formatVnd(r.waived.amount, { nbsp: true })} (không thu, không tính vào số đã thu).`, fontSize: 10 },
    ...(r.refunded.items.length || r.waived.items.length ? [{
      table: {
        headerRows: 1, widths: [70, 105, '*', 120, 90],
        body: [
          ['Loại', 'Số phiếu / ngày', 'Mã hồ sơ — lý do', 'Người thực hiện', 'Số tiền'].map((t) => ({ text: t, bold: true })),
          ...r.refunded.items.map((f) => ['Hoàn trả', f.refundNumber, `${f.dossierCode} — ${f.reason}`, f.by, money(-f.amount)]),
          ...r.waived.items.map((w) => ['Miễn thu', formatVnDateTime(new Date(w.at)).slice(0, 10), `${w.dossierCode} — ${w.reason}`, w.by, money(w.amount)]),
        ],
      },
      fontSize: 9, margin: [0, 4, 0, 0] as [number, number, number, number],
    } as PdfContent] : []),
    signatureRow({ title: 'Người lập biểu' }, { title: 'Lãnh đạo Trung tâm', note: '(Ký, ghi rõ họ tên, đóng dấu)' }),
    { text: `In lúc ${formatVnDateTime(printedAt)}`, fontSize: 8, color: '#666666', margin: [0, 8, 0, 0] },
  ];
  return renderPdf({ pageOrientation: 'landscape', pageMargins: LANDSCAPE_MARGINS, content, defaultStyle: { fontSize: 11 }, info: { title: `Báo cáo thu phí ${ddmmyyyy(r.from)}–${ddmmyyyy(r.to)}` } }, printedAt);
}
