// The refund slip (phiếu hoàn trả phí, lệ phí): the paper the applicant signs when the center pays back fees of a
// dossier that ended without a result. Laid out as the receipt's half A4 sheet, with the slip's own number
// (HP-yy/nnnnnnn), the receipts it pays back, the reason, the amount in words, and two signatures: the person who
// receives the money and the person who pays it back.
import { PAYMENT_METHOD_LABELS } from './domain';
import { formatVnDateTime, MM, placeDateLine, renderPdf, type PdfContent } from '../../platform/pdf';
import { A5_LANDSCAPE, centerPlace, line, money, signature } from './receipt-pdf';

/** What the slip prints: the stored refund with its dossier's center and procedure. */
export interface RefundPrint {
  refundNumber: string;
  dossierCode: string;
  method: 'cash' | 'transfer';
  amount: number;
  amountInWords: string;
  reason: string;
  payee: { name: string; address: string; idNumber: string | null };
  by: string;
  at: Date;
  centerName: string;
  procedureCode: string;
  procedureName: string;
  /** The receipts in force the dossier paid, "BL-26/0000012" each: what is being paid back. */
  receipts: string[];
}

function content(r: RefundPrint): PdfContent[] {
  const { parentAgency, place } = centerPlace(r.centerName);
  return [
    {
      columns: [
        { width: '*', stack: [{ text: parentAgency.toLocaleUpperCase('vi'), fontSize: 9.5 }, { text: r.centerName.toLocaleUpperCase('vi'), bold: true, fontSize: 9.5 }] },
        { width: 190, stack: [{ text: `Số: ${r.refundNumber}`, bold: true }, `Mã hồ sơ: ${r.dossierCode}`], fontSize: 9.5, alignment: 'right' },
      ],
    },
    { text: 'PHIẾU HOÀN TRẢ PHÍ, LỆ PHÍ', bold: true, fontSize: 14, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: `Thời điểm hoàn trả: ${formatVnDateTime(r.at)}`, alignment: 'center', italics: true, fontSize: 9.5, margin: [0, 0, 0, 6] },
    {
      stack: [
        line('Họ tên người nhận tiền', r.payee.name, true),
        line('Số định danh cá nhân/CCCD', r.payee.idNumber || '……………………'),
        line('Địa chỉ', r.payee.address || '……………………………………………………'),
        line('Hồ sơ', `${r.dossierCode} — ${r.procedureCode} ${r.procedureName}`),
        line('Đã nộp theo biên lai', r.receipts.length ? r.receipts.join(', ') : '—'),
        line('Lý do hoàn trả', r.reason),
        line('Hình thức hoàn trả', PAYMENT_METHOD_LABELS[r.method]),
        line('Số tiền hoàn trả', money(r.amount), true),
        { text: [{ text: 'Số tiền bằng chữ: ' }, { text: `${r.amountInWords}.`, bold: true, italics: true }] },
      ],
      fontSize: 10.5,
      lineHeight: 1.25,
    },
    {
      columns: [
        { width: '*', stack: [{ text: ' ', italics: true }, signature('Người nhận tiền', r.payee.name, 34)] },
        { width: '*', stack: [{ text: placeDateLine(place, r.at), italics: true }, signature('Người hoàn trả', r.by, 34)] },
      ],
      columnGap: 12,
      fontSize: 10,
      margin: [0, 10, 0, 0],
      unbreakable: true,
    },
  ];
}

/** The refund slip as PDF bytes on an A5 landscape sheet; `printedAt` goes to the metadata and the footer. */
export function refundPdf(r: RefundPrint, printedAt: Date): Promise<Buffer> {
  return renderPdf({
    pageSize: A5_LANDSCAPE,
    pageOrientation: 'landscape',
    pageMargins: [12 * MM, 8 * MM, 12 * MM, 8 * MM],
    content: content(r),
    footer: () => ({ text: `In lúc ${formatVnDateTime(printedAt)}`, fontSize: 7, color: '#666666', margin: [12 * MM, 2 * MM, 12 * MM, 0] }),
    defaultStyle: { fontSize: 10, lineHeight: 1.05 },
    info: { title: `Phiếu hoàn trả ${r.refundNumber}` },
  }, printedAt);
}
