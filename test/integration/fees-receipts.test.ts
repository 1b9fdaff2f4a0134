import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { parseTlv, verifyCrc, type TlvMap } from '../../src/modules/fees/domain';
import { api, createCollector, createDossier, feesUrl, pay, pdfInfo, pdfQrCodes, pdfText } from '../support/fee-fixtures';

let t: TestApp;
let collector: string;
let director: string;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-12T03:15:00Z') });
  [collector, director] = await Promise.all([t.login('thuphi'), t.login('giamdoc')]);
});
afterAll(async () => t.close());

describe('receipt numbering', () => {
  it('gives 20 concurrent collectors unique numbers without gaps, failed payments taking none', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `thu.${String(i + 1).padStart(2, '0')}`);
    for (const n of names) await createCollector(t, n);
    const cookies = await Promise.all(names.map((n) => t.login(n)));
    const dossiers = await Promise.all(names.map(() => createDossier(t, { procedure: '2.000806' })));
    const before = await t.db.query('SELECT count(*)::int AS n FROM fee_receipts');
    // 20 valid payments and 10 refused ones (more than is due) at the same time.
    const calls = [
      ...cookies.map((c, i) => api(t, c, 'POST', feesUrl(dossiers[i].code, '/payments'), { method: 'cash', amount: 100_000 + i })),
      ...cookies.slice(0, 10).map((c, i) => api(t, c, 'POST', feesUrl(dossiers[i].code, '/payments'), { method: 'cash', amount: 5_000_000 })),
    ];
    const results = await Promise.all(calls);
    expect(results.slice(0, 20).map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    expect(results.slice(20).map((r) => r.statusCode)).toEqual(Array(10).fill(400));
    const numbers = results.slice(0, 20).map((r) => r.json().number).sort((a: number, b: number) => a - b);
    const first = before.rows[0].n + 1;
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => first + i));
    const all = await t.db.query<{ number: number }>(`SELECT number FROM fee_receipts WHERE symbol = 'HT-25' ORDER BY number`);
    expect(all.rows.map((r) => r.number)).toEqual(Array.from({ length: all.rowCount! }, (_, i) => i + 1));
    // Each receipt belongs to the collector who took it.
    for (const [i, r] of results.slice(0, 20).entries()) expect(r.json().collector.fullName).toBe(`Người thu ${names[i]}`);
  });
});

describe('voiding receipts', () => {
  it('a collector cannot void; a director voids with a reason; paid goes down; the re-issue gets a new number', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const wrong = await pay(t, collector, d.code, { method: 'cash', amount: 1_000_000 });

    const denied = await api(t, collector, 'POST', `/api/v1/receipts/${wrong.id}/void`, { reason: 'Thu nhầm số tiền của hồ sơ khác' });
    expect(denied.statusCode).toBe(403);
    const short = await api(t, director, 'POST', `/api/v1/receipts/${wrong.id}/void`, { reason: 'nhầm' });
    expect(short.statusCode).toBe(400);

    const voided = await api(t, director, 'POST', `/api/v1/receipts/${wrong.id}/void`, { reason: 'Thu nhầm hình thức: khách đã chuyển khoản' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'voided', voidReason: 'Thu nhầm hình thức: khách đã chuyển khoản', amount: 1_000_000, number: wrong.number });
    expect((await api(t, director, 'POST', `/api/v1/receipts/${wrong.id}/void`, { reason: 'Hủy lần thứ hai cho chắc' })).statusCode).toBe(409);

    const b = (await api(t, collector, 'GET', feesUrl(d.code, '/fees'))).json();
    expect(b).toMatchObject({ paid: 0, due: 1_000_000 });

    const reissued = await pay(t, collector, d.code, { method: 'transfer', amount: 1_000_000, reference: 'FT2503120001', replacesReceiptId: wrong.id });
    expect(reissued.number).toBeGreaterThan(wrong.number);
    const list = (await api(t, collector, 'GET', feesUrl(d.code, '/receipts'))).json();
    expect(list.items.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([[wrong.number, 'voided'], [reissued.number, 'valid']]);
    expect(list.items[1].replacesReceiptId).toBe(wrong.id);
    expect(list).toMatchObject({ paid: 1_000_000, voided: 1_000_000 });
    const row = await t.db.query('SELECT voided_by IS NOT NULL AS by, amount FROM fee_receipts WHERE id = $1', [wrong.id]);
    expect(row.rows[0]).toEqual({ by: true, amount: 1_000_000 });
    const audit = await t.db.query(`SELECT data->>'reason' AS reason FROM audit_log WHERE action = 'fees.receipt.void' AND entity_id = $1`, [wrong.id]);
    expect(audit.rows).toEqual([{ reason: 'Thu nhầm hình thức: khách đã chuyển khoản' }]);
  });

  it('a re-issue must name a voided receipt of the same dossier', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const valid = await pay(t, collector, d.code, { method: 'cash', amount: 100_000 });
    const r = await api(t, collector, 'POST', feesUrl(d.code, '/payments'), { method: 'cash', amount: 100_000, replacesReceiptId: valid.id });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('FEE_REPLACES_NOT_VOIDED');
  });

  it('the director of another center cannot see or void the receipt', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 10_000 });
    const hue = await t.login('giamdoc.hue');
    expect((await api(t, hue, 'POST', `/api/v1/receipts/${receipt.id}/void`, { reason: 'Thử hủy biên lai của nơi khác' })).statusCode).toBe(404);
    expect((await api(t, hue, 'GET', `/api/v1/receipts/${receipt.id}`)).statusCode).toBe(404);
    expect((await api(t, hue, 'GET', `/api/v1/receipts/${receipt.id}.pdf`)).statusCode).toBe(404);
    expect((await api(t, director, 'GET', `/api/v1/receipts/${receipt.id}`)).json().status).toBe('valid');
  });
});

describe('receipt PDF', () => {
  it('prints payer, dossier, procedure, items, the amount in figures and in words, collector, time, series/book/number', async () => {
    const d = await createDossier(t, { procedure: '1.001612', applicant: { fullName: 'Lê Văn Cường', address: 'Số 9 Trưng Nữ Vương, phường Phú Bài' } });
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 100_000, tendered: 200_000 });
    const r = await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const text = pdfText(r.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Lê Văn Cường', d.code, 'Đăng ký thành lập hộ kinh doanh', 'Lệ phí đăng ký hộ kinh doanh',
      'Một trăm nghìn đồng', '100.000 đ', 'Ký hiệu: HT-25', 'Quyển số: 1', `Số: ${String(receipt.number).padStart(7, '0')}`, 'Tiền mặt',
      'Khách đưa: 200.000 đ', 'Tiền thối lại: 100.000 đ', '12/03/2025 10:15', 'Hương Thủy, ngày 12 tháng 3 năm 2025']) {
      expect(flat, s).toContain(s);
    }
    const collectorName = (await api(t, collector, 'GET', '/api/v1/auth/me')).json().fullName;
    expect(flat).toContain(collectorName);
    expect(flat).not.toContain('ĐÃ HỦY');
  });

  it('prints a tiered line paid in part without a misleading unit price', async () => {
    const d = await createDossier(t, { procedure: '2.000815' });
    await api(t, collector, 'PUT', feesUrl(d.code, '/fees/quantities'), { pages: 7, copies: 3 }); // (2×2.000 + 5×1.000) × 3
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 20_000 });
    const stored = (await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}`)).json();
    const tiers = '2 trang đầu × 2.000 đ; 5 trang × 1.000 đ; tối đa 200.000 đ/bản; × 3 bản';
    expect(stored.items).toEqual([expect.objectContaining({ code: 'F1', quantity: 21, unitAmount: 2000, amount: 20_000, lineAmount: 27_000, detail: tiers })]);
    expect(receipt.items).toEqual([{ code: 'F1', name: 'Phí chứng thực bản sao từ bản chính', amount: 20_000, detail: tiers }]);
    const pdf = (await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf`)).rawPayload;
    const flat = pdfText(pdf, 'raw').replace(/\s+/g, ' ');
    expect(flat).toContain('nộp một phần của 27.000 đ');
    expect(flat).toContain('theo biểu phí');
    expect(flat).toContain(tiers);
    expect(flat).toContain('Hai mươi nghìn đồng');
    // 7.000 đ are still due: the receipt carries the code to transfer them, with the dossier code as the memo.
    expect(flat).toContain('Quét mã để chuyển khoản số tiền còn lại: 7.000 đ');
    const [code] = pdfQrCodes(pdf);
    expect(verifyCrc(code)).toBe(true);
    expect(parseTlv(code)).toMatchObject({ '54': '7000', '62': { '08': d.code } });
    // The receipt keeps the pricing of its day even if the schedule is read differently later.
    await api(t, collector, 'PUT', feesUrl(d.code, '/fees/quantities'), { pages: 2, copies: 1 });
    expect((await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}`)).json().items[0].detail).toBe(tiers);
  });

  it('is a real A5 landscape page; a transfer that settles the dossier carries the code of the amount paid', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const receipt = await pay(t, collector, d.code, { method: 'transfer', amount: 1_000_000, reference: 'FT2503121111' });
    const pdf = (await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf`)).rawPayload;
    const info = pdfInfo(pdf);
    expect(info).toMatchObject({ pages: 1 });
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([595, 420]); // 210 × 148 mm
    const flat = pdfText(pdf, 'raw').replace(/\s+/g, ' ');
    expect(flat).toContain('Mã VietQR của khoản đã chuyển khoản: 1.000.000 đ');
    expect(flat).not.toContain('còn lại');
    const account = (await api(t, director, 'GET', '/api/v1/fees/bank-account')).json().account;
    const [code] = pdfQrCodes(pdf);
    const tlv = parseTlv(code);
    expect(tlv).toMatchObject({ '01': '12', '54': '1000000', '62': { '08': d.code } });
    expect((tlv['38'] as TlvMap)['01']).toEqual({ '00': account.bankBin, '01': account.accountNumber });
    // A cash payment that settles the dossier has no code to scan.
    const cash = await createDossier(t, { procedure: '2.000884' });
    const paid = await pay(t, collector, cash.code, { method: 'cash', amount: 10_000 });
    expect(pdfQrCodes((await api(t, collector, 'GET', `/api/v1/receipts/${paid.id}.pdf`)).rawPayload)).toEqual([]);
  });

  it('stamps a voided receipt "ĐÃ HỦY" with the reason', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 10_000 });
    await api(t, director, 'POST', `/api/v1/receipts/${receipt.id}/void`, { reason: 'Ghi sai tên người nộp tiền' });
    const flat = pdfText((await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf`)).rawPayload).replace(/\s+/g, ' ');
    expect(flat).toContain('ĐÃ HỦY');
    expect(flat).toContain('Ghi sai tên người nộp tiền');
    expect(flat).toContain('Mười nghìn đồng');
  });

  it('prints the 80 mm thermal variant', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const receipt = await pay(t, collector, d.code, { method: 'transfer', amount: 1_000_000, reference: 'FT2503129999' });
    const r = await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf?format=80mm`);
    expect(r.statusCode).toBe(200);
    const flat = pdfText(r.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['BIÊN LAI THU PHÍ, LỆ PHÍ', 'Một triệu đồng', '1.000.000 đ', 'Chuyển khoản', 'FT2503129999', d.code]) expect(flat, s).toContain(s);
    expect(pdfInfo(r.rawPayload)).toMatchObject({ pages: 1, width: expect.closeTo(226.77, 0) }); // 80 mm in points
    const lines = pdfText(r.rawPayload, 'raw').split('\n').map((l) => l.trim()).filter(Boolean);
    const collectorName = (await api(t, collector, 'GET', '/api/v1/auth/me')).json().fullName;
    expect(lines.slice(-3)).toEqual(['Hương Thủy, ngày 12 tháng 3 năm 2025', 'NGƯỜI THU TIỀN', collectorName]);
  });
});
