// Issue 14 item 5: feedback and complaints — the public form, the staff workflow with legal deadlines counted by the
// center's calendar (the 30/4 – 1/5 holidays), scope across centers and departments, a race between two clerks, the
// public list without contact details, bad inputs refused without a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register } from '../support/dossiers';
import { trackChanges, type ChangeTracker } from '../support/db-changes';
import { purgePersonalData } from '../../src/modules/retention/purge';
import { createPool } from '../../src/platform/db';
import { DiskFileStore } from '../../src/platform/storage';
import os from 'node:os';
import path from 'node:path';

// Wednesday 29/4/2026, 09:00 in Hà Nội time: Thursday 30/4 and Friday 1/5 are public holidays, then a weekend.
const clock = new ManualClock(new Date('2026-04-29T02:00:00Z'));
let t: TestApp;
const director = 'giamdoc';
let changes: ChangeTracker;
beforeAll(async () => {
  t = await createTestApp({ clock });
  changes = await trackChanges(t);
});
afterAll(async () => t.close());

const submit = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/public/feedback', payload: payload as object });
// The clock jumps days between steps (sessions expire): a caller is named by username and signs in for each request.
const cookieOf = async (who: string) => (who.includes('=') ? who : t.login(who));
const step = async (who: string, id: string, action: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1/feedback/${id}/${action}`, headers: { cookie: await cookieOf(who) }, payload });
const get = async (who: string, url: string) => t.app.inject({ url, headers: { cookie: await cookieOf(who) } });
const vnDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const idOf = async (code: string) => (await t.db.query<{ id: string }>('SELECT id FROM feedback WHERE code = $1', [code])).rows[0]!.id;
const tpDepartment = async (centerCode = '000.00.15.H57') => (await t.db.query<{ id: string }>(
  `SELECT d.id FROM departments d JOIN centers c ON c.id = d.center_id WHERE c.code = $1 AND d.code = 'TP'`, [centerCode])).rows[0]!.id;

const contact = { fullName: 'Nguyễn Thị Phản Ánh', phone: '0912345678', email: 'phananh@example.vn' };

describe('feedback workflow', () => {
  it('a citizen submits about a dossier; staff accept → assign → answer → publish with deadlines skipping 30/4, 1/5 and the weekend', async () => {
    const clerk = await t.login('tn.tp');
    const d = await register(t, clerk, { applicant: applicant(951) });
    clock.set(new Date('2026-04-29T02:00:00Z'));
    const r = await submit({ content: 'Cán bộ hẹn trả kết quả nhưng đến nay chưa có, xin Trung tâm kiểm tra.', contact, dossierCode: d.code });
    expect(r.statusCode, r.body).toBe(201);
    const { code, dueAt } = r.json() as { code: string; dueAt: string };
    expect(code).toMatch(/^PA-[A-Z0-9]{8}$/);
    // 2 working days from Wednesday 29/4: 30/4 and 1/5 are holidays, 2–3/5 the weekend → Monday 4/5 then Tuesday 5/5.
    expect(vnDay(dueAt)).toBe('2026-05-05');

    const pub = await t.app.inject({ url: `/api/v1/public/feedback/${code.toLowerCase()}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ code, status: 'received', center: { code: '000.00.15.H57' }, answer: null });
    expect(pub.body).not.toContain('0912345678');
    expect(pub.body).not.toContain('Phản Ánh');

    const list = await get(director, '/api/v1/feedback');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ status: 'received', overdue: false, dossierCode: d.code, contactName: contact.fullName });
    const id = item.id as string;

    // Thursday 30/4 (a holiday): accepting opens the 15 working-day answer clock from the next working day.
    clock.set(new Date('2026-04-30T03:00:00Z'));
    const acc = await step(director, id, 'accept');
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().status).toBe('accepted');
    const answerDue = acc.json().dueAt as string;
    // Accepted on a holiday counts from Monday 4/5; 15 working days after it: 5–8, 11–15, 18–22, 25/5 → Monday 25/5.
    expect(vnDay(answerDue)).toBe('2026-05-25');

    const dep = await tpDepartment();
    clock.set(new Date('2026-05-04T02:00:00Z'));
    const asg = await step(director, id, 'assign', { departmentId: dep });
    expect(asg.statusCode, asg.body).toBe(200);
    expect(asg.json()).toMatchObject({ status: 'assigned', department: { id: dep }, dueAt: answerDue }); // assignment keeps the deadline

    // The TP department head sees it and may answer; the Finance head (TC) sees nothing.
    const head = 'ld.tp';
    const mine = await get(head, '/api/v1/feedback');
    expect(mine.json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    expect((await get(head, `/api/v1/feedback/${id}`)).json().actions).toEqual(['answer']);
    const other = 'ld.tc';
    expect((await get(other, '/api/v1/feedback')).json().items).toEqual([]);
    expect((await get(other, `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    expect((await step(other, id, 'answer', { answer: 'x' })).statusCode).toBe(404);
    expect((await step(head, id, 'publish')).statusCode).toBe(403);

    clock.set(new Date('2026-05-06T03:00:00Z'));
    // The answer needs a verdict; the officer it concerns is one of the center's, the clerk who received the dossier
    // offered first. A verdict before the answer, or an officer of another center, is refused without a change.
    const noVerdict = await step(head, id, 'answer', { answer: 'Hồ sơ đã được giải quyết.' });
    expect(noVerdict.statusCode).toBe(400);
    expect(noVerdict.json().detail).toContain('có cơ sở');
    const offered = (await get(head, `/api/v1/feedback/${id}`)).json().officers as { id: string; name: string; handledDossier: boolean }[];
    const clerkId = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'tn.tp'`)).rows[0]!.id;
    const hueClerk = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'tn.tp.hue'`)).rows[0]!.id;
    expect(offered[0]).toMatchObject({ id: clerkId, handledDossier: true });
    expect(offered.map((o) => o.id)).not.toContain(hueClerk);
    const foreign = await step(head, id, 'answer', { answer: 'Hồ sơ đã được giải quyết.', upheld: true, officerId: hueClerk });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().detail).toContain('không thuộc Trung tâm');
    expect((await step(director, id, 'assign', { departmentId: dep, upheld: true })).statusCode).toBe(400);
    const ans = await step(head, id, 'answer', { answer: 'Hồ sơ đã được giải quyết, mời ông/bà đến nhận kết quả.', upheld: true, officerId: clerkId });
    expect(ans.statusCode, ans.body).toBe(200);
    expect(ans.json()).toMatchObject({ status: 'answered', upheld: true, officer: { id: clerkId } });
    expect(ans.json().history.at(-1)).toMatchObject({ action: 'answer', upheld: true, officer: { id: clerkId } });
    expect((await get(director, '/api/v1/feedback?status=answered')).json().items.find((i: { id: string }) => i.id === id))
      .toMatchObject({ upheld: true, officer: { id: clerkId } });
    expect(vnDay(ans.json().dueAt)).toBe('2026-05-08'); // publish within 2 working days

    // Not public yet.
    expect((await t.app.inject({ url: `/api/v1/public/feedback/${code}` })).json().answer).toBeNull();
    const pbl = await step(director, id, 'publish');
    expect(pbl.statusCode, pbl.body).toBe(200);
    const det = pbl.json();
    expect(det).toMatchObject({ status: 'published', dueAt: null, overdue: false, actions: [] });
    expect(det.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'accept', 'assign', 'answer', 'publish']);
    expect(det.history[3].actor).toBeTruthy();

    const tracked = (await t.app.inject({ url: `/api/v1/public/feedback/${code}` })).json();
    expect(tracked).toMatchObject({ status: 'published', answer: 'Hồ sơ đã được giải quyết, mời ông/bà đến nhận kết quả.' });

    const publicList = await t.app.inject({ url: '/api/v1/public/feedback?center=000.00.15.H57' });
    expect(publicList.statusCode).toBe(200);
    expect(publicList.json().items.map((i: { code: string }) => i.code)).toContain(code);
    for (const secret of ['0912345678', 'phananh@example.vn', 'Nguyễn Thị Phản Ánh', d.code]) expect(publicList.body).not.toContain(secret);
    expect((await t.app.inject({ url: '/api/v1/public/feedback?center=000.00.11.H57' })).json().items).toEqual([]);

    const audited = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'feedback' AND entity_id = $1 ORDER BY id`, [id]);
    expect(audited.rows.map((a) => a.action)).toEqual(['feedback.submit', 'feedback.accept', 'feedback.assign', 'feedback.answer', 'feedback.publish']);
    const answered = await t.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM audit_log WHERE entity = 'feedback' AND entity_id = $1 AND action = 'feedback.answer'`, [id]);
    expect(answered.rows[0]!.data).toMatchObject({ upheld: true, officerId: clerkId });

    // A step the status does not allow: 409 with a Vietnamese message.
    const again = await step(director, id, 'accept');
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('đã công khai');
  });

  it('request information, reject with a reason; overdue on the list and the dashboard', async () => {
    clock.set(new Date('2026-05-11T02:00:00Z')); // Monday
    const before = (await get(director, '/api/v1/dashboard')).json().feedbackOverdue as number;
    const code = (await submit({ content: 'Thái độ cán bộ quầy số 3 chưa đúng mực, đề nghị chấn chỉnh.', contact: { fullName: 'Trần Văn B', email: 'b@example.vn' } })).json().code as string;
    const id = await idOf(code);
    const info = await step(director, id, 'request-info', { note: 'Xin cho biết ngày, giờ đến Trung tâm.' });
    expect(info.statusCode, info.body).toBe(200);
    expect(vnDay(info.json().dueAt)).toBe('2026-05-18'); // 5 working days
    expect((await t.app.inject({ url: `/api/v1/public/feedback/${code}` })).json()).toMatchObject({ status: 'info_requested', infoRequest: 'Xin cho biết ngày, giờ đến Trung tâm.' });

    // Overdue once the deadline passes: in the filtered list and on the director's dashboard.
    clock.set(new Date('2026-05-20T02:00:00Z'));
    const overdue = await get(director, '/api/v1/feedback?overdue=true');
    expect(overdue.json().items.map((i: { code: string }) => i.code)).toContain(code);
    expect(overdue.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect((await get(director, '/api/v1/feedback?overdue=false')).json().items.map((i: { code: string }) => i.code)).not.toContain(code);
    const dash = await get(director, '/api/v1/dashboard');
    expect(dash.json().feedbackOverdue).toBe(before + 1);
    expect((await get('giamdoc.hue', '/api/v1/dashboard')).json().feedbackOverdue).toBe(0);

    const noReason = await step(director, id, 'reject', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toContain('lý do');
    const rej = await step(director, id, 'reject', { reason: 'Người gửi không bổ sung thông tin trong thời hạn.' });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', overdue: false, dueAt: null });
    const pub = (await t.app.inject({ url: `/api/v1/public/feedback/${code}` })).json();
    expect(pub).toMatchObject({ status: 'rejected', reason: 'Người gửi không bổ sung thông tin trong thời hạn.', answer: null });
    expect((await get(director, '/api/v1/dashboard')).json().feedbackOverdue).toBe(before);
  });

  it('two clerks racing on the same step: one wins, the other gets 409', async () => {
    clock.set(new Date('2026-05-12T02:00:00Z'));
    const code = (await submit({ content: 'Nhà vệ sinh khu vực chờ thường xuyên bị khóa.', contact: { fullName: 'Lê C', phone: '0987654321' } })).json().code as string;
    const id = await idOf(code);
    const deputy = t.login('phogiamdoc');
    const supervisor = t.login('giamsat');
    const [a, b, c] = await Promise.all([t.login('giamdoc'), deputy, supervisor]);
    const results = await Promise.all([step(a, id, 'accept'), step(b, id, 'accept'), step(c, id, 'reject', { reason: 'Trùng' })]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const events = await t.db.query('SELECT action FROM feedback_events WHERE feedback_id = $1', [id]);
    expect(events.rows.length).toBe(2); // submit + the one step that won
    // A stale version from a screen opened before the change: 409 too.
    expect((await step(director, id, 'assign', { departmentId: await tpDepartment(), version: 1 })).statusCode).toBe(409);
  });

  it('scope across centers and roles', async () => {
    clock.set(new Date('2026-05-12T03:00:00Z'));
    const code = (await submit({ content: 'Phản ánh về Trung tâm Huế, thời gian chờ quá lâu.', contact: { fullName: 'Phạm D', phone: '0911111111' }, center: '000.00.11.H57' })).json().code as string;
    const id = await idOf(code);
    expect((await get(director, '/api/v1/feedback')).json().items.map((i: { code: string }) => i.code)).not.toContain(code);
    expect((await get(director, `/api/v1/feedback/${id}`)).statusCode).toBe(404);
    expect((await step(director, id, 'accept')).statusCode).toBe(404);
    const hue = 'giamdoc.hue';
    expect((await get(hue, '/api/v1/feedback')).json().items.map((i: { code: string }) => i.code)).toEqual([code]);
    // Another center's department cannot be assigned.
    expect((await step(hue, id, 'accept')).statusCode).toBe(200);
    const wrongDep = await step(hue, id, 'assign', { departmentId: await tpDepartment() });
    expect(wrongDep.statusCode).toBe(400);
    expect(wrongDep.json().detail).toContain('không thuộc Trung tâm');
    expect((await step(hue, id, 'assign', { departmentId: await tpDepartment('000.00.11.H57') })).statusCode).toBe(200);
    // Roles without the permission, and no sign-in.
    expect((await get('tn.tp', '/api/v1/feedback')).statusCode).toBe(403);
    expect((await get('cv.tp', '/api/v1/feedback')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/feedback' })).statusCode).toBe(401);
  });

  it('bad inputs: 4xx with a Vietnamese message, nothing written', async () => {
    const hueDossier = await register(t, await t.login('tn.tp.hue'), { applicant: applicant(952) });
    const cases: [unknown, number, string][] = [
      [{ content: 'Nội dung đủ dài để gửi đi.', contact: { fullName: 'Không Liên Hệ' } }, 400, 'số điện thoại hoặc e-mail'],
      [{ content: 'Ngắn', contact }, 400, 'ít nhất 10 ký tự'],
      [{ content: 'Nội dung đủ dài để gửi đi.', contact: { ...contact, phone: '12ab' } }, 400, 'Số điện thoại không hợp lệ'],
      [{ content: 'Nội dung đủ dài để gửi đi.', contact: { ...contact, email: 'khong-phai-email' } }, 400, 'e-mail'],
      [{ content: 'Nội dung đủ dài để gửi đi.', contact, dossierCode: 'KHONG-CO-HO-SO' }, 400, 'Không tìm thấy hồ sơ'],
      [{ content: 'Nội dung đủ dài để gửi đi.', contact, dossierCode: hueDossier.code, center: '000.00.15.H57' }, 400, 'Không tìm thấy hồ sơ'],
      [{ content: 'Nội dung đủ dài để gửi đi.', contact, center: 'KHONG-CO' }, 404, 'Trung tâm'],
    ];
    const anyId = await idOf((await submit({ content: 'Đề nghị bố trí thêm ghế chờ.', contact })).json().code);
    const dir = await t.login(director); // signing in writes a session: before the mark
    const mark = await changes.mark();
    for (const [payload, status, text] of cases) {
      const r = await submit(payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      expect(r.json().detail).toContain(text);
    }
    expect((await step(dir, anyId, 'answer', { answer: 'Trả lời khi chưa tiếp nhận' })).statusCode).toBe(409);
    expect((await step(dir, anyId, 'assign', {})).statusCode).toBe(409);
    expect((await step(dir, anyId, 'fly')).statusCode).toBe(400);
    expect((await step(dir, 'not-a-uuid', 'accept')).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/public/feedback/XYZ' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/public/feedback/PA-AAAAAAAA' })).statusCode).toBe(404);
    expect(await changes.since(mark)).toEqual([]);
  });

  it('the retention purge forgets the contact details of closed feedback, and only those', async () => {
    const owner = createPool(t.ownerUrl, 1);
    try {
      const store = new DiskFileStore(path.join(os.tmpdir(), 'motcua-feedback-purge-files'));
      // Two years after May 2026, with one year of retention: the published and the rejected feedback ended long ago.
      const now = new Date('2028-06-01T02:00:00Z');
      const dry = await purgePersonalData(owner, store, { now, retentionYears: 1, apply: false });
      const closed = (await t.db.query(`SELECT count(*)::int AS n FROM feedback WHERE status IN ('published', 'rejected')`)).rows[0].n as number;
      expect(closed).toBeGreaterThanOrEqual(2);
      expect(dry.counts.feedback).toBe(closed);
      const r = await purgePersonalData(owner, store, { now, retentionYears: 1, apply: true });
      expect(r.counts.feedback).toBe(closed);
      const rows = (await t.db.query(`SELECT status, contact_name, contact_phone, contact_email, content, answer, purged_at FROM feedback`)).rows;
      for (const f of rows) {
        if (f.status === 'published' || f.status === 'rejected') {
          expect(f).toMatchObject({ contact_name: '', contact_phone: null, contact_email: null });
          expect(f.purged_at).not.toBeNull();
          expect(f.content.length).toBeGreaterThan(0);
        } else {
          expect(f.contact_name).not.toBe('');
          expect(f.purged_at).toBeNull();
        }
      }
      expect(rows.some((f) => f.contact_phone === '0912345678' && f.status === 'published')).toBe(false);
      expect((await purgePersonalData(owner, store, { now, retentionYears: 1, apply: true })).counts.feedback).toBe(0);
    } finally {
      await owner.end();
    }
  });
});
