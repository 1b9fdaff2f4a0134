// Reception reuses an organization's earlier data by tax code, as it does a person's by citizen ID: from its
// latest dossier at the clerk's own center only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { register } from '../support/dossiers';

let t: TestApp;
let clerk: string, hue: string, cv: string;
beforeAll(async () => {
  t = await createTestApp();
  [clerk, hue, cv] = await Promise.all(['tn.tp', 'tn.tp.hue', 'cv.tp'].map((u) => t.login(u)));
});
afterAll(async () => t.close());

const org = (over: Record<string, unknown> = {}) => ({
  kind: 'organization', orgName: 'Công ty TNHH Xây dựng Phú Bài', taxCode: '3301234567', fullName: 'Trần Đình Khoa',
  idNumber: '046085001122', phone: '0234386111', email: 'ketoan@phubai.vn', address: '12 Nguyễn Tất Thành, Phú Bài', ...over,
});
const lookup = (taxCode: string, cookie = clerk) => t.app.inject({ url: `/api/v1/applicants/organizations/${encodeURIComponent(taxCode)}`, headers: { cookie } });

describe('organization lookup by tax code at reception', () => {
  it("returns the organization's data from its latest dossier at the center", async () => {
    await register(t, clerk, { applicant: org() });
    const later = await register(t, clerk, { applicant: org({ phone: '0905777888', fullName: 'Lê Thị Thu Sương', idNumber: '046190003344' }) });
    const r = await lookup('3301234567');
    expect(r.statusCode).toBe(200);
    expect(r.json().organization).toEqual({
      taxCode: '3301234567', orgName: 'Công ty TNHH Xây dựng Phú Bài', fullName: 'Lê Thị Thu Sương', idNumber: '046190003344',
      phone: '0905777888', email: 'ketoan@phubai.vn', address: '12 Nguyễn Tất Thành, Phú Bài',
      lastDossier: { code: later.code, registeredAt: later.registeredAt },
    });
  });

  it('a branch code (13 digits) is its own organization; an unknown code finds nothing', async () => {
    await register(t, clerk, { applicant: org({ taxCode: '3301234567-001', orgName: 'Chi nhánh Công ty TNHH Xây dựng Phú Bài tại Thủy Dương' }) });
    expect((await lookup('3301234567-001')).json().organization.orgName).toBe('Chi nhánh Công ty TNHH Xây dựng Phú Bài tại Thủy Dương');
    expect((await lookup('3309999999')).json()).toEqual({ organization: null });
  });

  it("another center's clerk does not see it; a specialist may not look up; a bad code is a 400 in Vietnamese", async () => {
    expect((await lookup('3301234567', hue)).json()).toEqual({ organization: null });
    expect((await lookup('3301234567', cv)).statusCode).toBe(403);
    const bad = await lookup('33012');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Mã số thuế phải gồm 10 hoặc 13 chữ số');
    expect((await t.app.inject({ url: '/api/v1/applicants/organizations/3301234567' })).statusCode).toBe(401);
  });

  it('the representative may also come as a person: the two records stay apart', async () => {
    const person = await register(t, clerk, { applicant: { kind: 'person', fullName: 'Hồ Văn Lực', idNumber: '046077005566', phone: '0911000222', address: 'Thủy Châu' } });
    const company = await register(t, clerk, { applicant: org({ taxCode: '3302223334', orgName: 'HTX Nông nghiệp Thủy Châu', fullName: 'Hồ Văn Lực', idNumber: '046077005566', phone: '0234999000' }) });
    const mine = await t.app.inject({ url: '/api/v1/dossiers?idNumber=046077005566&limit=10', headers: { cookie: clerk } });
    expect(mine.json().items.map((i: { code: string }) => i.code)).toEqual([person.code]);
    const a = await t.db.query('SELECT kind, phone, id_number, tax_code FROM applicants WHERE id IN (SELECT applicant_id FROM dossiers WHERE code = ANY($1)) ORDER BY kind', [[person.code, company.code]]);
    expect(a.rows).toEqual([
      { kind: 'organization', phone: '0234999000', id_number: null, tax_code: '3302223334' },
      { kind: 'person', phone: '0911000222', id_number: '046077005566', tax_code: null },
    ]);
    expect((await lookup('3302223334')).json().organization).toMatchObject({ orgName: 'HTX Nông nghiệp Thủy Châu', fullName: 'Hồ Văn Lực', idNumber: '046077005566' });
  });

  it("a person's dossier is never returned as an organization", async () => {
    expect((await lookup('046085001122')).statusCode).toBe(400); // 12 digits: a citizen ID, not a tax code
  });
});
