import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { buildHistory, sessions, type History } from '../support/reports-history';

// Overdue, at risk and untouched, counted by the legal clock (paused time excluded), are the same dossiers wherever
// they are shown: the dashboards (director, department head, the control table), the dossier list (its `stat`
// filters, its `overdue` filter and each row's tags) and the department's inbox. The known history of
// test/support/reports-history.ts, looked at on Tue 10/03, Wed 11/03 and Thu 12/03/2026; hand-counted first.

let t: TestApp;
let h: History;
let as: ReturnType<typeof sessions>;
const clock = new ManualClock(new Date('2026-01-26T08:00:00+07:00'));
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));

beforeAll(async () => {
  t = await createTestApp({ clock });
  h = await buildHistory(t);
  as = sessions(t);
}, 180_000);
afterAll(async () => t.close());

const get = async (user: string, url: string) => {
  const r = await as(user, 'GET', url);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
type Item = { code: string; timing: string | null; untouched: boolean };
const codesOf = (items: Item[], pred: (i: Item) => boolean) => items.filter(pred).map((i) => i.code).sort();

/** Every view of the figures, checked against each other and against the hand count (dossier names of the history). */
async function agree(expected: { overdue: string[]; atRisk: string[]; untouched: string[] }) {
  const want = {
    overdue: expected.overdue.map((k) => h.codes[k]).sort(),
    atRisk: expected.atRisk.map((k) => h.codes[k]).sort(),
    untouched: expected.untouched.map((k) => h.codes[k]).sort(),
  };
  // The director: dashboard, the lists behind its numbers, and the tags of every open dossier.
  const dash = await get('giamdoc', '/api/v1/dashboard');
  const open: Item[] = (await get('giamdoc', '/api/v1/dossiers?status=received,in_progress,paused&limit=200')).items;
  const list = async (q: string) => ((await get('giamdoc', `/api/v1/dossiers?${q}&limit=200`)).items as Item[]).map((i) => i.code).sort();
  expect({ overdue: codesOf(open, (i) => i.timing === 'overdue'), atRisk: codesOf(open, (i) => i.timing === 'at_risk'), untouched: codesOf(open, (i) => i.untouched) }).toEqual(want);
  expect({ overdue: await list('stat=overdue'), atRisk: await list('stat=at_risk'), untouched: await list('stat=untouched') }).toEqual(want);
  expect(await list('overdue=1')).toEqual(want.overdue);
  expect({ overdue: dash.overdue, atRisk: dash.atRisk, untouched: dash.untouched }).toEqual({ overdue: want.overdue.length, atRisk: want.atRisk.length, untouched: want.untouched.length });
  // The control table adds up to the totals.
  const sum = (k: 'overdue' | 'atRisk' | 'untouched') => dash.control.reduce((s: number, r: Record<string, number>) => s + r[k], 0);
  expect({ overdue: sum('overdue'), atRisk: sum('atRisk'), untouched: sum('untouched') }).toEqual({ overdue: dash.overdue, atRisk: dash.atRisk, untouched: dash.untouched });
  // The justice department (every dossier of the history is its): its head's dashboard, inbox and the control row.
  const head = await get('ld.tp', '/api/v1/dashboard');
  const inbox: Item[] = (await get('ld.tp', '/api/v1/dossiers?inbox=1&limit=200')).items;
  const box = async (q: string) => ((await get('ld.tp', `/api/v1/dossiers?inbox=1&${q}&limit=200`)).items as Item[]).map((i) => i.code).sort();
  expect({ overdue: codesOf(inbox, (i) => i.timing === 'overdue'), atRisk: codesOf(inbox, (i) => i.timing === 'at_risk'), untouched: codesOf(inbox, (i) => i.untouched) }).toEqual(want);
  expect({ overdue: await box('overdue=1'), atRisk: await box('stat=at_risk'), untouched: await box('stat=untouched') }).toEqual(want);
  expect({ overdue: head.overdue, atRisk: head.atRisk, untouched: head.untouched }).toEqual({ overdue: want.overdue.length, atRisk: want.atRisk.length, untouched: want.untouched.length });
  const row = dash.control.find((r: { name: string }) => r.name === 'Phòng Tư pháp');
  expect({ overdue: row.overdue, atRisk: row.atRisk, untouched: row.untouched }).toEqual({ overdue: head.overdue, atRisk: head.atRisk, untouched: head.untouched });
}

describe('the inbox, the list and the dashboard agree', () => {
  it('Tue 10/03 10:00: C and P overdue (P by its resumed due date), R at risk, all four open ones untouched', async () => {
    // C was claimed on 10/02, P came back from the applicant on 05/03, R arrived on 05/03 and Q on Mon 09/03 09:00.
    await agree({ overdue: ['C', 'P'], atRisk: ['R'], untouched: ['C', 'P', 'R', 'Q'] });
  });

  it('Wed 11/03 17:00: R overdue since yesterday 17:00, Q at risk (due tomorrow 17:00); Q claimed at 16:00', async () => {
    at('2026-03-11 16:00');
    expect((await as('cv.tp', 'POST', `/api/v1/dossiers/${encodeURIComponent(h.codes.Q)}/assign`, {})).statusCode).toBe(200);
    at('2026-03-11 17:00');
    await agree({ overdue: ['C', 'P', 'R'], atRisk: ['Q'], untouched: ['C', 'P', 'R'] });
  });

  it('Thu 12/03 17:01: everything open is overdue; P paused again is still overdue (paused after its due date) but not untouched', async () => {
    at('2026-03-12 09:00');
    const p = await as('cv.tp', 'POST', `/api/v1/dossiers/${encodeURIComponent(h.codes.P)}/request-supplement-by-department`,
      { reason: 'Cần bổ sung lần hai', missing: ['Giấy ủy quyền có công chứng'], apology: 'Xin lỗi vì phải yêu cầu bổ sung lần thứ hai' });
    expect(p.statusCode, p.body).toBe(200);
    at('2026-03-12 17:01');
    await agree({ overdue: ['C', 'P', 'R', 'Q'], atRisk: [], untouched: ['C', 'R', 'Q'] });
  });
});
