import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { describeStartFailure, StartError } from '../start-error';
import { pgBinaries } from './binaries';
import { clusterExists, clusterPassword, initCluster, lastLines, prepareCluster, type ClusterLocation } from './cluster';
import { silentLog, type PgLog } from './log';
import { clearOwner, isAlive, isPostmasterOf, ownerAlive, readOwner, readPostmasterPid, stopPostmaster, writeOwner } from './processes';
import { postgresRunAs, type RunAs } from './system-user';

export interface SupervisorOptions {
  /** motcua's data directory; the cluster is `<dataDir>/pg` (or where that link points, see cluster.ts). */
  dataDir: string;
  port: number;
  /** Extra `-c name=value` settings. */
  flags?: string[];
  log?: PgLog;
  /** Start PostgreSQL again when it stops by itself (the app). Off for tools, and for tests that stop it on purpose. */
  restartOnCrash?: boolean;
  /** Called when PostgreSQL stopped by itself (before any restart). */
  onCrash?: () => void;
}

export type PgState = 'starting' | 'running' | 'restarting' | 'stopping' | 'stopped';
export interface PgStatus {
  state: PgState;
  since: Date;
  pid?: number;
  /** Restart attempts so far in the current outage. */
  attempt: number;
  /** Why the last start or restart attempt failed, in Vietnamese. */
  reason?: string;
}

const USER = 'postgres';
/**
 * Settings for a database that takes receptions all day (PostgreSQL's defaults suit a small test box):
 * - shared_buffers: a quarter of the memory, 128 MB to 2 GB. With 256 MB, a million dossiers (1.5 GB with their
 *   indexes) kept evicting dirty pages that the backends themselves had to write out.
 * - max_wal_size 4 GB and a checkpoint every 15 minutes instead of at every 1 GB of WAL: after a checkpoint, the
 *   first change to each page logs the whole 8 kB page, and with eight indexes on the dossiers a burst of receptions
 *   touches many pages; at 1 GB the write benchmark checkpointed every minute or two and paid that again each time.
 *   Crash recovery replays at most what was written since the last checkpoint (a few seconds to minutes).
 * Durability is unchanged: every commit still waits for its WAL on disk (synchronous_commit stays on).
 */
const MB = 1024 * 1024;
const SHARED_BUFFERS_MB = Math.round(Math.min(2048, Math.max(128, os.totalmem() / 4 / MB)));
const WRITE_TUNING = ['-c', `shared_buffers=${SHARED_BUFFERS_MB}MB`, '-c', 'max_wal_size=4GB', '-c', 'checkpoint_timeout=15min'];
const READY_TIMEOUT_MS = 10 * 60_000; // crash recovery after a long day can take minutes

/**
 * Runs the embedded PostgreSQL as a child process of motcua and keeps it running: recognises and stops the
 * PostgreSQL a killed motcua left behind, and (with `restartOnCrash`) starts PostgreSQL again, with a growing
 * delay, whenever it stops by itself, logging each step. `status()` says what state it is in, for /health.
 */
export class PgSupervisor {
  private readonly log: PgLog;
  private child: ChildProcess | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private lines: string[] = [];
  private st: PgStatus = { state: 'stopped', since: new Date(), attempt: 0 };
  private runAs: RunAs | undefined;
  private loc!: ClusterLocation;
  private password = '';

  constructor(private readonly opts: SupervisorOptions) {
    this.log = opts.log ?? silentLog;
  }

  get clusterDir(): string {
    return this.loc.clusterDir;
  }

  status(): PgStatus {
    return { ...this.st };
  }

  /** Clients on this machine use a Unix socket in the cluster directory when its path fits the kernel's limit (cheaper than TCP). */
  private get socketDir(): string | undefined {
    return `${this.loc.clusterDir}/.s.PGSQL.${this.opts.port}`.length <= 100 ? this.loc.clusterDir : undefined;
  }

  url(database: string): string {
    const socket = this.socketDir;
    return `postgres://${USER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.opts.port}/${database}${socket ? `?host=${encodeURIComponent(socket)}` : ''}`;
  }

  async start(): Promise<void> {
    this.setState('starting');
    pgBinaries();
    this.runAs = postgresRunAs();
    this.loc = prepareCluster(this.opts.dataDir, this.runAs, this.log);
    const owner = readOwner(this.loc.dataDir);
    if (owner && ownerAlive(owner)) {
      throw new StartError(`Thư mục dữ liệu ${this.loc.dataDir} đang được tiến trình PID ${owner.pid} dùng (một motcua khác, hoặc một lần sao lưu/khôi phục). `
        + `Dừng tiến trình đó trước (kill -TERM ${owner.pid}) hoặc đặt MOTCUA_DATA_DIR tới thư mục khác.`);
    }
    writeOwner(this.loc.dataDir);
    try {
      const fresh = !clusterExists(this.loc.clusterDir);
      this.password = clusterPassword(this.loc.dataDir, fresh);
      if (fresh) await initCluster(this.loc, this.runAs, this.password, this.log);
      await this.takeOver();
      // Backends of a PostgreSQL that was just killed can hold its shared memory for a moment: try again briefly.
      for (let attempt = 1; ; attempt++) {
        try {
          await this.launch();
          break;
        } catch (err) {
          if (!(err instanceof RetryableStart) || attempt >= 20) throw err;
          await sleep(500);
        }
      }
      this.setState('running', this.child?.pid);
    } catch (err) {
      clearOwner(this.loc.dataDir);
      this.setState('stopped');
      throw err;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    const child = this.child;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      this.setState('stopping', child.pid);
      await stopPostmaster(child.pid);
    }
    if (this.loc) clearOwner(this.loc.dataDir);
    this.setState('stopped');
  }

  private setState(state: PgState, pid?: number, attempt = 0, reason?: string) {
    if (state !== this.st.state) this.st = { state, since: new Date(), pid, attempt, reason };
    else this.st = { ...this.st, pid, attempt, reason };
  }

  /** A PostgreSQL still running on this cluster can only be an orphan here (the owner check passed): stop it. */
  private async takeOver(): Promise<void> {
    const pm = readPostmasterPid(this.loc.clusterDir);
    if (!pm || !isAlive(pm.pid)) return; // none, or a stale lock file that PostgreSQL replaces itself
    if (!isPostmasterOf(pm.pid, this.loc.clusterDir)) return; // PID reused by an unrelated process: PostgreSQL checks too
    const t0 = Date.now();
    this.log.warn(`PostgreSQL (PID ${pm.pid}) vẫn chạy trên ${this.loc.clusterDir}, bỏ lại khi motcua lần trước bị dừng đột ngột; đang dừng nó…`);
    const how = await stopPostmaster(pm.pid);
    const label = { fast: 'dừng nhanh', immediate: 'dừng ngay, sẽ phục hồi từ WAL', killed: 'buộc dừng, sẽ phục hồi từ WAL' }[how];
    this.log.info(`Đã dừng PostgreSQL cũ (PID ${pm.pid}, ${label}) sau ${secs(Date.now() - t0)} s.`);
  }

  private args(): string[] {
    return ['-D', this.loc.clusterDir, '-p', String(this.opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...WRITE_TUNING,
      '-c', `unix_socket_directories=${this.socketDir ?? ''}`, ...(this.opts.flags ?? [])];
  }

  /** Spawns the postmaster and resolves once it accepts connections. */
  private async launch(): Promise<void> {
    this.lines = [];
    // In motcua's process group: a Ctrl-C in the terminal stops both, even while motcua is still starting.
    const child = spawn(pgBinaries().postgres, this.args(), {
      ...(this.runAs ? { uid: this.runAs.uid, gid: this.runAs.gid } : {}),
      cwd: this.loc.clusterDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) readline.createInterface({ input: stream }).on('line', (l) => this.onLine(l));
    let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    child.on('error', () => undefined);
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      if (this.child === child) this.child = undefined;
      if (this.st.state === 'running' && !this.stopping) this.onCrash(child.pid, code, signal);
    });
    const t0 = Date.now();
    let nextNote = t0 + 15_000;
    for (;;) {
      if (exited) throw this.explain(exited.code, exited.signal);
      const pm = readPostmasterPid(this.loc.clusterDir);
      if (pm && pm.pid === child.pid && pm.status === 'ready' && (await this.canConnect())) return;
      if (Date.now() > nextNote) {
        nextNote += 15_000;
        this.log.info(`PostgreSQL đang khởi động / phục hồi dữ liệu (${Math.round((Date.now() - t0) / 1000)} s)…`);
      }
      if (Date.now() - t0 > READY_TIMEOUT_MS) {
        await stopPostmaster(child.pid!);
        throw new StartError(`PostgreSQL không sẵn sàng sau ${READY_TIMEOUT_MS / 60_000} phút: ${lastLines(this.lines.join('\n'), 3)}`);
      }
      await sleep(100);
    }
  }

  private async canConnect(): Promise<boolean> {
    const c = new pg.Client({ connectionString: this.url('postgres'), connectionTimeoutMillis: 5000 });
    c.on('error', () => undefined);
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  private onLine(line: string) {
    this.lines.push(line);
    if (this.lines.length > 50) this.lines.shift();
    const level = /\b(LOG|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT):/.exec(line)?.[1];
    if (level === 'WARNING' || level === 'FATAL' || level === 'PANIC') this.log.warn(`postgres: ${line}`);
    else this.log.debug?.(`postgres: ${line}`);
  }

  /** A start failure as a sentence the operator can act on (the raw PostgreSQL lines stay in the debug log). */
  private explain(code: number | null, signal: NodeJS.Signals | null): Error {
    const text = this.lines.join('\n');
    const port = this.opts.port;
    const dir = this.loc.clusterDir;
    if (/could not bind|could not create (any TCP\/IP sockets|lock file ".*\.s\.PGSQL)|Address already in use/i.test(text)) {
      return new StartError(`Cổng ${port} của PostgreSQL nhúng đang bị một chương trình khác chiếm. Đặt MOTCUA_PG_PORT tới một cổng trống hoặc dừng chương trình đó.`);
    }
    if (/pre-existing shared memory block/.test(text)) {
      return new RetryableStart(`Các tiến trình của PostgreSQL cũ trên ${dir} vẫn chưa thoát hết (còn giữ bộ nhớ dùng chung).`);
    }
    if (/lock file "postmaster.pid" already exists/.test(text)) {
      return new StartError(`Một PostgreSQL khác đang chạy trên ${dir} (xem ${dir}/postmaster.pid). Dừng nó trước, hoặc đặt MOTCUA_DATA_DIR tới thư mục khác.`);
    }
    if (/wrong ownership|invalid permissions|Permission denied/i.test(text)) {
      return new StartError(`PostgreSQL không đọc/ghi được ${dir} (sai chủ sở hữu hoặc quyền: ${lastLines(text, 1)}). Cách sửa: ${this.runAs ? `chown -R ${this.runAs.name}: ${dir} && ` : ''}chmod 700 ${dir}.`);
    }
    if (/No space left on device/i.test(text)) return new StartError(`Hết dung lượng đĩa cho ${dir}: giải phóng chỗ trống rồi chạy lại.`);
    if (/could not (map|create) .*shared memory|out of memory|Cannot allocate memory/i.test(text)) {
      return new StartError(`Không đủ bộ nhớ để khởi động PostgreSQL nhúng (${lastLines(text, 1)}).`);
    }
    if (/database files are incompatible with server/.test(text)) {
      return new StartError(`Cụm dữ liệu ${dir} được tạo bằng một phiên bản PostgreSQL khác với phiên bản nhúng (${pgBinaries().major}). Dùng bản motcua đã tạo nó, hoặc khôi phục từ bản sao lưu.`);
    }
    const how = signal ? `tín hiệu ${signal}` : `mã thoát ${code}`;
    const fatal = this.lines.filter((l) => /(FATAL|PANIC):/.test(l));
    return new StartError(`PostgreSQL nhúng dừng ngay khi khởi động (${how}): ${lastLines((fatal.length ? fatal : this.lines).join('\n'), 2)}`);
  }

  private onCrash(pid: number | undefined, code: number | null, signal: NodeJS.Signals | null) {
    if (code === 0 && !signal) {
      // PostgreSQL exits 0 only when asked to stop (Ctrl-C in the terminal, pg_ctl stop, kill -TERM): not a crash.
      this.log.warn(`PostgreSQL nhúng (PID ${pid}) đã được dừng theo yêu cầu từ bên ngoài motcua; không tự khởi động lại.`);
      this.setState('stopped', undefined, 0, 'được dừng từ bên ngoài motcua');
      return;
    }
    const how = signal ? `tín hiệu ${signal}` : `mã thoát ${code}`;
    const reason = `PostgreSQL nhúng (PID ${pid}) đã dừng bất thường (${how})`;
    this.log.error(`${reason}.${this.opts.restartOnCrash ? ' Đang khởi động lại…' : ''}`);
    this.setState('restarting', undefined, 0, reason);
    this.opts.onCrash?.();
    if (this.opts.restartOnCrash) void this.restartLoop(reason);
    else this.setState('stopped', undefined, 0, reason);
  }

  private async restartLoop(firstReason: string): Promise<void> {
    const t0 = Date.now();
    let reason = firstReason;
    for (let attempt = 1; !this.stopping; attempt++) {
      this.setState('restarting', undefined, attempt, reason);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(500 * 2 ** (attempt - 1), 5000));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopping) return;
      this.log.info(`Khởi động lại PostgreSQL nhúng (lần ${attempt})…`);
      try {
        await this.takeOver();
        await this.launch();
        if (this.stopping) return;
        this.setState('running', this.child?.pid);
        this.log.info(`PostgreSQL nhúng đã chạy lại (PID ${this.child?.pid}) sau ${secs(Date.now() - t0)} s; cơ sở dữ liệu hoạt động trở lại.`);
        return;
      } catch (err) {
        reason = describeStartFailure(err);
        this.log.warn(`Lần ${attempt} chưa được: ${reason}`);
      }
    }
  }
}

class RetryableStart extends StartError {}

/** Vietnamese sentence for /health and the logs when the embedded database is not running; undefined when it is. */
export function describePgStatus(s: PgStatus): string | undefined {
  const at = s.since.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
  switch (s.state) {
    case 'running':
      return undefined;
    case 'restarting':
      return `PostgreSQL nhúng đã dừng bất thường lúc ${at} và đang được khởi động lại${s.attempt ? ` (lần thử ${s.attempt})` : ''}${s.reason ? `; ${s.reason}` : ''}.`;
    case 'starting':
      return 'Cơ sở dữ liệu đang khởi động.';
    default:
      return `Cơ sở dữ liệu đã dừng lúc ${at}${s.reason ? ` (${s.reason})` : ''}.`;
  }
}

/** Seconds with a Vietnamese decimal comma: 1,2. */
const secs = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');
