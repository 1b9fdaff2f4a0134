import { barcodeBlock, code128, contentWidth, documentTitle, formatVnDate, FONT_SIZE, signatureRow, type PdfNode } from '../../../platform/pdf';
import { footnote, gridLayout, inline, line, pairLine, para, paperTop, renderPaper } from './common';
import { applicantName, honorific, outcomeText } from './text';
import type { EvaluationContext, FormDossier } from './types';

/** What the applicant rates (DOMAIN §8): the reception, the processing time, the staff's attitude. */
export const EVALUATION_CRITERIA = [
  'Việc tiếp nhận hồ sơ (hướng dẫn, kiểm tra, tiếp nhận tại Bộ phận Tiếp nhận và Trả kết quả)',
  'Thời gian giải quyết hồ sơ so với thời hạn hẹn trả kết quả',
  'Thái độ phục vụ của cán bộ, công chức, viên chức',
] as const;

export const EVALUATION_LEVELS = ['Rất hài lòng', 'Hài lòng', 'Không hài lòng'] as const;

const BOX = 11;

/** An empty square to tick, centred in its cell. */
function tickBox(): PdfNode {
  return {
    columns: [
      { width: '*', text: '' },
      { width: BOX, canvas: [{ type: 'rect', x: 0, y: 0, w: BOX, h: BOX, lineWidth: 0.8 }] },
      { width: '*', text: '' },
    ],
    columnGap: 0,
    margin: [0, 3, 0, 3],
  };
}

/**
 * Phiếu đánh giá mức độ hài lòng — handed over with the result: the dossier, the procedure and how the result
 * compares with the appointment, then one row per criterion with "rất hài lòng / hài lòng / không hài lòng" boxes to
 * tick, room for comments and the applicant's (optional) signature. The barcode lets the counter record the paper.
 */
export async function renderEvaluation(d: FormDossier, ctx: EvaluationContext): Promise<Buffer> {
  // With a rating link the QR rates the dossier online (issue 14); without one it opens the status page.
  const top = await paperTop(ctx.evaluationUrl ? { ...d, statusUrl: ctx.evaluationUrl } : d, ctx);
  const bar = await code128(d.code);
  const h = honorific(d.applicant);
  const head = ['STT', 'Tiêu chí đánh giá', ...EVALUATION_LEVELS].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  const rows: PdfNode[][] = EVALUATION_CRITERIA.map((c, i) => [
    { text: String(i + 1), alignment: 'center', margin: [0, 2, 0, 0] },
    { text: inline(c) },
    tickBox(),
    tickBox(),
    tickBox(),
  ]);
  const table: PdfNode = {
    table: { headerRows: 1, dontBreakRows: true, widths: [28, '*', 58, 52, 58], body: [head, ...rows] },
    layout: gridLayout,
    fontSize: FONT_SIZE.table,
    margin: [0, 2, 0, 8],
  };
  const timing = ctx.timing ? outcomeText(ctx.timing) : '';
  const comments: PdfNode[] = [
    { text: 'Ý kiến góp ý khác (nếu có):', bold: true, margin: [0, 0, 0, 2] },
    ...[0, 1, 2].map(() => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth(), y2: 0, lineWidth: 0.6, dash: { length: 1, space: 2.5 } }], margin: [0, 17, 0, 0] })),
  ];

  return renderPaper('Phiếu đánh giá mức độ hài lòng', d, ctx, [
    ...top,
    documentTitle('Phiếu đánh giá mức độ hài lòng', [{ text: 'Mã hồ sơ: ' }, { text: d.code, bold: true }]),
    { ...barcodeBlock(bar, { maxWidth: 260 }), margin: [0, -2, 0, 8] },
    line('Người nộp hồ sơ', applicantName(d.applicant), { bold: true }),
    line('Thủ tục hành chính', d.procedure.name, { bold: true }),
    pairLine(['Ngày tiếp nhận', formatVnDate(d.receivedAt ?? d.registeredAt)], ['Ngày hẹn trả kết quả', formatVnDate(d.dueAt)]),
    pairLine(['Ngày có kết quả', formatVnDate(d.settledAt)], ['So với ngày hẹn', timing]),
    para(
      `Nhằm không ngừng nâng cao chất lượng phục vụ, ${ctx.center.name} kính đề nghị ${h} cho biết mức độ hài lòng ` +
        `bằng cách đánh dấu (X) vào một ô ở mỗi tiêu chí dưới đây:`,
      { margin: [0, 8, 0, 4] },
    ),
    table,
    ...comments,
    signatureRow(null, { title: 'Người đánh giá', note: '(Ký, ghi rõ họ tên – không bắt buộc)', name: d.applicant.fullName }, 12),
    footnote(
      `Ghi chú: ${h} gửi lại phiếu tại quầy trả kết quả hoặc bỏ vào hòm phiếu của Trung tâm` +
        (ctx.evaluationUrl ? '; có thể đánh giá trực tuyến bằng mã QR ở góc trên (dùng một lần)' : '') +
        `. Mỗi hồ sơ được đánh giá một lần. Xin trân trọng cảm ơn!`,
    ),
  ]);
}
