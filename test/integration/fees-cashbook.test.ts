import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { api, createCollector, createDossier, feesUrl, HUE, HUONG_THUY, pay, pdfText } from '../support/fee-fixtures';

// One story over two days at the Hương Thủy center: collections, a void, the cash book closed and carried over,
// reports, a transfer batch to departments and the reconciliation — every figure checked to the đồng.
let t: TestApp;
let clock: ManualClock;
let thuphi: string;
let thuB: string;
let director: string;
const codes: string[] = [];
let voidedId = '';
let transferReceiptId = '';

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-12T02:00:00Z') });
  clock = t.clock as ManualClock;
  await createCollector(t, 'thu.b');
  [thuphi, thuB, director] = await Promise.all([t.login('thuphi'), t.login('thu.b'), t.login('giamdoc')]);
  const admin = await t.login('admin');
  const share = await api(t, admin, 'PATCH', '/api/v1/fees/schedules/2.000806/items/F1', { centerSharePercent: 10 });
  expect(share.statusCode, share.body).toBe(200);

  const d1 = await createDossier(t, { procedure: '2.000806' });
  await pay(t, thuphi, d1.code, { method: 'cash', amount: 1_000_000, tendered: 1_000_000 });
  const d2 = await createDossier(t, { procedure: '1.001612' });
  transferReceiptId = (await pay(t, thuphi, d2.code, { method: 'transfer', amount: 100_000, reference: 'FT0001' })).id;
  const d3 = await createDossier(t, { procedure: '2.000884' });
  await pay(t, thuphi, d3.code, { method: 'cash', amount: 35_000, services: [{ kind: 'postal_result', address: 'Số 3 Lê Lợi, thành phố Huế' }] });
  const d4 = await createDossier(t, { procedure: '2.000528' });
  voidedId = (await pay(t, thuphi, d4.code, { method: 'card', amount: 75_000, reference: 'POS0001' })).id;
  const v = await api(t, director, 'POST', `/api/v1/receipts/${voidedId}/void`, { reason: 'Khách nộp nhầm thẻ, thu lại sau' });
  expect(v.statusCode).toBe(200);
  const d5 = await createDossier(t, { procedure: 'H57-TAM-CA-03' });
  await pay(t, thuB, d5.code, { method: 'cash', amount: 70_000 });
  codes.push(d1.code, d2.code, d3.code, d4.code, d5.code);
});
afterAll(async () => t.close());

const get = async (cookie: string, url: string, status = 200) => {
  const r = await api(t, cookie, 'GET', url);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const line = (book: { figures: { lines: { method: string }[] } }, method: string) => book.figures.lines.find((l) => l.method === method);

describe('cash book, day 1', () => {
  it('shows the collector their own day by method: receipts, voids, closing', async () => {
    const r = await get(thuphi, '/api/v1/fees/cashbook?date=2025-03-12');
    expect(r.books).toHaveLength(1);
    const b = r.books[0];
    expect(b).toMatchObject({ status: 'open', receiptCount: 4, voidCount: 1, collector: { username: 'thuphi' } });
    expect(line(b, 'cash')).toEqual({ method: 'cash', opening: 0, receipts: 1_035_000, voids: 0, refunds: 0, handedOver: 0, closing: 1_035_000 });
    expect(line(b, 'transfer')).toMatchObject({ receipts: 100_000, closing: 100_000 });
    expect(line(b, 'card')).toMatchObject({ receipts: 75_000, voids: 75_000, closing: 0 });
    expect(b.figures.total).toEqual({ opening: 0, receipts: 1_210_000, voids: 75_000, refunds: 0, handedOver: 0, closing: 1_135_000 });
    expect(b.entries.filter((e: { kind: string }) => e.kind === 'void')).toEqual([expect.objectContaining({ receiptId: voidedId, amount: 75_000, reason: 'Khách nộp nhầm thẻ, thu lại sau' })]);
    await get(thuphi, '/api/v1/fees/cashbook?date=2025-03-12&collector=thu.b', 403);
  });

  it('shows supervisors every collector of the center', async () => {
    const r = await get(director, '/api/v1/fees/cashbook?date=2025-03-12');
    expect(r.books.map((b: { collector: { username: string } }) => b.collector.username).sort()).toEqual(['thu.b', 'thuphi']);
    expect(r.total).toMatchObject({ receipts: 1_280_000, voids: 75_000, closing: 1_205_000 });
  });

  it('exports the day to Excel and PDF with the same figures', async () => {
    const x = await api(t, director, 'GET', '/api/v1/fees/cashbook.xlsx?date=2025-03-12&collector=thuphi');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][]).filter(Boolean);
    const total = rows.find((r) => r[3] === 'Cộng')!;
    expect(total.slice(4, 10)).toEqual([0, 1_210_000, 75_000, 0, 0, 1_135_000]);
    const detail = (wb.getWorksheet('Chi tiết')!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(detail.filter((r) => r[3] === 'Hủy').map((r) => r[8])).toEqual([-75_000]);
    const pdf = await api(t, director, 'GET', '/api/v1/fees/cashbook.pdf?date=2025-03-12');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['SỔ QUỸ THU PHÍ, LỆ PHÍ', 'Ngày 12/03/2025', '1.035.000 đ', '1.135.000 đ', 'Khách nộp nhầm thẻ', 'chưa khóa sổ']) expect(text, s).toContain(s);
  });

  it('is closed and signed off by a supervisor; the closed day takes no more receipts or voids', async () => {
    const body = { date: '2025-03-12', collector: 'thuphi', handedOver: { cash: 1_000_000 } };
    expect((await api(t, thuphi, 'POST', '/api/v1/fees/cashbook/close', body)).statusCode).toBe(403);
    const tooMuch = await api(t, director, 'POST', '/api/v1/fees/cashbook/close', { ...body, handedOver: { cash: 2_000_000 } });
    expect(tooMuch.statusCode).toBe(400);
    const closed = await api(t, director, 'POST', '/api/v1/fees/cashbook/close', body);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', signedOffBy: expect.any(String), receiptCount: 4, voidCount: 1 });
    expect(line(closed.json(), 'cash')).toMatchObject({ handedOver: 1_000_000, closing: 35_000 });
    expect((await api(t, director, 'POST', '/api/v1/fees/cashbook/close', body)).statusCode).toBe(409);

    const d = await createDossier(t, { procedure: '2.000884' });
    const late = await api(t, thuphi, 'POST', feesUrl(d.code, '/payments'), { method: 'cash', amount: 10_000 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('FEE_CASHBOOK_CLOSED');
    const receipts = (await get(thuphi, feesUrl(codes[0], '/receipts'))).items;
    const lateVoid = await api(t, director, 'POST', `/api/v1/receipts/${receipts[0].id}/void`, { reason: 'Hủy sau khi đã khóa sổ quỹ' });
    expect(lateVoid.statusCode).toBe(409);
    expect((await get(thuphi, '/api/v1/fees/cashbook?date=2025-03-12')).books[0].figures.total.closing).toBe(135_000);
  });
});

describe('day 2, reports, transfers and reconciliation', () => {
  it('carries the closing balance over as the next opening balance', async () => {
    clock.set(new Date('2025-03-13T02:00:00Z'));
    [thuphi, thuB, director] = await Promise.all([t.login('thuphi'), t.login('thu.b'), t.login('giamdoc')]); // sessions idle overnight end
    const d6 = await createDossier(t, { procedure: '2.000806', day: '2025-03-13' });
    codes.push(d6.code);
    await pay(t, thuphi, d6.code, { method: 'cash', amount: 500_000 });
    const b = (await get(thuphi, '/api/v1/fees/cashbook')).books[0];
    expect(b.day).toBe('2025-03-13');
    expect(line(b, 'cash')).toMatchObject({ opening: 35_000, receipts: 500_000, closing: 535_000 });
    expect(line(b, 'transfer')).toMatchObject({ opening: 100_000, closing: 100_000 });
    expect(line(b, 'card')).toMatchObject({ opening: 0, closing: 0 });
  });

  it('reports totals by day, procedure, field and department that add up to what the dossiers paid', async () => {
    let paid = 0;
    for (const c of codes) paid += (await get(director, feesUrl(c, '/fees'))).paid;
    expect(paid).toBe(1_705_000);
    for (const groupBy of ['day', 'procedure', 'field', 'department']) {
      const r = await get(director, `/api/v1/fees/reports?from=2025-03-12&to=2025-03-13&groupBy=${groupBy}`);
      expect(r.total, groupBy).toMatchObject({ collected: 1_705_000, kept: 175_000, toDepartments: 1_530_000 });
      expect(r.rows.reduce((a: number, x: { collected: number }) => a + x.collected, 0), groupBy).toBe(1_705_000);
      expect(r.voided).toEqual({ receipts: 1, amount: 75_000 });
    }
    const byDay = await get(director, '/api/v1/fees/reports?from=2025-03-12&to=2025-03-13&groupBy=day');
    expect(byDay.rows.map((x: { label: string; collected: number }) => [x.label, x.collected])).toEqual([['12/03/2025', 1_205_000], ['13/03/2025', 500_000]]);
    const byDept = await get(director, '/api/v1/fees/reports?from=2025-03-12&to=2025-03-13&groupBy=department');
    const tp = byDept.rows.find((x: { label: string }) => x.label === 'Phòng Tư pháp');
    expect(tp).toMatchObject({ collected: 1_510_000, kept: 150_000, toDepartments: 1_360_000 });
    expect(byDept.rows.find((x: { key: string }) => x.key === 'center')).toMatchObject({ collected: 25_000, kept: 25_000 });

    const x = await api(t, director, 'GET', '/api/v1/fees/reports.xlsx?from=2025-03-12&to=2025-03-13&groupBy=field');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const total = (wb.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).find((row) => row[2] === 'Tổng cộng')!;
    expect(total.slice(3, 7)).toEqual([5, 1_705_000, 175_000, 1_530_000]);

    const pdf = await api(t, director, 'GET', '/api/v1/fees/reports.pdf?from=2025-03-12&to=2025-03-13&groupBy=field');
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('BÁO CÁO THU PHÍ, LỆ PHÍ');
    expect(text).toContain('Từ ngày 12/03/2025 đến ngày 13/03/2025');
    expect(text).toMatch(/Tổng cộng\s+5\s+1\.705\.000\sđ\s+175\.000\sđ\s+1\.530\.000\sđ/);
  });

  it('makes a transfer batch per department: collected − center share; a batched receipt can no longer be voided', async () => {
    const r = await api(t, thuphi, 'POST', '/api/v1/fees/transfers', { from: '2025-03-12', to: '2025-03-12' });
    expect(r.statusCode, r.body).toBe(201);
    const batch = r.json();
    const lines = Object.fromEntries(batch.lines.map((l: { departmentName: string; collected: number; kept: number; amount: number }) => [l.departmentName, [l.collected, l.kept, l.amount]]));
    expect(lines).toEqual({
      'Phòng Tư pháp': [1_010_000, 100_000, 910_000],
      'Phòng Tài chính - Kế hoạch': [100_000, 0, 100_000],
      'Công an thị xã Hương Thủy': [70_000, 0, 70_000],
    });
    expect(batch).toMatchObject({ status: 'created', total: { amount: 1_080_000 } });
    expect((await api(t, thuphi, 'POST', '/api/v1/fees/transfers', { from: '2025-03-12', to: '2025-03-12' })).statusCode).toBe(409);
    const v = await api(t, director, 'POST', `/api/v1/receipts/${transferReceiptId}/void`, { reason: 'Thử hủy biên lai đã chuyển tiền' });
    expect(v.statusCode).toBe(409);
    expect(v.json().code).toBe('FEE_RECEIPT_TRANSFERRED');

    const before = await get(director, '/api/v1/fees/transfers/reconciliation?from=2025-03-12&to=2025-03-13');
    expect(before).toMatchObject({ balanced: true, total: { collected: 1_705_000, kept: 175_000, transferred: 0, inBatch: 1_080_000, unbatched: 450_000, pending: 1_530_000, difference: 0 } });

    expect((await api(t, thuphi, 'POST', `/api/v1/fees/transfers/${batch.id}/confirm`, { bankReference: 'UNC-0001' })).statusCode).toBe(403);
    const ok = await api(t, director, 'POST', `/api/v1/fees/transfers/${batch.id}/confirm`, { bankReference: 'UNC-0001' });
    expect(ok.json()).toMatchObject({ status: 'confirmed', bankReference: 'UNC-0001' });
    expect((await api(t, director, 'POST', `/api/v1/fees/transfers/${batch.id}/confirm`, { bankReference: 'UNC-0002' })).statusCode).toBe(409);
  });

  it('reconciles collected = transferred + kept + pending to the đồng, per department and in total', async () => {
    const r = await get(director, '/api/v1/fees/transfers/reconciliation?from=2025-03-12&to=2025-03-13');
    expect(r.balanced).toBe(true);
    expect(r.total).toEqual({ collected: 1_705_000, kept: 175_000, transferred: 1_080_000, inBatch: 0, unbatched: 450_000, pending: 450_000, difference: 0 });
    expect(r.total.collected).toBe(r.total.transferred + r.total.kept + r.total.pending);
    expect(r.rows.find((x: { name: string }) => x.name === 'Phòng Tư pháp')).toMatchObject({ collected: 1_510_000, transferred: 910_000, kept: 150_000, pending: 450_000, difference: 0 });
    expect(r.checks).toEqual({ payments: 1_705_000, receipts: 1_705_000, receiptLines: 1_705_000, confirmedBatchLines: 1_080_000, confirmedBatchReceiptLines: 1_080_000, ledgersAgree: true, batchesAgree: true });

    // A batch line that no longer matches its receipts is caught.
    await t.db.query(`UPDATE fee_transfer_lines SET collected = collected + 1, amount = amount + 1 WHERE receipts = 1 AND kept = 0 AND collected = 70000`);
    const broken = await get(director, '/api/v1/fees/transfers/reconciliation?from=2025-03-12&to=2025-03-13');
    expect(broken).toMatchObject({ balanced: false, checks: { batchesAgree: false, confirmedBatchLines: 1_080_001 } });
    await t.db.query(`UPDATE fee_transfer_lines SET collected = collected - 1, amount = amount - 1 WHERE receipts = 1 AND kept = 0 AND collected = 70001`);
  });
});

describe('center scoping of money', () => {
  it('a collector of another center cannot see or collect this center\'s money', async () => {
    await createCollector(t, 'thuphi.hue', HUE);
    const hueCollector = await t.login('thuphi.hue');
    expect((await api(t, hueCollector, 'GET', feesUrl(codes[0], '/fees'))).statusCode).toBe(404);
    expect((await api(t, hueCollector, 'GET', feesUrl(codes[0], '/receipts'))).statusCode).toBe(404);
    expect((await api(t, hueCollector, 'GET', feesUrl(codes[5], '/fees/vietqr'))).statusCode).toBe(404);
    expect((await api(t, hueCollector, 'POST', feesUrl(codes[5], '/payments'), { method: 'cash', amount: 1000 })).statusCode).toBe(404);
    const own = await get(hueCollector, '/api/v1/fees/cashbook?date=2025-03-12');
    expect(own.books[0].figures.total.receipts).toBe(0);
    await get(hueCollector, `/api/v1/fees/cashbook?center=${HUONG_THUY}`, 403);
    expect((await get(hueCollector, '/api/v1/fees/reports?from=2025-03-12&to=2025-03-13')).total.collected).toBe(0);
  });

  it('the Huế director sees only Huế; the province supervisor names the center', async () => {
    const hue = await t.login('giamdoc.hue');
    await get(hue, `/api/v1/fees/transfers/reconciliation?from=2025-03-12&to=2025-03-13&center=${HUONG_THUY}`, 403);
    expect((await get(hue, '/api/v1/fees/transfers/reconciliation?from=2025-03-12&to=2025-03-13')).total.collected).toBe(0);
    const province = await t.login('tinh');
    await get(province, '/api/v1/fees/reports?from=2025-03-12&to=2025-03-13', 400);
    expect((await get(province, `/api/v1/fees/reports?from=2025-03-12&to=2025-03-13&center=${HUONG_THUY}`)).total.collected).toBe(1_705_000);
  });
});
