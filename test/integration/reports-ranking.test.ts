import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { QUESTIONS } from '../../src/modules/evaluations/domain/questions';
import { createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { multipart, TINY_PNG } from '../support/multipart';
import { sessions } from '../support/reports-history';

// Issue 14 items 6, 7, 8: the ranking, the service index (766) and the public transparency figures for the week of
// Mon 02 – Fri 06/03/2026 at Hương Thủy, asked on Tue 10/03 12:00, counted by hand. L1–L4 are the late report's
// dossiers (test/integration/control-late.test.ts: the same times, so the same overruns), plus two on time:
//   L1 (TP) received + transferred by tn.tp; cv.tp claims, completes the specialist step late, resolves Fri 06/03: late.
//      Overruns: cv.tp's specialist step 510 min and the result-return step 360 min (both cv.tp's, both Phòng Tư pháp).
//   L2 (TC, with the tax office) tn.tc; cv.tc, ld.tc ×2, cv.tc resolves Fri: late; the tax office overran 1395 min
//      (another agency: nobody of ours, no department of ours).
//   L3 (TP) tn.tp asks for a supplement at the counter, receives, transfers; cv.tp asks again (second request: late by
//      rule), completes; ld.tp completes; cv.tp resolves Tue 03/03: late, no overrun.
//   L4 (TP) received + transferred by tn.tp, never claimed in the week: overdue at its end; the department's
//      specialist step overran 1380 min (nobody held it). cv.tp warns Wed 04/03, the director extends (apology) to
//      Mon 09/03. Same applicant as T1: one of T1's scanned papers is reused.
//   T1 (TP) received + transferred by tn.tp Mon 09:00; ld.tp takes it through every step and resolves Tue 03/03
//      10:00: early. Every one of its three papers scanned. Rated Tue 11:00 with the top mark on every question.
//   T2 (DD, land) online, received by tn.dd Mon 09:00; ld.dd resolves Wed 04/03 (due in 8 working days): early; the
//      result file attached by ld.dd.
//   W  (TP) received by tn.tp Mon 09:00, transferred 09:30, withdrawn by the applicant Tue 03/03 10:00, before its due
//      date: an end for the index (on time), nobody's result in the ranking.
// Feedback (submitted from the public site Mon 02/03 11:00, handled through the staff routes):
//   F1 accepted and assigned to Phòng Tư pháp at once, answered by ld.tp Tue 03/03, published Wed 04/03: every step in
//      time. F2 rejected Thu 05/03 10:00, after its 2 working days (Wed 04/03 11:00): late. F3 accepted, assigned to
//      Phòng Tư pháp, answered Wed 04/03, never published: not closed, but answered by the department in the week.
//   Verdicts: F1 names cv.tp at acceptance and is answered "upheld" (against cv.tp, and Phòng Tư pháp it was assigned
//   to); F3 is answered "not upheld", naming tn.tp: counts against nobody. F4 is about T2 (submitted with its code):
//   the director accepts it (tn.dd, who received T2, is offered first), answers it himself Wed 04/03 10:30 "upheld"
//   naming ld.dd, never assigned: against ld.dd and, through him, the land department. Each upheld takes 5 points.
// Settled in the week with a decision: L1, L2, L3, T1, T2. Procedure baselines: 2.000748 (L1, L3, T1) 1 of 3 on time;
// 1.001612 (L2) 0 of 1; 1.012790 (T2) 1 of 1.

const clock = new ManualClock(new Date('2026-03-02T08:00:00+07:00'));
let t: TestApp;
let as: ReturnType<typeof sessions>;
const c: Record<string, string> = {};
const ids: Record<string, string> = {};
const names: Record<string, string> = {};
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const url = (code: string, tail = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${tail}`;
const ok = async (user: string, key: string, action: string, body: object = {}) => {
  const r = await as(user, 'POST', url(c[key], `/${action}`), body);
  expect(r.statusCode, `${key} ${action}: ${r.body}`).toBe(200);
  return r.json();
};
const register = async (key: string, user: string, procedure: string, receive: boolean, n: number, channel: 'direct' | 'online' = 'direct') => {
  const r = await as(user, 'POST', '/api/v1/dossiers', { procedure, applicant: applicant(n), channel, receive });
  expect(r.statusCode, r.body).toBe(201);
  c[key] = r.json().code;
};
const settle = async (user: string, key: string) => {
  for (let i = 0; i < 10; i++) {
    const d = (await as(user, 'GET', url(c[key]))).json();
    if (d.can.resolve) return ok(user, key, 'resolve', { resultSummary: 'Đã có kết quả' });
    await ok(user, key, 'complete-step', { note: 'Chuyển bước' });
  }
  throw new Error(`could not resolve ${key}`);
};
const upload = async (user: string, key: string, fields: Record<string, string>) => {
  const cookie = await t.login(user);
  const body = multipart(TINY_PNG, `giay-to-${fields.checklistIndex ?? 'kq'}.png`, fields);
  const r = await t.app.inject({ method: 'POST', url: url(c[key], '/files'), headers: { cookie, ...body.headers }, payload: body.payload });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
};
const get = async (user: string, path: string) => {
  const r = await as(user, 'GET', path);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const WEEK = 'from=2026-03-01&to=2026-03-06';
const fb: Record<string, { code: string; id: string }> = {};
const FB_CONTACT = { fullName: 'Trần Thị Góp Ý', phone: '0905111222', email: 'gopy@example.vn' };
const fbStep = async (user: string, key: string, action: string, body: object = {}) => {
  const r = await as(user, 'POST', `/api/v1/feedback/${fb[key].id}/${action}`, body);
  expect(r.statusCode, `${key} ${action}: ${r.body}`).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  as = sessions(t);
  for (const u of (await t.db.query<{ id: string; username: string; full_name: string }>('SELECT id, username, full_name FROM users')).rows) {
    ids[u.username] = u.id;
    names[u.username] = u.full_name;
  }
  await register('L3', 'tn.tp', '2.000748', false, 3);
  await ok('tn.tp', 'L3', 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] });
  at('2026-03-02 08:30');
  await ok('tn.tp', 'L3', 'supplement');
  at('2026-03-02 09:00');
  await register('L1', 'tn.tp', '2.000748', true, 1);
  await register('L2', 'tn.tc', '1.001612', true, 2);
  await ok('tn.tp', 'L3', 'receive');
  await register('L4', 'tn.tp', '2.000748', true, 11);
  await register('T1', 'tn.tp', '2.000748', true, 11);
  await ok('tn.tp', 'T1', 'transfer');
  await register('T2', 'tn.dd', '1.012790', true, 12, 'online');
  await register('W', 'tn.tp', '2.000748', true, 13);
  await ok('tn.dd', 'T2', 'transfer');
  for (const i of ['0', '1', '2']) await upload('tn.tp', 'T1', { checklistIndex: i });
  const t1Files = (await get('tn.tp', url(c.L4, '/reusable-files'))).items as { id: string }[];
  expect(t1Files.length).toBeGreaterThan(0); // the same scan content is offered once
  const reuse = await as('tn.tp', 'POST', url(c.L4, '/files'), { reuseFileId: t1Files[0].id, checklistIndex: 0 });
  expect(reuse.statusCode, reuse.body).toBe(201);
  at('2026-03-02 09:30');
  await ok('tn.tp', 'W', 'transfer');
  await ok('tn.tp', 'L3', 'transfer');
  await ok('tn.tp', 'L4', 'transfer');
  at('2026-03-02 10:00');
  await ok('tn.tc', 'L2', 'transfer');
  await ok('cv.tp', 'L3', 'request-supplement-by-department', { reason: 'Cần bổ sung', missing: ['Tờ khai có chữ ký'], apology: 'Xin lỗi vì phải yêu cầu bổ sung lần thứ hai' });
  at('2026-03-02 11:00');
  await ok('tn.tp', 'L1', 'transfer');
  for (const key of ['F1', 'F2', 'F3', 'F4']) {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/public/feedback', payload: { center: '000.00.15.H57', content: `Phản ánh ${key}: cán bộ hướng dẫn chưa rõ ràng về giấy tờ cần nộp.`, contact: FB_CONTACT,
      ...(key === 'F4' ? { dossierCode: c.T2 } : {}) } });
    expect(r.statusCode, r.body).toBe(201);
    const code = r.json().code as string;
    fb[key] = { code, id: (await t.db.query<{ id: string }>('SELECT id FROM feedback WHERE code = $1', [code])).rows[0].id };
  }
  const tp = (await t.db.query<{ id: string }>(`SELECT d.id FROM departments d JOIN centers c ON c.id = d.center_id WHERE c.code = '000.00.15.H57' AND d.code = 'TP'`)).rows[0].id;
  for (const key of ['F1', 'F3']) {
    await fbStep('giamdoc', key, 'accept', key === 'F1' ? { officerId: ids['cv.tp'] } : {});
    await fbStep('giamdoc', key, 'assign', { departmentId: tp });
  }
  // F4 names dossier T2: the officers who handled it so far (tn.dd received and transferred it) are offered first.
  const f4 = await get('giamdoc', `/api/v1/feedback/${fb.F4.id}`);
  expect(f4.officers[0]).toMatchObject({ id: ids['tn.dd'], handledDossier: true });
  expect((f4.officers as { handledDossier: boolean }[]).filter((o) => o.handledDossier)).toHaveLength(1);
  await fbStep('giamdoc', 'F4', 'accept');
  at('2026-03-02 14:00');
  await ok('cv.tp', 'L1', 'assign');
  await ok('tn.tp', 'L3', 'supplement');
  at('2026-03-02 15:00');
  await ok('cv.tc', 'L2', 'complete-step');
  at('2026-03-02 16:00');
  await ok('cv.tp', 'L3', 'complete-step');
  at('2026-03-03 09:00');
  await ok('ld.tp', 'L3', 'complete-step');
  at('2026-03-03 10:00');
  await ok('cv.tp', 'L3', 'resolve', { resultSummary: 'Đã cải chính' });
  await settle('ld.tp', 'T1');
  await ok('tn.tp', 'W', 'withdraw', { reason: 'Người nộp xin rút hồ sơ' });
  at('2026-03-03 11:00');
  await fbStep('ld.tp', 'F1', 'answer', { answer: 'Trung tâm đã nhắc nhở cán bộ và niêm yết danh mục giấy tờ tại quầy.', upheld: true });
  const link = await get('tn.tp', url(c.T1, '/evaluation-link'));
  const rated = await t.app.inject({ method: 'POST', url: `/api/v1/public/evaluations/${link.token}`, payload: { answers: QUESTIONS.map((q) => ({ question: q.id, value: 2 })) } });
  expect(rated.statusCode, rated.body).toBeLessThan(300);
  at('2026-03-04 10:00');
  await settle('ld.dd', 'T2');
  await upload('ld.dd', 'T2', { kind: 'result' });
  await fbStep('giamdoc', 'F1', 'publish');
  await fbStep('ld.tp', 'F3', 'answer', { answer: 'Phòng đã hướng dẫn lại người phản ánh.', upheld: false, officerId: ids['tn.tp'] });
  await ok('cv.tp', 'L4', 'report-late', { reason: 'Chờ xác minh', proposedDueAt: '2026-03-09T17:00:00+07:00' });
  at('2026-03-04 10:30');
  await fbStep('giamdoc', 'F4', 'answer', { answer: 'Cán bộ đã được nhắc nhở.', upheld: true, officerId: ids['ld.dd'] });
  at('2026-03-04 11:00');
  await ok('giamdoc', 'L4', 'extend', { reason: 'Chờ xác minh, xin lỗi và hẹn lại', newDueAt: '2026-03-09T17:00:00+07:00' });
  at('2026-03-05 10:00');
  await fbStep('giamdoc', 'F2', 'reject', { reason: 'Nội dung không thuộc thẩm quyền của Trung tâm' });
  await ok('cv.tp', 'L1', 'complete-step');
  at('2026-03-05 15:00');
  await ok('ld.tp', 'L1', 'complete-step');
  at('2026-03-06 10:00');
  await ok('ld.tc', 'L2', 'complete-step');
  at('2026-03-06 11:00');
  await ok('ld.tc', 'L2', 'complete-step');
  at('2026-03-06 14:00');
  await ok('cv.tc', 'L2', 'resolve', { resultSummary: 'Đã cấp giấy chứng nhận' });
  at('2026-03-06 16:00');
  await ok('cv.tp', 'L1', 'resolve', { resultSummary: 'Đã cải chính' });
  at('2026-03-10 12:00');
}, 120_000);
afterAll(async () => t.close());

type Row = { rank: number | null; key: string; name: string; handled: number; onTime: number; onTimeShare: number | null; expectedShare: number | null; score: number | null;
  supplementRequests: number; lateDossiers: number; delayMinutes: number; evaluations: number; evaluationAverage: number | null; codes: string[] };
const pick = (r: Row) => [r.handled, r.onTime, r.onTimeShare, r.expectedShare, r.score, r.supplementRequests, r.lateDossiers, r.delayMinutes, r.evaluations, r.evaluationAverage];

describe('GET /reports/ranking by staff', () => {
  it('counts every column by hand and scores each officer against the same procedures', async () => {
    const r = await get('giamdoc', `/api/v1/reports/ranking?${WEEK}&by=staff`);
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-03-06', by: 'staff', center: { code: '000.00.15.H57' }, workingDayMinutes: 480 });
    expect(r.formula.vi).toContain('Điểm = 100 + (Tỷ lệ đúng hạn − Tỷ lệ đúng hạn kỳ vọng) × 100');
    expect(r.formula.vi).toContain('− 5 × Số phản ánh đúng (có cơ sở)');
    expect(r.notAvailable).toEqual([]);
    expect(r.penaltyPerUpheld).toBe(5);
    // Upheld feedback per officer: F1 against cv.tp, F4 against ld.dd; F3 (not upheld, naming tn.tp) against nobody.
    const upheld = Object.fromEntries((r.rows as (Row & { feedbackUpheld: number })[]).map((x) => [x.key, x.feedbackUpheld]));
    expect(upheld).toEqual(Object.fromEntries(['tn.tp', 'ld.tp', 'cv.tp', 'tn.tc', 'cv.tc', 'ld.tc', 'tn.dd', 'ld.dd'].map((u) => [ids[u], u === 'cv.tp' || u === 'ld.dd' ? 1 : 0])));
    for (const x of r.rows as (Row & { feedbackAnswered: number | null })[]) expect(x.feedbackAnswered, x.name).toBeNull();
    const by = Object.fromEntries((r.rows as Row[]).map((x) => [x.key, x]));
    const row = (u: string) => by[ids[u]];
    // handled, on time, share, expected, score, supplement requests, late dossiers, delay, evaluations, average
    // tn.tp received L1, L3, T1 (1 of 3 on time) — exactly the procedure's own rate: 100. One counter supplement request.
    expect(pick(row('tn.tp'))).toEqual([3, 1, 0.3333, 0.3333, 100, 1, 0, 0, 1, 2]);
    // ld.tp passed on L1, L3 and took T1 through: the same mix and rate.
    expect(pick(row('ld.tp'))).toEqual([3, 1, 0.3333, 0.3333, 100, 0, 0, 0, 1, 2]);
    // cv.tp handled L1 and L3, both late, against an expected 1/3: 100 − 33.3, less 5 for F1 upheld. Asked for L3's
    // second supplement; L1's two overruns are his (510 + 360).
    expect(pick(row('cv.tp'))).toEqual([2, 0, 0, 0.3333, 61.7, 1, 1, 870, 0, null]);
    // The household-business desk: L2 late, but so is every such dossier this week: 100 (no worse than its procedure).
    for (const u of ['tn.tc', 'cv.tc', 'ld.tc']) expect(pick(row(u)), u).toEqual([1, 0, 0, 0, 100, 0, 0, 0, 0, null]);
    // Land: T2 early; ld.dd loses 5 for F4 upheld.
    expect(pick(row('tn.dd'))).toEqual([1, 1, 1, 1, 100, 0, 0, 0, 0, null]);
    expect(pick(row('ld.dd'))).toEqual([1, 1, 1, 1, 95, 0, 0, 0, 0, null]);
    // Nobody else did anything counted (the director's extension is not handling a dossier).
    expect(Object.keys(by).sort()).toEqual(['tn.tp', 'ld.tp', 'cv.tp', 'tn.tc', 'cv.tc', 'ld.tc', 'tn.dd', 'ld.dd'].map((u) => ids[u]).sort());
    // Ranks: the six at 100 share the first place, the 3-dossier officers first; ld.dd (95) seventh, cv.tp eighth.
    expect((r.rows as Row[]).map((x) => x.rank)).toEqual([1, 1, 1, 1, 1, 1, 7, 8]);
    expect(r.rows[6].key).toBe(ids['ld.dd']);
    expect((r.rows as Row[]).slice(0, 2).map((x) => x.key).sort()).toEqual([ids['tn.tp'], ids['ld.tp']].sort());
    expect(r.rows[7].key).toBe(ids['cv.tp']);
    expect(row('cv.tp').name).toBe(names['cv.tp']);
    expect(row('tn.tp').codes.sort()).toEqual([c.L1, c.L3, c.T1].sort());
  });

  it('per department: the late report\'s department overruns are the department\'s delay', async () => {
    const r = await get('giamdoc', `/api/v1/reports/ranking?${WEEK}&by=department`);
    const by = Object.fromEntries((r.rows as (Row & { name: string })[]).map((x) => [x.name, x]));
    // Phòng Tư pháp: L1, L3, T1; its department-only supplement request (L3's second); delay L1 870 + L4 1380.
    // Less 5 for F1, upheld and assigned to it.
    expect(pick(by['Phòng Tư pháp'])).toEqual([3, 1, 0.3333, 0.3333, 95, 1, 2, 2250, 1, 2]);
    expect(by['Phòng Tư pháp'].codes.sort()).toEqual([c.L1, c.L3, c.T1].sort());
    // The tax office's overrun is another agency's, not the department's.
    const tc = (r.rows as Row[]).find((x) => x.codes.includes(c.L2))!;
    expect(pick(tc)).toEqual([1, 0, 0, 0, 100, 0, 0, 0, 0, null]);
    const dd = (r.rows as Row[]).find((x) => x.codes.includes(c.T2))!;
    // F4 was never assigned, but names ld.dd: against his department.
    expect(pick(dd)).toEqual([1, 1, 1, 1, 95, 0, 0, 0, 0, null]);
    expect((r.rows as (Row & { feedbackUpheld: number })[]).map((x) => [x.key, x.feedbackUpheld, x.rank])).toEqual([[tc.key, 0, 1], [by['Phòng Tư pháp'].key, 1, 2], [dd.key, 1, 2]]);
    expect(r.rows).toHaveLength(3);
    // Feedback assigned to Phòng Tư pháp and answered in the week: F1 and F3 (F2 was rejected, never assigned).
    expect((by['Phòng Tư pháp'] as Row & { feedbackAnswered: number }).feedbackAnswered).toBe(2);
    expect([(tc as Row & { feedbackAnswered: number }).feedbackAnswered, (dd as Row & { feedbackAnswered: number }).feedbackAnswered]).toEqual([0, 0]);
    expect(r.notAvailable).toEqual([]);
  });

  it('is scoped: a department head sees his department, a clerk nothing, another center nothing of ours', async () => {
    const head = await get('ld.tp', `/api/v1/reports/ranking?${WEEK}&by=staff`);
    // Only TP dossiers: baseline 2.000748 alone; the TC and DD officers are not there.
    expect((head.rows as Row[]).map((x) => x.key).sort()).toEqual([ids['tn.tp'], ids['ld.tp'], ids['cv.tp']].sort());
    expect((await as('tn.tp', 'GET', `/api/v1/reports/ranking?${WEEK}`)).statusCode).toBe(403);
    expect((await get('giamdoc.hue', `/api/v1/reports/ranking?${WEEK}`)).rows).toEqual([]);
    // The province sees every center; a department is named with its center.
    const province = await get('tinh', `/api/v1/reports/ranking?${WEEK}&by=department`);
    const ht = (await t.db.query<{ name: string }>(`SELECT name FROM centers WHERE code = '000.00.15.H57'`)).rows[0].name;
    expect((province.rows as (Row & { unit: string | null })[]).find((x) => x.codes.includes(c.L1))).toMatchObject({ name: 'Phòng Tư pháp', unit: ht, handled: 3 });
    expect(province.center).toBeNull();
  });

  it('refuses a bad period or grouping in Vietnamese', async () => {
    for (const q of ['from=2026-03-06&to=2026-03-01', 'from=2026-02-31&to=2026-03-01', `${WEEK}&by=team`]) {
      const r = await as('giamdoc', 'GET', `/api/v1/reports/ranking?${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().detail).toMatch(/[ạ-ỹà-ýĐđ]/);
    }
  });
});

describe('assessments of seconded officers (Quy chế 16.3)', () => {
  it('the director records one per officer and period, with the period\'s figures attached', async () => {
    const r = await as('giamdoc', 'POST', '/api/v1/reports/assessments', { officer: ids['cv.tp'], from: '2026-03-01', to: '2026-03-06', rating: 'completed', remarks: 'Cần chủ động hơn về thời hạn' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      officer: { id: ids['cv.tp'], name: names['cv.tp'], unit: 'Phòng Tư pháp' }, from: '2026-03-01', to: '2026-03-06', rating: 'completed',
      ratingName: 'Hoàn thành nhiệm vụ', remarks: 'Cần chủ động hơn về thời hạn', assessedBy: names.giamdoc, assessedAt: '2026-03-10T05:00:00.000Z',
    });
    expect(pick(r.json().figures)).toEqual([2, 0, 0, 0.3333, 61.7, 1, 1, 870, 0, null]);
    expect(r.json().figures.feedbackUpheld).toBe(1);
    const list = await get('giamdoc', '/api/v1/reports/assessments');
    expect(list.items.map((i: { officer: { id: string } }) => i.officer.id)).toEqual([ids['cv.tp']]);
    expect(list.ratings.map((x: { label: string }) => x.label)).toContain('Hoàn thành xuất sắc nhiệm vụ');
    const audit = await t.db.query(`SELECT data FROM audit_log WHERE action = 'staff.assessment.record' AND entity_id = $1`, [ids['cv.tp']]);
    expect(audit.rows).toEqual([{ data: { from: '2026-03-01', to: '2026-03-06', rating: 'completed' } }]);
  });

  it('refuses a second one for the same period, other centers\' or leaders\' accounts, bad input and other roles — changing nothing', async () => {
    const count = async () => (await t.db.query<{ n: string }>(`SELECT (SELECT count(*) FROM staff_assessments) + (SELECT count(*) FROM audit_log WHERE action LIKE 'staff.%') AS n`)).rows[0].n;
    const before = await count();
    const post = (user: string, body: object) => as(user, 'POST', '/api/v1/reports/assessments', body);
    const base = { officer: ids['cv.tp'], from: '2026-03-01', to: '2026-03-06', rating: 'good' };
    const again = await post('giamdoc', base);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('đã được đánh giá');
    expect((await post('giamdoc', { ...base, officer: ids['cv.tp.hue'] })).statusCode).toBe(400);
    expect((await post('giamdoc', { ...base, officer: ids.phogiamdoc })).json().detail).toContain('không phải lãnh đạo');
    const bad = await post('giamdoc', { ...base, rating: 'great' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Xếp loại');
    expect((await post('giamdoc', { ...base, from: '2026-03-07' })).statusCode).toBe(400);
    for (const u of ['phogiamdoc', 'giamsat', 'ld.tp', 'tn.tp']) expect((await post(u, { ...base, officer: ids['tn.tp'] })).statusCode, u).toBe(403);
    expect((await as('phogiamdoc', 'GET', '/api/v1/reports/assessments')).statusCode).toBe(403);
    expect(await count()).toBe(before);
    // Another center's director sees none of ours.
    expect((await get('giamdoc.hue', '/api/v1/reports/assessments')).items).toEqual([]);
  });
});

type Fig = { key: string; available: boolean; numerator: number | null; denominator: number | null; value: number | null; note: string | null; items: { code: string; counted: boolean }[]; itemsTotal: number; formula: string };

describe('GET /reports/index-766', () => {
  it('each indicator counted by hand, with its formula and the dossiers behind it', async () => {
    const r = await get('giamdoc', `/api/v1/reports/index-766?${WEEK}`);
    const by = Object.fromEntries((r.figures as Fig[]).map((f) => [f.key, f]));
    expect(Object.keys(by)).toEqual(['2.1', '3.1', '3.3', '4.2', '4.2b', '4.3', '5.2', '5.4']);
    for (const f of r.figures as Fig[]) expect(f.formula, f.key).toMatch(/÷/);
    const counted = (f: Fig) => f.items.filter((i) => i.counted).map((i) => i.code).sort();
    const all = (f: Fig) => f.items.map((i) => i.code).sort();
    // 2.1: ended in the week L1, L2, L3 (late), T1, T2 (early), W (withdrawn before its due date): 3 of 6.
    expect([by['2.1'].numerator, by['2.1'].denominator, by['2.1'].value]).toEqual([3, 6, 50]);
    expect(counted(by['2.1'])).toEqual([c.T1, c.T2, c.W].sort());
    expect(all(by['2.1'])).toEqual([c.L1, c.L2, c.L3, c.T1, c.T2, c.W].sort());
    // 3.1: the catalog's 94 procedures, 47 at level 3 and 21 at level 4.
    expect([by['3.1'].numerator, by['3.1'].denominator, by['3.1'].value]).toEqual([68, 94, 72.3]);
    expect(by['3.1'].items.find((i) => i.code === '2.000748')).toBeDefined();
    // 3.3: received in the week L1, L2, L3, L4, T1, T2, W; T2 online.
    expect([by['3.3'].numerator, by['3.3'].denominator, by['3.3'].value]).toEqual([1, 7, 14.3]);
    expect(counted(by['3.3'])).toEqual([c.T2]);
    // 4.2: T1 has a scan of each of its three papers; L4 only one (reused).
    expect([by['4.2'].numerator, by['4.2'].denominator, by['4.2'].value]).toEqual([1, 7, 14.3]);
    expect(counted(by['4.2'])).toEqual([c.T1]);
    // 4.2b: results in the week L1, L2, L3, T1, T2 (W withdrew: no result); T2's result file attached.
    expect([by['4.2b'].numerator, by['4.2b'].denominator, by['4.2b'].value]).toEqual([1, 5, 20]);
    expect(counted(by['4.2b'])).toEqual([c.T2]);
    // 4.3: L4 reuses T1's scan.
    expect([by['4.3'].numerator, by['4.3'].denominator, by['4.3'].value]).toEqual([1, 7, 14.3]);
    expect(counted(by['4.3'])).toEqual([c.L4]);
    // 5.2: closed in the week F1 (published, every step in time) and F2 (rejected late); F3 is not closed: 1 of 2.
    expect([by['5.2'].available, by['5.2'].numerator, by['5.2'].denominator, by['5.2'].value]).toEqual([true, 1, 2, 50]);
    expect(by['5.2'].items).toEqual([{ code: fb.F1.code, counted: true }, { code: fb.F2.code, counted: false }]);
    expect(by['5.2'].formula).toContain('Thời gian chờ người phản ánh bổ sung thông tin không tính');
    // 5.4: one form, 5 questions at 2 points: 10 of 10.
    expect([by['5.4'].numerator, by['5.4'].denominator, by['5.4'].value, by['5.4'].itemsTotal]).toEqual([10, 10, 100, 1]);
    expect(all(by['5.4'])).toEqual([c.T1]);
  });

  it('is scoped like the other reports', async () => {
    const head = await get('ld.tp', `/api/v1/reports/index-766?${WEEK}`);
    const f = Object.fromEntries((head.figures as Fig[]).map((x) => [x.key, x]));
    // Phòng Tư pháp's own dossiers (handed to it: not T2, not L2): L1, L3 late, T1 early, W withdrawn in time.
    expect([f['2.1'].numerator, f['2.1'].denominator]).toEqual([2, 4]);
    // Its feedback: F1 only (F2 was never assigned to it).
    expect([f['5.2'].numerator, f['5.2'].denominator, f['5.2'].items.map((i) => i.code)]).toEqual([1, 1, [fb.F1.code]]);
    expect((await as('tn.tp', 'GET', `/api/v1/reports/index-766?${WEEK}`)).statusCode).toBe(403);
    const hue = await get('giamdoc.hue', `/api/v1/reports/index-766?${WEEK}`);
    expect((hue.figures as Fig[]).find((x) => x.key === '2.1')).toMatchObject({ denominator: 0, value: null, items: [] });
  });
});

describe('GET /public/centers/{code}/transparency', () => {
  it('this month\'s figures for anyone, with dossier codes only — no names', async () => {
    const r = await t.app.inject({ url: '/api/v1/public/centers/000.00.15.H57/transparency' });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ center: { code: '000.00.15.H57' }, period: { from: '2026-03-01', to: '2026-03-10' } });
    // March so far: the week's six endings, 3 on time.
    expect(b.onTime).toMatchObject({ ended: 6, onTime: 3, share: 50 });
    // L4: overdue now, extended with the apology and a new date; L3: settled late, its second supplement request carried
    // the apology. L1 and L2 were late without any apology: not listed.
    expect(b.lateWithApology.count).toBe(2);
    expect([...b.lateWithApology.items].sort((x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code))).toEqual([
      { code: c.L3, apology: 'second_supplement', newDueAt: null },
      { code: c.L4, apology: 'extension', newDueAt: '2026-03-09T10:00:00.000Z' },
    ].sort((x, y) => x.code.localeCompare(y.code)));
    expect(b.evaluations).toMatchObject({ count: 1, satisfaction: 100 });
    expect(b.evaluations.questions).toHaveLength(QUESTIONS.length);
    // Published this month: F1 only (F3 answered but not published, F2 rejected), with no contact details.
    expect(b.feedback).toEqual({
      count: 1,
      onTime: { closed: 2, onTime: 1, share: 50, formula: expect.stringContaining('÷') },
      items: [{ code: fb.F1.code, content: 'Phản ánh F1: cán bộ hướng dẫn chưa rõ ràng về giấy tờ cần nộp.',
        answer: 'Trung tâm đã nhắc nhở cán bộ và niêm yết danh mục giấy tờ tại quầy.', publishedAt: '2026-03-04T03:00:00.000Z' }],
    });
    for (const secret of [FB_CONTACT.fullName, FB_CONTACT.phone, FB_CONTACT.email, fb.F2.code, fb.F3.code]) expect(r.body).not.toContain(secret);
    expect(r.body).not.toContain('Nguyễn Văn An');
    expect(r.body).not.toContain('0460800');
    for (const u of ['tn.tp', 'cv.tp', 'ld.tp', 'giamdoc']) expect(r.body).not.toContain(names[u]);
  });

  it('another center shows its own (none of ours), an unknown one is 404 in Vietnamese', async () => {
    const codes = (await t.db.query<{ code: string }>(`SELECT code FROM centers WHERE code <> '000.00.15.H57'`)).rows;
    const other = await t.app.inject({ url: `/api/v1/public/centers/${encodeURIComponent(codes[0].code)}/transparency` });
    expect(other.statusCode).toBe(200);
    expect(other.json().onTime).toMatchObject({ ended: 0, share: null });
    const none = await t.app.inject({ url: '/api/v1/public/centers/KHONG-CO/transparency' });
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toContain('Không tìm thấy');
  });
});
