import { z } from 'zod';
import { forbidden } from '../../platform/errors';
import { presentedResponse } from '../../http/serializer';
import { returnWindow, type WorkCalendar } from '../calendar/domain';
import { presentSession, PublicSessionOut } from '../calendar/schemas';
import { openState, settlementOutcome } from '../reports/domain';
import { isUntouched, lastTouch, mustBeUpdated, URGEABLE } from '../control/domain';
import type { Actor } from '../auth/actor';
import { actorCan, isDepartmentStaff, isProvinceWide } from '../auth/actor';
import { abilities, ACTIONS, STATUSES, statusName } from './domain/lifecycle';
import { named } from '../../http/openapi';
import { actorView } from './context';
import { stateOf, type DossierRow, type DossierWithHistory, type SummaryRow } from './repo';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Department staff see a dossier only once the workflow has handed it to their department. */
export function canView(actor: Actor, d: Pick<DossierRow, 'center_id' | 'department_id' | 'step_index'>): boolean {
  if (isProvinceWide(actor)) return actorCan(actor, 'dossiers.view_center');
  if (actorCan(actor, 'dossiers.view_center') && actor.centerId === d.center_id) return true;
  if (isDepartmentStaff(actor) || actorCan(actor, 'dossiers.view_department')) {
    return actor.departmentId !== null && actor.departmentId === d.department_id && d.step_index !== null;
  }
  return false;
}

export function assertCanView(actor: Actor, d: DossierRow): void {
  if (!canView(actor, d)) throw forbidden('Bạn không được xem hồ sơ này.');
}

type TimingFields = 'due_at' | 'original_due_at' | 'paused_at' | 'settled_at' | 'closed_at' | 'status' | 'late_by_supplement' | 'outcome';
/**
 * The timing tag of a dossier, as the reports count it (reports/domain): how it ended (recorded then; computed for
 * rows from before that was recorded), or, while open, overdue / at risk (due within one working day) / in time by the
 * legal clock with paused time excluded.
 */
export function timingOf(cal: WorkCalendar, d: Pick<DossierRow, TimingFields>, now: Date): 'early' | 'on_time' | 'late' | 'overdue' | 'at_risk' | 'in_time' | null {
  if (!d.due_at || d.status === 'withdrawn' || d.status === 'refused') return null;
  if (d.settled_at) {
    const o = d.outcome ?? settlementOutcome(cal, { dueAt: d.due_at, originalDueAt: d.original_due_at, endedAt: d.settled_at, withdrawn: false, lateBySupplement: d.late_by_supplement });
    return o === 'withdrawn' ? null : o;
  }
  const state = openState(cal, { dueAt: d.due_at, originalDueAt: d.original_due_at, pausedAt: d.paused_at }, now);
  return state === 'within_time' ? 'in_time' : state;
}

const Ref = z.object({ id: z.string(), name: z.string() });
// Enumerations the web switches on: named in the schema so the generated web types are unions, not strings.
const Status = z.enum(STATUSES);
const Timing = z.enum(['early', 'on_time', 'late', 'overdue', 'at_risk', 'in_time']);
const ApplicantKind = z.enum(['person', 'organization']);
/** The applicant as registered (FormApplicant); loose, so a field stored later still reaches the page. */
const Applicant = z.looseObject({
  kind: ApplicantKind, fullName: z.string(), idNumber: z.string().nullable().optional(), dateOfBirth: z.string().nullable().optional(),
  phone: z.string().optional(), email: z.string().optional(), address: z.string().optional(), orgName: z.string().nullable().optional(), taxCode: z.string().nullable().optional(),
});
/** What `can` answers: each lifecycle action, plus claiming and assigning within the department. */
const Can = z.object({ ...Object.fromEntries(ACTIONS.map((a) => [a, z.boolean()])) as Record<(typeof ACTIONS)[number], z.ZodBoolean>, claim: z.boolean(), assign: z.boolean(), urge: z.boolean() });
/** What a summary shows of a row (a list row, or a whole dossier). */
type SummaryFields = Omit<SummaryRow, 'step' | 'touched_at'>;
export const DossierSummary = named('DossierSummary', z.object({
  code: z.string(),
  status: Status,
  statusName: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }),
  field: z.string(),
  applicant: z.object({ fullName: z.string(), kind: ApplicantKind, orgName: z.string().nullable().optional(), idNumber: z.string().nullable().optional(), phone: z.string().optional() }),
  channel: z.enum(['direct', 'post', 'online']),
  registeredAt: z.string(),
  receivedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  timing: Timing.nullable(),
  department: Ref.nullable(),
  step: z.object({ index: z.number(), name: z.string(), role: z.string() }).nullable(),
  assignee: z.string().nullable(),
  backEntry: z.boolean(),
  untouched: z.boolean().describe('Phòng chuyên môn chưa cập nhật hồ sơ quá nửa ngày làm việc (Quy chế 12.2)'),
}));

/** `touchedAt`: when the holding department last touched a dossier it must update (null otherwise). */
export function presentSummary(d: SummaryFields, cal: WorkCalendar, now: Date, step: SummaryRow['step'], touchedAt: Date | null): z.infer<typeof DossierSummary> {
  return {
    code: d.code,
    status: d.status,
    statusName: statusName(d.status),
    procedure: { code: d.procedure_code, name: d.procedure_name },
    field: d.field_code,
    applicant: { fullName: d.applicant.fullName, kind: d.applicant.kind, orgName: d.applicant.orgName ?? null, idNumber: d.applicant.idNumber ?? null, phone: d.applicant.phone },
    channel: d.channel,
    registeredAt: d.registered_at.toISOString(),
    receivedAt: iso(d.received_at),
    dueAt: iso(d.due_at),
    timing: timingOf(cal, d, now),
    department: d.department_id ? { id: d.department_id, name: d.department_name ?? '' } : null,
    step: step ? { index: d.step_index!, name: step.name, role: step.role } : null,
    assignee: d.assignee_name,
    backEntry: d.back_entry,
    untouched: touchedAt !== null && isUntouched(cal, touchedAt, now),
  };
}

// Built only by presentDetail: sent without a second parse in production (see src/http/serializer.ts).
export const DossierDetail = named('DossierDetail', presentedResponse(DossierSummary.extend({
  dailyNumber: z.number(),
  version: z.number(),
  applicant: Applicant,
  receiptDay: z.string().nullable(),
  postmarkedAt: z.string().nullable().describe('Dấu ngày đến của bưu điện (hồ sơ nộp qua bưu chính): thời hạn tính từ ngày này'),
  returnWindow: PublicSessionOut.nullable().describe('Thời gian hẹn trả kết quả trong giờ tiếp công dân (dueAt là hạn theo quy định)'),
  originalDueAt: z.string().nullable(),
  extendedAt: z.string().nullable(),
  extensionReason: z.string().nullable(),
  pausedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  holder: z.enum(['center', 'department', 'inter_agency', 'applicant']),
  workflow: z.array(z.object({ order: z.number(), name: z.string(), role: z.string(), unit: z.string(), budget: z.object({ unit: z.string(), value: z.number() }) })),
  stepStartedAt: z.string().nullable(),
  checklist: z.array(z.object({ index: z.number(), name: z.string(), original: z.number(), copy: z.number(), mandatory: z.boolean(), presented: z.boolean() })),
  supplementCount: z.number(),
  lateBySupplement: z.boolean(),
  result: z.looseObject({ summary: z.string().optional(), fileId: z.string().nullable().optional(), rejected: z.boolean().optional(), reason: z.string().optional() }).nullable(),
  returnMethod: z.enum(['counter', 'post', 'online']).nullable(),
  /** The postal address the applicant chose for the result (online submission with delivery by post). */
  returnAddress: z.string().nullable(),
  lateNotice: z.object({ reason: z.string(), proposedDueAt: z.string(), at: z.string() }).nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), kind: z.enum(['document', 'result']), checklistIndex: z.number().nullable(), uploadedAt: z.string(), reused: z.boolean() })),
  events: z.array(z.object({ id: z.number(), at: z.string(), action: z.string(), fromStatus: Status.nullable(), toStatus: Status, stepIndex: z.number().nullable(), reason: z.string().nullable(), actor: z.string().nullable(), flagged: z.boolean(), data: z.record(z.string(), z.unknown()) })),
  can: Can,
})));

/** The queue number a registration gave or found (POST /dossiers). */
const RegistrationTicket = named('RegistrationTicket', z.object({
  id: z.string(), number: z.number(), displayNumber: z.string().describe('Số in trên phiếu hồ sơ, quầy gọi số này'), field: z.string(), fieldName: z.string(),
  kind: z.enum(['issued', 'serving']).describe('issued: số mới cấp khi đăng ký tại bàn hỗ trợ; serving: số cán bộ đăng ký đang phục vụ tại quầy'),
  status: z.enum(['waiting', 'called', 'serving', 'done', 'no_show']),
  counters: z.array(z.number()).describe('Các quầy phục vụ lĩnh vực'), ahead: z.number(), estimatedWaitMinutes: z.number(), issuedAt: z.string(), followUrl: z.string(),
}));
/** The answer of a registration: the dossier, and its queue number when it has one. */
export const DossierRegistered = named('DossierRegistered', presentedResponse(DossierDetail.extend({ ticket: RegistrationTicket.nullable() })));

type Detail = z.infer<typeof DossierDetail>;
type Status = z.infer<typeof Status>;

export function presentDetail(d: DossierWithHistory, cal: WorkCalendar, actor: Actor, now: Date): Detail {
  const { events, files } = d;
  const abilitiesNow = abilities(stateOf(d), actorView(actor));
  const inDepartment = ['in_progress', 'paused'].includes(d.status) && actor.departmentId === d.department_id;
  const can = {
    ...abilitiesNow, claim: inDepartment && actorCan(actor, 'dossiers.process'), assign: inDepartment && actorCan(actor, 'dossiers.approve'),
    urge: actorCan(actor, 'dossiers.urge') && actor.centerId === d.center_id && URGEABLE.includes(d.status),
  };
  const held = { status: d.status, holder: d.holder, departmentId: d.department_id };
  const touchedAt = mustBeUpdated(held) ? lastTouch(events.map((e) => ({ at: new Date(e.at), action: e.action, actorDepartmentId: e.actor_department })), d.department_id!) : null;
  // The summary's fields are copied by name, not spread: V8 builds `{ ...summary, and 22 more }` in ~100 µs with
  // 4 kB of garbage (a new hidden class at every added field), against 0.1 µs for a plain literal. Measured; keep.
  const s = presentSummary(d, cal, now, d.step_index !== null ? d.workflow[d.step_index] ?? null : null, touchedAt);
  return {
    code: s.code,
    status: s.status,
    statusName: s.statusName,
    procedure: s.procedure,
    field: s.field,
    applicant: d.applicant as z.infer<typeof Applicant>,
    channel: s.channel,
    registeredAt: s.registeredAt,
    receivedAt: s.receivedAt,
    dueAt: s.dueAt,
    timing: s.timing,
    department: s.department,
    step: s.step,
    assignee: s.assignee,
    backEntry: s.backEntry,
    untouched: s.untouched,
    dailyNumber: d.daily_number,
    version: d.version,
    receiptDay: d.receipt_day,
    postmarkedAt: iso(d.postmarked_at),
    returnWindow: d.due_at ? presentSession(returnWindow(cal, d.due_at)) : null,
    originalDueAt: iso(d.original_due_at),
    extendedAt: iso(d.extended_at),
    extensionReason: d.extension_reason,
    pausedAt: iso(d.paused_at),
    settledAt: iso(d.settled_at),
    returnedAt: iso(d.returned_at),
    holder: d.holder,
    workflow: d.workflow,
    stepStartedAt: iso(d.step_started_at),
    checklist: d.checklist,
    supplementCount: d.supplement_count,
    lateBySupplement: d.late_by_supplement,
    result: d.result,
    returnMethod: d.return_method as Detail['returnMethod'],
    returnAddress: d.return_address ?? null,
    lateNotice: d.late_notice,
    files: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), kind: f.kind as 'document' | 'result', checklistIndex: f.checklist_index, uploadedAt: new Date(f.uploaded_at).toISOString(), reused: f.reused_from !== null })),
    events: events.map((e) => ({ id: Number(e.id), at: new Date(e.at).toISOString(), action: e.action, fromStatus: e.from_status as Status | null, toStatus: e.to_status as Status, stepIndex: e.step_index, reason: e.reason, actor: e.actor_name, flagged: e.flagged, data: e.data })),
    can,
  };
}
