import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { trackChanges, type ChangeTracker } from '../support/db-changes';
import { applicant, register } from '../support/dossiers';

// Issue 12, finding 5: the known malformed inputs that answered 500 (and one that left an orphan applicant row).
// Each must get a clear 4xx problem+json in Vietnamese and change nothing in the database.
let t: TestApp;
let changes: ChangeTracker;
const cookies: Record<string, string> = {};
let code: string;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-10T02:00:00Z') });
  for (const u of ['tn.tp', 'admin', 'giamdoc', 'thuphi', 'cv.tp']) cookies[u] = await t.login(u);
  code = (await register(t, cookies['tn.tp'])).code;
  changes = await trackChanges(t);
});
afterAll(async () => t.close());

type Case = { name: string; as?: string; method?: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string | (() => string); json?: string; body?: string; contentType?: string };

// JSON bodies are written by hand: JSON.stringify cannot be trusted to keep a lone surrogate as an escape.
const reg = (fields: string) => `{"procedure":"2.000748","channel":"direct",${fields}}`;
const person = (extra = '') => `"applicant":{"fullName":"Nguyễn Văn An","idNumber":"046080000777","phone":"0905000111"${extra}}`;
const org = (extra = '') => `"applicant":{"kind":"organization","fullName":"Trần Văn Bình","orgName":"Công ty TNHH Hoa Sen"${extra}}`;

const CASES: Case[] = [
  { name: 'NUL in a path parameter (public look-up)', url: '/api/v1/public/dossiers/abc%00def' },
  { name: 'NUL in a path parameter (dossier)', as: 'tn.tp', url: '/api/v1/dossiers/abc%00def' },
  { name: 'NUL in a path parameter (procedure)', url: '/api/v1/procedures/1.00%0012' },
  { name: 'NUL in ?center= (kiosk)', url: '/api/v1/queue/kiosk?center=%00' },
  { name: 'NUL in ?center= (board)', url: '/api/v1/queue/board?center=%00' },
  { name: 'NUL in ?center= (calendar)', url: '/api/v1/calendar/days?year=2026&center=%00' },
  { name: 'NUL in a search', as: 'tn.tp', url: '/api/v1/dossiers?q=a%00b' },
  { name: 'lone surrogate in the applicant name (jsonb snapshot)', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(person().replace('Nguyễn Văn An', 'An \\ud800')) },
  { name: 'lone low surrogate in the note', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(`${person()},"note":"x\\udc00y"`) },
  { name: 'NUL in the note', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(`${person()},"note":"a\\u0000b"`) },
  { name: 'keyless organization with a surrogate in the note (the orphan applicant)', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(`${org()},"note":"\\ud83d"`) },
  { name: 'impossible date of birth 2026-02-31', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(person(',"dateOfBirth":"2026-02-31"')) },
  { name: 'impossible date of birth 2026-13-45', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(person(',"dateOfBirth":"2026-13-45"')) },
  { name: 'keyless organization with an impossible date of birth', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(org(',"dateOfBirth":"1990-02-30"')) },
  { name: 'back-entry at 2026-02-31', as: 'tn.tp', method: 'POST', url: '/api/v1/dossiers', json: reg(`${person()},"backEntry":{"receivedAt":"2026-02-31T08:00:00+07:00","reason":"Mất điện cả buổi sáng"}`) },
  { name: 'dossier list from 2026-02-31', as: 'tn.tp', url: '/api/v1/dossiers?from=2026-02-31' },
  { name: 'dossier list to 2026-13-45', as: 'tn.tp', url: '/api/v1/dossiers?to=2026-13-45' },
  { name: 'tracking book from 2026-02-31', as: 'tn.tp', url: '/api/v1/dossiers/tracking-book/book.pdf?from=2026-02-31&to=2026-03-01' },
  { name: 'fee report from 2026-13-45', as: 'giamdoc', url: '/api/v1/fees/reports?from=2026-13-45&to=2026-12-31' },
  { name: 'cash book of 2026-02-30', as: 'thuphi', url: '/api/v1/fees/cashbook?date=2026-02-30' },
  { name: 'queue statistics from 2026-02-31', as: 'giamdoc', url: '/api/v1/queue/stats?from=2026-02-31&to=2026-03-01' },
  { name: 'calendar override on 2026-02-31', as: 'admin', method: 'POST', url: '/api/v1/admin/calendar/overrides', json: '{"date":"2026-02-31","kind":"day_off","reason":"Nghỉ bù đặc biệt"}' },
  { name: 'due date from 2026-13-45', url: '/api/v1/calendar/due-date?receivedAt=2026-13-45T08:00:00%2B07:00&unit=working_days&value=3' },
  { name: 'extension to 2026-02-31', as: 'tn.tp', method: 'POST', url: () => `/api/v1/dossiers/${code}/extend`, json: '{"newDueAt":"2026-02-31T08:00:00+07:00","reason":"Chờ kết quả xác minh"}' },
  { name: 'multipart body without a boundary', as: 'tn.tp', method: 'POST', url: () => `/api/v1/dossiers/${code}/files`, body: 'abc', contentType: 'multipart/form-data' },
  { name: 'multipart body with a boundary that never comes', as: 'tn.tp', method: 'POST', url: () => `/api/v1/dossiers/${code}/files`, body: 'garbage', contentType: 'multipart/form-data; boundary=xyz' },
  { name: 'multipart login', method: 'POST', url: '/api/v1/auth/login', body: 'abc', contentType: 'multipart/form-data' },
];

describe('malformed input gets a 4xx problem and changes nothing', () => {
  it.each(CASES)('$name', async (c) => {
    const before = await changes.mark();
    const url = typeof c.url === 'function' ? c.url() : c.url;
    const headers: Record<string, string> = {};
    if (c.as) headers.cookie = cookies[c.as];
    if (c.json !== undefined) headers['content-type'] = 'application/json';
    if (c.contentType) headers['content-type'] = c.contentType;
    const r = await t.app.inject({ method: c.method ?? 'GET', url, headers, ...(c.json !== undefined ? { payload: c.json } : c.body !== undefined ? { payload: c.body } : {}) });
    expect(r.statusCode, r.body).toBeGreaterThanOrEqual(400);
    expect(r.statusCode, r.body).toBeLessThan(500);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(r.json().detail).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(await changes.since(before)).toEqual([]);
  });

  it('a valid registration after all that still works (the checks are not over-eager)', async () => {
    const d = await register(t, cookies['tn.tp'], { applicant: { ...applicant(9), fullName: 'Lê Thị 🌸 Hoa', dateOfBirth: '2000-02-29' }, note: 'Ghi chú có dấu tiếng Việt' });
    expect(d.applicant.fullName).toBe('Lê Thị 🌸 Hoa');
  });

  it('leap days and real dates pass the date checks', async () => {
    const r = await t.app.inject({ url: '/api/v1/dossiers?from=2024-02-29&to=2026-03-10', headers: { cookie: cookies['tn.tp'] } });
    expect(r.statusCode).toBe(200);
  });
});
