import { performance } from 'node:perf_hooks';
import type { Queryable } from '../../platform/db';
import { notify } from '../../platform/realtime';
import type { Actor } from './actor';

/**
 * A short-lived, per-instance memory of resolved sessions, so a clerk's burst of requests does not look the same
 * session up in the database every time (one round trip of the two a dossier lookup needed).
 *
 * Safety rules:
 * - An entry is trusted for at most `ttlMs` of real time (monotonic, not the app's clock), then read again.
 * - The cache never decides that a session is idle or expired: once the last activity it knows is older than the
 *   touch interval, the request goes to the database, which touches `last_seen_at` (other instances may have seen
 *   activity this one did not). The absolute expiry is checked on every hit.
 * - Logout, deactivation, a password reset or any change of an account evicts at once on this instance and, through
 *   NOTIFY on SESSIONS_CHANNEL at commit, on every other instance; if that channel drops, all entries go.
 */
export const SESSIONS_CHANNEL = 'motcua_sessions';

export interface CachedSession {
  actor: Actor;
  lastSeenAt: number; // app clock, ms
  expiresAt: number; // app clock, ms
  cachedAt: number; // performance.now()
}

export type SessionChange = { sessionId: string } | { userId: string };

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  enabled = true;

  constructor(
    readonly ttlMs = 5_000,
    private readonly maxEntries = 20_000,
  ) {}

  /** The cached actor if the entry may be trusted at app time `now` (ms) without asking the database. */
  get(sessionId: string, now: number, touchEveryMs: number): Actor | null {
    if (!this.enabled) return null;
    const e = this.entries.get(sessionId);
    if (!e) return null;
    const age = performance.now() - e.cachedAt;
    const sinceSeen = now - e.lastSeenAt;
    if (age < 0 || age >= this.ttlMs || sinceSeen < 0 || sinceSeen > touchEveryMs || now >= e.expiresAt) return null;
    return e.actor;
  }

  set(sessionId: string, actor: Actor, lastSeenAt: number, expiresAt: number): void {
    if (!this.enabled) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(sessionId, { actor, lastSeenAt, expiresAt, cachedAt: performance.now() });
  }

  apply(change: SessionChange): void {
    if ('sessionId' in change) this.entries.delete(change.sessionId);
    else for (const [id, e] of this.entries) if (e.actor.id === change.userId) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    this.entries.clear();
    this.enabled = false;
  }
}

/**
 * Call when a session or an account changes (inside the transaction that changes it): evicts from this instance's
 * cache now and tells every instance (this one included, which closes the window before the commit) when the
 * transaction commits.
 */
export async function sessionsChanged(q: Queryable, change: SessionChange, local: SessionCache | undefined): Promise<void> {
  local?.apply(change);
  await notify(q, SESSIONS_CHANNEL, change);
}
