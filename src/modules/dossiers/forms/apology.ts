import { documentTitle, formatVnDate, formatVnHourDate, FONT_SIZE, signatureBlock, type PdfNode } from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { para, paperTop, renderPaper } from './common';
import { applicantName, honorific } from './text';
import type { ApologyContext, FormDossier } from './types';

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04, Thông tư 01/2018/TT-VPCP): the original appointment, why the
 * result is late, and the new appointment, signed by the head of the center (pass them as `staff`).
 */
export async function renderApology(d: FormDossier, ctx: ApologyContext): Promise<Buffer> {
  const originalDue = d.originalDueAt ?? d.dueAt;
  if (!originalDue) throw badRequest('APOLOGY_NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả kết quả.');
  if (!ctx.reason.trim()) throw badRequest('APOLOGY_NO_REASON', 'Phiếu xin lỗi phải nêu rõ lý do chậm trả kết quả.');
  if (ctx.newDueAt.getTime() <= originalDue.getTime()) {
    throw badRequest('APOLOGY_BAD_NEW_DATE', 'Ngày hẹn mới phải sau ngày hẹn trả kết quả ban đầu.');
  }
  const h = honorific(d.applicant);
  const name = applicantName(d.applicant);
  const addressee = d.applicant.kind === 'organization' ? name : `Ông/Bà ${name}`;
  const top = await paperTop(d, ctx);
  const center = ctx.center.name;

  const recipients: PdfNode = {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
      { text: '- Như trên;', fontSize: FONT_SIZE.small },
      { text: `- ${ctx.responsibleUnit};`, fontSize: FONT_SIZE.small },
      { text: `- Lưu: VT, ${ctx.center.shortName}.`, fontSize: FONT_SIZE.small },
    ],
  };

  return renderPaper('Phiếu xin lỗi và hẹn lại ngày trả kết quả', d, ctx, [
    ...top,
    documentTitle('Phiếu xin lỗi và hẹn lại ngày trả kết quả'),
    { text: [{ text: 'Kính gửi: ' }, { text: addressee, bold: true }], alignment: 'center', margin: [0, 0, 0, 10] },
    para([
      `Ngày ${formatVnDate(d.receivedAt ?? d.registeredAt)}, ${center} tiếp nhận giải quyết hồ sơ của ${h}, mã hồ sơ: `,
      { text: d.code, bold: true },
      '.',
    ]),
    para([`Nội dung yêu cầu giải quyết: `, { text: d.procedure.name, bold: true }, '.']),
    para([`Thời hạn trả kết quả giải quyết hồ sơ: `, { text: formatVnHourDate(originalDue), bold: true }, '.']),
    para(`Tuy nhiên đến nay, hồ sơ của ${h} chưa được giải quyết xong. Lý do: ${ctx.reason.trim().replace(/\.$/, '')}.`),
    para([
      `Sự chậm trễ này đã gây phiền hà cho ${h}. ${center} và ${ctx.responsibleUnit} thành thật xin lỗi ${h} và hẹn ` +
        `trả kết quả giải quyết hồ sơ vào: `,
      { text: formatVnHourDate(ctx.newDueAt), bold: true },
      '.',
    ]),
    para('Xin trân trọng cảm ơn./.'),
    {
      columns: [
        { width: '*', ...recipients, margin: [0, 4, 0, 0] },
        { width: '*', ...signatureBlock({ title: ctx.staff.title, note: '(Ký, ghi rõ họ tên, đóng dấu)', name: ctx.staff.fullName }) },
      ],
      columnGap: 12,
      margin: [0, 14, 0, 0],
      unbreakable: true,
    },
  ]);
}
