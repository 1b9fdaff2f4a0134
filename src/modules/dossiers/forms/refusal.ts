import { documentTitle, formatVnHourDate, signatureRow } from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { nonEmptyLines } from '../../../platform/text';
import { applicantLines, inline, line, para, paperTop, renderPaper } from './common';
import { honorific } from './text';
import type { FormDossier, RefusalContext } from './types';

/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03, Thông tư 01/2018/TT-VPCP): the dossier outside the center's
 * remit or not receivable, with the specific reasons in writing.
 */
export async function renderRefusal(d: FormDossier, ctx: RefusalContext): Promise<Buffer> {
  const reasons = nonEmptyLines(ctx.reasons);
  if (reasons.length === 0) throw badRequest('REFUSAL_NO_REASON', 'Phiếu từ chối phải nêu rõ lý do.');
  const top = await paperTop(d, ctx);
  return renderPaper('Phiếu từ chối tiếp nhận giải quyết hồ sơ', d, ctx, [
    ...top,
    documentTitle('Phiếu từ chối tiếp nhận giải quyết hồ sơ', [{ text: 'Mã hồ sơ: ' }, { text: d.code, bold: true }]),
    { text: `${ctx.center.name} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
    ...applicantLines(d),
    line('Nội dung yêu cầu giải quyết', d.procedure.name, { bold: true }),
    line('Thời gian nộp hồ sơ', formatVnHourDate(d.receivedAt ?? d.registeredAt)),
    para(
      `Qua nghiên cứu, đối chiếu với quy định hiện hành, ${ctx.center.name} từ chối tiếp nhận, giải quyết hồ sơ này ` +
        `với lý do cụ thể như sau:`,
      { margin: [0, 8, 0, 2] },
    ),
    reasons.length === 1
      ? para(reasons[0], { margin: [0, 0, 0, 2] })
      : { ol: reasons.map((r) => ({ text: inline(r), alignment: 'justify', margin: [0, 0, 0, 2] })), margin: [14, 0, 0, 2] },
    para(`Xin thông báo để ${honorific(d.applicant)} được biết và thực hiện./.`, { margin: [0, 6, 0, 0] }),
    signatureRow(null, { title: 'Người tiếp nhận hồ sơ', name: ctx.staff.fullName }),
  ]);
}
