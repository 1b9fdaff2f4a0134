// The printed receipt (biên lai thu phí, lệ phí): an A5 landscape sheet (half of an A4, the usual size of a
// biên lai) or an 80 mm thermal ticket whose length follows its content. A tiered line says how it was priced
// ("2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản"). The VietQR code of the center's account is
// printed when it helps the payer: the amount still due after this payment (with the caption "Quét mã để chuyển
// khoản số tiền còn lại: …"), otherwise, for a bank transfer, the code of the amount paid. A voided receipt
// carries a large "ĐÃ HỦY" stamp with the reason, who voided it and when, and no QR code; it is printed, never
// hidden.
import { buildVietQr, formatVnd, PAYMENT_METHOD_LABELS, receiptNumber, vietQrMemo } from './domain';
import { formatVnDateTime, MM, placeDateLine, PRINT_QR_SCALE, qrCode, renderPdf, type CodeImage, type PdfContent, type PdfNode } from '../../platform/pdf';
import type { ReceiptRow } from './commands/receipts';

export type ReceiptFormat = 'a5' | '80mm';

/** A5 (148 × 210 mm) laid landscape: the half of an A4 sheet. */
export const A5_LANDSCAPE = { width: 210 * MM, height: 148 * MM } as const;
export const THERMAL_WIDTH = 80 * MM;

/** "Trung tâm Hành chính công thị xã Hương Thủy" → the parent agency "UBND thị xã Hương Thủy" and the place "Hương Thủy". */
export function centerPlace(centerName: string): { parentAgency: string; place: string } {
  const locality = centerName.replace(/^Trung tâm Hành chính công\s*/i, '').trim() || centerName;
  const place = locality.replace(/^(tỉnh|thành phố|thị xã|huyện|quận|thị trấn|phường|xã)\s+/i, '').trim();
  return { parentAgency: `UBND ${locality}`, place };
}

/** The VietQR code a receipt carries and what it is for. */
export interface ReceiptQr {
  kind: 'remaining' | 'paid';
  amount: number;
  payload: string;
  memo: string;
  account: { bankName: string; accountNumber: string; accountName: string };
}

/**
 * Which QR code the receipt prints: the amount still due (`due`, the dossier's balance at printing) when there is
 * one, else for a transfer the amount paid; none for a voided receipt, without a bank account, or for a cash or
 * card payment that settled the dossier.
 */
export function receiptQr(
  r: Pick<ReceiptRow, 'method' | 'amount' | 'dossier_code' | 'voided_at'>,
  account: { bankBin: string; bankName: string; accountNumber: string; accountName: string } | null,
  due: number,
): ReceiptQr | null {
  if (r.voided_at || !account) return null;
  const kind = due > 0 ? 'remaining' : r.method === 'transfer' ? 'paid' : null;
  if (!kind) return null;
  const amount = kind === 'remaining' ? due : r.amount;
  const memo = vietQrMemo(r.dossier_code);
  const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount, purpose: memo, onLongPurpose: 'error' });
  return { kind, amount, payload, memo, account: { bankName: account.bankName, accountNumber: account.accountNumber, accountName: account.accountName } };
}

/** The caption under the code: what scanning it does, the memo and the account. */
export function qrCaption(q: ReceiptQr): string[] {
  return [
    q.kind === 'remaining'
      ? `Quét mã để chuyển khoản số tiền còn lại: ${money(q.amount)}`
      : `Mã VietQR của khoản đã chuyển khoản: ${money(q.amount)}`,
    `Nội dung: ${q.memo}`,
    `${q.account.bankName} · ${q.account.accountNumber}`,
  ];
}

export const money = (n: number) => formatVnd(n, { nbsp: true });
/** Money inside stored text ("2.000 đ") with a no-break space, so "đ" never wraps alone. */
const nbspMoney = (s: string) => s.replace(/(\d) đ/g, '$1\u00a0đ');
/** Long procedure names are cut at a word so the receipt stays on its sheet. */
const short = (s: string, max: number) => (s.length <= max ? s : s.slice(0, s.lastIndexOf(' ', max)) + '…');

function itemsTable(r: ReceiptRow, fontSize: number, compact: boolean): PdfNode {
  const head = compact
    ? [{ text: 'Khoản thu', bold: true }, { text: 'Thành tiền', bold: true, alignment: 'right' }]
    : ['STT', 'Nội dung khoản thu', 'Số lượng', 'Đơn giá', 'Thành tiền'].map((t, i) => ({ text: t, bold: true, alignment: i >= 2 ? 'right' : 'left' }));
  const rows = r.items.map((i, n) => {
    // The unit price is printed only where it explains the line (no page tiers, cap or reduction); a tiered line
    // says how it was priced, and a line paid in part says so with its whole amount.
    const plain = i.lineAmount === i.quantity * i.unitAmount;
    const name = i.amount < i.lineAmount ? `${i.name} (nộp một phần của ${money(i.lineAmount)})` : i.name;
    const label = compact && plain && i.quantity > 1 ? `${name} (${i.quantity} × ${money(i.unitAmount)})` : name;
    const cell: PdfNode = i.detail
      ? { stack: [label, { text: nbspMoney(i.detail), italics: true, fontSize: fontSize - 1.5, color: '#333333' }] }
      : { text: label };
    return compact
      ? [cell, { text: money(i.amount), alignment: 'right' }]
      : [String(n + 1), cell, { text: String(i.quantity), alignment: 'right' }, { text: plain ? money(i.unitAmount) : 'theo biểu phí', alignment: 'right' }, { text: money(i.amount), alignment: 'right' }];
  });
  const total = compact
    ? [{ text: 'Tổng cộng', bold: true }, { text: money(r.amount), bold: true, alignment: 'right' }]
    : [{ text: 'Tổng cộng', bold: true, colSpan: 4 }, '', '', '', { text: money(r.amount), bold: true, alignment: 'right' }];
  return {
    table: { headerRows: 1, widths: compact ? ['*', 62] : [20, '*', 40, 62, 66], body: [head, ...rows, total] },
    layout: compact ? 'noBorders' : { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    fontSize,
    margin: [0, 3, 0, 3],
  };
}

function voidStamp(r: ReceiptRow, x: number, y: number, size: number): PdfContent[] {
  if (!r.voided_at) return [];
  return [
    { text: 'ĐÃ HỦY', bold: true, fontSize: size, color: '#c00000', opacity: 0.35, absolutePosition: { x, y } },
    { text: `Biên lai đã hủy lúc ${formatVnDateTime(r.voided_at)} bởi ${r.voided_by_name ?? ''}. Lý do: ${r.void_reason ?? ''}`,
      color: '#c00000', bold: true, fontSize: 9, margin: [0, 3, 0, 0] },
  ];
}

/** "Label: value", the value in bold when it is what the paper is about. */
export const line = (label: string, value: string, bold = false): PdfNode => ({ text: [{ text: `${label}: ` }, { text: value, bold }] });

function facts(r: ReceiptRow, procedureMax: number): PdfContent[] {
  const method = PAYMENT_METHOD_LABELS[r.method] + (r.reference ? ` (mã giao dịch ${r.reference})` : '');
  return [
    line('Họ tên người nộp', r.payer.name, true),
    line('Địa chỉ', r.payer.address || '……………'),
    line('Mã hồ sơ', r.dossier_code, true),
    line('Thủ tục', `${r.procedure_code} — ${short(r.procedure_name, procedureMax)}`),
    line('Hình thức thanh toán', method),
  ];
}

/** Title, the note in brackets, room to sign, the full name: a signature block sized for a half sheet. */
export function signature(title: string, name: string, gap: number): PdfNode {
  return {
    stack: [
      { text: title.toLocaleUpperCase('vi'), bold: true },
      { text: '(Ký, ghi rõ họ tên)', italics: true, fontSize: 9 },
      { text: ' ', margin: [0, 0, 0, gap] },
      { text: name, bold: true },
    ],
    alignment: 'center',
  };
}

function qrBlock(q: ReceiptQr, img: CodeImage, size: number, fontSize: number): PdfNode {
  return {
    stack: [
      { image: img.dataUrl, width: size, height: size, alignment: 'center' },
      ...qrCaption(q).map((text, i) => ({ text, fontSize, bold: i === 0, alignment: 'center', margin: [0, i === 0 ? 2 : 0, 0, 0] })),
    ],
    unbreakable: true,
  };
}

function a5(r: ReceiptRow, qr: { q: ReceiptQr; img: CodeImage } | null): PdfContent[] {
  const { parentAgency, place } = centerPlace(r.center_name);
  return [
    {
      columns: [
        { width: '*', stack: [{ text: parentAgency.toLocaleUpperCase('vi'), fontSize: 9.5 }, { text: r.center_name.toLocaleUpperCase('vi'), bold: true, fontSize: 9.5 }] },
        { width: 120, stack: [`Mẫu số: ${r.form_number}`, `Ký hiệu: ${r.symbol}`, `Quyển số: ${r.book}`, { text: `Số: ${String(r.number).padStart(7, '0')}`, bold: true }], fontSize: 9.5 },
      ],
    },
    { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', bold: true, fontSize: 14, alignment: 'center', margin: [0, 2, 0, 0] },
    { text: `Số biên lai: ${receiptNumber(r.symbol, r.number)} — Thời điểm thu: ${formatVnDateTime(r.issued_at)}`, alignment: 'center', italics: true, fontSize: 9.5, margin: [0, 0, 0, 3] },
    { stack: facts(r, 120), fontSize: 10 },
    itemsTable(r, 9.5, false),
    { text: [{ text: 'Số tiền bằng chữ: ' }, { text: r.amount_in_words + '.', bold: true, italics: true }], fontSize: 10 },
    ...(r.method === 'cash' && r.tendered ? [{ text: `Khách đưa: ${money(r.tendered)} — Tiền thối lại: ${money(r.change)}`, fontSize: 9.5 }] : []),
    ...voidStamp(r, 170, 150, 60),
    {
      columns: [
        { width: '*', stack: [{ text: ' ', italics: true }, signature('Người nộp tiền', r.payer.name, 30)] },
        qr ? { width: 170, ...qrBlock(qr.q, qr.img, 25 * MM, 7.5) } : { width: 20, text: '' },
        { width: '*', stack: [{ text: placeDateLine(place, r.issued_at), italics: true }, signature('Người thu tiền', r.collector_name, 30)] },
      ],
      columnGap: 6,
      fontSize: 10,
      margin: [0, 4, 0, 0],
      unbreakable: true,
    },
  ];
}

function thermal(r: ReceiptRow, qr: { q: ReceiptQr; img: CodeImage } | null): PdfContent[] {
  const { place } = centerPlace(r.center_name);
  return [
    { text: r.center_name.toLocaleUpperCase('vi'), bold: true, alignment: 'center' },
    { text: 'BIÊN LAI THU PHÍ, LỆ PHÍ', bold: true, fontSize: 11, alignment: 'center', margin: [0, 3, 0, 0] },
    { text: `Mẫu số ${r.form_number} · Ký hiệu ${r.symbol}`, alignment: 'center' },
    { text: `Quyển ${r.book} · Số ${String(r.number).padStart(7, '0')}`, alignment: 'center' },
    { text: formatVnDateTime(r.issued_at), alignment: 'center', margin: [0, 0, 0, 3] },
    ...facts(r, 150),
    itemsTable(r, 8, true),
    { text: [{ text: 'Bằng chữ: ' }, { text: r.amount_in_words + '.', bold: true, italics: true }] },
    ...(r.method === 'cash' && r.tendered ? [{ text: `Khách đưa ${money(r.tendered)} · Thối lại ${money(r.change)}` }] : []),
    ...voidStamp(r, 20, 90, 40),
    ...(qr ? [{ ...qrBlock(qr.q, qr.img, 34 * MM, 7.5), margin: [0, 5, 0, 0] }] : []),
    { text: placeDateLine(place, r.issued_at), italics: true, alignment: 'center', margin: [0, 5, 0, 0] },
    { text: 'NGƯỜI THU TIỀN', bold: true, alignment: 'center', margin: [0, 2, 0, 0] },
    { text: r.collector_name, alignment: 'center' },
  ];
}

/**
 * The receipt as PDF bytes; `printedAt` is the moment of printing (metadata and footer); `qr` the code to print
 * (see receiptQr), if any.
 */
export async function receiptPdf(r: ReceiptRow, format: ReceiptFormat, printedAt: Date, qr: ReceiptQr | null = null): Promise<Buffer> {
  const title = `Biên lai ${receiptNumber(r.symbol, r.number)}`;
  const code = qr ? { q: qr, img: await qrCode(qr.payload, PRINT_QR_SCALE) } : null;
  if (format === '80mm') {
    return renderPdf({
      pageSize: { width: THERMAL_WIDTH, height: 'auto' },
      pageMargins: [4 * MM, 4 * MM, 4 * MM, 6 * MM],
      content: thermal(r, code),
      defaultStyle: { fontSize: 8.5, lineHeight: 1.05 },
      info: { title },
    }, printedAt);
  }
  return renderPdf({
    // pdfmake swaps width and height unless the orientation agrees with them.
    pageSize: A5_LANDSCAPE,
    pageOrientation: 'landscape',
    pageMargins: [12 * MM, 8 * MM, 12 * MM, 8 * MM],
    content: a5(r, code),
    footer: () => ({ text: `In lúc ${formatVnDateTime(printedAt)}`, fontSize: 7, color: '#666666', margin: [12 * MM, 2 * MM, 12 * MM, 0] }),
    defaultStyle: { fontSize: 10, lineHeight: 1.05 },
    info: { title },
  }, printedAt);
}
