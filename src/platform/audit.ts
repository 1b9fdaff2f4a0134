import type { Queryable } from './db';

export interface AuditEntry {
  actorId: string | null;
  centerId?: string | null;
  action: string; // e.g. 'calendar.override.add'
  entity: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/** Appends to the audit log; call it inside the same transaction as the change it records. */
export async function audit(q: Queryable, e: AuditEntry, at: Date): Promise<void> {
  await q.query(
    'INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [at, e.actorId, e.centerId ?? null, e.action, e.entity, e.entityId ?? null, JSON.stringify(e.data ?? {})],
  );
}
