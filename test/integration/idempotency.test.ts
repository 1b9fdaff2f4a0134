// The reusable Idempotency-Key piece (src/platform/idempotency.ts) on a real PostgreSQL: replay, concurrent
// retries, failures freeing the key, keys per caller and scope, answers stored atomically with the work, and
// claims left by a dead process. The routes using it are covered in dossiers-lifecycle and fees tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, withTx, type Db } from '../../src/platform/db';
import { AppError } from '../../src/platform/errors';
import { DEFAULT_TIMING, idempotent, type IdempotentCall } from '../../src/platform/idempotency';
import { createTestDatabase } from '../support/app';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabase();
  db = createPool(database.url, 10);
  drop = database.drop;
  // The schema is the owner's (the app's role creates nothing); default privileges give the app its rights on it.
  const owner = createPool(database.ownerUrl, 1);
  await owner.query('CREATE TABLE scratch (n int NOT NULL, by text NOT NULL)');
  await owner.end();
});
afterAll(async () => {
  await db.end();
  await drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seq = 0;
const call = (over: Partial<IdempotentCall> = {}): IdempotentCall => ({ caller: 'user:a', scope: 'test.create', key: `key-${++seq}`, request: { n: 1 }, status: 201, ...over });
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? `${e.status} ${e.code}` : String(e)));

describe('idempotent()', () => {
  it('a retry with the same key returns the first answer without running again', async () => {
    const c = call();
    let runs = 0;
    const first = await idempotent(db, c, async () => ({ id: ++runs }));
    const again = await idempotent(db, c, async () => ({ id: ++runs }));
    expect(first).toEqual({ answer: { id: 1 }, replayed: false });
    expect(again).toEqual({ answer: { id: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('concurrent retries wait for the first attempt and all get its answer', async () => {
    const c = call();
    let runs = 0;
    const work = async () => {
      runs++;
      await sleep(300);
      return { id: `dossier-${runs}` };
    };
    const out = await Promise.all(Array.from({ length: 6 }, () => idempotent(db, c, work)));
    expect(runs).toBe(1);
    expect(new Set(out.map((o) => o.answer.id))).toEqual(new Set(['dossier-1']));
    expect(out.filter((o) => o.replayed)).toHaveLength(5);
  });

  it('a failed attempt frees the key: the next try runs and its answer is the one kept', async () => {
    const c = call();
    await expect(idempotent(db, c, async () => { throw new AppError(409, 'MISSING_PAPER', 'thiếu giấy tờ'); })).rejects.toMatchObject({ code: 'MISSING_PAPER' });
    expect((await db.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [c.key])).rows[0].n).toBe(0);
    expect(await idempotent(db, c, async () => 'second')).toEqual({ answer: 'second', replayed: false });
    expect(await idempotent(db, c, async () => 'third')).toEqual({ answer: 'second', replayed: true });
  });

  it('a retry waiting on an attempt that then fails runs the work itself', async () => {
    const c = call();
    const failing = idempotent(db, c, async () => {
      await sleep(200);
      throw new Error('disk full');
    });
    await sleep(50);
    const waiting = idempotent(db, c, async () => 'from the retry');
    await expect(failing).rejects.toThrow('disk full');
    expect(await waiting).toEqual({ answer: 'from the retry', replayed: false });
  });

  it('keys are per caller and per scope', async () => {
    const key = `shared-${++seq}`;
    const a = await idempotent(db, call({ key, caller: 'user:a' }), async () => 'a');
    const b = await idempotent(db, call({ key, caller: 'user:b' }), async () => 'b');
    const other = await idempotent(db, call({ key, caller: 'user:a', scope: 'fees.payment:X' }), async () => 'other scope');
    const citizen = await idempotent(db, call({ key, caller: 'citizen:a' }), async () => 'citizen');
    expect([a, b, other, citizen].map((o) => [o.answer, o.replayed])).toEqual([['a', false], ['b', false], ['other scope', false], ['citizen', false]]);
    expect((await idempotent(db, call({ key, caller: 'user:b' }), async () => 'b2')).answer).toBe('b');
  });

  it('the same key with a different request is refused (422), or replays the first answer when the route says so', async () => {
    const c = call({ request: { amount: 100 } });
    await idempotent(db, c, async () => 'paid 100');
    expect(await codeOf(idempotent(db, { ...c, request: { amount: 5 } }, async () => 'paid 5'))).toBe('422 IDEMPOTENCY_KEY_REUSED');
    expect(await idempotent(db, { ...c, request: { amount: 5 }, onDifferentRequest: 'replay' }, async () => 'paid 5')).toEqual({ answer: 'paid 100', replayed: true });
  });

  it('an answer recorded in the work’s transaction commits with it, or not at all', async () => {
    const c = call();
    const failing = idempotent(db, c, (claim) => withTx(db, async (tx) => {
      await tx.query(`INSERT INTO scratch VALUES (1, $1)`, [c.key]);
      await claim.record(tx, 'written');
      throw new Error('the receipt printer jammed');
    }));
    await expect(failing).rejects.toThrow('jammed');
    const rows = async () => (await db.query('SELECT count(*)::int AS n FROM scratch WHERE by = $1', [c.key])).rows[0].n;
    expect(await rows()).toBe(0);
    const ok = await idempotent(db, c, (claim) => withTx(db, async (tx) => {
      await tx.query(`INSERT INTO scratch VALUES (2, $1)`, [c.key]);
      await claim.record(tx, 'written');
      return 'written';
    }));
    expect(ok).toEqual({ answer: 'written', replayed: false });
    expect(await rows()).toBe(1);
    expect((await db.query('SELECT status, response FROM idempotency_keys WHERE key = $1', [c.key])).rows[0]).toEqual({ status: 201, response: 'written' });
  });

  it('answers 409 when the first attempt is still running after the wait', async () => {
    const c = call();
    const slow = idempotent(db, c, async () => { await sleep(600); return 'slow'; });
    await sleep(50);
    expect(await codeOf(idempotent(db, c, async () => 'retry', { ...DEFAULT_TIMING, waitMs: 200 }))).toBe('409 IDEMPOTENCY_IN_PROGRESS');
    expect((await slow).answer).toBe('slow');
  });

  it('a claim left by a dead process is taken over after the lease; the old attempt cannot record over it', async () => {
    // A process died holding this key: the row stays unfinished.
    const dead = call();
    await db.query(`INSERT INTO idempotency_keys (caller, scope, key, status, response, request_hash, claim, claimed_at)
      VALUES ($1, $2, $3, 0, '{}', '', gen_random_uuid(), now() - interval '10 minutes')`, [dead.caller, dead.scope, dead.key]);
    expect(await idempotent(db, dead, async () => 'after the crash')).toEqual({ answer: 'after the crash', replayed: false });

    // A very slow attempt outlives its lease: a retry takes over, and the slow one's work rolls back.
    const timing = { ...DEFAULT_TIMING, leaseMs: 100 };
    const c = call();
    const slow = idempotent(db, c, (claim) => withTx(db, async (tx) => {
      await sleep(400);
      await tx.query(`INSERT INTO scratch VALUES (1, $1)`, [c.key]);
      await claim.record(tx, 'slow');
      return 'slow';
    }), timing);
    await sleep(200);
    const retry = await idempotent(db, c, (claim) => withTx(db, async (tx) => {
      await tx.query(`INSERT INTO scratch VALUES (2, $1)`, [c.key]);
      await claim.record(tx, 'retry');
      return 'retry';
    }), timing);
    expect(retry).toEqual({ answer: 'retry', replayed: false });
    expect(await codeOf(slow)).toBe('409 IDEMPOTENCY_CLAIM_LOST');
    expect((await db.query('SELECT n FROM scratch WHERE by = $1', [c.key])).rows).toEqual([{ n: 2 }]);
    expect((await idempotent(db, c, async () => 'again')).answer).toBe('retry');
  });
});
