// Migration 013 on data written before it: one province-wide applicant record shared by two centers (the second
// center's registration had overwritten the name and phone), snapshots missing keys, files, an orphan record.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createPool, withDatabase, type Db } from '../../src/platform/db';
import { migrate } from '../../src/platform/migrate';
import { seedIfEmpty } from '../../src/seed';

const MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');
const name = `motcua_test_${randomBytes(6).toString('hex')}`;
let db: Db;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  db = createPool(withDatabase(inject('pgServerUrl'), name), 2);
  // The database as it stood before migration 013, seeded as in service.
  await db.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const f of fs.readdirSync(MIGRATIONS).filter((x) => x.endsWith('.sql') && x < '013').sort()) {
    await db.query(fs.readFileSync(path.join(MIGRATIONS, f), 'utf8'));
    await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
  }
  await seedIfEmpty(db, { demo: true });
  const c = (code: string) => db.query<{ id: string }>('SELECT id FROM centers WHERE code = $1', [code]).then((r) => r.rows[0].id);
  ids.a = await c('000.00.15.H57');
  ids.b = await c('000.00.11.H57');
  // The shared record, as center B's later registration left it.
  ids.person = (await db.query(`INSERT INTO applicants (kind, full_name, id_number, phone, email, address) VALUES
    ('person', 'Nguyễn Văn Giả', '046185007788', '0999888777', 'gia@example.vn', 'Huế') RETURNING id`)).rows[0].id;
  ids.orphan = (await db.query(`INSERT INTO applicants (kind, full_name, id_number, phone) VALUES ('person', 'Không Hồ Sơ', '046185000000', '0900000000') RETURNING id`)).rows[0].id;
  const dossier = async (code: string, center: string, at: string, snapshot: object) => (await db.query(`INSERT INTO dossiers (code, daily_number, center_id, procedure_code,
      field_code, applicant_id, applicant, channel, status, time_limit, workflow, registered_at)
    SELECT $1, 1, $2, p.code, p.field_code, $3, $4, 'direct', 'submitted', '{"unit":"working_days","value":5}', p.workflow, $5 FROM procedures p WHERE p.code = '2.000748'
    RETURNING id`, [code, center, ids.person, JSON.stringify(snapshot), at])).rows[0].id;
  ids.d1 = await dossier('000.00.15.H57-250102-0001', ids.a, '2025-01-02T02:00:00Z',
    { kind: 'person', fullName: 'Phạm Thị Hồng Nhung', idNumber: '046185007788', dateOfBirth: '1985-07-07', phone: '0905123456', email: 'hongnhung@example.vn', address: 'Phú Bài', orgName: null, taxCode: null });
  // An old snapshot without e-mail, address or birth date.
  ids.d2 = await dossier('000.00.11.H57-250301-0001', ids.b, '2025-03-01T02:00:00Z', { kind: 'person', fullName: 'Nguyễn Văn Giả', idNumber: '046185007788', phone: '0999888777' });
  await db.query(`INSERT INTO stored_files (sha256, size, mime) VALUES ($1, 10, 'image/png'), ($2, 10, 'image/png')`, ['a'.repeat(64), 'b'.repeat(64)]);
  await db.query(`INSERT INTO dossier_files (dossier_id, applicant_id, sha256, name, uploaded_at) VALUES ($1, $3, $4, 'cccd.png', now()), ($2, $3, $5, 'giay.png', now())`,
    [ids.d1, ids.d2, ids.person, 'a'.repeat(64), 'b'.repeat(64)]);
  expect(await migrate(db)).toContain('013_data_scoping.sql');
});

afterAll(async () => {
  await db.end();
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('migration 013 on existing data', () => {
  it('splits the shared record per center: the first center keeps it, each record takes its own center’s data', async () => {
    const r = await db.query(`SELECT a.id, c.code, a.full_name, a.phone, a.email FROM applicants a JOIN centers c ON c.id = a.center_id
      WHERE a.id_number = '046185007788' ORDER BY c.code`);
    expect(r.rows).toEqual([
      { id: expect.any(String), code: '000.00.11.H57', full_name: 'Nguyễn Văn Giả', phone: '0999888777', email: 'gia@example.vn' },
      { id: ids.person, code: '000.00.15.H57', full_name: 'Phạm Thị Hồng Nhung', phone: '0905123456', email: 'hongnhung@example.vn' },
    ]);
    const d = await db.query('SELECT code, applicant_id FROM dossiers WHERE id = ANY($1) ORDER BY code', [[ids.d1, ids.d2]]);
    expect(d.rows).toEqual([{ code: '000.00.11.H57-250301-0001', applicant_id: r.rows[0].id }, { code: '000.00.15.H57-250102-0001', applicant_id: ids.person }]);
    const f = await db.query('SELECT f.name, f.applicant_id = d.applicant_id AS same FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id ORDER BY f.name');
    expect(f.rows).toEqual([{ name: 'cccd.png', same: true }, { name: 'giay.png', same: true }]);
  });

  it('completes old snapshots from the record they pointed to, keeping what they had', async () => {
    const s = (await db.query('SELECT applicant FROM dossiers WHERE id = $1', [ids.d2])).rows[0].applicant;
    expect(s).toEqual({ kind: 'person', fullName: 'Nguyễn Văn Giả', idNumber: '046185007788', dateOfBirth: null, phone: '0999888777', email: 'gia@example.vn', address: 'Huế', orgName: null, taxCode: null });
  });

  it('removes a record no dossier points to, and every record has a center', async () => {
    expect((await db.query('SELECT 1 FROM applicants WHERE id = $1', [ids.orphan])).rowCount).toBe(0);
    expect((await db.query('SELECT count(*)::int AS n FROM applicants WHERE center_id IS NULL')).rows[0].n).toBe(0);
  });

  it('fills the search words from the snapshots and gives each dossier a token', async () => {
    const r = await db.query(`SELECT code, public_token FROM dossiers WHERE applicant_words @@ to_tsquery('simple', 'pham <-> thi <-> hong <-> nhung:*')`);
    expect(r.rows.map((x) => x.code)).toEqual(['000.00.15.H57-250102-0001']);
    const terms = await db.query(`SELECT strip(applicant_terms)::text AS t FROM dossiers WHERE id = $1`, [ids.d1]);
    expect(terms.rows[0].t).toBe("'hong' 'hong0nhung' 'nhung' 'pham' 'pham0thi' 'thi' 'thi0hong'");
    const t = await db.query('SELECT count(DISTINCT public_token)::int AS k, count(*)::int AS n FROM dossiers');
    expect(t.rows[0]).toEqual({ k: 2, n: 2 });
    expect(r.rows[0].public_token).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
