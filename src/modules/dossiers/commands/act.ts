import { one, preparedVariant, withTx } from '../../../platform/db';
import { AppError, badRequest, forbidden } from '../../../platform/errors';
import { applyExtension, CalendarRuleError, extendForPause, type WorkCalendar } from '../../calendar/domain';
import { parseInstant } from '../../calendar/service';
import { decide, holderAfter, nextStatus, nextStep, RULES, type Action } from '../domain/lifecycle';
import { dossierDueDate, outcomeAt, stepDueAt } from '../domain/due';
import { legalDueAt, settlementOutcome } from '../../reports/domain';
import { actorView, type DossierCtx } from '../context';
import { findDossier, findDossierWithHistory, stateOf, writtenEvent, type DossierRow, type DossierWithHistory } from '../repo';
import type { ActionInput } from '../schemas';
import { applyChecklist, checklistAtReceipt } from './checklist';

type Changes = Record<string, unknown>;

/** A citizen handing in a supplement on their own dossier (checked by the caller). */
export interface CitizenActCtx extends Omit<DossierCtx, 'actor'> {
  citizen: { id: string };
}
export const CITIZEN_ACTOR = { fullName: 'Công dân (nộp trực tuyến)', username: 'citizen', departmentId: null };

/**
 * Applies one action of the transition table to a dossier: decide (state + permission + where the actor sits),
 * compute the action's effects, then a guarded UPDATE on (id, status, version) in one transaction with the
 * history event and the outbox row. If another clerk changed the dossier in between, nothing is written and
 * the caller gets 409.
 */
export async function act(ctx: DossierCtx | CitizenActCtx, code: string, action: Action, input: ActionInput): Promise<DossierWithHistory> {
  const { db, clock } = ctx;
  const now = clock.now();
  // Loaded with its history and files: the answer is this plus what the update returns, without reading again.
  const d = await findDossierWithHistory(db, code);
  // A citizen acts on their own online dossier only to hand in the requested supplement: the same transition the
  // clerk records at the counter, as if the center's reception recorded it (no staff account: the event's actor is empty).
  if ('citizen' in ctx && action !== 'supplement') throw forbidden('Công dân chỉ được nộp bổ sung hồ sơ.');
  const actor = 'actor' in ctx ? ctx.actor : { ...CITIZEN_ACTOR, id: null };
  const view = 'actor' in ctx ? actorView(ctx.actor) : { permissions: ['dossiers.receive' as const], centerId: d.center_id, departmentId: null, provinceWide: false };
  const decision = decide(stateOf(d), action, view);
  if (!decision.ok) throw new AppError(decision.code === 'FORBIDDEN' ? 403 : 409, decision.code, decision.message);
  if (input.version !== undefined && input.version !== d.version) throw staleError();
  if (RULES[action].reason && !input.reason) throw badRequest('DOSSIER_REASON_REQUIRED', 'Vui lòng nhập lý do.');

  const calendar = await ctx.calendars.forRow(d);
  const changes: Changes = {};
  const data: Record<string, unknown> = {};
  try {
    effects(d, action, input, now, calendar, changes, data);
  } catch (e) {
    if (e instanceof CalendarRuleError) throw new AppError(409, `DOSSIER_${e.code}`, e.message);
    throw e;
  }
  const to = nextStatus(stateOf(d), action);
  const step = nextStep(stateOf(d), action);
  changes.status = to;
  changes.step_index = step;
  changes.holder = holderAfter(stateOf(d), action);
  if (step !== d.step_index) changes.step_started_at = now;

  const cols = Object.keys(changes);
  const sets = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const values = cols.map((c) => {
    const v = changes[c];
    return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
  });
  // Update, history event and outbox row in ONE statement: atomic without a transaction round trip, and the
  // guard on (status, version) makes a concurrent change lose cleanly. The outbox row names its event, so the
  // notification tells what this action did (reason, missing items, dates), not what the dossier says later.
  const n = values.length;
  const reason = input.reason ?? input.note ?? null;
  const eventData = { ...data, note: input.note, ...('citizen' in ctx ? { citizen: ctx.citizen.id } : {}) };
  const r = await one<DossierRow & { event_id: number }>(db, preparedVariant(`
    WITH u AS (
      UPDATE dossiers SET ${sets}, version = version + 1, updated_at = now()
       WHERE id = $1 AND status = $2 AND version = $3 RETURNING *),
    e AS (INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, step_index, reason, data)
      SELECT u.id, $${n + 4}, $${n + 5}, $${n + 6}, $2, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10} FROM u RETURNING id),
    o AS (INSERT INTO outbox (topic, payload) SELECT $${n + 11}, $${n + 12}::jsonb || jsonb_build_object('eventId', e.id) FROM e)
    SELECT u.*, e.id AS event_id FROM u, e`), [
    d.id, d.status, d.version, ...values,
    now, actor.id, action, to, step, reason, JSON.stringify(eventData),
    `dossier.${action}`, JSON.stringify({ code: d.code, centerId: d.center_id, from: d.status, to }),
  ]);
  if (!r) throw staleError();
  const { event_id: eventId, ...row } = r;
  return {
    ...d,
    ...row,
    // A transition never moves the dossier to another procedure or department; it may only clear the assignee.
    assignee_name: row.assignee_id === d.assignee_id ? d.assignee_name : null,
    events: [...d.events, writtenEvent(actor, { id: eventId, at: now, action, from_status: d.status, to_status: to, step_index: step, reason, data: eventData })],
  };
}

const staleError = () => new AppError(409, 'DOSSIER_STALE', 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.');

/** What each action changes besides status, step and holder. Throws on bad input. */
function effects(d: DossierRow, action: Action, input: ActionInput, now: Date, cal: WorkCalendar, changes: Changes, data: Record<string, unknown>) {
  switch (action) {
    case 'receive': {
      const checklist = checklistAtReceipt(d.checklist, input.checklist);
      // Sent by post: counted from the postmark of arrival, not from this moment.
      const due = dossierDueDate(cal, d.postmarked_at ?? now, d.time_limit);
      Object.assign(changes, { checklist, received_at: now, receipt_day: due.receiptDay, due_at: due.dueAt });
      data.dueAt = due.dueAt.toISOString();
      if (d.postmarked_at) data.postmarkedAt = d.postmarked_at.toISOString();
      break;
    }
    case 'request-supplement':
    case 'request-supplement-by-department': {
      if (!input.missing?.length) throw badRequest('DOSSIER_MISSING_REQUIRED', 'Phiếu yêu cầu bổ sung phải liệt kê cụ thể giấy tờ, nội dung còn thiếu.');
      const count = d.supplement_count + 1;
      // The one-stop rule: a dossier is asked for a supplement once; any further request needs a written apology
      // and makes the dossier count as late.
      if (count >= 2 && !input.apology) throw badRequest('DOSSIER_APOLOGY_REQUIRED', 'Yêu cầu bổ sung từ lần thứ hai phải kèm thư xin lỗi người nộp.');
      Object.assign(changes, { supplement_count: count, ...(count >= 2 ? { late_by_supplement: true } : {}) });
      if (action === 'request-supplement-by-department') changes.paused_at = now;
      if (input.checklist) changes.checklist = applyChecklist(d.checklist, input.checklist);
      Object.assign(data, { missing: input.missing, requestNumber: count, apology: input.apology });
      break;
    }
    case 'supplement': {
      if (d.status === 'paused' && d.paused_at && d.due_at) {
        const newDue = extendForPause(cal, d.due_at, d.paused_at, now);
        Object.assign(changes, { due_at: newDue, paused_at: null });
        // The legal due date (before an extension) moves by the same paused time: the applicant's time never
        // counts against the center, extended or not.
        if (d.original_due_at) changes.original_due_at = extendForPause(cal, d.original_due_at, d.paused_at, now);
        Object.assign(data, { pausedFrom: d.paused_at.toISOString(), previousDueAt: d.due_at.toISOString(), dueAt: newDue.toISOString(),
          previousLegalDueAt: legalDueAt({ dueAt: d.due_at, originalDueAt: d.original_due_at }).toISOString() });
      }
      if (input.checklist) changes.checklist = applyChecklist(d.checklist, input.checklist);
      break;
    }
    case 'transfer':
    case 'complete-step':
    case 'send-back': {
      const from = d.step_index ?? 0;
      const fromStep = d.workflow[from];
      const startedAt = action === 'transfer' ? d.received_at ?? now : d.step_started_at ?? now;
      const due = stepDueAt(cal, startedAt, fromStep.budget);
      const to = action === 'transfer' ? 1 : action === 'complete-step' ? from + 1 : from - 1;
      Object.assign(data, { fromStep: from, toStep: to, fromUnit: fromStep.unit, toUnit: d.workflow[to]?.unit, stepDueAt: due.toISOString(), outcome: outcomeAt(cal, due, now) });
      if (action !== 'complete-step' || d.workflow[to]?.role !== 'department_head') changes.assignee_id = null;
      break;
    }
    case 'report-late': {
      if (!input.proposedDueAt) throw badRequest('DOSSIER_PROPOSED_DATE_REQUIRED', 'Cần đề xuất ngày hẹn trả mới.');
      const proposed = parseInstant(input.proposedDueAt);
      if (d.due_at && now >= d.due_at) throw new AppError(409, 'DOSSIER_LATE_NOTICE_TOO_LATE', 'Phải báo trễ hạn trước thời điểm hẹn trả kết quả.');
      if (d.due_at && proposed <= d.due_at) throw badRequest('DOSSIER_PROPOSED_NOT_LATER', 'Ngày hẹn đề xuất phải sau ngày hẹn hiện tại.');
      changes.late_notice = { reason: input.reason, proposedDueAt: proposed.toISOString(), at: now.toISOString() };
      data.proposedDueAt = proposed.toISOString();
      break;
    }
    case 'extend': {
      if (!input.newDueAt) throw badRequest('DOSSIER_NEW_DATE_REQUIRED', 'Cần ngày hẹn trả kết quả mới.');
      const newDue = parseInstant(input.newDueAt);
      if (newDue <= now) throw badRequest('DOSSIER_NEW_DATE_PAST', 'Ngày hẹn mới phải ở tương lai.');
      const ext = applyExtension({ dueAt: d.due_at ?? now, originalDueAt: d.original_due_at, extendedAt: d.extended_at }, newDue, now);
      Object.assign(changes, { due_at: ext.dueAt, original_due_at: ext.originalDueAt, extended_at: ext.extendedAt, extension_reason: input.reason });
      Object.assign(data, { previousDueAt: d.due_at?.toISOString(), dueAt: newDue.toISOString() });
      break;
    }
    case 'resolve':
    case 'reject': {
      changes.settled_at = now;
      changes.result = action === 'resolve'
        ? { summary: input.resultSummary ?? input.note ?? '', fileId: input.resultFileId ?? null }
        : { rejected: true, reason: input.reason };
      // Recorded once, as the statistics count it (reports/domain): the timeline, the report and the index agree.
      if (d.due_at) {
        changes.outcome = settlementOutcome(cal, { dueAt: d.due_at, originalDueAt: d.original_due_at, endedAt: now, withdrawn: false, lateBySupplement: d.late_by_supplement });
        data.outcome = changes.outcome;
      }
      break;
    }
    case 'return': {
      const method = input.method ?? 'counter';
      if (method === 'post' && !input.trackingNumber) throw badRequest('DOSSIER_TRACKING_REQUIRED', 'Trả qua bưu chính cần mã vận đơn.');
      Object.assign(changes, { returned_at: now, closed_at: now, return_method: method });
      Object.assign(data, { method, trackingNumber: input.trackingNumber });
      if (method === 'counter') data.collectedBy = collectedBy(d, input);
      break;
    }
    case 'refuse':
    case 'withdraw':
      changes.closed_at = now;
      // Withdrawn after receipt: an end of a received dossier ("dừng"), counted apart in the reports.
      if (action === 'withdraw' && d.received_at) changes.outcome = 'withdrawn';
      break;
  }
}

/**
 * Who took the result at the counter, as the return step records it: the applicant (named from the dossier), or a
 * person they authorised, with that person's ID number and the authorisation paper (all three required).
 */
function collectedBy(d: DossierRow, input: ActionInput): Record<string, string> {
  const c = input.collectedBy ?? { kind: 'applicant' as const };
  if (c.kind === 'applicant') {
    const a = d.applicant as { fullName?: string; orgName?: string | null; representative?: string | null };
    return { kind: 'applicant', fullName: c.fullName ?? a.fullName ?? a.orgName ?? '' };
  }
  if (!c.fullName || !c.idNumber || !c.authorization) {
    throw badRequest('DOSSIER_COLLECTOR_REQUIRED', 'Người được ủy quyền nhận kết quả: nhập họ tên, số CCCD và giấy ủy quyền.');
  }
  return { kind: 'authorized', fullName: c.fullName, idNumber: c.idNumber, authorization: c.authorization };
}

/** Claim a dossier at the current step (specialist) or assign it to a colleague of the department (head). */
export async function assign(ctx: DossierCtx, code: string, userId: string | null, version?: number): Promise<void> {
  const { db, clock, actor } = ctx;
  const d = await findDossier(db, code);
  const view = actorView(actor);
  if (!['in_progress', 'paused'].includes(d.status)) throw new AppError(409, 'DOSSIER_INVALID_TRANSITION', 'Chỉ phân công hồ sơ đang giải quyết.');
  if (!view.permissions.includes('dossiers.process') || actor.departmentId !== d.department_id) throw forbidden('Hồ sơ không thuộc phòng của bạn.');
  const target = userId ?? actor.id;
  if (target !== actor.id && !view.permissions.includes('dossiers.approve')) throw forbidden('Chỉ lãnh đạo phòng được phân công cho người khác.');
  // Only an active colleague of the holding department who can process dossiers (a specialist or the head).
  const member = await one<{ full_name: string }>(db, `SELECT full_name FROM users WHERE id = $1 AND department_id = $2 AND active
    AND roles && ARRAY['specialist', 'department_head']::text[]`, [target, d.department_id]);
  if (!member) throw badRequest('DOSSIER_ASSIGNEE_INVALID', 'Người được phân công phải là cán bộ xử lý của phòng đang giữ hồ sơ.');
  if (version !== undefined && version !== d.version) throw staleError();
  await withTx(db, async (tx) => {
    const r = await one(tx, `UPDATE dossiers SET assignee_id = $4, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2 AND version = $3 RETURNING id`, [d.id, d.status, d.version, target]);
    if (!r) throw staleError();
    await tx.query(`INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, step_index, data) VALUES ($1,$2,$3,'assign',$4,$4,$5,$6)`,
      [d.id, clock.now(), actor.id, d.status, d.step_index, JSON.stringify({ assigneeId: target, assigneeName: member.full_name, ...(target !== actor.id ? { assignedByHead: true } : {}) })]);
  });
}
