import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { badRequest, notFound } from '../../platform/errors';
import { escapeLike, searchWords } from '../../platform/text';
import type { ProcedureDetail, ProcedureInput, ProcedureSummary } from './schema';
import { defaultWorkflow, limitHours, workflowHours } from './workflow';

interface Row {
  code: string;
  name: string;
  field_code: string;
  field_name: string;
  agency: string;
  deciding_authority: string;
  time_unit: 'working_days' | 'working_hours' | 'same_day';
  time_value: number;
  time_note: string | null;
  calendar_days: boolean;
  same_day_cutoff: string | null;
  fees: ProcedureSummary['fees'];
  required_documents: ProcedureDetail['requiredDocuments'];
  result: string;
  legal_basis: string[];
  inter_agency: string[];
  online_level: number;
  workflow: ProcedureDetail['workflow'];
  source: string;
  estimated_fields: string[];
  confidence: string | null;
  notes: string | null;
  active: boolean;
  updated_at: Date;
}

const COLUMNS = `p.code, p.name, p.field_code, f.name AS field_name, p.agency, p.deciding_authority, p.time_unit, p.time_value,
  p.time_note, p.calendar_days, p.same_day_cutoff, p.fees, p.required_documents, p.result, p.legal_basis, p.inter_agency,
  p.online_level, p.workflow, p.source, p.estimated_fields, p.confidence, p.notes, p.active, p.updated_at`;

function toSummary(r: Row): ProcedureSummary {
  return {
    code: r.code,
    name: r.name,
    field: r.field_code,
    fieldName: r.field_name,
    agency: r.agency,
    processingTime: {
      unit: r.time_unit,
      value: r.time_value,
      ...(r.time_note ? { note: r.time_note } : {}),
      ...(r.calendar_days ? { calendarDays: true } : {}),
      ...(r.same_day_cutoff ? { cutoff: r.same_day_cutoff } : {}),
    },
    fees: r.fees,
    onlineLevel: r.online_level,
    online: r.online_level >= 4 ? 'full' : r.online_level === 3 ? 'partial' : null,
    active: r.active,
  };
}

function toDetail(r: Row): ProcedureDetail {
  return {
    ...toSummary(r),
    decidingAuthority: r.deciding_authority,
    requiredDocuments: r.required_documents,
    result: r.result,
    legalBasis: r.legal_basis,
    interAgency: r.inter_agency,
    workflow: r.workflow,
    source: r.source,
    estimatedFields: r.estimated_fields,
    confidence: r.confidence,
    notes: r.notes,
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface ListQuery {
  q?: string;
  field?: string;
  limit: number;
  offset: number;
  includeInactive?: boolean;
}

/**
 * Lists procedures. Search is accent-insensitive and word-based: every word the user typed must occur in the
 * folded code/name/result ("dang ky ho kinh doanh" finds "Đăng ký thành lập hộ kinh doanh"); the trigram index
 * serves the LIKE patterns, and results are ranked by word similarity.
 */
export async function listProcedures(db: Queryable, query: ListQuery): Promise<{ items: ProcedureSummary[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!query.includeInactive) where.push('p.active');
  if (query.field) {
    params.push(query.field.toUpperCase());
    where.push(`p.field_code = $${params.length}`);
  }
  const words = query.q ? searchWords(query.q) : [];
  let rank = 'f.no, p.name';
  if (words.length > 0) {
    params.push(words.map((w) => `%${escapeLike(w)}%`));
    where.push(`p.search_text LIKE ALL ($${params.length}::text[])`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await one<{ n: number }>(db, `SELECT count(*)::int AS n FROM procedures p ${whereSql}`, params);
  if (words.length > 0) {
    params.push(words.join(' '));
    rank = `similarity($${params.length}, f_fold(p.name)) DESC, word_similarity($${params.length}, p.search_text) DESC, f.no, p.name`;
  }
  params.push(query.limit, query.offset);
  const rows = await many<Row>(
    db,
    `SELECT ${COLUMNS} FROM procedures p JOIN fields f ON f.code = p.field_code ${whereSql}
      ORDER BY ${rank} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { items: rows.map(toSummary), total: total?.n ?? 0 };
}

export async function getProcedure(db: Queryable, code: string): Promise<ProcedureDetail> {
  const row = await one<Row>(db, `SELECT ${COLUMNS} FROM procedures p JOIN fields f ON f.code = p.field_code WHERE p.code = $1`, [code]);
  if (!row) throw notFound(`thủ tục có mã ${code}`);
  return toDetail(row);
}

export async function allProcedures(db: Queryable): Promise<ProcedureDetail[]> {
  const rows = await many<Row>(db, `SELECT ${COLUMNS} FROM procedures p JOIN fields f ON f.code = p.field_code ORDER BY f.no, p.code`);
  return rows.map(toDetail);
}

/** Validates the cross-field rules a schema cannot express, and fills in the default workflow. */
export async function normalizeProcedure(db: Queryable, input: ProcedureInput): Promise<ProcedureInput & { workflow: NonNullable<ProcedureInput['workflow']> }> {
  const field = await one<{ code: string; department_hint: string }>(db, 'SELECT code, department_hint FROM fields WHERE code = $1', [input.field.toUpperCase()]);
  if (!field) throw badRequest('CATALOG_UNKNOWN_FIELD', `Lĩnh vực "${input.field}" không tồn tại.`);
  if (input.processingTime.cutoff && input.processingTime.unit !== 'same_day') {
    throw badRequest('CATALOG_CUTOFF_NOT_SAME_DAY', 'Giờ chốt nhận hồ sơ chỉ áp dụng cho thủ tục giải quyết trong ngày.');
  }
  const workflow = input.workflow && input.workflow.length > 0
    ? input.workflow.map((s, i) => ({ ...s, order: i + 1 }))
    : defaultWorkflow(input.processingTime, input.agency || field.department_hint, input.interAgency);
  const sum = workflowHours(workflow);
  const limit = limitHours(input.processingTime);
  if (Math.abs(sum - limit) > 1e-9) {
    throw badRequest('CATALOG_WORKFLOW_BUDGET', `Tổng thời gian các bước quy trình (${sum} giờ làm việc) phải bằng thời hạn giải quyết (${limit} giờ làm việc).`);
  }
  return { ...input, field: field.code, workflow };
}

export async function upsertProcedure(db: Queryable, raw: ProcedureInput, mode: 'create' | 'update' | 'upsert'): Promise<'created' | 'updated'> {
  const p = await normalizeProcedure(db, raw);
  const exists = await one(db, 'SELECT 1 FROM procedures WHERE code = $1', [p.code]);
  if (mode === 'create' && exists) throw badRequest('CATALOG_DUPLICATE_CODE', `Mã thủ tục ${p.code} đã tồn tại.`);
  if (mode === 'update' && !exists) throw notFound(`thủ tục có mã ${p.code}`);
  const values = [
    p.code, p.name, p.field, p.agency, p.decidingAuthority, p.processingTime.unit, p.processingTime.value,
    p.processingTime.note ?? null, p.processingTime.calendarDays ?? false, p.processingTime.cutoff ?? null,
    JSON.stringify(p.fees), JSON.stringify(p.requiredDocuments), p.result, JSON.stringify(p.legalBasis),
    JSON.stringify(p.interAgency), p.onlineLevel, JSON.stringify(p.workflow), p.source, JSON.stringify(p.estimatedFields),
    p.confidence ?? null, p.notes ?? null, p.active,
  ];
  await db.query(
    `INSERT INTO procedures (code, name, field_code, agency, deciding_authority, time_unit, time_value, time_note, calendar_days,
        same_day_cutoff, fees, required_documents, result, legal_basis, inter_agency, online_level, workflow, source,
        estimated_fields, confidence, notes, active)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, field_code = EXCLUDED.field_code, agency = EXCLUDED.agency,
        deciding_authority = EXCLUDED.deciding_authority, time_unit = EXCLUDED.time_unit, time_value = EXCLUDED.time_value,
        time_note = EXCLUDED.time_note, calendar_days = EXCLUDED.calendar_days, same_day_cutoff = EXCLUDED.same_day_cutoff,
        fees = EXCLUDED.fees, required_documents = EXCLUDED.required_documents, result = EXCLUDED.result,
        legal_basis = EXCLUDED.legal_basis, inter_agency = EXCLUDED.inter_agency, online_level = EXCLUDED.online_level,
        workflow = EXCLUDED.workflow, source = EXCLUDED.source, estimated_fields = EXCLUDED.estimated_fields,
        confidence = EXCLUDED.confidence, notes = EXCLUDED.notes, active = EXCLUDED.active, updated_at = now()`,
    values,
  );
  return exists ? 'updated' : 'created';
}

export async function listFields(db: Queryable) {
  return many<{ code: string; no: number; name: string; departmentHint: string; procedureCount: number }>(
    db,
    `SELECT f.code, f.no, f.name, f.department_hint AS "departmentHint",
            (SELECT count(*)::int FROM procedures p WHERE p.field_code = f.code AND p.active) AS "procedureCount"
       FROM fields f ORDER BY f.no`,
  );
}
