import { barcodeBlock, code128, documentTitle, formatVnDateTime, FONT_SIZE, signatureRow, type PdfNode } from '../../../platform/pdf';
import { applicantLines, footnote, gridLayout, line, paperTop, renderPaper } from './common';
import { applicantAccount, channelText, dailyNumberText, honorific, postmarkText, timeLimitText } from './text';
import type { FormContext, FormDossier } from './types';

/** Where the applicant goes with the slip: wait for the queue number, go to the field's counter, or nothing to do. */
function nextStep(d: FormDossier): string {
  // "Tư pháp (hộ tịch, chứng thực, …)" → "Tư pháp": the sentence stays short.
  const field = d.procedure.fieldName.split(' (')[0];
  if (d.queueTicket) {
    const at = d.queueTicket.counters.length ? `tại quầy số ${d.queueTicket.counters.join(', ')} (lĩnh vực ${field})` : `tại quầy lĩnh vực ${field}`;
    return `${honorific(d.applicant)} vui lòng giữ phiếu này và chờ gọi số ${d.queueTicket.displayNumber} ${at}; số đang gọi hiện trên bảng điện tử. `;
  }
  if (d.channel === 'direct') return `${honorific(d.applicant)} vui lòng giữ phiếu này và mang hồ sơ đến quầy tiếp nhận lĩnh vực ${field}. `;
  return '';
}

/**
 * Phiếu hồ sơ — printed at the support desk when a dossier is registered (founding document, step 6): the
 * applicant's account, the procedure, the dossier code (QR + barcode) and the daily sequence number. A registration
 * at the support desk also got a queue ticket: that is the number in large type, the one the reception counters call
 * (the daily number stays on the paper, small, as the dossier's own).
 */
export async function renderDossierSlip(d: FormDossier, ctx: FormContext): Promise<Buffer> {
  const top = await paperTop(d, ctx, null);
  const bar = await code128(d.code);
  const seq = dailyNumberText(d.dailyNumber);
  const ticket = d.queueTicket ?? null;

  const numberBox: PdfNode = {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: ticket ? 'SỐ THỨ TỰ CHỜ GỌI' : 'SỐ THỨ TỰ TRONG NGÀY', bold: true, fontSize: FONT_SIZE.small },
              { text: ticket ? ticket.displayNumber : seq, bold: true, fontSize: 44, lineHeight: 1 },
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
          ...(ticket ? [{ text: `Số thứ tự trong ngày của hồ sơ: ${seq}`, alignment: 'center', margin: [0, 4, 0, 0] }] : []),
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
    ...(d.postmarkedAt ? [line('Dấu ngày đến của bưu điện', `${postmarkText(d.postmarkedAt)} (thời hạn giải quyết tính từ ngày này)`)] : []),
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
      nextStep(d) +
        `Tra cứu tình trạng hồ sơ bằng mã QR ở góc trên hoặc tại ${d.statusPage ?? d.statusUrl} (nhập 4 số cuối số điện thoại hoặc CCCD); ` +
          `điện thoại ${ctx.center.phone}.`,
    ),
    signatureRow(null, { title: 'Người hướng dẫn', name: ctx.staff.fullName }, 10),
  ]);
}
