// Citizen accounts (issue 15): sign-in by a one-time code through a real SMTP server and a real SMS webhook, the
// citizen's own dossiers only, sessions apart from staff, and the result file of a dossier returned online.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { multipart } from '../support/multipart';
import { startSmsWebhook, type WebhookSink } from '../support/sms-gateways';
import { startSmtp, type TestSmtp } from '../support/smtp';

let t: TestApp;
let smtp: TestSmtp;
let sms: WebhookSink;
let clerk: string;
const clock = new ManualClock(new Date('2026-03-10T09:00:00+07:00'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  smtp = await startSmtp();
  sms = await startSmsWebhook();
  t = await createTestApp({ clock, config: { smtpUrl: smtp.url, mailFrom: '"TTHCC" <no-reply@tthcc.example.vn>', sms: { provider: 'webhook', url: sms.url } } });
  clerk = await t.login('tn.tp');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await sms?.close();
});

const post = (url: string, payload: unknown, cookie?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/citizen${url}`, payload: payload as object, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) => t.app.inject({ url: `/api/v1/citizen${url}`, headers: cookie ? { cookie } : {} });

/** The code in the last mail to `to`. */
async function mailedCode(to: string): Promise<string> {
  const n = smtp.mails.length;
  const r = await post('/auth/otp', { contact: to });
  expect(r.statusCode, r.body).toBe(202);
  await smtp.waitFor(n + 1);
  const m = smtp.mails[n]!;
  expect(m.to && 'text' in m.to ? m.to.text : '').toContain(to.toLowerCase());
  return /(\d{6})/.exec(m.text ?? '')![1]!;
}

async function signIn(contact: string): Promise<string> {
  const code = contact.includes('@') ? await mailedCode(contact) : await smsCode(contact);
  const r = await post('/auth/verify', { contact, code });
  expect(r.statusCode, r.body).toBe(200);
  const c = r.cookies.find((x) => x.name === 'motcua_citizen_sid')!;
  return `motcua_citizen_sid=${c.value}`;
}

async function smsCode(phone: string): Promise<string> {
  const n = sms.received.length;
  const r = await post('/auth/otp', { contact: phone });
  expect(r.statusCode, r.body).toBe(202);
  expect(sms.received.length).toBe(n + 1);
  return /(\d{6})/.exec(sms.received[n]!.text)![1]!;
}

describe('sign-in by a one-time code', () => {
  it('mails a 6-digit code, stores only its hash, and the code opens a citizen session', async () => {
    const code = await mailedCode('An.Nguyen@Example.vn');
    expect(code).toMatch(/^\d{6}$/);
    const stored = await t.db.query<{ code_hash: string }>(`SELECT code_hash FROM citizen_otps WHERE contact = 'an.nguyen@example.vn'`);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.code_hash).not.toContain(code);
    const msg = await t.db.query<{ body: string }>(`SELECT body FROM notification_messages WHERE recipient = 'an.nguyen@example.vn'`);
    expect(msg.rows[0]!.body).not.toContain(code);
    const r = await post('/auth/verify', { contact: 'an.nguyen@example.vn', code });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ contactKind: 'email', contact: 'an…@example.vn', idNumberVerified: false });
    const cookie = `motcua_citizen_sid=${r.cookies.find((x) => x.name === 'motcua_citizen_sid')!.value}`;
    expect((await get('/me', cookie)).json()).toMatchObject({ contactKind: 'email' });
    // Used once.
    expect((await post('/auth/verify', { contact: 'an.nguyen@example.vn', code })).statusCode).toBe(401);
  });

  it('texts the code by SMS to a phone number in any usual form', async () => {
    const code = await smsCode('+84 905 222 333');
    expect(sms.received.at(-1)!.to).toMatch(/905222333$/);
    expect((await post('/auth/verify', { contact: '0905222333', code })).statusCode).toBe(200);
  });

  it('answers the same for a contact that has dossiers and one nobody knows', async () => {
    await register(t, clerk, { applicant: { ...applicant(901), email: 'co.ho.so@example.vn' } });
    const known = await post('/auth/otp', { contact: 'co.ho.so@example.vn' });
    const unknown = await post('/auth/otp', { contact: 'chua.ai.biet@example.vn' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    const strip = (b: { sentTo: string; message: string }) => ({ ...b, sentTo: '', message: b.message.replace(b.sentTo, '') });
    expect(strip(known.json())).toEqual(strip(unknown.json()));
  });

  it('after 5 wrong codes even the right one is refused; a new code works', async () => {
    const contact = 'sai.ma@example.vn';
    const code = await mailedCode(contact);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const r = await post('/auth/verify', { contact, code: wrong });
      expect(r.statusCode).toBe(401);
      expect(r.json().detail).toContain('Mã không đúng hoặc đã hết hạn');
    }
    expect((await post('/auth/verify', { contact, code })).statusCode).toBe(401);
    const attempts = await t.db.query<{ attempts: number }>(`SELECT attempts FROM citizen_otps WHERE contact = $1 ORDER BY id DESC LIMIT 1`, [contact]);
    expect(attempts.rows[0]!.attempts).toBe(5);
    const fresh = await mailedCode(contact);
    expect((await post('/auth/verify', { contact, code: fresh })).statusCode).toBe(200);
  });

  it('a code expires after 5 minutes, and a newer code replaces the older one', async () => {
    const contact = 'het.han@example.vn';
    const code = await mailedCode(contact);
    clock.advanceMinutes(5);
    expect((await post('/auth/verify', { contact, code })).statusCode).toBe(401);
    const first = await mailedCode(contact);
    clock.advanceMinutes(4);
    const second = await mailedCode(contact);
    if (first !== second) expect((await post('/auth/verify', { contact, code: first })).statusCode).toBe(401);
    expect((await post('/auth/verify', { contact, code: second })).statusCode).toBe(200);
  });

  it('refuses what is neither a mobile number nor an e-mail address, in Vietnamese, writing nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM citizen_otps')).rows[0].n;
    const r = await post('/auth/otp', { contact: '12345678' });
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toContain('số điện thoại di động');
    expect((await t.db.query('SELECT count(*)::int AS n FROM citizen_otps')).rows[0].n).toBe(before);
  });
});

describe('sessions apart from staff', () => {
  it('a staff cookie opens no citizen route and a citizen cookie no staff route; logout ends the session', async () => {
    const citizen = await signIn('tach.biet@example.vn');
    expect((await get('/me', clerk)).statusCode).toBe(401);
    expect((await get('/dossiers', clerk)).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: citizen } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/dossiers', headers: { cookie: citizen } })).statusCode).toBe(401);
    expect((await post('/auth/logout', {}, citizen)).statusCode).toBe(204);
    expect((await get('/me', citizen)).statusCode).toBe(401);
  });
});

describe('my dossiers', () => {
  it('lists only dossiers registered with my phone or e-mail; another citizen gets 404', async () => {
    const mine = await register(t, clerk, { applicant: { ...applicant(911), phone: '0912345678' } });
    const mineByMail = await register(t, clerk, { applicant: { ...applicant(912), phone: '0987000111', email: 'Chu.Ho.So@example.vn' } });
    const other = await register(t, clerk, { applicant: { ...applicant(913), phone: '0977000222' } });
    const me = await signIn('+84 912 345 678');
    const list = (await get('/dossiers', me)).json().items.map((x: { code: string }) => x.code);
    expect(list).toEqual([mine.code]);
    const detail = await get(`/dossiers/${mine.code}`, me);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ code: mine.code, status: 'submitted', statusName: expect.any(String), resultAvailable: false });
    expect(detail.json().timeline.length).toBeGreaterThan(0);
    const notMine = await get(`/dossiers/${other.code}`, me);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().detail).toContain('Không tìm thấy hồ sơ');
    const byMail = await signIn('chu.ho.so@example.vn');
    expect((await get('/dossiers', byMail)).json().items.map((x: { code: string }) => x.code)).toEqual([mineByMail.code]);
    expect((await get(`/dossiers/${mine.code}`, byMail)).statusCode).toBe(404);
  });
});

describe('results online', () => {
  it('the citizen downloads the result file once the center returns it online, not before', async () => {
    const d = await register(t, clerk, { procedure: '2.000992', applicant: { ...applicant(921), phone: '0933444555' } });
    await mustAct(t, clerk, d.code, 'receive', {});
    await mustAct(t, clerk, d.code, 'transfer', {});
    const cv = await t.login('cv.tp');
    const ld = await t.login('ld.tp');
    await mustAct(t, cv, d.code, 'complete-step', {});
    await mustAct(t, ld, d.code, 'complete-step', {});
    const body = multipart(PDF, 'ket-qua.pdf', { kind: 'result' });
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.code}/files`, headers: { cookie: cv, ...body.headers }, payload: body.payload });
    expect(up.statusCode, up.body).toBe(201);
    await mustAct(t, cv, d.code, 'resolve', { resultFileId: up.json().id, resultSummary: 'Đã chứng thực' });
    const me = await signIn('0933444555');
    const early = await get(`/dossiers/${d.code}/result`, me);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toContain('chưa được trả trực tuyến');
    await mustAct(t, clerk, d.code, 'return', { method: 'online' });
    const detail = (await get(`/dossiers/${d.code}`, me)).json();
    expect(detail).toMatchObject({ status: 'returned', returnMethod: 'online', resultAvailable: true });
    expect(detail.files.map((f: { name: string; kind: string }) => `${f.kind}:${f.name}`)).toContain('result:ket-qua.pdf');
    const file = await get(`/dossiers/${d.code}/result`, me);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const stranger = await signIn('0944000999');
    expect((await get(`/dossiers/${d.code}/result`, stranger)).statusCode).toBe(404);
  });
});

describe('rate limits', () => {
  it('codes for one contact are limited (3 per 15 minutes), from any address, with a Vietnamese 429', async () => {
    const limited = await createTestApp({ clock, config: { smtpUrl: smtp.url, mailFrom: '"TTHCC" <no-reply@tthcc.example.vn>', rateLimitFactor: 1 } });
    try {
      const ask = (contact: string, ip: string) => limited.app.inject({ method: 'POST', url: '/api/v1/citizen/auth/otp', payload: { contact }, remoteAddress: ip });
      for (let i = 0; i < 3; i++) expect((await ask('gioi.han@example.vn', `10.0.0.${i + 1}`)).statusCode).toBe(202);
      const fourth = await ask('GIOI.HAN@example.vn', '10.0.0.9');
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json().detail).toContain('Quá nhiều yêu cầu');
      // Another contact from the same address still gets its code.
      expect((await ask('nguoi.khac@example.vn', '10.0.0.9')).statusCode).toBe(202);
    } finally {
      await limited.close();
    }
  });
});
