import type { FastifyRequest } from 'fastify';
import { KeyedBatcher } from '../../platform/batcher';
import { prepared, type Db } from '../../platform/db';

/**
 * What a staff member read of the applicants' personal data — a digitized file, a printed form, the tracking book,
 * a search by citizen ID or phone, an export — recorded before the answer leaves (no record, no data).
 *
 * The row names WHAT was read by reference (dossier code, file id, period, how many), never the personal values
 * themselves — not even the ID number searched for: the record is kept for ever while the personal data is purged
 * after its retention period (docs/SECURITY.md, personal-data register).
 */
export async function auditRead(req: FastifyRequest, e: { action: ReadAction; entity: string; entityId?: string | null; centerId?: string | null; data?: Record<string, unknown> }): Promise<void> {
  const { db, clock } = req.server.deps;
  await batcherFor(db).submit('reads', {
    at: clock.now().toISOString(), actor_id: req.actor?.id ?? null, center_id: e.centerId === undefined ? req.actor?.centerId ?? null : e.centerId,
    action: e.action, entity: e.entity, entity_id: e.entityId ?? null, data: e.data ?? {},
  });
}

export type ReadAction =
  | 'dossier.file.download'
  | 'dossier.form.print'
  | 'dossier.search'
  | 'dossier.tracking_book.export'
  | 'applicant.organization.lookup'
  | 'fees.receipt.print'
  | 'fees.refund.print'
  | 'fees.cashbook.export'
  | 'fees.report.export'
  | 'queue.stats.export'
  | 'reports.settlement.export'
  | 'reports.monthly.download';

/** How a dossier list was searched when the search is by personal data (null: it was not). */
export function personalSearch(q: { q?: string | undefined; idNumber?: string | undefined; phone?: string | undefined }): string[] | null {
  const by = [
    ...(q.idNumber || (q.q && /^\d{12}$/.test(q.q.trim())) ? ['idNumber'] : []),
    ...(q.phone ? ['phone'] : []),
  ];
  return by.length ? by : null;
}

interface ReadRow {
  at: string;
  actor_id: string | null;
  center_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  data: Record<string, unknown>;
}

// Reads arriving together are written by ONE statement and ONE commit (src/platform/batcher.ts): a search by ID at
// the counter is frequent, and a commit per read would cost more than the search itself.
const INSERT_READS = prepared(`INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
  SELECT x.at, x.actor_id, x.center_id, x.action, x.entity, x.entity_id, x.data
    FROM jsonb_to_recordset($1::jsonb) AS x(i int, at timestamptz, actor_id uuid, center_id uuid, action text, entity text, entity_id text, data jsonb)
   ORDER BY x.i`);

const batchers = new WeakMap<Db, KeyedBatcher<ReadRow, null>>();
function batcherFor(db: Db): KeyedBatcher<ReadRow, null> {
  let b = batchers.get(db);
  if (!b) {
    b = new KeyedBatcher<ReadRow, null>(async (_key, rows) => {
      await db.query({ name: INSERT_READS.name, text: INSERT_READS.text, values: [JSON.stringify(rows.map((r, i) => ({ ...r, i })))] });
      return rows.map(() => null);
    }, 100);
    batchers.set(db, b);
  }
  return b;
}
