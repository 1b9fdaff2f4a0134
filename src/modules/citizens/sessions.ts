// Citizen sessions: their own table and their own cookie. A staff cookie never opens a citizen route and a citizen
// cookie never opens a staff route (src/http/access.ts checks req.citizen and req.actor separately).
import { createHash, randomBytes } from 'node:crypto';
import { one, prepared, type Db } from '../../platform/db';

export const CITIZEN_COOKIE = 'motcua_citizen_sid';
const ABSOLUTE_HOURS = 12;
const IDLE_MINUTES = 60;
const TOUCH_EVERY_MS = 60_000;

/** The signed-in citizen. */
export interface Citizen {
  id: string;
  /** The verified phone (84xxxxxxxxx) or e-mail; none for an account opened by the national sign-in without one. */
  contact: string | null;
  contactKind: 'phone' | 'email' | null;
  /** Verified by the national sign-in (VNeID), else null. */
  idNumber: string | null;
  fullName: string | null;
  /** How this session was opened: a one-time code or the national sign-in (OpenID Connect). */
  signInMethod: SignInMethod;
  sessionId: string;
}
export type SignInMethod = 'otp' | 'oidc';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createCitizenSession(db: Db, citizenId: string, now: Date, meta: { ip: string; userAgent: string; method?: SignInMethod }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO citizen_sessions (id, citizen_id, created_at, last_seen_at, expires_at, ip, user_agent, method) VALUES ($1,$2,$3,$3,$4,$5,$6,$7)`,
    [hashToken(token), citizenId, now, new Date(now.getTime() + ABSOLUTE_HOURS * 3600_000), meta.ip, meta.userAgent.slice(0, 300), meta.method ?? 'otp'],
  );
  return token;
}

const SESSION_SQL = prepared(`SELECT s.id, s.last_seen_at, s.expires_at, s.method, a.id AS citizen_id, a.contact, a.contact_kind, a.id_number, a.full_name
  FROM citizen_sessions s JOIN citizen_accounts a ON a.id = s.citizen_id WHERE s.id = $1`);

/** The citizen behind a cookie token, or null when unknown, idle for an hour or older than 12 hours. */
export async function resolveCitizenSession(db: Db, token: string, now: Date): Promise<Citizen | null> {
  const id = hashToken(token);
  const row = await one<{ id: string; last_seen_at: Date; expires_at: Date; method: SignInMethod; citizen_id: string; contact: string | null;
    contact_kind: 'phone' | 'email' | null; id_number: string | null; full_name: string | null }>(db, SESSION_SQL, [id]);
  if (!row) return null;
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  if (now >= row.expires_at || idleMs > IDLE_MINUTES * 60_000) {
    await db.query('DELETE FROM citizen_sessions WHERE id = $1', [id]);
    return null;
  }
  if (idleMs > TOUCH_EVERY_MS) await db.query('UPDATE citizen_sessions SET last_seen_at = $2 WHERE id = $1', [id, now]);
  return { id: row.citizen_id, contact: row.contact, contactKind: row.contact_kind, idNumber: row.id_number, fullName: row.full_name, signInMethod: row.method, sessionId: id };
}

export async function destroyCitizenSession(db: Db, sessionId: string): Promise<void> {
  await db.query('DELETE FROM citizen_sessions WHERE id = $1', [sessionId]);
}
