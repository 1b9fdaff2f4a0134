// Stage 1 of the outbox: an event row becomes messages — one per channel and recipient — by the center's switches,
// the applicant's contacts and the providers configured. Row and messages change in one transaction; the messages'
// unique (event, channel, recipient) makes a second pass over the same event write nothing.
import { many, one, withTx, type Db, type Queryable } from '../../platform/db';
import { statusLink } from '../dossiers/domain/public-lookup';
import type { FormApplicant } from '../dossiers/forms/types';
import type { Channels } from './channels';
import { eventOfTopic, eventValues, fitSms, mobileNumber, renderTemplate, specOf, type Channel, type EventFacts, type NotifyEvent } from './domain';
import { composeFeedbackMail, composeMail } from './messages';
import { loadNotifySettings, type CenterNotifySettings } from './settings';

export interface OutboxRow {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

export interface NewMessage {
  /** The message's idempotency key when it is not its outbox row's (a feedback's: one per feedback and event). */
  eventKey?: string;
  event: NotifyEvent;
  channel: Channel;
  recipient: string;
  centerId: string;
  dossierId: string | null;
  ticketId: string | null;
  subject: string | null;
  body: string;
  html: string | null;
  brandname: string | null;
  templateId: string | null;
  templateData: Record<string, string> | null;
  smsFallback: boolean;
  segments: number | null;
}

export interface Plan {
  messages: NewMessage[];
  /** Why nothing is sent, when nothing is. */
  note: string | null;
}

interface DossierFacts {
  id: string; code: string; public_token: string; applicant: FormApplicant; received_at: Date | null; due_at: Date | null; result: Record<string, unknown> | null;
  procedure_name: string; center_id: string; center_name: string; short_name: string; address: string; phone: string;
}

const skip = (note: string): Plan => ({ messages: [], note });

/** The messages an outbox row becomes. Reads only; the caller writes. */
export async function planMessages(q: Queryable, ch: Channels, row: OutboxRow): Promise<Plan> {
  const event = eventOfTopic(row.topic, row.payload);
  if (!event) return skip('Sự kiện không cần báo người nộp');
  if (!ch.email && !ch.sms && !ch.zalo) return skip('Chưa cấu hình kênh gửi nào (MOTCUA_SMTP_URL, SMS, Zalo)');
  if (event === 'queue_near') return planTicket(q, ch, row);
  if (event === 'feedback_published' || event === 'feedback_rejected') return planFeedback(q, ch, row, event);

  const code = typeof row.payload.code === 'string' ? row.payload.code : '';
  const d = await one<DossierFacts>(q, `
    SELECT d.id, d.code, d.public_token, d.applicant, d.received_at, d.due_at, d.result, p.name AS procedure_name,
           c.id AS center_id, c.name AS center_name, c.short_name, c.address, c.phone
      FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id WHERE d.code = $1`, [code]);
  if (!d) return skip('Không tìm thấy hồ sơ');
  const settings = await loadNotifySettings(q, d.center_id);
  const on = settings.events[event];

  // The history event written with the row (its id is in the payload); older rows: the latest event of that action.
  let ev: { at: Date; reason: string | null; data: Record<string, unknown> } | null = null;
  if (row.topic.startsWith('dossier.')) {
    const action = row.topic === 'dossier.registered' ? 'receive' : row.topic.slice('dossier.'.length);
    const eventId = typeof row.payload.eventId === 'number' ? row.payload.eventId : null;
    [ev] = await many<{ at: Date; reason: string | null; data: Record<string, unknown> }>(q, eventId
      ? 'SELECT at, reason, data FROM dossier_events WHERE id = $1 AND dossier_id = $2'
      : 'SELECT at, reason, data FROM dossier_events WHERE dossier_id = $2 AND action = $1 ORDER BY id DESC LIMIT 1', [eventId ?? action, d.id]);
  }
  const base = { centerId: d.center_id, dossierId: d.id, ticketId: null };
  const messages: NewMessage[] = [];

  const email = (d.applicant.email ?? '').trim();
  if (on.email && ch.email && email) {
    const mail = composeMail({
      topic: row.topic, payload: row.payload, code: d.code, procedureName: d.procedure_name, applicant: d.applicant,
      center: { name: d.center_name, address: d.address, phone: d.phone },
      dossier: { receivedAt: d.received_at, dueAt: d.due_at, result: d.result },
      event: ev ?? null,
      // The e-mail goes to the address the applicant gave: its link opens the status at once, like the slip's QR code.
      statusUrl: ch.publicUrl ? statusLink(ch.publicUrl, d.code, d.public_token) : null,
      citizenUrl: ch.publicUrl ? `${ch.publicUrl}/cong-dan/ho-so/${encodeURIComponent(d.code)}` : null,
    });
    if (mail) {
      messages.push({ ...base, event, channel: 'email', recipient: email.toLowerCase(), subject: mail.subject, body: mail.text, html: mail.html,
        brandname: null, templateId: null, templateData: null, smsFallback: false, segments: null });
    }
  }

  const facts: EventFacts = {
    centerShortName: d.short_name,
    dossier: { code: d.code, procedureName: d.procedure_name, receivedAt: d.received_at, dueAt: d.due_at, result: d.result },
    reason: ev?.reason ?? null,
    data: row.topic === 'fees.payment' ? row.payload : ev?.data ?? {},
  };
  if (on.sms || on.zalo) messages.push(...(await phoneMessages(q, ch, settings, event, facts, await dossierPhones(q, settings, d), base)));

  if (messages.length) return { messages, note: null };
  return skip(whyNothing(ch, settings, event, !!email));
}

/** Whose phone hears about a dossier: the applicant's mobile (policy "all") and every number ordered with the SMS service. */
async function dossierPhones(q: Queryable, s: CenterNotifySettings, d: DossierFacts): Promise<string[]> {
  const ordered = await many<{ phone: string }>(q, `SELECT phone FROM dossier_services WHERE dossier_id = $1 AND kind = 'sms' ORDER BY created_at`, [d.id]);
  const phones = [...(s.smsPolicy === 'all' ? [d.applicant.phone] : []), ...ordered.map((o) => o.phone)].map(mobileNumber).filter((p): p is string => !!p);
  return [...new Set(phones)];
}

async function planTicket(q: Queryable, ch: Channels, row: OutboxRow): Promise<Plan> {
  const t = await one<{ id: string; center_id: string; phone: string | null; display_number: string; short_name: string }>(q, `
    SELECT t.id, t.center_id, t.phone, t.display_number, c.short_name FROM queue_tickets t JOIN centers c ON c.id = t.center_id WHERE t.id = $1`, [row.payload.ticketId]);
  if (!t) return skip('Không tìm thấy số thứ tự');
  const phone = mobileNumber(t.phone);
  if (!phone) return skip('Số thứ tự không kèm số di động');
  const settings = await loadNotifySettings(q, t.center_id);
  const facts: EventFacts = {
    centerShortName: t.short_name,
    ticket: { displayNumber: t.display_number, ahead: Number(row.payload.ahead ?? 0), counters: Array.isArray(row.payload.counters) ? (row.payload.counters as number[]) : [] },
  };
  const messages = await phoneMessages(q, ch, settings, 'queue_near', facts, [phone], { centerId: t.center_id, dossierId: null, ticketId: t.id });
  return messages.length ? { messages, note: null } : skip(whyNothing(ch, settings, 'queue_near', false));
}

/**
 * A feedback's sender hears that the answer is published or that the feedback was not accepted: by e-mail when the
 * contact has an address (and the e-mail channel is on), else by SMS to the contact's mobile. The key is the feedback
 * and the event, so a repeated outbox row sends nothing more.
 */
async function planFeedback(q: Queryable, ch: Channels, row: OutboxRow, event: 'feedback_published' | 'feedback_rejected'): Promise<Plan> {
  const f = await one<{ id: string; code: string; center_id: string; contact_name: string; contact_phone: string | null; contact_email: string | null;
    content: string; answer: string | null; reason: string | null; status: string; center_name: string; short_name: string; address: string; phone: string }>(q, `
    SELECT f.id, f.code, f.center_id, f.contact_name, f.contact_phone, f.contact_email, f.content, f.answer, f.reason, f.status,
           c.name AS center_name, c.short_name, c.address, c.phone
      FROM feedback f JOIN centers c ON c.id = f.center_id WHERE f.id = $1`, [row.payload.feedbackId]);
  if (!f) return skip('Không tìm thấy phản ánh');
  if (f.status !== (event === 'feedback_published' ? 'published' : 'rejected')) return skip('Phản ánh không còn ở trạng thái này');
  const settings = await loadNotifySettings(q, f.center_id);
  const on = settings.events[event];
  const path = `/phan-anh/${encodeURIComponent(f.code)}`;
  const trackingUrl = ch.publicUrl ? `${ch.publicUrl}${path}` : path;
  const base = { eventKey: `feedback:${f.id}:${event}`, event, centerId: f.center_id, dossierId: null, ticketId: null, templateId: null, templateData: null, smsFallback: false };
  const email = (f.contact_email ?? '').trim().toLowerCase();
  if (email && on.email && ch.email) {
    const mail = composeFeedbackMail({ event, code: f.code, contactName: f.contact_name, content: f.content, answer: f.answer, reason: f.reason,
      center: { name: f.center_name, address: f.address, phone: f.phone }, trackingUrl });
    return { messages: [{ ...base, channel: 'email', recipient: email, subject: mail.subject, body: mail.text, html: mail.html, brandname: null, segments: null }], note: null };
  }
  const phone = mobileNumber(f.contact_phone);
  if (phone && on.sms && ch.sms) {
    const values = eventValues(event, { centerShortName: f.short_name, reason: f.reason, feedback: { code: f.code, trackingUrl } });
    const sms = fitSms(renderTemplate(on.smsTemplate ?? specOf(event).smsTemplate, values), ch.smsMaxParts);
    return { messages: [{ ...base, channel: 'sms', recipient: phone, subject: null, body: sms.text, html: null, brandname: settings.brandname ?? ch.smsBrandname, segments: sms.parts }], note: null };
  }
  return skip(whyNothing(ch, settings, event, !!email));
}

/** Per phone: Zalo when the center switched it on with a template (SMS as its fallback when SMS is on too), else SMS. */
async function phoneMessages(_q: Queryable, ch: Channels, s: CenterNotifySettings, event: NotifyEvent, facts: EventFacts, phones: string[],
  base: Pick<NewMessage, 'centerId' | 'dossierId' | 'ticketId'>): Promise<NewMessage[]> {
  const on = s.events[event];
  const useSms = on.sms && !!ch.sms;
  const useZalo = on.zalo && !!ch.zalo && !!on.zaloTemplateId;
  if (!phones.length || (!useSms && !useZalo)) return [];
  const values = eventValues(event, facts);
  const sms = fitSms(renderTemplate(on.smsTemplate ?? specOf(event).smsTemplate, values), ch.smsMaxParts);
  const brandname = s.brandname ?? ch.smsBrandname;
  return phones.map((recipient) => (useZalo
    ? { ...base, event, channel: 'zalo' as const, recipient, subject: null, body: sms.text, html: null, brandname, templateId: on.zaloTemplateId, templateData: values, smsFallback: useSms, segments: sms.parts }
    : { ...base, event, channel: 'sms' as const, recipient, subject: null, body: sms.text, html: null, brandname, templateId: null, templateData: null, smsFallback: false, segments: sms.parts }));
}

function whyNothing(ch: Channels, s: CenterNotifySettings, event: NotifyEvent, hasEmail: boolean): string {
  const on = s.events[event];
  if (!on.email && !on.sms && !on.zalo) return 'Trung tâm tắt thông báo cho sự kiện này';
  const reasons: string[] = [];
  if (on.email && !ch.email) reasons.push('e-mail chưa cấu hình');
  else if (on.email && !hasEmail) reasons.push('người nộp không có e-mail');
  if (on.sms && !ch.sms) reasons.push('SMS chưa cấu hình');
  else if (on.sms) reasons.push(s.smsPolicy === 'ordered' ? 'không đăng ký dịch vụ SMS' : 'không có số di động');
  return reasons.length ? `Không gửi: ${reasons.join(', ')}` : 'Không có kênh nào để gửi';
}

/** Writes the planned messages (a repeat of an event writes nothing) and closes the outbox row. */
export async function writePlan(q: Queryable, row: OutboxRow, plan: Plan): Promise<number> {
  let written = 0;
  for (const m of plan.messages) {
    const r = await q.query(`INSERT INTO notification_messages (event_key, event, channel, recipient, center_id, dossier_id, ticket_id, outbox_id, subject, body, html,
        brandname, template_id, template_data, sms_fallback, segments)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) ON CONFLICT (event_key, channel, recipient) WHERE recipient <> '' DO NOTHING`,
    [m.eventKey ?? `outbox:${row.id}`, m.event, m.channel, m.recipient, m.centerId, m.dossierId, m.ticketId, row.id, m.subject, m.body, m.html, m.brandname, m.templateId,
      m.templateData ? JSON.stringify(m.templateData) : null, m.smsFallback, m.segments]);
    written += r.rowCount ?? 0;
  }
  await q.query(`UPDATE outbox SET status = $2, delivered_at = now(), note = $3 WHERE id = $1`,
    [row.id, plan.messages.length ? 'dispatched' : 'skipped', plan.messages.length ? `${plan.messages.length} tin nhắn` : plan.note]);
  return written;
}

/**
 * Takes the next due event row (locked, skipped by other workers) and dispatches it. A row that cannot be read
 * (a database error) goes back with a delay and its error, and after `maxAttempts` ends as failed.
 */
export async function dispatchNext(db: Db, ch: Channels, topics: readonly string[], opts: { retryMs: number; maxAttempts: number }): Promise<'dispatched' | 'skipped' | 'retried' | 'failed' | null> {
  let claimed: OutboxRow | undefined;
  try {
    return await withTx(db, async (tx) => {
      claimed = await one<OutboxRow>(tx, `SELECT id, topic, payload FROM outbox WHERE delivered_at IS NULL AND status = 'pending' AND available_at <= now()
        AND topic = ANY($1::text[]) ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`, [topics]);
      if (!claimed) return null;
      const plan = await planMessages(tx, ch, claimed);
      await writePlan(tx, claimed, plan);
      return plan.messages.length ? 'dispatched' : 'skipped';
    });
  } catch (e) {
    if (!claimed) throw e;
    const r = await one<{ status: string }>(db, `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
        status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END, delivered_at = CASE WHEN attempts + 1 >= $4 THEN now() END,
        available_at = now() + $3 * interval '1 millisecond' WHERE id = $1 RETURNING status`, [claimed.id, (e as Error).message.slice(0, 1000), opts.retryMs, opts.maxAttempts]);
    return r?.status === 'failed' ? 'failed' : 'retried';
  }
}
