// Staff notifications (the console's bell): written in the transaction of what they tell, each with its e-mail copy's
// state, and announced on a LISTEN/NOTIFY channel so every app instance's open streams update the unread count.
import type { AppConfig } from '../../config';
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { notify } from '../../platform/realtime';
import type { Message } from './domain';
import { mailConfigured } from '../notifications/smtp-settings';

export const STAFF_CHANNEL = 'motcua_staff_notifications';

export interface Recipient {
  id: string;
  name: string;
  email: string;
  /** Why this person is told: they hold the dossier, they head its department, or they hold it at the center. */
  role: 'assignee' | 'department_head' | 'reception' | 'supervisor';
}

type DossierHolder = { center_id: string; department_id: string | null; step_index: number | null; assignee_id: string | null; field_code: string };

/**
 * Who is told about a dossier: with a department (handed over by the workflow), its assignee and the department's
 * heads; still at the center, the reception clerks of its field's counters (or, if none, the supervision section).
 */
export async function recipientsOf(q: Queryable, d: DossierHolder): Promise<Recipient[]> {
  if (d.department_id && d.step_index !== null) {
    return many<Recipient>(q, `SELECT id, full_name AS name, email, CASE WHEN id = $1 THEN 'assignee' ELSE 'department_head' END AS role
      FROM users WHERE active AND (id = $1 OR (department_id = $2 AND 'department_head' = ANY(roles))) ORDER BY (id = $1) DESC, full_name`,
    [d.assignee_id, d.department_id]);
  }
  const clerks = await many<Recipient>(q, `SELECT u.id, u.full_name AS name, u.email, 'reception' AS role FROM users u JOIN counters c ON c.id = u.counter_id
    WHERE u.active AND u.center_id = $1 AND 'reception' = ANY(u.roles) AND $2 = ANY(c.field_codes) ORDER BY u.full_name`, [d.center_id, d.field_code]);
  if (clerks.length) return clerks;
  return many<Recipient>(q, `SELECT id, full_name AS name, email, 'supervisor' AS role FROM users WHERE active AND center_id = $1 AND 'supervisor' = ANY(roles) ORDER BY full_name`, [d.center_id]);
}

/** The heads of a department. */
export function departmentHeads(q: Queryable, departmentId: string): Promise<Recipient[]> {
  return many<Recipient>(q, `SELECT id, full_name AS name, email, 'department_head' AS role FROM users
    WHERE active AND department_id = $1 AND 'department_head' = ANY(roles) ORDER BY full_name`, [departmentId]);
}

export type MailConfig = Pick<AppConfig, 'smtpUrl' | 'mailFrom'>;

/** Whether the e-mail copy will be sent, and why not. */
export function emailStatus(mailOn: boolean, email: string): 'off' | 'no_address' | 'pending' {
  if (!mailOn) return 'off';
  return email.trim() ? 'pending' : 'no_address';
}

/** Writes one notification per recipient (inside the caller's transaction) and announces it on commit. */
export async function notifyStaff(tx: Queryable, config: MailConfig, recipients: readonly Pick<Recipient, 'id' | 'email'>[], m: Message,
  ref: { centerId: string | null; dossierCode?: string | null; urgeId?: number | null }, now: Date): Promise<number[]> {
  const unique = [...new Map(recipients.map((r) => [r.id, r])).values()];
  if (!unique.length) return [];
  // E-mail goes through MOTCUA_SMTP_URL or the server the administrator stored on the console.
  const mailOn = await mailConfigured(tx, config);
  const rows = await many<{ id: number }>(tx, `INSERT INTO staff_notifications (user_id, center_id, kind, title, body, link, dossier_code, urge_id, created_at,
      email_to, email_status, email_available_at)
    SELECT r.user_id, $2, $3, $4, $5, $6, $7, $8, $9, nullif(r.email, ''), r.status, CASE WHEN r.status = 'pending' THEN $9::timestamptz END
    FROM unnest($1::uuid[], $10::text[], $11::text[]) AS r(user_id, email, status) RETURNING id`,
  [unique.map((r) => r.id), ref.centerId, m.kind, m.title, m.body, m.link, ref.dossierCode ?? null, ref.urgeId ?? null, now,
    unique.map((r) => r.email.trim()), unique.map((r) => emailStatus(mailOn, r.email))]);
  // A hundred ids keep the payload well under PostgreSQL's 8000 bytes.
  for (let i = 0; i < unique.length; i += 100) await notify(tx, STAFF_CHANNEL, { users: unique.slice(i, i + 100).map((r) => r.id) });
  return rows.map((r) => Number(r.id));
}

export interface NotificationRow {
  id: string;
  kind: Message['kind'];
  title: string;
  body: string;
  link: string | null;
  dossier_code: string | null;
  created_at: Date;
  read_at: Date | null;
  email_status: string;
}

export async function unreadCount(q: Queryable, userId: string): Promise<number> {
  return (await one<{ n: number }>(q, 'SELECT count(*)::int AS n FROM staff_notifications WHERE user_id = $1 AND read_at IS NULL', [userId]))!.n;
}

export async function listNotifications(q: Queryable, userId: string, o: { unread: boolean; limit: number; offset: number }) {
  const where = `user_id = $1${o.unread ? ' AND read_at IS NULL' : ''}`;
  const [rows, total, unread] = await Promise.all([
    many<NotificationRow>(q, `SELECT id, kind, title, body, link, dossier_code, created_at, read_at, email_status FROM staff_notifications
      WHERE ${where} ORDER BY id DESC LIMIT ${o.limit} OFFSET ${o.offset}`, [userId]),
    one<{ n: number }>(q, `SELECT count(*)::int AS n FROM staff_notifications WHERE ${where}`, [userId]),
    unreadCount(q, userId),
  ]);
  return { rows, total: total!.n, unread };
}

/** Marks the caller's own notification read (once); null when it is not theirs. */
export async function markRead(q: Queryable, userId: string, id: number, now: Date): Promise<Date | null> {
  const r = await one<{ read_at: Date }>(q, `UPDATE staff_notifications SET read_at = coalesce(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING read_at`, [id, userId, now]);
  if (r) await notify(q, STAFF_CHANNEL, { users: [userId] });
  return r?.read_at ?? null;
}

export async function markAllRead(q: Queryable, userId: string, now: Date): Promise<number> {
  const r = await q.query(`UPDATE staff_notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, [userId, now]);
  if (r.rowCount) await notify(q, STAFF_CHANNEL, { users: [userId] });
  return r.rowCount ?? 0;
}
