import { DOTS, documentTitle, formatVnDate, formatVnHourDate, FONT_SIZE, signatureBlock, type PdfContent, type PdfNode } from '../../../platform/pdf';
import { badRequest } from '../../../platform/errors';
import { para, paperTop, renderPaper } from './common';
import { applicantName, honorific } from './text';
import type { ApologyContext, FormDossier } from './types';

/** A new appointment the clerk writes by hand when none is recorded yet. */
const BLANK_HOUR_DATE = '…… giờ …… phút, ngày ……/……/………';

/**
 * Phiếu xin lỗi (Mẫu 04, Thông tư 01/2018/TT-VPCP), in its two cases:
 * - the result is not ready at the appointment: the original appointment, why, and the new appointment (after an
 *   extension, or a blank to fill in by hand) — "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
 * - the result is ready but late (`settledAt` given): when it was settled, why it was late, and the apology —
 *   "Phiếu xin lỗi" about a late result.
 * Signed by the head of the center (pass them as `staff`).
 */
export async function renderApology(d: FormDossier, ctx: ApologyContext): Promise<Buffer> {
  const originalDue = d.originalDueAt ?? d.dueAt;
  if (!originalDue) throw badRequest('APOLOGY_NO_DUE_DATE', 'Hồ sơ chưa có ngày hẹn trả kết quả.');
  const settled = ctx.settledAt ?? null;
  if (!settled && ctx.newDueAt && ctx.newDueAt.getTime() <= originalDue.getTime()) {
    throw badRequest('APOLOGY_BAD_NEW_DATE', 'Ngày hẹn mới phải sau ngày hẹn trả kết quả ban đầu.');
  }
  const h = honorific(d.applicant);
  const name = applicantName(d.applicant);
  const addressee = d.applicant.kind === 'organization' ? name : `Ông/Bà ${name}`;
  const top = await paperTop(d, ctx);
  const center = ctx.center.name;
  const reason = ctx.reason.trim().replace(/\.$/, '') || DOTS;
  const unit = ctx.responsibleUnit.trim();
  const who = unit ? `${center} và ${unit}` : center;

  const recipients: PdfNode = {
    stack: [
      { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
      { text: '- Như trên;', fontSize: FONT_SIZE.small },
      ...(unit ? [{ text: `- ${unit};`, fontSize: FONT_SIZE.small }] : []),
      { text: `- Lưu: VT, ${ctx.center.shortName}.`, fontSize: FONT_SIZE.small },
    ],
  };

  const dueLines: PdfContent[] = [para([`Thời hạn trả kết quả giải quyết hồ sơ: `, { text: formatVnHourDate(originalDue), bold: true }, '.'])];
  let body: PdfContent[];
  let title: string;
  let subtitle: string | null = null;
  if (settled) {
    title = 'Phiếu xin lỗi';
    subtitle = '(Về việc trả kết quả giải quyết hồ sơ chậm so với ngày hẹn)';
    // After an extension the appointment that was missed is the new one.
    if (d.originalDueAt && d.dueAt && d.dueAt.getTime() !== d.originalDueAt.getTime()) {
      dueLines.push(para([`Ngày hẹn trả kết quả sau khi gia hạn: `, { text: formatVnHourDate(d.dueAt), bold: true }, '.']));
    }
    const lateByDate = d.dueAt ? settled.getTime() > d.dueAt.getTime() : true;
    body = [
      para(
        lateByDate
          ? [`Hồ sơ của ${h} đã được giải quyết xong vào `, { text: formatVnHourDate(settled), bold: true }, `, chậm so với thời hạn hẹn trả kết quả. Lý do: ${reason}.`]
          : [
              `Hồ sơ của ${h} đã được giải quyết xong vào `,
              { text: formatVnHourDate(settled), bold: true },
              `; tuy nhiên trong quá trình giải quyết, ${h} đã phải bổ sung, hoàn thiện hồ sơ nhiều lần. Lý do: ${reason}.`,
            ],
      ),
      para(`Sự chậm trễ này đã gây mất thời gian và phiền hà cho ${h}. ${who} thành thật xin lỗi ${h} và kính mời ${h} nhận kết quả giải quyết hồ sơ.`),
    ];
  } else {
    title = 'Phiếu xin lỗi và hẹn lại ngày trả kết quả';
    body = [
      para(`Tuy nhiên đến nay, hồ sơ của ${h} chưa được giải quyết xong. Lý do: ${reason}.`),
      para([
        `Sự chậm trễ này đã gây phiền hà cho ${h}. ${who} thành thật xin lỗi ${h} và hẹn trả kết quả giải quyết hồ sơ vào: `,
        ctx.newDueAt ? { text: formatVnHourDate(ctx.newDueAt), bold: true } : { text: BLANK_HOUR_DATE },
        '.',
      ]),
    ];
  }

  return renderPaper(title, d, ctx, [
    ...top,
    documentTitle(title, subtitle ? { text: subtitle, italics: true } : null),
    { text: [{ text: 'Kính gửi: ' }, { text: addressee, bold: true }], alignment: 'center', margin: [0, 0, 0, 10] },
    para([
      `Ngày ${formatVnDate(d.receivedAt ?? d.registeredAt)}, ${center} tiếp nhận giải quyết hồ sơ của ${h}, mã hồ sơ: `,
      { text: d.code, bold: true },
      '.',
    ]),
    para([`Nội dung yêu cầu giải quyết: `, { text: d.procedure.name, bold: true }, '.']),
    ...dueLines,
    ...body,
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
