// The dossier list's `?stat=` filter: the dossiers behind one number of the dashboard or the settlement report,
// with the same predicates (./sql) so the list's count is that number.
import { boundsOf, todayPeriod, type Period } from './domain';
import * as q from './sql';
import { untouchedNow, type Cutoff } from '../control/sql';

export const STATS = [
  'received', 'received_online', 'received_direct', 'carried_over',
  'settled', 'settled_early', 'settled_on_time', 'settled_late', 'settled_withdrawn', 'settled_rejected',
  'in_progress', 'in_progress_within', 'in_progress_overdue', 'refused',
  'overdue', 'at_risk', 'untouched',
] as const;
export type Stat = (typeof STATS)[number];

/** Stats about now whatever the period says. */
const NOW_STATS: readonly Stat[] = ['overdue', 'at_risk', 'untouched'];

export function statFragment(stat: Stat, period: Period | null, now: Date, atRiskLimits: { centerId: string; until: Date }[] = [],
  untouchedCutoffs: Cutoff[] = []): q.Fragment {
  if (stat === 'overdue') return q.overdueNow(now);
  if (stat === 'at_risk') return q.atRiskNow(now, atRiskLimits);
  // Not updated by the holding department for more than half a working day (control/sql, Quy chế 12.2).
  if (stat === 'untouched') return untouchedNow(untouchedCutoffs);
  const p = boundsOf(period ?? todayPeriod(now), now);
  if (stat === 'refused') return q.refused(p);
  const base = q.inPeriod(p);
  const overdue = q.overdueAt(p, now);
  const by: Record<Exclude<Stat, 'overdue' | 'at_risk' | 'untouched' | 'refused'>, q.Fragment | null> = {
    received: null,
    received_online: q.received(p, 'online'),
    received_direct: q.received(p, 'direct'),
    carried_over: q.carriedOver(p),
    settled: q.settled(p),
    settled_early: q.settled(p, 'early'),
    settled_on_time: q.settled(p, 'on_time'),
    settled_late: q.settled(p, 'late'),
    settled_withdrawn: q.settled(p, 'withdrawn'),
    settled_rejected: q.rejected(p),
    in_progress: q.inProgress(p),
    in_progress_within: q.and(q.inProgress(p), { sql: `NOT (${overdue.sql})`, values: overdue.values }),
    in_progress_overdue: q.and(q.inProgress(p), overdue),
  };
  const extra = by[stat];
  return extra ? q.and(base, extra) : base;
}

export const isNowStat = (s: Stat) => NOW_STATS.includes(s);
