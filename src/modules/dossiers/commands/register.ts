import type { Queryable } from '../../../platform/db';
import { one } from '../../../platform/db';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/errors';
import { actorCan, isProvinceWide } from '../../auth/actor';
import { findCenter, parseInstant } from '../../calendar/service';
import { vnDayString } from '../../calendar/domain';
import { dossierDueDate, type TimeLimit } from '../domain/due';
import type { DossierCtx } from '../context';
import type { ApplicantInput, RegisterInput } from '../schemas';
import type { ChecklistItem, WorkflowStep } from '../repo';
import { applyChecklist } from './checklist';

const MAX_BACK_ENTRY_DAYS = 30;

/** Upserts the applicant by citizen ID (or tax code), so a second visit reuses the person's data and files. */
async function upsertApplicant(tx: Queryable, a: ApplicantInput): Promise<string> {
  const values = [a.kind, a.fullName, a.idNumber ?? null, a.dateOfBirth ?? null, a.phone, a.email, a.address, a.orgName ?? null, a.taxCode ?? null];
  const cols = 'kind, full_name, id_number, date_of_birth, phone, email, address, org_name, tax_code';
  const update = `full_name = EXCLUDED.full_name, date_of_birth = coalesce(EXCLUDED.date_of_birth, applicants.date_of_birth),
    phone = coalesce(nullif(EXCLUDED.phone, ''), applicants.phone), email = coalesce(nullif(EXCLUDED.email, ''), applicants.email),
    address = coalesce(nullif(EXCLUDED.address, ''), applicants.address), updated_at = now()`;
  const conflict = a.idNumber ? 'ON CONFLICT (id_number) WHERE id_number IS NOT NULL' : a.kind === 'organization' && a.taxCode ? "ON CONFLICT (tax_code) WHERE tax_code IS NOT NULL AND kind = 'organization'" : '';
  const r = await one<{ id: string }>(tx, `INSERT INTO applicants (${cols}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ${conflict ? `${conflict} DO UPDATE SET ${update}` : ''} RETURNING id`, values);
  return r!.id;
}

export async function registerDossier(ctx: DossierCtx, input: RegisterInput): Promise<string> {
  const { db, clock, actor } = ctx;
  const now = clock.now();
  const centerId = input.center && isProvinceWide(actor) ? (await findCenter(db, input.center)).id : actor.centerId;
  if (!centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  if (input.center && !isProvinceWide(actor)) {
    const c = await findCenter(db, input.center);
    if (c.id !== actor.centerId) throw forbidden('Chỉ được đăng ký hồ sơ tại Trung tâm của mình.');
  }
  let receivedAt: Date | null = null;
  if (input.backEntry) {
    if (!actorCan(actor, 'dossiers.receive')) throw forbidden('Chỉ cán bộ tiếp nhận được nhập bù hồ sơ.');
    receivedAt = parseInstant(input.backEntry.receivedAt);
    if (receivedAt > now) throw badRequest('DOSSIER_BACK_ENTRY_FUTURE', 'Thời điểm tiếp nhận thực tế không được ở tương lai.');
    if (now.getTime() - receivedAt.getTime() > MAX_BACK_ENTRY_DAYS * 86_400_000) {
      throw badRequest('DOSSIER_BACK_ENTRY_TOO_OLD', `Chỉ được nhập bù hồ sơ tiếp nhận trong ${MAX_BACK_ENTRY_DAYS} ngày gần đây.`);
    }
  }

  const proc = await one<{ code: string; field_code: string; time_unit: TimeLimit['unit']; time_value: number; calendar_days: boolean; same_day_cutoff: string | null; workflow: WorkflowStep[]; required_documents: { name: string; original: number; copy: number; mandatory: boolean }[]; active: boolean }>(
    db, 'SELECT code, field_code, time_unit, time_value, calendar_days, same_day_cutoff, workflow, required_documents, active FROM procedures WHERE code = $1', [input.procedure]);
  if (!proc || !proc.active) throw notFound(`thủ tục có mã ${input.procedure}`);
  const center = await one<{ code: string }>(db, 'SELECT code FROM centers WHERE id = $1', [centerId]);
  const dept = await one<{ id: string }>(db, 'SELECT id FROM departments WHERE center_id = $1 AND $2 = ANY(field_codes) AND active ORDER BY code LIMIT 1', [centerId, proc.field_code]);
  const timeLimit: TimeLimit = { unit: proc.time_unit, value: proc.time_value, ...(proc.calendar_days ? { calendarDays: true } : {}), ...(proc.same_day_cutoff ? { cutoff: proc.same_day_cutoff } : {}) };
  const baseChecklist: ChecklistItem[] = proc.required_documents.map((doc, index) => ({ index, name: doc.name, original: doc.original, copy: doc.copy, mandatory: doc.mandatory, presented: false }));
  const checklist = input.checklist ? applyChecklist(baseChecklist, input.checklist) : baseChecklist;

  let due: { dueAt: Date; receiptDay: string } | null = null;
  if (receivedAt) {
    if (checklist.some((c) => c.mandatory && !c.presented) && input.checklist) {
      throw new AppError(409, 'DOSSIER_CHECKLIST_INCOMPLETE', 'Hồ sơ nhập bù phải có đủ giấy tờ bắt buộc.');
    }
    const { calendar } = await ctx.calendars.forCenter(centerId);
    due = dossierDueDate(calendar, receivedAt, timeLimit);
  }
  const registeredAt = receivedAt ?? now;
  const day = vnDayString(registeredAt);

  // The applicant record is shared person data: upserting it first, on its own, keeps it out of the critical section.
  const applicantId = await upsertApplicant(db, input.applicant);
  const presentedAll = receivedAt ? checklist.map((c) => (input.checklist ? c : { ...c, presented: c.mandatory || c.presented })) : checklist;
  const status = receivedAt ? 'received' : 'submitted';
  const reason = input.backEntry?.reason ?? null;
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  // One statement, so one atomic round trip: the day's counter row stays locked only until this statement commits,
  // which keeps the sequence gap-free without serializing whole registrations behind it.
  const params: unknown[] = [
    center!.code, day, yymmdd, centerId, proc.code, proc.field_code, dept?.id ?? null, applicantId, JSON.stringify(snapshot(input.applicant)),
    input.channel, status, JSON.stringify(timeLimit), JSON.stringify(proc.workflow), JSON.stringify(presentedAll), registeredAt, receivedAt,
    due?.receiptDay ?? null, due?.dueAt ?? null, receivedAt !== null, actor.id, reason,
    JSON.stringify({ channel: input.channel, note: input.note, enteredAt: now.toISOString() }),
    JSON.stringify({ dueAt: due?.dueAt.toISOString(), backEntry: true, enteredAt: now.toISOString() }),
    JSON.stringify({ receivedAt: receivedAt?.toISOString(), reason }), now,
  ];
  const backEntry = receivedAt
    ? `, e2 AS (INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, reason, data, flagged)
          SELECT d.id, $16, $20, 'receive', 'submitted', 'received', $21, $23, true FROM d),
        a AS (INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
          SELECT $25, $20, $4, 'dossier.back_entry', 'dossier', d.code, $24 FROM d)`
    : '';
  const row = await one<{ code: string }>(db, `
    WITH seq AS (
      INSERT INTO dossier_sequences (unit_code, day, last_value) VALUES ($1, $2, 1)
      ON CONFLICT (unit_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1 RETURNING last_value),
    d AS (
      INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, department_id, applicant_id, applicant,
        channel, status, time_limit, workflow, checklist, registered_at, received_at, receipt_day, due_at, back_entry, created_by)
      SELECT $1 || '-' || $3 || '-' || CASE WHEN seq.last_value < 10000 THEN lpad(seq.last_value::text, 4, '0') ELSE seq.last_value::text END,
        seq.last_value, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20 FROM seq
      RETURNING id, code),
    e1 AS (INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, reason, data, flagged)
      SELECT d.id, $15, $20, 'register', NULL, 'submitted', $21, $22, $19 FROM d),
    o AS (INSERT INTO outbox (topic, payload) SELECT 'dossier.registered', jsonb_build_object('code', d.code, 'centerId', $4::uuid, 'status', $11::text) FROM d)
    ${backEntry}
    SELECT code FROM d`, receivedAt ? params : params.slice(0, 22));
  return row!.code;
}

function snapshot(a: ApplicantInput) {
  return { kind: a.kind, fullName: a.fullName, idNumber: a.idNumber ?? null, dateOfBirth: a.dateOfBirth ?? null, phone: a.phone, email: a.email, address: a.address, orgName: a.orgName ?? null, taxCode: a.taxCode ?? null };
}
