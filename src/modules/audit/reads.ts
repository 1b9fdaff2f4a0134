import type { FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit';

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
  await audit(db, { actorId: req.actor?.id ?? null, ...e, centerId: e.centerId === undefined ? req.actor?.centerId ?? null : e.centerId }, clock.now());
}

export type ReadAction =
  | 'dossier.file.download'
  | 'dossier.form.print'
  | 'dossier.search'
  | 'dossier.tracking_book.export'
  | 'applicant.organization.lookup'
  | 'fees.receipt.print'
  | 'fees.cashbook.export'
  | 'fees.report.export'
  | 'queue.stats.export';

/** How a dossier list was searched when the search is by personal data (null: it was not). */
export function personalSearch(q: { q?: string | undefined; idNumber?: string | undefined; phone?: string | undefined }): string[] | null {
  const by = [
    ...(q.idNumber || (q.q && /^\d{12}$/.test(q.q.trim())) ? ['idNumber'] : []),
    ...(q.phone ? ['phone'] : []),
  ];
  return by.length ? by : null;
}
