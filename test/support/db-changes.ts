import { createPool, type Db } from '../../src/platform/db';

/**
 * Records every committed row change in a test database, so a test can say "this request changed nothing".
 *
 * A row-level trigger on every table appends (table, operation, row) to `zz_changes`. The append is part of the
 * writing transaction: a request that rolls back leaves nothing behind, one that commits (even a partial write
 * before a failure) leaves its rows. Counting rows would miss UPDATEs; checksumming whole tables would cost a scan
 * per request. What counts is the net effect: a row inserted and deleted again (an idempotency key claimed and
 * released by a failed request) is no change. Session touches (`UPDATE sessions SET last_seen_at`) are ignored:
 * any authenticated request may make one. The audit chain's bookkeeping (`record_*`: rows queued for sealing, links
 * written by the background sealer) is not tracked: it follows the audit rows, which are.
 *
 * The app runs as a role that may create nothing, so the tracker is set up, and read, through the schema owner's
 * connection; its trigger function runs as the owner (SECURITY DEFINER), so the app role needs no right on zz_changes.
 */
export interface ChangeTracker {
  /** The position after the last recorded change. */
  mark(): Promise<number>;
  /** Changes committed after `mark`, as "table OPERATION ×count", sorted; [] when none. */
  since(mark: number): Promise<string[]>;
}

export async function trackChanges(t: { ownerUrl: string }): Promise<ChangeTracker> {
  const db: Db = createPool(t.ownerUrl, 2);
  // The test database is dropped WITH (FORCE) at the end of the file: an idle connection cut then is no error.
  db.on('error', () => undefined);
  await db.query(`CREATE TABLE IF NOT EXISTS zz_changes (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL, r jsonb)`);
  await db.query(`CREATE OR REPLACE FUNCTION zz_track() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
      IF TG_TABLE_NAME = 'sessions' AND TG_OP = 'UPDATE' THEN RETURN NULL; END IF;
      INSERT INTO zz_changes (tbl, op, r) VALUES (TG_TABLE_NAME, TG_OP, CASE TG_OP WHEN 'DELETE' THEN to_jsonb(OLD) WHEN 'TRUNCATE' THEN NULL ELSE to_jsonb(NEW) END);
      RETURN NULL;
    END $$`);
  const tables = await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'zz_changes' AND tablename NOT LIKE 'record\\_%'`);
  for (const { t } of tables.rows) {
    await db.query(`DROP TRIGGER IF EXISTS zz_track ON "${t}"; DROP TRIGGER IF EXISTS zz_track_truncate ON "${t}";
      CREATE TRIGGER zz_track AFTER INSERT OR UPDATE OR DELETE ON "${t}" FOR EACH ROW EXECUTE FUNCTION zz_track();
      CREATE TRIGGER zz_track_truncate AFTER TRUNCATE ON "${t}" FOR EACH STATEMENT EXECUTE FUNCTION zz_track();`);
  }
  return {
    async mark() {
      const r = await db.query<{ m: string }>('SELECT coalesce(max(id), 0) AS m FROM zz_changes');
      return Number(r.rows[0].m);
    },
    async since(mark) {
      const r = await db.query<{ tbl: string; op: string; r: string | null }>('SELECT tbl, op, r::text AS r FROM zz_changes WHERE id > $1 ORDER BY id', [mark]);
      const inserted = new Map<string, number>();
      for (const x of r.rows) if (x.op === 'INSERT') inserted.set(`${x.tbl}|${x.r}`, (inserted.get(`${x.tbl}|${x.r}`) ?? 0) + 1);
      const net: string[] = [];
      for (const x of r.rows) {
        const key = `${x.tbl}|${x.r}`;
        if (x.op === 'DELETE' && inserted.get(key)) inserted.set(key, inserted.get(key)! - 1);
        else if (x.op !== 'INSERT') net.push(`${x.tbl} ${x.op}`);
      }
      for (const [key, n] of inserted) for (let i = 0; i < n; i++) net.push(`${key.split('|')[0]} INSERT`);
      const counts = new Map<string, number>();
      for (const c of net) counts.set(c, (counts.get(c) ?? 0) + 1);
      return [...counts].sort().map(([c, n]) => `${c} ×${n}`);
    },
  };
}
