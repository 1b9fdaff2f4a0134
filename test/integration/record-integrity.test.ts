import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, applyGrants, OWNER_ROLE } from '../../src/platform/db-roles';
import { prepareSchema } from '../../src/platform/db-setup';
import { verifyRecord } from '../../src/modules/audit/verify';
import { sealRecord, startChainSealer } from '../../src/modules/audit/sealer';
import { createTestApp, type TestApp } from '../support/app';
import { runCli } from '../support/cli';
import { applicant, mustAct, register } from '../support/dossiers';

// Finding 7 of issue 12: the app runs as a role that can only add to and read the record (audit_log,
// dossier_events), and `npm run audit:verify` detects any change or deletion made behind its back.

let t: TestApp;
let owner: pg.Client;
beforeAll(async () => {
  t = await createTestApp();
  owner = new pg.Client({ connectionString: t.ownerUrl });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await t.close();
});

const pgCode = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('the app role', () => {
  it('is neither a superuser nor the owner of anything', async () => {
    const r = await t.db.query<{ u: string; su: boolean; owned: number }>(`SELECT current_user AS u, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su,
      (SELECT count(*)::int FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS owned`);
    expect(r.rows[0]).toEqual({ u: APP_ROLE, su: false, owned: 0 });
    const tables = await owner.query<{ owner: string }>(`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`);
    expect(tables.rows.map((x) => x.owner)).toEqual([OWNER_ROLE]);
  });

  it('adds to and reads the record, but cannot change, delete, truncate or unhook it', async () => {
    const clerk = await t.login('tn.tp');
    const d = await register(t, clerk, { applicant: applicant(701) });
    expect(await pgCode(t.db.query(`INSERT INTO audit_log (actor_id, action, entity) VALUES (NULL, 'test.insert', 'test')`))).toBe('ok');
    const { id } = (await t.db.query<{ id: string }>('SELECT id FROM dossiers WHERE code = $1', [d.code])).rows[0];
    expect((await t.db.query('SELECT count(*)::int AS n FROM dossier_events WHERE dossier_id = $1', [id])).rows[0].n).toBe(1);
    // 42501: insufficient_privilege
    expect(await pgCode(t.db.query(`UPDATE audit_log SET action = 'x'`))).toBe('42501');
    expect(await pgCode(t.db.query('DELETE FROM audit_log'))).toBe('42501');
    expect(await pgCode(t.db.query(`UPDATE dossier_events SET reason = 'x' WHERE dossier_id = $1`, [id]))).toBe('42501');
    expect(await pgCode(t.db.query('DELETE FROM dossier_events WHERE dossier_id = $1', [id]))).toBe('42501');
    expect(await pgCode(t.db.query('TRUNCATE audit_log, dossier_events CASCADE'))).toBe('42501');
    expect(await pgCode(t.db.query('ALTER TABLE audit_log DISABLE TRIGGER USER'))).toBe('42501');
    // A GRANT by a role without the grant option grants nothing (PostgreSQL only warns).
    await pgCode(t.db.query('GRANT UPDATE ON audit_log TO PUBLIC'));
    expect(await pgCode(t.db.query(`UPDATE audit_log SET action = 'x'`))).toBe('42501');
    // The chain itself: readable (audit:verify needs no more), never writable, not even through its function.
    expect(await pgCode(t.db.query('SELECT * FROM record_chain_heads, record_links LIMIT 1'))).toBe('ok');
    expect(await pgCode(t.db.query('UPDATE record_chain_heads SET seq = 0'))).toBe('42501');
    expect(await pgCode(t.db.query('DELETE FROM record_links'))).toBe('42501');
    expect(await pgCode(t.db.query(`INSERT INTO record_links (chain_id, seq, tbl, row_id, hash) VALUES (gen_random_uuid(), 1, 'audit_log', 1, '\\x00')`))).toBe('42501');
    expect(await pgCode(t.db.query('CREATE TABLE mine (x int)'))).toBe('42501');
    // Ordinary rights elsewhere: the dossier itself is the app's to update.
    expect(await pgCode(t.db.query('UPDATE dossiers SET updated_at = updated_at WHERE id = $1', [id]))).toBe('ok');
  });

  it('even the owner cannot delete or rewrite a row without first disabling the guard', async () => {
    await sealRecord(t.db); // links exist
    expect((await owner.query('SELECT count(*)::int AS n FROM record_links')).rows[0].n).toBeGreaterThan(0);
    expect(await pgCode(owner.query('DELETE FROM audit_log'))).toBe('42501');
    expect(await pgCode(owner.query(`UPDATE dossier_events SET reason = 'x'`))).toBe('42501');
    expect(await pgCode(owner.query('TRUNCATE audit_log CASCADE'))).toBe('42501');
    expect(await pgCode(owner.query('DELETE FROM record_links'))).toBe('42501');
  });

  it('start-up tells whether the app may rewrite the record: not as the app role, yes as the owner (then it warns)', async () => {
    expect((await prepareSchema({ appUrl: t.db.options.connectionString!, ownerUrl: t.ownerUrl })).recordWritable).toBe(false);
    expect((await prepareSchema({ appUrl: t.ownerUrl })).recordWritable).toBe(true);
  });

  it('gets ordinary rights on a table a later migration creates, and the append-only rule survives a careless GRANT', async () => {
    await owner.query('CREATE TABLE later_feature (id serial PRIMARY KEY, note text)');
    expect(await pgCode(t.db.query(`INSERT INTO later_feature (note) VALUES ('a')`))).toBe('ok');
    expect(await pgCode(t.db.query(`UPDATE later_feature SET note = 'b'`))).toBe('ok');
    await owner.query(`GRANT ALL ON audit_log, dossier_events TO ${APP_ROLE}`);
    await applyGrants(owner, APP_ROLE); // what every start does after the migrations
    expect(await pgCode(t.db.query(`UPDATE audit_log SET action = 'x'`))).toBe('42501');
    expect(await pgCode(t.db.query('DELETE FROM dossier_events'))).toBe('42501');
    await owner.query('DROP TABLE later_feature');
  });
});

async function verify() {
  const c = new pg.Client({ connectionString: t.ownerUrl });
  await c.connect();
  try {
    return (await verifyRecord(c)).chains;
  } finally {
    await c.end();
  }
}

const auditVerify = () => runCli('audit-verify', { DATABASE_URL: t.db.options.connectionString! });

/** As the owner could: switch the guard off, change the rows, switch it on again. */
async function asOwner(table: 'audit_log' | 'dossier_events' | 'record_links', sql: string, params: unknown[] = []) {
  await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_rewrite`);
  try {
    return await owner.query(sql, params);
  } finally {
    await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_rewrite`);
  }
}

/** Puts saved rows back exactly as they were, without making new links for them. */
async function restore(table: 'audit_log' | 'dossier_events' | 'record_links', saved: string) {
  if (table !== 'record_links') await owner.query(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_chain`);
  await owner.query(`INSERT INTO ${table} SELECT * FROM ${saved}`);
  if (table !== 'record_links') await owner.query(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_chain`);
  await owner.query(`DROP TABLE ${saved}`);
}

describe('the hash chain', () => {
  let codes: string[] = [];
  beforeAll(async () => {
    // Many clerks of two centers at once, plus province-wide administration, while two sealers (two app instances)
    // link what they write: every chain must come out whole.
    const sealers = [startChainSealer(t.db, t.app.log, 5), startChainSealer(t.db, t.app.log, 7)];
    const [ht, hue, admin] = await Promise.all([t.login('tn.tp'), t.login('tn.tp.hue'), t.login('admin')]);
    const dossiers = await Promise.all(Array.from({ length: 40 }, (_, i) => register(t, i % 2 ? hue : ht, { applicant: applicant(800 + i), receive: i % 4 < 2 })));
    codes = dossiers.map((d: { code: string }) => d.code);
    await Promise.all(dossiers.filter((d: { status: string }) => d.status === 'submitted').map((d: { code: string }, i: number) =>
      mustAct(t, codes.indexOf(d.code) % 2 ? hue : ht, d.code, i % 2 ? 'receive' : 'request-supplement', { missing: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy khai sinh của ông Nguyễn Văn An' })));
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/admin/calendar/overrides', headers: { cookie: admin }, payload: { date: '2030-12-24', kind: 'day_off', reason: 'Nghỉ bù theo thông báo' } });
    expect(r.statusCode, r.body).toBe(201);
    await Promise.all(sealers.map((x) => x.stop()));
  });

  it('a row of a transaction still open is linked once it commits, never skipped', async () => {
    const c = await t.db.connect();
    try {
      await c.query('BEGIN');
      const { id } = (await c.query<{ id: string }>(`INSERT INTO audit_log (action, entity) VALUES ('test.open', 'test') RETURNING id::text`)).rows[0];
      await t.db.query(`INSERT INTO audit_log (action, entity) VALUES ('test.after', 'test')`);
      await sealRecord(t.db);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM record_links WHERE tbl = 'audit_log' AND row_id = $1`, [id])).rows[0].n).toBe(0);
      await c.query('COMMIT');
      const reports = await verify();
      expect(reports.filter((x) => x.broken)).toEqual([]);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM record_links WHERE tbl = 'audit_log' AND row_id = $1`, [id])).rows[0].n).toBe(1);
    } finally {
      c.release();
    }
  });

  it('links every row, one chain per center plus the province, with no gap and no fork', async () => {
    const reports = await verify();
    expect(reports.filter((r) => r.broken)).toEqual([]);
    const total = (await t.db.query<{ n: number }>('SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM dossier_events) AS n')).rows[0].n;
    expect(reports.reduce((s, r) => s + r.rows, 0)).toBe(Number(total));
    // Hương Thủy, Huế and the province-wide chain.
    expect(reports.length).toBe(3);
    expect(reports.map((r) => r.name)).toContain('cấp tỉnh');
  });

  it('`npm run audit:verify` says the record is whole and exits 0', async () => {
    const r = await auditVerify();
    expect(r.out).toContain('Nhật ký nguyên vẹn');
    expect(r.code).toBe(0);
  });

  it('a changed audit row: exit 1, naming that row', async () => {
    const row = (await t.db.query<{ id: string; data: object }>(`SELECT id::text, data FROM audit_log WHERE action = 'calendar.override.add'`)).rows[0];
    await asOwner('audit_log', `UPDATE audit_log SET data = data || '{"reason": "Nghỉ lễ"}' WHERE id = $1`, [row.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`HỎNG\\s+chuỗi cấp tỉnh.*dòng đầu tiên bị hỏng: nhật ký thao tác \\(audit_log\\) id ${row.id} `));
    // Put back exactly as it was: the chain verifies again (the check is on content, not on a flag).
    await asOwner('audit_log', 'UPDATE audit_log SET data = $2 WHERE id = $1', [row.id, JSON.stringify(row.data)]);
    expect((await auditVerify()).code).toBe(0);
  });

  it('a deleted event: exit 1, naming that event', async () => {
    const victim = (await t.db.query<{ id: string }>(`SELECT e.id::text FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 ORDER BY e.id LIMIT 1`, [codes[0]])).rows[0];
    await owner.query('CREATE TEMP TABLE saved_event AS SELECT * FROM dossier_events WHERE id = $1', [victim.id]);
    await asOwner('dossier_events', 'DELETE FROM dossier_events WHERE id = $1', [victim.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`dòng đầu tiên bị hỏng: lịch sử hồ sơ \\(dossier_events\\) id ${victim.id} \\(vị trí \\d+ trong chuỗi\\) — dòng đã bị xóa`));
    await restore('dossier_events', 'saved_event');
    expect((await auditVerify()).code).toBe(0);
  });

  it('a deleted row and its link: exit 1, naming the gap and the row after it', async () => {
    const victim = (await t.db.query<{ id: string; seq: string; chain_id: string }>(`SELECT l.row_id::text AS id, l.seq::text, l.chain_id::text FROM record_links l
      JOIN dossier_events e ON e.id = l.row_id AND l.tbl = 'dossier_events' JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 ORDER BY l.seq LIMIT 1`, [codes[1]])).rows[0];
    const next = (await t.db.query<{ id: string }>('SELECT row_id::text AS id FROM record_links WHERE chain_id = $1 AND seq = $2::bigint + 1', [victim.chain_id, victim.seq])).rows[0];
    await owner.query('CREATE TEMP TABLE saved_event AS SELECT * FROM dossier_events WHERE id = $1', [victim.id]);
    await owner.query(`CREATE TEMP TABLE saved_link AS SELECT * FROM record_links WHERE tbl = 'dossier_events' AND row_id = $1`, [victim.id]);
    await asOwner('dossier_events', 'DELETE FROM dossier_events WHERE id = $1', [victim.id]);
    await asOwner('record_links', `DELETE FROM record_links WHERE tbl = 'dossier_events' AND row_id = $1`, [victim.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`thiếu mắt xích vị trí ${victim.seq} (đã bị xóa), ngay trước`);
    expect(r.out).toContain(`id ${next.id} (vị trí ${Number(victim.seq) + 1} trong chuỗi)`);
    await restore('dossier_events', 'saved_event');
    await restore('record_links', 'saved_link');
    expect((await auditVerify()).code).toBe(0);
  });

  it('an event whose reason was reworded: exit 1, naming that event', async () => {
    const ev = (await t.db.query<{ id: string; reason: string }>(`SELECT id::text, reason FROM dossier_events WHERE action = 'request-supplement' ORDER BY id LIMIT 1`)).rows[0];
    await asOwner('dossier_events', `UPDATE dossier_events SET reason = 'Thiếu giấy tờ' WHERE id = $1`, [ev.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`lịch sử hồ sơ (dossier_events) id ${ev.id} `);
    expect(r.out).toContain('lý do/ghi chú không khớp');
    await asOwner('dossier_events', 'UPDATE dossier_events SET reason = $2 WHERE id = $1', [ev.id, ev.reason]);
    expect((await auditVerify()).code).toBe(0);
  });

  it('an event emptied as the purge would, but without the purge on record: exit 1', async () => {
    const ev = (await t.db.query<{ id: string; reason: string; data: object }>(`SELECT id::text, reason, data FROM dossier_events WHERE action = 'request-supplement' ORDER BY id DESC LIMIT 1`)).rows[0];
    // The guard lets this one change through: it is exactly the purge's.
    await owner.query(`UPDATE dossier_events SET reason = NULL, data = '{}' WHERE id = $1`, [ev.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`id ${ev.id} `);
    expect(r.out).toContain('không có bản ghi xóa dữ liệu');
    await asOwner('dossier_events', 'UPDATE dossier_events SET reason = $2, data = $3 WHERE id = $1', [ev.id, ev.reason, JSON.stringify(ev.data)]);
    expect((await auditVerify()).code).toBe(0);
  });

  it('the last link of a chain deleted with its row: exit 1, the chain ends short of its head', async () => {
    const last = (await t.db.query<{ id: string }>(`SELECT row_id::text AS id FROM record_links
      WHERE chain_id = '00000000-0000-0000-0000-000000000000' ORDER BY seq DESC LIMIT 1`)).rows[0];
    await owner.query('CREATE TEMP TABLE saved_audit AS SELECT * FROM audit_log WHERE id = $1', [last.id]);
    await owner.query(`CREATE TEMP TABLE saved_link AS SELECT * FROM record_links WHERE tbl = 'audit_log' AND row_id = $1`, [last.id]);
    await asOwner('audit_log', 'DELETE FROM audit_log WHERE id = $1', [last.id]);
    await asOwner('record_links', `DELETE FROM record_links WHERE tbl = 'audit_log' AND row_id = $1`, [last.id]);
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/chuỗi cấp tỉnh.*thiếu mắt xích vị trí \d+ ở cuối chuỗi \(đã bị xóa\)/);
    await restore('audit_log', 'saved_audit');
    await restore('record_links', 'saved_link');
    expect((await auditVerify()).code).toBe(0);
  });

  it('a row slipped in with the link switched off belongs to no chain: exit 1', async () => {
    await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain');
    const row = (await owner.query<{ id: string }>(`INSERT INTO audit_log (action, entity) VALUES ('user.update', 'user') RETURNING id::text`)).rows[0];
    await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain');
    const r = await auditVerify();
    expect(r.code).toBe(1);
    expect(r.out).toContain(`nhật ký thao tác (audit_log) id ${row.id} không thuộc chuỗi nào`);
    await asOwner('audit_log', 'DELETE FROM audit_log WHERE id = $1', [row.id]);
    expect((await auditVerify()).code).toBe(0);
  });
});
