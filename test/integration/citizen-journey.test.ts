// A citizen's whole online journey against real local servers (issue 15, "done when"): the SMS gateway (the generic
// webhook, which also reports delivery and sends look-ups in), the VNPay gateway calling our IPN over HTTP, and the
// app listening for real. Sign in by a texted code → submit online with a file, result online → the clerk receives →
// the citizen pays by VNPay → the department resolves with a result file → returned online → the citizen downloads
// it; every message the applicant got is listed for staff with its delivery status; "HS <code>" by SMS answers.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, OutboxWorker, type Channels } from '../../src/modules/notifications';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct } from '../support/dossiers';
import { api } from '../support/fee-fixtures';
import { multipart } from '../support/multipart';
import { startSmsWebhook, type WebhookSink } from '../support/sms-gateways';
import { startVnpaySim, type VnpaySim } from '../support/vnpay-sim';

const TOKEN = 'journey-sms-gateway-token-0001';
const TMN = 'JOURNEY1';
const SECRET = 'journey-vnpay-secret-0123456789';
const PHONE = '0912345678';
// Registration of a household business (hộ kinh doanh): fully online (level 4), a fee per dossier, the finance department.
const PROCEDURE = '1.001612';
const PDF = Buffer.from('%PDF-1.4\n% giay de nghi dang ky ho kinh doanh\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const RESULT = Buffer.from('%PDF-1.4\n% giay chung nhan dang ky ho kinh doanh\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const clock = new ManualClock(new Date('2026-03-10T09:00:00+07:00'));

let t: TestApp;
let sms: WebhookSink;
let sim: VnpaySim;
let channels: Channels;
let center: string;
let citizen: string;
let code: string;

const citizenApi = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/citizen${url}`, headers: citizen ? { cookie: citizen } : {}, ...(payload ? { payload } : {}) });
const sendOutbox = () => new OutboxWorker({ db: t.db, channels, retryBaseMs: 200 }).runOnce();
/** The gateway reports every message it accepted as delivered (POST /sms/status, as its delivery receipts). */
async function deliverAll() {
  for (const m of sms.received) {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/sms/status', headers: { authorization: `Bearer ${TOKEN}` }, payload: { ref: m.ref, status: 'delivered' } });
    expect([200, 204]).toContain(r.statusCode);
  }
}

beforeAll(async () => {
  sms = await startSmsWebhook();
  let ipnUrl = '';
  sim = await startVnpaySim({ tmnCode: TMN, secret: SECRET, get ipnUrl() { return ipnUrl; } });
  t = await createTestApp({ clock, config: {
    sms: { provider: 'webhook', url: sms.url, token: 'journey-webhook-bearer' }, smsBrandname: 'TTHCC HT', smsInboundToken: TOKEN,
    publicUrl: 'https://motcua.example', vnpay: { tmnCode: TMN, hashSecret: SECRET, url: sim.url },
  } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  ipnUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/payments/vnpay/ipn`;
  channels = createChannels(t.app.deps.config);
  center = (await t.db.query<{ code: string }>(`SELECT c.code FROM centers c JOIN users u ON u.center_id = c.id WHERE u.username = 'tn.tc'`)).rows[0]!.code;
});
afterAll(async () => {
  channels?.close();
  await sim?.close();
  await t?.close();
  await sms?.close();
});

describe('a citizen online, from the first text to the downloaded result', () => {
  it('signs in with the code texted to the phone', async () => {
    expect((await citizenApi('POST', '/auth/otp', { contact: PHONE })).statusCode).toBe(202);
    const text = sms.received.find((m) => m.to === '+84912345678' && m.text.startsWith('Ma dang nhap'))!;
    const otp = /: (\d{6})\./.exec(text.text)![1]!;
    const r = await citizenApi('POST', '/auth/verify', { contact: PHONE, code: otp });
    expect(r.statusCode, r.body).toBe(200);
    citizen = `motcua_citizen_sid=${r.cookies.find((x) => x.name === 'motcua_citizen_sid')!.value}`;
    expect((await citizenApi('GET', '/me')).json()).toMatchObject({ contactKind: 'phone', signInMethod: 'otp' });
  });

  it('submits online with its paper and the result online; the clerk receives it', async () => {
    const r = await citizenApi('POST', '/dossiers', { procedure: PROCEDURE, center, applicant: { ...applicant(901), phone: '', email: '' }, delivery: { method: 'online' } });
    expect(r.statusCode, r.body).toBe(201);
    code = r.json().code;
    expect(r.json()).toMatchObject({ channel: 'online', status: 'submitted', delivery: { method: 'online' } });
    const body = multipart(PDF, 'giay-de-nghi.pdf', { checklistIndex: '0' });
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/citizen/dossiers/${code}/files`, headers: { cookie: citizen, ...body.headers }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(201);
    const clerk = await t.login('tn.tc');
    await mustAct(t, clerk, code, 'receive', {});
    expect((await citizenApi('GET', `/dossiers/${code}`)).json()).toMatchObject({ status: 'received' });
  });

  it('pays what is owed by VNPay: the gateway calls the IPN, the fee module issues the receipt', async () => {
    const offer = (await citizenApi('GET', `/dossiers/${code}/payments`)).json();
    expect(offer).toMatchObject({ vnpay: true });
    expect(offer.due).toBeGreaterThan(0);
    const { url } = (await citizenApi('POST', `/dossiers/${code}/payments/vnpay`, {})).json();
    const paid = await sim.pay(url);
    expect(paid).toMatchObject({ status: 302, ipn: { RspCode: '00' } });
    expect((await citizenApi('GET', `/dossiers/${code}/payments`)).json().due).toBe(0);
    const receipts = (await api(t, await t.login('thuphi'), 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}/receipts`)).json();
    expect(receipts.items).toEqual([expect.objectContaining({ method: 'vnpay', amount: offer.due })]);
  });

  it('the department resolves with a result file; returned online, the citizen downloads exactly that file', async () => {
    const clerk = await t.login('tn.tc');
    const ld = await t.login('ld.tc');
    await mustAct(t, clerk, code, 'transfer', {});
    // The department's steps, as its head records them, until the dossier can be resolved.
    for (let i = 0; i < 6; i++) {
      const d = await api(t, ld, 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}`);
      expect(d.statusCode, d.body).toBe(200);
      if (d.json().can.resolve) break;
      await mustAct(t, ld, code, 'complete-step', {});
    }
    const body = multipart(RESULT, 'giay-chung-nhan.pdf', { kind: 'result' });
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/files`, headers: { cookie: ld, ...body.headers }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(201);
    await mustAct(t, ld, code, 'resolve', { resultFileId: up.json().id, resultSummary: 'Cấp Giấy chứng nhận đăng ký hộ kinh doanh' });
    expect((await citizenApi('GET', `/dossiers/${code}`)).json().resultAvailable).toBe(false);
    await mustAct(t, clerk, code, 'return', { method: 'online' });
    const mine = (await citizenApi('GET', `/dossiers/${code}`)).json();
    expect(mine).toMatchObject({ status: 'returned', resultAvailable: true });
    const file = await citizenApi('GET', `/dossiers/${code}/result`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(RESULT)).toBe(true);
  });

  it('every message the applicant got is listed for staff, each delivered by the gateway', async () => {
    await sendOutbox();
    await deliverAll();
    const list = (await api(t, await t.login('tn.tc'), 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}/notifications`)).json();
    const events = list.items.map((i: { event: string }) => i.event);
    // The center's default SMS events: received with its due date, and the result ready.
    expect(events).toEqual(expect.arrayContaining(['received', 'result_ready']));
    for (const m of list.items) expect(m).toMatchObject({ channel: 'sms', to: PHONE, status: 'delivered' });
    const texts = sms.received.filter((m) => m.text.includes(code)).map((m) => m.text);
    expect(texts.some((x) => /da duoc tiep nhan, hen tra ket qua luc/.test(x))).toBe(true);
    // A second run sends nothing again.
    const before = sms.received.length;
    await sendOutbox();
    expect(sms.received.length).toBe(before);
  });

  it('"HS <code>" texted from the applicant\'s phone answers the status; from another phone, a neutral answer', async () => {
    const inbound = (from: string) => t.app.inject({ method: 'POST', url: '/api/v1/sms/inbound', headers: { authorization: `Bearer ${TOKEN}` }, payload: { from, text: `HS ${code}` } });
    expect((await inbound('+84912345678')).json()).toEqual({ replied: true });
    await inbound('0987654321');
    await sendOutbox();
    const reply = sms.received.filter((m) => m.to === '+84912345678' && m.text.startsWith(`Ho so ${code}:`));
    expect(reply).toHaveLength(1);
    expect(reply[0]!.text).toMatch(/Da tra ket qua/);
    expect(sms.received.filter((m) => m.to === '+84987654321').map((m) => m.text))
      .toEqual(['Khong tim thay ho so phu hop voi so dien thoai nay. Soan HS <ma ho so> tu so dien thoai da dang ky khi nop ho so.']);
  });
});
