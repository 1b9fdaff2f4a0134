// The signed-in citizen pays a dossier online (issue 15, part 3): the citizen submits online, the clerk receives, the
// citizen asks for a VNPay URL, a local VNPay gateway pays it and calls our IPN over real HTTP; the receipt is in the
// center's series, the cash book (screen, Excel, PDF) and the fee report. VietQR of exactly what is owed, both for the
// citizen and on the public look-up page.
import ExcelJS from 'exceljs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { parseTlv, verifyCrc } from '../../src/modules/fees/domain/vietqr';
import { createTestApp, type TestApp } from '../support/app';
import { citizenSignInByEmail } from '../support/citizens';
import { mustAct, applicant } from '../support/dossiers';
import { api, createDossier, feesUrl, pay, pdfText } from '../support/fee-fixtures';
import { startSmtp, type TestSmtp } from '../support/smtp';
import { startVnpaySim, type VnpaySim } from '../support/vnpay-sim';

const TMN = 'CITPAY01';
const SECRET = 'vnpay-citizen-secret-0123456789';
const DAY = '2026-03-10';
const clock = new ManualClock(new Date(`${DAY}T09:00:00+07:00`));
let t: TestApp;
let smtp: TestSmtp;
let sim: VnpaySim;
let clerk: string;
let collector: string;
let director: string;
let center: string;
let me: string;
let code: string;
let owed = 0;

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/citizen${url}`, payload: payload as object, headers });
const get = (url: string, cookie: string) => t.app.inject({ url: `/api/v1/citizen${url}`, headers: { cookie } });

const signIn = (contact: string) => citizenSignInByEmail(t, smtp, contact);

beforeAll(async () => {
  smtp = await startSmtp();
  let ipnUrl = '';
  sim = await startVnpaySim({ tmnCode: TMN, secret: SECRET, get ipnUrl() { return ipnUrl; } });
  t = await createTestApp({ clock, config: {
    smtpUrl: smtp.url, mailFrom: '"TTHCC" <no-reply@tthcc.example.vn>',
    publicUrl: 'https://motcua.example', vnpay: { tmnCode: TMN, hashSecret: SECRET, url: sim.url },
  } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  ipnUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/payments/vnpay/ipn`;
  [clerk, collector, director] = await Promise.all([t.login('tn.tp'), t.login('thuphi'), t.login('giamdoc')]);
  center = (await t.db.query<{ code: string }>(`SELECT c.code FROM centers c JOIN users u ON u.center_id = c.id WHERE u.username = 'tn.tp'`)).rows[0]!.code;
});
afterAll(async () => {
  await sim?.close();
  await t?.close();
  await smtp?.close();
});

describe('the citizen pays online', () => {
  it('submits online, the clerk receives; the dossier owes its fee and offers VNPay and VietQR', async () => {
    me = await signIn('tra.phi@example.vn');
    const r = await post('/dossiers', { procedure: '2.000748', center, applicant: { ...applicant(811), phone: '', email: '' }, delivery: { method: 'counter' } },
      { cookie: me });
    expect(r.statusCode, r.body).toBe(201);
    code = r.json().code;
    await mustAct(t, clerk, code, 'receive', {});
    const offer = await get(`/dossiers/${code}/payments`, me);
    expect(offer.statusCode, offer.body).toBe(200);
    owed = (await api(t, collector, 'GET', feesUrl(code, '/fees'))).json().due;
    expect(owed).toBe(25_000);
    const o = offer.json();
    expect(o).toMatchObject({ due: owed, vnpay: true, vietqr: { amount: owed, content: code.replace(/[^A-Za-z0-9.-]/g, '').slice(-25) } });
    expect(o.vietqr.imageDataUrl).toMatch(/^data:image\/png;base64,/);
    // The payload is a valid VietQR: CRC, the center's account, exactly the amount owed, the dossier code as content.
    expect(verifyCrc(o.vietqr.payload)).toBe(true);
    const tlv = parseTlv(o.vietqr.payload) as unknown as { '54': string; '38': { '01': object }; '62': { '08': string } };
    expect(tlv['54']).toBe(String(owed));
    expect(tlv['38']['01']).toEqual({ '00': o.vietqr.bankBin, '01': o.vietqr.account });
    expect(tlv['62']['08']).toBe(o.vietqr.content);
    // The counter's VietQR (what the collector's screen matches a bank transfer by) carries the same content and amount.
    const staff = (await api(t, collector, 'GET', feesUrl(code, '/fees/vietqr'))).json();
    expect(staff).toMatchObject({ memo: o.vietqr.content, amount: owed, payload: o.vietqr.payload });
    // The public look-up page offers the same with the page's proof (token or 4 digits), not without.
    const token = (await t.db.query<{ public_token: string }>('SELECT public_token FROM dossiers WHERE code = $1', [code])).rows[0]!.public_token;
    const pub = await t.app.inject({ url: `/api/v1/public/dossiers/${encodeURIComponent(code)}/payments?t=${token}` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toEqual(o);
    expect((await t.app.inject({ url: `/api/v1/public/dossiers/${encodeURIComponent(code)}/payments?verifier=0000` })).statusCode).toBe(404);
  });

  it('refuses another citizen (404), a staff cookie (401) and no sign-in (401); nothing is written', async () => {
    const other = await signIn('nguoi.khac.tra@example.vn');
    const r = await post(`/dossiers/${code}/payments/vnpay`, {}, { cookie: other });
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('Không tìm thấy hồ sơ');
    expect((await get(`/dossiers/${code}/payments`, other)).statusCode).toBe(404);
    expect((await post(`/dossiers/${code}/payments/vnpay`, {}, { cookie: collector })).statusCode).toBe(401);
    expect((await get(`/dossiers/${code}/payments`, collector)).statusCode).toBe(401);
    expect((await post(`/dossiers/${code}/payments/vnpay`, {})).statusCode).toBe(401);
    expect((await t.db.query('SELECT 1 FROM vnpay_orders')).rowCount).toBe(0);
  });

  it('gets a signed VNPay URL (2.1.0, amount × 100, a new TxnRef each time); the gateway pays; the IPN issues the receipt', async () => {
    const urls = await Promise.all([1, 2].map(async () => {
      const r = await post(`/dossiers/${code}/payments/vnpay`, {}, { cookie: me });
      expect(r.statusCode, r.body).toBe(200);
      return new URL(r.json().url);
    }));
    for (const u of urls) {
      expect(u.origin + u.pathname).toBe(sim.url);
      expect(u.searchParams.get('vnp_Version')).toBe('2.1.0');
      expect(u.searchParams.get('vnp_Command')).toBe('pay');
      expect(u.searchParams.get('vnp_Amount')).toBe(String(owed * 100));
      expect(u.searchParams.get('vnp_SecureHash')).toMatch(/^[0-9a-f]{128}$/);
      expect(u.searchParams.get('vnp_OrderInfo')).toContain(code);
    }
    expect(urls[0]!.searchParams.get('vnp_TxnRef')).not.toBe(urls[1]!.searchParams.get('vnp_TxnRef'));

    clock.advanceMinutes(5);
    const res = await sim.pay(urls[1]!.toString());
    expect(res).toMatchObject({ status: 302, ipn: { RspCode: '00' } });
    const after = (await get(`/dossiers/${code}/payments`, me)).json();
    expect(after).toEqual({ due: 0, vnpay: true, vietqr: null });
    const receipts = (await api(t, collector, 'GET', feesUrl(code, '/receipts'))).json().items;
    expect(receipts).toEqual([expect.objectContaining({ method: 'vnpay', amount: owed, collector: expect.objectContaining({ fullName: 'Cổng thanh toán VNPay' }) })]);
    // Nothing is owed any more: a second payment is refused (409) and writes no order.
    const again = await post(`/dossiers/${code}/payments/vnpay`, {}, { cookie: me });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('không còn khoản phí');
    expect((await t.db.query('SELECT 1 FROM vnpay_orders')).rowCount).toBe(2);
  });

  it('the books: the receipt series, the cash book (screen, Excel, PDF) and the fee report agree with a hand count', async () => {
    // One counter payment in cash the same day, by the center's collector: 10.000 đ (2.000884 is 10.000 đ a case).
    const cashDossier = await createDossier(t, { procedure: '2.000884' });
    const cash = await pay(t, collector, cashDossier.code, { method: 'cash', amount: 10_000, tendered: 10_000 });
    const online = (await api(t, collector, 'GET', feesUrl(code, '/receipts'))).json().items[0];
    // One series for the center: the online receipt and the counter's follow each other.
    const [sym1, n1] = online.receiptNumber.split('/');
    const [sym2, n2] = cash.receiptNumber.split('/');
    expect(sym2).toBe(sym1);
    expect(Number(n2)).toBe(Number(n1) + 1);

    // Hand count of the day: the gateway 25.000 đ by VNPay; the collector 10.000 đ cash. Total 35.000 đ.
    const book = await api(t, director, 'GET', `/api/v1/fees/cashbook?date=${DAY}`);
    expect(book.statusCode, book.body).toBe(200);
    const b = book.json();
    const byName = Object.fromEntries(b.books.map((x: { collector: { username: string } }) => [x.collector.username, x]));
    expect(Object.keys(byName).sort()).toEqual(['cong-vnpay', 'thuphi']);
    // The online book is listed last, after the center's collectors.
    expect(b.books.at(-1)).toMatchObject({ online: true, collector: { username: 'cong-vnpay', fullName: 'Cổng thanh toán VNPay' } });
    expect(byName.thuphi.online).toBe(false);
    const line = (x: { figures: { lines: { method: string }[] } }, m: string) => x.figures.lines.find((l) => l.method === m);
    expect(line(byName['cong-vnpay'], 'vnpay')).toMatchObject({ opening: 0, receipts: 25_000, voids: 0, closing: 25_000 });
    expect(byName['cong-vnpay'].figures.total).toMatchObject({ receipts: 25_000 });
    expect(byName['cong-vnpay'].entries).toEqual([expect.objectContaining({ kind: 'receipt', dossierCode: code, method: 'vnpay', amount: 25_000 })]);
    expect(line(byName.thuphi, 'cash')).toMatchObject({ receipts: 10_000 });
    expect(b.total).toMatchObject({ receipts: 35_000, voids: 0, closing: 35_000 });
    // The gateway is found by name too, and its book is not closed by hand.
    expect((await api(t, director, 'GET', `/api/v1/fees/cashbook?date=${DAY}&collector=cong-vnpay`)).json().books).toHaveLength(1);
    const close = await api(t, director, 'POST', '/api/v1/fees/cashbook/close', { date: DAY, collector: 'cong-vnpay', handedOver: {} });
    expect(close.statusCode).toBe(409);
    expect(close.json().detail).toContain('không khóa sổ');

    const x = await api(t, director, 'GET', `/api/v1/fees/cashbook.xlsx?date=${DAY}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows = (wb.getWorksheet('Tổng hợp')!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(rows.find((r) => r[2] === 'Cổng thanh toán VNPay' && r[3] === 'Trực tuyến qua VNPay')?.slice(4, 10)).toEqual([0, 25_000, 0, 0, 0, 25_000]);
    expect(rows.find((r) => r[2] === 'Cộng các người thu' && r[3] === 'Cộng')?.slice(4, 10)).toEqual([0, 35_000, 0, 0, 0, 35_000]);
    expect(rows.find((r) => r[2] === 'Cộng các người thu' && r[3] === 'Trực tuyến qua VNPay')?.slice(4, 10)).toEqual([0, 25_000, 0, 0, 0, 25_000]);
    const detail = (wb.getWorksheet('Chi tiết')!.getSheetValues() as unknown[][]).filter(Boolean);
    expect(detail.filter((r) => r[7] === 'Trực tuyến qua VNPay').map((r) => [r[5], r[8]])).toEqual([[code, 25_000]]);
    const pdf = await api(t, director, 'GET', `/api/v1/fees/cashbook.pdf?date=${DAY}`);
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['Người thu: Cổng thanh toán VNPay (cong-vnpay)', 'tiền về thẳng tài khoản của Trung tâm', code]) expect(text, s).toContain(s);
    // The center's day added up: 10.000 đ cash + 25.000 đ VNPay = 35.000 đ.
    const all = text.slice(text.indexOf('Cộng các người thu (2)'));
    expect(all).toMatch(/Tiền mặt 0đ 10\.000 đ 0đ 0đ 0đ 10\.000 đ/);
    expect(all).toMatch(/Trực tuyến qua VNPay 0đ 25\.000 đ 0đ 0đ 0đ 25\.000 đ/);
    expect(all).toMatch(/Cộng 0đ 35\.000 đ 0đ 0đ 0đ 35\.000 đ/);

    const rep = await api(t, director, 'GET', `/api/v1/fees/reports?from=${DAY}&to=${DAY}&groupBy=method`);
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json().rows).toContainEqual(expect.objectContaining({ key: 'vnpay', label: 'Trực tuyến qua VNPay', receipts: 1, collected: 25_000 }));
    expect(rep.json().rows).toContainEqual(expect.objectContaining({ key: 'cash', receipts: 1, collected: 10_000 }));
    // The reconciliation of the day counts the online receipt with the counter's: payments = receipts = lines = 35.000 đ.
    const rec = await api(t, director, 'GET', `/api/v1/fees/transfers/reconciliation?from=${DAY}&to=${DAY}`);
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({ balanced: true, total: { collected: 35_000, difference: 0 },
      checks: { payments: 35_000, receipts: 35_000, receiptLines: 35_000, ledgersAgree: true } });
    // The collector's own book is still only theirs.
    const mine = (await api(t, collector, 'GET', `/api/v1/fees/cashbook?date=${DAY}`)).json();
    expect(mine.books.map((x: { collector: { username: string } }) => x.collector.username)).toEqual(['thuphi']);
  });
});
