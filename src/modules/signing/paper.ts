// The papers of a signed result, rendered in the PDF worker (src/printing/jobs.ts): the printed result when the
// department uploaded no PDF of its own, and the verification page appended to every signed result. Both carry the
// QR code to the public verification page; they are put together and signed afterwards (sign.ts), so the QR is
// inside the signed bytes.
import { documentTitle, formatVnDateTime, officialHeader, PRINT_QR_SCALE, qrCode, qrCorner, renderPdf, type PdfContent, type PdfNode } from '../../platform/pdf';
import { gridLayout, line, para } from '../dossiers/forms/common';

export interface SignatureFacts {
  /** The public verification code (the signed_results id) and the page it opens. */
  verifyId: string;
  verifyUrl: string;
  signerName: string;
  signerTitle: string;
  unitName: string;
  centerName: string;
  parentAgency: string;
  place: string;
  signedAt: Date;
}

export interface PrintedResultInput {
  code: string;
  procedureName: string;
  procedureResult: string;
  applicantName: string;
  summary: string;
  receivedAt: Date | null;
  settledAt: Date | null;
  /** An image the department uploaded as the result (JPEG/PNG), printed under the text. */
  image?: { dataUrl: string } | null;
}

const MM = 72 / 25.4;

function signedBlock(f: SignatureFacts): PdfNode {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 230,
        stack: [
          { text: f.signerTitle.toLocaleUpperCase('vi'), bold: true },
          { text: '(Đã ký số)', italics: true, margin: [0, 2, 0, 4] },
          {
            table: { widths: ['*'], body: [[{ stack: [
              { text: `Ký bởi: ${f.signerName}`, fontSize: 10 },
              { text: `Đơn vị: ${f.unitName}`, fontSize: 10 },
              { text: `Thời gian ký: ${formatVnDateTime(f.signedAt)}`, fontSize: 10 },
            ] }]] },
            layout: gridLayout,
            margin: [10, 0, 10, 6],
          },
          { text: f.signerName, bold: true },
        ],
        alignment: 'center',
        unbreakable: true,
      },
    ],
    margin: [0, 14, 0, 0],
  };
}

/** "Kết quả giải quyết thủ tục hành chính": the department's decision as text, signed by its head. */
export async function renderPrintedResult(r: PrintedResultInput, f: SignatureFacts): Promise<Buffer> {
  const qr = await qrCode(f.verifyUrl, PRINT_QR_SCALE);
  const content: PdfContent[] = [
    qrCorner(qr, 'Xác thực văn bản'),
    officialHeader({ parentAgency: f.parentAgency, unitName: f.unitName, number: null, placeDate: { place: f.place, date: f.signedAt } }),
    documentTitle('Kết quả giải quyết thủ tục hành chính', [{ text: 'Mã hồ sơ: ' }, { text: r.code, bold: true }]),
    line('Thủ tục hành chính', r.procedureName, { bold: true }),
    line('Người nộp hồ sơ', r.applicantName, { bold: true }),
    line('Ngày tiếp nhận', r.receivedAt ? formatVnDateTime(r.receivedAt) : null),
    line('Ngày có kết quả', r.settledAt ? formatVnDateTime(r.settledAt) : null),
    line('Kết quả theo thủ tục', r.procedureResult),
    { text: 'Nội dung kết quả giải quyết:', bold: true, margin: [0, 6, 0, 2] },
    para(r.summary || 'Hồ sơ đã được giải quyết theo quy định.'),
  ];
  if (r.image) content.push({ image: r.image.dataUrl, fit: [150 * MM, 120 * MM], alignment: 'center', margin: [0, 6, 0, 6] });
  content.push(signedBlock(f));
  content.push({
    text: `Văn bản điện tử đã ký số. Mã xác thực: ${f.verifyId}. Kiểm tra tại ${f.verifyUrl} (quét mã QR ở góc trên).`,
    fontSize: 9, italics: true, margin: [0, 12, 0, 0],
  });
  return renderPdf({ content, info: { title: `Kết quả giải quyết - ${r.code}`, author: f.centerName, subject: 'Kết quả giải quyết thủ tục hành chính' } }, f.signedAt);
}

/** The last page of a signed result: who signed, when, and how to check the file (QR code and address). */
export async function renderVerificationPage(f: SignatureFacts): Promise<Buffer> {
  const qr = await qrCode(f.verifyUrl, PRINT_QR_SCALE);
  const content: PdfContent[] = [
    officialHeader({ parentAgency: f.parentAgency, unitName: f.unitName, number: null, placeDate: { place: f.place, date: f.signedAt } }),
    documentTitle('Thông tin chữ ký số và xác thực văn bản'),
    para(`Văn bản điện tử này (gồm các trang trước và trang này) đã được ký số bởi ${f.signerTitle} ${f.unitName}, thuộc ${f.centerName}.`),
    line('Người ký', f.signerName, { bold: true }),
    line('Chức vụ', f.signerTitle),
    line('Đơn vị', f.unitName),
    line('Thời gian ký', formatVnDateTime(f.signedAt)),
    line('Mã xác thực', f.verifyId),
    { image: qr.dataUrl, width: 42 * MM, height: 42 * MM, alignment: 'center', margin: [0, 10, 0, 4] },
    { text: f.verifyUrl, alignment: 'center', fontSize: 10, margin: [0, 0, 0, 10] },
    para('Quét mã QR hoặc mở địa chỉ trên để xem thông tin chữ ký và mã băm SHA-256 của văn bản; có thể tải tệp PDF nhận được lên trang đó để kiểm tra tệp có đúng là bản đã ký hay không.'),
  ];
  return renderPdf({ content, info: { title: 'Thông tin chữ ký số', author: f.centerName } }, f.signedAt);
}
