import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { many, one } from '../../src/platform/db';
import { ControlScheduler } from '../../src/modules/control';
import { createSecondApp, createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { sessions } from '../support/reports-history';

// The scheduler through a week of March 2026, run by two app instances at every tick: automatic urges one working
// day before the legal due date and at overdue, once each per dossier; the daily digest of each department, once per
// working day from 07:30.
//   A — received Mon 09/03 09:00 and transferred to the justice department (due Thu 12/03 17:00), nobody claims it.
//   B — received Mon 09/03 09:00, left at the counter (same due date).
//   P — received and transferred Mon 09/03 09:00, paused by the department Tue 10/03 09:00: its clock stands still.

const clock = new ManualClock(new Date('2026-03-09T09:00:00+07:00'));
let t: TestApp;
let second: Awaited<ReturnType<typeof createSecondApp>>;
let a: ControlScheduler;
let b: ControlScheduler;
const codes: Record<string, string> = {};
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const url = (code: string, tail = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${tail}`;
/** Both instances look at the same moment; the sums are what was made. */
const tick = async () => {
  const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
  return { dueSoon: x.dueSoon + y.dueSoon, overdue: x.overdue + y.overdue, digests: x.digests + y.digests };
};
const urges = () => many<{ code: string; kind: string }>(t.db, `SELECT d.code, u.kind FROM urges u JOIN dossiers d ON d.id = u.dossier_id ORDER BY u.kind, d.code`);

beforeAll(async () => {
  t = await createTestApp({ clock });
  second = await createSecondApp(t);
  a = new ControlScheduler({ db: t.db, clock, calendars: t.app.deps.calendars, config: {} });
  b = new ControlScheduler({ db: second.db, clock, calendars: second.app.deps.calendars, config: {} });
  const as = sessions(t);
  for (const [key, n] of [['A', 1], ['B', 2], ['P', 3]] as const) {
    const r = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(n), channel: 'direct', receive: true });
    expect(r.statusCode, r.body).toBe(201);
    codes[key] = r.json().code;
    if (key !== 'B') expect((await as('tn.tp', 'POST', url(codes[key], '/transfer'), {})).statusCode).toBe(200);
  }
  at('2026-03-10 09:00');
  const p = await as('cv.tp', 'POST', url(codes.P, '/request-supplement-by-department'), { reason: 'Thiếu giấy tờ', missing: ['Tờ khai'] });
  expect(p.statusCode, p.body).toBe(200);
}, 60_000);
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('automatic urges, once each per dossier whatever the number of instances', () => {
  it('nothing before the last working day', async () => {
    at('2026-03-11 16:59'); // Thu 17:00 is one working day and a minute away
    expect(await tick()).toMatchObject({ dueSoon: 0, overdue: 0 });
  });

  it('one working day before the due date: A and B urged once; P (paused) not', async () => {
    at('2026-03-11 17:00');
    expect(await tick()).toMatchObject({ dueSoon: 2, overdue: 0 });
    at('2026-03-11 17:05');
    expect(await tick()).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect(await urges()).toEqual([{ code: codes.A, kind: 'due_soon' }, { code: codes.B, kind: 'due_soon' }]);
    // A is with the department and unclaimed: its head is told; B is at the counter: the field's reception clerk.
    const told = await many<{ username: string; dossier_code: string; title: string }>(t.db, `SELECT u.username, n.dossier_code, n.title FROM staff_notifications n
      JOIN users u ON u.id = n.user_id WHERE n.kind = 'due_soon' ORDER BY n.dossier_code`);
    expect(told).toEqual([
      { username: 'ld.tp', dossier_code: codes.A, title: `Hồ sơ ${codes.A} sắp đến hạn` },
      { username: 'tn.tp', dossier_code: codes.B, title: `Hồ sơ ${codes.B} sắp đến hạn` },
    ]);
  });

  it('at the due instant not yet overdue; a minute later A and B urged once more, P still not', async () => {
    at('2026-03-12 17:00');
    expect(await tick()).toMatchObject({ dueSoon: 0, overdue: 0 });
    at('2026-03-12 17:01');
    expect(await tick()).toMatchObject({ dueSoon: 0, overdue: 2 });
    at('2026-03-13 09:00');
    expect(await tick()).toMatchObject({ dueSoon: 0, overdue: 0 });
    expect((await urges()).filter((u) => u.kind === 'overdue').map((u) => u.code)).toEqual([codes.A, codes.B]);
    expect((await urges()).some((u) => u.code === codes.P)).toBe(false);
  });

  it('each urge is an event of the dossier by the system, and audited', async () => {
    const as = sessions(t);
    const events = (await as('ld.tp', 'GET', url(codes.A))).json().events.filter((e: { action: string }) => e.action === 'urge');
    expect(events.map((e: { actor: string | null; at: string; data: { kind: string } }) => [e.actor, e.at, e.data.kind])).toEqual([
      [null, '2026-03-11T10:00:00.000Z', 'due_soon'],
      [null, '2026-03-12T10:01:00.000Z', 'overdue'],
    ]);
    const audit = await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM audit_log WHERE action = 'dossiers.urge.auto' AND actor_id IS NULL`);
    expect(audit!.n).toBe(4);
    const body = (await as('ld.tp', 'GET', '/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'overdue');
    expect(body).toMatchObject({ title: `Hồ sơ ${codes.A} đã quá hạn`, link: `/console/dossiers/${encodeURIComponent(codes.A)}`, email: 'off' });
    expect(body.body).toContain('Hạn giải quyết: 12/03/2026 17:00.');
    expect(body.body).toContain('Đang ở bước: Thẩm định, xử lý hồ sơ.');
  });
});

describe('the daily digest of each department', () => {
  const digests = () => many<{ day: string; code: string; overdue: number; at_risk: number; untouched: number }>(t.db,
    `SELECT to_char(g.day, 'YYYY-MM-DD') AS day, dep.code, g.overdue, g.at_risk, g.untouched FROM department_digests g JOIN departments dep ON dep.id = g.department_id
     JOIN centers c ON c.id = g.center_id WHERE c.code = '000.00.15.H57' ORDER BY g.day, dep.code`);

  it('one per department and working day from 07:30, made once by the two instances; none on Saturday', async () => {
    const departments = (await one<{ n: number }>(t.db, 'SELECT count(*)::int AS n FROM departments WHERE active'))!.n;
    // Every tick above already made that day's digests (from 07:30): Wed 11, Thu 12 and Fri 13/03.
    expect(new Set((await digests()).map((d) => d.day))).toEqual(new Set(['2026-03-11', '2026-03-12', '2026-03-13']));
    at('2026-03-14 08:00'); // Saturday: reception opens, but it is not a working day
    expect((await tick()).digests).toBe(0);
    at('2026-03-16 07:29');
    expect((await tick()).digests).toBe(0);
    at('2026-03-16 07:30');
    expect((await tick()).digests).toBe(departments);
    at('2026-03-16 11:00');
    expect((await tick()).digests).toBe(0);
    // Monday 16/03 for the justice department: A overdue and untouched since its transfer (P waits for the applicant).
    expect((await digests()).filter((d) => d.day === '2026-03-16' && d.code === 'TP')).toEqual([{ day: '2026-03-16', code: 'TP', overdue: 1, at_risk: 0, untouched: 1 }]);
  });

  it('the head receives it as one notification listing each dossier and why', async () => {
    const n = await one<{ title: string; body: string; link: string }>(t.db, `SELECT n.title, n.body, n.link FROM staff_notifications n JOIN users u ON u.id = n.user_id
      WHERE u.username = 'ld.tp' AND n.kind = 'digest' AND n.created_at = '2026-03-16T07:30:00+07:00'`);
    expect(n).toMatchObject({ title: 'Tổng hợp ngày 16/03/2026: 1 quá hạn, 0 sắp đến hạn, 1 chưa cập nhật', link: '/console/dossiers/inbox' });
    expect(n!.body).toContain(`- ${codes.A} — `);
    expect(n!.body).toContain(': quá hạn, chưa cập nhật quá nửa ngày làm việc; hạn 12/03/2026 17:00; chưa phân công');
    expect(n!.body).not.toContain(codes.P);
    // A department with nothing to report gets no message (its digest row records the empty day).
    const quiet = await one<{ n: number }>(t.db, `SELECT count(*)::int AS n FROM staff_notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'ld.dd' AND n.kind = 'digest'`);
    expect(quiet!.n).toBe(0);
  });
});
