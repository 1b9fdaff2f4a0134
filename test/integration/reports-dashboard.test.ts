import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { one } from '../../src/platform/db';
import { createTestApp, type TestApp } from '../support/app';
import { buildHistory, HT, sessions, type History } from '../support/reports-history';

// The dashboard on Tue 10/03/2026 10:00, counted by hand from test/support/reports-history.ts.

let t: TestApp;
let h: History;
let as: ReturnType<typeof sessions>;

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(new Date('2026-01-26T08:00:00+07:00')) });
  h = await buildHistory(t);
  as = sessions(t);
}, 120_000);
afterAll(async () => t.close());

const get = async (user: string, url: string) => {
  const r = await as(user, 'GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

describe("the director's dashboard", () => {
  it('today, this month, overdue and at risk now, the queue', async () => {
    const d = await get('giamdoc', '/api/v1/dashboard');
    expect(d.center.code).toBe(HT);
    expect(d.generatedAt).toBe('2026-03-10T03:00:00.000Z');
    // This month: C, K, L, P carried over from February; R (direct) and Q (online) new. K late (extended), L on
    // time. Open now: R and Q within time, C and P overdue (P resumed on 05/03, due Fri 06/03 16:00).
    expect(d.month).toEqual({
      period: { from: '2026-03-01', to: '2026-03-10' },
      figures: {
        received: { total: 6, online: 1, direct: 1, carriedOver: 4 },
        settled: { total: 2, early: 0, onTime: 1, late: 1, withdrawn: 0, rejected: 0 },
        inProgress: { total: 4, withinTime: 2, overdue: 2 },
        refused: 0, onTimeRate: 0.5,
      },
    });
    // Today nothing new yet: the four open ones were carried over from yesterday.
    expect(d.today.figures).toMatchObject({ received: { total: 4, online: 0, direct: 0, carriedOver: 4 }, settled: { total: 0 }, inProgress: { total: 4, withinTime: 2, overdue: 2 } });
    expect(d.overdue).toBe(2);
    // R is due today 17:00: within one working day. Q (Thu 12/03) is not.
    expect(d.atRisk).toBe(1);
    // Two tickets this morning, the first called after 12 minutes.
    expect(d.queue).toEqual({ waiting: 1, averageWaitMinutes: 12, served: 0 });
  });

  it('on-time shares this month by field and by department', async () => {
    const d = await get('giamdoc', '/api/v1/dashboard');
    expect(d.byField).toEqual([{ key: 'TP', name: expect.stringMatching(/^Tư pháp/), settled: 2, early: 0, onTime: 1, late: 1, onTimeRate: 0.5 }]);
    expect(d.byDepartment).toEqual([expect.objectContaining({ name: expect.stringMatching(/Tư pháp/), settled: 2, onTimeRate: 0.5 })]);
  });

  it('the most overdue dossiers, longest first, with the step and who holds them', async () => {
    const d = await get('giamdoc', '/api/v1/dashboard');
    const cv = await one<{ full_name: string }>(t.db, `SELECT full_name FROM users WHERE username = 'cv.tp'`);
    // C: due Fri 23/01 17:00 — 26 working days (Tết excluded) and 3 hours ago. P: due Fri 06/03 16:00, 12 working hours.
    expect(d.mostOverdue).toEqual([
      expect.objectContaining({ code: h.codes.C, step: expect.objectContaining({ index: 1, role: 'specialist' }), holder: 'department', assignee: cv!.full_name,
        legalDueAt: '2026-01-23T10:00:00.000Z', overdueWorkingDays: 26.4, paused: false }),
      expect.objectContaining({ code: h.codes.P, legalDueAt: '2026-03-06T09:00:00.000Z', overdueWorkingDays: 1.5, paused: false }),
    ]);
  });

  it('each number opens its list with the same count', async () => {
    const d = await get('giamdoc', '/api/v1/dashboard');
    const m = `from=${d.month.period.from}&to=${d.month.period.to}`;
    const count = async (q: string) => (await get('giamdoc', `/api/v1/dossiers?${q}&limit=50`)).total;
    expect(await count('stat=overdue')).toBe(d.overdue);
    expect(await count('overdue=1')).toBe(d.overdue);
    expect(await count('stat=at_risk')).toBe(d.atRisk);
    expect(await count(`stat=received_online&${m}`)).toBe(d.month.figures.received.online);
    expect(await count(`stat=settled_late&${m}`)).toBe(d.month.figures.settled.late);
    expect(await count(`stat=in_progress_within&${m}`)).toBe(d.month.figures.inProgress.withinTime);
    expect(await count(`stat=carried_over&from=${d.today.period.from}&to=${d.today.period.to}`)).toBe(d.today.figures.received.carriedOver);
    const atRisk = await get('giamdoc', '/api/v1/dossiers?stat=at_risk');
    expect(atRisk.items.map((x: { code: string }) => x.code)).toEqual([h.codes.R]);
    // The list's timing tags agree: P is overdue by the legal clock.
    const overdue = await get('giamdoc', '/api/v1/dossiers?stat=overdue');
    expect(overdue.items.map((x: { timing: string }) => x.timing)).toEqual(['overdue', 'overdue']);
  });
});

describe('scopes', () => {
  it("a department head's dashboard is their department's", async () => {
    const d = await get('ld.dd', '/api/v1/dashboard');
    expect(d.department.name).toMatch(/Đăng ký đất đai/);
    expect(d.month.figures.received.total).toBe(0);
    expect(d).toMatchObject({ overdue: 0, atRisk: 0, queue: null, byDepartment: [], mostOverdue: [] });
    const tp = await get('ld.tp', '/api/v1/dashboard?center=000.00.16.H57');
    expect(tp).toMatchObject({ overdue: 2, atRisk: 1 });
  });

  it('another center sees only its own; the province chooses a center or all', async () => {
    const hue = await get('giamdoc.hue', `/api/v1/dashboard?center=${HT}`);
    expect(hue.center.code).not.toBe(HT);
    // O (received 23/02, due 26/02) is the only dossier of Huế.
    expect(hue).toMatchObject({ overdue: 1, atRisk: 0, queue: { waiting: 0 } });
    expect(hue.mostOverdue.map((x: { code: string }) => x.code)).toEqual([h.codes.O]);
    const all = await get('tinh', '/api/v1/dashboard');
    expect(all.center).toBeNull();
    expect(all).toMatchObject({ overdue: 3, atRisk: 1, queue: { waiting: 1 } });
    expect(all.mostOverdue.map((x: { code: string }) => x.code)).toEqual([h.codes.C, h.codes.O, h.codes.P]);
    const ht = await get('tinh', `/api/v1/dashboard?center=${HT}`);
    expect(ht).toMatchObject({ overdue: 2, atRisk: 1 });
  });

  it.each(['cv.tp', 'tn.tp', 'thuphi'])('%s has no dashboard figures', async (user) => {
    expect((await as(user, 'GET', '/api/v1/dashboard')).statusCode).toBe(403);
  });

  it('an unknown center is a 404 for the province', async () => {
    const r = await as('tinh', 'GET', '/api/v1/dashboard?center=khong-co');
    expect(r.statusCode).toBe(404);
    expect(r.json().detail).toContain('Không tìm thấy');
  });
});

describe('over Tết', () => {
  it('Friday 13/02 17:00: G, due Tue 24/02, is not at risk — the Tết week is off; Monday 23/02 17:00 it is', async () => {
    // Open then: C (overdue since 23/01), E (paused before its due date), G. On the 23rd also K and P (due 26/02).
    expect(h.snapshots['2026-02-13 17:00']).toMatchObject({ overdue: 1, atRisk: 0 });
    expect(h.snapshots['2026-02-13 17:00'].mostOverdue.map((x) => x.code)).toEqual([h.codes.C]);
    expect(h.snapshots['2026-02-23 17:00']).toMatchObject({ overdue: 1, atRisk: 1 });
  });
});
