import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRecord } from '../../src/modules/audit/verify';
import { purgePersonalData } from '../../src/modules/retention/purge';
import { sealRecord } from '../../src/modules/audit/sealer';
import { ManualClock } from '../../src/platform/clock';
import { createPool, type Db } from '../../src/platform/db';
import { DiskFileStore } from '../../src/platform/storage';
import { createTestApp, type TestApp } from '../support/app';
import { runCli } from '../support/cli';
import { mustAct, register } from '../support/dossiers';
import { createDossier, pay } from '../support/fee-fixtures';

// The retention setting and `npm run purge`: personal data of dossiers that ended longer ago than the retention
// period is removed, statistics and the audit chain stay whole.

const OLD = new Date('2024-03-11T02:00:00Z'); // Monday 11/03/2024, 09:00 in Hương Thủy
const NOW = new Date('2026-03-12T02:00:00Z'); // two years later: past a 1-year retention
const kept = { kind: 'person', fullName: 'Nguyễn Hữu Phước', idNumber: '046200005678', phone: '0912000111', email: 'phuoc@example.vn', address: 'Tổ 5, phường Phú Bài' };
const gone = { kind: 'person', fullName: 'Đoàn Thị Thu Trang', idNumber: '046200001234', phone: '0987001122', email: 'trang@example.vn', address: 'Thôn Lương Văn, xã Thủy Lương' };
const ONLY_GONE = Buffer.from('%PDF-1.4\n% giấy khai sinh của Đoàn Thị Thu Trang\n%%EOF\n');
const SHARED = Buffer.from('%PDF-1.4\n% CCCD của Nguyễn Hữu Phước\n%%EOF\n');

let t: TestApp;
let clock: ManualClock;
let owner: Db;
let store: DiskFileStore;
let dataDir: string;
let clerk: string;
const codes: Record<string, string> = {};

function upload(code: string, file: Buffer, name: string) {
  const b = '----purge';
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`), file, Buffer.from(`\r\n--${b}--\r\n`)]);
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/files`, headers: { cookie: clerk, 'content-type': `multipart/form-data; boundary=${b}` }, payload });
}
const fileOnDisk = (content: Buffer) => {
  const sha = createHash('sha256').update(content).digest('hex');
  return path.join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
};

/** Every text and JSON column of every table, searched for a value: where personal data could still be. */
async function whereIs(value: string): Promise<string[]> {
  const cols = (await owner.query<{ t: string; c: string }>(`SELECT table_name AS t, column_name AS c FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'character varying') ORDER BY 1, 2`)).rows;
  const found: string[] = [];
  for (const { t: table, c } of cols) {
    const r = await owner.query(`SELECT 1 FROM "${table}" WHERE "${c}"::text LIKE '%' || $1 || '%' LIMIT 1`, [value]);
    if (r.rowCount) found.push(`${table}.${c}`);
  }
  return found;
}

const stats = async () => (await owner.query(`SELECT d.code, d.status, d.procedure_code, d.center_id, d.department_id, d.registered_at, d.received_at,
    d.due_at, d.closed_at, (SELECT array_agg(e.action || ':' || e.to_status || '@' || e.at ORDER BY e.id) FROM dossier_events e WHERE e.dossier_id = d.id) AS events
  FROM dossiers d ORDER BY d.code`)).rows;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-purge-'));
  clock = new ManualClock(OLD);
  t = await createTestApp({ clock, config: { dataDir } });
  owner = createPool(t.ownerUrl, 2);
  store = new DiskFileStore(path.join(dataDir, 'files'));
  clerk = await t.login('tn.tp');
  // Two years ago: the person to be forgotten, refused and withdrawn (both ended); the other person, once ended and
  // once still open.
  codes.refused = (await register(t, clerk, { applicant: gone, note: 'Bà Trang gọi lại số 0987001122' })).code;
  expect((await upload(codes.refused, ONLY_GONE, 'khai-sinh-trang.pdf')).statusCode).toBe(201);
  await mustAct(t, clerk, codes.refused, 'refuse', { reason: 'Bà Đoàn Thị Thu Trang không có giấy ủy quyền' });
  codes.withdrawn = (await register(t, clerk, { applicant: gone, receive: true })).code;
  await mustAct(t, clerk, codes.withdrawn, 'withdraw', { reason: 'Người nộp xin rút' });
  codes.keptEnded = (await register(t, clerk, { applicant: kept })).code;
  expect((await upload(codes.keptEnded, SHARED, 'cccd.pdf')).statusCode).toBe(201);
  const sharedId = (await t.db.query<{ id: string }>(`SELECT f.id FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id WHERE d.code = $1`, [codes.keptEnded])).rows[0].id;
  await mustAct(t, clerk, codes.keptEnded, 'refuse', { reason: 'Thiếu tờ khai' });
  codes.keptOpen = (await register(t, clerk, { applicant: kept, receive: true })).code;
  const reuse = await t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${codes.keptOpen}/files`, headers: { cookie: clerk }, payload: { reuseFileId: sharedId } });
  expect(reuse.statusCode, reuse.body).toBe(201);
  // Mail sent, an SMS service, a queue ticket with a phone, a receipt: all with the forgotten person's data.
  await t.db.query(`INSERT INTO outbox (topic, payload) VALUES ('dossier.refuse', '{}')`);
  await t.db.query(`INSERT INTO notification_messages (event_key, event, channel, recipient, dossier_id, outbox_id, subject, body, status)
    SELECT 'outbox:' || (SELECT max(id) FROM outbox), 'refused', 'email', $2, id, (SELECT max(id) FROM outbox), 'Hồ sơ ' || $1 || ' bị từ chối',
           'Kính gửi Bà Đoàn Thị Thu Trang', 'sent' FROM dossiers WHERE code = $1`, [codes.refused, gone.email]);
  await t.db.query(`INSERT INTO dossier_services (dossier_id, kind, name, charge, center_share_percent, recipient, address, phone, created_at)
    SELECT id, 'postal_result', 'Trả kết quả qua bưu chính', 20000, 0, $2, $3, $4, $5 FROM dossiers WHERE code = $1`, [codes.withdrawn, gone.fullName, gone.address, gone.phone, OLD]);
  await t.db.query(`INSERT INTO queue_tickets (center_id, day, queue_code, seq, number, display_number, field_code, phone, status, issued_at)
    SELECT center_id, '2024-03-11', 'TP', 1, 1001, 'TP1001', 'TP', $2, 'done', $3 FROM dossiers WHERE code = $1`, [codes.refused, gone.phone, OLD]);
  // The postal address an online applicant chose for the result (migration 037).
  await t.db.query(`UPDATE dossiers SET return_method = 'post', return_address = $2 WHERE code = $1`, [codes.refused, gone.address]);
  // A month ago: ended, but within the retention period.
  clock.set(new Date('2026-02-10T02:00:00Z'));
  clerk = await t.login('tn.tp');
  codes.recent = (await register(t, clerk, { applicant: { kind: 'person', fullName: 'Đoàn Thị Thu Trang', idNumber: '046200009999', phone: '0905999888', email: '', address: 'Phường Thủy Dương' } })).code;
  await mustAct(t, clerk, codes.recent, 'refuse', { reason: 'Thiếu tờ khai' });
  // What the running app's sealer does within a second: the record is linked long before any purge.
  await sealRecord(t.db);
});
afterAll(async () => {
  await owner.end();
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('purge of personal data past the retention period', () => {
  let before: Awaited<ReturnType<typeof stats>>;

  it('a dry run counts and changes nothing', async () => {
    before = await stats();
    const r = await purgePersonalData(owner, store, { now: NOW, retentionYears: 1, apply: false });
    expect(r.applied).toBe(false);
    expect(r.cutoffs.dossiers?.toISOString()).toBe('2025-03-12T02:00:00.000Z');
    expect(r.counts).toMatchObject({ dossiers: 3, files: 1, applicants: 1, messages: 1, services: 1, tickets: 1, receipts: 0 });
    expect(r.counts.events).toBeGreaterThanOrEqual(4);
    expect(await whereIs(gone.idNumber)).not.toEqual([]);
    expect(fs.existsSync(fileOnDisk(ONLY_GONE))).toBe(true);
    expect(await stats()).toEqual(before);
  });

  it('removes the personal data of the dossiers that ended before the cut-off, everywhere', async () => {
    const r = await purgePersonalData(owner, store, { now: NOW, retentionYears: 1, apply: true });
    expect(r.counts).toMatchObject({ dossiers: 3, files: 1, applicants: 1, messages: 1, services: 1, tickets: 1 });
    // The forgotten person's values are nowhere in the database any more: not in a table, not in the audit log.
    for (const v of [gone.idNumber, gone.phone, gone.email, gone.address, 'Đoàn Thị Thu Trang', 'không có giấy ủy quyền']) {
      const where = await whereIs(v);
      // The recent dossier of the same name (another ID) is within its retention period and keeps its data.
      expect(where.filter((w) => !(v === 'Đoàn Thị Thu Trang' && ['applicants.full_name', 'dossiers.applicant', 'applicants.search_text'].includes(w))), v).toEqual([]);
    }
    expect(await whereIs('046200009999')).not.toEqual([]);
    // The file only the purged dossier had is gone from the disk; the one a kept dossier reused stays.
    expect(fs.existsSync(fileOnDisk(ONLY_GONE))).toBe(false);
    expect(fs.existsSync(fileOnDisk(SHARED))).toBe(true);
    // The person with a dossier still open keeps the shared record; the ended dossier's snapshot is emptied.
    const a = (await owner.query(`SELECT full_name, phone FROM applicants WHERE id_number = $1`, [kept.idNumber])).rows[0];
    expect(a).toEqual({ full_name: kept.fullName, phone: kept.phone });
    const snap = (await owner.query(`SELECT applicant FROM dossiers WHERE code = $1`, [codes.keptEnded])).rows[0].applicant;
    expect(snap).toEqual({ kind: 'person', fullName: '', idNumber: null, dateOfBirth: null, phone: '', email: '', address: '', orgName: null, taxCode: null });
  });

  it('keeps the statistics: every dossier, status, date and event in place', async () => {
    expect(await stats()).toEqual(before);
    const purged = (await owner.query(`SELECT code FROM dossiers WHERE purged_at IS NOT NULL ORDER BY code`)).rows.map((r) => r.code);
    expect(purged).toEqual([codes.refused, codes.withdrawn, codes.keptEnded].sort());
  });

  it('keeps the audit chain verifiable, each purge on record', async () => {
    const c = await owner.connect();
    try {
      const reports = (await verifyRecord(c)).chains;
      expect(reports.filter((r) => r.broken)).toEqual([]);
      expect(reports.reduce((s, r) => s + r.redacted, 0)).toBeGreaterThanOrEqual(4);
    } finally {
      c.release();
    }
    const rows = (await owner.query(`SELECT data->>'code' AS code FROM audit_log WHERE action = 'dossier.purge' ORDER BY 1`)).rows.map((r) => r.code);
    expect(rows).toEqual([codes.refused, codes.withdrawn, codes.keptEnded].sort());
    expect((await runCli('audit-verify', { DATABASE_URL: t.db.options.connectionString! })).code).toBe(0);
  });

  it('a purged dossier still opens and is found by the public look-up, without a name; its forms are not printed', async () => {
    const r = await t.app.inject({ url: `/api/v1/dossiers/${codes.refused}`, headers: { cookie: clerk } });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).not.toContain(gone.idNumber);
    expect(r.json().status).toBe('refused');
    // Its forms all carry the applicant: they cannot be printed again, and the answer says why.
    const pdf = await t.app.inject({ url: `/api/v1/dossiers/${codes.refused}/forms/refusal.pdf`, headers: { cookie: clerk } });
    expect(pdf.statusCode).toBe(409);
    expect(pdf.json().detail).toContain('hết thời hạn lưu trữ dữ liệu cá nhân');
    const pub = await t.app.inject({ url: `/api/v1/public/dossiers/${codes.refused}` });
    expect(pub.statusCode).toBeLessThan(500);
    expect(pub.body).not.toContain('Trang');
  });

  it('a second run finds nothing left to do', async () => {
    const r = await purgePersonalData(owner, store, { now: NOW, retentionYears: 1, apply: true });
    expect(r.counts).toMatchObject({ dossiers: 0, events: 0, files: 0, applicants: 0, messages: 0, services: 0, tickets: 0 });
  });

  it('fee receipts keep the payer for the accounting period (10 years), then lose it', async () => {
    const collector = await t.login('thuphi');
    const [older, newer] = [await createDossier(t, { procedure: '2.000806', applicant: { fullName: 'Lê Văn Thuế' } }), await createDossier(t, { procedure: '2.000806', applicant: { fullName: 'Lê Văn Thuế' } })];
    const r1 = await pay(t, collector, older.code, { method: 'cash', amount: 100_000 });
    await pay(t, collector, newer.code, { method: 'cash', amount: 100_000 });
    // The first receipt as if issued in January 2015: more than ten years before NOW; the second, two years before.
    await t.db.query(`UPDATE fee_receipts SET issued_at = '2015-01-05T02:00:00Z' WHERE id = $1`, [r1.id]);
    await t.db.query(`UPDATE fee_receipts SET issued_at = $2 WHERE id <> $1`, [r1.id, OLD]);
    const r = await purgePersonalData(owner, store, { now: NOW, retentionYears: 1, apply: true });
    expect(r.cutoffs.receipts?.toISOString()).toBe('2016-03-12T02:00:00.000Z');
    expect(r.counts.receipts).toBe(1);
    const payers = (await owner.query(`SELECT id, payer->>'name' AS name FROM fee_receipts ORDER BY issued_at`)).rows;
    expect(payers).toEqual([{ id: r1.id, name: '' }, expect.objectContaining({ name: 'Lê Văn Thuế' })]);
  });
});

describe('npm run purge', () => {
  it('is a dry run by default, applies with --apply, and refuses unknown options', async () => {
    const env = { DATABASE_URL: t.db.options.connectionString!, MOTCUA_OWNER_DATABASE_URL: t.ownerUrl, MOTCUA_DATA_DIR: dataDir, MOTCUA_RETENTION_YEARS: '1' };
    // The recent dossier ended in February 2026: within a year of today's date only if today is before February 2027.
    const dry = await runCli('purge', env);
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain('Đây là chạy thử: chưa thay đổi gì');
    expect(dry.out).toMatch(/Hồ sơ kết thúc trước \d{2}\/\d{2}\/\d{4}/);
    const bad = await runCli('purge', env, ['--now']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('Cách dùng: npm run purge');
    const off = await runCli('purge', { ...env, MOTCUA_RETENTION_YEARS: '0' }, ['--apply']);
    expect(off.out).toContain('lưu vô thời hạn');
    const applied = await runCli('purge', env, ['--apply']);
    expect(applied.code, applied.out).toBe(0);
    expect(applied.out).toMatch(/Đã xóa dữ liệu cá nhân của [\d.]+ hồ sơ/);
    expect((await runCli('audit-verify', { DATABASE_URL: t.db.options.connectionString! })).code).toBe(0);
  });
});
