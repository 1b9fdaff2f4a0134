import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfQrCodes, pdfText } from '../../../test/support/fee-fixtures';
import { parseTlv, verifyCrc, type TlvMap } from './domain';
import { A5_LANDSCAPE, receiptPdf, receiptQr, THERMAL_WIDTH } from './receipt-pdf';
import { SAMPLE_ACCOUNT, sampleReceipt, sampleTransferReceipt } from '../../../test/support/fees/receipt-samples';

const at = new Date('2025-03-12T03:20:00Z');
const flat = (pdf: Buffer) => pdfText(pdf, 'raw').replace(/\s+/g, ' ');

/** The one VietQR code printed on the PDF, parsed; fails unless there is exactly one and its CRC holds. */
function printedQr(pdf: Buffer) {
  const codes = pdfQrCodes(pdf);
  expect(codes).toHaveLength(1);
  expect(verifyCrc(codes[0])).toBe(true);
  const tlv = parseTlv(codes[0]);
  return { tlv, merchant: ((tlv['38'] as TlvMap)['01'] as TlvMap) };
}

/** The lowest text on the page (pdftotext -bbox): how far the content reaches down, in points. */
function lowestText(pdf: Buffer): number {
  const html = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8' });
  return Math.max(...[...html.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])));
}

describe('receiptQr: which VietQR code a receipt prints', () => {
  const partial = sampleReceipt();
  const transfer = sampleTransferReceipt();
  it.each([
    ['a partial cash payment: the remaining amount', partial, SAMPLE_ACCOUNT, 4_000, { kind: 'remaining', amount: 4_000 }],
    ['a partial transfer: the remaining amount', transfer, SAMPLE_ACCOUNT, 500, { kind: 'remaining', amount: 500 }],
    ['a transfer that settled the dossier: the amount paid', transfer, SAMPLE_ACCOUNT, 0, { kind: 'paid', amount: 1_140_000 }],
    ['cash that settled the dossier: none', partial, SAMPLE_ACCOUNT, 0, null],
    ['no bank account: none', partial, null, 4_000, null],
    ['a voided receipt: none', { ...partial, voided_at: at }, SAMPLE_ACCOUNT, 4_000, null],
  ])('%s', (_name, r, account, due, expected) => {
    const q = receiptQr(r, account, due);
    if (expected === null) return expect(q).toBeNull();
    expect(q).toMatchObject({ ...expected, memo: r.dossier_code, account: { bankName: 'Vietcombank', accountNumber: SAMPLE_ACCOUNT.accountNumber } });
    const tlv = parseTlv(q!.payload);
    expect(tlv['54']).toBe(String(expected.amount));
    expect((tlv['62'] as TlvMap)['08']).toBe(r.dossier_code);
  });
});

describe('A5 receipt', () => {
  it('is one A5 landscape page with the QR code of the remaining amount and its caption', async () => {
    const r = sampleReceipt();
    const pdf = await receiptPdf(r, 'a5', at, receiptQr(r, SAMPLE_ACCOUNT, 4_000));
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1 });
    expect(pdfInfo(pdf).width).toBeCloseTo(A5_LANDSCAPE.width, 0); // 595 × 420 pt: 210 × 148 mm
    expect(pdfInfo(pdf).height).toBeCloseTo(A5_LANDSCAPE.height, 0);
    const text = flat(pdf);
    for (const s of ['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Mẫu số: 01BLP1-001', 'Ký hiệu: HT-25', 'Quyển số: 1', 'Số: 0000012', 'Hai mươi nghìn đồng', 'nộp một phần của 24.000 đ',
      '2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản; × 2 bản', 'Quét mã để chuyển khoản số tiền còn lại: 4.000 đ',
      `Nội dung: ${r.dossier_code}`, 'Vietcombank · 0071000123456', 'Hương Thủy, ngày 12 tháng 3 năm 2025', 'Phan Thị Mai Khánh', 'In lúc 12/03/2025 10:20']) {
      expect(text, s).toContain(s);
    }
    // The code a phone reads off the printed page: the center's account, 4.000 đ, the dossier code as memo.
    const { tlv, merchant } = printedQr(pdf);
    expect(tlv).toMatchObject({ '01': '12', '53': '704', '54': '4000', '58': 'VN', '62': { '08': r.dossier_code } });
    expect(merchant).toEqual({ '00': SAMPLE_ACCOUNT.bankBin, '01': SAMPLE_ACCOUNT.accountNumber });
  });

  it('keeps three lines, a long procedure name and the QR code of a transfer on one page', async () => {
    const r = sampleTransferReceipt({ procedure_name: `${sampleReceipt().procedure_name} ${sampleReceipt().procedure_name}` });
    const pdf = await receiptPdf(r, 'a5', at, receiptQr(r, SAMPLE_ACCOUNT, 0));
    expect(pdfInfo(pdf).pages).toBe(1);
    const text = flat(pdf);
    expect(text).toContain('Mã VietQR của khoản đã chuyển khoản: 1.140.000 đ');
    expect(text).toContain('7 bản × 2.000.000 đ; tối đa 12.000.000 đ (áp dụng mức tối đa)');
    expect(text).toContain('Chuyển khoản (mã giao dịch FT25071123456789)');
    expect(printedQr(pdf).tlv['54']).toBe('1140000');
  });

  it('prints no QR code for cash that settled the dossier, nor on a voided receipt', async () => {
    const cash = sampleReceipt();
    const settled = await receiptPdf(cash, 'a5', at, receiptQr(cash, SAMPLE_ACCOUNT, 0));
    expect(pdfQrCodes(settled)).toEqual([]);
    expect(flat(settled)).not.toContain('Quét mã');
    const voided = { ...cash, voided_at: new Date('2025-03-12T04:00:00Z'), void_reason: 'Ghi sai tên người nộp tiền', voided_by_name: 'Trương Văn Phúc' };
    const pdf = await receiptPdf(voided, 'a5', at, receiptQr(voided, SAMPLE_ACCOUNT, 4_000));
    expect(pdfQrCodes(pdf)).toEqual([]);
    expect(flat(pdf)).toContain('ĐÃ HỦY');
    expect(pdfInfo(pdf).pages).toBe(1);
  });
});

describe('80 mm receipt', () => {
  it('ends with the place and date line and the collector, on a roll cut to its content', async () => {
    const r = sampleReceipt();
    const pdf = await receiptPdf(r, '80mm', at, receiptQr(r, SAMPLE_ACCOUNT, 4_000));
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.width).toBeCloseTo(THERMAL_WIDTH, 1);
    const lines = pdfText(pdf, 'raw').split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.slice(-3)).toEqual(['Hương Thủy, ngày 12 tháng 3 năm 2025', 'NGƯỜI THU TIỀN', 'Phan Thị Mai Khánh']);
    // The last line sits just above the 6 mm bottom margin: nothing cut off, no blank paper after it.
    const gap = info.height - lowestText(pdf);
    expect(gap).toBeGreaterThan(15);
    expect(gap).toBeLessThan(30);
    expect(flat(pdf)).toContain('Quét mã để chuyển khoản số tiền còn lại: 4.000 đ');
    expect(printedQr(pdf).tlv['54']).toBe('4000');
    // The receipt regulation's "Mẫu số" and "Ký hiệu" head the roll too, as on the A5 sheet.
    expect(lines).toContain('Mẫu số 01BLP1-001 · Ký hiệu HT-25');
  });

  it('grows with its lines', async () => {
    const full = sampleTransferReceipt();
    const one = await receiptPdf({ ...full, items: full.items.slice(0, 1) }, '80mm', at);
    const three = await receiptPdf(full, '80mm', at);
    expect(pdfInfo(three).height).toBeGreaterThan(pdfInfo(one).height + 20);
    expect(pdfInfo(three).height - lowestText(three)).toBeLessThan(30);
  });
});
