// Sending one message right away through the same channels and the same messages table, for what cannot wait for
// the worker's next poll: one-time sign-in codes (citizen accounts) and replies to SMS look-ups.
import { one, type Db } from '../../platform/db';
import { AppError, badRequest } from '../../platform/errors';
import type { Channels } from './channels';
import { callProvider, recordOutcome, type MessageRow } from './deliver';
import { fitSms, mobileNumber } from './domain';

export interface ImmediateMessage {
  channel: 'sms' | 'email';
  /** A phone number in any usual form (0905…, +84905…), or an e-mail address. */
  to: string;
  /** The SMS text (diacritics are removed here) or the e-mail's plain text. */
  text: string;
  subject?: string;
  html?: string;
  /**
   * Idempotency: a message with the same key, channel and recipient is sent once; a repeat returns the first
   * outcome (`repeated: true`) without sending.
   */
  key: string;
  /** What the message is, as listed with a dossier's messages (default 'otp'). */
  event?: string;
  centerId?: string | null;
  dossierId?: string | null;
  /** Kept in the messages table instead of the text: a one-time code must not sit in the database. */
  storedText?: string;
}

export interface ImmediateResult {
  id: number;
  status: 'queued' | 'sending' | 'sent' | 'delivered' | 'failed';
  providerRef: string | null;
  error: string | null;
  repeated: boolean;
}

const LEASE_MS = 10 * 60_000;

/**
 * Sends now and answers the outcome: 'sent' (accepted by the provider), or 'failed' with the reason. A temporary
 * failure of a message whose text is stored is left 'queued' for the worker to retry; one with `storedText` (the
 * real text is not kept) cannot be retried and fails. 409 when the channel is not configured (a setting, not an outage); 400 for a recipient
 * that is not a mobile number or an e-mail address.
 */
export async function sendNow(db: Db, ch: Channels, m: ImmediateMessage): Promise<ImmediateResult> {
  if (m.channel === 'sms' && !ch.sms) throw new AppError(409, 'SMS_NOT_CONFIGURED', 'Chưa cấu hình kênh SMS.');
  if (m.channel === 'email' && !ch.email) throw new AppError(409, 'EMAIL_NOT_CONFIGURED', 'Chưa cấu hình máy chủ e-mail (MOTCUA_SMTP_URL).');
  const recipient = m.channel === 'sms' ? mobileNumber(m.to) : /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(m.to.trim()) ? m.to.trim().toLowerCase() : null;
  if (!recipient) throw badRequest('NOTIFY_BAD_RECIPIENT', m.channel === 'sms' ? 'Số điện thoại di động không hợp lệ.' : 'Địa chỉ e-mail không hợp lệ.');
  const sms = m.channel === 'sms' ? fitSms(m.text, ch.smsMaxParts) : null;
  const body = sms ? sms.text : m.text;
  const stored = m.storedText ?? body;

  // Inserted already 'sending' under a lease: the worker leaves it alone, and a crash before the answer leaves it
  // to be closed as interrupted, never resent.
  const row = await one<{ id: number; ref: string }>(db, `INSERT INTO notification_messages (event_key, event, channel, recipient, center_id, dossier_id, subject, body, html,
      brandname, segments, status, attempts, available_at)
    VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,'sending',1, now() + $12 * interval '1 millisecond')
    ON CONFLICT (event_key, channel, recipient) WHERE recipient <> '' DO NOTHING RETURNING id, ref`,
  [`now:${m.key}`, m.event ?? 'otp', m.channel, recipient, m.centerId ?? null, m.dossierId ?? null, m.subject ?? null, stored,
    m.storedText === undefined ? m.html ?? null : null, m.channel === 'sms' ? ch.smsBrandname : null, sms?.parts ?? null, LEASE_MS]);
  if (!row) {
    const first = (await one<{ id: number; status: ImmediateResult['status']; provider_ref: string | null; error: string | null }>(db,
      'SELECT id, status, provider_ref, error FROM notification_messages WHERE event_key = $1 AND channel = $2 AND recipient = $3', [`now:${m.key}`, m.channel, recipient]))!;
    return { id: first.id, status: first.status, providerRef: first.provider_ref, error: first.error, repeated: true };
  }
  const msg: MessageRow = {
    id: row.id, ref: row.ref, event: m.event ?? 'otp', channel: m.channel, recipient, subject: m.subject ?? null, body, html: m.html ?? null,
    brandname: m.channel === 'sms' ? ch.smsBrandname : null, template_id: null, template_data: null, sms_fallback: false, attempts: 1, previous_status: 'queued',
  };
  const outcome = await callProvider(ch, msg);
  const canRetry = m.storedText === undefined;
  await recordOutcome(db, ch, msg, outcome.ok || canRetry ? outcome : { ...outcome, retry: false }, { leaseMs: LEASE_MS, retryBaseMs: 60_000, retryMaxMs: 3_600_000, maxAttempts: 8 });
  const after = (await one<{ status: ImmediateResult['status']; provider_ref: string | null; error: string | null }>(db,
    'SELECT status, provider_ref, error FROM notification_messages WHERE id = $1', [row.id]))!;
  return { id: row.id, status: after.status, providerRef: after.provider_ref, error: after.error, repeated: false };
}
