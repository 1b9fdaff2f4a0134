import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDayString } from '../../src/modules/calendar/domain';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register, waiveFeesForSlip } from '../support/dossiers';
import { createDossier, pay } from '../support/fee-fixtures';

// Reads of personal data leave a row in the audit log (issue 12, finding 7): file downloads, printed forms, the
// tracking book, searches by citizen ID or phone, exports. The rows say who read what, by reference, and never
// carry the personal values themselves.

let t: TestApp;
let clerk: string;
let director: string;
let collector: string;
let code: string;
let fileId: string;
const person = { ...applicant(901), fullName: 'Lê Thị Hồng Nhung', phone: '0912345678' };
const ORG = { kind: 'organization', fullName: 'Phan Văn Đại', idNumber: '046080099901', phone: '0905777888', email: '', address: 'Phú Bài', orgName: 'Công ty TNHH Sông Hương', taxCode: '3300101234' };
const today = vnDayString(new Date());

beforeAll(async () => {
  t = await createTestApp();
  [clerk, director, collector] = await Promise.all([t.login('tn.tp'), t.login('giamdoc'), t.login('thuphi')]);
  code = (await register(t, clerk, { applicant: person, receive: true })).code;
  await waiveFeesForSlip(t, code); // the appointment slip is printed below
  await register(t, clerk, { applicant: ORG });
  const boundary = '----audit';
  const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cccd.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    Buffer.from('%PDF-1.4\n%%EOF\n'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const up = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/files`, headers: { cookie: clerk, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  expect(up.statusCode, up.body).toBe(201);
  fileId = up.json().id;
});
afterAll(async () => t.close());

type Row = { action: string; actor: string | null; center: string | null; entity: string; entity_id: string | null; data: Record<string, unknown> };
async function newRows(since: number): Promise<Row[]> {
  return (await t.db.query<Row>(`SELECT a.action, u.username AS actor, c.code AS center, a.entity, a.entity_id, a.data FROM audit_log a
    LEFT JOIN users u ON u.id = a.actor_id LEFT JOIN centers c ON c.id = a.center_id WHERE a.id > $1 ORDER BY a.id`, [since])).rows;
}
const lastId = async () => Number((await t.db.query<{ n: string }>('SELECT coalesce(max(id), 0) AS n FROM audit_log')).rows[0].n);
const HT = '000.00.15.H57';

describe('reads of personal data are audited', () => {
  const cases: [string, () => string, () => string, () => Partial<Row>][] = [
    ['a digitized file downloaded', () => clerk, () => `/api/v1/dossiers/${code}/files/${fileId}`, () => ({ action: 'dossier.file.download', actor: 'tn.tp', entity_id: code })],
    ['a form printed', () => clerk, () => `/api/v1/dossiers/${code}/forms/receipt.pdf`, () => ({ action: 'dossier.form.print', actor: 'tn.tp', entity_id: code, data: { form: 'receipt' } })],
    ['the tracking book as PDF', () => director, () => `/api/v1/dossiers/tracking-book/book.pdf?from=${today}&to=${today}`, () => ({ action: 'dossier.tracking_book.export', actor: 'giamdoc' })],
    ['the tracking book as Excel', () => director, () => `/api/v1/dossiers/tracking-book/book.xlsx?from=${today}&to=${today}`, () => ({ action: 'dossier.tracking_book.export', actor: 'giamdoc' })],
    ['a search by citizen ID', () => clerk, () => `/api/v1/dossiers?idNumber=${person.idNumber}`, () => ({ action: 'dossier.search', actor: 'tn.tp', data: { by: ['idNumber'], results: 1 } })],
    ['a search by a 12-digit ID typed in the search box', () => clerk, () => `/api/v1/dossiers?q=${person.idNumber}`, () => ({ action: 'dossier.search', data: { by: ['idNumber'], results: 1 } })],
    ['a search by phone', () => director, () => `/api/v1/dossiers?phone=${person.phone}`, () => ({ action: 'dossier.search', actor: 'giamdoc', data: { by: ['phone'], results: 1 } })],
    ["an organization's representative looked up by tax code", () => clerk, () => `/api/v1/applicants/organizations/${ORG.taxCode}`, () => ({ action: 'applicant.organization.lookup', data: { found: true } })],
    ['the cash book as Excel', () => director, () => `/api/v1/fees/cashbook.xlsx?date=${today}`, () => ({ action: 'fees.cashbook.export', actor: 'giamdoc', data: { format: 'xlsx' } })],
    ['the cash book as PDF', () => collector, () => `/api/v1/fees/cashbook.pdf?date=${today}`, () => ({ action: 'fees.cashbook.export', actor: 'thuphi', data: { format: 'pdf' } })],
    ['the fee report as Excel', () => director, () => `/api/v1/fees/reports.xlsx?from=${today}&to=${today}`, () => ({ action: 'fees.report.export', data: { format: 'xlsx' } })],
    ['the fee report as PDF', () => director, () => `/api/v1/fees/reports.pdf?from=${today}&to=${today}`, () => ({ action: 'fees.report.export', data: { format: 'pdf' } })],
    ['the queue statistics as Excel', () => director, () => `/api/v1/queue/stats.xlsx?from=${today}&to=${today}`, () => ({ action: 'queue.stats.export' })],
    ['the settlement report as Excel', () => director, () => `/api/v1/reports/settlement.xlsx?from=${today}&to=${today}`, () => ({ action: 'reports.settlement.export', data: { format: 'xlsx' } })],
    ['the settlement report as PDF', () => director, () => `/api/v1/reports/settlement.pdf?from=${today}&to=${today}`, () => ({ action: 'reports.settlement.export', data: { format: 'pdf' } })],
  ];

  it.each(cases)('%s', async (_label, cookie, url, expected) => {
    const since = await lastId();
    const r = await t.app.inject({ url: url(), headers: { cookie: cookie() } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const rows = await newRows(since);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ center: HT, ...expected() });
  });

  it('a search by ID records the dossiers found, not the number typed', async () => {
    const since = await lastId();
    await t.app.inject({ url: `/api/v1/dossiers?idNumber=${person.idNumber}`, headers: { cookie: clerk } });
    const [row] = await newRows(since);
    expect(row.data).toEqual({ by: ['idNumber'], results: 1, dossiers: [code] });
  });

  it('reads arriving together are each recorded, written together', async () => {
    const since = await lastId();
    const rs = await Promise.all(Array.from({ length: 30 }, (_, i) =>
      t.app.inject({ url: `/api/v1/dossiers?${i % 2 ? `idNumber=${person.idNumber}` : `phone=${person.phone}`}`, headers: { cookie: i % 3 ? clerk : director } })));
    expect(rs.map((r) => r.statusCode)).toEqual(Array(30).fill(200));
    const rows = await newRows(since);
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.actor === 'giamdoc')).toHaveLength(10);
    expect(rows.filter((r) => (r.data.by as string[])[0] === 'phone')).toHaveLength(15);
  });

  it('a receipt printed', async () => {
    const d = await createDossier(t, { procedure: '2.000806' });
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 50_000 });
    const since = await lastId();
    const r = await t.app.inject({ url: `/api/v1/receipts/${receipt.id}.pdf`, headers: { cookie: collector } });
    expect(r.statusCode).toBe(200);
    expect(await newRows(since)).toEqual([expect.objectContaining({ action: 'fees.receipt.print', actor: 'thuphi', center: HT, entity: 'receipt', entity_id: receipt.id })]);
  });

  it('a stored monthly report downloaded', async () => {
    const { id } = (await t.db.query<{ id: string }>(`INSERT INTO monthly_reports (center_id, month, status, claimed_at, period_from, period_to, pdf, xlsx)
      SELECT id, '2026-10', 'ready', now(), '2026-10-01', '2026-10-31', '\\x255044462d', '\\x504b' FROM centers WHERE code = $1 RETURNING id`, [HT])).rows[0];
    const since = await lastId();
    const r = await t.app.inject({ url: `/api/v1/reports/monthly/${id}.pdf`, headers: { cookie: director } });
    expect(r.statusCode).toBe(200);
    expect(await newRows(since)).toEqual([expect.objectContaining({ action: 'reports.monthly.download', actor: 'giamdoc', center: HT, entity_id: id, data: { format: 'pdf', month: '2026-10' } })]);
  });

  it('ordinary work is not logged as a read: a name search, a list, a dossier page', async () => {
    const since = await lastId();
    for (const url of ['/api/v1/dossiers?q=le%20thi%20hong', '/api/v1/dossiers?limit=5', `/api/v1/dossiers/${code}`]) {
      expect((await t.app.inject({ url, headers: { cookie: clerk } })).statusCode).toBe(200);
    }
    expect(await newRows(since)).toEqual([]);
  });

  it('a refused read leaves no row and no data: another center cannot download the file', async () => {
    const other = await t.login('tn.tp.hue'); // the sign-in itself is audited: count from after it
    const since = await lastId();
    expect((await t.app.inject({ url: `/api/v1/dossiers/${code}/files/${fileId}`, headers: { cookie: other } })).statusCode).toBe(403);
    expect(await newRows(since)).toEqual([]);
  });

  it('no audit row carries the personal data itself', async () => {
    const all = JSON.stringify((await t.db.query('SELECT action, entity, entity_id, data FROM audit_log')).rows);
    for (const value of [person.idNumber, person.phone, person.fullName, person.address, ORG.idNumber, ORG.phone, ORG.fullName, ORG.taxCode]) {
      expect(all).not.toContain(value);
    }
  });

  it('the audit log screen lists the reads with their actor, newest first', async () => {
    const admin = await t.login('admin');
    const r = await t.app.inject({ url: '/api/v1/admin/audit?action=dossier.&limit=200', headers: { cookie: admin } });
    expect(r.statusCode).toBe(200);
    const actions = r.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['dossier.file.download', 'dossier.form.print', 'dossier.search', 'dossier.tracking_book.export']));
  });
});
