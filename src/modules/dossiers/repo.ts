import type { Queryable } from '../../platform/db';
import { many, one, prepared } from '../../platform/db';
import { notFound } from '../../platform/errors';
import type { DossierState, Status, StepRole } from './domain/lifecycle';
import type { TimeLimit } from './domain/due';
import type { Actor } from '../auth/actor';
import { calendarInputsSql, type CalendarInputs } from '../calendar/service';
import { TOUCHED_AT_COLUMN } from '../control/sql';

export interface WorkflowStep {
  order: number;
  name: string;
  role: StepRole;
  unit: string;
  budget: { unit: 'working_days' | 'working_hours'; value: number };
}

/** The applicant as registered on the dossier, the same shape the printed forms use. */
export type { FormApplicant as ApplicantSnapshot } from './forms/types';
import type { FormApplicant as ApplicantSnapshot } from './forms/types';

export interface ChecklistItem {
  index: number;
  name: string;
  original: number;
  copy: number;
  mandatory: boolean;
  presented: boolean;
}

export interface DossierRow {
  id: string;
  code: string;
  daily_number: number;
  center_id: string;
  procedure_code: string;
  procedure_name: string;
  field_code: string;
  department_id: string | null;
  department_name: string | null;
  applicant_id: string;
  applicant: ApplicantSnapshot;
  channel: 'direct' | 'post' | 'online';
  status: Status;
  version: number;
  time_limit: TimeLimit;
  workflow: WorkflowStep[];
  step_index: number | null;
  step_started_at: Date | null;
  holder: 'center' | 'department' | 'inter_agency' | 'applicant';
  assignee_id: string | null;
  assignee_name: string | null;
  checklist: ChecklistItem[];
  registered_at: Date;
  received_at: Date | null;
  receipt_day: string | null;
  due_at: Date | null;
  original_due_at: Date | null;
  extended_at: Date | null;
  extension_reason: string | null;
  paused_at: Date | null;
  supplement_count: number;
  late_by_supplement: boolean;
  settled_at: Date | null;
  returned_at: Date | null;
  closed_at: Date | null;
  result: Record<string, unknown> | null;
  return_method: string | null;
  /** The postal address chosen at an online submission for a result sent by post. */
  return_address: string | null;
  late_notice: { reason: string; proposedDueAt: string; at: string } | null;
  back_entry: boolean;
  /** Sent by post: the postmark of arrival, from which the legal clock counts. */
  postmarked_at: Date | null;
  /** How it ended, recorded then (reports/domain settlementOutcome); null while open or never received. */
  outcome: 'early' | 'on_time' | 'late' | 'withdrawn' | null;
  /** The first of resolved / rejected / withdrawn after receipt (a generated column). */
  ended_at: Date | null;
  /** Random, printed in the slips' QR code: opens the public status page without the 4-digit verifier. */
  public_token: string;
  /** Set when its personal data was purged after the retention period (src/modules/retention). */
  purged_at?: Date | null;
  /** The center's calendar inputs, loaded with the dossier by findDossier / findDossierWithHistory. */
  calendar_inputs?: CalendarInputs;
}

export const DOSSIER_COLUMNS = `d.*, p.name AS procedure_name, dep.name AS department_name, u.full_name AS assignee_name`;

/** What a list row shows: no workflow, checklist or result documents, only the current step. */
export type SummaryRow = Pick<DossierRow, 'id' | 'code' | 'status' | 'center_id' | 'procedure_code' | 'procedure_name' | 'field_code' | 'department_id'
  | 'department_name' | 'applicant' | 'channel' | 'registered_at' | 'received_at' | 'due_at' | 'settled_at' | 'closed_at' | 'late_by_supplement'
  | 'step_index' | 'assignee_name' | 'back_entry' | 'original_due_at' | 'paused_at' | 'outcome'> & { step: WorkflowStep | null;
  /** When the holding department last touched it, for a dossier it must update (control/sql TOUCHED_AT_COLUMN); else null. */
  touched_at: Date | null };
// Lists select only these: the JSON documents of a dossier (workflow, checklist) cost more to read, send and
// parse than the rest of the row.
export const SUMMARY_COLUMNS = `d.id, d.code, d.status, d.center_id, d.procedure_code, p.name AS procedure_name, d.field_code, d.department_id,
  dep.name AS department_name, d.applicant, d.channel, d.registered_at, d.received_at, d.due_at, d.settled_at, d.closed_at,
  d.late_by_supplement, d.step_index, CASE WHEN d.step_index IS NOT NULL THEN d.workflow -> d.step_index END AS step,
  u.full_name AS assignee_name, d.back_entry, d.original_due_at, d.paused_at, d.outcome, ${TOUCHED_AT_COLUMN} AS touched_at`;
export const DOSSIER_FROM = `dossiers d JOIN procedures p ON p.code = d.procedure_code
  LEFT JOIN departments dep ON dep.id = d.department_id LEFT JOIN users u ON u.id = d.assignee_id`;

const FIND_SQL = prepared(`SELECT ${DOSSIER_COLUMNS}, ${calendarInputsSql('d.center_id')} AS calendar_inputs FROM ${DOSSIER_FROM} WHERE d.code = $1`);

export async function findDossier(db: Queryable, code: string): Promise<DossierRow> {
  const row = await one<DossierRow>(db, FIND_SQL, [code]);
  if (!row) throw notFound(`hồ sơ có mã ${code}`);
  return row;
}

export function stateOf(d: DossierRow): DossierState {
  return {
    status: d.status,
    stepIndex: d.step_index,
    workflow: d.workflow,
    extended: d.extended_at !== null,
    departmentId: d.department_id,
    centerId: d.center_id,
  };
}

export interface EventRow {
  id: number;
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  step_index: number | null;
  reason: string | null;
  data: Record<string, unknown>;
  flagged: boolean;
  actor_name: string | null;
  actor_username: string | null;
  /** The department of whoever made the event (the half-day update rule: control/domain lastTouch). */
  actor_department: string | null;
}

// An event a citizen caused online (no staff account: data.citizen is the account id) shows as the citizen.
const CITIZEN_NAME = (e: string) => `CASE WHEN ${e}.actor_id IS NULL AND ${e}.data ? 'citizen' THEN 'Công dân (nộp trực tuyến)' END`;
const CITIZEN_USERNAME = (e: string) => `CASE WHEN ${e}.actor_id IS NULL AND ${e}.data ? 'citizen' THEN 'citizen' END`;

export async function eventsOf(db: Queryable, dossierId: string): Promise<EventRow[]> {
  return many<EventRow>(db, `SELECT e.id, e.at, e.action, e.from_status, e.to_status, e.step_index, e.reason, e.data, e.flagged,
      coalesce(u.full_name, ${CITIZEN_NAME('e')}) AS actor_name, coalesce(u.username, ${CITIZEN_USERNAME('e')}) AS actor_username, u.department_id AS actor_department
    FROM dossier_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.dossier_id = $1 ORDER BY e.id`, [dossierId]);
}

export interface FileRow {
  id: string;
  name: string;
  mime: string;
  size: number;
  kind: string;
  checklist_index: number | null;
  uploaded_at: string;
  reused_from: string | null;
}

/** A dossier with its history and files, as the dossier page shows it. JSON timestamps arrive as ISO strings. */
export interface DossierWithHistory extends DossierRow {
  events: (Omit<EventRow, 'at'> & { at: string })[];
  files: FileRow[];
}

/**
 * The event a write has just inserted, shaped as findDossierWithHistory returns it, so the write can answer without
 * reading the dossier again. The data goes through JSON as the database stored it (undefined keys dropped).
 */
export function writtenEvent(
  actor: Pick<Actor, 'fullName' | 'username' | 'departmentId'>,
  e: Pick<EventRow, 'id' | 'action' | 'from_status' | 'to_status' | 'step_index' | 'reason'> & { at: Date; data: Record<string, unknown> },
): DossierWithHistory['events'][number] {
  return { ...e, at: e.at.toISOString(), data: JSON.parse(JSON.stringify(e.data)) as Record<string, unknown>, flagged: false, actor_name: actor.fullName, actor_username: actor.username, actor_department: actor.departmentId };
}

/**
 * The dossier, its events and its files in ONE round trip (the page, every write's answer and the lookup by code
 * all need the three): separate queries cost a round trip each, which is most of the time of a lookup.
 */
export async function findDossierWithHistory(db: Queryable, code: string): Promise<DossierWithHistory> {
  const row = await one<DossierWithHistory>(db, FIND_WITH_HISTORY_SQL, [code]);
  if (!row) throw notFound(`hồ sơ có mã ${code}`);
  return row;
}

const FIND_WITH_HISTORY_SQL = prepared(`SELECT ${DOSSIER_COLUMNS}, ${calendarInputsSql('d.center_id')} AS calendar_inputs,
      (SELECT coalesce(json_agg(json_build_object('id', e.id, 'at', e.at, 'action', e.action, 'from_status', e.from_status,
          'to_status', e.to_status, 'step_index', e.step_index, 'reason', e.reason, 'data', e.data, 'flagged', e.flagged,
          'actor_name', coalesce(eu.full_name, ${CITIZEN_NAME('e')}), 'actor_username', coalesce(eu.username, ${CITIZEN_USERNAME('e')}),
          'actor_department', eu.department_id) ORDER BY e.id), '[]'::json)
         FROM dossier_events e LEFT JOIN users eu ON eu.id = e.actor_id WHERE e.dossier_id = d.id) AS events,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'mime', s.mime, 'size', s.size, 'kind', f.kind,
          'checklist_index', f.checklist_index, 'uploaded_at', f.uploaded_at, 'reused_from', f.reused_from) ORDER BY f.uploaded_at), '[]'::json)
         FROM dossier_files f JOIN stored_files s ON s.sha256 = f.sha256 WHERE f.dossier_id = d.id) AS files
    FROM ${DOSSIER_FROM} WHERE d.code = $1`);
