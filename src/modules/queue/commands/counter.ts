import { audit } from '../../../platform/audit';
import type { Tx } from '../../../platform/db';
import { many, one } from '../../../platform/db';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import {
  closeBeforeNext, finishOutcome, QueueRuleError, recallOutcome, selectNext, skipOutcome, startOutcome, type HeldTicket, type WaitingTicket,
} from '../domain';
import { publishCall, publishCounter, publishTicket } from '../events';
import { queueTurnNear } from '../turn-near';
import { addEvent, counterStates, loadSettings, ticketAtCounter, ticketById, waitingCount, type CounterState, type TicketRow } from '../repo';

// Counter actions. Each runs in one transaction that first locks the counter row, so actions on one counter are
// serialized; tickets are taken with FOR UPDATE SKIP LOCKED, so two counters never take the same ticket.

export interface Ctx {
  tx: Tx;
  actor: Actor;
  now: Date;
  day: string;
}

export const ruleError = (e: unknown) => (e instanceof QueueRuleError ? new AppError(409, `QUEUE_${e.code}`, e.message) : e);
const held = (t: TicketRow | undefined | null): HeldTicket | null => (t ? { status: t.status, recallCount: t.recall_count, displayNumber: t.display_number } : null);

/** Locks the counter and checks the caller may act there (same center); returns its state today. */
export async function lockCounter(c: Ctx, counterId: string): Promise<CounterState> {
  const row = await one<{ center_id: string }>(c.tx, 'SELECT center_id FROM counters WHERE id = $1 FOR NO KEY UPDATE', [counterId]);
  if (!row) throw notFound('quầy');
  if (c.actor.centerId !== row.center_id) throw forbidden('Bạn chỉ được thao tác tại quầy của Trung tâm mình.');
  const [state] = await counterStates(c.tx, row.center_id, c.day, counterId);
  return state;
}

async function saveSession(c: Ctx, s: CounterState, status: 'open' | 'paused' | 'closed', userId: string | null, streak?: number): Promise<void> {
  await c.tx.query(`INSERT INTO queue_counter_sessions (counter_id, center_id, day, user_id, status, priority_streak, since) VALUES ($1,$2,$3,$4,$5,coalesce($6, 0),$7)
    ON CONFLICT (counter_id) DO UPDATE SET day = excluded.day, user_id = excluded.user_id, status = excluded.status,
      since = CASE WHEN queue_counter_sessions.status = excluded.status AND queue_counter_sessions.day = excluded.day THEN queue_counter_sessions.since ELSE excluded.since END,
      priority_streak = coalesce($6, CASE WHEN queue_counter_sessions.day = excluded.day THEN queue_counter_sessions.priority_streak ELSE 0 END)`,
  [s.id, s.centerId, c.day, userId, status, streak ?? null, c.now]);
}

/** The caller must be the staff member at the counter; `open` also requires it not to be paused. */
export async function atCounter(c: Ctx, counterId: string, requireOpen = true): Promise<CounterState> {
  const s = await lockCounter(c, counterId);
  if (s.staff?.id !== c.actor.id) {
    if (!s.staff) throw conflict('QUEUE_COUNTER_CLOSED', `Quầy số ${s.number} đang đóng. Hãy mở quầy trước.`);
    throw conflict('QUEUE_COUNTER_TAKEN', `Quầy số ${s.number} đang do cán bộ ${s.staff.fullName} phụ trách.`);
  }
  if (requireOpen && s.status === 'paused') throw conflict('QUEUE_COUNTER_PAUSED', `Quầy số ${s.number} đang tạm dừng. Hãy mở lại quầy trước.`);
  if (!s.hasSession) await saveSession(c, s, 'open', c.actor.id);
  return s;
}

async function ticketEvent(c: Ctx, t: TicketRow, status: string, action: string): Promise<void> {
  const waiting = await waitingCount(c.tx, t.center_id, t.day, { fieldCode: t.field_code, groupId: t.field_code ? null : t.group_id });
  await publishTicket(c.tx, { centerId: t.center_id, ticketId: t.id, displayNumber: t.display_number, status, action, queue: t.field_code ?? t.group_code ?? t.queue_code, waiting, at: c.now.toISOString() });
}

/** Ends the counter's ticket as done or no-show. */
async function endTicket(c: Ctx, s: CounterState, t: TicketRow, outcome: 'done' | 'no_show', action: string): Promise<void> {
  await c.tx.query(`UPDATE queue_tickets SET status = $2, finished_at = $3, served_by = CASE WHEN $2 = 'done' THEN coalesce(served_by, $4) ELSE served_by END
    WHERE id = $1 AND status IN ('called', 'serving')`, [t.id, outcome, c.now, c.actor.id]);
  await addEvent(c.tx, { ticketId: t.id, centerId: t.center_id, action, counterId: s.id, actorId: c.actor.id, data: { status: outcome } }, c.now);
  await ticketEvent(c, t, outcome, action);
}

/** The oldest priority and the oldest regular ticket this counter may call, each locked; locked ones are skipped. */
async function heads(c: Ctx, s: CounterState): Promise<(WaitingTicket & { row: { id: string } })[]> {
  const cond = `center_id = $1 AND day = $2 AND status = 'waiting'
    AND (field_code = ANY($3) OR (field_code IS NULL AND group_id IN (SELECT id FROM queue_service_groups WHERE center_id = $1 AND field_codes && $3)))`;
  const rows = await many<{ id: string; priority: string | null; issued_at: Date; serial: number }>(c.tx,
    `WITH p AS (SELECT id, priority, issued_at, serial FROM queue_tickets WHERE ${cond} AND priority IS NOT NULL ORDER BY issued_at, serial LIMIT 1 FOR UPDATE SKIP LOCKED),
          r AS (SELECT id, priority, issued_at, serial FROM queue_tickets WHERE ${cond} AND priority IS NULL ORDER BY issued_at, serial LIMIT 1 FOR UPDATE SKIP LOCKED)
     SELECT * FROM p UNION ALL SELECT * FROM r`, [s.centerId, c.day, s.fields]);
  return rows.map((r) => ({ id: r.id, priority: r.priority, issuedAt: r.issued_at.getTime(), serial: Number(r.serial), row: r }));
}

export async function callNext(c: Ctx, counterId: string): Promise<{ ticket: TicketRow | null; closed: TicketRow | null }> {
  const s = await atCounter(c, counterId);
  const settings = await loadSettings(c.tx, s.centerId);
  const current = await ticketAtCounter(c.tx, s.id);
  if (current) await endTicket(c, s, current, closeBeforeNext(held(current)!, settings.recallLimit), 'close_on_next');
  const closed = current ? (await ticketById(c.tx, current.id))! : null;
  const sel = selectNext(await heads(c, s), s.priorityStreak, settings);
  if (!sel) return { ticket: null, closed };
  await saveSession(c, s, 'open', c.actor.id, sel.priorityStreak);
  await c.tx.query(`UPDATE queue_tickets SET status = 'called', counter_id = $2, called_by = $3, called_at = $4, first_called_at = coalesce(first_called_at, $4),
      last_announced_at = $4, recall_count = 0, served_by = NULL, served_started_at = NULL WHERE id = $1 AND status = 'waiting'`, [sel.ticket.id, s.id, c.actor.id, c.now]);
  const t = (await ticketById(c.tx, sel.ticket.id))!;
  await addEvent(c.tx, { ticketId: t.id, centerId: s.centerId, action: 'call', counterId: s.id, actorId: c.actor.id, data: { starvationGuard: sel.starvationGuard } }, c.now);
  await publishCall(c.tx, { centerId: s.centerId, counterId: s.id, counterNumber: s.number, ticketId: t.id, number: t.number, displayNumber: t.display_number, fieldCode: t.field_code, recall: false, at: c.now.toISOString() });
  await ticketEvent(c, t, 'called', 'call');
  await queueTurnNear(c.tx, t);
  return { ticket: t, closed };
}

export async function recall(c: Ctx, counterId: string): Promise<{ ticket: TicketRow; noShow: boolean }> {
  const s = await atCounter(c, counterId);
  const settings = await loadSettings(c.tx, s.centerId);
  const t = await ticketAtCounter(c.tx, s.id);
  const outcome = recallOutcome(held(t), settings.recallLimit);
  if (outcome.kind === 'no_show') {
    await endTicket(c, s, t!, 'no_show', 'no_show_after_recalls');
    return { ticket: (await ticketById(c.tx, t!.id))!, noShow: true };
  }
  await c.tx.query('UPDATE queue_tickets SET recall_count = $2, last_announced_at = $3 WHERE id = $1', [t!.id, outcome.recallCount, c.now]);
  await addEvent(c.tx, { ticketId: t!.id, centerId: s.centerId, action: 'recall', counterId: s.id, actorId: c.actor.id, data: { recallCount: outcome.recallCount } }, c.now);
  await publishCall(c.tx, { centerId: s.centerId, counterId: s.id, counterNumber: s.number, ticketId: t!.id, number: t!.number, displayNumber: t!.display_number, fieldCode: t!.field_code, recall: true, at: c.now.toISOString() });
  return { ticket: (await ticketById(c.tx, t!.id))!, noShow: false };
}

export async function skip(c: Ctx, counterId: string): Promise<TicketRow> {
  const s = await atCounter(c, counterId);
  const t = await ticketAtCounter(c.tx, s.id);
  await endTicket(c, s, t!, skipOutcome(held(t)), 'skip');
  return (await ticketById(c.tx, t!.id))!;
}

export async function start(c: Ctx, counterId: string): Promise<TicketRow> {
  const s = await atCounter(c, counterId, false);
  const t = await ticketAtCounter(c.tx, s.id);
  startOutcome(held(t));
  await c.tx.query(`UPDATE queue_tickets SET status = 'serving', served_started_at = $2, served_by = $3 WHERE id = $1 AND status = 'called'`, [t!.id, c.now, c.actor.id]);
  await addEvent(c.tx, { ticketId: t!.id, centerId: s.centerId, action: 'start', counterId: s.id, actorId: c.actor.id }, c.now);
  await ticketEvent(c, t!, 'serving', 'start');
  return (await ticketById(c.tx, t!.id))!;
}

export async function finish(c: Ctx, counterId: string, dossierCodes: string[]): Promise<TicketRow & { dossier_codes: string[] }> {
  const s = await atCounter(c, counterId, false);
  const t = await ticketAtCounter(c.tx, s.id);
  finishOutcome(held(t));
  const codes = [...new Set(dossierCodes)];
  if (codes.length) {
    const known = await many<{ code: string }>(c.tx, 'SELECT code FROM dossiers WHERE center_id = $1 AND code = ANY($2)', [s.centerId, codes]);
    const missing = codes.filter((x) => !known.some((k) => k.code === x));
    if (missing.length) throw badRequest('QUEUE_UNKNOWN_DOSSIER', `Không tìm thấy hồ sơ của Trung tâm: ${missing.join(', ')}.`);
    await c.tx.query(`INSERT INTO queue_ticket_dossiers (ticket_id, dossier_code, linked_at, linked_by) SELECT $1, unnest($2::text[]), $3, $4 ON CONFLICT DO NOTHING`,
      [t!.id, codes, c.now, c.actor.id]);
  }
  await endTicket(c, s, t!, 'done', 'finish');
  const linked = await many<{ dossier_code: string }>(c.tx, 'SELECT dossier_code FROM queue_ticket_dossiers WHERE ticket_id = $1 ORDER BY dossier_code', [t!.id]);
  return { ...(await ticketById(c.tx, t!.id))!, dossier_codes: linked.map((l) => l.dossier_code) };
}

/** Sits the caller at a counter (or resumes a paused one); leaves any other counter the caller held today. */
export async function openCounter(c: Ctx, counterId: string): Promise<void> {
  const s = await lockCounter(c, counterId);
  if (s.staff && s.staff.id !== c.actor.id && s.hasSession) {
    throw conflict('QUEUE_COUNTER_TAKEN', `Quầy số ${s.number} đang do cán bộ ${s.staff.fullName} phụ trách. Cán bộ đó cần đóng quầy trước.`);
  }
  const others = await many<{ counter_id: string; number: number }>(c.tx,
    `SELECT s.counter_id, k.number FROM queue_counter_sessions s JOIN counters k ON k.id = s.counter_id
      WHERE s.user_id = $1 AND s.day = $2 AND s.status <> 'closed' AND s.counter_id <> $3`, [c.actor.id, c.day, s.id]);
  for (const o of others) {
    const busy = await one<{ display_number: string }>(c.tx, `SELECT display_number FROM queue_tickets WHERE counter_id = $1 AND status IN ('called', 'serving')`, [o.counter_id]);
    if (busy) throw conflict('QUEUE_BUSY_ELSEWHERE', `Bạn đang phục vụ số ${busy.display_number} tại quầy số ${o.number}; hãy kết thúc hoặc chuyển số đó trước.`);
    await c.tx.query(`UPDATE queue_counter_sessions SET status = 'closed', since = $2 WHERE counter_id = $1`, [o.counter_id, c.now]);
    await publishCounter(c.tx, { centerId: s.centerId, counterId: o.counter_id, counterNumber: o.number, status: 'closed', staff: null, at: c.now.toISOString() });
  }
  await saveSession(c, s, 'open', c.actor.id);
  await audit(c.tx, { actorId: c.actor.id, centerId: s.centerId, action: 'queue.counter.open', entity: 'counter', entityId: s.id, data: { number: s.number, left: others.map((o) => o.number) } }, c.now);
  await publishCounter(c.tx, { centerId: s.centerId, counterId: s.id, counterNumber: s.number, status: 'open', staff: { id: c.actor.id, fullName: c.actor.fullName }, at: c.now.toISOString() });
}

export async function setCounterStatus(c: Ctx, counterId: string, status: 'paused' | 'closed'): Promise<void> {
  const s = await atCounter(c, counterId, false);
  if (status === 'closed') {
    const t = await ticketAtCounter(c.tx, s.id);
    if (t) throw conflict('QUEUE_COUNTER_BUSY', `Hãy kết thúc hoặc chuyển số ${t.display_number} trước khi đóng quầy.`);
  }
  await saveSession(c, s, status, c.actor.id);
  await audit(c.tx, { actorId: c.actor.id, centerId: s.centerId, action: `queue.counter.${status === 'paused' ? 'pause' : 'close'}`, entity: 'counter', entityId: s.id, data: { number: s.number } }, c.now);
  await publishCounter(c.tx, { centerId: s.centerId, counterId: s.id, counterNumber: s.number, status, staff: status === 'closed' ? null : { id: c.actor.id, fullName: c.actor.fullName }, at: c.now.toISOString() });
}
