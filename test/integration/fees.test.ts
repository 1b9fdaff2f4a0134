import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTlv, verifyCrc, type TlvMap } from '../../src/modules/fees/domain';
import { createTestApp, type TestApp } from '../support/app';
import { api, createDossier, feesUrl, pay } from '../support/fee-fixtures';

let t: TestApp;
let collector: string;
let reception: string;
let director: string;
let admin: string;
let createdFixed: string;
beforeAll(async () => {
  // An SMS provider is configured (nothing is sent here: no outbox worker runs), so the counter sells the SMS service.
  t = await createTestApp({ now: new Date('2025-03-12T02:00:00Z'), config: { sms: { provider: 'webhook', url: 'http://127.0.0.1:9/sms' } } });
  [collector, reception, director, admin] = await Promise.all([t.login('thuphi'), t.login('tn.tp'), t.login('giamdoc'), t.login('admin')]);
  createdFixed = (await createDossier(t, { procedure: '2.000884' })).code;
});
afterAll(async () => t.close());

const fees = async (code: string, query = '') => {
  const r = await api(t, collector, 'GET', feesUrl(code, `/fees${query}`));
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe('fee breakdown of a catalog procedure', () => {
  it('certification of copies: pages 1–2 at 2.000 đ, then 1.000 đ, capped at 200.000 đ per copy', async () => {
    const d = await createDossier(t, { procedure: '2.000815' });
    const blank = await fees(d.code);
    expect(blank).toMatchObject({ total: 0, due: 0, final: false, undetermined: [{ code: 'F1', reason: 'pages' }] });

    const saved = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { pages: 5, copies: 2 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().items).toEqual([expect.objectContaining({
      code: 'F1', unit: 'per_page', quantity: 10, pages: 5, copies: 2, unitAmount: 2000, gross: 14_000, amount: 14_000, capped: false,
      collectAt: 'reception', legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4', paid: 0, due: 14_000,
    })]);
    expect(saved.json()).toMatchObject({ total: 14_000, due: 14_000, atReception: 14_000, atReturn: 0, final: true });
    // How the line was priced: pages 1–2 at 2.000 đ, pages 3–5 at 1.000 đ, at most 200.000 đ a copy, two copies.
    expect(saved.json().items[0].rateText).toBe('2 trang đầu × 2.000 đ; 3 trang × 1.000 đ; tối đa 200.000 đ/bản; × 2 bản');
    expect(saved.json().items[0].rate).toEqual({
      unit: 'per_page', subtotal: 7_000, cap: 200_000, capped: false, copies: 2,
      segments: [{ from: 1, to: 2, units: 2, unitAmount: 2000, amount: 4000 }, { from: 3, to: 5, units: 3, unitAmount: 1000, amount: 3000 }],
    });

    const preview = await fees(d.code, '?pages=250&copies=3');
    expect(preview.items[0]).toMatchObject({ amount: 600_000, capped: true, rate: { capped: true, subtotal: 252_000, copies: 3 } });
    expect(preview.items[0].rateText).toBe('2 trang đầu × 2.000 đ; 248 trang × 1.000 đ; tối đa 200.000 đ/bản (áp dụng mức tối đa); × 3 bản');
    expect((await fees(d.code)).total).toBe(14_000); // a preview is not stored
  });

  it('exempts a poor household from the civil-status fee and shows the legal basis', async () => {
    const d = await createDossier(t, { procedure: '2.000528' });
    expect((await fees(d.code)).total).toBe(75_000);
    const r = await fees(d.code, '?categories=poor_household');
    expect(r.items[0]).toMatchObject({ gross: 75_000, reduction: 75_000, amount: 0, rate: null, rateText: '' });
    expect(r.items[0].reductionRule).toMatchObject({ code: 'HT-MIEN', legalBasis: expect.stringContaining('Thông tư 85/2019/TT-BTC') });
    expect(r.total).toBe(0);
  });

  it('asks for one of the alternatives, then charges only that one', async () => {
    const d = await createDossier(t, { procedure: 'H57-TAM-VH-01' });
    const open = await fees(d.code);
    expect(open.total).toBe(0);
    expect(open.undetermined[0]).toMatchObject({ reason: 'choice', options: expect.arrayContaining([{ code: 'F2', name: expect.stringContaining('04–05 phòng') }]) });
    const both = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { selected: ['F1', 'F2'] });
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('FEE_CHOICE_CONFLICT');
    const chosen = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { selected: ['F2'] });
    expect(chosen.json()).toMatchObject({ total: 6_000_000, final: true, items: [{ code: 'F2', amount: 6_000_000 }] });
  });

  it('applies the online-submission reduction only once it is switched on', async () => {
    const d = await createDossier(t, { procedure: '1.001612', channel: 'online' });
    const before = await fees(d.code);
    expect(before).toMatchObject({ total: 100_000, inputs: { categories: ['online_submission'] } });
    expect((await api(t, director, 'PATCH', '/api/v1/fees/rules/TT-50', { active: true })).statusCode).toBe(403);
    expect((await api(t, admin, 'PATCH', '/api/v1/fees/rules/TT-50', { active: true })).statusCode).toBe(200);
    const after = await fees(d.code);
    expect(after.items[0]).toMatchObject({ gross: 100_000, reduction: 50_000, amount: 50_000, reductionRule: { code: 'TT-50' } });
    await api(t, admin, 'PATCH', '/api/v1/fees/rules/TT-50', { active: false });
  });

  it('lets the clerk enter an amount "theo quy định"', async () => {
    const d = await createDossier(t, { procedure: 'H57-TAM-NN-02' });
    expect(await fees(d.code)).toMatchObject({ total: 0, final: false, undetermined: [{ code: 'F1', reason: 'amount' }] });
    const r = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { manualAmounts: { F1: 1_200_000 } });
    expect(r.json()).toMatchObject({ total: 1_200_000, final: true, items: [{ code: 'F1', manual: true, amount: 1_200_000 }] });
    const fixed = await api(t, reception, 'PUT', feesUrl(createdFixed, '/fees/quantities'), { manualAmounts: { F1: 5 } });
    expect(fixed.json().code).toBe('FEE_MANUAL_NOT_ALLOWED');
  });

  it('stores quantities with a version and refuses a stale write', async () => {
    const d = await createDossier(t, { procedure: 'H57-TAM-CA-03' });
    const first = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { copies: 2, version: 0 });
    expect(first.json()).toMatchObject({ total: 140_000, inputs: { version: 1 } });
    const stale = await api(t, reception, 'PUT', feesUrl(d.code, '/fees/quantities'), { copies: 3, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await fees(d.code)).total).toBe(140_000);
  });
});

describe('payments', () => {
  it('takes a partial cash payment with change, then the rest by transfer', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const first = await pay(t, collector, d.code, { method: 'cash', amount: 400_000, tendered: 500_000 });
    expect(first).toMatchObject({ amount: 400_000, tendered: 500_000, change: 100_000, paidTotal: 400_000, due: 600_000, amountInWords: 'Bốn trăm nghìn đồng', series: 'HT-25', book: 1 });
    expect(first.receiptNumber).toMatch(/^HT-25\/\d{7}$/);
    expect(await fees(d.code)).toMatchObject({ total: 1_000_000, paid: 400_000, due: 600_000 });
    const second = await pay(t, collector, d.code, { method: 'transfer', amount: 600_000, reference: 'FT25071ABC' });
    expect(second).toMatchObject({ change: 0, tendered: null, reference: 'FT25071ABC', due: 0, amountInWords: 'Sáu trăm nghìn đồng' });
    expect(second.number).toBe(first.number + 1);
    expect(await fees(d.code)).toMatchObject({ paid: 1_000_000, due: 0 });
  });

  it.each([
    [{ method: 'cash', amount: 75_001 }, 'PAYMENT_OVER_DUE', 'vượt quá số còn phải nộp 75.000 đ'],
    [{ method: 'cash', amount: 75_000, tendered: 50_000 }, 'PAYMENT_TENDERED_TOO_LOW', 'ít hơn'],
    [{ method: 'transfer', amount: 75_000 }, 'PAYMENT_REFERENCE_REQUIRED', 'mã giao dịch'],
    [{ method: 'card', amount: 75_000, reference: 'POS123', tendered: 80_000 }, 'PAYMENT_TENDERED_NOT_CASH', 'tiền mặt'],
    [{ method: 'cash', amount: 1.5 }, 'VALIDATION_FAILED', 'số nguyên đồng'],
  ])('refuses %j', async (body, code, message) => {
    const d = await createDossier(t, { procedure: '2.000554' });
    const r = await api(t, collector, 'POST', feesUrl(d.code, '/payments'), body);
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code, detail: expect.stringContaining(message) });
    expect((await fees(d.code)).paid).toBe(0);
  });

  it('only fee collectors collect; a dossier not yet received cannot be charged', async () => {
    const d = await createDossier(t, { procedure: '2.000554' });
    expect((await api(t, reception, 'POST', feesUrl(d.code, '/payments'), { method: 'cash', amount: 75_000 })).statusCode).toBe(403);
    expect((await api(t, director, 'POST', feesUrl(d.code, '/payments'), { method: 'cash', amount: 75_000 })).statusCode).toBe(403);
    const early = await createDossier(t, { procedure: '2.000554', status: 'submitted' });
    const r = await api(t, collector, 'POST', feesUrl(early.code, '/payments'), { method: 'cash', amount: 75_000 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('FEE_DOSSIER_NOT_CHARGEABLE');
  });

  it('returns the same receipt when a payment is retried with its Idempotency-Key, even concurrently', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const headers = { 'idempotency-key': 'retry-test-0001' };
    const body = { method: 'cash', amount: 300_000 };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => api(t, collector, 'POST', feesUrl(d.code, '/payments'), body, headers)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const ids = new Set(results.map((r) => r.json().id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.json().replayed)).toHaveLength(4);
    const again = await pay(t, collector, d.code, body, headers);
    expect(again).toMatchObject({ id: [...ids][0], replayed: true });
    const count = await t.db.query('SELECT count(*)::int AS n FROM fee_payments WHERE dossier_id = $1', [d.id]);
    expect(count.rows[0].n).toBe(1);
    expect((await fees(d.code)).paid).toBe(300_000);
    const reused = await api(t, collector, 'POST', feesUrl(d.code, '/payments'), { method: 'cash', amount: 1000 }, headers);
    expect(reused.statusCode).toBe(422);
  });

  it('records postal delivery with its charge on the receipt, once per dossier', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const services = [{ kind: 'postal_result', address: 'Số 12 Lê Lợi, phường Vĩnh Ninh, thành phố Huế' }, { kind: 'sms', phone: '0905123456' }];
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 35_000, tendered: 50_000, services });
    expect(receipt).toMatchObject({ amount: 35_000, change: 15_000, due: 0 });
    expect(receipt.items).toEqual([
      { code: 'F1', name: 'Phí chứng thực chữ ký', amount: 10_000, detail: '' },
      { code: expect.stringMatching(/^S:/), name: expect.stringContaining('bưu chính'), amount: 25_000, detail: '' },
    ]);
    const b = await fees(d.code);
    expect(b).toMatchObject({ feesTotal: 10_000, servicesTotal: 25_000, total: 35_000, paid: 35_000 });
    expect(b.services.map((s: { kind: string }) => s.kind).sort()).toEqual(['postal_result', 'sms']);
    const twice = await api(t, reception, 'POST', feesUrl(d.code, '/services'), { services: [{ kind: 'sms', phone: '0905123456' }] });
    expect(twice.statusCode).toBe(409);
    const audit = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('fees.service.add', 'fees.payment.collect') AND (data->>'code' = $1 OR data->>'dossier' = $1)`, [d.code]);
    expect(audit.rows[0].n).toBe(3);
  });
});

describe('VietQR', () => {
  it('encodes the amount due, the dossier code and the center account; the CRC verifies', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    await pay(t, collector, d.code, { method: 'cash', amount: 250_000 });
    const r = await api(t, collector, 'GET', feesUrl(d.code, '/fees/vietqr'));
    expect(r.statusCode, r.body).toBe(200);
    const q = r.json();
    expect(q).toMatchObject({ amount: 750_000, memo: d.code, account: { bankBin: '970436', isDemo: true } });
    expect(d.code.length).toBeLessThanOrEqual(25);
    expect(verifyCrc(q.payload)).toBe(true);
    const tlv = parseTlv(q.payload);
    const merchant = tlv['38'] as TlvMap;
    expect(tlv).toMatchObject({ '00': '01', '01': '12', '53': '704', '54': '750000', '58': 'VN', '62': { '08': d.code } });
    expect(merchant).toMatchObject({ '00': 'A000000727', '01': { '00': '970436', '01': q.account.accountNumber }, '02': 'QRIBFTTA' });
    expect(q.image).toMatch(/^data:image\/png;base64,iVBOR/);
  });

  it.each([
    // ?amount= → status, amount encoded / error text
    ['1', 200, 1],
    ['300000', 200, 300_000],
    ['750000', 200, 750_000],
    ['750001', 400, 'vượt quá số còn phải nộp 750.000 đ'],
    ['0', 400, 'phải từ 1 đ trở lên'],
    ['-5', 400, 'phải từ 1 đ trở lên'],
    ['1500.5', 400, 'phải là số nguyên đồng'],
    ['abc', 400, 'Số tiền phải là số'],
  ])('?amount=%s → %i', async (amount, status, expected) => {
    const d = await createDossier(t, { procedure: '2.000806' });
    await pay(t, collector, d.code, { method: 'cash', amount: 250_000 });
    const r = await api(t, collector, 'GET', feesUrl(d.code, `/fees/vietqr?amount=${amount}`));
    expect(r.statusCode, r.body).toBe(status);
    if (status === 200) {
      const q = r.json();
      expect(q).toMatchObject({ amount: expected, due: 750_000, memo: d.code });
      expect(verifyCrc(q.payload)).toBe(true);
      expect(parseTlv(q.payload)).toMatchObject({ '54': String(expected), '62': { '08': d.code } });
    } else {
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().detail).toContain(expected);
    }
  });

  it('without ?amount encodes all that is due; another center cannot ask for the code', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    expect((await api(t, collector, 'GET', feesUrl(d.code, '/fees/vietqr'))).json()).toMatchObject({ amount: 1_000_000, due: 1_000_000 });
    const hue = await t.login('giamdoc.hue');
    expect((await api(t, hue, 'GET', feesUrl(d.code, '/fees/vietqr?amount=1000'))).statusCode).toBe(404);
  });

  it('refuses when nothing is due or the center has no account, and follows a new account', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    await pay(t, collector, d.code, { method: 'cash', amount: 10_000 });
    const none = await api(t, collector, 'GET', feesUrl(d.code, '/fees/vietqr'));
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('FEE_NOTHING_DUE');

    const open = await createDossier(t, { procedure: '2.000884' });
    expect((await api(t, collector, 'DELETE', '/api/v1/fees/bank-account')).statusCode).toBe(403);
    expect((await api(t, director, 'DELETE', '/api/v1/fees/bank-account')).statusCode).toBe(204);
    const noAccount = await api(t, collector, 'GET', feesUrl(open.code, '/fees/vietqr'));
    expect(noAccount.statusCode).toBe(409);
    expect(noAccount.json().code).toBe('FEE_NO_BANK_ACCOUNT');
    const set = await api(t, director, 'PUT', '/api/v1/fees/bank-account', { bankBin: '970415', bankName: 'VietinBank', accountNumber: '113000123456', accountName: 'TTHCC THI XA HUONG THUY' });
    expect(set.statusCode, set.body).toBe(200);
    const q = (await api(t, collector, 'GET', feesUrl(open.code, '/fees/vietqr'))).json();
    expect(((parseTlv(q.payload)['38'] as TlvMap)['01'] as TlvMap)).toEqual({ '00': '970415', '01': '113000123456' });
    expect(q).toMatchObject({ amount: 10_000, account: { isDemo: false } });
  });
});

describe('OpenAPI', () => {
  it('documents the fee paths under the fees tag with Vietnamese summaries', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json();
    const paths: [string, string][] = [['/api/v1/dossiers/{code}/fees', 'get'], ['/api/v1/dossiers/{code}/payments', 'post'], ['/api/v1/receipts/{id}.pdf', 'get'],
      ['/api/v1/receipts/{id}/void', 'post'], ['/api/v1/dossiers/{code}/fees/vietqr', 'get'], ['/api/v1/fees/transfers/reconciliation', 'get'],
      ['/api/v1/fees/receipt-series', 'get'], ['/api/v1/fees/receipt-series', 'post'], ['/api/v1/fees/receipt-series/{id}/books', 'post']];
    for (const [path, method] of paths) {
      expect(spec.paths[path]?.[method]?.tags, path).toEqual(['fees']);
      expect(spec.paths[path][method].summary, path).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    }
    expect(spec.tags.map((x: { name: string }) => x.name)).toContain('fees');
    expect(spec.paths['/api/v1/dossiers/{code}/fees/vietqr'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'amount', in: 'query' })]));
  });
});
