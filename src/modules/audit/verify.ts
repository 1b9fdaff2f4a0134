import type pg from 'pg';
import { ChainWalker, describeBreak, PROVINCE_CHAIN, type Break, type ChainRow, type ChainTable } from './chain';
import { sealRecord } from './sealer';

export interface ChainReport {
  chainId: string;
  /** The center's short name, or "cấp tỉnh" for the province-wide chain. */
  name: string;
  rows: number;
  redacted: number;
  head: { seq: number; hash: string } | null;
  broken: string | null;
  break: Break | null;
}

const BATCH = 5000;
const INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

// Every field is selected with PostgreSQL's built-in casts (search_path = pg_catalog first), never with a function
// of the schema: the owner could redefine those, not these.
const ROWS_SQL = `
  SELECT l.tbl AS t, l.row_id::text AS id, l.seq, l.hash, l.personal_digest AS digest,
         CASE WHEN l.tbl = 'audit_log' THEN
           CASE WHEN a.id IS NOT NULL THEN ARRAY[a.id::text, to_char(a.at AT TIME ZONE 'UTC', ${INSTANT}), a.actor_id::text, a.center_id::text, a.action, a.entity, a.entity_id, a.data::text] END
         ELSE
           CASE WHEN e.id IS NOT NULL THEN ARRAY[e.id::text, e.dossier_id::text, to_char(e.at AT TIME ZONE 'UTC', ${INSTANT}), e.actor_id::text, e.action, e.from_status, e.to_status,
             e.step_index::text, e.flagged::text, encode(l.personal_digest, 'hex')] END
         END AS body,
         e.reason, e.data::text AS data, e.dossier_id::text AS dossier_id
    FROM public.record_links l
    LEFT JOIN public.audit_log a ON l.tbl = 'audit_log' AND a.id = l.row_id
    LEFT JOIN public.dossier_events e ON l.tbl = 'dossier_events' AND e.id = l.row_id
   WHERE l.chain_id = $1 AND l.seq > $2
   ORDER BY l.seq LIMIT ${BATCH}`;

type Raw = { t: ChainTable; id: string; seq: string | number; hash: Buffer; digest: Buffer | null; body: (string | null)[] | null; reason: string | null; data: string | null; dossier_id: string | null };

export interface RecordReport {
  chains: ChainReport[];
  /** Rows written so recently (or by a transaction still open) that they are not linked yet. */
  pending: number;
}

/**
 * Links what is queued, then verifies every chain of the record in one consistent snapshot (REPEATABLE READ, read
 * only): rows are read in batches, so the memory used does not grow with the log.
 */
export async function verifyRecord(client: pg.ClientBase): Promise<RecordReport> {
  await sealRecord(client);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query('SET LOCAL search_path = pg_catalog');
    // Rows the trigger did not link (it was disabled, or the columns were altered) belong to no chain: a break too.
    const unlinked = await client.query<{ t: ChainTable; id: string | number }>(`
      SELECT 'audit_log' AS t, a.id FROM public.audit_log a
       WHERE NOT EXISTS (SELECT 1 FROM public.record_links l WHERE l.tbl = 'audit_log' AND l.row_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM public.record_pending q WHERE q.tbl = 'audit_log' AND q.row_id = a.id)
      UNION ALL
      SELECT 'dossier_events', e.id FROM public.dossier_events e
       WHERE NOT EXISTS (SELECT 1 FROM public.record_links l WHERE l.tbl = 'dossier_events' AND l.row_id = e.id)
         AND NOT EXISTS (SELECT 1 FROM public.record_pending q WHERE q.tbl = 'dossier_events' AND q.row_id = e.id)
      ORDER BY 1, 2 LIMIT 1`);
    const pending = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM public.record_pending')).rows[0]!.n);
    const heads = new Map((await client.query<{ chain_id: string; seq: string | number; hash: Buffer }>('SELECT chain_id::text, seq, hash FROM public.record_chain_heads'))
      .rows.map((h) => [h.chain_id, { seq: Number(h.seq), hash: h.hash }]));
    const chainIds = new Set<string>(heads.keys());
    for (const r of (await client.query<{ k: string }>('SELECT DISTINCT chain_id::text AS k FROM public.record_links')).rows) chainIds.add(r.k);
    const names = new Map((await client.query<{ id: string; short_name: string }>('SELECT id::text, short_name FROM public.centers')).rows.map((c) => [c.id, c.short_name]));
    const purged = new Set((await client.query<{ id: string }>(`SELECT entity_id AS id FROM public.audit_log WHERE action = 'dossier.purge' AND entity_id IS NOT NULL`)).rows.map((r) => r.id));

    const reports: ChainReport[] = [];
    for (const chainId of [...chainIds].sort()) {
      const walker = new ChainWalker(chainId, purged);
      let after = 0;
      for (;;) {
        const batch = (await client.query<Raw>(ROWS_SQL, [chainId, after])).rows;
        for (const r of batch) {
          const row: ChainRow = { table: r.t, id: r.id, seq: Number(r.seq), hash: r.hash, body: r.body };
          if (r.t === 'dossier_events' && r.body) row.personal = { reason: r.reason, data: r.data, digest: r.digest ?? Buffer.alloc(0), dossierId: r.dossier_id! };
          if (!walker.push(row)) break;
        }
        if (walker.broken || batch.length < BATCH) break;
        after = Number(batch[batch.length - 1]!.seq);
      }
      const head = heads.get(chainId) ?? null;
      const b = walker.finish(head);
      reports.push({
        chainId,
        name: chainId === PROVINCE_CHAIN ? 'cấp tỉnh' : names.get(chainId) ?? chainId,
        rows: walker.rows,
        redacted: walker.redacted,
        head: head && { seq: head.seq, hash: head.hash.toString('hex') },
        broken: b ? describeBreak(b) : null,
        break: b,
      });
    }
    if (unlinked.rowCount) {
      const u = unlinked.rows[0]!;
      const b: Break = { kind: 'unlinked', table: u.t, id: String(u.id) };
      reports.push({ chainId: '', name: 'ngoài chuỗi', rows: 0, redacted: 0, head: null, break: b, broken: describeBreak(b) });
    }
    return { chains: reports, pending };
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
