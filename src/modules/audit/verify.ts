import type pg from 'pg';
import { ChainWalker, describeBreak, PROVINCE_CHAIN, type Break, type ChainRow, type ChainTable } from './chain';

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
  SELECT 'audit_log' AS t, a.id::text AS id, a.chain_seq AS seq, a.chain_hash AS hash,
         ARRAY[a.id::text, to_char(a.at AT TIME ZONE 'UTC', ${INSTANT}), a.actor_id::text, a.center_id::text, a.action, a.entity, a.entity_id, a.data::text] AS body,
         NULL::text AS reason, NULL::text AS data, NULL::bytea AS digest, false AS redacted, NULL::text AS dossier_id
    FROM public.audit_log a WHERE a.chain_id = $1 AND a.chain_seq > $2
  UNION ALL
  SELECT 'dossier_events', e.id::text, e.chain_seq, e.chain_hash,
         ARRAY[e.id::text, e.dossier_id::text, to_char(e.at AT TIME ZONE 'UTC', ${INSTANT}), e.actor_id::text, e.action, e.from_status, e.to_status,
               e.step_index::text, e.flagged::text, encode(e.personal_digest, 'hex')],
         e.reason, e.data::text, e.personal_digest, e.redacted, e.dossier_id::text
    FROM public.dossier_events e WHERE e.chain_id = $1 AND e.chain_seq > $2
  ORDER BY seq LIMIT ${BATCH}`;

type Raw = { t: ChainTable; id: string; seq: string | number; hash: Buffer; body: (string | null)[]; reason: string | null; data: string | null; digest: Buffer | null; redacted: boolean; dossier_id: string | null };

/**
 * Verifies every chain of the record in one consistent snapshot (REPEATABLE READ, read only): rows are read in
 * batches, so the memory used does not grow with the log.
 */
export async function verifyRecord(client: pg.ClientBase): Promise<ChainReport[]> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query('SET LOCAL search_path = pg_catalog');
    // Rows the trigger did not link (it was disabled, or the columns were altered) belong to no chain: a break too.
    const unlinked = await client.query<{ t: ChainTable; id: string }>(`
      SELECT 'audit_log' AS t, id::text FROM public.audit_log WHERE chain_id IS NULL OR chain_seq IS NULL OR chain_hash IS NULL
      UNION ALL SELECT 'dossier_events', id::text FROM public.dossier_events WHERE chain_id IS NULL OR chain_seq IS NULL OR chain_hash IS NULL OR personal_digest IS NULL
      ORDER BY 2 LIMIT 1`);
    const heads = new Map((await client.query<{ chain_id: string; seq: string | number; hash: Buffer }>('SELECT chain_id::text, seq, hash FROM public.record_chain_heads'))
      .rows.map((h) => [h.chain_id, { seq: Number(h.seq), hash: h.hash }]));
    const chainIds = new Set<string>(heads.keys());
    for (const t of ['audit_log', 'dossier_events']) {
      for (const r of (await client.query<{ k: string }>(`SELECT DISTINCT chain_id::text AS k FROM public.${t} WHERE chain_id IS NOT NULL`)).rows) chainIds.add(r.k);
    }
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
          if (r.t === 'dossier_events') row.personal = { reason: r.reason, data: r.data, digest: r.digest!, redacted: r.redacted, dossierId: r.dossier_id! };
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
      reports.push({ chainId: '', name: 'ngoài chuỗi', rows: 0, redacted: 0, head: null, break: null,
        broken: `dòng đầu tiên bị hỏng: ${u.t} id ${u.id} không thuộc chuỗi nào (được ghi khi cơ chế liên kết bị tắt)` });
    }
    return reports;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
