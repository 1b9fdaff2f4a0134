import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { many } from '../../src/platform/db';
import { boundsOf, classifyInPeriod, countInto, openFactsAt, zeroCounts, type Counts, type Period } from '../../src/modules/reports/domain';
import { settlementCounts } from '../../src/modules/reports/settlement-query';
import { createTestApp, type TestApp } from '../support/app';
import { flat, flatText, pdfInfo, pdfText } from '../support/forms/pdf';
import { buildHistory, HT, sessions, type History } from '../support/reports-history';

// Every figure of the settlement report counted by hand from the history in test/support/reports-history.ts
// (read there what happens to each dossier A … R), and checked three ways: the API, the dossier list each figure
// opens (?stat=…), and the reports domain applied dossier by dossier.

let t: TestApp;
let h: History;
let as: ReturnType<typeof sessions>;
const FEB = 'from=2026-02-01&to=2026-02-28';

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
const fig = (carriedOver: number, online: number, direct: number, s: [number, number, number, number, number], p: [number, number], refused = 0) => ({
  received: { total: carriedOver + online + direct, online, direct, carriedOver },
  settled: { total: s[0] + s[1] + s[2] + s[3], early: s[0], onTime: s[1], late: s[2], withdrawn: s[3], rejected: s[4] },
  inProgress: { total: p[0] + p[1], withinTime: p[0], overdue: p[1] },
  refused,
});

describe('February 2026 at Hương Thủy, by field', () => {
  it('counts every column by hand, and every row reconciles', async () => {
    const r = await get('giamdoc', `/api/v1/reports/settlement?${FEB}&groupBy=field`);
    expect(r).toMatchObject({ from: '2026-02-01', to: '2026-02-28', asOf: '2026-02-28T17:00:00.000Z', groupBy: 'field', center: { code: HT } });
    // Tư pháp: carried over B, C; online G, L; direct (with the postal D) D, E, F, H, J, K, P.
    // Settled: J early (not eligible); D, E (supplement time excluded), G (due over Tết) on time; B and F (second
    // supplement request) late; H withdrawn. In progress at the end: L, P (paused before its due date) within time;
    // C and K (extended, past its original date) overdue. I was refused at the counter.
    expect(r.rows).toEqual([
      expect.objectContaining({ key: 'TP', ...fig(2, 2, 7, [1, 3, 2, 1, 1], [2, 2], 1), onTimeRate: 4 / 6 }),
      expect.objectContaining({ key: 'TC', ...fig(0, 0, 1, [1, 0, 0, 0, 0], [0, 0]), onTimeRate: 1 }), // N, inter-agency, once
      expect.objectContaining({ key: 'DD', ...fig(0, 0, 1, [1, 0, 0, 0, 0], [0, 0]), onTimeRate: 1 }), // M
    ]);
    expect(r.total).toEqual({ ...fig(2, 2, 9, [3, 3, 2, 1, 1], [2, 2], 1), onTimeRate: 0.75 });
    for (const row of [...r.rows, r.total]) expect(row.received.total).toBe(row.settled.total + row.inProgress.total);
  });

  it('January hands over to February what it left in progress', async () => {
    const jan = await get('giamdoc', '/api/v1/reports/settlement?from=2026-01-01&to=2026-01-31');
    // A settled early; B (online, due 30/01) and C (back-entered, received 20/01) overdue at the end of January.
    expect(jan.total).toMatchObject(fig(0, 1, 2, [1, 0, 0, 0, 0], [0, 2]));
    const feb = await get('giamdoc', `/api/v1/reports/settlement?${FEB}`);
    expect(feb.total.received.carriedOver).toBe(jan.total.inProgress.total);
  });

  it('by department: the same dossiers under the department that handles them', async () => {
    const r = await get('giamdoc', `/api/v1/reports/settlement?${FEB}&groupBy=department`);
    const deps = await many<{ id: string; code: string }>(t.db, `SELECT d.id, d.code FROM departments d JOIN centers c ON c.id = d.center_id WHERE c.code = $1`, [HT]);
    const id = (code: string) => deps.find((d) => d.code === code)!.id;
    expect(r.rows.map((x: { key: string }) => x.key)).toEqual([id('DD'), id('TC'), id('TP')]);
    expect(r.rows.find((x: { key: string }) => x.key === id('TP'))).toMatchObject(fig(2, 2, 7, [1, 3, 2, 1, 1], [2, 2], 1));
    expect(r.total).toMatchObject(fig(2, 2, 9, [3, 3, 2, 1, 1], [2, 2], 1));
  });

  it('this month so far: the figures as of now (Tue 10/03 10:00)', async () => {
    const r = await get('giamdoc', '/api/v1/reports/settlement?from=2026-03-01&to=2026-03-31');
    // Carried over C, K, L, P; new R (direct), Q (online). K late (extended, resolved before the new date), L on time.
    // In progress now: R, Q within time; C, P (resumed Thu 05/03, due Fri 06/03 16:00) overdue.
    expect(r.asOf).toBe('2026-03-10T03:00:00.000Z');
    expect(r.total).toMatchObject(fig(4, 1, 1, [0, 1, 1, 0, 0], [2, 2]));
  });
});

describe('every figure opens the list it counts', () => {
  const stats: [string, (f: ReturnType<typeof fig>) => number][] = [
    ['received', (f) => f.received.total], ['carried_over', (f) => f.received.carriedOver], ['received_online', (f) => f.received.online],
    ['received_direct', (f) => f.received.direct], ['settled', (f) => f.settled.total], ['settled_early', (f) => f.settled.early],
    ['settled_on_time', (f) => f.settled.onTime], ['settled_late', (f) => f.settled.late], ['settled_withdrawn', (f) => f.settled.withdrawn],
    ['settled_rejected', (f) => f.settled.rejected], ['in_progress', (f) => f.inProgress.total], ['in_progress_within', (f) => f.inProgress.withinTime],
    ['in_progress_overdue', (f) => f.inProgress.overdue], ['refused', (f) => f.refused],
  ];
  it.each([
    ['February', FEB],
    ['January', 'from=2026-01-01&to=2026-01-31'],
    ['March so far', 'from=2026-03-01&to=2026-03-31'],
  ])('%s: the list of each figure has exactly that many dossiers, total and per field', async (_name, period) => {
    const r = await get('giamdoc', `/api/v1/reports/settlement?${period}`);
    for (const [stat, value] of stats) {
      const list = await get('giamdoc', `/api/v1/dossiers?stat=${stat}&${period}&limit=100`);
      expect(list.total, stat).toBe(value(r.total));
      for (const row of r.rows) {
        const byField = await get('giamdoc', `/api/v1/dossiers?stat=${stat}&${period}&field=${row.key}&limit=100`);
        expect(byField.total, `${stat} ${row.key}`).toBe(value(row));
      }
    }
  });

  it('the February lists name the dossiers of the hand count', async () => {
    const codes = async (stat: string) => (await get('giamdoc', `/api/v1/dossiers?stat=${stat}&${FEB}&limit=100`)).items.map((d: { code: string }) => d.code).sort();
    const c = h.codes;
    expect(await codes('carried_over')).toEqual([c.B, c.C].sort());
    expect(await codes('settled_late')).toEqual([c.B, c.F].sort());
    expect(await codes('settled_on_time')).toEqual([c.D, c.E, c.G].sort());
    expect(await codes('in_progress_overdue')).toEqual([c.C, c.K].sort());
    expect(await codes('in_progress_within')).toEqual([c.L, c.P].sort());
    expect(await codes('refused')).toEqual([c.I]);
  });
});

describe('the SQL agrees with the reports domain, dossier by dossier', () => {
  type Row = {
    field_code: string; received_at: Date | null; channel: 'direct' | 'post' | 'online'; ended_at: Date | null; outcome: 'early' | 'on_time' | 'late' | 'withdrawn' | null;
    rejected: boolean; due_at: Date | null; original_due_at: Date | null; paused_at: Date | null; resumptions: { at: string; data: Record<string, string> }[];
  };
  it.each([
    ['January', { from: '2026-01-01', to: '2026-01-31' }],
    ['February', { from: '2026-02-01', to: '2026-02-28' }],
    ['March so far', { from: '2026-03-01', to: '2026-03-31' }],
    ['the Tết fortnight', { from: '2026-02-12', to: '2026-02-24' }],
  ])('%s', async (_name, period: Period) => {
    const now = t.clock.now();
    const rows = await many<Row>(t.db, `SELECT d.field_code, d.received_at, d.channel, d.ended_at, d.outcome, d.rejected, d.due_at, d.original_due_at, d.paused_at,
        (SELECT coalesce(json_agg(json_build_object('at', e.at, 'data', e.data) ORDER BY e.id), '[]') FROM dossier_events e
          WHERE e.dossier_id = d.id AND e.action = 'supplement' AND e.data ->> 'pausedFrom' IS NOT NULL) AS resumptions
      FROM dossiers d JOIN centers c ON c.id = d.center_id WHERE c.code = $1 AND d.received_at IS NOT NULL`, [HT]);
    const cal = (await t.app.deps.calendars.forCenter(HT)).calendar;
    const b = boundsOf(period, now);
    const expected = new Map<string, Counts>();
    for (const r of rows) {
      const open = openFactsAt({ dueAt: r.due_at!, originalDueAt: r.original_due_at, pausedAt: r.paused_at },
        r.resumptions.map((e) => ({ at: new Date(e.at), pausedFrom: new Date(e.data.pausedFrom), previousLegalDueAt: new Date(e.data.previousLegalDueAt ?? e.data.previousDueAt) })), b.asOf);
      const k = classifyInPeriod(cal, { receivedAt: r.received_at, channel: r.channel, endedAt: r.ended_at, outcome: r.outcome, rejected: r.rejected, open }, b);
      if (!k) continue;
      const c = expected.get(r.field_code) ?? zeroCounts();
      countInto(c, k);
      expected.set(r.field_code, c);
    }
    const scope = { centerIds: [(await t.app.deps.calendars.forCenter(HT)).center!.id], departmentId: null, center: null, department: null };
    const actual = await settlementCounts(t.db, scope, period, 'field', now);
    for (const c of actual.values()) c.refused = 0; // refusals are not dossiers the domain classifies
    for (const [k, c] of [...actual]) if (Object.values(c).every((v) => v === 0)) actual.delete(k);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
    expect(expected.size).toBeGreaterThan(0);
  });
});

describe('scopes', () => {
  it('a department head sees their department only, whatever center they name', async () => {
    const tp = await get('ld.tp', `/api/v1/reports/settlement?${FEB}&center=000.00.16.H57`);
    expect(tp.center.code).toBe(HT);
    expect(tp.department.name).toMatch(/Tư pháp/);
    // The refusal never reached the department; everything else of Tư pháp did.
    expect(tp.rows).toEqual([expect.objectContaining({ key: 'TP', ...fig(2, 2, 7, [1, 3, 2, 1, 1], [2, 2], 0) })]);
    const dd = await get('ld.dd', `/api/v1/reports/settlement?${FEB}`);
    expect(dd.total).toMatchObject(fig(0, 0, 1, [1, 0, 0, 0, 0], [0, 0]));
  });

  it('centers are isolated; the province sees them side by side', async () => {
    const hue = await get('giamdoc.hue', `/api/v1/reports/settlement?${FEB}&center=${HT}`);
    expect(hue.center.code).not.toBe(HT); // a director is held to their own center whatever they ask for
    expect(hue.total).toMatchObject(fig(0, 0, 1, [0, 0, 0, 0, 0], [0, 1])); // O: received 23/02, due 26/02, still open
    const all = await get('tinh', `/api/v1/reports/settlement?${FEB}`);
    expect(all.center).toBeNull();
    expect(all.total).toMatchObject(fig(2, 2, 10, [3, 3, 2, 1, 1], [2, 3], 1));
    const one = await get('tinh', `/api/v1/reports/settlement?${FEB}&center=${HT}`);
    expect(one.total).toMatchObject(fig(2, 2, 9, [3, 3, 2, 1, 1], [2, 2], 1));
  });

  it.each(['cv.tp', 'thuphi', 'tn.tp', 'admin'])('%s may not read the report', async (user) => {
    expect((await as(user, 'GET', `/api/v1/reports/settlement?${FEB}`)).statusCode).toBe(403);
  });

  it.each([
    ['from=2026-02-28&to=2026-02-01', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.'],
    ['from=2026-02-30&to=2026-03-01', 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.'],
    ['from=2026-02-01', null],
    [`${FEB}&groupBy=procedure`, 'groupBy phải là field hoặc department'],
  ])('bad query %s → 400 with a Vietnamese reason', async (q, detail) => {
    const r = await as('giamdoc', 'GET', `/api/v1/reports/settlement?${q}`);
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    if (detail) expect(r.json().detail).toContain(detail);
  });
});

describe('the official form as Excel and PDF', () => {
  it('the Excel file carries the same figures under the form headers', async () => {
    const r = await as('giamdoc', 'GET', `/api/v1/reports/settlement.xlsx?${FEB}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const text = rows.flat().filter((v) => typeof v === 'string').join(' | ');
    expect(text).toContain('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text).toContain('TRUNG TÂM HÀNH CHÍNH CÔNG THỊ XÃ HƯƠNG THỦY');
    expect(text).toContain('Kỳ báo cáo: từ ngày 01/02/2026 đến ngày 28/02/2026');
    for (const g of ['Số hồ sơ nhận giải quyết', 'Kết quả giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết', 'Số kỳ trước chuyển qua', 'Trả quá hạn']) expect(text).toContain(g);
    const total = rows.find((x) => x[1] === 'Tổng cộng')!;
    expect(total.slice(2, 14)).toEqual([13, 2, 2, 9, 9, 3, 3, 2, 1, 4, 2, 2]);
    expect(total[14]).toBe('Không đủ điều kiện: 1; Từ chối tiếp nhận: 1');
    const tp = rows.find((x) => x[1] === 'Hộ tịch, chứng thực, bồi thường nhà nước, phổ biến giáo dục pháp luật' || (typeof x[1] === 'string' && x[1].startsWith('Tư pháp')));
    expect(tp?.slice(2, 14)).toEqual([11, 2, 2, 7, 7, 1, 3, 2, 1, 4, 2, 2]);
  });

  it('the PDF is the form on A4 landscape, in Vietnamese, with the signature block', async () => {
    const r = await as('giamdoc', 'GET', `/api/v1/reports/settlement.pdf?${FEB}`);
    expect(r.statusCode).toBe(200);
    const pdf = r.rawPayload;
    if (process.env.REPORTS_PDF_OUT) (await import('node:fs')).writeFileSync(process.env.REPORTS_PDF_OUT, pdf);
    const info = pdfInfo(pdf);
    expect(info.width).toBeGreaterThan(info.height);
    expect(info.pages).toBe(1);
    const text = flat(pdfText(pdf));
    for (const s of ['UBND THỊ XÃ HƯƠNG THỦY', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Kỳ báo cáo: từ ngày 01/02/2026 đến ngày 28/02/2026', 'Hương Thủy, ngày 10 tháng 3 năm 2026', 'Số hồ sơ nhận giải quyết', 'Kết quả giải quyết',
      'NGƯỜI LẬP BIỂU', 'GIÁM ĐỐC', '(1) = (2) + (3) + (4) = (5) + (10)', 'Tổng cộng 13 2 2 9 9 3 3 2 1 4 2 2',
      '1 Tư pháp (hộ tịch, chứng thực, 11 2 2 7 7 1 3 2 1 4 2 2']) {
      expect(text).toContain(s);
    }
    // The column heads wrap in their cells: read them in drawing order.
    const raw = flatText(pdf);
    for (const s of ['Số kỳ trước chuyển qua', 'Mới tiếp nhận trực tuyến', 'Trả trước hạn', 'Trả quá hạn', 'Rút hồ sơ, dừng giải quyết', 'Chưa đến hạn (trong hạn)',
      'Không đủ điều kiện: 1; Từ chối tiếp nhận: 1']) {
      expect(raw).toContain(s);
    }
  });
});
