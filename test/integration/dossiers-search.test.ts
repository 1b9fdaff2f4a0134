import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { listDossiers, ListQuery } from '../../src/modules/dossiers/query';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register } from '../support/dossiers';

// Searching by the applicant's name: folded words in order, the last one as a prefix (what a clerk types), and
// list counts that stop at a cap instead of counting a center's whole history on every page.
const clock = new ManualClock(new Date('2025-03-11T02:00:00Z'));
let t: TestApp;
let clerk: string;
const names = ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Trần Văn An', 'Nguyễn Thị Hoà', 'Lê Đức Nguyên'];
const codes: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ clock });
  clerk = await t.login('tn.tp');
  for (const [i, fullName] of names.entries()) codes[fullName] = (await register(t, clerk, { applicant: { ...applicant(700 + i), fullName } })).code;
  await register(t, clerk, { applicant: { kind: 'organization', fullName: 'Phạm Minh Tuấn', orgName: 'Công ty TNHH Đồng Xanh', taxCode: '3300123456', phone: '0905000222' } });
});
afterAll(async () => t.close());

async function search(q: string): Promise<string[]> {
  const r = await t.app.inject({ url: `/api/v1/dossiers?q=${encodeURIComponent(q)}&limit=50`, headers: { cookie: clerk } });
  expect(r.statusCode).toBe(200);
  expect(r.json().total).toBe(r.json().items.length);
  return (r.json().items as { applicant: { fullName: string } }[]).map((d) => d.applicant.fullName).sort();
}

describe('search by name', () => {
  it.each([
    ['nguyen van an', ['Nguyễn Văn An', 'Nguyễn Văn Anh']],
    ['Nguyễn Văn An', ['Nguyễn Văn An', 'Nguyễn Văn Anh']],
    ['NGUYEN VAN A', ['Nguyễn Văn An', 'Nguyễn Văn Anh']],
    ['van an', ['Nguyễn Văn An', 'Nguyễn Văn Anh', 'Trần Văn An']],
    ['hoa', ['Nguyễn Thị Hoà']],
    ['le duc', ['Lê Đức Nguyên']],
    ['dong xanh', ['Phạm Minh Tuấn']],
    ['cong ty tnhh', ['Phạm Minh Tuấn']],
  ])('%j finds %j', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it.each([
    ['an van nguyen', 'the words must come in order'],
    ['guyen', 'a word matches from its start, not from its middle'],
    ['nguyen van binh', 'nobody of that name'],
  ])('%j finds nobody (%s)', async (q) => {
    expect(await search(q)).toEqual([]);
  });

  it('pages a name search with the right total', async () => {
    const first = (await t.app.inject({ url: `/api/v1/dossiers?q=nguyen&limit=10`, headers: { cookie: clerk } })).json();
    expect(first).toMatchObject({ total: 4, totalCapped: false }); // three Nguyễn and Lê Đức Nguyên
    const second = (await t.app.inject({ url: `/api/v1/dossiers?q=nguyen&limit=2&offset=2`, headers: { cookie: clerk } })).json();
    expect(second.total).toBe(4);
    expect(second.items).toHaveLength(2);
  });

  it('ignores query syntax typed by mistake', async () => {
    expect(await search("nguyen & van | !an:* <->")).toEqual(['Nguyễn Văn An', 'Nguyễn Văn Anh']);
    const r = await t.app.inject({ url: `/api/v1/dossiers?q=${encodeURIComponent('&|!')}`, headers: { cookie: clerk } });
    expect(r.statusCode).toBe(200);
  });
});

describe('list counts', () => {
  it('are exact below the cap and "at least the cap" above it', async () => {
    const actor = (await t.db.query(`SELECT id, username, full_name AS "fullName", roles, center_id AS "centerId", department_id AS "departmentId" FROM users WHERE username = 'tn.tp'`)).rows[0];
    const q = ListQuery.parse({});
    const exact = await listDossiers(t.db, { ...actor, sessionId: 'test' }, q, clock.now());
    expect(exact).toMatchObject({ total: 6, totalCapped: false });
    const capped = await listDossiers(t.db, { ...actor, sessionId: 'test' }, q, clock.now(), 4);
    expect(capped).toMatchObject({ total: 4, totalCapped: true });
    expect(capped.rows).toHaveLength(6);
    const atCap = await listDossiers(t.db, { ...actor, sessionId: 'test' }, q, clock.now(), 6);
    expect(atCap).toMatchObject({ total: 6, totalCapped: false });
  });

  it('the API says whether the total was capped', async () => {
    const r = await t.app.inject({ url: '/api/v1/dossiers', headers: { cookie: clerk } });
    expect(r.json()).toMatchObject({ total: 6, totalCapped: false });
  });
});
