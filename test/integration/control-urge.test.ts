import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { many, one } from '../../src/platform/db';
import { StaffMailWorker } from '../../src/modules/control';
import { smtpMailer } from '../../src/modules/notifications/providers/mailer';
import { createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { HT, sessions } from '../support/reports-history';
import { startSmtp, type TestSmtp } from '../support/smtp';

// Urging by hand: who may urge what, the urge in the dossier's history and the audit log, the notifications of the
// holder and the department head (the bell, its live count, marking read) and their e-mail copy through a real SMTP
// server. Hương Thủy, Monday 09/03/2026.

const clock = new ManualClock(new Date('2026-03-09T09:00:00+07:00'));
const mailFrom = '"TTHCC Hương Thủy" <no-reply@huongthuy.example.vn>';
let t: TestApp;
let smtp: TestSmtp;
let as: ReturnType<typeof sessions>;
const codes: Record<string, string> = {};
let tpDept: string;
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const url = (code: string, tail = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${tail}`;
const name = async (username: string) => (await one<{ full_name: string }>(t.db, 'SELECT full_name FROM users WHERE username = $1', [username]))!.full_name;
const idOf = async (username: string) => (await one<{ id: string }>(t.db, 'SELECT id FROM users WHERE username = $1', [username]))!.id;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await createTestApp({ clock, config: { smtpUrl: smtp.url, mailFrom } });
  as = sessions(t);
  // The reception clerk of the justice counter has no e-mail address: their notifications get no copy.
  await t.db.query(`UPDATE users SET email = '' WHERE username = 'tn.tp'`);
  tpDept = (await one<{ id: string }>(t.db, `SELECT d.id FROM departments d JOIN centers c ON c.id = d.center_id WHERE c.code = $1 AND d.code = 'TP'`, [HT]))!.id;
  const receive = async (key: string, n: number) => {
    const r = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(n), channel: 'direct', receive: true });
    expect(r.statusCode, r.body).toBe(201);
    codes[key] = r.json().code;
  };
  const ok = async (user: string, code: string, action: string, body: object = {}) => {
    const r = await as(user, 'POST', url(code, `/${action}`), body);
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
  };
  // A: with the justice department, claimed by its specialist. B: received, still at the counter. P: paused by the
  // department, waiting for the applicant.
  await receive('A', 1);
  await ok('tn.tp', codes.A, 'transfer');
  await ok('cv.tp', codes.A, 'assign');
  await receive('B', 2);
  await receive('P', 3);
  await ok('tn.tp', codes.P, 'transfer');
  await ok('cv.tp', codes.P, 'request-supplement-by-department', { reason: 'Thiếu giấy tờ', missing: ['Bản sao trích lục'] });
  at('2026-03-09 10:00');
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('urging a dossier', () => {
  it('the director urges: the urge record, an event in the history, an audit entry, the holder and the head told', async () => {
    const r = await as('giamdoc', 'POST', url(codes.A, '/urge'), { note: 'Đề nghị hoàn thành trong ngày 10/03' });
    expect(r.statusCode, r.body).toBe(201);
    const u = r.json();
    expect(u).toMatchObject({
      kind: 'manual', dossier: { code: codes.A }, department: { id: tpDept }, note: 'Đề nghị hoàn thành trong ngày 10/03',
      at: '2026-03-09T03:00:00.000Z', by: { name: await name('giamdoc') },
    });
    expect(u.recipients).toEqual([
      { id: await idOf('cv.tp'), name: await name('cv.tp'), role: 'assignee' },
      { id: await idOf('ld.tp'), name: await name('ld.tp'), role: 'department_head' },
    ]);
    // The history shows it to the department (and the urge does not count as the department's update).
    const d = (await as('cv.tp', 'GET', url(codes.A))).json();
    const e = d.events.at(-1);
    expect(e).toMatchObject({ action: 'urge', actor: await name('giamdoc'), reason: 'Đề nghị hoàn thành trong ngày 10/03', fromStatus: 'in_progress', toStatus: 'in_progress', data: { urgeId: u.id, kind: 'manual' } });
    expect(d.can.urge).toBe(false);
    expect((await as('giamdoc', 'GET', url(codes.A))).json().can.urge).toBe(true);
    const audit = await many<{ action: string; entity_id: string }>(t.db, `SELECT action, entity_id FROM audit_log WHERE action LIKE '%urge%'`);
    expect(audit).toEqual([{ action: 'dossiers.urge', entity_id: codes.A }]);
  });

  it('a dossier still at the counter: the supervision section urges the reception clerk of its field', async () => {
    const r = await as('giamsat', 'POST', url(codes.B, '/urge'), { note: 'Chuyển hồ sơ sang phòng chuyên môn' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ department: null, recipients: [{ name: await name('tn.tp'), role: 'reception' }] });
  });

  it('who may urge what: a clerk 403, a department head 403, another center 404, a paused dossier 409, bad input 400', async () => {
    const before = (await one<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM urges'))!.n;
    const clerk = await as('tn.tp', 'POST', url(codes.A, '/urge'), { note: 'Thử' });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.headers['content-type']).toContain('application/problem+json');
    expect(clerk.json().detail).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect((await as('ld.tp', 'POST', url(codes.A, '/urge'), { note: 'Thử' })).statusCode).toBe(403);
    const hue = await as('giamdoc.hue', 'POST', url(codes.A, '/urge'), { note: 'Thử' });
    expect(hue.statusCode).toBe(404);
    expect(hue.json().detail).toBe(`Không tìm thấy hồ sơ có mã ${codes.A}.`);
    const paused = await as('giamdoc', 'POST', url(codes.P, '/urge'), { note: 'Thử' });
    expect(paused.statusCode).toBe(409);
    expect(paused.json()).toMatchObject({ code: 'DOSSIER_NOT_URGEABLE', detail: expect.stringContaining('tạm dừng chờ người nộp bổ sung') });
    const empty = await as('giamdoc', 'POST', url(codes.A, '/urge'), { note: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toContain('Vui lòng nhập nội dung đôn đốc.');
    expect((await as('giamdoc', 'POST', url('000.00.15.H57-260309-9999', '/urge'), { note: 'Thử' })).statusCode).toBe(404);
    expect((await one<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM urges'))!.n).toBe(before);
  });

  it('a retried request with the same Idempotency-Key urges once', async () => {
    const send = () => t.app.inject({ method: 'POST', url: url(codes.A, '/urge'), headers: { cookie: cookie.giamdoc, 'idempotency-key': 'urge-A-0001' }, payload: { note: 'Nhắc lại' } });
    const cookie = { giamdoc: await t.login('giamdoc') };
    const [a, b] = [await send(), await send()];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json()).toEqual(a.json());
    expect((await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM urges WHERE note = 'Nhắc lại'`))!.n).toBe(1);
  });
});

describe('the bell', () => {
  it('the department head sees the urges unread, opens one, marks it read; nobody reads another person\'s', async () => {
    const count = async (user: string) => (await as(user, 'GET', '/api/v1/notifications/unread')).json().unread as number;
    expect(await count('ld.tp')).toBe(2); // the director's two urges of A
    const list = (await as('ld.tp', 'GET', '/api/v1/notifications')).json();
    expect(list).toMatchObject({ total: 2, unread: 2 });
    expect(list.items[1]).toMatchObject({
      kind: 'urge', title: `Đôn đốc giải quyết hồ sơ ${codes.A}`, link: `/console/dossiers/${encodeURIComponent(codes.A)}`, dossierCode: codes.A, readAt: null, email: 'pending',
    });
    expect(list.items[1].body).toContain(`${await name('giamdoc')} (Giám đốc Trung tâm) đôn đốc giải quyết hồ sơ ${codes.A}`);
    expect(list.items[1].body).toContain('Hạn giải quyết: 12/03/2026 17:00.');
    expect(list.items[1].body).toContain('Nội dung: Đề nghị hoàn thành trong ngày 10/03');
    const read = await as('ld.tp', 'POST', `/api/v1/notifications/${list.items[1].id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: list.items[1].id, readAt: '2026-03-09T03:00:00.000Z', unread: 1 });
    expect((await as('ld.tp', 'GET', '/api/v1/notifications?unread=1')).json().items.map((n: { id: number }) => n.id)).toEqual([list.items[0].id]);
    // cv.tp's own notification is not the head's to read.
    const mine = (await as('cv.tp', 'GET', '/api/v1/notifications')).json().items[0];
    expect((await as('ld.tp', 'POST', `/api/v1/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect(await count('cv.tp')).toBe(2);
    expect((await as('cv.tp', 'POST', '/api/v1/notifications/read-all')).json()).toEqual({ updated: 2, unread: 0 });
    expect(await count('cv.tp')).toBe(0);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('the count is live on the stream: an urge made after it opened raises it', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const cookie = await t.login('ld.tp');
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/notifications/stream`, { headers: { cookie }, signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const counts: number[] = [];
    let ended = false;
    void (async () => {
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += dec.decode(value, { stream: true });
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.includes('event: unread') && data) counts.push(JSON.parse(data.slice(6)).unread);
          }
        }
      } catch {
        /* aborted */
      }
      ended = true;
    })();
    const waitFor = async (n: number) => {
      const end = Date.now() + 5000;
      while (!counts.includes(n)) {
        if (Date.now() > end) throw new Error(`no count ${n}; got ${counts.join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await waitFor(1);
    expect((await as('phogiamdoc', 'POST', url(codes.A, '/urge'), { note: 'Báo cáo tiến độ trước 16 giờ' })).statusCode).toBe(201);
    await waitFor(2);
    // Logging out ends the stream.
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    const end = Date.now() + 5000;
    while (!ended && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(true);
    ac.abort();
  });
});

describe('the e-mail copy', () => {
  // Built at each run, as the app's resolver does: the SMTP sink starts in beforeAll.
  const mailer = () => smtpMailer(smtp.url, mailFrom);
  it('goes to each staff member with an address through the SMTP server, once; none without an address', async () => {
    const worker = new StaffMailWorker({ db: t.db, clock, mailer, publicUrl: 'https://motcua.example.vn' });
    const pending = (await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM staff_notifications WHERE email_status = 'pending'`))!.n;
    expect(pending).toBe(6); // three urges of A to cv.tp and ld.tp
    expect(await worker.runOnce()).toBe(6);
    await smtp.waitFor(6);
    expect(await worker.runOnce()).toBe(0);
    const toHead = smtp.mails.filter((m) => m.to && 'text' in m.to && m.to.text === 'ld.tp@demo.motcua.vn');
    expect(toHead).toHaveLength(3);
    const first = toHead.find((m) => m.subject === `Đôn đốc giải quyết hồ sơ ${codes.A}` && m.text?.includes('trong ngày 10/03'))!;
    expect(first.text).toContain(`Xem trên phần mềm: https://motcua.example.vn/console/dossiers/${encodeURIComponent(codes.A)}`);
    expect(first.from?.text).toContain('no-reply@huongthuy.example.vn');
    expect(first.messageId).toMatch(/^<staff-\d+@huongthuy\.example\.vn>$/);
    const states = await many<{ username: string; email_status: string }>(t.db, `SELECT u.username, n.email_status FROM staff_notifications n JOIN users u ON u.id = n.user_id ORDER BY n.id`);
    expect(states.filter((s) => s.username === 'tn.tp').map((s) => s.email_status)).toEqual(['no_address']);
    expect(states.filter((s) => s.username !== 'tn.tp').every((s) => s.email_status === 'sent')).toBe(true);
  });

  it('a refusing server: retried later, then sent', async () => {
    expect((await as('giamdoc', 'POST', url(codes.A, '/urge'), { note: 'Lần thứ tư' })).statusCode).toBe(201);
    const worker = new StaffMailWorker({ db: t.db, clock, mailer, retryBaseMs: 60_000 });
    smtp.refuse = 451;
    expect(await worker.runOnce()).toBe(0);
    const row = await one<{ email_status: string; email_attempts: number; email_error: string }>(t.db, `SELECT email_status, email_attempts, email_error FROM staff_notifications ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ email_status: 'pending', email_attempts: 1 });
    smtp.refuse = null;
    expect(await worker.runOnce()).toBe(0); // not before its retry time
    clock.advanceMinutes(1);
    expect(await worker.runOnce()).toBe(2);
  });
});

describe('urging a department', () => {
  it('every dossier it is working on, one event each, the head told once; another center\'s department 404; nothing late 409', async () => {
    const r = await as('giamdoc', 'POST', `/api/v1/departments/${tpDept}/urge`, { note: 'Rà soát, đẩy nhanh tiến độ', dossiers: 'all' });
    expect(r.statusCode, r.body).toBe(201);
    // A only: B is still at the counter, P waits for the applicant.
    expect(r.json()).toMatchObject({ department: { id: tpDept }, dossiers: 'all', urged: [{ code: codes.A }] });
    expect(r.json().recipients.map((x: { role: string }) => x.role).sort()).toEqual(['assignee', 'department_head']);
    const events = (await as('ld.tp', 'GET', url(codes.A))).json().events.filter((e: { action: string }) => e.action === 'urge');
    expect(events.at(-1).data).toMatchObject({ kind: 'department', batchId: r.json().batchId });
    const head = (await as('ld.tp', 'GET', '/api/v1/notifications')).json().items[0];
    expect(head).toMatchObject({ title: expect.stringMatching(/^Đôn đốc Phòng Tư pháp.*: 1 hồ sơ$/) });
    expect(head.body).toContain(codes.A);
    const late = await as('giamdoc', 'POST', `/api/v1/departments/${tpDept}/urge`, { note: 'Quá hạn?' });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe('Phòng không có hồ sơ quá hạn hoặc sắp đến hạn để đôn đốc.');
    expect((await as('giamdoc.hue', 'POST', `/api/v1/departments/${tpDept}/urge`, { note: 'Thử', dossiers: 'all' })).statusCode).toBe(404);
    expect((await as('tn.tp', 'POST', `/api/v1/departments/${tpDept}/urge`, { note: 'Thử', dossiers: 'all' })).statusCode).toBe(403);
    const audit = await one<{ data: { dossiers: string[] } }>(t.db, `SELECT data FROM audit_log WHERE action = 'departments.urge'`);
    expect(audit!.data.dossiers).toEqual([codes.A]);
  });
});
