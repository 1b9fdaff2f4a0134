import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { sessions } from '../support/reports-history';

// The late-dossier report for the week of Mon 02 – Fri 06/03/2026 at Hương Thủy, asked on Tue 10/03, counted by hand.
// Procedure 2.000748 (justice, 3 working days = 24 h): steps 3 h (reception), 14.5 h (specialist), 3.5 h (head),
// 3 h (result back). Procedure 1.001612 (household business, with the tax office): 3 h, 8.75 h, 5.75 h (tax office),
// 3.5 h, 3 h. All received Mon 02/03 09:00, legal due Thu 05/03 17:00 (unless paused).
//   L1 (TP) transferred 11:00 (2 h); the specialist Mon 11:00 → Thu 10:00 = 23 h (8.5 h = 510 min over); the head
//      Thu 10:00 → 15:00 = 3 h; back Thu 15:00 → Fri 16:00 = 9 h (6 h = 360 min over). Resolved Fri 16:00: 7 h late.
//   L2 (TC) the tax office Mon 15:00 → Fri 10:00 = 2 + 8 + 8 + 8 + 3 = 29 h (23.25 h = 1395 min over); resolved Fri
//      14:00: 5 h late.
//   L3 (TP) a supplement at the counter, then a second one by the department (2 h paused): late by rule, resolved
//      Tue 03/03 with every step within its budget.
//   L4 (TP) transferred 09:30, nobody claims it before the week ends: the specialist's step runs Mon 09:30 → Fri 17:00
//      = 37.5 h (23 h = 1380 min over); overdue by Friday's 8 h. Claimed on Mon 09/03 (after the week: not counted).

const clock = new ManualClock(new Date('2026-03-02T08:00:00+07:00'));
let t: TestApp;
let as: ReturnType<typeof sessions>;
const c: Record<string, string> = {};
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const url = (code: string, tail = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${tail}`;
const ok = async (user: string, key: string, action: string, body: object = {}) => {
  const r = await as(user, 'POST', url(c[key], `/${action}`), body);
  expect(r.statusCode, `${key} ${action}: ${r.body}`).toBe(200);
  return r.json();
};
const register = async (key: string, user: string, procedure: string, receive: boolean, n: number) => {
  const r = await as(user, 'POST', '/api/v1/dossiers', { procedure, applicant: applicant(n), channel: 'direct', receive });
  expect(r.statusCode, r.body).toBe(201);
  c[key] = r.json().code;
};
const name = async (u: string) => (await t.db.query<{ full_name: string }>('SELECT full_name FROM users WHERE username = $1', [u])).rows[0].full_name;
const get = async (user: string, path: string) => {
  const r = await as(user, 'GET', path);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const WEEK = 'from=2026-03-01&to=2026-03-06';

beforeAll(async () => {
  t = await createTestApp({ clock });
  as = sessions(t);
  await register('L3', 'tn.tp', '2.000748', false, 3);
  await ok('tn.tp', 'L3', 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] });
  at('2026-03-02 08:30');
  await ok('tn.tp', 'L3', 'supplement');
  at('2026-03-02 09:00');
  await register('L1', 'tn.tp', '2.000748', true, 1);
  await register('L2', 'tn.tc', '1.001612', true, 2);
  await ok('tn.tp', 'L3', 'receive');
  await register('L4', 'tn.tp', '2.000748', true, 4);
  at('2026-03-02 09:30');
  await ok('tn.tp', 'L3', 'transfer');
  await ok('tn.tp', 'L4', 'transfer');
  at('2026-03-02 10:00');
  await ok('tn.tc', 'L2', 'transfer');
  await ok('cv.tp', 'L3', 'request-supplement-by-department', { reason: 'Cần bổ sung', missing: ['Tờ khai có chữ ký'], apology: 'Xin lỗi vì phải yêu cầu bổ sung lần thứ hai' });
  at('2026-03-02 11:00');
  await ok('tn.tp', 'L1', 'transfer');
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
  at('2026-03-05 10:00');
  await ok('cv.tp', 'L1', 'complete-step');
  at('2026-03-05 15:00');
  await ok('ld.tp', 'L1', 'complete-step');
  at('2026-03-06 10:00');
  await ok('ld.tc', 'L2', 'complete-step'); // the tax office's answer recorded by the head
  at('2026-03-06 11:00');
  await ok('ld.tc', 'L2', 'complete-step');
  at('2026-03-06 14:00');
  await ok('cv.tc', 'L2', 'resolve', { resultSummary: 'Đã cấp giấy chứng nhận' });
  at('2026-03-06 16:00');
  await ok('cv.tp', 'L1', 'resolve', { resultSummary: 'Đã cải chính' });
  at('2026-03-09 09:00');
  await ok('cv.tp', 'L4', 'assign');
  at('2026-03-10 12:00');
}, 90_000);
afterAll(async () => t.close());

describe('the budgets the report measures against', () => {
  it('come from the procedures\' workflows, as the hand count assumes', async () => {
    const hours = async (key: string) => (await get('giamdoc', url(c[key]))).workflow.map((s: { budget: { value: number } }) => s.budget.value);
    expect(await hours('L1')).toEqual([3, 14.5, 3.5, 3]);
    expect(await hours('L2')).toEqual([3, 8.75, 5.75, 3.5, 3]);
  });
});

describe('GET /reports/late', () => {
  it('by unit: the justice department (its specialist named), the tax office, and the dossier late by rule', async () => {
    const r = await get('giamdoc', `/api/v1/reports/late?${WEEK}&groupBy=unit`);
    expect(r).toMatchObject({ from: '2026-03-01', to: '2026-03-06', asOf: '2026-03-06T17:00:00.000Z', groupBy: 'unit', workingDayMinutes: 480 });
    expect(r.total).toEqual({ dossiers: 4, settledLate: 3, overdue: 1, overMinutes: 510 + 360 + 1395 + 1380, lateMinutes: 420 + 300 + 0 + 480 });
    expect(r.rows.map((g: { name: string; kind: string; dossiers: number; overruns: number; overMinutes: number }) => [g.name, g.kind, g.dossiers, g.overruns, g.overMinutes])).toEqual([
      ['Phòng Tư pháp', 'department', 2, 3, 510 + 360 + 1380],
      ['Chi cục Thuế (thông tin đăng ký thuế)', 'inter_agency', 1, 1, 1395],
      [expect.stringContaining('Không bước nào vượt định mức'), 'none', 1, 0, 0],
    ]);
    // L4's step had nobody: the department answers for it, no person does.
    expect(r.rows[0].people).toEqual([{ id: expect.any(String), name: await name('cv.tp'), dossiers: 1, overMinutes: 870 }]);
  });

  it('by reason', async () => {
    const r = await get('giamdoc', `/api/v1/reports/late?${WEEK}&groupBy=reason`);
    expect(r.rows.map((g: { key: string; dossiers: number; overMinutes: number }) => [g.key, g.dossiers, g.overMinutes])).toEqual([
      ['processing', 2, 510 + 1380],
      ['inter_agency', 1, 1395],
      ['result_return', 1, 360],
      ['supplement', 1, 0],
    ]);
  });

  it('each dossier with its overrunning steps, who held them and by how much', async () => {
    const r = await get('giamdoc', `/api/v1/reports/late?${WEEK}`);
    const by = Object.fromEntries(r.items.map((i: { code: string }) => [i.code, i]));
    expect(by[c.L1]).toMatchObject({ state: 'settled_late', legalDueAt: '2026-03-05T10:00:00.000Z', endedAt: '2026-03-06T09:00:00.000Z', lateMinutes: 420 });
    expect(by[c.L1].overruns.map((o: { index: number; person: { name: string } | null; budgetMinutes: number; usedMinutes: number; overMinutes: number }) =>
      [o.index, o.person?.name ?? null, o.budgetMinutes, o.usedMinutes, o.overMinutes])).toEqual([[1, await name('cv.tp'), 870, 1380, 510], [3, await name('cv.tp'), 180, 540, 360]]);
    expect(by[c.L2].overruns).toEqual([expect.objectContaining({ index: 2, person: null, budgetMinutes: 345, usedMinutes: 1740, overMinutes: 1395, unit: expect.objectContaining({ kind: 'inter_agency' }) })]);
    expect(by[c.L2].lateMinutes).toBe(300);
    expect(by[c.L3]).toMatchObject({ state: 'settled_late', lateMinutes: 0, overruns: [], reasons: [{ key: 'supplement', name: 'Yêu cầu bổ sung hồ sơ từ lần thứ hai (tính trễ hạn)' }] });
    expect(by[c.L4]).toMatchObject({ state: 'overdue', endedAt: null, lateMinutes: 480, overruns: [expect.objectContaining({ index: 1, person: null, usedMinutes: 2250, overMinutes: 1380 })] });
  });

  it('reconciles with the settlement report of the same week: settled late + in progress overdue', async () => {
    const s = await get('giamdoc', `/api/v1/reports/settlement?${WEEK}`);
    const l = await get('giamdoc', `/api/v1/reports/late?${WEEK}`);
    expect([s.total.settled.late, s.total.inProgress.overdue]).toEqual([l.total.settledLate, l.total.overdue]);
  });

  it('a department head sees their department only; a clerk may not; another center sees its own (none)', async () => {
    const head = await get('ld.tp', `/api/v1/reports/late?${WEEK}`);
    expect(head.items.map((i: { code: string }) => i.code).sort()).toEqual([c.L1, c.L3, c.L4].sort());
    expect(head.department.name).toBe('Phòng Tư pháp');
    expect((await as('tn.tp', 'GET', `/api/v1/reports/late?${WEEK}`)).statusCode).toBe(403);
    expect((await get('giamdoc.hue', `/api/v1/reports/late?${WEEK}`)).total.dossiers).toBe(0);
    const bad = await as('giamdoc', 'GET', '/api/v1/reports/late?from=2026-03-06&to=2026-03-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  });

  it('as an Excel workbook: the groups with their people, and every dossier', async () => {
    const r = await as('giamdoc', 'GET', `/api/v1/reports/late.xlsx?${WEEK}&groupBy=unit`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('ho-so-tre-han-2026-03-01-2026-03-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const groups = wb.getWorksheet('Theo đơn vị')!;
    const rows = groups.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows[0][0]).toBe('HỒ SƠ TRỄ HẠN THEO ĐƠN VỊ');
    expect(rows).toContainEqual([1, 'Phòng Tư pháp', 2, 3, 37.5, '']);
    expect(rows).toContainEqual(['', `    ${await name('cv.tp')}`, 1, '', 14.5, '']);
    const list = wb.getWorksheet('Danh sách hồ sơ')!;
    const codes = list.getColumn(1).values.filter((v): v is string => typeof v === 'string' && v.startsWith('000.'));
    expect(codes.sort()).toEqual(Object.values(c).sort());
  });
});
