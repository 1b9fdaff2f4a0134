// Idempotency keys: a request retried with the same key (after a lost answer, a double click, a flaky network)
// gets the answer of the first attempt instead of doing the work twice. The HTTP side is src/http/idempotency.ts.
//
// How: the first attempt claims (caller, scope, key) with one INSERT and does the work; its answer is stored on
// the row. A retry finds the row: finished → the stored answer; still running → it waits and polls, then gets the
// answer, or claims the key itself if the first attempt failed (a failed attempt deletes its claim). The claim is
// committed on its own, not held in an open transaction, so waiting retries and long work hold no connection
// (registration runs through a batcher on other connections; holding one per request there would exhaust the pool).
import { createHash, randomUUID } from 'node:crypto';
import type { Db, Queryable } from './db';
import { one } from './db';
import { AppError } from './errors';

export interface IdempotentCall {
  /** Who is calling, e.g. 'user:<uuid>': keys are per caller (see callerOf in src/http/idempotency.ts). */
  caller: string;
  /** What is being done, e.g. 'dossiers.register' or 'fees.payment:<dossier code>': keys are per scope too. */
  scope: string;
  key: string;
  /** The request, fingerprinted to tell a retry from a different request reusing the key. */
  request: unknown;
  /** The HTTP status the answer is (re)played with. */
  status: number;
  /**
   * The same key with a different request: 'reject' (422, the default) or 'replay' the first answer anyway — for a
   * form that keeps its key until it succeeds, so a resubmit after a lost answer, even with a typo corrected,
   * opens what was created instead of failing.
   */
  onDifferentRequest?: 'reject' | 'replay';
}

export interface Claim<T> {
  /** The key of this attempt (null without one), for commands that keep it next to what they write. */
  readonly key: string | null;
  /**
   * Stores the answer through `q`. A command that writes in one transaction calls it there, so the work and the
   * answer commit together (or neither does); otherwise the answer is stored right after the work returns.
   * Throws 409 inside that transaction if the claim was taken over (see `leaseMs`), undoing the work.
   */
  record(q: Queryable, answer: T): Promise<void>;
}

export interface Outcome<T> {
  answer: T;
  /** True when the answer is the stored one of an earlier attempt. */
  replayed: boolean;
}

export interface IdempotencyTiming {
  /** How long a retry waits for an unfinished first attempt before answering 409. */
  waitMs: number;
  /** Poll interval while waiting. */
  pollMs: number;
  /** An unfinished claim older than this was left by a process that died: a retry may take it over. */
  leaseMs: number;
}

export const DEFAULT_TIMING: IdempotencyTiming = { waitMs: 10_000, pollMs: 50, leaseMs: 120_000 };

/** Attempts without a key just run; `record` does nothing. */
export const NO_CLAIM: Claim<never> = { key: null, record: async () => undefined };

export const fingerprint = (request: unknown): string => createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');

const CLAIM_SQL = `INSERT INTO idempotency_keys (caller, scope, key, status, response, request_hash, claim, claimed_at)
  VALUES ($1, $2, $3, 0, '{}', $4, $5, now())
  ON CONFLICT (caller, scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, claim = EXCLUDED.claim, claimed_at = now()
    WHERE idempotency_keys.status = 0 AND idempotency_keys.claimed_at < now() - make_interval(secs => $6::double precision / 1000)
  RETURNING claim`;
const RECORD_SQL = `UPDATE idempotency_keys SET status = $5, response = $6, claim = NULL
  WHERE caller = $1 AND scope = $2 AND key = $3 AND claim = $4`;
const FREE_SQL = 'DELETE FROM idempotency_keys WHERE caller = $1 AND scope = $2 AND key = $3 AND claim = $4 AND status = 0';
const READ_SQL = 'SELECT status, response, request_hash FROM idempotency_keys WHERE caller = $1 AND scope = $2 AND key = $3';

export async function idempotent<T>(db: Db, call: IdempotentCall, run: (claim: Claim<T>) => Promise<T>, timing: IdempotencyTiming = DEFAULT_TIMING): Promise<Outcome<T>> {
  const { caller, scope, key } = call;
  const hash = fingerprint(call.request);
  const token = randomUUID();
  const deadline = Date.now() + timing.waitMs;
  for (;;) {
    if (await one(db, CLAIM_SQL, [caller, scope, key, hash, token, timing.leaseMs])) break;
    const prev = await one<{ status: number; response: T; request_hash: string }>(db, READ_SQL, [caller, scope, key]);
    if (prev && prev.status !== 0) {
      if (prev.request_hash !== hash && call.onDifferentRequest !== 'replay') {
        throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu mới.');
      }
      return { answer: prev.response, replayed: true };
    }
    // Freed by a failed attempt: claim it on the next turn. Still running: wait for it.
    if (prev && Date.now() >= deadline) {
      throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', 'Yêu cầu trùng khóa đang được xử lý; vui lòng thử lại sau giây lát.');
    }
    if (prev) await new Promise((r) => setTimeout(r, timing.pollMs));
  }

  let recorded = false;
  const claim: Claim<T> = {
    key,
    async record(q, answer) {
      const r = await q.query(RECORD_SQL, [caller, scope, key, token, call.status, JSON.stringify(answer)]);
      if (r.rowCount !== 1) throw new AppError(409, 'IDEMPOTENCY_CLAIM_LOST', 'Yêu cầu trùng khóa đã được một lần thử khác tiếp nhận; vui lòng thử lại.');
      recorded = true;
    },
  };
  try {
    const answer = await run(claim);
    // The work is done whatever happens to the claim now: a lost claim only means the answer is not stored.
    if (!recorded) await claim.record(db, answer).catch(() => undefined);
    return { answer, replayed: false };
  } catch (e) {
    // A failed attempt frees the key, so the caller can retry (e.g. with corrected data). Deleting only an
    // unfinished claim of this attempt: an answer recorded in a transaction that then committed stays.
    await db.query(FREE_SQL, [caller, scope, key, token]).catch(() => undefined);
    throw e;
  }
}
