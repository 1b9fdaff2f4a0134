// Stage 2 of the outbox: each message goes to its provider, at most once.
//
// - Claiming: FOR UPDATE SKIP LOCKED under a lease (available_at moved forward), so several server instances share
//   the work and never take the same message.
// - Never twice: the message is marked 'sending' in the claim itself, before the provider is called. A message
//   found still 'sending' after its lease ran out was interrupted (the process died mid-call): it is marked failed,
//   not sent again, since it may have left. eSMS adds its own guard: it refuses a RequestId it has seen that day.
// - Retries: a temporary failure (network, timeout, 5xx) puts the message back with its error and an exponential
//   delay; a refusal for good or too many attempts ends it as failed. A failed Zalo message with SMS as its
//   fallback queues that SMS at once (same event and phone: at most one SMS, whatever happens).
import { one, type Db } from '../../platform/db';
import { sendEmail, type Channels } from './channels';
import type { SendOutcome } from './providers/types';

export interface DeliverOptions {
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

export interface MessageRow {
  id: number;
  ref: string;
  event: string;
  channel: 'email' | 'sms' | 'zalo';
  recipient: string;
  subject: string | null;
  body: string;
  html: string | null;
  brandname: string | null;
  template_id: string | null;
  template_data: Record<string, string> | null;
  sms_fallback: boolean;
  attempts: number;
  previous_status: string;
}

const PROVIDER = (ch: Channels, channel: MessageRow['channel']) => (channel === 'email' ? 'smtp' : channel === 'sms' ? ch.sms?.name ?? null : 'zalo');

export async function claimMessage(db: Db, leaseMs: number): Promise<MessageRow | undefined> {
  return one<MessageRow>(db, `
    WITH c AS (
      SELECT id, status FROM notification_messages WHERE status IN ('queued', 'sending') AND available_at <= now()
       ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    UPDATE notification_messages m SET status = 'sending', available_at = now() + $1 * interval '1 millisecond',
           attempts = m.attempts + CASE WHEN c.status = 'queued' THEN 1 ELSE 0 END
      FROM c WHERE m.id = c.id
    RETURNING m.id, m.ref, m.event, m.channel, m.recipient, m.subject, m.body, m.html, m.brandname, m.template_id, m.template_data, m.sms_fallback,
              m.attempts, c.status AS previous_status`, [leaseMs]);
}

/** Hands one message to its channel's provider. */
export async function callProvider(ch: Channels, m: Pick<MessageRow, 'id' | 'ref' | 'channel' | 'recipient' | 'subject' | 'body' | 'html' | 'brandname' | 'template_id' | 'template_data'>): Promise<SendOutcome> {
  switch (m.channel) {
    case 'email':
      if (!ch.email) return { ok: false, retry: false, error: 'E-mail chưa được cấu hình (MOTCUA_SMTP_URL)' };
      return sendEmail(ch.email, { to: m.recipient, subject: m.subject ?? '', text: m.body, html: m.html ?? '', messageId: `<notify-${m.id}.${m.ref}@${ch.messageDomain}>` });
    case 'sms':
      if (!ch.sms) return { ok: false, retry: false, error: 'SMS chưa được cấu hình' };
      return ch.sms.send({ to: m.recipient, text: m.body, ref: m.ref, brandname: m.brandname, callbackUrl: ch.smsCallbackUrl(m.ref) });
    case 'zalo':
      if (!ch.zalo || !m.template_id) return { ok: false, retry: false, error: 'Zalo ZNS chưa được cấu hình' };
      return ch.zalo.send({ phone: m.recipient, templateId: m.template_id, templateData: m.template_data ?? {}, ref: m.ref });
  }
}

/** Records a provider's answer; answers what became of the message. */
export async function recordOutcome(db: Db, ch: Channels, m: MessageRow, r: SendOutcome, o: DeliverOptions): Promise<'sent' | 'retried' | 'failed'> {
  const provider = PROVIDER(ch, m.channel);
  if (r.ok) {
    await db.query(`UPDATE notification_messages SET status = 'sent', sent_at = now(), provider = $2, provider_ref = $3, error = coalesce($4, error) WHERE id = $1`,
      [m.id, provider, r.providerRef, r.note ?? null]);
    return 'sent';
  }
  // A Zalo message with an SMS behind it does not wait: the SMS goes now.
  const fallback = m.channel === 'zalo' && m.sms_fallback;
  if (r.retry && !fallback && m.attempts < o.maxAttempts) {
    const delay = Math.min(o.retryBaseMs * 2 ** (m.attempts - 1), o.retryMaxMs);
    await db.query(`UPDATE notification_messages SET status = 'queued', provider = $2, error = $3, available_at = now() + $4 * interval '1 millisecond' WHERE id = $1`,
      [m.id, provider, r.error, delay]);
    o.log?.warn(`Gửi ${m.channel} (tin ${m.id}) lỗi lần ${m.attempts}, thử lại sau ${Math.round(delay / 1000)} giây: ${r.error}`);
    return 'retried';
  }
  await db.query(`UPDATE notification_messages SET status = 'failed', failed_at = now(), provider = $2, error = $3 WHERE id = $1`, [m.id, provider, r.error]);
  o.log?.error(`Gửi ${m.channel} (tin ${m.id}) thất bại hẳn sau ${m.attempts} lần: ${r.error}`);
  if (fallback) await queueSmsFallback(db, m.id);
  return 'failed';
}

/** The SMS that replaces a failed Zalo message: same event, phone and text (unique per event, channel and phone). */
async function queueSmsFallback(db: Db, zaloId: number): Promise<void> {
  await db.query(`INSERT INTO notification_messages (event_key, event, channel, recipient, center_id, dossier_id, ticket_id, outbox_id, body, brandname, segments, fallback_of)
    SELECT event_key, event, 'sms', recipient, center_id, dossier_id, ticket_id, outbox_id, body, brandname, segments, id FROM notification_messages WHERE id = $1
    ON CONFLICT (event_key, channel, recipient) WHERE recipient <> '' DO NOTHING`, [zaloId]);
}

/** Claims and sends one message; null when none is due. */
export async function deliverNext(db: Db, ch: Channels, o: DeliverOptions): Promise<'sent' | 'retried' | 'failed' | null> {
  const m = await claimMessage(db, o.leaseMs);
  if (!m) return null;
  if (m.previous_status === 'sending') {
    const r: SendOutcome = { ok: false, retry: false, error: 'Việc gửi bị gián đoạn giữa chừng (tiến trình dừng đột ngột); không gửi lại để tránh gửi trùng.' };
    // It may have left: no fallback either (that would be the same news twice).
    return recordOutcome(db, ch, { ...m, sms_fallback: false }, r, o);
  }
  return recordOutcome(db, ch, m, await callProvider(ch, m), o);
}
