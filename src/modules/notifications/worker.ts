import type { Db } from '../../platform/db';
import type { Channels } from './channels';
import { deliverNext } from './deliver';
import { dispatchNext } from './dispatch';
import { NOTIFY_TOPICS } from './domain';

/**
 * The outbox worker: turns event rows (written with every dossier transition, payment and queue call) into
 * messages (dispatch.ts), then sends the messages (deliver.ts). Rows nobody is told about (internal hand-offs) leave
 * the queue in bulk. Safe to run on several instances at once: every claim is FOR UPDATE SKIP LOCKED.
 */
export interface OutboxWorkerOptions {
  db: Db;
  channels: Channels;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  /** Pause between polls when there is nothing to do. */
  pollMs?: number;
  /** How long a claimed message stays invisible to other workers (must exceed the providers' timeouts). */
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
}

export interface RunStats {
  dispatched: number;
  skipped: number;
  sent: number;
  retried: number;
  failed: number;
}

const TOPICS: string[] = [...NOTIFY_TOPICS];
const SKIP_BATCH = 500;

export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'log'>> & Pick<OutboxWorkerOptions, 'log'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Set by stop(): a run in progress finishes the message in hand and returns. */
  private stopping = false;
  private again = false;

  constructor(opts: OutboxWorkerOptions) {
    this.o = { pollMs: 3000, leaseMs: 10 * 60_000, retryBaseMs: 60_000, retryMaxMs: 3_600_000, maxAttempts: 8, ...opts };
  }

  /** Polls until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the message being sent, if any. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Look again now (e.g. after a write), without waiting for the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((e: unknown) => this.o.log?.error(`Gửi thông báo: lỗi khi đọc hàng đợi (${(e as Error).message})`))
        .finally(() => {
          this.running = null;
          const again = this.again;
          this.again = false;
          this.schedule(again ? 0 : this.o.pollMs);
        });
    }, ms);
    this.timer.unref?.();
  }

  /** Works through every event and message due now; returns what happened. Safe to call from several workers at once. */
  async runOnce(): Promise<RunStats> {
    const stats: RunStats = { dispatched: 0, skipped: 0, sent: 0, retried: 0, failed: 0 };
    const { db, channels } = this.o;
    for (;;) {
      const n = await this.skipInternal();
      stats.skipped += n;
      if (n < SKIP_BATCH) break;
    }
    while (!this.stopping) {
      const r = await dispatchNext(db, channels, TOPICS, { retryMs: this.o.retryBaseMs, maxAttempts: this.o.maxAttempts });
      if (!r) break;
      if (r === 'dispatched' || r === 'skipped' || r === 'failed') stats[r]++;
      if (r === 'retried') break;
    }
    while (!this.stopping) {
      const r = await deliverNext(db, channels, this.o);
      if (!r) break;
      stats[r]++;
    }
    return stats;
  }

  private async skipInternal(): Promise<number> {
    const r = await this.o.db.query(`
      UPDATE outbox SET status = 'skipped', delivered_at = now(), note = 'Sự kiện không cần báo người nộp'
       WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND status = 'pending' AND available_at <= now() AND NOT (topic = ANY($1::text[]))
                    ORDER BY available_at, id LIMIT ${SKIP_BATCH} FOR UPDATE SKIP LOCKED)`, [TOPICS]);
    return r.rowCount ?? 0;
  }
}
