// Urging ("đôn đốc"): a leader or the supervision section urges one dossier or a whole department; the scheduler urges
// by itself one working day before the legal due date and at overdue. Each urge is a row of `urges`, an event in the
// dossier's history, notifications to whoever holds the dossier and the department's heads, and an audit entry — all
// in one transaction.
import { randomUUID } from 'node:crypto';
import type { Db, Queryable, Tx } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import { audit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import type { Claim } from '../../platform/idempotency';
import type { Actor } from '../auth/actor';
import { ROLE_NAMES, isRole } from '../auth/permissions';
import type { Fragment } from '../reports/sql';
import * as q from '../reports/sql';
import { departmentUrgeMessage, URGEABLE, urgeMessage, type UrgedDossier, type UrgeKind } from './domain';
import { departmentHeads, notifyStaff, recipientsOf, type MailConfig, type Recipient } from './notifications';
import { untouchedNow, type Cutoff } from './sql';

export interface UrgeCtx {
  db: Db;
  now: Date;
  config: MailConfig;
}

export interface UrgeTarget {
  id: string;
  code: string;
  center_id: string;
  status: string;
  department_id: string | null;
  department_name: string | null;
  step_index: number | null;
  step_name: string | null;
  assignee_id: string | null;
  field_code: string;
  procedure_name: string;
  legal_due_at: Date | null;
}

export const TARGET_COLUMNS = `d.id, d.code, d.center_id, d.status, d.department_id, dep.name AS department_name, d.step_index,
  CASE WHEN d.step_index IS NOT NULL THEN d.workflow -> d.step_index ->> 'name' END AS step_name, d.assignee_id, d.field_code,
  p.name AS procedure_name, coalesce(d.original_due_at, d.due_at) AS legal_due_at`;
export const TARGET_FROM = `dossiers d JOIN procedures p ON p.code = d.procedure_code LEFT JOIN departments dep ON dep.id = d.department_id`;

export interface UrgeRecord {
  id: number;
  kind: UrgeKind;
  dossier: { code: string };
  department: { id: string; name: string } | null;
  note: string;
  at: string;
  by: { id: string; name: string } | null;
  recipients: { id: string; name: string; role: Recipient['role'] }[];
}

const urged = (d: UrgeTarget): UrgedDossier => ({ code: d.code, procedureName: d.procedure_name, legalDueAt: d.legal_due_at, step: d.step_name });

/** How the urging person is named in the message: their role at the center. */
export function titleOf(actor: Pick<Actor, 'roles'>): string {
  const role = ['director', 'deputy_director', 'supervisor'].find((r) => actor.roles.includes(r)) ?? actor.roles.find(isRole);
  return role && isRole(role) ? ROLE_NAMES[role].vi : 'Cán bộ';
}

/**
 * Records one urge of one dossier in `tx`. Automatic kinds insert only if the dossier is still open and was not urged
 * this way before (the unique index): null then, and nothing else is written.
 */
async function recordUrge(tx: Tx, ctx: UrgeCtx, d: UrgeTarget, kind: UrgeKind, note: string, actor: Actor | null, batchId: string | null,
  recipients: Recipient[]): Promise<UrgeRecord | null> {
  const auto = kind === 'due_soon' || kind === 'overdue';
  const urge = await one<{ id: string }>(tx, `INSERT INTO urges (center_id, dossier_id, department_id, kind, batch_id, note, actor_id, at)
    SELECT d.center_id, d.id, CASE WHEN d.step_index IS NOT NULL THEN d.department_id END, $2, $3, $4, $5, $6 FROM dossiers d
    WHERE d.id = $1 ${auto ? `AND d.received_at IS NOT NULL AND d.settled_at IS NULL AND d.closed_at IS NULL
    ON CONFLICT (dossier_id, kind) WHERE kind IN ('due_soon', 'overdue') DO NOTHING` : ''} RETURNING id`,
  [d.id, kind, batchId, note, actor?.id ?? null, ctx.now]);
  if (!urge) return null;
  const id = Number(urge.id);
  const data = { urgeId: id, kind, ...(batchId ? { batchId } : {}), recipients: recipients.map((r) => r.name) };
  // The event takes the dossier's status and step as they are in this transaction.
  const event = await one<{ id: string }>(tx, `INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, step_index, reason, data)
    SELECT d.id, $2, $3, 'urge', d.status, d.status, d.step_index, $4, $5 FROM dossiers d WHERE d.id = $1 RETURNING id`,
  [d.id, ctx.now, actor?.id ?? null, note || null, JSON.stringify(data)]);
  await tx.query('UPDATE urges SET event_id = $2 WHERE id = $1', [id, event!.id]);
  if (kind !== 'department') {
    const by = actor ? { name: actor.fullName, title: titleOf(actor) } : null;
    await notifyStaff(tx, ctx.config, recipients, urgeMessage(kind, urged(d), by, note), { centerId: d.center_id, dossierCode: d.code, urgeId: id }, ctx.now);
  }
  await audit(tx, {
    actorId: actor?.id ?? null, centerId: d.center_id, action: auto ? 'dossiers.urge.auto' : kind === 'department' ? 'departments.urge.dossier' : 'dossiers.urge',
    entity: 'dossier', entityId: d.code, data: { urgeId: id, kind, note, recipients: recipients.map((r) => r.id) },
  }, ctx.now);
  return {
    id, kind, dossier: { code: d.code }, department: d.department_id && d.step_index !== null ? { id: d.department_id, name: d.department_name ?? '' } : null,
    note, at: ctx.now.toISOString(), by: actor ? { id: actor.id, name: actor.fullName } : null,
    recipients: recipients.map((r) => ({ id: r.id, name: r.name, role: r.role })),
  };
}

/** The dossier a caller may urge: their center's (another center's is "not found", as if it did not exist). */
async function targetFor(db: Queryable, actor: Actor, code: string): Promise<UrgeTarget> {
  const d = await one<UrgeTarget>(db, `SELECT ${TARGET_COLUMNS} FROM ${TARGET_FROM} WHERE d.code = $1`, [code]);
  if (!d || d.center_id !== actor.centerId) throw notFound(`hồ sơ có mã ${code}`);
  if (!URGEABLE.includes(d.status)) {
    throw new AppError(409, 'DOSSIER_NOT_URGEABLE', d.status === 'paused'
      ? 'Hồ sơ đang tạm dừng chờ người nộp bổ sung: không đôn đốc phòng chuyên môn lúc này.'
      : 'Chỉ đôn đốc hồ sơ đang giải quyết (đã tiếp nhận, chưa có kết quả).');
  }
  return d;
}

/** A leader's (or the supervision section's) urge of one dossier. */
export async function urgeDossier(ctx: UrgeCtx, actor: Actor, code: string, note: string, claim: Claim<UrgeRecord>): Promise<UrgeRecord> {
  const d = await targetFor(ctx.db, actor, code);
  return withTx(ctx.db, async (tx) => {
    const recipients = (await recipientsOf(tx, d)).filter((r) => r.id !== actor.id);
    const r = (await recordUrge(tx, ctx, d, 'manual', note, actor, null, recipients))!;
    await claim.record(tx, r);
    return r;
  });
}

export type DepartmentUrgeScope = 'late' | 'untouched' | 'all';

export interface DepartmentUrge {
  batchId: string;
  department: { id: string; name: string };
  dossiers: 'late' | 'untouched' | 'all';
  note: string;
  at: string;
  by: { id: string; name: string };
  urged: { code: string }[];
  recipients: { id: string; name: string; role: Recipient['role'] }[];
}

/**
 * A department-wide urge: every dossier the department is working on that is late (overdue or at risk), untouched
 * for more than half a working day, or all of them. Each dossier gets its history event; the heads get one message
 * listing them all, each assignee one listing theirs.
 */
export async function urgeDepartment(ctx: UrgeCtx, actor: Actor, departmentId: string, scope: DepartmentUrgeScope, note: string,
  limits: { atRisk: { centerId: string; until: Date }[]; untouched: Cutoff[] }, claim: Claim<DepartmentUrge>): Promise<DepartmentUrge> {
  const dep = await one<{ id: string; name: string; center_id: string }>(ctx.db, 'SELECT id, name, center_id FROM departments WHERE id = $1', [departmentId]);
  if (!dep || dep.center_id !== actor.centerId) throw notFound('phòng chuyên môn');
  const which: Fragment = scope === 'late'
    ? { sql: `(${q.overdueNow(ctx.now).sql}) OR (${q.atRiskNow(ctx.now, limits.atRisk).sql})`, values: [...q.overdueNow(ctx.now).values, ...q.atRiskNow(ctx.now, limits.atRisk).values] }
    : scope === 'untouched' ? untouchedNow(limits.untouched) : { sql: 'true', values: [] };
  const w = q.numbered(q.and({ sql: `d.department_id = ? AND d.step_index IS NOT NULL AND d.status = 'in_progress'`, values: [dep.id] }, which));
  const targets = await many<UrgeTarget>(ctx.db, `SELECT ${TARGET_COLUMNS} FROM ${TARGET_FROM} WHERE ${w.sql} ORDER BY coalesce(d.original_due_at, d.due_at), d.code`, w.values);
  if (!targets.length) {
    throw new AppError(409, 'DEPARTMENT_NOTHING_TO_URGE', scope === 'late' ? 'Phòng không có hồ sơ quá hạn hoặc sắp đến hạn để đôn đốc.'
      : scope === 'untouched' ? 'Phòng không có hồ sơ chậm cập nhật để đôn đốc.' : 'Phòng không có hồ sơ đang giải quyết để đôn đốc.');
  }
  const batchId = randomUUID();
  return withTx(ctx.db, async (tx) => {
    const heads = (await departmentHeads(tx, dep.id)).filter((h) => h.id !== actor.id);
    const assignees = await many<Recipient>(tx, `SELECT id, full_name AS name, email, 'assignee' AS role FROM users WHERE active AND id = ANY($1::uuid[])`,
      [[...new Set(targets.map((t) => t.assignee_id).filter((x): x is string => !!x && x !== actor.id))]]);
    const recipients = [...heads, ...assignees.filter((a) => !heads.some((h) => h.id === a.id))];
    const by = { name: actor.fullName, title: titleOf(actor) };
    for (const t of targets) {
      const concerned = recipients.filter((r) => r.role === 'department_head' || r.id === t.assignee_id);
      await recordUrge(tx, ctx, t, 'department', note, actor, batchId, concerned);
    }
    const ref = { centerId: dep.center_id };
    await notifyStaff(tx, ctx.config, heads, departmentUrgeMessage(dep.name, targets.map(urged), by, note), ref, ctx.now);
    for (const a of assignees.filter((x) => !heads.some((h) => h.id === x.id))) {
      await notifyStaff(tx, ctx.config, [a], departmentUrgeMessage(dep.name, targets.filter((t) => t.assignee_id === a.id).map(urged), by, note), ref, ctx.now);
    }
    await audit(tx, { actorId: actor.id, centerId: dep.center_id, action: 'departments.urge', entity: 'department', entityId: dep.id,
      data: { batchId, scope, note, dossiers: targets.map((t) => t.code) } }, ctx.now);
    const answer: DepartmentUrge = {
      batchId, department: { id: dep.id, name: dep.name }, dossiers: scope, note, at: ctx.now.toISOString(), by: { id: actor.id, name: actor.fullName },
      urged: targets.map((t) => ({ code: t.code })), recipients: recipients.map((r) => ({ id: r.id, name: r.name, role: r.role })),
    };
    await claim.record(tx, answer);
    return answer;
  });
}

/**
 * The scheduler's urge of one dossier (one working day before the legal due date, or at overdue): once per dossier
 * and kind however many instances try. Returns whether this call made it.
 */
export async function autoUrge(ctx: UrgeCtx, d: UrgeTarget, kind: 'due_soon' | 'overdue'): Promise<boolean> {
  return withTx(ctx.db, async (tx) => {
    const recipients = await recipientsOf(tx, d);
    return (await recordUrge(tx, ctx, d, kind, '', null, null, recipients)) !== null;
  });
}
