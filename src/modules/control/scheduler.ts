// The control scheduler inside the app: every minute, per active center and by its own calendar,
//   - urges each open dossier once when it comes within one working day of its legal due date, and once when it is
//     overdue (the shared predicates of reports/sql: the same dossiers the dashboard counts);
//   - on each working day from 07:30, sends each department its digest: what is overdue, at risk, or untouched for
//     more than half a working day.
// Several app instances may run it (the reports' monthly scheduler pattern): every urge and every digest is claimed by
// the insert of its unique row, in the transaction that writes everything else, so each happens once.
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { many, withTx } from '../../platform/db';
import { vnDate, vnDayString, type WorkCalendar } from '../calendar/domain';
import type { CalendarService } from '../calendar/service';
import { atRiskLimit, legalDueAt } from '../reports/domain';
import * as q from '../reports/sql';
import { digestMessage, untouchedCutoff, type DigestItem } from './domain';
import { departmentHeads, notifyStaff, type MailConfig } from './notifications';
import { untouchedNow } from './sql';
import { autoUrge, TARGET_COLUMNS, TARGET_FROM, type UrgeTarget } from './urge';
import { Periodic } from '../../platform/periodic';

/** When a department's digest of the day is sent (office hours begin at 07:00). */
export const DIGEST_TIME = '07:30';
/** At most this many automatic urges of each kind per center and tick (the rest follow a minute later). */
const BATCH = 200;

export interface ControlOptions {
  db: Db;
  clock: Clock;
  calendars: CalendarService;
  config: MailConfig;
  log?: { info(msg: string): void; error(msg: string): void };
  tickMs?: number;
}

export interface TickResult {
  dueSoon: number;
  overdue: number;
  digests: number;
}

export class ControlScheduler {
  private readonly loop: Periodic;

  constructor(private readonly o: ControlOptions) {
    this.loop = new Periodic(() => this.runOnce(), this.o.tickMs ?? 60_000, (e) => this.o.log?.error(`Đôn đốc tự động: lỗi (${e.message})`));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** One look at every center: the urges and digests that are due and not made yet, made by this instance. */
  async runOnce(): Promise<TickResult> {
    const now = this.o.clock.now();
    const out: TickResult = { dueSoon: 0, overdue: 0, digests: 0 };
    const centers = await many<{ id: string }>(this.o.db, 'SELECT id FROM centers WHERE active ORDER BY code');
    for (const c of centers) {
      const { calendar } = await this.o.calendars.forCenter(c.id);
      out.dueSoon += await this.urgeAll(c.id, 'due_soon', q.atRiskNow(now, [{ centerId: c.id, until: atRiskLimit(calendar, now) }]), now);
      out.overdue += await this.urgeAll(c.id, 'overdue', q.overdueNow(now), now);
      out.digests += await this.digests(c.id, calendar, now);
    }
    return out;
  }

  private async urgeAll(centerId: string, kind: 'due_soon' | 'overdue', which: q.Fragment, now: Date): Promise<number> {
    const w = q.numbered(q.and({ sql: 'd.center_id = ?', values: [centerId] }, which), 1);
    const targets = await many<UrgeTarget>(this.o.db, `SELECT ${TARGET_COLUMNS} FROM ${TARGET_FROM}
      WHERE ${w.sql} AND NOT EXISTS (SELECT 1 FROM urges u WHERE u.dossier_id = d.id AND u.kind = $1)
      ORDER BY coalesce(d.original_due_at, d.due_at), d.code LIMIT ${BATCH}`, [kind, ...w.values]);
    let made = 0;
    for (const t of targets) if (await autoUrge({ db: this.o.db, now, config: this.o.config }, t, kind)) made++;
    return made;
  }

  /** Today's digest of every department of the center that has none yet, from DIGEST_TIME on a working day. */
  private async digests(centerId: string, cal: WorkCalendar, now: Date): Promise<number> {
    const day = vnDayString(now);
    if (!cal.isWorkingDay(day) || now.getTime() < vnDate(day, DIGEST_TIME).getTime()) return 0;
    const pending = await many<{ id: string; name: string }>(this.o.db, `SELECT dep.id, dep.name FROM departments dep WHERE dep.center_id = $1 AND dep.active
      AND NOT EXISTS (SELECT 1 FROM department_digests g WHERE g.department_id = dep.id AND g.day = $2) ORDER BY dep.code`, [centerId, day]);
    let made = 0;
    for (const dep of pending) if (await this.digest(centerId, dep, cal, day, now)) made++;
    return made;
  }

  private async digest(centerId: string, dep: { id: string; name: string }, cal: WorkCalendar, day: string, now: Date): Promise<boolean> {
    const over = q.overdueNow(now);
    const risk = q.atRiskNow(now, [{ centerId, until: atRiskLimit(cal, now) }]);
    const stale = untouchedNow([{ centerId, until: untouchedCutoff(cal, now) }]);
    const sel = q.numbered({
      sql: `SELECT d.code, p.name AS procedure_name, d.due_at, d.original_due_at, u.full_name AS assignee,
          (${over.sql}) AS overdue, (${risk.sql}) AS at_risk, (${stale.sql}) AS untouched
        FROM dossiers d JOIN procedures p ON p.code = d.procedure_code LEFT JOIN users u ON u.id = d.assignee_id
        WHERE d.department_id = ? AND d.step_index IS NOT NULL AND ((${over.sql}) OR (${risk.sql}) OR (${stale.sql}))
        ORDER BY coalesce(d.original_due_at, d.due_at), d.code`,
      values: [...over.values, ...risk.values, ...stale.values, dep.id, ...over.values, ...risk.values, ...stale.values],
    });
    const rows = await many<{ code: string; procedure_name: string; due_at: Date | null; original_due_at: Date | null; assignee: string | null;
      overdue: boolean; at_risk: boolean; untouched: boolean }>(this.o.db, sel.sql, sel.values);
    const items: DigestItem[] = rows.map((r) => ({
      code: r.code, procedureName: r.procedure_name, assignee: r.assignee,
      legalDueAt: r.due_at ? legalDueAt({ dueAt: r.due_at, originalDueAt: r.original_due_at }) : null,
      flags: [...(r.overdue ? ['overdue' as const] : []), ...(r.at_risk ? ['at_risk' as const] : []), ...(r.untouched ? ['untouched' as const] : [])],
    }));
    const count = (f: DigestItem['flags'][number]) => items.filter((i) => i.flags.includes(f)).length;
    return withTx(this.o.db, async (tx) => {
      const claimed = await tx.query(`INSERT INTO department_digests (center_id, department_id, day, created_at, overdue, at_risk, untouched, items)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (department_id, day) DO NOTHING`,
      [centerId, dep.id, day, now, count('overdue'), count('at_risk'), count('untouched'), JSON.stringify(items)]);
      if (!claimed.rowCount) return false;
      // Nothing to say: the row still records that the day's digest was made (and was empty).
      if (items.length) await notifyStaff(tx, this.o.config, await departmentHeads(tx, dep.id), digestMessage(dep.name, now, items), { centerId }, now);
      return true;
    });
  }
}
