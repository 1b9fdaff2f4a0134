// SMS through a real HTTP server speaking the eSMS gateway's protocol (test/support/sms-gateways.ts): each event
// the applicant hears about goes out with its status, the gateway's delivery report marks it delivered, a 5xx is
// retried with backoff, two workers never send twice, switched-off events send nothing, and a center that limits
// SMS to the applicants who ordered the service at the counter sends only to them.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPool, withDatabase } from '../../src/platform/db';
import { formatVnDate, vnParts } from '../../src/platform/pdf/time';
import { createChannels, OutboxWorker, type Channels } from '../../src/modules/notifications';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { api, createCollector, createDossier, HUE, pay } from '../support/fee-fixtures';
import { changeSettings, messagesOf } from '../support/notify';
import { startEsms, type EsmsSink } from '../support/sms-gateways';

const ESMS = { apiKey: 'esms-api-key-test', secretKey: 'esms-secret-key-test' };
let esms: EsmsSink;
let t: TestApp;
let channels: Channels;
let clerk: string, cv: string, ld: string, director: string, collector: string, clerkHue: string, directorHue: string;
let n = 0;

beforeAll(async () => {
  esms = await startEsms({ ...ESMS, brandnames: ['MOTCUA', 'TTHCC HUE'] });
  t = await createTestApp({ config: { sms: { provider: 'esms', url: esms.sendUrl, ...ESMS, sandbox: false }, smsBrandname: 'MOTCUA' } });
  // eSMS reports delivery by GET on the address given with each message: the app listens for real.
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  channels = createChannels({ ...t.app.deps.config, publicUrl: `http://127.0.0.1:${addr.port}` });
  [clerk, cv, ld, director, collector, clerkHue, directorHue] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc', 'thuphi', 'tn.tp.hue', 'giamdoc.hue'].map((u) => t.login(u)));
});
afterAll(async () => {
  await t.close();
  await esms.close();
});

const worker = (db = t.db) => new OutboxWorker({ db, channels, retryBaseMs: 200 });
const hourDate = (d: Date) => `${vnParts(d).hour}h${String(vnParts(d).minute).padStart(2, '0')} ngay ${formatVnDate(d)}`;
const sentTo = (code: string) => esms.accepted.filter((a) => a.Content.includes(code));

async function received(cookie = clerk, phone = '0905000111') {
  const d = await register(t, cookie, { applicant: { ...applicant(700 + ++n), phone } });
  const r = await mustAct(t, cookie, d.code, 'receive', {});
  return { code: d.code as string, dueAt: new Date(r.dueAt) };
}

describe('SMS by the eSMS gateway', () => {
  it('a center starts with SMS on the main events: received, supplement requested, result ready', async () => {
    const r = await api(t, director, 'GET', '/api/v1/notifications/settings');
    expect(r.statusCode).toBe(200);
    const s = r.json();
    expect(s.providers).toMatchObject({ sms: 'esms', email: false, zalo: false });
    expect(s.smsPolicy).toBe('all');
    expect(Object.fromEntries(s.events.map((e: { event: string; sms: boolean }) => [e.event, e.sms]))).toEqual({
      received: true, supplement_requested: true, extended: false, result_ready: true, rejected: false, returned: false, payment_received: false, queue_near: true,
      feedback_published: true, feedback_rejected: true,
    });
  });

  it('received: one SMS without diacritics, with the due date, sent then delivered by the gateway\'s report', async () => {
    const d = await received();
    expect(await worker().runOnce()).toMatchObject({ dispatched: 1, sent: 1 });
    const [m] = sentTo(d.code);
    expect(m).toMatchObject({ ApiKey: ESMS.apiKey, SecretKey: ESMS.secretKey, Phone: '0905000111', Brandname: 'MOTCUA', SmsType: '2', IsUnicode: '0' });
    expect(m.Content).toBe(`TTHCC thi xa Huong Thuy: ho so ${d.code} da duoc tiep nhan, hen tra ket qua luc ${hourDate(d.dueAt)}.`);
    let [row] = await messagesOf(t, d.code);
    expect(row).toMatchObject({ event: 'received', channel: 'sms', recipient: '84905000111', status: 'sent', attempts: 1, provider: 'esms', provider_ref: m.SMSID, segments: 1 });
    expect(m.RequestId).toBe(row.ref);
    expect(m.CallbackUrl).toMatch(new RegExp(`/api/v1/sms/esms/callback\\?m=${row.ref}&t=[0-9a-f]{32}$`));

    // The gateway's delivery report (GET on the callback address) marks it delivered; staff see it on the dossier.
    expect(await esms.report(m.SMSID, 'success')).toBe(200);
    [row] = await messagesOf(t, d.code);
    expect(row.status).toBe('delivered');
    expect(row.delivered_at).toBeInstanceOf(Date);
    const list = (await api(t, clerk, 'GET', `/api/v1/dossiers/${encodeURIComponent(d.code)}/notifications`)).json();
    expect(list.items).toEqual([expect.objectContaining({ channel: 'sms', to: '0905000111', status: 'delivered', event: 'received', eventName: 'Tiếp nhận hồ sơ, hẹn ngày trả kết quả', text: m.Content, providerRef: m.SMSID })]);
  });

  it('a callback with a wrong token changes nothing; a "failed" report marks the message failed', async () => {
    const d = await received();
    await worker().runOnce();
    const [m] = sentTo(d.code);
    const forged = m.CallbackUrl!.replace(/t=[0-9a-f]{32}/, `t=${'0'.repeat(32)}`);
    expect((await fetch(`${forged}&SMSID=${m.SMSID}&SendStatus=5&SendSuccess=1&SendFailed=0`)).status).toBe(404);
    expect((await messagesOf(t, d.code))[0].status).toBe('sent');
    expect(await esms.report(m.SMSID, 'failed')).toBe(200);
    expect((await messagesOf(t, d.code))[0]).toMatchObject({ status: 'failed', error: 'eSMS báo nhà mạng không gửi được tin (SendFailed)' });
  });

  it('every event the center switches on reaches the phone with its own facts', async () => {
    await changeSettings(t, director, (s) => s.events.forEach((e) => (e.sms = true)));
    // Supplement requested: the list of missing papers.
    const s = await register(t, clerk, { applicant: { ...applicant(750), phone: '0905000111' } });
    await mustAct(t, clerk, s.code, 'request-supplement', { reason: 'Hồ sơ chưa đầy đủ', missing: ['Bản sao Giấy khai sinh', 'Tờ khai ký đủ họ tên'] });
    // Received → extended → result ready → returned by post.
    const d = await received();
    await mustAct(t, clerk, d.code, 'transfer', {});
    await mustAct(t, cv, d.code, 'complete-step', {});
    const newDue = new Date(d.dueAt.getTime() + 3 * 86_400_000);
    await mustAct(t, director, d.code, 'extend', { reason: 'Cần xác minh thêm', newDueAt: newDue.toISOString() });
    await mustAct(t, ld, d.code, 'complete-step', {});
    await mustAct(t, cv, d.code, 'resolve', { resultSummary: 'Trích lục cải chính hộ tịch' });
    await mustAct(t, clerk, d.code, 'return', { method: 'post', trackingNumber: 'EV123456789VN' });
    // Rejected.
    const j = await received();
    await mustAct(t, clerk, j.code, 'transfer', {});
    await mustAct(t, ld, j.code, 'reject', { reason: 'Không thuộc thẩm quyền.' });
    // Payment received (a dossier with a 10.000 đ fee).
    const p = await createDossier(t, { procedure: '2.000884' });
    const receipt = await pay(t, collector, p.code, { method: 'cash', amount: 10_000 });
    await worker().runOnce();

    expect(sentTo(s.code).map((m) => m.Content)).toEqual([
      `TTHCC thi xa Huong Thuy: ho so ${s.code} can bo sung: Ban sao Giay khai sinh; To khai ky du ho ten. Moi Ong/Ba mang den Bo phan Tiep nhan va Tra ket qua.`,
    ]);
    expect(sentTo(d.code).map((m) => m.Content)).toEqual([
      `TTHCC thi xa Huong Thuy: ho so ${d.code} da duoc tiep nhan, hen tra ket qua luc ${hourDate(d.dueAt)}.`,
      `TTHCC thi xa Huong Thuy xin loi Ong/Ba: ho so ${d.code} chua co ket qua dung hen. Hen tra ket qua moi: ${hourDate(newDue)}.`,
      `TTHCC thi xa Huong Thuy: ho so ${d.code} da co ket qua. Moi Ong/Ba mang giay hen den nhan tai Bo phan Tiep nhan va Tra ket qua.`,
      `TTHCC thi xa Huong Thuy: ket qua ho so ${d.code} da duoc tra qua buu dien, ma van don EV123456789VN. Cam on Ong/Ba.`,
    ]);
    expect(sentTo(j.code).at(-1)!.Content).toBe(`TTHCC thi xa Huong Thuy: ho so ${j.code} khong du dieu kien giai quyet. Moi Ong/Ba den nhan lai ho so va van ban neu ro ly do.`);
    expect(sentTo(p.code).map((m) => [m.Phone, m.Content])).toEqual([
      ['0905123456', `TTHCC thi xa Huong Thuy da nhan 10.000 d phi, le phi ho so ${p.code}, bien lai so ${receipt.receiptNumber}.`],
    ]);
    // Each with its status and the gateway's reference.
    const rows = await messagesOf(t, d.code);
    expect(rows.map((r) => [r.event, r.status])).toEqual([['received', 'sent'], ['extended', 'sent'], ['result_ready', 'sent'], ['returned', 'sent']]);
    expect(rows.every((r) => r.provider === 'esms' && r.provider_ref)).toBe(true);
    // Internal hand-offs are no one's news.
    const skipped = await t.db.query(`SELECT topic FROM outbox WHERE payload->>'code' = $1 AND status = 'skipped' ORDER BY id`, [d.code]);
    expect(skipped.rows.map((r) => r.topic)).toEqual(['dossier.registered', 'dossier.transfer', 'dossier.complete-step', 'dossier.complete-step']);
  });

  it('a gateway 5xx is retried with a growing delay, then sent once', async () => {
    esms.failHttp(503, 2);
    const d = await received();
    const before = esms.requests.length;
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ sent: 0, retried: 1 });
    const delay = async () => (await t.db.query(`SELECT (extract(epoch FROM m.available_at - now()) * 1000)::float8 AS ms FROM notification_messages m JOIN dossiers d ON d.id = m.dossier_id WHERE d.code = $1`, [d.code])).rows[0].ms as number;
    const first = await delay();
    expect((await messagesOf(t, d.code))[0]).toMatchObject({ status: 'queued', attempts: 1, error: 'eSMS HTTP 503' });
    // Not before its time.
    expect((await w.runOnce()).retried).toBe(0);
    await new Promise((r) => setTimeout(r, 250));
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    const second = await delay();
    expect(first).toBeGreaterThan(100);
    expect(first).toBeLessThanOrEqual(200);
    expect(second).toBeGreaterThan(300);
    expect(second).toBeLessThanOrEqual(400);
    await new Promise((r) => setTimeout(r, 450));
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect((await messagesOf(t, d.code))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(esms.requests.length - before).toBe(3);
    expect(sentTo(d.code)).toHaveLength(1);
  });

  it('a refusal for good (146: template not registered) fails at once; a resend the gateway already has (124) is no second SMS', async () => {
    esms.failCode('146');
    const a = await received();
    expect(await worker().runOnce()).toMatchObject({ failed: 1 });
    expect((await messagesOf(t, a.code))[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'eSMS 146: nội dung chưa đăng ký mẫu chăm sóc khách hàng' });

    const b = await received();
    await worker().runOnce();
    // As if the answer had been lost: the message is due again; the gateway knows its RequestId and refuses it.
    await t.db.query(`UPDATE notification_messages SET status = 'queued', available_at = now() WHERE dossier_id = (SELECT id FROM dossiers WHERE code = $1)`, [b.code]);
    await worker().runOnce();
    expect(sentTo(b.code)).toHaveLength(1);
    expect((await messagesOf(t, b.code))[0]).toMatchObject({ status: 'sent', error: expect.stringContaining('eSMS 124') });
  });

  it('two workers on two connections to one database send each SMS exactly once', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push((await received()).code);
    const db2 = createPool(withDatabase(inject('pgServerUrl'), t.dbName), 5);
    try {
      const [a, b] = await Promise.all([worker().runOnce(), worker(db2).runOnce()]);
      expect(a.sent + b.sent).toBe(10);
    } finally {
      await db2.end();
    }
    for (const code of codes) expect(sentTo(code), code).toHaveLength(1);
    const ids = esms.accepted.map((m) => m.RequestId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('a center\'s choices (Huế)', () => {
  it('switches off: nothing is sent and the event says why', async () => {
    await changeSettings(t, directorHue, (s) => s.events.forEach((e) => Object.assign(e, { email: false, sms: false, zalo: false })));
    const d = await received(clerkHue);
    await worker().runOnce();
    expect(sentTo(d.code)).toEqual([]);
    expect(await messagesOf(t, d.code)).toEqual([]);
    const row = await t.db.query(`SELECT status, note FROM outbox WHERE payload->>'code' = $1 AND topic = 'dossier.receive'`, [d.code]);
    expect(row.rows[0]).toEqual({ status: 'skipped', note: 'Trung tâm tắt thông báo cho sự kiện này' });
  });

  it('SMS only to those who ordered the service at the counter, and then really to the number they gave', async () => {
    const saved = await changeSettings(t, directorHue, (s) => {
      s.smsPolicy = 'ordered';
      s.brandname = 'TTHCC HUE';
      s.events.forEach((e) => (e.sms = ['received', 'result_ready', 'payment_received'].includes(e.event)));
    });
    expect(saved).toMatchObject({ smsPolicy: 'ordered', brandname: 'TTHCC HUE' });
    // No service ordered: the applicant's phone is not used.
    const plain = await received(clerkHue, '0905222333');
    await worker().runOnce();
    expect(sentTo(plain.code)).toEqual([]);
    expect((await t.db.query(`SELECT note FROM outbox WHERE payload->>'code' = $1 AND topic = 'dossier.receive'`, [plain.code])).rows[0].note).toBe('Không gửi: không đăng ký dịch vụ SMS');

    // The cashier sells the SMS service with the payment (its price is on the bill), for another number; from then
    // on the dossier's messages go there, the payment's first.
    const types = (await api(t, clerkHue, 'GET', '/api/v1/fees/service-types')).json();
    expect(types.items.map((s: { code: string }) => s.code)).toContain('sms');
    await createCollector(t, 'thuphi.hue', HUE);
    const cashierHue = await t.login('thuphi.hue');
    const p = await createDossier(t, { center: HUE, procedure: '2.000884' });
    const receipt = await pay(t, cashierHue, p.code, { method: 'cash', amount: 10_000 + Number(types.items.find((s: { code: string }) => s.code === 'sms').charge), services: [{ kind: 'sms', phone: '0912345678' }] });
    await worker().runOnce();
    const sms = sentTo(p.code);
    expect(sms.map((m) => [m.Phone, m.Brandname])).toEqual([['0912345678', 'TTHCC HUE']]);
    expect(sms[0].Content).toContain(`bien lai so ${receipt.receiptNumber}`);
    expect((await messagesOf(t, p.code)).map((m) => [m.event, m.recipient, m.status])).toEqual([['payment_received', '84912345678', 'sent']]);
  });
});
