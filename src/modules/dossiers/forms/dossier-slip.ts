import { barcodeBlock, code128, documentTitle, formatVnDateTime, FONT_SIZE, signatureRow, type PdfNode } from '../../../platform/pdf';
import { applicantLines, footnote, gridLayout, line, paperTop, renderPaper } from './common';
import { applicantAccount, channelText, dailyNumberText, honorific, timeLimitText } from './text';
import type { FormContext, FormDossier } from './types';

/**
 * Phiếu hồ sơ — printed at the support desk when a dossier is registered (founding document, step 6): the
 * applicant's account, the procedure, the dossier code (QR + barcode) and the daily sequence number in large type,
 * which the reception counter calls.
 */
export async function renderDossierSlip(d: FormDossier, ctx: FormContext): Promise<Buffer> {
  const top = await paperTop(d, ctx, null);
  const bar = await code128(d.code);
  const seq = dailyNumberText(d.dailyNumber);

  const numberBox: PdfNode = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: 'SỐ THỨ TỰ TRONG NGÀY', bold: true, fontSize: FONT_SIZE.small },
              { text: seq, bold: true, fontSize: 44, lineHeight: 1 },
            ],
            alignment: 'center',
            margin: [0, 4, 0, 4],
          },
        ],
      ],
    },
    layout: { ...gridLayout, hLineWidth: () => 1.2, vLineWidth: () => 1.2 },
  };

  const codeRow: PdfNode = {
    columns: [
      { width: 150, stack: [numberBox] },
      {
        width: '*',
        stack: [
          { text: [{ text: 'Mã hồ sơ: ' }, { text: d.code, bold: true }], alignment: 'center', margin: [0, 6, 0, 6] },
          barcodeBlock(bar, { caption: d.code, maxWidth: 270 }),
        ],
      },
    ],
    columnGap: 16,
    margin: [0, 0, 0, 10],
  };

  const procedure: PdfNode[] = [
    line('Thủ tục hành chính', d.procedure.name, { bold: true }),
    line('Mã thủ tục', d.procedure.code),
    line('Lĩnh vực', d.procedure.fieldName),
    line('Thời hạn giải quyết', timeLimitText(d.procedure.timeLimit)),
    line('Kết quả giải quyết', d.procedure.result),
    line('Hình thức nộp', channelText(d.channel)),
    line('Thời điểm đăng ký', formatVnDateTime(d.registeredAt)),
  ];

  return renderPaper('Phiếu hồ sơ', d, ctx, [
    ...top,
    documentTitle('Phiếu hồ sơ'),
    codeRow,
    { text: 'I. NGƯỜI NỘP HỒ SƠ', bold: true, margin: [0, 0, 0, 3] },
    line('Tài khoản', applicantAccount(d.applicant)),
    ...applicantLines(d, { withBirthDate: true }),
    { text: 'II. THỦ TỤC HÀNH CHÍNH', bold: true, margin: [0, 8, 0, 3] },
    ...procedure,
    footnote(
      `${honorific(d.applicant)} vui lòng giữ phiếu này và chờ gọi số ${seq} tại quầy lĩnh vực ${d.procedure.fieldName}. ` +
        `Tra cứu tình trạng hồ sơ bằng mã QR ở góc trên hoặc tại ${d.statusPage ?? d.statusUrl} (nhập 4 số cuối số điện thoại hoặc CCCD); ` +
          `điện thoại ${ctx.center.phone}.`,
    ),
    signatureRow(null, { title: 'Người hướng dẫn', name: ctx.staff.fullName }, 10),
  ]);
}
