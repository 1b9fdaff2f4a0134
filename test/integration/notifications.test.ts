// The outbox worker e-mails applicants through a real SMTP server (in-process, parsed back with mailparser):
// one mail per event that matters to them, retried with backoff while the server is down, never twice — not
// with two workers at once, not after an interrupted send — and nothing at all while e-mail is off. (SMS and Zalo:
// notifications-sms.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool, withDatabase, type Db } from '../../src/platform/db';
import { formatVnDate, formatVnHourDate } from '../../src/platform/pdf/time';
import { createChannels, OutboxWorker, startNotifications } from '../../src/modules/notifications';
import { dispatchNext } from '../../src/modules/notifications/dispatch';
import { NOTIFY_TOPICS } from '../../src/modules/notifications/domain';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';
import { startSmtp, type TestSmtp } from '../support/smtp';

const FROM = '"Trung tâm Hành chính công Hương Thủy" <thongbao@huongthuy.gov.vn>';
let t: TestApp;
let clerk: string, cv: string, ld: string, director: string;
let smtp: TestSmtp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  [clerk, cv, ld, director] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc'].map((u) => t.login(u)));
});
afterAll(async () => t.close());
afterEach(async () => smtp?.close());

const mailChannels = (url = smtp.url) => createChannels({ smtpUrl: url, mailFrom: FROM });
const worker = (db: Db = t.db, opts: Partial<ConstructorParameters<typeof OutboxWorker>[0]> = {}) =>
  new OutboxWorker({ db, channels: mailChannels(), retryBaseMs: 300, ...opts });

/** A person with an e-mail address (unique per test), registered and received: the "received" mail is due. */
async function received(email: string | null = `nguoinop${++n}@example.vn`) {
  const d = await register(t, clerk, { applicant: { ...applicant(900 + ++n), fullName: 'Nguyễn Thị Hồng Nhung', email: email ?? '' } });
  const r = await mustAct(t, clerk, d.code, 'receive', {});
  return { code: d.code as string, dueAt: new Date(r.dueAt), email };
}
const rows = async (code: string) =>
  (await t.db.query<{ topic: string; status: string; attempts: number; last_error: string | null; note: string | null; delivered_at: Date | null }>(
    `SELECT topic, status, attempts, last_error, note, delivered_at FROM outbox WHERE payload->>'code' = $1 ORDER BY id`, [code])).rows;
/** The e-mail messages of a dossier, oldest first. */
const messages = async (code: string) =>
  (await t.db.query<{ event: string; channel: string; recipient: string; subject: string; status: string; attempts: number; error: string | null; provider: string | null; provider_ref: string | null; sent_at: Date | null }>(
    `SELECT m.event, m.channel, m.recipient, m.subject, m.status, m.attempts, m.error, m.provider, m.provider_ref, m.sent_at
       FROM notification_messages m JOIN dossiers d ON d.id = m.dossier_id WHERE d.code = $1 ORDER BY m.id`, [code])).rows;
const mailsFor = (code: string) => smtp.mails.filter((m) => m.subject?.includes(code));

describe('e-mail to the applicant from the outbox', () => {
  it('register + receive: one mail with the code and the appointment date, in Vietnamese', async () => {
    smtp = await startSmtp();
    const d = await received();
    const stats = await worker().runOnce();
    expect(stats.sent).toBeGreaterThanOrEqual(1);
    const mails = mailsFor(d.code);
    expect(mails).toHaveLength(1);
    const m = mails[0];
    expect(m.to && !Array.isArray(m.to) ? m.to.text : '').toBe(d.email);
    expect(m.from?.text).toContain('thongbao@huongthuy.gov.vn');
    expect(m.subject).toBe(`Hồ sơ ${d.code} đã được tiếp nhận – hẹn trả kết quả ngày ${formatVnDate(d.dueAt)}`);
    expect(m.subject).toMatch(/\d{2}\/\d{2}\/\d{4}$/);
    expect(m.text).toContain('Kính gửi Ông/Bà Nguyễn Thị Hồng Nhung,');
    expect(m.text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(m.text).toContain('Thủ tục: Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch');
    expect(m.text).toContain(`Ngày hẹn trả kết quả: ${formatVnHourDate(d.dueAt)}`);
    expect(m.text).toContain('Trung tâm Hành chính công thị xã Hương Thủy đã tiếp nhận hồ sơ của Ông/Bà.');
    expect(m.html).toContain(`<strong>${formatVnHourDate(d.dueAt)}</strong>`);
    expect(m.messageId).toMatch(/^<notify-\d+\.[0-9a-f]{32}@huongthuy\.gov\.vn>$/);
    // Registration itself is not news to the applicant standing at the counter; the receipt is.
    const r = await rows(d.code);
    expect(r.map((x) => [x.topic, x.status])).toEqual([['dossier.registered', 'skipped'], ['dossier.receive', 'dispatched']]);
    expect(r.every((x) => x.delivered_at)).toBe(true);
    // One message, accepted by the SMTP server, with its Message-ID as the provider's reference.
    expect(await messages(d.code)).toEqual([expect.objectContaining({ event: 'received', channel: 'email', recipient: d.email, subject: m.subject, status: 'sent', attempts: 1, provider: 'smtp', provider_ref: m.messageId })]);
    // Running again sends nothing more.
    expect((await worker().runOnce()).sent).toBe(0);
    expect(mailsFor(d.code)).toHaveLength(1);
  });

  it('no e-mail address: nothing is sent and the row says why', async () => {
    smtp = await startSmtp();
    const d = await received(null);
    await worker().runOnce();
    expect(mailsFor(d.code)).toHaveLength(0);
    expect((await rows(d.code)).at(-1)).toMatchObject({ topic: 'dossier.receive', status: 'skipped', note: 'Không gửi: người nộp không có e-mail, SMS chưa cấu hình' });
    expect(await messages(d.code)).toEqual([]);
  });

  it('SMTP down: the error is recorded, the row is retried after a delay and delivered once', async () => {
    smtp = await startSmtp();
    smtp.refuse = 451;
    const d = await received();
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ sent: 0, retried: 1 });
    let r = (await messages(d.code)).at(-1)!;
    expect(r).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    expect(r.error).toContain('451');
    // Not before the delay.
    expect((await w.runOnce()).retried + (await w.runOnce()).sent).toBe(0);
    smtp.refuse = null;
    await new Promise((res) => setTimeout(res, 450));
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    r = (await messages(d.code)).at(-1)!;
    expect(r).toMatchObject({ status: 'sent', attempts: 2 });
    expect(r.error).toContain('451'); // the history of the failure stays
    await new Promise((res) => setTimeout(res, 400));
    await w.runOnce();
    expect(mailsFor(d.code)).toHaveLength(1);
  });

  it('no server listening: connection errors are retried too; a permanent refusal (550) ends the row', async () => {
    smtp = await startSmtp();
    const deadPort = smtp.port;
    await smtp.close();
    const d = await received();
    const down = new OutboxWorker({ db: t.db, channels: mailChannels(`smtp://127.0.0.1:${deadPort}`), retryBaseMs: 60_000 });
    expect((await down.runOnce()).retried).toBe(1);
    const r = (await messages(d.code)).at(-1)!;
    expect(r.status).toBe('queued');
    expect(r.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    // Make it due again, and let a server that refuses the mailbox for good answer.
    smtp = await startSmtp();
    smtp.refuse = 550;
    await t.db.query(`UPDATE notification_messages SET available_at = now() WHERE dossier_id = (SELECT id FROM dossiers WHERE code = $1) AND status = 'queued'`, [d.code]);
    expect((await worker().runOnce()).failed).toBe(1);
    expect((await messages(d.code)).at(-1)).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await messages(d.code)).at(-1)!.error).toContain('550');
    expect(smtp.mails).toHaveLength(0);
  });

  it('two workers (two servers on one database) send each mail exactly once', async () => {
    smtp = await startSmtp();
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push((await received()).code);
    const db2 = createPool(withDatabase(inject('pgAppServerUrl'), t.dbName), 5);
    try {
      const [a, b] = await Promise.all([worker().runOnce(), worker(db2).runOnce()]);
      expect(a.sent + b.sent).toBe(12);
    } finally {
      await db2.end();
    }
    for (const code of codes) expect(mailsFor(code), code).toHaveLength(1);
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length);
  });

  it('a send interrupted mid-way (the process died) is not sent again', async () => {
    smtp = await startSmtp();
    const d = await received();
    // The event becomes its message; then what a dying worker leaves: the message marked sending, its lease run out.
    while (await dispatchNext(t.db, mailChannels(), NOTIFY_TOPICS, { retryMs: 1000, maxAttempts: 3 }));
    await t.db.query(`UPDATE notification_messages SET status = 'sending', attempts = 1, available_at = now() - interval '1 second' WHERE dossier_id = (SELECT id FROM dossiers WHERE code = $1)`, [d.code]);
    expect((await worker().runOnce()).failed).toBe(1);
    expect(mailsFor(d.code)).toHaveLength(0);
    const r = (await messages(d.code)).at(-1)!;
    expect(r.status).toBe('failed');
    expect(r.error).toContain('không gửi lại để tránh gửi trùng');
  });

  it('supplement request, extension, result and return each tell the applicant what matters', async () => {
    smtp = await startSmtp();
    // A supplement request lists the missing papers.
    const s = await register(t, clerk, { applicant: { ...applicant(950), email: 'bosung@example.vn' } });
    await mustAct(t, clerk, s.code, 'request-supplement', { reason: 'Hồ sơ chưa đầy đủ', missing: ['Bản sao Giấy khai sinh có chứng thực', 'Tờ khai ký đủ họ tên'] });
    // A dossier that is extended, resolved and returned by post.
    const d = await received('daydu@example.vn');
    await mustAct(t, clerk, d.code, 'transfer', {});
    await mustAct(t, cv, d.code, 'complete-step', {});
    const newDue = new Date(d.dueAt.getTime() + 3 * 86_400_000);
    await mustAct(t, director, d.code, 'extend', { reason: 'Cần xác minh thêm thông tin hộ tịch', newDueAt: newDue.toISOString() });
    await mustAct(t, ld, d.code, 'complete-step', {});
    await mustAct(t, cv, d.code, 'resolve', { resultSummary: 'Trích lục cải chính hộ tịch' });
    await mustAct(t, clerk, d.code, 'return', { method: 'post', trackingNumber: 'EV123456789VN' });
    // And a rejected one.
    const j = await received('khongdu@example.vn');
    await mustAct(t, clerk, j.code, 'transfer', {});
    await mustAct(t, ld, j.code, 'reject', { reason: 'Không có quyền yêu cầu cải chính hộ tịch của người khác.' });
    await worker().runOnce();

    const [sup] = mailsFor(s.code);
    expect(sup.subject).toBe(`Hồ sơ ${s.code} cần bổ sung, hoàn thiện`);
    expect(sup.text).toContain('1. Bản sao Giấy khai sinh có chứng thực\n2. Tờ khai ký đủ họ tên');
    expect(sup.text).toContain('Lý do: Hồ sơ chưa đầy đủ');

    const subjects = mailsFor(d.code).map((m) => m.subject);
    expect(subjects).toEqual([
      `Hồ sơ ${d.code} đã được tiếp nhận – hẹn trả kết quả ngày ${formatVnDate(d.dueAt)}`,
      `Hồ sơ ${d.code}: xin lỗi và hẹn lại ngày trả kết quả ${formatVnDate(newDue)}`,
      `Hồ sơ ${d.code} đã có kết quả – mời Ông/Bà đến nhận`,
      `Hồ sơ ${d.code} đã được trả kết quả`,
    ]);
    const [, ext, res, ret] = mailsFor(d.code);
    expect(ext.text).toContain('Lý do: Cần xác minh thêm thông tin hộ tịch.');
    expect(ext.text).toContain(`Ngày hẹn trước đây: ${formatVnHourDate(d.dueAt)}`);
    expect(ext.text).toContain(`Ngày hẹn trả kết quả mới: ${formatVnHourDate(newDue)}`);
    expect(res.text).toContain('Kết quả: Trích lục cải chính hộ tịch');
    expect(ret.text).toContain('qua dịch vụ bưu chính công ích');
    expect(ret.text).toContain('Mã vận đơn: EV123456789VN');
    // Hand-offs inside the center (transfer, steps) are not mailed.
    expect((await rows(d.code)).filter((r) => r.status === 'skipped').map((r) => r.topic)).toEqual(['dossier.registered', 'dossier.transfer', 'dossier.complete-step', 'dossier.complete-step']);

    const [rej] = mailsFor(j.code).filter((m) => m.subject?.includes('không đủ điều kiện'));
    expect(rej.subject).toBe(`Hồ sơ ${j.code} không đủ điều kiện giải quyết`);
    expect(rej.text).toContain('1. Không có quyền yêu cầu cải chính hộ tịch của người khác.');
  });
});

describe('each mail tells what its own event did', () => {
  it('two supplement requests before the worker runs: each mail lists its own missing items', async () => {
    smtp = await startSmtp();
    const d = await register(t, clerk, { applicant: { ...applicant(960), email: 'hailan@example.vn' } });
    await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Tờ khai có chữ ký'] });
    await mustAct(t, clerk, d.code, 'supplement', {});
    await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Giấy tờ chưa hợp lệ', missing: ['Bản sao có chứng thực'], apology: 'Trung tâm xin lỗi vì phải yêu cầu bổ sung lần thứ hai.' });
    const payloads = (await t.db.query(`SELECT payload FROM outbox WHERE payload->>'code' = $1 AND topic = 'dossier.request-supplement' ORDER BY id`, [d.code])).rows;
    expect(payloads.every((p: { payload: { eventId?: number } }) => typeof p.payload.eventId === 'number')).toBe(true);
    await worker().runOnce();
    const [first, second] = mailsFor(d.code);
    expect(first.text).toContain('1. Tờ khai có chữ ký');
    expect(first.text).not.toContain('Bản sao có chứng thực');
    expect(second.text).toContain('1. Bản sao có chứng thực');
    expect(second.text).toContain('Trung tâm xin lỗi vì phải yêu cầu bổ sung lần thứ hai.');
  });
});

describe('the worker the server starts', () => {
  it('delivers by itself while running and stops cleanly', async () => {
    smtp = await startSmtp();
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const started = startNotifications(t.db, { smtpUrl: smtp.url, mailFrom: FROM }, log, { pollMs: 50 });
    try {
      const d = await received();
      await smtp.waitFor(smtp.mails.filter((m) => m.subject?.includes(d.code)).length + 1);
      expect(mailsFor(d.code)).toHaveLength(1);
    } finally {
      await started.stop();
    }
    expect(lines.filter((l) => l.includes('E-mail thông báo cho người nộp: bật'))).toHaveLength(1);
    expect(lines).toContain('SMS thông báo: tắt (chưa cấu hình MOTCUA_SMS_URL hay MOTCUA_ESMS_API_KEY); máy lấy số và quầy thu phí không mời nhận SMS.');
  });

  it('without any channel: says once that e-mail and SMS are off and marks the rows skipped', async () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const started = startNotifications(t.db, {}, log, { pollMs: 50 });
    try {
      const d = await received();
      for (let i = 0; i < 100 && (await rows(d.code)).some((r) => r.status === 'pending'); i++) await new Promise((r) => setTimeout(r, 50));
      expect((await rows(d.code)).map((r) => [r.status, r.note])).toEqual([
        ['skipped', 'Sự kiện không cần báo người nộp'],
        ['skipped', 'Chưa cấu hình kênh gửi nào (MOTCUA_SMTP_URL, SMS, Zalo)'],
      ]);
      expect(await messages(d.code)).toEqual([]);
    } finally {
      await started.stop();
    }
    expect(lines).toEqual([
      'E-mail thông báo cho người nộp: tắt cho đến khi quản trị viên cấu hình máy chủ e-mail (hoặc đặt MOTCUA_SMTP_URL).',
      'SMS thông báo: tắt (chưa cấu hình MOTCUA_SMS_URL hay MOTCUA_ESMS_API_KEY); máy lấy số và quầy thu phí không mời nhận SMS.',
    ]);
  });
});
