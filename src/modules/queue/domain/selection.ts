/**
 * Which waiting ticket a counter calls next.
 *
 * Order: priority tickets first, then first come first served by the ORIGINAL issue time (a transferred ticket
 * keeps its place), ties broken by the order of issue. Anti-starvation: after `priorityStreakLimit` priority
 * calls in a row made while a regular ticket was waiting, the counter calls the oldest regular ticket once.
 */

export interface WaitingTicket {
  id: string;
  priority: string | null;
  /** Original issue time, epoch ms. */
  issuedAt: number;
  /** Order of issue (unique), breaks ties between equal times. */
  serial: number;
}

export interface QueueRules {
  /** Priority calls in a row (while a regular ticket waits) before one regular call; 0 disables the rule. */
  priorityStreakLimit: number;
}

export interface Selection<T extends WaitingTicket> {
  ticket: T;
  /** The counter's streak after this call. */
  priorityStreak: number;
  /** True when the anti-starvation rule chose a regular ticket over a waiting priority ticket. */
  starvationGuard: boolean;
}

const isPriority = (t: WaitingTicket) => t.priority !== null;

/** FIFO by original issue time, then by order of issue. */
export function byArrival(a: WaitingTicket, b: WaitingTicket): number {
  return a.issuedAt - b.issuedAt || a.serial - b.serial;
}

/**
 * The plain order of the queue: priority first, then arrival. Positions ("people ahead") are counted in this
 * order by `queueCounts` in repo.ts, and the counters' SQL picks the head of each class in it.
 */
export function compareTickets(a: WaitingTicket, b: WaitingTicket): number {
  if (isPriority(a) !== isPriority(b)) return isPriority(a) ? -1 : 1;
  return byArrival(a, b);
}

function oldest<T extends WaitingTicket>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const t of list) if (!best || byArrival(t, best) < 0) best = t;
  return best;
}

export function selectNext<T extends WaitingTicket>(candidates: readonly T[], priorityStreak: number, rules: QueueRules): Selection<T> | null {
  const priority = oldest(candidates.filter(isPriority));
  const regular = oldest(candidates.filter((t) => !isPriority(t)));
  if (!priority && !regular) return null;
  if (priority && regular && rules.priorityStreakLimit > 0 && priorityStreak >= rules.priorityStreakLimit) {
    return { ticket: regular, priorityStreak: 0, starvationGuard: true };
  }
  if (priority) return { ticket: priority, priorityStreak: regular ? priorityStreak + 1 : 0, starvationGuard: false };
  return { ticket: regular!, priorityStreak: 0, starvationGuard: false };
}
