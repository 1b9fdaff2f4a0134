import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { many, one } from '../../src/platform/db';
import { MonthlyReports } from '../../src/modules/reports/monthly';
import { createSecondApp, createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { flat, pdfText } from '../support/forms/pdf';
import { HT, sessions } from '../support/reports-history';
import { startSmtp, type TestSmtp } from '../support/smtp';

// The monthly report made by the scheduler on the last working day (Fri 27/02/2026; the 28th is a Saturday), by
// two app instances at once, stored, listed and e-mailed once through a real SMTP server.

const clock = new ManualClock(new Date('2026-02-02T09:00:00+07:00'));
let t: TestApp;
let second: Awaited<ReturnType<typeof createSecondApp>>;
let smtp: TestSmtp;
let as: ReturnType<typeof sessions>;
let a: MonthlyReports;
let b: MonthlyReports;
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));

beforeAll(async () => {
  smtp = await startSmtp();
  const mail = { smtpUrl: smtp.url, mailFrom: '"TTHCC Hương Thủy" <no-reply@huongthuy.example.vn>' };
  t = await createTestApp({ clock, config: mail });
  second = await createSecondApp(t);
  as = sessions(t);
  a = new MonthlyReports({ db: t.db, clock, calendars: t.app.deps.calendars, config: mail });
  b = new MonthlyReports({ db: second.db, clock, calendars: second.app.deps.calendars, config: mail });
  // February at Hương Thủy: two dossiers received on Mon 02/02 (due Thu 05/02); one resolved on Tue 03/02, early, the
  // other still open on the 27th: overdue.
  const codes: string[] = [];
  for (const n of [1, 2]) {
    const r = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(n), channel: n === 1 ? 'online' : 'direct', receive: true });
    expect(r.statusCode, r.body).toBe(201);
    codes.push(r.json().code);
    expect((await as('tn.tp', 'POST', `/api/v1/dossiers/${codes[n - 1]}/transfer`, {})).statusCode).toBe(200);
  }
  at('2026-02-03 10:00');
  for (;;) {
    const d = (await as('ld.tp', 'GET', `/api/v1/dossiers/${codes[0]}`)).json();
    if (d.can.resolve) break;
    expect((await as('ld.tp', 'POST', `/api/v1/dossiers/${codes[0]}/complete-step`, {})).statusCode).toBe(200);
  }
  expect((await as('ld.tp', 'POST', `/api/v1/dossiers/${codes[0]}/resolve`, { resultSummary: 'Xong' })).statusCode).toBe(200);
}, 60_000);
afterAll(async () => {
  await second.close();
  await t.close();
  await smtp.close();
});

const rows = () => many<{ month: string; code: string; status: string; mail_status: string | null; attempts: number }>(t.db,
  `SELECT r.month, c.code, r.status, r.mail_status, r.attempts FROM monthly_reports r JOIN centers c ON c.id = r.center_id ORDER BY r.month, c.code`);

describe('recipients', () => {
  it('the director sets who receives the report; bad addresses and other roles are refused', async () => {
    const bad = await as('giamdoc', 'PUT', '/api/v1/reports/recipients', { recipients: ['vanphong@huongthuy'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Địa chỉ e-mail không hợp lệ');
    expect((await as('giamsat', 'PUT', '/api/v1/reports/recipients', { recipients: ['a@b.vn'] })).statusCode).toBe(403);
    const ok = await as('giamdoc', 'PUT', '/api/v1/reports/recipients', { recipients: ['VanPhong@HuongThuy.gov.vn', 'chutich@huongthuy.gov.vn', 'vanphong@huongthuy.gov.vn'] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ center: { code: HT }, recipients: ['vanphong@huongthuy.gov.vn', 'chutich@huongthuy.gov.vn'] });
    expect((await as('giamsat', 'GET', '/api/v1/reports/recipients')).json().recipients).toHaveLength(2);
    const logged = await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'reports.recipients'`);
    expect(logged!.n).toBe(1);
  });
});

describe('the scheduler', () => {
  it('before 16:00 of the last working day nothing of February is made; January is caught up, once', async () => {
    at('2026-02-27 15:59');
    const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
    const centers = (await one<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM centers WHERE active'))!.n;
    expect(x.length + y.length).toBe(centers);
    expect((await rows()).every((r) => r.month === '2026-01' && r.status === 'ready' && r.attempts === 1)).toBe(true);
    // January's report of Hương Thủy went to the recipients already set.
    await smtp.waitFor(1);
    expect(smtp.mails[0].subject).toBe('Báo cáo tình hình giải quyết TTHC tháng 01/2026 — Trung tâm Hành chính công thị xã Hương Thủy');
  });

  it('at 16:00 two instances make each center\'s February report once and e-mail it once', async () => {
    at('2026-02-27 16:00');
    const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
    const feb = (await rows()).filter((r) => r.month === '2026-02');
    expect(x.length + y.length).toBe(feb.length);
    expect(feb.find((r) => r.code === HT)).toMatchObject({ status: 'ready', mail_status: 'sent', attempts: 1 });
    expect(feb.filter((r) => r.code !== HT).every((r) => r.status === 'ready' && r.mail_status === 'no_recipients')).toBe(true);
    at('2026-02-27 16:05');
    expect([...(await a.runOnce()), ...(await b.runOnce())]).toEqual([]);
    await smtp.waitFor(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(2);
    const m = smtp.mails[1];
    expect(m.subject).toBe('Báo cáo tình hình giải quyết TTHC tháng 02/2026 — Trung tâm Hành chính công thị xã Hương Thủy');
    expect((Array.isArray(m.to) ? m.to : [m.to]).flatMap((x) => x!.value.map((v) => v.address))).toEqual(['vanphong@huongthuy.gov.vn', 'chutich@huongthuy.gov.vn']);
    expect(m.text).toContain('Số hồ sơ nhận giải quyết: 2; đã giải quyết: 1 (quá hạn: 0); đang giải quyết: 1 (quá hạn: 1). Tỷ lệ giải quyết trước và đúng hạn: 100%.');
    expect(m.attachments.map((x) => [x.filename, x.contentType])).toEqual([
      ['bao-cao-thang-2026-02.pdf', 'application/pdf'],
      ['bao-cao-thang-2026-02.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const text = flat(pdfText(m.attachments[0].content));
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(text).toContain('Tổng cộng 2 0 1 1 1 1 0 0 0 1 0 1');
  });

  it('lists the stored reports of the caller\'s center and serves their files', async () => {
    const list = (await as('giamdoc', 'GET', '/api/v1/reports/monthly')).json().items;
    expect(list.map((r: { month: string; center: { code: string } }) => [r.month, r.center.code])).toEqual([['2026-02', HT], ['2026-01', HT]]);
    expect(list[0]).toMatchObject({ status: 'ready', periodFrom: '2026-02-01', periodTo: '2026-02-28', generatedAt: '2026-02-27T09:00:00.000Z',
      total: { received: { total: 2, online: 1, direct: 1 } }, mail: { status: 'sent', recipients: ['vanphong@huongthuy.gov.vn', 'chutich@huongthuy.gov.vn'] } });
    const pdf = await as('giamdoc', 'GET', `/api/v1/reports/monthly/${list[0].id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(flat(pdfText(pdf.rawPayload))).toContain('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    const xlsx = await as('giamdoc', 'GET', `/api/v1/reports/monthly/${list[0].id}.xlsx`);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    // Another center's director cannot fetch it; the province sees every center's.
    expect((await as('giamdoc.hue', 'GET', `/api/v1/reports/monthly/${list[0].id}.pdf`)).statusCode).toBe(404);
    const province = (await as('tinh', 'GET', '/api/v1/reports/monthly')).json().items;
    expect(province.length).toBeGreaterThan(list.length);
  });

  it('takes over a claim abandoned past its lease, not a live one; without SMTP the mail is marked off', async () => {
    at('2026-03-31 16:00'); // Tuesday, the last working day of March
    const ht = (await one<{ id: string }>(t.db, 'SELECT id FROM centers WHERE code = $1', [HT]))!.id;
    const others = await many<{ id: string }>(t.db, 'SELECT id FROM centers WHERE code <> $1 AND active', [HT]);
    await t.db.query(`INSERT INTO monthly_reports (center_id, month, status, claimed_at, period_from, period_to) VALUES ($1, '2026-03', 'generating', $2, '2026-03-01', '2026-03-31')`,
      [ht, new Date('2026-03-31T15:45:00+07:00')]);
    for (const o of others) {
      await t.db.query(`INSERT INTO monthly_reports (center_id, month, status, claimed_at, period_from, period_to) VALUES ($1, '2026-03', 'generating', $2, '2026-03-01', '2026-03-31')`,
        [o.id, new Date('2026-03-31T15:58:00+07:00')]);
    }
    const offline = new MonthlyReports({ db: t.db, clock, calendars: t.app.deps.calendars, config: {} });
    expect(await offline.runOnce()).toHaveLength(1);
    const march = (await rows()).filter((r) => r.month === '2026-03');
    expect(march.find((r) => r.code === HT)).toMatchObject({ status: 'ready', mail_status: 'off', attempts: 2 });
    expect(march.filter((r) => r.code !== HT).every((r) => r.status === 'generating')).toBe(true);
    expect(smtp.mails).toHaveLength(2);
  });
});
