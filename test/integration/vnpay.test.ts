// VNPay end to end: the public page's signed URL, a local gateway that checks it and calls our IPN over real HTTP,
// the receipt issued in the fee module (series, cash book, reports by method), duplicates, tampering, the return page.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { api, createDossier, feesUrl, pay } from '../support/fee-fixtures';
import { startVnpaySim, type VnpaySim } from '../support/vnpay-sim';

const TMN = 'TESTTMN1';
const SECRET = 'vnpay-test-secret-0123456789';
let t: TestApp;
let sim: VnpaySim;
let director: string;
let collector: string;
let base: string;

beforeAll(async () => {
  // The gateway must be known before the app starts; its port is taken first, the IPN address filled in after listen.
  let ipnUrl = '';
  sim = await startVnpaySim({ tmnCode: TMN, secret: SECRET, get ipnUrl() { return ipnUrl; } });
  t = await createTestApp({ now: new Date('2025-03-12T02:00:00Z'),
    config: { publicUrl: 'https://motcua.example', vnpay: { tmnCode: TMN, hashSecret: SECRET, url: sim.url } } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  ipnUrl = `${base}/api/v1/payments/vnpay/ipn`;
  [director, collector] = await Promise.all([t.login('giamdoc'), t.login('thuphi')]);
});
afterAll(async () => { await sim?.close(); await t?.close(); });

const due = async (code: string) => (await api(t, collector, 'GET', feesUrl(code, '/fees'))).json().due as number;
const tokenOf = async (id: string) => (await t.db.query<{ public_token: string }>('SELECT public_token FROM dossiers WHERE id = $1', [id])).rows[0]!.public_token;
const payUrl = async (code: string, body: object) => t.app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${encodeURIComponent(code)}/payments/vnpay`, payload: body });

describe('VNPay payment URL and IPN', () => {
  it('pays what is owed: signed URL → gateway → IPN 00 → receipt with method vnpay, nothing left due', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const owed = await due(d.code);
    expect(owed).toBeGreaterThan(0);
    const offer = await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(d.code)}/payments?verifier=3456` });
    expect(offer.json()).toMatchObject({ due: owed, vnpay: true, vietqr: { amount: owed } });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${encodeURIComponent(d.code)}/payments?verifier=0000` })).statusCode).toBe(404);
    const r = await payUrl(d.code, { t: await tokenOf(d.id) });
    expect(r.statusCode, r.body).toBe(200);
    const u = new URL(r.json().url);
    expect(u.origin + u.pathname).toBe(sim.url);
    expect(u.searchParams.get('vnp_Amount')).toBe(String(owed * 100));
    expect(u.searchParams.get('vnp_ReturnUrl')).toBe('https://motcua.example/thanh-toan/vnpay');

    const res = await sim.pay(r.json().url);
    expect(res).toMatchObject({ status: 302, ipn: { RspCode: '00' } });
    expect(await due(d.code)).toBe(0);
    const receipts = (await api(t, collector, 'GET', feesUrl(d.code, '/receipts'))).json();
    expect(receipts.items).toEqual([expect.objectContaining({ method: 'vnpay', amount: owed, collector: expect.objectContaining({ fullName: 'Cổng thanh toán VNPay' }) })]);
    expect(receipts.items[0].receiptNumber).toMatch(/\d/);

    // The same IPN again (VNPay retries): 02, no second receipt.
    expect(await sim.ipn(res.fields!)).toMatchObject({ RspCode: '02' });
    expect((await api(t, collector, 'GET', feesUrl(d.code, '/receipts'))).json().items).toHaveLength(1);

    // The return page: signature checked, state from the IPN.
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/public/payments/vnpay/return${new URL(res.returnUrl!).search}` });
    expect(back.json()).toEqual({ valid: true, status: 'paid', dossierCode: d.code, amount: owed });
    const forged = new URL(res.returnUrl!); forged.searchParams.set('vnp_Amount', '100');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/payments/vnpay/return${forged.search}` })).json()).toMatchObject({ valid: false, status: 'unknown' });
  });

  it('two duplicate IPNs at once record one payment: one answers 00, the other 02', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const owed = await due(d.code);
    const url = new URL((await payUrl(d.code, { t: await tokenOf(d.id) })).json().url);
    const fields = { vnp_Amount: String(owed * 100), vnp_BankCode: 'NCB', vnp_ResponseCode: '00', vnp_TmnCode: TMN, vnp_TransactionNo: '9001',
      vnp_TransactionStatus: '00', vnp_TxnRef: url.searchParams.get('vnp_TxnRef')!, vnp_PayDate: '20250312090000' };
    const answers = await Promise.all([sim.ipn(fields), sim.ipn(fields), sim.ipn(fields)]);
    expect(answers.map((a) => a.RspCode).sort()).toEqual(['00', '02', '02']);
    const n = await t.db.query('SELECT 1 FROM fee_payments WHERE dossier_id = $1', [d.id]);
    expect(n.rowCount).toBe(1);
  });

  it('answers in the gateway order: 97 bad checksum, 01 unknown order, 04 amount differs; failed payment recorded, 00', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const owed = await due(d.code);
    const ref = new URL((await payUrl(d.code, { t: await tokenOf(d.id) })).json().url).searchParams.get('vnp_TxnRef')!;
    const f = { vnp_Amount: String(owed * 100), vnp_ResponseCode: '00', vnp_TmnCode: TMN, vnp_TransactionNo: '9002', vnp_TransactionStatus: '00', vnp_TxnRef: ref };
    expect(await sim.ipn({ ...f, vnp_SecureHash: '00' }, { sign: false })).toMatchObject({ RspCode: '97' });
    expect(await sim.ipn({ ...f, vnp_TxnRef: 'NO-SUCH-ORDER' })).toMatchObject({ RspCode: '01' });
    expect(await sim.ipn({ ...f, vnp_Amount: String(owed * 100 - 100) })).toMatchObject({ RspCode: '04' });
    expect(await due(d.code)).toBe(owed);

    const cancelled = await sim.pay((await payUrl(d.code, { t: await tokenOf(d.id) })).json().url, { responseCode: '24' });
    expect(cancelled.ipn).toMatchObject({ RspCode: '00' });
    expect(await due(d.code)).toBe(owed);
    const back = await t.app.inject({ method: 'GET', url: `/api/v1/public/payments/vnpay/return${new URL(cancelled.returnUrl!).search}` });
    expect(back.json()).toMatchObject({ valid: true, status: 'failed' });
  });

  it('the gateway refuses a URL whose signature or amount was changed', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    const url = new URL((await payUrl(d.code, { t: await tokenOf(d.id) })).json().url);
    url.searchParams.set('vnp_Amount', '100');
    expect(await sim.pay(url.toString())).toMatchObject({ status: 400, error: 'checksum' });
  });

  it('needs the verifier: wrong proof 404, nothing owed 409, and no order is written', async () => {
    const d = await createDossier(t, { procedure: '2.000884' });
    expect((await payUrl(d.code, { verifier: '0000' })).statusCode).toBe(404);
    expect((await payUrl(d.code, {})).statusCode).toBe(404);
    await pay(t, collector, d.code, { method: 'cash', amount: await due(d.code), tendered: await due(d.code) });
    const r = await payUrl(d.code, { verifier: '3456' });
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().detail).toContain('không còn khoản phí');
    expect((await t.db.query('SELECT 1 FROM vnpay_orders WHERE dossier_id = $1', [d.id])).rowCount).toBe(0);
  });

  it('the fee report by method shows online payments apart from cash', async () => {
    const rep = await api(t, director, 'GET', '/api/v1/fees/reports?from=2025-03-01&to=2025-03-31&groupBy=method');
    expect(rep.statusCode, rep.body).toBe(200);
    // Two orders were paid online above (one by the gateway, one by the concurrent IPNs); one dossier in cash.
    const online = await t.db.query<{ n: number; s: string }>(`SELECT count(*)::int AS n, sum(amount)::text AS s FROM fee_receipts WHERE method = 'vnpay'`);
    expect(online.rows[0]!.n).toBe(2);
    expect(rep.json().rows).toContainEqual(expect.objectContaining({ key: 'vnpay', label: 'Trực tuyến qua VNPay', receipts: 2, collected: Number(online.rows[0]!.s) }));
    expect(rep.json().rows).toContainEqual(expect.objectContaining({ key: 'cash', receipts: 1 }));
  });
});
