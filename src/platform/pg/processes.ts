import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The first lines of PostgreSQL's `postmaster.pid` lock file (see PostgreSQL's pidfile.h). */
export interface PostmasterPid {
  pid: number;
  port: number;
  socketDir: string;
  listen: string;
  /** `starting`, `stopping`, `ready` or `standby`. */
  status: string;
}

export function readPostmasterPid(clusterDir: string): PostmasterPid | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const l = text.split('\n');
  const pid = Number(l[0]);
  if (!(pid > 0)) return undefined;
  return { pid, port: Number(l[3]), socketDir: (l[4] ?? '').trim(), listen: (l[5] ?? '').trim(), status: (l[7] ?? '').trim() };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: the process's start time in clock ticks since boot (tells a live process from a reused PID). */
export function startTicks(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Whether `pid` is a postmaster running on `clusterDir`: a postmaster's working directory is its data directory.
 * Without /proc (not Linux) a live PID in the lock file is taken for one.
 */
export function isPostmasterOf(pid: number, clusterDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cwd = fs.realpathSync(`/proc/${pid}/cwd`);
    return cwd === fs.realpathSync(clusterDir) && path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).startsWith('postgres');
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

/** Waits until `pid` has ended; false on timeout. */
export async function waitExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > until) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Stops a postmaster by PID, the way pg_ctl does: SIGINT (fast shutdown: ends sessions, writes a checkpoint),
 * then SIGQUIT (immediate: the next start replays the WAL, nothing committed is lost), then SIGKILL.
 */
export async function stopPostmaster(pid: number, graceMs = 30_000): Promise<'fast' | 'immediate' | 'killed'> {
  const steps: [NodeJS.Signals, number, 'fast' | 'immediate' | 'killed'][] = [['SIGINT', graceMs, 'fast'], ['SIGQUIT', 10_000, 'immediate'], ['SIGKILL', 10_000, 'killed']];
  for (const [signal, wait, how] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return how;
    }
    if (await waitExit(pid, wait)) return how;
  }
  return 'killed';
}

/**
 * `<data dir>/.pg-owner`: the process that supervises the embedded PostgreSQL of a data directory (the app, or a
 * backup or restore run). A live owner means the PostgreSQL there is in use; a dead one left an orphan behind.
 */
export interface Owner {
  pid: number;
  ticks?: string;
}

const ownerFile = (dataDir: string) => path.join(dataDir, '.pg-owner');

export function readOwner(dataDir: string): Owner | undefined {
  try {
    const [pid, ticks] = fs.readFileSync(ownerFile(dataDir), 'utf8').trim().split(' ');
    return Number(pid) > 0 ? { pid: Number(pid), ticks: ticks || undefined } : undefined;
  } catch {
    return undefined;
  }
}

export function ownerAlive(o: Owner): boolean {
  if (o.pid === process.pid || !isAlive(o.pid)) return false;
  const now = startTicks(o.pid);
  return !o.ticks || !now || now === o.ticks;
}

export function writeOwner(dataDir: string): void {
  fs.writeFileSync(ownerFile(dataDir), `${process.pid} ${startTicks(process.pid) ?? ''}\n`);
}

export function clearOwner(dataDir: string): void {
  const o = readOwner(dataDir);
  if (o?.pid === process.pid) fs.rmSync(ownerFile(dataDir), { force: true });
}
