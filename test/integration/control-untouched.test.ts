import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant } from '../support/dossiers';
import { sessions } from '../support/reports-history';

// Quy chế 12.2 — a dossier the department holds must be updated at least at the end of every morning and afternoon:
// flagged once more than half a working day of office hours (4 h) passed since the department last touched it. The
// list's tag (the domain rule), the `?stat=untouched` list and the dashboards' counts (the SQL rule) must agree to the
// minute: across lunch, a weekend and the days off of 30/04–01/05/2026.

const clock = new ManualClock(new Date('2026-03-10T10:00:00+07:00'));
let t: TestApp;
let as: ReturnType<typeof sessions>;
const codes: Record<string, string> = {};
let n = 0;
const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
const url = (code: string, tail = '') => `/api/v1/dossiers/${encodeURIComponent(code)}${tail}`;
const get = async (user: string, path: string) => {
  const r = await as(user, 'GET', path);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const ok = async (user: string, code: string, action: string, body: object = {}) => {
  const r = await as(user, 'POST', url(code, `/${action}`), body);
  expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
};
/** Received and transferred to the justice department now. */
const transferred = async (key: string) => {
  const r = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(++n), channel: 'direct', receive: true });
  expect(r.statusCode, r.body).toBe(201);
  codes[key] = r.json().code;
  await ok('tn.tp', codes[key], 'transfer');
};

/** Every way of seeing the flag now; all must name the same dossiers. */
async function expectUntouched(...keys: string[]) {
  const want = keys.map((k) => codes[k]).sort();
  const open = await get('giamdoc', '/api/v1/dossiers?status=in_progress,paused&limit=200');
  expect(open.items.filter((d: { untouched: boolean }) => d.untouched).map((d: { code: string }) => d.code).sort(), 'list tags').toEqual(want);
  for (const d of open.items) expect((await get('giamdoc', url(d.code))).untouched, `detail of ${d.code}`).toBe(want.includes(d.code));
  const stat = await get('giamdoc', '/api/v1/dossiers?stat=untouched&limit=200');
  expect(stat.items.map((d: { code: string }) => d.code).sort(), 'stat=untouched').toEqual(want);
  expect(stat.total).toBe(want.length);
  const inbox = await get('ld.tp', '/api/v1/dossiers?inbox=1&stat=untouched&limit=200');
  expect(inbox.items.map((d: { code: string }) => d.code).sort(), 'inbox').toEqual(want);
  const director = await get('giamdoc', '/api/v1/dashboard');
  expect(director.untouched, 'director dashboard').toBe(want.length);
  expect(director.control.find((r: { name: string }) => r.name === 'Phòng Tư pháp')?.untouched ?? 0, 'control row').toBe(want.length);
  expect((await get('ld.tp', '/api/v1/dashboard')).untouched, 'department dashboard').toBe(want.length);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  as = sessions(t);
  await transferred('X'); // Tue 10/03 10:00
}, 60_000);
afterAll(async () => t.close());

describe('untouched for more than half a working day', () => {
  it('across lunch: transferred 10:00, flagged from 16:01 (1 h 30 of the morning + 2 h 30 of the afternoon)', async () => {
    at('2026-03-10 14:29');
    await expectUntouched();
    at('2026-03-10 16:00');
    await expectUntouched();
    at('2026-03-10 16:01');
    await expectUntouched('X');
  });

  it('any event of the department\'s staff is an update; the director\'s urge is not', async () => {
    at('2026-03-10 16:05');
    await ok('cv.tp', codes.X, 'assign');
    await expectUntouched();
    at('2026-03-11 09:00');
    const u = await as('giamdoc', 'POST', url(codes.X, '/urge'), { note: 'Báo cáo tiến độ' });
    expect(u.statusCode, u.body).toBe(201);
    // 55 minutes on Tuesday + 3 h 05 on Wednesday morning.
    at('2026-03-11 10:05');
    await expectUntouched();
    at('2026-03-11 10:06');
    await expectUntouched('X');
  });

  it('a dossier waiting for the applicant is not the department\'s to update', async () => {
    at('2026-03-11 10:10');
    await ok('cv.tp', codes.X, 'request-supplement-by-department', { reason: 'Thiếu giấy tờ', missing: ['Tờ khai'] });
    at('2026-03-12 16:00');
    await expectUntouched();
    // The applicant brings it Thu 12/03 16:00: back with the department, the wait starts again (1 h + 3 h).
    await ok('tn.tp', codes.X, 'supplement');
    at('2026-03-13 10:00');
    await expectUntouched();
    at('2026-03-13 10:01');
    await expectUntouched('X');
    await ok('ld.tp', codes.X, 'reject', { reason: 'Không đủ điều kiện' });
    await expectUntouched();
  });

  it('across a weekend: transferred Friday 15:00, flagged from Monday 09:01', async () => {
    at('2026-03-13 15:00');
    await transferred('Y');
    at('2026-03-14 10:00'); // Saturday-morning reception is not working time
    await expectUntouched();
    at('2026-03-16 09:00');
    await expectUntouched();
    at('2026-03-16 09:01');
    await expectUntouched('Y');
    await ok('ld.tp', codes.Y, 'assign'); // the head takes it himself
    await expectUntouched();
  });

  it('across the days off of 30/04 and 01/05/2026: transferred Wednesday 29/04 15:00, flagged from Monday 04/05 09:01', async () => {
    at('2026-04-29 15:00');
    await ok('ld.tp', codes.Y, 'reject', { reason: 'Không đủ điều kiện' });
    await transferred('Z');
    at('2026-05-01 16:00');
    await expectUntouched();
    at('2026-05-04 09:00');
    await expectUntouched();
    at('2026-05-04 09:01');
    await expectUntouched('Z');
  });
});
