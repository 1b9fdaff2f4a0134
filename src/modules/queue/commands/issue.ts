import type { AppConfig } from '../../../config';
import type { Clock } from '../../../platform/clock';
import { one, withTx, type Db, type Queryable } from '../../../platform/db';
import { badRequest, conflict, notFound } from '../../../platform/errors';
import { publicOpeningAt, vnDayString, type PublicSession } from '../../calendar/domain';
import type { CalendarService } from '../../calendar/service';
import { sessionStartText } from '../../calendar/words';
import { estimateWaitMinutes, ticketNumber } from '../domain';
import { publishTicket } from '../events';
import { mobileNumber, TURN_NEAR_AHEAD } from '../../notifications/domain';
import { smsOffer } from '../../notifications/settings';
import {
  addEvent, counterStates, estimateInputs, priorityCategories, queueCounts, resolveQueue, type CounterState, type QueueRef, type TicketRow,
} from '../repo';

export const NO_COUNTER_MESSAGE = 'Lĩnh vực này hiện không có quầy phục vụ.';

/** Counters (open or paused today) serving any of these fields. */
export const servingCounters = (states: CounterState[], fields: string[]) =>
  states.filter((c) => c.status !== 'closed' && c.fields.some((f) => fields.includes(f)));

export const ticketFields = (t: TicketRow) => (t.field_code ? [t.field_code] : t.group_fields ?? []);

/** People ahead of a waiting ticket, the estimated wait, and the counters serving its queue. */
export async function positionOf(q: Queryable, t: TicketRow, states?: CounterState[], counts?: { ahead: number }) {
  const fields = ticketFields(t);
  const serving = servingCounters(states ?? await counterStates(q, t.center_id, t.day), fields);
  if (t.status !== 'waiting') return { ahead: 0, estimatedWaitMinutes: 0, counters: serving.map((c) => c.number) };
  const { ahead } = counts ?? await queueCounts(q, t);
  const inputs = await estimateInputs(q, t.center_id, t.day, fields);
  const estimatedWaitMinutes = estimateWaitMinutes({
    ahead,
    recentServiceMinutes: inputs.recent,
    openCounters: serving.filter((c) => c.status === 'open').length,
    defaultServiceMinutes: inputs.defaultServiceMinutes,
  });
  return { ahead, estimatedWaitMinutes, counters: serving.map((c) => c.number) };
}

export interface IssueInput {
  center: string;
  field: string;
  priority?: string;
  phone?: string;
}

/**
 * Writes a new waiting ticket with the next number of its queue today, its 'issue' event and the board event, in the
 * caller's transaction: the sequence row is incremented there, so concurrent issues queue on its lock and a
 * rolled-back issue gives its number back (gap-free).
 */
export async function insertTicket(tx: Queryable, centerId: string, ref: QueueRef, now: Date, opts: { priority?: string | null; phone?: string | null; data?: Record<string, unknown> } = {}) {
  const day = vnDayString(now);
  const seq = await one<{ last_value: number }>(tx,
    `INSERT INTO queue_sequences (center_id, queue_code, day, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (center_id, queue_code, day) DO UPDATE SET last_value = queue_sequences.last_value + 1 RETURNING last_value`,
    [centerId, ref.code, day]);
  const { number, displayNumber } = ticketNumber(ref.rangeStart, seq!.last_value, ref.prefix);
  const row = (await one<TicketRow>(tx,
    `INSERT INTO queue_tickets (center_id, day, queue_code, seq, number, display_number, field_code, group_id, priority, phone, status, issued_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,'waiting',$11) RETURNING *`,
    [centerId, day, ref.code, seq!.last_value, number, displayNumber, ref.fieldCode, ref.groupId, opts.priority ?? null, opts.phone ?? null, now]))!;
  await addEvent(tx, { ticketId: row.id, centerId, action: 'issue', data: { queue: ref.code, priority: opts.priority ?? null, ...opts.data } }, now);
  const counts = await queueCounts(tx, row);
  // Already this close to the front: the ticket in hand says so; no "sắp đến lượt" message later.
  if (row.phone && counts.ahead <= TURN_NEAR_AHEAD) await tx.query('UPDATE queue_tickets SET turn_near_at = $2 WHERE id = $1', [row.id, now]);
  await publishTicket(tx, { centerId, ticketId: row.id, displayNumber, status: 'waiting', action: 'issue', queue: ref.code, waiting: counts.waiting, at: now.toISOString() });
  return { row: { ...row, group_fields: ref.kind === 'group' ? ref.fields : null } as TicketRow, counts };
}

/** The refusal of a kiosk outside the public hours, naming when the center opens next. */
export function closedMessage(next: PublicSession | null): string {
  return next
    ? `Trung tâm đang ngoài giờ tiếp công dân nên chưa cấp số thứ tự. Trung tâm mở cửa lại lúc ${sessionStartText(next)}.`
    : 'Trung tâm đang ngoài giờ tiếp công dân nên chưa cấp số thứ tự.';
}

/**
 * A kiosk ticket: only in the center's public hours (by its calendar), the next number of the queue today
 * (gap-free under concurrent kiosks), then its position.
 */
export async function issueTicket(db: Db, clock: Clock, calendars: CalendarService, input: IssueInput, config: Pick<AppConfig, 'sms' | 'zalo'>) {
  const center = await one<{ id: string; name: string; active: boolean }>(db, 'SELECT id, name, active FROM centers WHERE code = $1 OR id::text = lower($1)', [input.center]);
  if (!center) throw notFound(`Trung tâm "${input.center}"`);
  if (!center.active) throw conflict('QUEUE_CENTER_INACTIVE', 'Trung tâm này hiện không hoạt động.');
  const now = clock.now();
  const opening = publicOpeningAt((await calendars.forCenter(center.id)).calendar, now);
  if (!opening.open) throw conflict('QUEUE_CENTER_CLOSED', closedMessage(opening.next));
  const day = vnDayString(now);
  const ref = await resolveQueue(db, center.id, input.field);
  if (input.priority) {
    const cats = await priorityCategories(db, center.id);
    if (!cats.some((c) => c.code === input.priority)) {
      throw badRequest('QUEUE_UNKNOWN_PRIORITY', `Đối tượng ưu tiên không hợp lệ. Chọn một trong: ${cats.map((c) => c.name).join(', ')}.`);
    }
  }
  // The phone is asked for one purpose, the "sắp đến lượt" message: refused when that message cannot go.
  if (input.phone) {
    if (!(await smsOffer(db, config, center.id)).queue) throw badRequest('QUEUE_PHONE_NOT_OFFERED', 'Trung tâm chưa nhắn tin báo lượt qua số điện thoại; hãy lấy số không kèm số điện thoại.');
    if (!mobileNumber(input.phone)) throw badRequest('QUEUE_PHONE_NOT_MOBILE', 'Số điện thoại phải là số di động (ví dụ 0912345678) để nhận tin nhắn.');
  }
  const states = await counterStates(db, center.id, day);
  if (servingCounters(states, ref.fields).length === 0) throw conflict('QUEUE_NO_COUNTER', NO_COUNTER_MESSAGE);

  const { row: t, counts } = await withTx(db, (tx) => insertTicket(tx, center.id, ref, now, { priority: input.priority, phone: input.phone }));

  const pos = await positionOf(db, t, states, counts);
  return {
    id: t.id,
    number: t.number,
    displayNumber: t.display_number,
    field: ref.code,
    fieldName: ref.name,
    priority: t.priority,
    counters: pos.counters,
    ahead: pos.ahead,
    estimatedWaitMinutes: pos.estimatedWaitMinutes,
    issuedAt: t.issued_at.toISOString(),
    centerId: center.id,
    centerName: center.name,
    followUrl: `/queue/follow/${t.id}`,
  };
}
