import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findCluster, removeDataDir } from '../../src/platform/pg/cluster';
import { freePort } from '../../src/platform/pg/ports';
import { isAlive, readPostmasterPid, stopPostmaster } from '../../src/platform/pg/processes';

// Process-level tests (test/integration/ops-*.test.ts): the real app started as `node --import tsx src/main.ts`,
// the real CLIs, real PostgreSQL processes killed with SIGKILL. Everything started is tracked and ended by PID in
// `cleanup()`, and every wait is bounded.

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HT = '000.00.15.H57'; // the demo's Hương Thủy center
export { freePort };

export interface AppProcess {
  pid: number;
  port: number;
  base: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The test run's environment without its DATABASE_URL (a child uses one only when given it), plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const out = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete out.DATABASE_URL;
  return out;
}

const apps = new Set<AppProcess>();
const dataDirs = new Set<string>();
const tempDirs = new Set<string>();

/** A `mktemp -d` folder (mode 0700, so the `postgres` user cannot enter it when the tests run as root). */
export function tempDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-${prefix}-`));
  tempDirs.add(d);
  return d;
}

export async function spawnApp(env: Record<string, string>): Promise<AppProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  if (env.MOTCUA_DATA_DIR) dataDirs.add(env.MOTCUA_DATA_DIR);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: childEnv({ HOST: '127.0.0.1', MOTCUA_LOG_LEVEL: 'info', MOTCUA_RATE_LIMIT_FACTOR: '0', ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const app: AppProcess = { pid: child.pid!, port, base: `http://127.0.0.1:${port}`, child, output: () => out, exited };
  apps.add(app);
  void exited.then(() => apps.delete(app));
  return app;
}

/** Polls until `check` returns a value (not undefined) or throws after `ms`, with `what` and the app's output. */
export async function until<T>(what: string, ms: number, check: () => Promise<T | undefined> | T | undefined, app?: AppProcess): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms${last ? ` (last error: ${String(last)})` : ''}${app ? `\n--- app output ---\n${app.output().slice(-4000)}` : ''}`);
    await sleep(100);
  }
}

export async function health(app: AppProcess): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const r = await fetch(`${app.base}/api/v1/health`, { signal: AbortSignal.timeout(10_000) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  } catch {
    return undefined; // not listening (yet)
  }
}

export async function waitHealthy(app: AppProcess, ms = 90_000): Promise<number> {
  const t0 = Date.now();
  await until('health 200', ms, async () => {
    if (app.child.exitCode !== null) throw new Error(`app exited with ${app.child.exitCode}:\n${app.output()}`);
    return (await health(app))?.status === 200 ? true : undefined;
  }, app);
  return Date.now() - t0;
}

export async function login(app: AppProcess, username: string): Promise<string> {
  const r = await fetch(`${app.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('motcua_sid='))!;
}

export async function api(app: AppProcess, method: string, url: string, cookie?: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown>; type: string }> {
  const r = await fetch(`${app.base}/api/v1${url}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await r.text();
  return { status: r.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, type: r.headers.get('content-type') ?? '' };
}

export async function register(app: AppProcess, cookie: string, n: number): Promise<string> {
  const r = await api(app, 'POST', '/dossiers', cookie, {
    procedure: '2.000748', channel: 'direct',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: `0460800${String(n).padStart(5, '0')}`, dateOfBirth: '1980-01-02', phone: '0905000111', address: 'Phường Phú Bài, thị xã Hương Thủy' },
  });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.code as string;
}

export async function upload(app: AppProcess, cookie: string, code: string, bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
  const r = await fetch(`${app.base}/api/v1/dossiers/${code}/files`, { method: 'POST', headers: { cookie }, body: form });
  if (r.status !== 201) throw new Error(`upload: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

export async function download(app: AppProcess, cookie: string, code: string, id: string): Promise<Buffer> {
  const r = await fetch(`${app.base}/api/v1/dossiers/${code}/files/${id}`, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`download: ${r.status} ${await r.text()}`);
  return Buffer.from(await r.arrayBuffer());
}

/** The sequence numbers (last part of the code) of today's dossiers of a center, as the API lists them. */
export function sequenceNumbers(codes: string[]): number[] {
  return codes.map((c) => Number(c.split('-').pop())).sort((a, b) => a - b);
}

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** A board stream (Server-Sent Events) read in the background; `waitFor` finds an event that arrived. */
export async function openBoard(app: AppProcess, center = HT) {
  const ac = new AbortController();
  const res = await fetch(`${app.base}/api/v1/queue/board/stream?center=${center}`, { signal: ac.signal });
  if (res.status !== 200) throw new Error(`board stream: ${res.status}`);
  const events: SseEvent[] = [];
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const lines = buf.slice(0, i).split('\n');
          buf = buf.slice(i + 2);
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      /* closed */
    }
  })();
  return {
    events,
    waitFor: (what: string, pred: (e: SseEvent) => boolean, ms = 15_000) => until(what, ms, () => events.find(pred)),
    close: () => ac.abort(),
  };
}

/** Runs `npm run backup|restore` the way an operator does (the CLI entry), returning its exit code and output. */
export function runCli(name: 'backup' | 'restore', args: string[], env: Record<string, string>, ms = 120_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, `src/cli/${name}.ts`), ...args], {
      cwd: ROOT, env: childEnv({ MOTCUA_LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not finish within ${ms} ms:\n${out}`));
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** The postmaster PID of a data directory's embedded cluster, from its postmaster.pid. */
export function postmasterPid(dataDir: string): number | undefined {
  const pm = readPostmasterPid(findCluster(dataDir).clusterDir);
  return pm && isAlive(pm.pid) ? pm.pid : undefined;
}

export async function stopApp(app: AppProcess): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGTERM');
  const done = await Promise.race([app.exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!done) app.child.kill('SIGKILL');
}

/** Ends every app started here (by PID), then any PostgreSQL left on their data directories, and removes the folders. */
export async function cleanup(): Promise<void> {
  for (const app of [...apps]) await stopApp(app);
  for (const dir of dataDirs) {
    const pid = postmasterPid(dir);
    if (pid) await stopPostmaster(pid, 10_000);
    removeDataDir(dir, true);
  }
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
}

/** Registers a data directory for `cleanup()` (one the tests create through the CLIs rather than an app). */
export function trackDataDir(dir: string): string {
  dataDirs.add(dir);
  return dir;
}
