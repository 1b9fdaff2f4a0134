import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../platform/db';

// The record's rows are linked into their hash chain shortly after they are written (record_chain_seal in
// migration 014): writers only queue ids, so a busy center's clerks never wait for each other because of the chain.

const BATCH = 5000;

/** Links every row queued so far (committed ones); waits up to `waitMs` while another sealer holds the turn. */
export async function sealRecord(q: Db | pg.ClientBase, waitMs = 10_000): Promise<void> {
  const until = Date.now() + waitMs;
  for (;;) {
    const { rows: [{ n }] } = await q.query<{ n: number }>('SELECT record_chain_seal($1) AS n', [BATCH]);
    if (n === BATCH) continue;
    if (n > 0) return;
    // 0: nothing queued, or another sealer at work; in the second case its rows are linked when it commits.
    const { rows: [{ busy }] } = await q.query<{ busy: boolean }>('SELECT EXISTS (SELECT 1 FROM record_pending) AS busy');
    if (!busy || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The app's sealer: every second, links what was queued (one instance at a time does the work). */
export function startChainSealer(db: Db, log: FastifyBaseLogger, everyMs = 1000): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = (async () => {
      try {
        while (!stopped && (await db.query<{ n: number }>('SELECT record_chain_seal($1) AS n', [BATCH])).rows[0]!.n === BATCH);
      } catch (err) {
        log.warn({ err }, 'record chain: sealing failed, retrying');
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  timer = setTimeout(tick, everyMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
