import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPool, withDatabase, type Db } from '../../src/platform/db';
import { APP_ROLE, ensureRoles, OWNER_ROLE, userOf } from '../../src/platform/db-roles';
import { prepareSchema } from '../../src/platform/db-setup';
import { verifyRecord } from '../../src/modules/audit/verify';
import { seedIfEmpty } from '../../src/seed';

// A database in service before this version, as the embedded server left it: every table owned by the superuser,
// the app connected as that superuser, a record without a chain. The start-up hands the schema over to the owner
// role, migration 014 links the rows already there in the order they happened, and the app then runs as the
// restricted role; the verifier accepts the old record and the trigger continues each chain from there.

const MIGRATIONS = path.resolve(import.meta.dirname, '../../src/db/migrations');
const name = `motcua_test_upgrade_${process.pid}`;
let db: Db;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  db = createPool(withDatabase(inject('pgServerUrl'), name), 2);
  // The schema as it was before 014, the way the migration runner leaves it.
  await db.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const file of fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql') && f < '014').sort()) {
    await db.query(fs.readFileSync(path.join(MIGRATIONS, file), 'utf8'));
    await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
  }
  await seedIfEmpty(db, { demo: true });
});
afterAll(async () => {
  await db.end();
  const admin = new pg.Client({ connectionString: inject('pgServerUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe('upgrading a database with a record', () => {
  it('links the existing rows per center and continues the chains', async () => {
    // Old rows of two centers and of the province, events with Vietnamese free text, at shuffled times.
    await db.query(`INSERT INTO applicants (kind, full_name, id_number, center_id) SELECT 'person', 'Hồ Thị Lý', '046099000001', id FROM centers ORDER BY code LIMIT 1`);
    await db.query(`INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, applicant_id, applicant, channel, status, time_limit, workflow, registered_at)
      SELECT c.code || '-250101-000' || n, n, c.id, '2.000748', 'TP', (SELECT id FROM applicants LIMIT 1), '{}', 'direct', 'submitted', '{}', '[]', now()
        FROM centers c, generate_series(1, 3) n`);
    await db.query(`INSERT INTO dossier_events (dossier_id, at, action, to_status, reason, data)
      SELECT d.id, now() - (random() * interval '300 days'), a, 'submitted', 'Lý do của ' || a, jsonb_build_object('ghiChú', 'Bổ sung giấy tờ', 'n', n)
        FROM dossiers d, unnest(ARRAY['register', 'receive', 'transfer']) a, generate_series(1, 4) n`);
    await db.query(`INSERT INTO audit_log (at, center_id, action, entity, data)
      SELECT now() - (random() * interval '300 days'), CASE WHEN n % 3 = 0 THEN NULL ELSE (SELECT id FROM centers ORDER BY code OFFSET n % 2 LIMIT 1) END,
             'calendar.override.add', 'calendar_override', jsonb_build_object('reason', 'Nghỉ bù lễ ' || n)
        FROM generate_series(1, 30) n`);
    const before = Number((await db.query('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM dossier_events) AS n')).rows[0].n);

    // What `npm start` does with the embedded server (src/platform/db-setup.ts), with this run's role passwords.
    const password = (url: string) => decodeURIComponent(new URL(url).password);
    const urls = await ensureRoles(inject('pgServerUrl'), name, {
      owner: { user: OWNER_ROLE, password: password(inject('pgOwnerServerUrl')) },
      app: { user: APP_ROLE, password: password(inject('pgAppServerUrl')) },
    });
    const { applied, recordWritable } = await prepareSchema(urls);
    expect(applied).toContain('014_audit_chain.sql');
    expect(recordWritable).toBe(false);
    const owners = (await db.query(`SELECT DISTINCT pg_get_userbyid(relowner) AS o FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')`)).rows;
    expect(owners).toEqual([{ o: OWNER_ROLE }]);
    const app = createPool(urls.appUrl, 2);
    expect(userOf(urls.appUrl)).toBe(APP_ROLE);
    const c = await app.connect();
    try {
      let reports = (await verifyRecord(c)).chains;
      expect(reports.filter((r) => r.broken)).toEqual([]);
      expect(reports.reduce((s, r) => s + r.rows, 0)).toBe(before);
      expect(reports.map((r) => r.name)).toContain('cấp tỉnh');
      // New rows continue each chain from its head.
      await c.query(`INSERT INTO audit_log (center_id, action, entity) SELECT id, 'center.update', 'center' FROM centers`);
      await c.query(`INSERT INTO dossier_events (dossier_id, at, action, to_status) SELECT id, now(), 'receive', 'received' FROM dossiers`);
      reports = (await verifyRecord(c)).chains;
      expect(reports.filter((r) => r.broken)).toEqual([]);
      const added = Number((await c.query('SELECT (SELECT count(*) FROM centers) + (SELECT count(*) FROM dossiers) AS n')).rows[0].n);
      expect(reports.reduce((s, r) => s + r.rows, 0)).toBe(before + added);
      expect(await c.query('UPDATE audit_log SET action = action').catch((e: { code: string }) => e.code)).toBe('42501');
    } finally {
      c.release();
      await app.end();
    }
  });
});
