// Dossier benchmark at volume: 1,000,000 generated dossiers (2 centers, 3 years), then through the real HTTP
// server in its own process: registration + receipt at 50 concurrent clients, lookup by code, the department
// inbox and the overdue list (first pages). Run: `npx tsx bench/dossiers.ts [perDay]` (default 640 ≈ 1M).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPool } from '../src/platform/db';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/embedded-pg';
import { migrate } from '../src/platform/migrate';
import { seedIfEmpty } from '../src/seed';
import { generateDossiers } from './dossiers-data';
import { freePort, startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const perDay = Number(process.argv[2] ?? 640);
// BENCH_KEEP_DIR=<dir> keeps the generated database there and reuses it on the next run (iterating on the server
// without five minutes of generation each time). Without it, a throw-away directory is removed at the end.
const keepDir = process.env.BENCH_KEEP_DIR;
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-dossiers-'));
fs.mkdirSync(dir, { recursive: true });
fs.chmodSync(dir, 0o755);
const reuse = keepDir !== undefined && fs.existsSync(path.join(dir, 'generated'));
const pgServer = await startEmbeddedPostgres(dir, await freePort());
let server: Awaited<ReturnType<typeof startServer>> | undefined;
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/**
 * Open-loop load: requests start at random (Poisson arrivals, exponential gaps) at `rate` per second for `seconds`,
 * whether or not earlier ones have finished — as clerks and citizens arrive. Unlike a fixed number of connections
 * firing on the same timer tick, this does not queue requests behind each other by construction.
 */
async function openLoop<T>(rate: number, seconds: number, fn: (k: number) => Promise<T>): Promise<T[]> {
  const started: Promise<T>[] = [];
  const t0 = performance.now();
  let at = 0;
  for (let k = 0; ; k++) {
    at += (-Math.log(1 - Math.random()) * 1000) / rate;
    if (at > seconds * 1000) break;
    const wait = t0 + at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    started.push(fn(k));
  }
  return Promise.all(started);
}

interface CpuUse {
  perRequest: (n: number) => string;
}
/**
 * CPU time (user + system, from /proc) spent by the app process and by every PostgreSQL process during a
 * scenario, per request. Unlike latency, this barely moves when other work shares the machine.
 */
function cpuMeter(appPid: number, postmasterPidFile: string) {
  const ticks = () => {
    const pm = Number(fs.readFileSync(postmasterPidFile, 'utf8').split('\n')[0]);
    let app = 0;
    let db = 0;
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      } catch {
        continue;
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const t = Number(f[11]) + Number(f[12]);
      if (Number(d) === appPid) app += t;
      if (Number(d) === pm || Number(f[1]) === pm) db += t;
    }
    return { app, db };
  };
  const msPerTick = 1000 / 100; // USER_HZ
  return {
    start() {
      const t0 = ticks();
      return {
        stop(): CpuUse {
          const t1 = ticks();
          return { perRequest: (n: number) => `${(((t1.app - t0.app) * msPerTick) / n).toFixed(2)} + ${(((t1.db - t0.db) * msPerTick) / n).toFixed(2)}` };
        },
      };
    },
  };
}

try {
  await ensureDatabase(pgServer.url('postgres'), 'motcua');
  const url = pgServer.url('motcua');
  const db = createPool(url, 4);
  await migrate(db);
  await seedIfEmpty(db, { demo: true });
  if (reuse) console.log(`Reusing the generated dossiers in ${dir}`);
  else {
    console.log(`Generating dossiers (${perDay} per center per weekday over 3 years)…`);
    await generateDossiers(url, perDay, 1095);
    if (keepDir) fs.writeFileSync(path.join(dir, 'generated'), new Date().toISOString());
  }
  // Registrations of earlier runs stay (a few thousand on top of the million): they do not change the picture.
  const total = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
  const codes = (await db.query<{ code: string }>("SELECT code FROM dossiers TABLESAMPLE SYSTEM (1) WHERE code LIKE '000.00.15.H57-%' LIMIT 5000")).rows.map((r) => r.code);
  await db.end();

  server = await startServer({ root, env: { DATABASE_URL: url, MOTCUA_DEMO: '0' } });
  const base = server.base;
  const login = async (u: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'motcua-demo' }) });
    return (r.headers.getSetCookie()[0] ?? '').split(';')[0];
  };
  const clerkNames = ['tn.tp', 'tn.tc', 'tn.dd', 'tn.xd', 'tn.ld', 'tn.ca', 'tn.th', 'tn.bh', 'tn.nv', 'tn.vh'];
  const cookies = await Promise.all(Array.from({ length: 50 }, (_, i) => login(clerkNames[i % clerkNames.length])));
  const cpu = cpuMeter(server.pid, path.join(dir, 'pg', 'postmaster.pid'));
  const rows: Record<string, unknown>[] = [];
  let seq = Math.floor(Math.random() * 1e9);
  /** One registration then its receipt, as a clerk at the counter does; returns the two latencies. */
  const pair = async (cookie: string): Promise<[number, number] | null> => {
    const id = String(100_000_000_000 + seq++).padStart(12, '0');
    let t = performance.now();
    const r = await fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant: { kind: 'person', fullName: 'Nguyễn Văn Bench', idNumber: id, phone: '0905000111' } }) });
    const body = (await r.json()) as { code?: string };
    const reg = performance.now() - t;
    if (r.status !== 201) return null;
    t = performance.now();
    const rr = await fetch(`${base}/api/v1/dossiers/${body.code}/receive`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
    await rr.arrayBuffer();
    return rr.status === 200 ? [reg, performance.now() - t] : null;
  };
  const summarize = (label: string, results: ([number, number] | null)[], seconds: number, cpuUse: CpuUse) => {
    const ok = results.filter((x): x is [number, number] => x !== null);
    const reg = ok.map((x) => x[0]).sort((a, b) => a - b);
    const rec = ok.map((x) => x[1]).sort((a, b) => a - b);
    const f = (xs: number[], p: number) => (xs.length ? pct(xs, p).toFixed(0) : '-');
    rows.push({ scenario: label, 'req/s': Math.round(ok.length / seconds), 'p50 ms': `${f(reg, 50)} / ${f(rec, 50)}`, 'p95 ms': `${f(reg, 95)} / ${f(rec, 95)}`,
      'p99 ms': `${f(reg, 99)} / ${f(rec, 99)}`, 'CPU ms/req (app + db)': cpuUse.perRequest(ok.length * 2), errors: results.length - ok.length });
  };

  // 1. Registration + receipt, closed loop: 50 clerks, each registers then receives, again and again, for 20 s.
  {
    const results: ([number, number] | null)[] = [];
    const until = Date.now() + 20_000;
    const c = cpu.start();
    await Promise.all(cookies.map(async (cookie) => {
      while (Date.now() < until) results.push(await pair(cookie));
    }));
    summarize('register + receive, 50 clients (pairs/s; latency register / receive)', results, 20, c.stop());
  }
  // 2. The same at a fixed offered rate (open loop): the latency a clerk sees when the center is busy, not saturated.
  for (const rate of [50, 100]) {
    const c = cpu.start();
    const results = await openLoop(rate, 15, (k) => pair(cookies[k % cookies.length]));
    summarize(`register + receive, ${rate} pairs/s arriving at random (open loop)`, results, 15, c.stop());
  }

  // 3. Reads: saturation with 10 connections, then latency at a fixed offered rate.
  const director = await login('giamdoc');
  const specialist = await login('cv.tp');
  let i = 0;
  const reads: [string, string, () => string, number][] = [
    ['lookup by code', director, () => `/api/v1/dossiers/${encodeURIComponent(codes[i++ % codes.length])}`, 200],
    ['department inbox, first page', specialist, () => '/api/v1/dossiers?inbox=1&limit=20', 100],
    ['overdue list, first page', director, () => '/api/v1/dossiers?overdue=1&limit=20&sort=due_asc', 100],
    ['search by applicant name', director, () => '/api/v1/dossiers?q=nguyen%20van%20an&limit=20', 50],
  ];
  for (const [label, cookie, pathOf, rate] of reads) {
    const c = cpu.start();
    const r = await autocannon({ url: base, connections: 10, duration: 10, headers: { cookie }, requests: [{ setupRequest: (req: object) => ({ ...req, path: pathOf() }) }] });
    rows.push({ scenario: `${label}, 10 connections flat out`, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50,
      'p95 ms': r.latency.p97_5 ?? '', 'p99 ms': r.latency.p99, 'CPU ms/req (app + db)': c.stop().perRequest(r.requests.total), errors: r.non2xx + r.errors });
    const c2 = cpu.start();
    const times = await openLoop(rate, 15, async () => {
      const t = performance.now();
      const res = await fetch(base + pathOf(), { headers: { cookie } });
      await res.arrayBuffer();
      return res.ok ? performance.now() - t : null;
    });
    const ok = times.filter((x): x is number => x !== null).sort((a, b) => a - b);
    rows.push({ scenario: `${label}, ${rate} req/s arriving at random`, 'req/s': Math.round(ok.length / 15), 'p50 ms': pct(ok, 50).toFixed(1), 'p95 ms': pct(ok, 95).toFixed(1),
      'p99 ms': pct(ok, 99).toFixed(1), 'CPU ms/req (app + db)': c2.stop().perRequest(ok.length), errors: times.length - ok.length });
  }
  console.log(`\nDossiers in the database: ${total.toLocaleString('en')} (+ those registered above). Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores).`);
  console.log('p95 column: autocannon reports p97.5 for the "flat out" read scenarios.');
  console.table(rows);
} finally {
  if (server) await server.stop();
  await pgServer.stop();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
}
