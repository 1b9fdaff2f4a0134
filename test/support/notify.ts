// Helpers for the notification tests: a dossier's messages as stored, and the center settings through the API.
import type { TestApp } from './app';

export interface StoredMessage {
  id: number; ref: string; event: string; channel: string; recipient: string; status: string; attempts: number; body: string; subject: string | null;
  error: string | null; provider: string | null; provider_ref: string | null; fallback_of: number | null; template_id: string | null;
  template_data: Record<string, string> | null; segments: number | null; delivered_at: Date | null; available_at: Date;
}

export async function messagesOf(t: TestApp, code: string): Promise<StoredMessage[]> {
  return (await t.db.query<StoredMessage>(`SELECT m.* FROM notification_messages m JOIN dossiers d ON d.id = m.dossier_id WHERE d.code = $1 ORDER BY m.id`, [code])).rows;
}

type EventSwitch = { event: string; email: boolean; sms: boolean; zalo: boolean; smsTemplate: string | null; zaloTemplateId: string | null };

/** Reads the center's settings, lets `change` edit them, saves; answers the saved settings (or throws with the API's answer). */
export async function changeSettings(t: TestApp, cookie: string, change: (s: { smsPolicy: string; brandname: string | null; events: EventSwitch[] }) => void, center?: string) {
  const q = center ? `?center=${encodeURIComponent(center)}` : '';
  const cur = await t.app.inject({ url: `/api/v1/notifications/settings${q}`, headers: { cookie } });
  if (cur.statusCode !== 200) throw new Error(`settings: ${cur.statusCode} ${cur.body}`);
  const s = cur.json();
  const body = {
    smsPolicy: s.smsPolicy, brandname: s.brandname,
    events: s.events.map((e: EventSwitch & { custom: boolean }) => ({ event: e.event, email: e.email, sms: e.sms, zalo: e.zalo, smsTemplate: e.custom ? e.smsTemplate : null, zaloTemplateId: e.zaloTemplateId })),
  };
  change(body);
  const r = await t.app.inject({ method: 'PUT', url: `/api/v1/notifications/settings${q}`, headers: { cookie }, payload: body });
  if (r.statusCode !== 200) throw new Error(`save settings: ${r.statusCode} ${r.body}`);
  return r.json();
}
