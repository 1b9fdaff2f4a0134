// Paired kiosks (issue 12, finding 10). Every kiosk of a center reaches the app from the same public address, so
// the per-address limit on ticket issuing would stop real citizens at a busy hour; a kiosk the admin has paired
// sends its key in `x-kiosk-key` and is exempt from that limit. The key is shown once when the device is paired and
// only its SHA-256 is kept; revoking it ends the exemption at once (within the few seconds of the cache below).
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';

export const KIOSK_KEY_HEADER = 'x-kiosk-key';
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface KioskDevice {
  id: string;
  centerId: string;
  name: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
}

export async function pairKiosk(q: Queryable, centerId: string, name: string, createdBy: string): Promise<{ device: KioskDevice; key: string }> {
  const key = `kiosk_${randomBytes(24).toString('base64url')}`;
  const row = await one<Row>(q, `INSERT INTO kiosk_devices (center_id, name, key_hash, created_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [centerId, name, hashKey(key), createdBy]);
  return { device: present(row!), key };
}

export async function listKiosks(q: Queryable, centerId: string): Promise<KioskDevice[]> {
  return (await many<Row>(q, `SELECT ${COLUMNS} FROM kiosk_devices WHERE center_id = $1 ORDER BY revoked_at IS NOT NULL, created_at DESC`, [centerId])).map(present);
}

export async function revokeKiosk(q: Queryable, centerId: string, id: string, now: Date): Promise<KioskDevice | undefined> {
  const row = await one<Row>(q, `UPDATE kiosk_devices SET revoked_at = coalesce(revoked_at, $3) WHERE id = $1 AND center_id = $2 RETURNING ${COLUMNS}`, [id, centerId, now]);
  cache.clear();
  return row && present(row);
}

// A kiosk issues a ticket every few seconds at a busy hour: its key is looked up once per few seconds, not per ticket.
const CACHE_MS = 5_000;
const cache = new Map<string, { deviceId: string | null; until: number }>();

/** The paired, unrevoked kiosk whose key the request carries, or null. */
export async function kioskOf(db: Db, req: FastifyRequest): Promise<string | null> {
  const key = req.headers[KIOSK_KEY_HEADER];
  if (typeof key !== 'string' || key.length < 20 || key.length > 100) return null;
  const h = hashKey(key);
  const hit = cache.get(h);
  if (hit && hit.until > Date.now()) return hit.deviceId;
  const row = await one<{ id: string }>(db, 'UPDATE kiosk_devices SET last_seen_at = now() WHERE key_hash = $1 AND revoked_at IS NULL RETURNING id', [h]);
  if (cache.size > 10_000) cache.clear();
  cache.set(h, { deviceId: row?.id ?? null, until: Date.now() + CACHE_MS });
  return row?.id ?? null;
}

interface Row { id: string; center_id: string; name: string; created_at: Date; last_seen_at: Date | null; revoked_at: Date | null }
const COLUMNS = 'id, center_id, name, created_at, last_seen_at, revoked_at';
const present = (r: Row): KioskDevice => ({ id: r.id, centerId: r.center_id, name: r.name, createdAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at });
