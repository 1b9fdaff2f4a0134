// The fee side of handing over a result: what a dossier still owes (the same breakdown the counter shows) and the
// director's waiver. The dossier's `return` asks `assertReturnable` before it changes anything.
import { one, withTx, type Db, type Queryable } from '../../platform/db';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import type { Actor } from '../auth/actor';
import { audit } from '../../platform/audit';
import { computeBreakdown } from './breakdown';
import { returnBlock, slipBlock, type ScheduleItem } from './domain';
import type { Breakdown } from './breakdown';
import { loadDossier, loadDossierUnscoped, loadSchedule, type FeeDossier } from './repo';

export interface Waiver {
  amount: number;
  reason: string;
  by: string;
  at: string;
}

export async function waiverOf(q: Queryable, dossierId: string): Promise<Waiver | null> {
  const w = await one<{ amount: string; reason: string; by: string; at: Date }>(q,
    `SELECT w.amount, w.reason, u.full_name AS by, w.waived_at AS at FROM fee_waivers w JOIN users u ON u.id = w.waived_by WHERE w.dossier_id = $1`, [dossierId]);
  return w ? { amount: Number(w.amount), reason: w.reason, by: w.by, at: w.at.toISOString() } : null;
}

async function standing(db: Db, d: FeeDossier) {
  const b = await computeBreakdown(db, d, await loadSchedule(db, d.procedure_code));
  return { breakdown: b, waiver: await waiverOf(db, d.id) };
}

/** 409 with the amount in words the clerk can read out, while the dossier owes fees and nothing was waived. */
export async function assertReturnable(db: Db, code: string, actor: Actor): Promise<void> {
  const d = await loadDossier(db, code, actor);
  const { breakdown, waiver } = await standing(db, d);
  const block = returnBlock({ due: breakdown.due, undetermined: breakdown.undetermined.map((u) => u.code), waived: waiver !== null });
  if (block) throw new AppError(409, block.code, block.message, { due: breakdown.due });
}

/** A director waives what the dossier owes now, with a reason; audited, once per dossier. */
export async function waiveFees(db: Db, now: Date, actor: Actor, code: string, reason: string): Promise<Waiver> {
  const d = await loadDossier(db, code, actor);
  if (['returned', 'refused', 'withdrawn'].includes(d.status)) throw conflict('FEES_WAIVE_CLOSED', 'Hồ sơ đã kết thúc: không miễn thu được nữa.');
  const { breakdown } = await standing(db, d);
  const owed = breakdown.due;
  if (owed === 0 && breakdown.undetermined.length === 0) throw conflict('FEES_NOTHING_DUE', 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp.');
  if (reason.trim().length < 10) throw badRequest('FEES_WAIVE_REASON', 'Ghi rõ lý do miễn thu (ít nhất 10 ký tự).');
  await withTx(db, async (tx) => {
    const r = await one(tx, `INSERT INTO fee_waivers (dossier_id, amount, reason, waived_by, waived_at) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING RETURNING dossier_id`,
      [d.id, owed, reason.trim(), actor.id, now]);
    if (!r) throw conflict('FEES_ALREADY_WAIVED', 'Hồ sơ đã được miễn thu.');
    await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'fees.waiver.create', entity: 'dossier', entityId: d.code, data: { amount: owed, reason: reason.trim() } }, now);
  });
  const w = await waiverOf(db, d.id);
  if (!w) throw notFound('miễn thu');
  return w;
}

function slipParts(b: Breakdown, schedule: readonly ScheduleItem[]) {
  const atReception = new Set(schedule.filter((i) => i.collectAt === 'reception').map((i) => i.code));
  return {
    dueAtReception: b.balances.filter((x) => x.line.collectAt === 'reception').reduce((a, x) => a + x.due, 0),
    undeterminedAtReception: b.undetermined.filter((u) => atReception.has(u.code)).map((u) => u.code),
  };
}

/** Whether the appointment slip may be handed out, what is still due at reception, and why not (Vietnamese). */
export function slipStanding(b: Breakdown, schedule: readonly ScheduleItem[], waived: boolean) {
  const parts = slipParts(b, schedule);
  const block = slipBlock({ ...parts, waived });
  return { ready: block === null, dueAtReception: parts.dueAtReception, reason: block?.message ?? null };
}

/**
 * 409 naming the amount while fees due at reception are unpaid (and not waived): the appointment slip is handed out
 * after them. The caller (the dossier forms route) has checked that the caller may see the dossier.
 */
export async function assertSlipPrintable(db: Db, code: string): Promise<void> {
  const d = await loadDossierUnscoped(db, code);
  if (!d) return;
  const schedule = await loadSchedule(db, d.procedure_code);
  const b = await computeBreakdown(db, d, schedule);
  const parts = slipParts(b, schedule);
  const block = slipBlock({ ...parts, waived: (await waiverOf(db, d.id)) !== null });
  if (block) throw new AppError(409, block.code, block.message, { dueAtReception: parts.dueAtReception });
}
