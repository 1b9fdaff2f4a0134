// Evaluation tablets (issue 14 item 4): a tablet at a return counter, paired by the admin like a queue kiosk (a key
// shown once, only its SHA-256 kept, revocable), shows the rating questions of the dossier the clerk just pushed.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { many, one, type Queryable } from '../../platform/db';

export const TABLET_KEY_HEADER = 'x-tablet-key';
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface TabletRow {
  id: string;
  center_id: string;
  counter_id: string;
  counter_name: string;
  counter_number: number;
  name: string;
  created_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
  evaluation_id: string | null;
}

const SELECT = `SELECT t.id, t.center_id, t.counter_id, c.name AS counter_name, c.number AS counter_number, t.name, t.created_at,
  t.last_seen_at, t.revoked_at, t.evaluation_id FROM evaluation_tablets t JOIN counters c ON c.id = t.counter_id`;

export async function pairTablet(q: Queryable, centerId: string, counterId: string, name: string, createdBy: string, now: Date) {
  const key = `tablet_${randomBytes(24).toString('base64url')}`;
  const row = await one<{ id: string }>(q,
    `INSERT INTO evaluation_tablets (center_id, counter_id, name, key_hash, created_by, created_at)
     SELECT $1, c.id, $3, $4, $5, $6 FROM counters c WHERE c.id = $2 AND c.center_id = $1 RETURNING id`,
    [centerId, counterId, name, hashKey(key), createdBy, now]);
  if (!row) return null;
  return { tablet: (await one<TabletRow>(q, `${SELECT} WHERE t.id = $1`, [row.id]))!, key };
}

export const listTablets = (q: Queryable, centerId: string) =>
  many<TabletRow>(q, `${SELECT} WHERE t.center_id = $1 ORDER BY t.revoked_at IS NOT NULL, c.number, t.created_at DESC`, [centerId]);

export async function revokeTablet(q: Queryable, centerId: string, id: string, now: Date): Promise<TabletRow | undefined> {
  pairedCache.clear();
  const row = await one<{ id: string }>(q,
    'UPDATE evaluation_tablets SET revoked_at = coalesce(revoked_at, $3), evaluation_id = NULL WHERE id = $1 AND center_id = $2 RETURNING id', [id, centerId, now]);
  return row ? (await one<TabletRow>(q, `${SELECT} WHERE t.id = $1`, [row.id]))! : undefined;
}

/** The paired, unrevoked tablet whose key the request carries (its last contact noted), or null. */
export async function tabletOf(q: Queryable, req: FastifyRequest, now: Date): Promise<TabletRow | null> {
  const key = req.headers[TABLET_KEY_HEADER];
  if (typeof key !== 'string' || key.length < 20 || key.length > 100) return null;
  const row = await one<{ id: string }>(q,
    'UPDATE evaluation_tablets SET last_seen_at = $2 WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id', [hashKey(key), now]);
  return row ? (await one<TabletRow>(q, `${SELECT} WHERE t.id = $1`, [row.id]))! : null;
}

// A tablet polls every 2 s, and the tablets of a center share one public address with the kiosks and the citizens'
// phones: a paired tablet is exempt from the per-address limits of the public routes, as a paired kiosk is. Whether a
// key is paired is remembered for a few seconds (a revoked key loses the exemption at once: revoking clears it).
const PAIRED_CACHE_MS = 5_000;
const pairedCache = new Map<string, { paired: boolean; until: number }>();

export async function isPairedTablet(q: Queryable, req: FastifyRequest): Promise<boolean> {
  const key = req.headers[TABLET_KEY_HEADER];
  if (typeof key !== 'string' || key.length < 20 || key.length > 100) return false;
  const h = hashKey(key);
  const hit = pairedCache.get(h);
  if (hit && hit.until > Date.now()) return hit.paired;
  const paired = !!(await one(q, 'SELECT 1 FROM evaluation_tablets WHERE key_hash = $1 AND revoked_at IS NULL', [h]));
  if (pairedCache.size > 10_000) pairedCache.clear();
  pairedCache.set(h, { paired, until: Date.now() + PAIRED_CACHE_MS });
  return paired;
}
