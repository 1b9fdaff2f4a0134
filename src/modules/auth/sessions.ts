import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../platform/db';
import { one, prepared } from '../../platform/db';
import type { Actor } from './actor';
import { sessionsChanged, type SessionCache } from './session-cache';

export const SESSION_COOKIE = 'motcua_sid';
const ABSOLUTE_HOURS = 12;
// Writing last_seen_at on every request would make each read a write; a minute of slack is plenty for a
// 30-minute idle limit.
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: string, now: Date, meta: { ip: string; userAgent: string }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + ABSOLUTE_HOURS * 3600_000);
  await db.query(
    `INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES ($1,$2,$3,$3,$4,$5,$6)`,
    [hashToken(token), userId, now, expires, meta.ip, meta.userAgent.slice(0, 300)],
  );
  return token;
}

interface SessionRow {
  id: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  username: string;
  full_name: string;
  roles: string[];
  center_id: string | null;
  department_id: string | null;
  active: boolean;
}

/** The actor behind a cookie token, or null when the session is unknown, idle too long, expired or disabled. */
const SESSION_SQL = prepared(`SELECT s.id, s.last_seen_at, s.expires_at, u.id AS user_id, u.username, u.full_name, u.roles,
    u.center_id, u.department_id, u.active
  FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`);

export async function resolveSession(db: Db, token: string, now: Date, idleMinutes: number, cache?: SessionCache): Promise<Actor | null> {
  const id = hashToken(token);
  const cached = cache?.get(id, now.getTime(), TOUCH_EVERY_MS);
  if (cached) return cached;
  const row = await one<SessionRow>(db, SESSION_SQL, [id]);
  if (!row) return null;
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  if (!row.active || now >= row.expires_at || idleMs > idleMinutes * 60_000) {
    cache?.apply({ sessionId: id });
    await db.query('DELETE FROM sessions WHERE id = $1', [id]);
    return null;
  }
  const touched = idleMs > TOUCH_EVERY_MS;
  if (touched) await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
  const actor: Actor = {
    id: row.user_id,
    username: row.username,
    fullName: row.full_name,
    roles: row.roles,
    centerId: row.center_id,
    departmentId: row.department_id,
    sessionId: id,
  };
  cache?.set(id, actor, touched ? now.getTime() : row.last_seen_at.getTime(), row.expires_at.getTime());
  return actor;
}

export async function destroySession(db: Db, sessionId: string, cache?: SessionCache): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
  await sessionsChanged(db, { sessionId }, cache);
}
