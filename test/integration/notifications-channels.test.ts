// The other channels and the routes around them, each with a real local server: the generic SMS webhook (and its
// delivery reports), Zalo ZNS (accepted, delivered by its signed event, or failing over to SMS), e-mail beside SMS,
// the settings API, a dossier's messages as staff see them, the SMS look-up "HS <mã hồ sơ>", and sendNow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannels, OutboxWorker, sendNow, type Channels } from '../../src/modules/notifications';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { api } from '../support/fee-fixtures';
import { changeSettings, messagesOf } from '../support/notify';
import { startSmsWebhook, startZns, type WebhookSink, type ZnsSink } from '../support/sms-gateways';
import { startSmtp, type TestSmtp } from '../support/smtp';

const TOKEN = 'cong-sms-goi-vao-motcua-2025';
const ZALO = { appId: '4321987654', oaSecret: 'oa-secret-key-test', accessToken: 'zalo-oa-access-token' };
const FROM = '"TTHCC Hương Thủy" <thongbao@huongthuy.gov.vn>';
let t: TestApp;
let sms: WebhookSink;
let zns: ZnsSink;
let smtp: TestSmtp;
let channels: Channels;
let base: string;
let clerk: string, director: string, cv: string, ld: string, clerkHue: string, directorHue: string, admin: string;
let n = 0;

beforeAll(async () => {
  [sms, zns, smtp] = await Promise.all([startSmsWebhook(), startZns(ZALO.accessToken), startSmtp()]);
  t = await createTestApp({
    config: {
      smtpUrl: smtp.url, mailFrom: FROM, sms: { provider: 'webhook', url: sms.url, token: 'webhook-bearer-1' }, smsBrandname: 'MOTCUA', smsInboundToken: TOKEN,
      zalo: { url: zns.sendUrl, accessToken: ZALO.accessToken, development: false, appId: ZALO.appId, oaSecret: ZALO.oaSecret },
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  channels = createChannels(t.app.deps.config);
  [clerk, director, cv, ld, clerkHue, directorHue, admin] = await Promise.all(['tn.tp', 'giamdoc', 'cv.tp', 'ld.tp', 'tn.tp.hue', 'giamdoc.hue', 'admin'].map((u) => t.login(u)));
});
afterAll(async () => {
  channels.close();
  await t.close();
  await Promise.all([sms.close(), zns.close(), smtp.close()]);
});

const run = () => new OutboxWorker({ db: t.db, channels, retryBaseMs: 200 }).runOnce();
const smsTo = (code: string) => sms.received.filter((m) => m.text.includes(code));
const notifications = (cookie: string, code: string) => api(t, cookie, 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}/notifications`);
const inbound = (body: object, token: string | null = TOKEN) =>
  t.app.inject({ method: 'POST', url: '/api/v1/sms/inbound', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: body });

async function received(cookie = clerk, extra: Record<string, string> = {}) {
  const d = await register(t, cookie, { applicant: { ...applicant(800 + ++n), phone: '0905000111', ...extra } });
  const r = await mustAct(t, cookie, d.code, 'receive', {});
  return { code: d.code as string, dueAt: new Date(r.dueAt) };
}

describe('the generic SMS webhook', () => {
  it('POSTs {to, text, ref} with its bearer token; the bridge\'s delivery report marks the message delivered', async () => {
    const d = await received();
    expect(await run()).toMatchObject({ sent: 1 });
    const [m] = smsTo(d.code);
    expect(m).toMatchObject({ to: '+84905000111', sender: 'MOTCUA', authorization: 'Bearer webhook-bearer-1' });
    expect(m.text).toMatch(/^TTHCC thi xa Huong Thuy: ho so .+ da duoc tiep nhan, hen tra ket qua luc \d+h\d\d ngay \d\d\/\d\d\/\d{4}\.$/);
    const [row] = await messagesOf(t, d.code);
    expect(row).toMatchObject({ channel: 'sms', status: 'sent', provider: 'webhook', provider_ref: expect.stringMatching(/^wh-\d+$/), ref: m.ref });

    const report = (body: object, token: string | null = TOKEN) => t.app.inject({ method: 'POST', url: '/api/v1/sms/status', headers: token ? { authorization: `Bearer ${token}` } : {}, payload: body });
    expect((await report({ ref: m.ref, status: 'delivered' }, null)).statusCode).toBe(401);
    expect((await report({ ref: m.ref, status: 'delivered' }, 'sai-ma-truy-cap-cua-cong-sms')).statusCode).toBe(401);
    expect((await report({ ref: 'f'.repeat(32), status: 'delivered' })).statusCode).toBe(404);
    expect((await report({ ref: m.ref, status: 'delivered' })).json()).toEqual({ updated: true });
    expect((await messagesOf(t, d.code))[0].status).toBe('delivered');
    // A repeated report changes nothing.
    expect((await report({ ref: m.ref, status: 'failed' })).json()).toEqual({ updated: false });
    expect((await messagesOf(t, d.code))[0].status).toBe('delivered');
  });

  it('a 502 from the bridge is retried; a 400 is final', async () => {
    sms.failHttp(502);
    const a = await received();
    expect(await run()).toMatchObject({ retried: 1 });
    expect((await messagesOf(t, a.code))[0]).toMatchObject({ status: 'queued', error: 'HTTP 502: gateway busy' });
    await new Promise((r) => setTimeout(r, 250));
    expect(await run()).toMatchObject({ sent: 1 });
    sms.failHttp(400);
    const b = await received();
    expect(await run()).toMatchObject({ failed: 1 });
    expect((await messagesOf(t, b.code))[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'HTTP 400: gateway busy' });
  });
});

describe('Zalo ZNS, with SMS behind it', () => {
  it('the center switches Zalo on with its template: ZNS instead of SMS, delivered by Zalo\'s signed event', async () => {
    await changeSettings(t, director, (s) => Object.assign(s.events.find((e) => e.event === 'received')!, { zalo: true, zaloTemplateId: '236598' }));
    const d = await received();
    await run();
    expect(smsTo(d.code)).toEqual([]);
    const req = zns.requests.find((r) => r.template_data.ma_ho_so === d.code)!;
    expect(req).toMatchObject({ phone: '84905000111', template_id: '236598', token: ZALO.accessToken });
    expect(req.template_data).toMatchObject({ trung_tam: 'TTHCC thị xã Hương Thủy', ngay_hen: expect.stringMatching(/^\d+h\d\d ngày \d\d\/\d\d\/\d{4}$/) });
    const [row] = await messagesOf(t, d.code);
    expect(row).toMatchObject({ channel: 'zalo', status: 'sent', provider: 'zalo', template_id: '236598' });
    expect(req.tracking_id).toBe(row.ref);

    const hook = `${base}/api/v1/zalo/webhook`;
    expect(await zns.report(row.provider_ref!, hook, ZALO, 'f'.repeat(64))).toBe(401);
    expect((await messagesOf(t, d.code))[0].status).toBe('sent');
    expect(await zns.report(row.provider_ref!, hook, ZALO)).toBe(200);
    expect((await messagesOf(t, d.code))[0].status).toBe('delivered');
  });

  it('Zalo refuses (-118, no Zalo account): the SMS goes instead, once, and both show on the dossier', async () => {
    zns.failWith = -118;
    try {
      const d = await received();
      expect(await run()).toMatchObject({ failed: 1, sent: 1 });
      const rows = await messagesOf(t, d.code);
      expect(rows.map((r) => [r.channel, r.status, r.error])).toEqual([
        ['zalo', 'failed', 'Zalo -118: Zalo account is not existed'],
        ['sms', 'sent', null],
      ]);
      expect(rows[1].fallback_of).toBe(rows[0].id);
      expect(smsTo(d.code)).toHaveLength(1);
      await run();
      expect(smsTo(d.code)).toHaveLength(1);
      const list = (await notifications(clerk, d.code)).json().items;
      expect(list.map((i: { channel: string; status: string; fallbackOf: number | null }) => [i.channel, i.status, i.fallbackOf])).toEqual([['zalo', 'failed', null], ['sms', 'sent', rows[0].id]]);
    } finally {
      zns.failWith = null;
      await changeSettings(t, director, (s) => Object.assign(s.events.find((e) => e.event === 'received')!, { zalo: false }));
    }
  });
});

describe('a dossier\'s messages as staff see them', () => {
  it('e-mail and SMS side by side; the department sees who was told, with the contacts partly hidden; other centers nothing', async () => {
    const d = await received(clerk, { email: 'nguoinop.kenh@example.vn' });
    await mustAct(t, clerk, d.code, 'transfer', {});
    await run();
    const full = (await notifications(clerk, d.code)).json().items;
    expect(full.map((i: { channel: string; to: string; status: string; event: string }) => [i.channel, i.to, i.status, i.event])).toEqual([
      ['email', 'nguoinop.kenh@example.vn', 'sent', 'received'],
      ['sms', '0905000111', 'sent', 'received'],
    ]);
    expect(full[0].subject).toContain(d.code);
    const dept = await notifications(cv, d.code);
    expect(dept.statusCode).toBe(200);
    expect(dept.json().items.map((i: { to: string }) => i.to)).toEqual(['n***@example.vn', '0905***111']);
    expect((await notifications(clerkHue, d.code)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(d.code)}/notifications` })).statusCode).toBe(401);
    expect((await notifications(ld, 'KHONG-CO-250101-0001')).statusCode).toBe(404);
  });
});

describe('the settings API', () => {
  it('who may change what', async () => {
    expect((await api(t, cv, 'GET', '/api/v1/notifications/settings')).statusCode).toBe(403);
    expect((await api(t, clerk, 'GET', '/api/v1/notifications/settings')).statusCode).toBe(403);
    expect((await api(t, admin, 'GET', '/api/v1/notifications/settings')).statusCode).toBe(400);
    expect((await api(t, admin, 'GET', '/api/v1/notifications/settings?center=000.00.11.H57')).json().center.code).toBe('000.00.11.H57');
    expect((await api(t, directorHue, 'GET', '/api/v1/notifications/settings?center=000.00.15.H57')).statusCode).toBe(403);
    const s = (await api(t, director, 'GET', '/api/v1/notifications/settings')).json();
    expect(s.providers).toEqual({ email: true, sms: 'webhook', zalo: true, smsInbound: true, deliveryReports: true });
    expect(s.events.find((e: { event: string }) => e.event === 'queue_near')).toMatchObject({ channels: ['sms', 'zalo'], preview: { parts: 1, trimmed: false } });
  });

  it('a text with an unknown field or too long for the allowed parts is refused, a good one is what the phone gets', async () => {
    const put = (change: (e: { smsTemplate: string | null; zalo: boolean; zaloTemplateId: string | null }) => void) =>
      changeSettings(t, director, (s) => change(s.events.find((e) => e.event === 'received')!)).then(() => 200, (e: Error) => e.message);
    expect(await put((e) => (e.smsTemplate = 'Ho so ((ma_ho_so)) cua ((ten_nguoi_nop))'))).toContain('dùng trường không có: ((ten_nguoi_nop))');
    expect(await put((e) => (e.smsTemplate = `((ma_ho_so)) ${'rat dai '.repeat(80)}`))).toContain('dài quá 3 phần tin');
    expect(await put((e) => Object.assign(e, { zalo: true, zaloTemplateId: null }))).toContain('cần mã mẫu ZNS');
    expect(await put((e) => (e.smsTemplate = 'Hồ sơ ((MA_HO_SO)) đã tiếp nhận. Hẹn: ((ngay_hen)). ((trung_tam))'))).toBe(200);
    const d = await received();
    await run();
    expect(smsTo(d.code)[0].text).toMatch(/^Ho so .+ da tiep nhan\. Hen: \d+h\d\d ngay .+\. TTHCC thi xa Huong Thuy$/);
    await changeSettings(t, director, (s) => (s.events.find((e) => e.event === 'received')!.smsTemplate = null));
  });
});

describe('SMS look-up: "HS <mã hồ sơ>"', () => {
  it('from the dossier\'s phone (either form): the status and the appointment, nothing personal', async () => {
    const d = await received();
    await run();
    const r = await inbound({ from: '+84905000111', text: `hs ${d.code.toLowerCase()}`, id: `mo-${d.code}` });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ replied: true });
    await run();
    const reply = sms.received.filter((m) => m.text.startsWith(`Ho so ${d.code}:`));
    expect(reply).toHaveLength(1);
    expect(reply[0].to).toBe('+84905000111');
    expect(reply[0].text).toMatch(new RegExp(`^Ho so ${d.code.replace(/\./g, '\\.')}: Da tiep nhan\\. Hen tra ket qua: \\d+h\\d\\d ngay \\d\\d/\\d\\d/\\d{4}\\.$`));
    expect(reply[0].text).not.toContain('Nguyen');
    // The gateway delivers the same inbound message twice: one reply.
    expect((await inbound({ from: '0905000111', text: `HS ${d.code}`, id: `mo-${d.code}` })).json()).toEqual({ replied: false });
    // The reply is one of the dossier's messages.
    expect((await notifications(clerk, d.code)).json().items.map((i: { event: string }) => i.event)).toEqual(['received', 'sms_reply']);
  });

  it('from another phone, or for a code that does not exist: the same neutral answer', async () => {
    const d = await received();
    await inbound({ from: '0912999888', text: `HS ${d.code}` });
    await inbound({ from: '0912999777', text: 'HS 000.00.15.H57-990101-9999' });
    await inbound({ from: '0912999666', text: 'xin chao' });
    await run();
    const to = (p: string) => sms.received.filter((m) => m.to === p).map((m) => m.text);
    const neutral = 'Khong tim thay ho so phu hop voi so dien thoai nay. Soan HS <ma ho so> tu so dien thoai da dang ky khi nop ho so.';
    expect(to('+84912999888')).toEqual([neutral]);
    expect(to('+84912999777')).toEqual([neutral]);
    expect(to('+84912999666')).toEqual(['Sai cu phap. De tra cuu ho so, soan: HS <ma ho so> va gui tu so dien thoai da dang ky khi nop ho so.']);
    expect((await notifications(clerk, d.code)).json().items.map((i: { event: string }) => i.event)).toEqual(['received']);
  });

  it('needs the gateway\'s token; at most 10 replies an hour to one phone', async () => {
    expect((await inbound({ from: '0905000111', text: 'HS X' }, null)).statusCode).toBe(401);
    expect((await inbound({ from: '0905000111', text: 'HS X' }, 'mot-ma-sai-hoan-toan-khac')).statusCode).toBe(401);
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await inbound({ from: '0913000000', text: 'tra cuu' })).json().replied);
    expect(answers.filter(Boolean)).toHaveLength(10);
  });
});

describe('sendNow: one message at once (one-time codes)', () => {
  it('sends through the SMS channel, keeps only what it is told to keep, never twice for one key', async () => {
    const first = await sendNow(t.db, channels, { channel: 'sms', to: '0905 333 444', text: 'Mã đăng nhập: 482913 (hiệu lực 5 phút)', key: 'otp-1', storedText: 'Mã đăng nhập: ******' });
    expect(first).toMatchObject({ status: 'sent', repeated: false, providerRef: expect.stringMatching(/^wh-/) });
    expect(sms.received.filter((m) => m.to === '+84905333444').map((m) => m.text)).toEqual(['Ma dang nhap: 482913 (hieu luc 5 phut)']);
    const stored = await t.db.query('SELECT body, event, status FROM notification_messages WHERE id = $1', [first.id]);
    expect(stored.rows[0]).toEqual({ body: 'Mã đăng nhập: ******', event: 'otp', status: 'sent' });
    const again = await sendNow(t.db, channels, { channel: 'sms', to: '+84905333444', text: 'Mã đăng nhập: 482913', key: 'otp-1' });
    expect(again).toMatchObject({ id: first.id, status: 'sent', repeated: true });
    expect(sms.received.filter((m) => m.to === '+84905333444')).toHaveLength(1);
  });

  it('by e-mail; a failing gateway is reported, not retried, when the text is not kept; a channel that is not configured is refused', async () => {
    const mail = await sendNow(t.db, channels, { channel: 'email', to: 'Citizen@Example.vn', subject: 'Mã xác thực', text: 'Mã: 111222', key: 'otp-2', storedText: 'Mã: ******' });
    expect(mail.status).toBe('sent');
    await smtp.waitFor(smtp.mails.filter((m) => m.subject === 'Mã xác thực').length);
    expect(smtp.mails.find((m) => m.subject === 'Mã xác thực')!.text).toContain('Mã: 111222');
    sms.failHttp(503);
    const down = await sendNow(t.db, channels, { channel: 'sms', to: '0905333555', text: 'Mã: 333444', key: 'otp-3', storedText: 'Mã: ******' });
    expect(down).toMatchObject({ status: 'failed', error: 'HTTP 503: gateway busy' });
    await expect(sendNow(t.db, channels, { channel: 'sms', to: '0234381222', text: 'x', key: 'otp-4' })).rejects.toMatchObject({ status: 400 });
    const none = createChannels({});
    await expect(sendNow(t.db, none, { channel: 'sms', to: '0905333444', text: 'x', key: 'otp-5' })).rejects.toMatchObject({ status: 409, code: 'SMS_NOT_CONFIGURED' });
  });
});
