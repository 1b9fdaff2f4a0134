/**
 * Estimated wait: the mean of the recent service times of the field (the last `sample` finished today),
 * or the center's default when there are none, times the people ahead, shared by the open counters serving it.
 */
export interface WaitInput {
  ahead: number;
  /** Service durations in minutes, most recent first. */
  recentServiceMinutes: readonly number[];
  openCounters: number;
  defaultServiceMinutes: number;
  sample?: number;
}

export const MIN_SERVICE_MINUTES = 1;
export const MAX_SERVICE_MINUTES = 120;

/** Mean service minutes used for the estimate, clamped so one forgotten "finish" cannot blow it up. */
export function meanServiceMinutes(recent: readonly number[], fallback: number, sample = 20): number {
  const xs = recent.slice(0, sample).filter((x) => Number.isFinite(x) && x >= 0);
  const mean = xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : fallback;
  return Math.min(MAX_SERVICE_MINUTES, Math.max(MIN_SERVICE_MINUTES, mean));
}

export function estimateWaitMinutes(i: WaitInput): number {
  if (i.ahead <= 0) return 0;
  const mean = meanServiceMinutes(i.recentServiceMinutes, i.defaultServiceMinutes, i.sample);
  return Math.ceil((i.ahead * mean) / Math.max(1, i.openCounters));
}
