import type { Db, Tx } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import type { FileStore } from '../../platform/storage';
import { retentionCutoffs, type RetentionCutoffs } from './domain/cutoff';

// The purge of personal data past its retention period (docs/SECURITY.md, personal-data register). It runs as the
// schema owner: emptying an event's free text is the one change the record allows, and only the owner may make it.
//
// Kept: every dossier row with its dates, statuses, procedure, center, department and fees (the statistics), the
// events' actions, times and actors, the audit log, and the hash chain — which still verifies, because it covers an
// event's free text only through a digest and each purge is itself recorded in the chain ('dossier.purge').
// Removed: the applicant's snapshot on the dossier, the shared applicant record once none of its dossiers is kept,
// the events' free text (notes, reasons, missing papers, tracking numbers), the result summary and reasons, the
// digitized files (rows and content), the messages sent to the applicant (recipient and text: e-mail, SMS, Zalo),
// postal addresses and SMS phones of services, and, after the accounting period, the payer on fee receipts; queue
// tickets older than the period lose their phone number, and messages of no dossier (queue, look-up replies, codes)
// their recipient and text; feedback and complaints closed (published or not accepted) before the cut-off lose the
// sender's name, phone and e-mail (the content and the answer stay: they are what was published).

export interface PurgeCounts {
  dossiers: number;
  events: number;
  files: number;
  fileBytes: number;
  applicants: number;
  messages: number;
  services: number;
  receipts: number;
  tickets: number;
  feedback: number;
}

export interface PurgeResult {
  cutoffs: RetentionCutoffs;
  counts: PurgeCounts;
  applied: boolean;
}

const BATCH = 200;
const ANONYMOUS = '{}';
/** A message keeps its event, channel, status and times; who it went to and what it said go. */
const FORGET_MESSAGE = `recipient = '', body = '', subject = NULL, html = NULL, template_data = NULL`;

/** Feedback whose workflow ended before the cut-off ($1) and still holds the sender's contact details. */
const CLOSED_FEEDBACK = `purged_at IS NULL AND status IN ('published', 'rejected') AND updated_at < $1`;

/** What a purge at `now` would remove (dry run), without changing anything. */
async function plan(db: Db, c: RetentionCutoffs): Promise<PurgeCounts> {
  const r = await one<Record<keyof PurgeCounts, string | number>>(db, `
    WITH d AS (SELECT id, code FROM dossiers WHERE purged_at IS NULL AND closed_at < $1),
    f AS (SELECT DISTINCT f.sha256 FROM dossier_files f WHERE f.dossier_id IN (SELECT id FROM d)
           AND NOT EXISTS (SELECT 1 FROM dossier_files o WHERE o.sha256 = f.sha256 AND o.dossier_id NOT IN (SELECT id FROM d)))
    SELECT (SELECT count(*) FROM d) AS dossiers,
           (SELECT count(*) FROM dossier_events WHERE dossier_id IN (SELECT id FROM d) AND (reason IS NOT NULL OR data <> '{}')) AS events,
           (SELECT count(*) FROM f) AS files,
           (SELECT coalesce(sum(s.size), 0) FROM stored_files s WHERE s.sha256 IN (SELECT sha256 FROM f)) AS "fileBytes",
           (SELECT count(*) FROM applicants a WHERE a.purged_at IS NULL AND a.id IN (SELECT applicant_id FROM dossiers WHERE id IN (SELECT id FROM d))
             AND NOT EXISTS (SELECT 1 FROM dossiers o WHERE o.applicant_id = a.id AND o.purged_at IS NULL AND o.id NOT IN (SELECT id FROM d))) AS applicants,
           (SELECT count(*) FROM notification_messages WHERE recipient <> '' AND (dossier_id IN (SELECT id FROM d) OR (dossier_id IS NULL AND created_at < $1))) AS messages,
           (SELECT count(*) FROM dossier_services WHERE dossier_id IN (SELECT id FROM d) AND purged_at IS NULL) AS services,
           (SELECT count(*) FROM fee_receipts WHERE purged_at IS NULL AND issued_at < $2) AS receipts,
           (SELECT count(*) FROM queue_tickets WHERE phone IS NOT NULL AND issued_at < $1) AS tickets,
           (SELECT count(*) FROM feedback WHERE ${CLOSED_FEEDBACK}) AS feedback`, [c.dossiers, c.receipts]);
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)])) as unknown as PurgeCounts;
}

/** One batch of dossiers, in one transaction; returns what it removed and the file contents no longer referenced. */
async function purgeBatch(tx: Tx, ids: string[], now: Date, counts: PurgeCounts): Promise<string[]> {
  const dossiers = await many<{ id: string; code: string; center_id: string }>(tx,
    'SELECT id, code, center_id FROM dossiers WHERE id = ANY($1) AND purged_at IS NULL FOR UPDATE', [ids]);
  if (!dossiers.length) return [];
  const live = dossiers.map((d) => d.id);
  const codes = dossiers.map((d) => d.code);
  // The dossier keeps the kind of applicant (statistics); the snapshot keeps its shape with empty values, so every
  // screen and form still works on a purged dossier.
  await tx.query(`UPDATE dossiers SET applicant = jsonb_build_object('kind', applicant->'kind', 'fullName', '', 'idNumber', NULL, 'dateOfBirth', NULL,
        'phone', '', 'email', '', 'address', '', 'orgName', NULL, 'taxCode', NULL),
      result = CASE WHEN result IS NULL THEN NULL WHEN result ? 'rejected' THEN jsonb_build_object('rejected', result->'rejected') ELSE '{}'::jsonb END,
      extension_reason = NULL, late_notice = late_notice - 'reason', return_address = NULL, purged_at = $2
    WHERE id = ANY($1)`, [live, now]);
  const events = await tx.query(`UPDATE dossier_events SET reason = NULL, data = '${ANONYMOUS}'
    WHERE dossier_id = ANY($1) AND (reason IS NOT NULL OR data <> '${ANONYMOUS}')`, [live]);
  counts.events += events.rowCount ?? 0;
  // Files: another (kept) dossier that reused one keeps its own row and the content; the reuse link is cut.
  await tx.query(`UPDATE dossier_files SET reused_from = NULL
    WHERE reused_from IN (SELECT id FROM dossier_files WHERE dossier_id = ANY($1)) AND NOT (dossier_id = ANY($1))`, [live]);
  const removed = await many<{ sha256: string }>(tx, 'DELETE FROM dossier_files WHERE dossier_id = ANY($1) RETURNING sha256', [live]);
  const gone = await many<{ sha256: string; size: number }>(tx, `DELETE FROM stored_files s WHERE s.sha256 = ANY($1)
      AND NOT EXISTS (SELECT 1 FROM dossier_files f WHERE f.sha256 = s.sha256) RETURNING sha256, size`, [[...new Set(removed.map((r) => r.sha256))]]);
  counts.files += gone.length;
  counts.fileBytes += gone.reduce((s, g) => s + Number(g.size), 0);
  counts.messages += (await tx.query(`UPDATE notification_messages SET ${FORGET_MESSAGE} WHERE dossier_id = ANY($1) AND recipient <> ''`, [live])).rowCount ?? 0;
  counts.services += (await tx.query(`UPDATE dossier_services SET recipient = NULL, address = NULL, phone = NULL, purged_at = $2
    WHERE dossier_id = ANY($1) AND purged_at IS NULL`, [live, now])).rowCount ?? 0;
  // The shared applicant record goes once none of its dossiers is kept.
  counts.applicants += (await tx.query(`UPDATE applicants a SET full_name = '', id_number = NULL, date_of_birth = NULL, phone = '', email = '',
      address = '', org_name = NULL, tax_code = NULL, purged_at = $2, updated_at = $2
    WHERE a.id IN (SELECT applicant_id FROM dossiers WHERE id = ANY($1)) AND a.purged_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM dossiers o WHERE o.applicant_id = a.id AND o.purged_at IS NULL)`, [live, now])).rowCount ?? 0;
  // One audit row per dossier, in the chain: what makes its events' emptied text acceptable to audit:verify.
  await tx.query(`INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
    SELECT $1, NULL, d.center_id, 'dossier.purge', 'dossier', d.id::text, jsonb_build_object('code', d.code)
      FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS d(id, center_id, code)`,
  [now, live, dossiers.map((d) => d.center_id), codes]);
  counts.dossiers += dossiers.length;
  return gone.map((g) => g.sha256);
}

/**
 * Purges (or, with `apply` false, counts) the personal data of the dossiers that ended more than `retentionYears`
 * before `now`. Batches of dossiers in their own transactions; file contents are removed from the store after their
 * batch committed.
 */
export async function purgePersonalData(db: Db, store: FileStore, opts: { now: Date; retentionYears: number; apply: boolean }): Promise<PurgeResult> {
  const cutoffs = retentionCutoffs(opts.now, opts.retentionYears);
  const counts: PurgeCounts = { dossiers: 0, events: 0, files: 0, fileBytes: 0, applicants: 0, messages: 0, services: 0, receipts: 0, tickets: 0, feedback: 0 };
  if (!cutoffs.dossiers) return { cutoffs, counts, applied: opts.apply };
  if (!opts.apply) return { cutoffs, counts: await plan(db, cutoffs), applied: false };

  for (;;) {
    const ids = (await many<{ id: string }>(db, 'SELECT id FROM dossiers WHERE purged_at IS NULL AND closed_at < $1 ORDER BY closed_at, id LIMIT $2',
      [cutoffs.dossiers, BATCH])).map((r) => r.id);
    if (!ids.length) break;
    const contents = await withTx(db, (tx) => purgeBatch(tx, ids, opts.now, counts));
    for (const sha of contents) await store.remove(sha);
  }
  counts.receipts = (await db.query(`UPDATE fee_receipts SET payer = jsonb_build_object('name', '', 'address', ''), purged_at = $2
    WHERE purged_at IS NULL AND issued_at < $1`, [cutoffs.receipts, opts.now])).rowCount ?? 0;
  counts.tickets = (await db.query('UPDATE queue_tickets SET phone = NULL WHERE phone IS NOT NULL AND issued_at < $1', [cutoffs.dossiers])).rowCount ?? 0;
  counts.messages += (await db.query(`UPDATE notification_messages SET ${FORGET_MESSAGE} WHERE dossier_id IS NULL AND recipient <> '' AND created_at < $1`,
    [cutoffs.dossiers])).rowCount ?? 0;
  counts.feedback = (await db.query(`UPDATE feedback SET contact_name = '', contact_phone = NULL, contact_email = NULL, purged_at = $2
    WHERE ${CLOSED_FEEDBACK}`, [cutoffs.dossiers, opts.now])).rowCount ?? 0;
  return { cutoffs, counts, applied: true };
}
