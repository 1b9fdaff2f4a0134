// The settlement report's arithmetic (mẫu II.06a kind): how one dossier counts in a period, the counts of a group,
// and the figures printed for it. Every row reconciles: received = settled + in progress.
import type { WorkCalendar } from '../../calendar/domain';
import type { PeriodBounds } from './period';
import { openState, type OpenFacts, type Outcome } from './timing';

export type Channel = 'direct' | 'post' | 'online';

/** What the period report needs to know of one dossier. */
export interface PeriodFacts {
  /** When it was received (valid, due date fixed); never-received dossiers (refused, withdrawn early) do not count. */
  receivedAt: Date | null;
  channel: Channel;
  /** The first of resolved / rejected / withdrawn. */
  endedAt: Date | null;
  /** Stored when it ended (settlementOutcome). */
  outcome: Outcome | null;
  /** The department found it not eligible (a decision: counted by its timing, and shown apart). */
  rejected: boolean;
  /** Due date and pause as they stood at the period's `asOf` (only read when it is still open then). */
  open: OpenFacts;
}

export interface PeriodClass {
  received: 'carried_over' | 'online' | 'direct';
  settled: Outcome | null;
  inProgress: 'within_time' | 'overdue' | null;
  rejected: boolean;
}

/**
 * How one dossier counts in a period, or null when it is not part of it (not received by the end, or ended
 * before the start). Received = carried over (received before the start, still open at it) or new (online, or
 * direct and postal); then either settled in the period (by its outcome) or in progress at the end (within time or
 * overdue at `asOf`, by the legal clock with paused time excluded). So each counted dossier lands in exactly one
 * received column and in exactly one settled-or-in-progress column: the rows reconcile by construction.
 */
export function classifyInPeriod(cal: WorkCalendar, d: PeriodFacts, b: PeriodBounds): PeriodClass | null {
  if (!d.receivedAt || d.receivedAt.getTime() >= b.end.getTime()) return null;
  if (d.endedAt && d.endedAt.getTime() < b.start.getTime()) return null;
  const received = d.receivedAt.getTime() < b.start.getTime() ? 'carried_over' : d.channel === 'online' ? 'online' : 'direct';
  if (d.endedAt && d.endedAt.getTime() < b.end.getTime()) {
    if (!d.outcome) throw new Error('an ended dossier has no outcome');
    return { received, settled: d.outcome, inProgress: null, rejected: d.rejected && d.outcome !== 'withdrawn' };
  }
  const state = openState(cal, d.open, b.asOf);
  return { received, settled: null, inProgress: state === 'overdue' ? 'overdue' : 'within_time', rejected: false };
}

/** The counts of a group: one per column of the per-dossier classification (what the SQL query returns). */
export interface Counts {
  carriedOver: number;
  newOnline: number;
  newDirect: number;
  early: number;
  onTime: number;
  late: number;
  withdrawn: number;
  /** Of the early / on time / late ones: not eligible (rejected), shown apart. */
  rejected: number;
  withinTime: number;
  overdue: number;
  /** Refused at reception in the period: never received, so outside the reconciliation; shown in the notes. */
  refused: number;
}

export const COUNT_KEYS: readonly (keyof Counts)[] = ['carriedOver', 'newOnline', 'newDirect', 'early', 'onTime', 'late', 'withdrawn', 'rejected', 'withinTime', 'overdue', 'refused'];

export function zeroCounts(): Counts {
  return { carriedOver: 0, newOnline: 0, newDirect: 0, early: 0, onTime: 0, late: 0, withdrawn: 0, rejected: 0, withinTime: 0, overdue: 0, refused: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const r = zeroCounts();
  for (const k of COUNT_KEYS) r[k] = a[k] + b[k];
  return r;
}

/** Adds one classified dossier to counts (the reference the SQL query is tested against). */
export function countInto(c: Counts, k: PeriodClass): void {
  if (k.received === 'carried_over') c.carriedOver++;
  else if (k.received === 'online') c.newOnline++;
  else c.newDirect++;
  if (k.settled === 'early') c.early++;
  else if (k.settled === 'on_time') c.onTime++;
  else if (k.settled === 'late') c.late++;
  else if (k.settled === 'withdrawn') c.withdrawn++;
  else if (k.inProgress === 'overdue') c.overdue++;
  else c.withinTime++;
  if (k.rejected) c.rejected++;
}

export interface Figures {
  received: { total: number; online: number; direct: number; carriedOver: number };
  /** total = early + onTime + late + withdrawn; rejected is "of which" (within early / onTime / late). */
  settled: { total: number; early: number; onTime: number; late: number; withdrawn: number; rejected: number };
  inProgress: { total: number; withinTime: number; overdue: number };
  refused: number;
  /** Share of the settled-with-a-decision that were early or on time, 0–1; null when none was settled. */
  onTimeRate: number | null;
}

export class ReconciliationError extends Error {
  constructor(readonly key: string, readonly figures: Figures) {
    super(`settlement row ${key} does not reconcile: received ${figures.received.total} ≠ settled ${figures.settled.total} + in progress ${figures.inProgress.total}`);
  }
}

/** The printed figures of a group; throws when they do not reconcile (a defect, never a report to hand in). */
export function figuresOf(c: Counts, key = 'total'): Figures {
  const decided = c.early + c.onTime + c.late;
  const f: Figures = {
    received: { total: c.carriedOver + c.newOnline + c.newDirect, online: c.newOnline, direct: c.newDirect, carriedOver: c.carriedOver },
    settled: { total: decided + c.withdrawn, early: c.early, onTime: c.onTime, late: c.late, withdrawn: c.withdrawn, rejected: c.rejected },
    inProgress: { total: c.withinTime + c.overdue, withinTime: c.withinTime, overdue: c.overdue },
    refused: c.refused,
    onTimeRate: decided ? (c.early + c.onTime) / decided : null,
  };
  if (f.received.total !== f.settled.total + f.inProgress.total) throw new ReconciliationError(key, f);
  return f;
}

export interface GroupCounts {
  key: string;
  name: string;
  counts: Counts;
}

export interface SettlementRow extends Figures {
  key: string;
  name: string;
}

/** Rows in the given order (empty groups left out) and the total, each reconciled. */
export function assemble(groups: GroupCounts[]): { rows: SettlementRow[]; total: Figures } {
  let total = zeroCounts();
  const rows: SettlementRow[] = [];
  for (const g of groups) {
    if (COUNT_KEYS.every((k) => g.counts[k] === 0)) continue;
    total = addCounts(total, g.counts);
    rows.push({ key: g.key, name: g.name, ...figuresOf(g.counts, g.key) });
  }
  return { rows, total: figuresOf(total) };
}
