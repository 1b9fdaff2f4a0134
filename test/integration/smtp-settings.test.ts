// The e-mail server set by the administrator (issue 13 item 7), against a real SMTP server (test/support/smtp.ts):
// saved with the password encrypted, a notification then goes through it, the password is never answered nor logged,
// a test message reports the server's answer, only the administrator may change it, and bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffMailWorker } from '../../src/modules/control';
import { notifyStaff } from '../../src/modules/control/notifications';
import { startNotifications } from '../../src/modules/notifications';
import { activeMailer } from '../../src/modules/notifications/smtp-settings';
import { MonthlyReports } from '../../src/modules/reports/monthly';
import { ManualClock } from '../../src/platform/clock';
import { withTx } from '../../src/platform/db';
import { createTestApp, type TestApp } from '../support/app';
import { api, HUONG_THUY } from '../support/fee-fixtures';
import { SMTP_PASS, SMTP_USER, startSmtp, type TestSmtp } from '../support/smtp';

let t: TestApp;
let smtp: TestSmtp;
let admin: string, director: string;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ config: { smtpUrl: undefined, mailFrom: undefined } });
  [admin, director] = await Promise.all(['admin', 'giamdoc'].map((u) => t.login(u)));
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const settings = (over: Record<string, unknown> = {}) => ({
  host: '127.0.0.1', port: smtp.port, tlsMode: 'none', username: SMTP_USER, password: SMTP_PASS,
  fromName: 'TTHCC Hương Thủy', fromAddress: 'thongbao@huongthuy.gov.vn', ...over,
});

describe('máy chủ e-mail do quản trị viên cấu hình', () => {
  it('before anything is saved, no e-mail server: the test message says so', async () => {
    const g = await api(t, admin, 'GET', '/api/v1/notifications/smtp');
    expect(g.statusCode).toBe(200);
    expect(g.json()).toEqual({ envOverride: false, envHost: null, envFrom: null, settings: null });
    const r = await api(t, admin, 'POST', '/api/v1/notifications/smtp/test', { to: 'a@b.vn' });
    expect(r.json()).toMatchObject({ ok: false, answer: expect.stringContaining('Chưa cấu hình máy chủ e-mail') });
  });

  it('a non-administrator gets 403 and a bad port 400, and nothing is saved', async () => {
    expect((await api(t, director, 'PUT', '/api/v1/notifications/smtp', settings())).statusCode).toBe(403);
    expect((await api(t, director, 'GET', '/api/v1/notifications/smtp')).statusCode).toBe(403);
    expect((await api(t, director, 'POST', '/api/v1/notifications/smtp/test', { to: 'a@b.vn' })).statusCode).toBe(403);
    for (const port of [0, 70000, 25.5]) {
      const r = await api(t, admin, 'PUT', '/api/v1/notifications/smtp', settings({ port }));
      expect(r.statusCode).toBe(400);
      expect(r.body).toMatch(/Cổng/);
    }
    const bad = await api(t, admin, 'PUT', '/api/v1/notifications/smtp', settings({ fromAddress: 'khong-phai-email' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Địa chỉ người gửi không đúng dạng e-mail');
    expect((await api(t, admin, 'GET', '/api/v1/notifications/smtp')).json().settings).toBeNull();
  });

  it('saved settings carry notifications, the password is stored encrypted and never answered, logged or journaled', async () => {
    const put = await api(t, admin, 'PUT', '/api/v1/notifications/smtp', settings());
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain(SMTP_PASS);
    expect(put.json().settings).toMatchObject({ host: '127.0.0.1', port: smtp.port, tlsMode: 'none', username: SMTP_USER, passwordSet: true, fromName: 'TTHCC Hương Thủy' });
    expect(put.json().settings).not.toHaveProperty('password');
    const get = await api(t, admin, 'GET', '/api/v1/notifications/smtp');
    expect(get.body).not.toContain(SMTP_PASS);
    expect(get.json().settings.passwordSet).toBe(true);

    const row = (await t.app.deps.db.query<{ password_enc: string }>('SELECT password_enc FROM smtp_settings')).rows[0];
    expect(row.password_enc).toMatch(/^v1\./);
    expect(row.password_enc).not.toContain(SMTP_PASS);
    const journal = (await t.app.deps.db.query<{ action: string; data: unknown }>("SELECT action, data FROM audit_log WHERE action LIKE 'notifications.smtp.%' ORDER BY id")).rows;
    expect(journal.map((j) => j.action)).toContain('notifications.smtp.update');
    expect(JSON.stringify(journal)).not.toContain(SMTP_PASS);

    // A notification (the center's test message) goes through the stored server, from the stored sender.
    const before = smtp.mails.length;
    const sent = await api(t, admin, 'POST', `/api/v1/notifications/test?center=${HUONG_THUY}`, { channel: 'email', to: 'nguoinop@example.vn' });
    expect(sent.json()).toMatchObject({ status: 'sent', error: null });
    await smtp.waitFor(before + 1);
    const mail = smtp.mails[before];
    expect(mail.from?.value[0]).toEqual({ name: 'TTHCC Hương Thủy', address: 'thongbao@huongthuy.gov.vn' });
    expect(mail.messageId).toContain('@huongthuy.gov.vn');

    // The outbox worker's start-up line names the stored server without its password.
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const started = startNotifications(t.app.deps.db, t.app.deps.config, log, { pollMs: 60_000 });
    await started.stop();
    expect(lines[0]).toBe('E-mail thông báo cho người nộp: bật (máy chủ SMTP đã lưu trên màn hình quản trị, người gửi "TTHCC Hương Thủy" <thongbao@huongthuy.gov.vn>).');
    expect(lines.join('\n')).not.toContain(SMTP_PASS);
  });

  it('the staff notifications\' e-mail copy and the monthly report go through the stored server too', async () => {
    const db = t.app.deps.db;
    const boss = (await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'giamdoc'`)).rows[0];
    const center = (await db.query<{ id: string }>('SELECT id FROM centers WHERE code = $1', [HUONG_THUY])).rows[0];
    const before = smtp.mails.length;
    const [id] = await withTx(db, (tx) => notifyStaff(tx, t.app.deps.config, [{ id: boss.id, email: 'giamdoc@huongthuy.gov.vn' }],
      { kind: 'urge', title: 'Đôn đốc giải quyết hồ sơ thử', body: 'Nội dung đôn đốc.', link: '/console/dossiers' }, { centerId: center.id }, new Date()));
    // Without MOTCUA_SMTP_URL the copy used to be "off": now it waits for the stored server.
    expect((await db.query<{ email_status: string }>('SELECT email_status FROM staff_notifications WHERE id = $1', [id])).rows[0].email_status).toBe('pending');
    const worker = new StaffMailWorker({ db, clock: { now: () => new Date() }, mailer: () => activeMailer(db, t.app.deps.config) });
    expect(await worker.runOnce()).toBe(1);
    await smtp.waitFor(before + 1);
    const staffMail = smtp.mails[before];
    expect(staffMail.subject).toBe('Đôn đốc giải quyết hồ sơ thử');
    expect(staffMail.from?.value[0]).toEqual({ name: 'TTHCC Hương Thủy', address: 'thongbao@huongthuy.gov.vn' });
    expect(staffMail.messageId).toMatch(/^<staff-\d+@huongthuy\.gov\.vn>$/);

    // The monthly report of January, due 16:00 on Fri 30/01/2026, mailed to the director's recipients.
    expect((await api(t, director, 'PUT', '/api/v1/reports/recipients', { recipients: ['vanphong@huongthuy.gov.vn'] })).statusCode).toBe(200);
    const clock = new ManualClock(new Date('2026-01-30T16:05:00+07:00'));
    const monthly = new MonthlyReports({ db, clock, calendars: t.app.deps.calendars, config: t.app.deps.config });
    await monthly.runOnce();
    const row = (await db.query<{ mail_status: string }>(`SELECT r.mail_status FROM monthly_reports r WHERE r.center_id = $1 AND r.month = '2026-01'`, [center.id])).rows[0];
    expect(row.mail_status).toBe('sent');
    // December is caught up at the same look: two reports.
    await smtp.waitFor(before + 3);
    const report = smtp.mails.slice(before + 1).find((m) => m.subject?.includes('tháng 01/2026'))!;
    expect(report.subject).toBe('Báo cáo tình hình giải quyết TTHC tháng 01/2026 — Trung tâm Hành chính công thị xã Hương Thủy');
    expect(report.from?.value[0].address).toBe('thongbao@huongthuy.gov.vn');
    expect(report.attachments.map((x) => x.filename)).toEqual(['bao-cao-thang-2026-01.pdf', 'bao-cao-thang-2026-01.xlsx']);
  }, 60_000);

  it('saving without a password keeps the stored one; the test message reports the SMTP answer', async () => {
    const { password: _p, ...noPassword } = settings({ fromName: 'Trung tâm PVHCC' });
    expect((await api(t, admin, 'PUT', '/api/v1/notifications/smtp', noPassword)).json().settings).toMatchObject({ passwordSet: true, fromName: 'Trung tâm PVHCC' });
    const before = smtp.mails.length;
    const ok = await api(t, admin, 'POST', '/api/v1/notifications/smtp/test', { to: 'kiemtra@example.vn' });
    expect(ok.json()).toMatchObject({ ok: true, via: 'stored', answer: expect.stringMatching(/^250/) });
    await smtp.waitFor(before + 1);
    expect(smtp.mails[before].subject).toBe('Thư thử của phần mềm một cửa');

    smtp.refuse = 550;
    try {
      const refused = await api(t, admin, 'POST', '/api/v1/notifications/smtp/test', { to: 'kiemtra@example.vn' });
      expect(refused.json()).toMatchObject({ ok: false, answer: expect.stringContaining('550') });
    } finally {
      smtp.refuse = null;
    }
    // A wrong password: the server's refusal is the answer, and the wrong password is not in it.
    await api(t, admin, 'PUT', '/api/v1/notifications/smtp', settings({ password: 'sai-mat-khau-123' }));
    const wrong = await api(t, admin, 'POST', '/api/v1/notifications/smtp/test', { to: 'kiemtra@example.vn' });
    expect(wrong.json().ok).toBe(false);
    expect(wrong.body).not.toContain('sai-mat-khau-123');
    const journal = (await t.app.deps.db.query<{ data: unknown }>("SELECT data FROM audit_log WHERE action LIKE 'notifications.smtp.%'")).rows;
    expect(JSON.stringify(journal)).not.toMatch(/sai-mat-khau-123|mat-khau-smtp/);
  });
});
