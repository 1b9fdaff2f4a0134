import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db';
import { many, one, prepared, preparedVariant, withTx } from '../../../platform/db';
import { KeyedBatcher } from '../../../platform/batcher';
import { badRequest, forbidden, notFound } from '../../../platform/errors';
import { actorCan, isProvinceWide, type Actor } from '../../auth/actor';
import { parseInstant } from '../../calendar/service';
import { findCenter } from '../../centers/repo';
import { vnDayString } from '../../calendar/domain';
import { dossierDueDate, type TimeLimit } from '../domain/due';
import { postmarkOf } from '../domain/postmark';
import type { DossierCtx } from '../context';
import type { ApplicantInput, RegisterInput } from '../schemas';
import { writtenEvent, type ChecklistItem, type DossierRow, type DossierWithHistory, type WorkflowStep } from '../repo';
import { calendarInputsSql, type CalendarInputs } from '../../calendar/service';
import { applyChecklist, checklistAtReceipt } from './checklist';
import { CITIZEN_ACTOR } from './act';

const MAX_BACK_ENTRY_DAYS = 30;

/**
 * The applicant record of a registration at a center, keyed within that center by citizen ID (a person, or an
 * organization's representative when it has no tax code) or by tax code (an organization), so a second visit to the
 * same center reuses the person's data and files. Records belong to one center: a registration elsewhere writes its
 * own center's record and never changes what another center sees (issue 12). An organization with a tax code is
 * its own record, keyed by that code; its representative's citizen ID stays on the dossier's snapshot, so a new
 * representative (or one also registered as a person) never collides with it. Without either key there is nothing
 * to match: a new record each time.
 */
function applicantRecord(a: ApplicantInput, centerId: string) {
  const orgKey = a.kind === 'organization' && !!a.taxCode;
  return {
    key: orgKey ? ('tax' as const) : a.idNumber ? ('id' as const) : null, center_id: centerId,
    kind: a.kind, full_name: a.fullName, id_number: orgKey ? null : a.idNumber ?? null, date_of_birth: a.dateOfBirth ?? null, phone: a.phone,
    email: a.email, address: a.address, org_name: a.orgName ?? null, tax_code: a.taxCode ?? null,
  };
}
type ApplicantRecord = ReturnType<typeof applicantRecord>;

const APPLICANT_COLUMNS = 'center_id, kind, full_name, id_number, date_of_birth, phone, email, address, org_name, tax_code';
// A later visit to the same center updates the name and fills what it gives; it never blanks a phone, e-mail or
// address given before. What a dossier shows and is found by is its own snapshot, not this record.
const APPLICANT_UPDATE = `full_name = EXCLUDED.full_name, date_of_birth = coalesce(EXCLUDED.date_of_birth, applicants.date_of_birth),
    phone = coalesce(nullif(EXCLUDED.phone, ''), applicants.phone), email = coalesce(nullif(EXCLUDED.email, ''), applicants.email),
    address = coalesce(nullif(EXCLUDED.address, ''), applicants.address), updated_at = now()`;
const ON_ID = `ON CONFLICT (center_id, id_number) WHERE id_number IS NOT NULL DO UPDATE SET ${APPLICANT_UPDATE}`;
const ON_TAX = `ON CONFLICT (center_id, tax_code) WHERE tax_code IS NOT NULL AND kind = 'organization' DO UPDATE SET ${APPLICANT_UPDATE}`;

/** Upserts one applicant (a back-entry's, inside the transaction that writes its dossier). */
async function upsertApplicant(db: Queryable, r: ApplicantRecord): Promise<string> {
  const conflict = r.key === 'tax' ? ON_TAX : r.key === 'id' ? ON_ID : '';
  const sql = `INSERT INTO applicants (${APPLICANT_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ${conflict} RETURNING id`;
  const row = await one<{ id: string }>(db, preparedVariant(sql), [r.center_id, r.kind, r.full_name, r.id_number, r.date_of_birth, r.phone, r.email, r.address, r.org_name, r.tax_code]);
  return row!.id;
}

type ProcedureRef = { code: string; field_code: string; time_unit: TimeLimit['unit']; time_value: number; calendar_days: boolean; same_day_cutoff: string | null;
  workflow: WorkflowStep[]; required_documents: { name: string; original: number; copy: number; mandatory: boolean }[]; active: boolean;
  center_code: string | null; department_id: string | null; procedure_name: string; department_name: string | null; calendar_inputs: CalendarInputs };
// The procedure, the receiving unit's code and the responsible department in one round trip.
// With the names and the calendar inputs the answer shows, the new dossier is presented without reading it back.
const REFERENCES_SQL = prepared(`SELECT p.code, p.name AS procedure_name, p.field_code, p.time_unit, p.time_value, p.calendar_days,
    p.same_day_cutoff, p.workflow, p.required_documents, p.active, (SELECT code FROM centers WHERE id = $2) AS center_code,
    dep.id AS department_id, dep.name AS department_name, ${calendarInputsSql('$2::uuid')} AS calendar_inputs
  FROM procedures p
  LEFT JOIN LATERAL (SELECT id, name FROM departments WHERE center_id = $2 AND p.field_code = ANY(field_codes) AND active ORDER BY code LIMIT 1) dep ON true
  WHERE p.code = $1`);

/**
 * Registers a dossier. An ordinary registration answers with the new dossier as stored (so the route needs no
 * second read); a back-entry answers with its code only.
 */
export async function registerDossier(ctx: DossierCtx | OnlineCtx, input: RegisterInput): Promise<DossierWithHistory | string> {
  if (!('actor' in ctx)) return registerOnline(ctx, input);
  const { db, clock, actor } = ctx;
  const now = clock.now();
  const centerId = input.center && isProvinceWide(actor) ? (await findCenter(db, input.center)).id : actor.centerId;
  if (!centerId) throw forbidden('Tài khoản chưa được gán cho Trung tâm nào.');
  if (input.center && !isProvinceWide(actor)) {
    const c = await findCenter(db, input.center);
    if (c.id !== actor.centerId) throw forbidden('Chỉ được đăng ký hồ sơ tại Trung tâm của mình.');
  }
  let backEntryAt: Date | null = null;
  // One-step reception: the clerk at the counter has the applicant and the papers in front of them.
  const receiveNow = !!input.receive && !input.backEntry;
  if (receiveNow && !actorCan(actor, 'dossiers.receive')) throw forbidden('Chỉ cán bộ tiếp nhận được tiếp nhận hồ sơ ngay khi đăng ký.');
  if (input.backEntry) {
    if (!actorCan(actor, 'dossiers.receive')) throw forbidden('Chỉ cán bộ tiếp nhận được nhập bù hồ sơ.');
    backEntryAt = parseInstant(input.backEntry.receivedAt);
    if (backEntryAt > now) throw badRequest('DOSSIER_BACK_ENTRY_FUTURE', 'Thời điểm tiếp nhận thực tế không được ở tương lai.');
    if (now.getTime() - backEntryAt.getTime() > MAX_BACK_ENTRY_DAYS * 86_400_000) {
      throw badRequest('DOSSIER_BACK_ENTRY_TOO_OLD', `Chỉ được nhập bù hồ sơ tiếp nhận trong ${MAX_BACK_ENTRY_DAYS} ngày gần đây.`);
    }
  }

  // Sent by post: the legal clock counts from the postmark of arrival (validated here, stored and audited below).
  const postmarkedAt = postmarkOf(input, now);

  const proc = await one<ProcedureRef>(db, REFERENCES_SQL, [input.procedure, centerId]);
  if (!proc || !proc.active) throw notFound(`thủ tục có mã ${input.procedure}`);
  const unitCode = proc.center_code;
  if (!unitCode) throw notFound('Trung tâm của tài khoản');
  const timeLimit: TimeLimit = { unit: proc.time_unit, value: proc.time_value, ...(proc.calendar_days ? { calendarDays: true } : {}), ...(proc.same_day_cutoff ? { cutoff: proc.same_day_cutoff } : {}) };
  const baseChecklist: ChecklistItem[] = proc.required_documents.map((doc, index) => ({ index, name: doc.name, original: doc.original, copy: doc.copy, mandatory: doc.mandatory, presented: false }));
  // Received at registration: a back-entry at its real receipt time, or a one-step reception now. Either way the
  // receive action's checklist rule and its due date, as if it followed at once.
  const receivedAt = backEntryAt ?? (receiveNow ? now : null);
  const checklist = receivedAt
    ? checklistAtReceipt(baseChecklist, input.checklist, backEntryAt ? 'Hồ sơ nhập bù phải có đủ giấy tờ bắt buộc.' : undefined)
    : input.checklist ? applyChecklist(baseChecklist, input.checklist) : baseChecklist;
  const due = receivedAt ? dossierDueDate(ctx.calendars.fromInputs(proc.calendar_inputs), postmarkedAt ?? receivedAt, timeLimit) : null;
  const registeredAt = backEntryAt ?? now;
  const day = vnDayString(registeredAt);

  const applicant = applicantRecord(input.applicant, centerId);
  if (!backEntryAt) return registerOrdinary(db, actor, { centerId, unitCode, day, now, registeredAt, proc, timeLimit, checklist, postmarkedAt, due, applicant, input });
  return registerBackEntry(ctx, { centerId, unitCode, day, now, backEntryAt, registeredAt, proc, timeLimit, checklist, due: due!, applicant, input });
}

/** Who registers an online dossier: the signed-in citizen (no staff account: created_by and the event's actor stay empty). */
export interface OnlineCtx extends Omit<DossierCtx, 'actor'> {
  citizen: { id: string; centerId: string;
    /** How the result is to be delivered: kept as the dossier's return method (and postal address) and on the register event. */
    delivery: { method: 'counter' | 'post' | 'online'; address?: string | null } };
}

/**
 * An online submission: the same registration as the support desk's (status submitted, in the center's reception
 * queue, the same numbering and batch statement), by a citizen instead of a staff account.
 */
async function registerOnline(ctx: OnlineCtx, input: RegisterInput): Promise<DossierWithHistory> {
  const { db, clock } = ctx;
  const now = clock.now();
  const centerId = ctx.citizen.centerId;
  const proc = await one<ProcedureRef>(db, REFERENCES_SQL, [input.procedure, centerId]);
  if (!proc || !proc.active) throw notFound(`thủ tục có mã ${input.procedure}`);
  if (!proc.center_code) throw notFound('Trung tâm');
  const timeLimit: TimeLimit = { unit: proc.time_unit, value: proc.time_value, ...(proc.calendar_days ? { calendarDays: true } : {}), ...(proc.same_day_cutoff ? { cutoff: proc.same_day_cutoff } : {}) };
  const checklist: ChecklistItem[] = proc.required_documents.map((doc, index) => ({ index, name: doc.name, original: doc.original, copy: doc.copy, mandatory: doc.mandatory, presented: false }));
  return registerOrdinary(db, { ...CITIZEN_ACTOR, id: null }, {
    centerId, unitCode: proc.center_code, day: vnDayString(now), now, registeredAt: now, proc, timeLimit, checklist, postmarkedAt: null, due: null,
    applicant: applicantRecord(input.applicant, centerId), input: { ...input, channel: 'online' },
    extra: { citizen: ctx.citizen.id, delivery: ctx.citizen.delivery.method, ...(ctx.citizen.delivery.address ? { deliveryAddress: ctx.citizen.delivery.address } : {}) },
    returnTo: { method: ctx.citizen.delivery.method, address: ctx.citizen.delivery.address ?? null },
  });
}

type Prepared = { centerId: string; unitCode: string; day: string; now: Date; registeredAt: Date; proc: ProcedureRef; timeLimit: TimeLimit;
  checklist: ChecklistItem[]; applicant: ApplicantRecord; input: RegisterInput };

async function registerOrdinary(db: Queryable, actor: Pick<Actor, 'fullName' | 'username' | 'departmentId'> & { id: string | null },
  p: Prepared & { postmarkedAt: Date | null; due: ReturnType<typeof dossierDueDate> | null; extra?: Record<string, unknown>;
    /** The delivery the applicant chose (online submission): the dossier's return method and postal address. */
    returnTo?: { method: string; address: string | null } }): Promise<DossierWithHistory> {
  const { centerId, unitCode, day, now, registeredAt, proc, timeLimit, checklist, postmarkedAt, due, applicant, input } = p;
  {
    const item: Registration = {
      center_id: centerId, procedure_code: proc.code, field_code: proc.field_code, department_id: proc.department_id,
      // The applicant is written by the batch statement itself, with the dossier: a keyed one upserted, one without a
      // key inserted under an id chosen here. A registration that fails leaves no applicant behind.
      applicant_id: applicant.key ? null : randomUUID(), person: applicant,
      applicant: snapshot(input.applicant), channel: input.channel, time_limit: timeLimit, workflow: proc.workflow, checklist,
      registered_at: registeredAt.toISOString(), created_by: actor.id, postmarked_at: postmarkedAt?.toISOString() ?? null,
      return_method: p.returnTo?.method ?? null, return_address: p.returnTo?.address ?? null,
      data: { channel: input.channel, note: input.note, enteredAt: now.toISOString(), ...(postmarkedAt ? { postmarkedAt: postmarkedAt.toISOString() } : {}), ...p.extra },
      receipt: due && { received_at: now.toISOString(), receipt_day: due.receiptDay, due_at: due.dueAt.toISOString(), data: { dueAt: due.dueAt.toISOString() } },
    };
    const { row, eventId, receiveEventId } = await batcherFor(db).submit(`${unitCode}|${day}`, item);
    const events = [writtenEvent(actor, { id: eventId, at: registeredAt, action: 'register', from_status: null, to_status: 'submitted', step_index: null, reason: null, data: item.data })];
    if (item.receipt) {
      events.push(writtenEvent(actor, { id: receiveEventId!, at: now, action: 'receive', from_status: 'submitted', to_status: 'received', step_index: null, reason: null, data: item.receipt.data }));
    }
    // The row is ours (fresh from the driver): completed in place, not spread into a new object with six more
    // fields, which V8 builds about four times slower.
    return Object.assign(row, { procedure_name: proc.procedure_name, department_name: proc.department_name, assignee_name: null, calendar_inputs: proc.calendar_inputs, files: [], events });
  }
}

async function registerBackEntry(ctx: DossierCtx, p: Prepared & { backEntryAt: Date; due: NonNullable<ReturnType<typeof dossierDueDate>> }): Promise<string> {
  const { db, actor } = ctx;
  const { centerId, unitCode, day, now, backEntryAt, registeredAt, proc, timeLimit, checklist, due, applicant, input } = p;
  // Back-entry (rare): the applicant, then one statement with the dossier, the flagged receipt event and the audit
  // row, in one transaction (a failed back-entry leaves no applicant change behind).
  const reason = input.backEntry?.reason ?? null;
  const params = (applicantId: string): unknown[] => [
    unitCode, day, yymmddOf(day), centerId, proc.code, proc.field_code, proc.department_id, applicantId, JSON.stringify(snapshot(input.applicant)),
    input.channel, 'received', JSON.stringify(timeLimit), JSON.stringify(proc.workflow), JSON.stringify(checklist), registeredAt, backEntryAt,
    due!.receiptDay, due!.dueAt, true, actor.id, reason,
    JSON.stringify({ channel: input.channel, note: input.note, enteredAt: now.toISOString() }),
    JSON.stringify({ dueAt: due!.dueAt.toISOString(), backEntry: true, enteredAt: now.toISOString() }),
    JSON.stringify({ receivedAt: backEntryAt.toISOString(), reason }), now,
  ];
  return withTx(db, async (tx) => {
    const row = await one<{ code: string }>(tx, BACK_ENTRY_SQL, params(await upsertApplicant(tx, applicant)));
    return row!.code;
  });
}

/** The day part of a dossier code: 2025-03-11 → 250311. */
const yymmddOf = (day: string) => `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;

const codeOf = (unitSql: string, yymmddSql: string, nSql: string) =>
  `${unitSql} || '-' || ${yymmddSql} || '-' || CASE WHEN ${nSql} < 10000 THEN lpad((${nSql})::text, 4, '0') ELSE (${nSql})::text END`;

const BACK_ENTRY_SQL = prepared(`
  WITH seq AS (
    INSERT INTO dossier_sequences (unit_code, day, last_value) VALUES ($1, $2, 1)
    ON CONFLICT (unit_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + 1 RETURNING last_value),
  d AS (
    INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, department_id, applicant_id, applicant,
      channel, status, time_limit, workflow, checklist, registered_at, received_at, receipt_day, due_at, back_entry, created_by)
    SELECT ${codeOf('$1', '$3', 'seq.last_value')}, seq.last_value, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20 FROM seq
    RETURNING id, code),
  -- Both events in one INSERT, in order: they share the same instant, so their ids decide the timeline's order
  -- (two separate CTE inserts may run in either order).
  e AS (INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, reason, data, flagged)
    SELECT d.id, v.at, $20, v.action, v.from_status, v.to_status, $21, v.data, true FROM d,
      (VALUES (1, $15::timestamptz, 'register', NULL, 'submitted', $22::jsonb), (2, $16::timestamptz, 'receive', 'submitted', 'received', $23::jsonb))
        AS v(n, at, action, from_status, to_status, data)
    ORDER BY v.n),
  o AS (INSERT INTO outbox (topic, payload) SELECT 'dossier.registered', jsonb_build_object('code', d.code, 'centerId', $4::uuid, 'status', $11::text) FROM d),
  a AS (INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
    SELECT $25, $20, $4, 'dossier.back_entry', 'dossier', d.code, $24 FROM d)
  SELECT code FROM d`);

/** One ordinary registration waiting for its number. */
interface Registration {
  center_id: string;
  procedure_code: string;
  field_code: string;
  department_id: string | null;
  /** The new record's id when the applicant has no key (inserted with it); otherwise null and `person` is upserted. */
  applicant_id: string | null;
  person: ApplicantRecord;
  applicant: ReturnType<typeof snapshot>;
  channel: string;
  time_limit: TimeLimit;
  workflow: WorkflowStep[];
  checklist: ChecklistItem[];
  registered_at: string;
  created_by: string | null;
  /** The postmark of arrival of a dossier sent by post (the legal clock counts from it). */
  postmarked_at: string | null;
  /** The delivery chosen at an online submission (null at the counter: the return step records it). */
  return_method: string | null;
  return_address: string | null;
  data: Record<string, unknown>;
  /** Set when the dossier is received in the same step (the 'receive' event's data goes with it). */
  receipt: { received_at: string; receipt_day: string; due_at: string; data: Record<string, unknown> } | null;
}

// A batch of registrations of one unit and day: the counter moves by the batch size and every dossier, its
// applicant, its 'register' event (and 'receive' event when received at once) and its outbox row are written by ONE
// statement, so one commit covers the whole batch and the numbers stay gap-free (see KeyedBatcher for why).
// The same person twice in a batch is upserted once (the later registration's data); applicants are locked in key
// order, so two batches sharing people cannot deadlock on them.
const BATCH_SQL = prepared(`
  WITH x AS (
    SELECT * FROM jsonb_to_recordset($4::jsonb) AS x(i int, center_id uuid, procedure_code text, field_code text, department_id uuid,
      applicant_id uuid, person jsonb, applicant jsonb, channel text, time_limit jsonb, workflow jsonb, checklist jsonb, registered_at timestamptz,
      created_by uuid, postmarked_at timestamptz, return_method text, return_address text, data jsonb, receipt jsonb)),
  p AS (
    SELECT DISTINCT ON (x.person->>'key', coalesce(x.person->>'id_number', x.person->>'tax_code')) x.person AS r FROM x
     WHERE x.person->>'key' IS NOT NULL ORDER BY x.person->>'key', coalesce(x.person->>'id_number', x.person->>'tax_code'), x.i DESC),
  ap AS (
    INSERT INTO applicants (${APPLICANT_COLUMNS})
    SELECT (r->>'center_id')::uuid, r->>'kind', r->>'full_name', r->>'id_number', (r->>'date_of_birth')::date, r->>'phone', r->>'email', r->>'address', r->>'org_name', r->>'tax_code'
      FROM p WHERE r->>'key' = 'id' ORDER BY r->>'id_number'
    ${ON_ID} RETURNING id, id_number),
  ao AS (
    INSERT INTO applicants (${APPLICANT_COLUMNS})
    SELECT (r->>'center_id')::uuid, r->>'kind', r->>'full_name', r->>'id_number', (r->>'date_of_birth')::date, r->>'phone', r->>'email', r->>'address', r->>'org_name', r->>'tax_code'
      FROM p WHERE r->>'key' = 'tax' ORDER BY r->>'tax_code'
    ${ON_TAX} RETURNING id, tax_code),
  an AS (
    INSERT INTO applicants (id, ${APPLICANT_COLUMNS})
    SELECT x.applicant_id, (r->>'center_id')::uuid, r->>'kind', r->>'full_name', r->>'id_number', (r->>'date_of_birth')::date, r->>'phone', r->>'email', r->>'address', r->>'org_name', r->>'tax_code'
      FROM x, LATERAL (SELECT x.person AS r) l WHERE x.person->>'key' IS NULL),
  seq AS (
    INSERT INTO dossier_sequences (unit_code, day, last_value) VALUES ($1, $2, $5::int)
    ON CONFLICT (unit_code, day) DO UPDATE SET last_value = dossier_sequences.last_value + $5::int RETURNING last_value - $5::int AS base),
  d AS (
    INSERT INTO dossiers (code, daily_number, center_id, procedure_code, field_code, department_id, applicant_id, applicant,
      channel, status, time_limit, workflow, checklist, registered_at, created_by, received_at, receipt_day, due_at, postmarked_at,
      return_method, return_address)
    SELECT ${codeOf('$1', '$3', 'seq.base + x.i')}, seq.base + x.i, x.center_id, x.procedure_code, x.field_code, x.department_id,
      coalesce(x.applicant_id, (SELECT ap.id FROM ap WHERE ap.id_number = x.person->>'id_number' AND x.person->>'key' = 'id'),
        (SELECT ao.id FROM ao WHERE ao.tax_code = x.person->>'tax_code' AND x.person->>'key' = 'tax')),
      x.applicant, x.channel, CASE WHEN x.receipt IS NULL THEN 'submitted' ELSE 'received' END, x.time_limit, x.workflow,
      x.checklist, x.registered_at, x.created_by, (x.receipt->>'received_at')::timestamptz, (x.receipt->>'receipt_day')::date,
      (x.receipt->>'due_at')::timestamptz, x.postmarked_at, x.return_method, x.return_address
    FROM x, seq ORDER BY x.i
    RETURNING *),
  dx AS (SELECT d.id, d.code, d.status, x.* FROM d JOIN x ON d.daily_number = (SELECT base FROM seq) + x.i),
  -- The 'register' event before the 'receive' one: same instant, so their ids decide the timeline's order.
  e AS (INSERT INTO dossier_events (dossier_id, at, actor_id, action, from_status, to_status, reason, data, flagged)
    SELECT dx.id, v.at, dx.created_by, v.action, v.from_status, v.to_status, NULL, v.data, false
      FROM dx CROSS JOIN LATERAL (VALUES
        (1, dx.registered_at, 'register', NULL, 'submitted', dx.data),
        (2, (dx.receipt->>'received_at')::timestamptz, 'receive', 'submitted', 'received', dx.receipt->'data')
      ) AS v(n, at, action, from_status, to_status, data)
     WHERE v.n = 1 OR dx.receipt IS NOT NULL
     ORDER BY dx.i, v.n
    RETURNING id, dossier_id, action),
  o AS (INSERT INTO outbox (topic, payload)
    SELECT 'dossier.registered', jsonb_build_object('code', dx.code, 'centerId', dx.center_id, 'status', dx.status) FROM dx),
  -- A postmark moves the legal clock back in time: who entered which date is audited.
  a AS (INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
    SELECT (dx.data->>'enteredAt')::timestamptz, dx.created_by, dx.center_id, 'dossier.postmark', 'dossier', dx.code,
      jsonb_build_object('postmarkedAt', dx.postmarked_at, 'channel', dx.channel) FROM dx WHERE dx.postmarked_at IS NOT NULL)
  SELECT d.daily_number - (SELECT base FROM seq) AS batch_index, e.id AS event_id, r.id AS receive_event_id, d.*
    FROM d JOIN e ON e.dossier_id = d.id AND e.action = 'register' LEFT JOIN e r ON r.dossier_id = d.id AND r.action = 'receive'`);

type Registered = { row: DossierRow; eventId: number; receiveEventId: number | null };

async function flushRegistrations(db: Queryable, key: string, items: Registration[]): Promise<Registered[]> {
  const [unit, day] = key.split('|');
  const rows = await many<DossierRow & { batch_index: number; event_id: number; receive_event_id: number | null }>(db, BATCH_SQL,
    [unit, day, yymmddOf(day), JSON.stringify(items.map((it, i) => ({ ...it, i: i + 1 }))), items.length]);
  const byIndex = new Map(rows.map(({ batch_index: i, event_id: eventId, receive_event_id: receiveEventId, ...row }) => [i, { row, eventId, receiveEventId }]));
  return items.map((_, i) => byIndex.get(i + 1)!);
}

const batchers = new WeakMap<Queryable, KeyedBatcher<Registration, Registered>>();
function batcherFor(db: Queryable): KeyedBatcher<Registration, Registered> {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new KeyedBatcher((key, items) => flushRegistrations(db, key, items), 100)));
  return b;
}

function snapshot(a: ApplicantInput) {
  return { kind: a.kind, fullName: a.fullName, idNumber: a.idNumber ?? null, dateOfBirth: a.dateOfBirth ?? null, phone: a.phone, email: a.email, address: a.address, orgName: a.orgName ?? null, taxCode: a.taxCode ?? null };
}
