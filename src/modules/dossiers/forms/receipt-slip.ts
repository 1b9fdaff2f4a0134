import {
  barcodeBlock,
  code128,
  documentTitle,
  formatVnHourDate,
  FONT_SIZE,
  signatureRow,
  vnParts,
  type PdfNode,
} from '../../../platform/pdf';
import { applicantLines, footnote, gridLayout, line, paperTop, renderPaper } from './common';
import { dailyNumberText, postmarkText, returnWindowText, timeLimitText, twoDigits } from './text';
import type { FormDossier, ReceiptContext } from './types';

/** The table of documents received: STT, tên giấy tờ, bản chính, bản sao. */
export function documentsTable(items: FormDossier['checklist']): PdfNode {
  const head = ['STT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const body: PdfNode[][] = items.map((it, i) => [
    { text: String(i + 1), alignment: 'center' },
    { text: it.name },
    { text: it.original > 0 ? twoDigits(it.original) : '-', alignment: 'center' },
    { text: it.copy > 0 ? twoDigits(it.copy) : '-', alignment: 'center' },
  ]);
  if (body.length === 0) body.push([{ text: '' }, { text: 'Không có giấy tờ', italics: true }, { text: '' }, { text: '' }]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', 56, 52], body: [head, ...body] },
    layout: gridLayout,
    fontSize: FONT_SIZE.table,
    margin: [0, 2, 0, 6],
  };
}

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, Thông tư 01/2018/TT-VPCP): who submitted what, the documents
 * received, the time limit, when and where to collect the result, the entry in the tracking book, and the
 * signatures of the applicant and of the receiving officer.
 */
export async function renderReceiptSlip(d: FormDossier, ctx: ReceiptContext): Promise<Buffer> {
  const seq = dailyNumberText(d.dailyNumber);
  const top = await paperTop(d, ctx, `${seq}/TNHS`);
  const bar = await code128(d.code);
  const receivedAt = d.receivedAt ?? d.registeredAt;
  const rp = vnParts(receivedAt);
  const book = ctx.bookNumber ?? `${twoDigits(rp.month)}/${rp.year}`;
  const received = d.checklist.filter((c) => c.presented);
  const collect =
    d.channel === 'online'
      ? `Quầy trả kết quả, ${ctx.center.name}, ${ctx.center.address} (hoặc bản điện tử do Trung tâm gửi)`
      : `Quầy trả kết quả, ${ctx.center.name}, ${ctx.center.address}`;

  return renderPaper('Giấy tiếp nhận hồ sơ và hẹn trả kết quả', d, ctx, [
    ...top,
    documentTitle('Giấy tiếp nhận hồ sơ và hẹn trả kết quả', [{ text: 'Mã hồ sơ: ' }, { text: d.code, bold: true }]),
    { ...barcodeBlock(bar, { maxWidth: 260 }), margin: [0, -2, 0, 8] },
    { text: `${ctx.center.name} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
    ...applicantLines(d),
    line('Nội dung yêu cầu giải quyết', d.procedure.name, { bold: true }),
    { text: '1. Thành phần hồ sơ nộp gồm:', margin: [0, 4, 0, 0] },
    documentsTable(received),
    line('2. Số lượng hồ sơ', '01 (bộ)'),
    line('3. Thời gian giải quyết hồ sơ theo quy định', timeLimitText(d.procedure.timeLimit)),
    line('4. Thời gian nhận hồ sơ', d.postmarkedAt
      ? `${postmarkText(d.postmarkedAt)} (theo dấu ngày đến của bưu điện)`
      : formatVnHourDate(receivedAt)),
    // The public hours of the due day (the deadline itself is the end of office hours, not a time to come).
    line('5. Ngày hẹn trả kết quả', ctx.returnWindow ? returnWindowText(ctx.returnWindow) : formatVnHourDate(d.dueAt), { bold: true }),
    line('6. Nơi trả kết quả', collect),
    { text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${book}, Số thứ tự: ${seq}.`, italics: true, margin: [0, 4, 0, 0] },
    signatureRow(
      { title: 'Người nộp hồ sơ', name: d.applicant.fullName },
      { title: 'Người tiếp nhận hồ sơ', name: ctx.staff.fullName },
    ),
    footnote(
      `Ghi chú: Khi nhận kết quả, mang theo giấy này và giấy tờ tùy thân. Tra cứu tình trạng hồ sơ bằng mã QR ở góc ` +
        `trên hoặc tại ${d.statusPage ?? d.statusUrl} (nhập 4 số cuối số điện thoại hoặc CCCD); điện thoại ${ctx.center.phone}.`,
    ),
  ]);
}
