import { barcodeBlock, code128, documentTitle, formatVnDate, MM, signatureRow, type PdfContent } from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { nonEmptyLines } from '../../../platform/text';
import { inline, para, paperTop, renderPaper } from './common';
import { documentsTable } from './receipt-slip';
import { applicantName, honorific } from './text';
import type { FormDossier, RejectionContext } from './types';

/**
 * Văn bản thông báo hồ sơ không đủ điều kiện giải quyết: after processing, the department decided the dossier is not
 * eligible. The letter gives the department's reasons, lists the documents handed back (the whole dossier is
 * returned) and tells the applicant they may complain; the applicant signs for the returned dossier.
 */
export async function renderRejection(d: FormDossier, ctx: RejectionContext): Promise<Buffer> {
  const reasons = nonEmptyLines(ctx.reasons);
  if (reasons.length === 0) throw badRequest('REJECTION_NO_REASON', 'Văn bản thông báo phải nêu rõ lý do hồ sơ không đủ điều kiện giải quyết.');
  const top = await paperTop(d, ctx);
  const bar = await code128(d.code);
  const h = honorific(d.applicant);
  const name = applicantName(d.applicant);
  const addressee = d.applicant.kind === 'organization' ? name : `Ông/Bà ${name}`;
  const department = d.department?.trim() || 'cơ quan có thẩm quyền';
  const returned = d.checklist.filter((c) => c.presented);
  const reasonList: PdfContent =
    reasons.length === 1
      ? para(reasons[0], { margin: [0, 0, 0, 4] })
      : { ol: reasons.map((r) => ({ text: inline(r), alignment: 'justify', margin: [0, 0, 0, 2] })), margin: [14, 0, 0, 4] };

  return renderPaper('Thông báo hồ sơ không đủ điều kiện giải quyết', d, ctx, [
    ...top,
    documentTitle('Thông báo', 'Về việc hồ sơ không đủ điều kiện giải quyết'),
    { ...barcodeBlock(bar, { maxWidth: 240, height: 7 * MM }), margin: [0, -4, 0, 6] },
    { text: [{ text: 'Kính gửi: ' }, { text: addressee, bold: true }], alignment: 'center', margin: [0, 0, 0, 8] },
    para([
      `Ngày ${formatVnDate(d.receivedAt ?? d.registeredAt)}, ${ctx.center.name} tiếp nhận hồ sơ của ${h}, mã hồ sơ: `,
      { text: d.code, bold: true },
      '.',
    ]),
    para([`Nội dung yêu cầu giải quyết: `, { text: d.procedure.name, bold: true }, '.']),
    para(`Ngày ${formatVnDate(ctx.decidedAt)}, sau khi thẩm định, ${department} xác định hồ sơ của ${h} không đủ điều kiện giải quyết với lý do cụ thể như sau:`),
    reasonList,
    para(
      returned.length
        ? `${ctx.center.name} xin thông báo để ${h} được biết và gửi trả lại toàn bộ hồ sơ ${h} đã nộp, gồm:`
        : `${ctx.center.name} xin thông báo để ${h} được biết và gửi trả lại toàn bộ hồ sơ ${h} đã nộp.`,
    ),
    ...(returned.length ? [documentsTable(returned)] : []),
    para(
      `Trường hợp không đồng ý với nội dung thông báo này, ${h} có quyền khiếu nại theo quy định của pháp luật. ` +
        `Mọi vướng mắc xin liên hệ ${ctx.center.name}, số điện thoại ${ctx.center.phone}./.`,
    ),
    signatureRow({ title: 'Người nhận lại hồ sơ', name: d.applicant.fullName }, { title: ctx.staff.title, note: '(Ký, ghi rõ họ tên, đóng dấu)', name: ctx.staff.fullName }, 10),
  ]);
}
