// The e-mail copy of staff notifications, when e-mail is configured (MOTCUA_SMTP_URL, or the server stored on the
// console, looked up at each run so a change on the screen applies without a restart): a worker claims pending rows
// (FOR UPDATE SKIP LOCKED, under a lease, so several instances share them), sends each once, and retries failures
// with a growing delay. A row found still `sending` after its lease was interrupted mid-send: it is marked failed
// rather than sent twice (the outbox worker's rule, notifications/worker.ts).
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { many } from '../../platform/db';
import { mailDomain, type Mailer } from '../notifications/providers/mailer';
import { notificationMail } from './domain';
import { Periodic } from '../../platform/periodic';

export interface StaffMailOptions {
  db: Db;
  clock: Clock;
  /** The mailer in force now (null: e-mail is off, nothing is claimed). */
  mailer: () => (Mailer & { from: string }) | null;
  /** MOTCUA_PUBLIC_URL: the e-mail links to the console page. */
  publicUrl?: string;
  log?: { error(msg: string): void };
  pollMs?: number;
  leaseMs?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
}

type Claimed = { id: string; email_to: string; title: string; body: string; link: string | null; email_attempts: number };

export class StaffMailWorker {
  private readonly loop: Periodic;

  constructor(private readonly o: StaffMailOptions) {
    this.loop = new Periodic(() => this.runOnce(), this.o.pollMs ?? 5000, (e) => this.o.log?.error(`E-mail thông báo cho cán bộ: lỗi (${e.message})`));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Sends what is due now; returns how many e-mails left. */
  async runOnce(): Promise<number> {
    const { db } = this.o;
    const mailer = this.o.mailer();
    if (!mailer) return 0;
    const now = this.o.clock.now();
    const lease = new Date(now.getTime() + (this.o.leaseMs ?? 10 * 60_000));
    await db.query(`UPDATE staff_notifications SET email_status = 'failed', email_error = 'Gửi bị gián đoạn (có thể đã gửi)'
      WHERE email_status = 'sending' AND email_available_at < $1`, [now]);
    let sent = 0;
    // At most 200 per run: a stop waits for the run in hand.
    for (let i = 0; i < 10; i++) {
      const batch = await many<Claimed>(db, `UPDATE staff_notifications n SET email_status = 'sending', email_attempts = n.email_attempts + 1, email_available_at = $2
        WHERE n.id IN (SELECT id FROM staff_notifications WHERE email_status = 'pending' AND email_available_at <= $1 ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.email_to, n.title, n.body, n.link, n.email_attempts`, [now, lease]);
      if (!batch.length) break;
      for (const r of batch) if (await this.send(mailer, r)) sent++;
    }
    return sent;
  }

  private async send(mailer: Mailer & { from: string }, r: Claimed): Promise<boolean> {
    const { db } = this.o;
    const mail = notificationMail(r, this.o.publicUrl);
    try {
      await mailer.send({ to: r.email_to, ...mail, messageId: `<staff-${r.id}@${mailDomain(mailer.from)}>` });
      await db.query(`UPDATE staff_notifications SET email_status = 'sent', emailed_at = $2, email_error = NULL WHERE id = $1`, [r.id, this.o.clock.now()]);
      return true;
    } catch (e) {
      const err = e as Error & { responseCode?: number };
      const permanent = (err.responseCode ?? 0) >= 500 || r.email_attempts >= (this.o.maxAttempts ?? 6);
      const delay = (this.o.retryBaseMs ?? 60_000) * 2 ** (r.email_attempts - 1);
      await db.query(`UPDATE staff_notifications SET email_status = $2, email_error = $3, email_available_at = $4 WHERE id = $1`,
        [r.id, permanent ? 'failed' : 'pending', err.message.slice(0, 500), new Date(this.o.clock.now().getTime() + delay)]);
      if (permanent) this.o.log?.error(`E-mail thông báo cho cán bộ (${r.email_to}): không gửi được (${err.message})`);
      return false;
    }
  }
}
