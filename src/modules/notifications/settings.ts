// A center's notification settings: whom SMS goes to, the sender name, and per event the switch of each channel,
// the center's own SMS text and the Zalo template. Defaults (domain/events.ts) for whatever the center never set.
import type { AppConfig } from '../../config';
import { audit } from '../../platform/audit';
import { many, one, type Queryable, type Tx } from '../../platform/db';
import { DOSSIER_EVENTS, EVENT_SPECS, specOf, type Channel, type NotifyEvent } from './domain/events';

export type SmsPolicy = 'all' | 'ordered';

export interface EventSetting {
  event: NotifyEvent;
  email: boolean;
  sms: boolean;
  zalo: boolean;
  /** The center's own SMS text, or null for the default. */
  smsTemplate: string | null;
  zaloTemplateId: string | null;
}

export interface CenterNotifySettings {
  smsPolicy: SmsPolicy;
  brandname: string | null;
  events: Record<NotifyEvent, EventSetting>;
}

export async function loadNotifySettings(q: Queryable, centerId: string): Promise<CenterNotifySettings> {
  const [c, rows] = await Promise.all([
    one<{ sms_policy: SmsPolicy; brandname: string | null }>(q, 'SELECT sms_policy, brandname FROM notification_center_settings WHERE center_id = $1', [centerId]),
    many<{ event: NotifyEvent; email: boolean; sms: boolean; zalo: boolean; sms_template: string | null; zalo_template_id: string | null }>(q,
      'SELECT event, email, sms, zalo, sms_template, zalo_template_id FROM notification_event_settings WHERE center_id = $1', [centerId]),
  ]);
  const events = {} as Record<NotifyEvent, EventSetting>;
  for (const spec of EVENT_SPECS) {
    const r = rows.find((x) => x.event === spec.event);
    const on = (ch: Channel) => spec.channels.includes(ch) && (r ? r[ch] : spec.defaults[ch]);
    events[spec.event] = { event: spec.event, email: on('email'), sms: on('sms'), zalo: on('zalo'), smsTemplate: r?.sms_template ?? null, zaloTemplateId: r?.zalo_template_id ?? null };
  }
  return { smsPolicy: c?.sms_policy ?? 'all', brandname: c?.brandname ?? null, events };
}

export interface SettingsInput {
  smsPolicy: SmsPolicy;
  brandname: string | null;
  events: { event: NotifyEvent; email: boolean; sms: boolean; zalo: boolean; smsTemplate: string | null; zaloTemplateId: string | null }[];
}

export async function saveNotifySettings(tx: Tx, centerId: string, input: SettingsInput, actorId: string, now: Date): Promise<void> {
  await tx.query(`INSERT INTO notification_center_settings (center_id, sms_policy, brandname, updated_by, updated_at) VALUES ($1,$2,$3,$4,$5)
    ON CONFLICT (center_id) DO UPDATE SET sms_policy = $2, brandname = $3, updated_by = $4, updated_at = $5`, [centerId, input.smsPolicy, input.brandname, actorId, now]);
  for (const e of input.events) {
    const spec = specOf(e.event);
    const allowed = (ch: Channel) => spec.channels.includes(ch) && e[ch];
    // A text equal to the default is stored as "the default", so a later improvement of the default reaches it.
    const template = e.smsTemplate && e.smsTemplate.trim() !== spec.smsTemplate ? e.smsTemplate.trim() : null;
    await tx.query(`INSERT INTO notification_event_settings (center_id, event, email, sms, zalo, sms_template, zalo_template_id) VALUES ($1,$2,$3,$4,$5,$6,$7)
      ON CONFLICT (center_id, event) DO UPDATE SET email = $3, sms = $4, zalo = $5, sms_template = $6, zalo_template_id = $7`,
    [centerId, e.event, allowed('email'), allowed('sms'), allowed('zalo'), template, e.zaloTemplateId?.trim() || null]);
  }
  await audit(tx, { actorId, centerId, action: 'notifications.settings.update', entity: 'center', entityId: centerId, data: { ...input } }, now);
}

export interface SmsOffer {
  /** The cashier may sell the SMS service: a provider is configured and some dossier event sends SMS. */
  dossiers: boolean;
  /** The kiosk asks for a phone: the "sắp đến lượt" message can go (SMS, or Zalo with its template). */
  queue: boolean;
}

/** What the center can promise about SMS today (issue 13: promise only what exists). */
export async function smsOffer(q: Queryable, config: Pick<AppConfig, 'sms' | 'zalo'>, centerId: string): Promise<SmsOffer> {
  if (!config.sms && !config.zalo) return { dossiers: false, queue: false };
  const s = await loadNotifySettings(q, centerId);
  const near = s.events.queue_near;
  return {
    dossiers: !!config.sms && DOSSIER_EVENTS.some((e) => s.events[e].sms),
    queue: (!!config.sms && near.sms) || (!!config.zalo && near.zalo && !!near.zaloTemplateId),
  };
}
