// Sample receipts for the PDF tests and for rendering the receipts to look at (test/fixtures/fees/render-receipts.ts).
import type { ReceiptRow } from '../../../src/modules/fees/commands/receipts';
import { DEMO_BANK } from '../../../src/modules/fees/setup';

export const SAMPLE_ACCOUNT = { ...DEMO_BANK, accountName: 'TTHCC HUONG THUY (DEMO)' };

/** A partial cash payment of a certification of copies (10 pages × 2 copies = 24.000 đ, 20.000 đ paid). */
export function sampleReceipt(over: Partial<ReceiptRow> = {}): ReceiptRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    center_id: '00000000-0000-4000-8000-0000000000c1',
    center_name: 'Trung tâm Hành chính công thị xã Hương Thủy',
    center_address: 'Số 1 Sóng Hồng, phường Phú Bài, thị xã Hương Thủy',
    symbol: 'HT-25',
    form_number: '01BLP1-001',
    book: 1,
    number: 12,
    dossier_code: '000.00.15.H57-250312-0007',
    procedure_code: '2.000815',
    procedure_name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    payer: { name: 'Lê Văn Cường', address: 'Số 9 Trưng Nữ Vương, phường Phú Bài, thị xã Hương Thủy', idNumber: '046190012345', taxCode: null },
    method: 'cash',
    amount: 20_000,
    amount_in_words: 'Hai mươi nghìn đồng',
    tendered: 50_000,
    change: 30_000,
    reference: null,
    collector_id: '00000000-0000-4000-8000-0000000000a1',
    collector_name: 'Phan Thị Mai Khánh',
    issued_at: new Date('2025-03-12T03:15:00Z'),
    voided_at: null,
    void_reason: null,
    voided_by_name: null,
    replaces_receipt_id: null,
    transfer_batch_id: null,
    items: [{
      position: 1, code: 'F1', kind: 'fee', name: 'Phí chứng thực bản sao từ bản chính', quantity: 20, unitAmount: 2000, amount: 20_000,
      lineAmount: 24_000, legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4', detail: '2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản; × 2 bản',
    }],
    ...over,
  };
}

/** Three lines, a transfer that settles the dossier: the longest ordinary receipt. */
export function sampleTransferReceipt(over: Partial<ReceiptRow> = {}): ReceiptRow {
  return sampleReceipt({
    number: 13,
    method: 'transfer',
    reference: 'FT25071123456789',
    tendered: null,
    change: 0,
    amount: 1_140_000,
    amount_in_words: 'Một triệu một trăm bốn mươi nghìn đồng',
    procedure_code: '1.001612',
    procedure_name: 'Đăng ký thành lập hộ kinh doanh',
    items: [
      { position: 1, code: 'F1', kind: 'fee', name: 'Lệ phí đăng ký hộ kinh doanh', quantity: 1, unitAmount: 100_000, amount: 100_000, lineAmount: 100_000, legalBasis: '', detail: '' },
      { position: 2, code: 'F2', kind: 'fee', name: 'Phí thẩm định điều kiện kinh doanh karaoke', quantity: 7, unitAmount: 2_000_000, amount: 1_000_000, lineAmount: 12_000_000, legalBasis: '', detail: '7 bản × 2.000.000 đ; tối đa 12.000.000 đ (áp dụng mức tối đa)' },
      { position: 3, code: 'S:1', kind: 'service', name: 'Chuyển phát kết quả qua dịch vụ bưu chính công ích', quantity: 1, unitAmount: 40_000, amount: 40_000, lineAmount: 40_000, legalBasis: '', detail: '' },
    ],
    ...over,
  });
}
