// The monthly report (Quy chế art. 14.1: on the last working day of each month the director reports the month's
// reception and settlement to the district). A scheduler inside the app generates it for every center at 16:00 of
// that day by the center's own calendar — the settlement report by field, as PDF and Excel — stores it, and e-mails
// it to the center's recipients when SMTP is configured.
//
// Several app instances may run the scheduler: the (center, month) row is claimed by an INSERT … ON CONFLICT, so one
// instance wins; a claim left by an instance that died is taken over after the lease; a failure is retried a few
// times. An instance that was down at 16:00 catches up at its next tick (this month and the month before).
import type { Printer } from '../../printing';
import type { AppConfig } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { many, one } from '../../platform/db';
import { vnDate, vnDayString } from '../calendar/domain';
import type { CalendarService } from '../calendar/service';
import { lastWorkingDay, monthPeriod, previousMonth } from './domain';
import { settlementPdf, settlementXlsx } from './exports';
import { ddmmyyyy } from './form';
import { issuerOf } from './issuer';
import { settlementReport } from './settlement-query';
import { Periodic } from '../../platform/periodic';
import { activeMailer } from '../notifications/smtp-settings';

/** When the report of the month is made on its last working day (office hours end at 17:00). */
export const MONTHLY_REPORT_TIME = '16:00';
const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 3;

export interface MonthlyOptions {
  db: Db;
  clock: Clock;
  calendars: CalendarService;
  config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'>;
  log?: { info(msg: string): void; error(msg: string): void };
  /** The server's PDF worker pool; without it (tests) the PDF is rendered in this thread. */
  printer?: Printer;
  /** Pause between looks (one minute: the report is due at a minute of a day). */
  tickMs?: number;
}

/** The instant the report of `month` is due at a center: its last working day, 16:00. */
export function monthlyDueAt(cal: Parameters<typeof lastWorkingDay>[0], month: string): Date | null {
  const day = lastWorkingDay(cal, month);
  return day ? vnDate(day, MONTHLY_REPORT_TIME) : null;
}

export const recipientsOf = (settings: { reportRecipients?: unknown } | null): string[] =>
  Array.isArray(settings?.reportRecipients) ? settings.reportRecipients.filter((x): x is string => typeof x === 'string') : [];

export class MonthlyReports {
  private readonly loop: Periodic;

  constructor(private readonly o: MonthlyOptions) {
    this.loop = new Periodic(() => this.runOnce(), this.o.tickMs ?? 60_000, (e) => this.o.log?.error(`Báo cáo tháng: lỗi (${e.message})`));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Makes every report that is due and not made yet; returns the ids this instance made. */
  async runOnce(): Promise<string[]> {
    const now = this.o.clock.now();
    const thisMonth = vnDayString(now).slice(0, 7);
    const made: string[] = [];
    const centers = await many<{ id: string }>(this.o.db, 'SELECT id FROM centers WHERE active ORDER BY code');
    for (const c of centers) {
      const { calendar } = await this.o.calendars.forCenter(c.id);
      for (const month of [previousMonth(thisMonth), thisMonth]) {
        const due = monthlyDueAt(calendar, month);
        if (!due || now.getTime() < due.getTime()) continue;
        const id = await this.claim(c.id, month, now);
        if (id) {
          await this.make(id, c.id, month, now);
          made.push(id);
        }
      }
    }
    return made;
  }

  /** The row of (center, month) if this instance may make it now: new, abandoned past its lease, or failed earlier. */
  private async claim(centerId: string, month: string, now: Date): Promise<string | null> {
    const p = monthPeriod(month);
    const r = await one<{ id: string }>(this.o.db, `
      INSERT INTO monthly_reports (center_id, month, status, claimed_at, period_from, period_to) VALUES ($1, $2, 'generating', $3, $4, $5)
      ON CONFLICT (center_id, month) DO UPDATE SET status = 'generating', claimed_at = EXCLUDED.claimed_at, attempts = monthly_reports.attempts + 1, error = NULL
        WHERE (monthly_reports.status = 'generating' AND monthly_reports.claimed_at < $6)
           OR (monthly_reports.status = 'failed' AND monthly_reports.attempts < ${MAX_ATTEMPTS} AND monthly_reports.claimed_at < $6)
      RETURNING id`, [centerId, month, now, p.from, p.to, new Date(now.getTime() - LEASE_MS)]);
    return r?.id ?? null;
  }

  private async make(id: string, centerId: string, month: string, now: Date): Promise<void> {
    const { db } = this.o;
    try {
      const center = (await one<{ id: string; code: string; name: string; shortName: string; settings: { reportRecipients?: unknown } | null }>(db,
        'SELECT id, code, name, short_name AS "shortName", settings FROM centers WHERE id = $1', [centerId]))!;
      const scope = { centerIds: [center.id], departmentId: null, center, department: null };
      const report = await settlementReport(db, scope, monthPeriod(month), 'field', now);
      const issuer = await issuerOf(db, scope);
      const [pdf, xlsx] = await Promise.all([
        this.o.printer ? this.o.printer.render('settlementReport', report, issuer, now) : settlementPdf(report, issuer, now),
        settlementXlsx(report, issuer, now),
      ]);
      // Only the claim's holder writes (a slow instance whose lease was taken over writes nothing).
      const done = await one<{ id: string }>(db, `UPDATE monthly_reports SET status = 'ready', generated_at = $2, as_of = $3, figures = $4, pdf = $5, xlsx = $6
        WHERE id = $1 AND status = 'generating' AND claimed_at = $2 RETURNING id`, [id, now, report.asOf, JSON.stringify(report.total), pdf, xlsx]);
      if (!done) return;
      this.o.log?.info(`Báo cáo tháng ${month} của ${center.name}: đã lập.`);
      await this.mail(id, center, month, report.total, pdf, xlsx);
    } catch (e) {
      await db.query(`UPDATE monthly_reports SET status = 'failed', error = $2 WHERE id = $1`, [id, (e as Error).message.slice(0, 500)]);
      this.o.log?.error(`Báo cáo tháng ${month}: không lập được (${(e as Error).message})`);
    }
  }

  private async mail(id: string, center: { name: string; settings: { reportRecipients?: unknown } | null }, month: string,
    total: { received: { total: number }; settled: { total: number; late: number }; inProgress: { total: number; overdue: number }; onTimeRate: number | null },
    pdf: Buffer, xlsx: Buffer): Promise<void> {
    const { db, config } = this.o;
    const to = recipientsOf(center.settings);
    const mailer = activeMailer(db, config);
    if (!mailer) {
      await db.query(`UPDATE monthly_reports SET mail_status = 'off' WHERE id = $1`, [id]);
      return;
    }
    if (!to.length) {
      await db.query(`UPDATE monthly_reports SET mail_status = 'no_recipients' WHERE id = $1`, [id]);
      return;
    }
    const p = monthPeriod(month);
    const mm = `${month.slice(5, 7)}/${month.slice(0, 4)}`;
    const rate = total.onTimeRate === null ? '—' : `${(total.onTimeRate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
    const text = [
      `Kính gửi: Lãnh đạo UBND và các cơ quan, đơn vị có thủ tục hành chính giải quyết tại Trung tâm,`,
      '',
      `${center.name} gửi báo cáo tình hình tiếp nhận, giải quyết thủ tục hành chính tháng ${mm} (từ ngày ${ddmmyyyy(p.from)} đến ngày ${ddmmyyyy(p.to)}).`,
      `Số hồ sơ nhận giải quyết: ${total.received.total}; đã giải quyết: ${total.settled.total} (quá hạn: ${total.settled.late}); ` +
        `đang giải quyết: ${total.inProgress.total} (quá hạn: ${total.inProgress.overdue}). Tỷ lệ giải quyết trước và đúng hạn: ${rate}.`,
      '',
      'Báo cáo chi tiết theo lĩnh vực kèm theo (PDF và Excel).',
    ].join('\n');
    try {
      await mailer.send({
        to: to.join(', '), subject: `Báo cáo tình hình giải quyết TTHC tháng ${mm} — ${center.name}`, text,
        attachments: [
          { filename: `bao-cao-thang-${month}.pdf`, content: pdf, contentType: 'application/pdf' },
          { filename: `bao-cao-thang-${month}.xlsx`, content: xlsx, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        ],
      });
      await db.query(`UPDATE monthly_reports SET mail_status = 'sent', mail_recipients = $2, mailed_at = $3 WHERE id = $1`, [id, to, this.o.clock.now()]);
    } catch (e) {
      await db.query(`UPDATE monthly_reports SET mail_status = 'failed', mail_recipients = $2, mail_error = $3 WHERE id = $1`, [id, to, (e as Error).message.slice(0, 500)]);
      this.o.log?.error(`Báo cáo tháng ${month}: không gửi được e-mail (${(e as Error).message})`);
    }
  }
}
