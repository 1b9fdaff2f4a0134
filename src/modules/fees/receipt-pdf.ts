// The printed receipt (biên lai thu phí, lệ phí): on the top half of an A4 sheet (cut along the dashed line, i.e.
// an A5 landscape slip) or as an 80 mm thermal ticket. A voided receipt carries a large "ĐÃ HỦY" stamp with the
// reason, who voided it and when; it is printed, never hidden.
import { formatVnd, PAYMENT_METHOD_LABELS, receiptNumber } from './domain';
import { formatVnDateTime, MM, placeDateLine, renderPdf, signatureRow, type PdfContent, type PdfNode } from '../../platform/pdf';
import type { ReceiptRow } from './commands/receipts';
import { renderSizedPdf } from './thermal-render';

export type ReceiptFormat = 'a5' | '80mm';

/** "Trung tâm Hành chính công thị xã Hương Thủy" → the parent agency "UBND thị xã Hương Thủy" and the place "Hương Thủy". */
export function centerPlace(centerName: string): { parentAgency: string; place: string } {
  const locality = centerName.replace(/^Trung tâm Hành chính công\s*/i, '').trim() || centerName;
  const place = locality.replace(/^(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|phường|xã)\s+/i, '').trim();
  return { parentAgency: `UBND ${locality}`, place };
}

const money = (n: number) => formatVnd(n, { nbsp: true });
/** Long procedure names are cut at a word so the receipt stays on its half page. */
const short = (s: string, max: number) => (s.length <= max ? s : s.slice(0, s.lastIndexOf(' ', max)) + '…');

function itemsTable(r: ReceiptRow, fontSize: number, compact: boolean): PdfNode {
  const head = compact
    ? [{ text: 'Khoản thu', bold: true }, { text: 'Thành tiền', bold: true, alignment: 'right' }]
    : ['STT', 'Nội dung khoản thu', 'Số lượng', 'Đơn giá', 'Thành tiền'].map((t, i) => ({ text: t, bold: true, alignment: i >= 2 ? 'right' : 'left' }));
  const rows = r.items.map((i, n) => {
    // The unit price is printed only where it explains the line (no page tiers, cap or reduction); a line paid in part
    // says so with its whole amount.
    const plain = i.lineAmount === i.quantity * i.unitAmount;
    const name = i.amount < i.lineAmount ? `${i.name} (nộp một phần của ${money(i.lineAmount)})` : i.name;
    return compact
      ? [{ text: plain && i.quantity > 1 ? `${name} (${i.quantity} × ${money(i.unitAmount)})` : name }, { text: money(i.amount), alignment: 'right' }]
      : [String(n + 1), name, { text: String(i.quantity), alignment: 'right' }, { text: plain ? money(i.unitAmount) : 'theo biểu phí', alignment: 'right' }, { text: money(i.amount), alignment: 'right' }];
  });
  const total = compact
    ? [{ text: 'Tổng cộng', bold: true }, { text: money(r.amount), bold: true, alignment: 'right' }]
    : [{ text: 'Tổng cộng', bold: true, colSpan: 4 }, '', '', '', { text: money(r.amount), bold: true, alignment: 'right' }];
  return {
    table: { headerRows: 1, widths: compact ? ['*', 62] : [22, '*', 42, 72, 72], body: [head, ...rows, total] },
    layout: compact ? 'noBorders' : { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
    fontSize,
    margin: [0, 4, 0, 4],
  };
}

function voidStamp(r: ReceiptRow, x: number, y: number, size: number): PdfContent[] {
  if (!r.voided_at) return [];
  return [
    { text: 'ĐÃ HỦY', bold: true, fontSize: size, color: '#c00000', opacity: 0.35, absolutePosition: { x, y } },
    { text: `Biên lai đã hủy lúc ${formatVnDateTime(r.voided_at)} bởi ${r.voided_by_name ?? ''}. Lý do: ${r.void_reason ?? ''}`,
      color: '#c00000', bold: true, fontSize: 9, margin: [0, 4, 0, 0] },
  ];
}

function facts(r: ReceiptRow): PdfContent[] {
  const method = PAYMENT_METHOD_LABELS[r.method] + (r.reference ? ` (mã giao dịch ${r.reference})` : '');
  const line = (label: string, value: string, bold = false): PdfNode => ({ text: [{ text: `${label}: ` }, { text: value, bold }] });
  return [
    line('Họ tên người nộp', r.payer.name, true),
    line('Địa chỉ', r.payer.address || '……………'),
    line('Mã hồ sơ', r.dossier_code, true),
    line('Thủ tục', `${r.procedure_code} — ${short(r.procedure_name, 150)}`),
    line('Hình thức thanh toán', method),
  ];
}

function a5(r: ReceiptRow, printedAt: Date): PdfContent[] {
  const { parentAgency, place } = centerPlace(r.center_name);
  const pageHeight = 148.5 * MM;
  return [
    {
      columns: [
        { width: '*', stack: [{ text: parentAgency.toLocaleUpperCase('vi'), fontSize: 10 }, { text: r.center_name.toLocaleUpperCase('vi'), bold: true, fontSize: 10 }] },
        { width: 150, stack: [`Ký hiệu: ${r.symbol}`, `Quyển số: ${r.book}`, { text: `Số: ${String(r.number).padStart(7, '0')}`, bold: true }], fontSize: 10 },
      ],
    },
    { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', bold: true, fontSize: 15, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: `Số biên lai: ${receiptNumber(r.symbol, r.number)} — Thời điểm thu: ${formatVnDateTime(r.issued_at)}`, alignment: 'center', italics: true, fontSize: 10, margin: [0, 0, 0, 4] },
    { stack: facts(r), fontSize: 11 },
    itemsTable(r, 10, false),
    { text: [{ text: 'Số tiền bằng chữ: ' }, { text: r.amount_in_words + '.', bold: true, italics: true }], fontSize: 11 },
    ...(r.method === 'cash' && r.tendered ? [{ text: `Khách đưa: ${money(r.tendered)} — Tiền thối lại: ${money(r.change)}`, fontSize: 10 }] : []),
    { text: placeDateLine(place, r.issued_at), italics: true, alignment: 'right', fontSize: 10, margin: [0, 4, 0, 0] },
    { ...signatureRow({ title: 'Người nộp tiền', name: r.payer.name }, { title: 'Người thu tiền', name: r.collector_name }, 2), fontSize: 10 },
    ...voidStamp(r, 180, 150, 64),
    { text: `In lúc ${formatVnDateTime(printedAt)}`, fontSize: 7, color: '#666666', absolutePosition: { x: 15 * MM, y: pageHeight - 9 * MM } },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 180 * MM, y2: 0, dash: { length: 4 }, lineWidth: 0.5 }], absolutePosition: { x: 15 * MM, y: pageHeight } },
  ];
}

function thermal(r: ReceiptRow): PdfContent[] {
  const { place } = centerPlace(r.center_name);
  return [
    { text: r.center_name.toLocaleUpperCase('vi'), bold: true, alignment: 'center' },
    { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', bold: true, fontSize: 11, alignment: 'center', margin: [0, 3, 0, 0] },
    { text: `Ký hiệu ${r.symbol} · Quyển ${r.book} · Số ${String(r.number).padStart(7, '0')}`, alignment: 'center' },
    { text: formatVnDateTime(r.issued_at), alignment: 'center', margin: [0, 0, 0, 3] },
    ...facts(r),
    itemsTable(r, 8, true),
    { text: [{ text: 'Bằng chữ: ' }, { text: r.amount_in_words + '.', bold: true, italics: true }] },
    ...(r.method === 'cash' && r.tendered ? [{ text: `Khách đưa ${money(r.tendered)} · Thối lại ${money(r.change)}` }] : []),
    { text: `Người thu: ${r.collector_name}`, margin: [0, 3, 0, 0] },
    { text: place, alignment: 'right' },
    ...voidStamp(r, 20, 90, 40),
  ];
}

/** The receipt as PDF bytes; `printedAt` is the moment of printing (metadata and footer). */
export async function receiptPdf(r: ReceiptRow, format: ReceiptFormat, printedAt: Date): Promise<Buffer> {
  const title = `Biên lai ${receiptNumber(r.symbol, r.number)}`;
  if (format === '80mm') {
    return renderSizedPdf({
      size: { width: 80 * MM, height: 'auto' },
      margins: [4 * MM, 4 * MM, 4 * MM, 6 * MM],
      content: thermal(r),
      defaultStyle: { fontSize: 8.5, lineHeight: 1.05 },
      title,
    }, printedAt);
  }
  return renderPdf({
    pageMargins: [15 * MM, 10 * MM, 15 * MM, 10 * MM],
    content: a5(r, printedAt),
    defaultStyle: { fontSize: 11, lineHeight: 1.05 },
    info: { title },
  }, printedAt);
}
