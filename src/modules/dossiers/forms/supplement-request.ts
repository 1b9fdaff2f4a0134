import { documentTitle, formatVnHourDate, keepTokens, signatureRow, type PdfContent } from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { applicantLines, inline, line, para, paperTop, renderPaper } from './common';
import { honorific, twoDigits } from './text';
import type { FormDossier, SupplementContext } from './types';

/** The standard apology printed on a second or later supplement request. */
export function defaultSupplementApology(d: FormDossier, ctx: SupplementContext): string {
  const h = honorific(d.applicant);
  return (
    `${ctx.center.name} thành thật xin lỗi ${h} vì hồ sơ phải bổ sung, hoàn thiện đến lần thứ ${twoDigits(ctx.requestNumber)}, ` +
    `gây mất thời gian và phiền hà cho ${h}. Các nội dung nêu trên là toàn bộ yêu cầu bổ sung đối với hồ sơ này.`
  );
}

/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, Thông tư 01/2018/TT-VPCP): a numbered list of exactly what is
 * missing, the reason, whom to ask; from the second request on, an apology paragraph.
 */
export async function renderSupplementRequest(d: FormDossier, ctx: SupplementContext): Promise<Buffer> {
  const missing = ctx.missing.map((m) => m.trim()).filter((m) => m.length > 0);
  if (missing.length === 0) {
    throw badRequest('SUPPLEMENT_NOTHING_MISSING', 'Phiếu yêu cầu bổ sung phải nêu cụ thể nội dung cần bổ sung.');
  }
  if (!Number.isInteger(ctx.requestNumber) || ctx.requestNumber < 1) {
    throw badRequest('SUPPLEMENT_BAD_REQUEST_NUMBER', 'Số lần yêu cầu bổ sung không hợp lệ.');
  }
  const h = honorific(d.applicant);
  const top = await paperTop(d, ctx);
  const subtitle: PdfContent = [
    { text: 'Mã hồ sơ: ' },
    { text: d.code, bold: true },
    { text: `  (lần thứ ${twoDigits(ctx.requestNumber)})` },
  ];
  const content: PdfContent[] = [
    ...top,
    documentTitle('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', subtitle),
    { text: `${ctx.center.name} đã tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 2] },
    ...applicantLines(d),
    line('Nội dung yêu cầu giải quyết', d.procedure.name, { bold: true }),
    line('Thời gian nộp hồ sơ', formatVnHourDate(d.receivedAt ?? d.registeredAt)),
    { text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', bold: true, margin: [0, 6, 0, 2] },
    { ol: missing.map((m) => ({ text: inline(m), alignment: 'justify', margin: [0, 0, 0, 2] })), margin: [14, 0, 0, 4] },
    line('Lý do', ctx.reason),
  ];
  if (ctx.requestNumber >= 2) {
    const apology = ctx.apology?.trim() || defaultSupplementApology(d, ctx);
    content.push(para([{ text: 'Lời xin lỗi: ', bold: true, italics: true }, ...keepTokens(apology, { italics: true })], { margin: [0, 6, 0, 4] }));
  }
  content.push(
    para(
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${h} liên hệ ${ctx.staff.fullName}, ${ctx.center.name}, ` +
        `số điện thoại ${ctx.center.phone} để được hướng dẫn./.`,
      { margin: [0, 6, 0, 0] },
    ),
    signatureRow(null, { title: 'Người hướng dẫn', name: ctx.staff.fullName }),
  );
  return renderPaper('Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', d, ctx, content);
}
