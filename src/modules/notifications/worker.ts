import type { Db } from '../../platform/db';
import { one, many } from '../../platform/db';
import type { FormApplicant } from '../dossiers/forms/types';
import { statusLink } from '../dossiers/domain/public-lookup';
import { composeMail, MAIL_TOPICS } from './messages';
import type { Mailer } from './mailer';

/**
 * Delivers the outbox (rows written with every dossier transition) to applicants by e-mail.
 *
 * - Claiming: `FOR UPDATE SKIP LOCKED` under a lease (`available_at` moved forward), so several server instances
 *   share the work and never pick the same row.
 * - Never twice: a row is marked `sending` just before the SMTP call and `delivered` right after it. A row found
 *   still `sending` after its lease ran out was interrupted mid-send (the process died): it is marked `failed`
 *   rather than sent again, since the message may already have left.
 * - Retries: an SMTP failure puts the row back with the error recorded and an exponential delay; a permanent
 *   refusal (5xx) or too many attempts ends it as `failed`.
 * - Rows the applicant is not told about (internal hand-offs), applicants without an e-mail address, and every row
 *   while e-mail is off are marked `skipped` with the reason.
 */
export interface OutboxWorkerOptions {
  db: Db;
  /** null: e-mail is off, rows are marked skipped. */
  mailer: Mailer | null;
  /** Domain of the Message-IDs. */
  messageDomain?: string;
  /** MOTCUA_PUBLIC_URL: e-mails then link to the dossier's public status page. */
  publicUrl?: string;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  /** Pause between polls when there is nothing to do. */
  pollMs?: number;
  /** How long a claimed row stays invisible to other workers (must exceed the SMTP timeouts). */
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  maxAttempts?: number;
}

export interface RunStats {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
}

interface Claimed {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
  previous_status: string;
}

const MAIL_TOPIC_LIST: string[] = [...MAIL_TOPICS];
const SKIP_BATCH = 500;

export class OutboxWorker {
  private readonly o: Required<Omit<OutboxWorkerOptions, 'mailer' | 'log' | 'publicUrl'>> & Pick<OutboxWorkerOptions, 'mailer' | 'log' | 'publicUrl'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Set by stop(): a run in progress finishes the row in hand and returns. */
  private stopping = false;
  private again = false;

  constructor(opts: OutboxWorkerOptions) {
    this.o = { messageDomain: 'motcua.local', pollMs: 3000, leaseMs: 10 * 60_000, retryBaseMs: 60_000, retryMaxMs: 3_600_000, maxAttempts: 8, ...opts };
  }

  /** Polls until `stop()`. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the row being sent, if any. */
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

  /** Works through every row available now; returns what happened. Safe to call from several workers at once. */
  async runOnce(): Promise<RunStats> {
    const stats: RunStats = { sent: 0, skipped: 0, retried: 0, failed: 0 };
    // Rows no applicant hears about (or all of them while e-mail is off) leave the queue in bulk.
    for (;;) {
      const n = await this.skipBatch();
      stats.skipped += n;
      if (n < SKIP_BATCH) break;
    }
    if (!this.o.mailer) return stats;
    while (!this.stopping) {
      const row = await this.claim();
      if (!row) break;
      stats[await this.deliver(row)]++;
    }
    return stats;
  }

  private async skipBatch(): Promise<number> {
    const note = this.o.mailer ? 'Sự kiện không cần báo người nộp' : 'E-mail tắt (chưa cấu hình MOTCUA_SMTP_URL)';
    const r = await this.o.db.query(`
      UPDATE outbox SET status = 'skipped', delivered_at = now(), note = $3
       WHERE id IN (SELECT id FROM outbox WHERE delivered_at IS NULL AND available_at <= now()
                      AND ($1::boolean OR NOT (topic = ANY($2::text[])))
                    ORDER BY available_at, id LIMIT ${SKIP_BATCH} FOR UPDATE SKIP LOCKED)`, [!this.o.mailer, MAIL_TOPIC_LIST, note]);
    return r.rowCount ?? 0;
  }

  private claim(): Promise<Claimed | undefined> {
    return one<Claimed>(this.o.db, `
      WITH c AS (
        SELECT id, status FROM outbox
         WHERE delivered_at IS NULL AND available_at <= now() AND topic = ANY($1::text[])
         ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      UPDATE outbox o SET available_at = now() + $2 * interval '1 millisecond'
        FROM c WHERE o.id = c.id
      RETURNING o.id, o.topic, o.payload, o.attempts, c.status AS previous_status`, [MAIL_TOPIC_LIST, this.o.leaseMs]);
  }

  private async finish(id: number, status: 'delivered' | 'skipped' | 'failed', note: string | null, error: string | null = null) {
    await this.o.db.query(`UPDATE outbox SET status = $2, delivered_at = now(), note = $3, last_error = coalesce($4, last_error) WHERE id = $1`, [id, status, note, error]);
  }

  private async deliver(row: Claimed): Promise<keyof RunStats> {
    if (row.previous_status === 'sending') {
      await this.finish(row.id, 'failed', null, 'Việc gửi bị gián đoạn giữa chừng (tiến trình dừng đột ngột); không gửi lại để tránh gửi trùng.');
      this.o.log?.warn(`Gửi thông báo: hàng ${row.id} bị gián đoạn khi đang gửi, không gửi lại.`);
      return 'failed';
    }
    const code = typeof row.payload.code === 'string' ? row.payload.code : '';
    const d = await one<{ id: string; code: string; public_token: string; applicant: FormApplicant; received_at: Date | null; due_at: Date | null; result: Record<string, unknown> | null; procedure_name: string; center_name: string; address: string; phone: string }>(this.o.db, `
      SELECT d.id, d.code, d.public_token, d.applicant, d.received_at, d.due_at, d.result, p.name AS procedure_name, c.name AS center_name, c.address, c.phone
        FROM dossiers d JOIN procedures p ON p.code = d.procedure_code JOIN centers c ON c.id = d.center_id WHERE d.code = $1`, [code]);
    if (!d) {
      await this.finish(row.id, 'skipped', 'Không tìm thấy hồ sơ');
      return 'skipped';
    }
    const to = (d.applicant.email ?? '').trim();
    if (!to) {
      await this.finish(row.id, 'skipped', 'Người nộp không có e-mail');
      return 'skipped';
    }
    const action = row.topic === 'dossier.registered' ? 'receive' : row.topic.replace(/^dossier\./, '');
    const eventId = typeof row.payload.eventId === 'number' ? row.payload.eventId : null;
    // The event written with the row (its id is in the payload); older rows: the latest event of that action.
    const events = await many<{ at: Date; reason: string | null; data: Record<string, unknown> }>(this.o.db, eventId
      ? 'SELECT at, reason, data FROM dossier_events WHERE id = $1 AND dossier_id = $2'
      : 'SELECT at, reason, data FROM dossier_events WHERE dossier_id = $2 AND action = $1 ORDER BY id DESC LIMIT 1', [eventId ?? action, d.id]);
    const mail = composeMail({
      topic: row.topic, payload: row.payload, code: d.code, procedureName: d.procedure_name, applicant: d.applicant,
      center: { name: d.center_name, address: d.address, phone: d.phone },
      dossier: { receivedAt: d.received_at, dueAt: d.due_at, result: d.result },
      event: events[0] ?? null,
      // The e-mail goes to the address the applicant gave: its link opens the status at once, like the slip's QR code.
      statusUrl: this.o.publicUrl ? statusLink(this.o.publicUrl, d.code, d.public_token) : null,
    });
    if (!mail) {
      await this.finish(row.id, 'skipped', 'Sự kiện không cần báo người nộp');
      return 'skipped';
    }

    const attempt = row.attempts + 1;
    await this.o.db.query(`UPDATE outbox SET status = 'sending', attempts = $2 WHERE id = $1`, [row.id, attempt]);
    try {
      await this.o.mailer!.send({ to, ...mail, messageId: `<outbox-${row.id}.${d.code}@${this.o.messageDomain}>` });
    } catch (e) {
      const err = e as Error & { responseCode?: number; code?: string };
      const message = `${err.responseCode ? `${err.responseCode} ` : err.code ? `${err.code} ` : ''}${err.message}`.slice(0, 1000);
      const permanent = typeof err.responseCode === 'number' && err.responseCode >= 500 && err.responseCode < 600;
      if (permanent || attempt >= this.o.maxAttempts) {
        await this.finish(row.id, 'failed', null, message);
        this.o.log?.error(`Gửi e-mail hồ sơ ${d.code} thất bại hẳn sau ${attempt} lần: ${message}`);
        return 'failed';
      }
      const delay = Math.min(this.o.retryBaseMs * 2 ** (attempt - 1), this.o.retryMaxMs);
      await this.o.db.query(`UPDATE outbox SET status = 'pending', last_error = $2, available_at = now() + $3 * interval '1 millisecond' WHERE id = $1`, [row.id, message, delay]);
      this.o.log?.warn(`Gửi e-mail hồ sơ ${d.code} lỗi (lần ${attempt}), thử lại sau ${Math.round(delay / 1000)} giây: ${message}`);
      return 'retried';
    }
    await this.o.db.query(`
      WITH u AS (UPDATE outbox SET status = 'delivered', delivered_at = now(), note = NULL WHERE id = $1 RETURNING id)
      INSERT INTO notification_emails (outbox_id, dossier_code, recipient, subject, message_id) SELECT id, $2, $3, $4, $5 FROM u`,
    [row.id, d.code, to, mail.subject, `<outbox-${row.id}.${d.code}@${this.o.messageDomain}>`]);
    return 'sent';
  }
}
