// Reading what the fee rules need: the dossier (scoped to the caller), its procedure's schedule (materialized from
// the catalog at first use), the reduction rules, what the counter entered, services and what was paid.
import type { Db, Queryable } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { isDepartmentStaff, scopedCenter, type Actor } from '../auth/actor';
import {
  catalogFeesKey,
  scheduleFromCatalog,
  type ApplicantCategory,
  type CatalogFee,
  type DossierFeeInputs,
  type FeeQuantities,
  type FeeTier,
  type ReductionRule,
  type ScheduleItem,
  type ServiceCharge,
} from './domain';

export interface FeeDossier {
  id: string;
  code: string;
  center_id: string;
  center_name: string;
  center_code: string;
  procedure_code: string;
  procedure_name: string;
  field_code: string;
  department_id: string | null;
  applicant: { kind: string; fullName: string; idNumber?: string | null; phone?: string; address?: string; orgName?: string | null; taxCode?: string | null };
  channel: 'direct' | 'post' | 'online';
  status: string;
}

/** A dossier the caller may see (its center; province-wide roles: any), else 404 — other centers' money stays hidden. */
/** The dossier without the caller's scope: for checks another module makes after scoping the caller itself. */
export async function loadDossierUnscoped(q: Queryable, code: string): Promise<FeeDossier | undefined> {
  return one<FeeDossier>(q, `SELECT d.id, d.code, d.center_id, c.name AS center_name, c.code AS center_code, d.procedure_code,
      p.name AS procedure_name, d.field_code, d.department_id, d.applicant, d.channel, d.status
    FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id WHERE d.code = $1`, [code]);
}

export async function loadDossier(q: Queryable, code: string, actor: Actor, lock = false): Promise<FeeDossier> {
  const d = await one<FeeDossier>(q, `SELECT d.id, d.code, d.center_id, c.name AS center_name, c.code AS center_code, d.procedure_code,
      p.name AS procedure_name, d.field_code, d.department_id, d.applicant, d.channel, d.status
    FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id
    WHERE d.code = $1 ${lock ? 'FOR UPDATE OF d' : ''}`, [code]);
  if (!d || !canSeeCenter(actor, d.center_id)) throw notFound(`hồ sơ ${code}`);
  return d;
}

export function canSeeCenter(actor: Actor, centerId: string): boolean {
  if (isDepartmentStaff(actor)) return false;
  try {
    return scopedCenter(actor, centerId) === centerId;
  } catch {
    return false;
  }
}

interface ItemRow {
  code: string; name: string; unit: ScheduleItem['unit']; amount: number | null; tiers: FeeTier[]; cap: number | null;
  collect_at: ScheduleItem['collectAt']; choice_group: string | null; center_share_percent: string; department_code: string | null;
  legal_basis: string; note: string;
}

const toItem = (r: ItemRow): ScheduleItem => ({
  code: r.code, name: r.name, unit: r.unit, amount: r.amount, cap: r.cap, collectAt: r.collect_at,
  ...(r.tiers.length ? { tiers: r.tiers } : {}),
  ...(r.note ? { note: r.note } : {}),
  ...(r.legal_basis ? { legalBasis: r.legal_basis } : {}),
  choiceGroup: r.choice_group, centerSharePercent: Number(r.center_share_percent), departmentCode: r.department_code,
});

async function liveItems(q: Queryable, procedureCode: string): Promise<ScheduleItem[]> {
  const rows = await many<ItemRow>(q, `SELECT code, name, unit, amount, tiers, cap, collect_at, choice_group, center_share_percent,
      department_code, legal_basis, note FROM fee_items WHERE procedure_code = $1 AND active ORDER BY position`, [procedureCode]);
  return rows.map(toItem);
}

/**
 * The procedure's schedule. Made from the catalog the first time it is needed, and made again when the catalog's
 * fees changed — unless someone edited the schedule by hand. Old items are kept inactive (receipts name them).
 */
export async function loadSchedule(db: Db, procedureCode: string): Promise<ScheduleItem[]> {
  const proc = await one<{ code: string; field_code: string; fees: CatalogFee[]; legal_basis: string[] }>(db,
    'SELECT code, field_code, fees, legal_basis FROM procedures WHERE code = $1', [procedureCode]);
  if (!proc) throw notFound(`thủ tục ${procedureCode}`);
  const key = catalogFeesKey(proc.fees);
  const current = await one<{ catalog_hash: string; customized: boolean }>(db, 'SELECT catalog_hash, customized FROM fee_schedules WHERE procedure_code = $1', [procedureCode]);
  if (current && (current.customized || current.catalog_hash === key)) return liveItems(db, procedureCode);
  return withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fee_schedule:${procedureCode}`]);
    const again = await one<{ catalog_hash: string; customized: boolean }>(tx, 'SELECT catalog_hash, customized FROM fee_schedules WHERE procedure_code = $1', [procedureCode]);
    if (again && (again.customized || again.catalog_hash === key)) return liveItems(tx, procedureCode);
    await tx.query('UPDATE fee_items SET active = false WHERE procedure_code = $1 AND active', [procedureCode]);
    const items = scheduleFromCatalog({ code: proc.code, fieldCode: proc.field_code, fees: proc.fees, legalBasis: proc.legal_basis });
    for (const [i, it] of items.entries()) {
      await tx.query(`INSERT INTO fee_items (procedure_code, code, position, name, unit, amount, tiers, cap, collect_at, choice_group,
          center_share_percent, department_code, legal_basis, note) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [procedureCode, it.code, i + 1, it.name, it.unit, it.amount, JSON.stringify(it.tiers ?? []), it.cap ?? null, it.collectAt,
        it.choiceGroup, it.centerSharePercent, it.departmentCode, it.legalBasis ?? '', it.note ?? '']);
    }
    await tx.query(`INSERT INTO fee_schedules (procedure_code, catalog_hash) VALUES ($1, $2)
      ON CONFLICT (procedure_code) DO UPDATE SET catalog_hash = $2, materialized_at = now()`, [procedureCode, key]);
    return liveItems(tx, procedureCode);
  });
}

interface RuleRow { code: string; name: string; kind: 'exempt' | 'percent'; percent: string | null; categories: string[]; item_codes: string[] | null; legal_basis: string }

/** Active rules that concern the procedure (by code or field), in the calculator's shape. */
export async function loadRules(q: Queryable, procedureCode: string, fieldCode: string): Promise<ReductionRule[]> {
  const rows = await many<RuleRow>(q, `SELECT code, name, kind, percent, categories, item_codes, legal_basis FROM fee_reduction_rules
    WHERE active AND (procedure_codes IS NULL OR $1 = ANY(procedure_codes)) AND (field_codes IS NULL OR $2 = ANY(field_codes))
    ORDER BY code`, [procedureCode, fieldCode]);
  return rows.map((r) => ({
    code: r.code, name: r.name, kind: r.kind, categories: r.categories, appliesTo: r.item_codes ?? 'all', legalBasis: r.legal_basis,
    ...(r.percent === null ? {} : { percent: Number(r.percent) }),
  }));
}

export interface StoredInputs extends DossierFeeInputs {
  version: number;
  updatedAt: Date | null;
}

export async function loadInputs(q: Queryable, dossierId: string): Promise<StoredInputs> {
  const r = await one<{ pages: number | null; copies: number | null; item_quantities: Record<string, FeeQuantities>; selected: string[];
    categories: ApplicantCategory[]; manual_amounts: Record<string, number>; version: number; updated_at: Date }>(q,
    'SELECT * FROM dossier_fee_inputs WHERE dossier_id = $1', [dossierId]);
  if (!r) return { version: 0, updatedAt: null, selected: [], categories: [], itemQuantities: {}, manualAmounts: {} };
  return {
    pages: r.pages, copies: r.copies, itemQuantities: r.item_quantities, selected: r.selected, categories: r.categories,
    manualAmounts: r.manual_amounts, version: r.version, updatedAt: r.updated_at,
  };
}

export interface ServiceRow extends ServiceCharge { recipient: string | null; address: string | null; phone: string | null; createdAt: Date }

export async function loadServices(q: Queryable, dossierId: string): Promise<ServiceRow[]> {
  const rows = await many<{ id: string; kind: string; name: string; charge: number; center_share_percent: string; recipient: string | null;
    address: string | null; phone: string | null; created_at: Date }>(q,
    'SELECT * FROM dossier_services WHERE dossier_id = $1 ORDER BY created_at, id', [dossierId]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, charge: r.charge, centerSharePercent: Number(r.center_share_percent),
    recipient: r.recipient, address: r.address, phone: r.phone, createdAt: r.created_at }));
}

/** What receipts still in force paid, by line key, and in total. */
export async function loadPaid(q: Queryable, dossierId: string): Promise<{ byKey: Record<string, number>; total: number }> {
  const rows = await many<{ line_code: string; paid: number }>(q, `SELECT i.line_code, sum(i.amount)::bigint AS paid
    FROM fee_receipt_items i JOIN fee_receipts r ON r.id = i.receipt_id
    WHERE r.dossier_id = $1 AND r.voided_at IS NULL GROUP BY i.line_code`, [dossierId]);
  const byKey = Object.fromEntries(rows.map((r) => [r.line_code, r.paid]));
  return { byKey, total: rows.reduce((a, r) => a + r.paid, 0) };
}

/** Departments of a center by code, and the one that handles a field (the dossier's own department first). */
export async function departmentsOf(q: Queryable, centerId: string): Promise<{ id: string; code: string; name: string; field_codes: string[] }[]> {
  return many(q, 'SELECT id, code, name, field_codes FROM departments WHERE center_id = $1 AND active ORDER BY code', [centerId]);
}

export async function resolveDepartment(q: Queryable, d: FeeDossier, departmentCode: string | null): Promise<string> {
  const deps = await departmentsOf(q, d.center_id);
  const found = departmentCode
    ? deps.find((x) => x.code === departmentCode)
    : (deps.find((x) => x.id === d.department_id) ?? deps.find((x) => x.field_codes.includes(d.field_code)));
  if (!found) {
    throw new AppError(409, 'FEE_NO_DEPARTMENT', `Chưa xác định được phòng chuyên môn nhận tiền phí của hồ sơ ${d.code}.`);
  }
  return found.id;
}
