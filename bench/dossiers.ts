// Dossier benchmark at volume: 1,000,000 generated dossiers (2 centers, 3 years), then through the real HTTP
// server in its own process: registration + receipt at 50 concurrent clients (in two requests, and in one with
// `receive: true`), lookup by code, the department inbox and the overdue list (first pages).
// Run: `npx tsx bench/dossiers.ts [perDay]` (default 640 ≈ 1M).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPool } from '../src/platform/db';
import { startEmbeddedPostgres } from '../src/platform/embedded-pg';
import { embeddedDatabaseUrls, prepareSchema } from '../src/platform/db-setup';
import { seedIfEmpty } from '../src/seed';
import { generateDossiers } from './dossiers-data';
import { freePort, startServer } from './lib/server.mjs';
import { leanClient } from './lib/lean-client';

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
// BENCH_ONLY=reception,lookup runs only those scenario groups (pairs, reception, lookup, department, overdue, search, public,
// mixed).
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (group: string) => !only || only.includes(group);
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

/**
 * `clients` clients sharing an offered rate: each client's requests arrive at random (Poisson, rate / clients per
 * second) and a client sends one request at a time, so a request that arrives while its client is still busy waits.
 * Latency is measured from the arrival, not from the send: time spent waiting behind a slow request counts (no
 * "coordinated omission").
 */
async function clientsAtRate(clients: number, rate: number, seconds: number, fn: (client: number) => Promise<boolean>): Promise<(number | null)[]> {
  const perClient = rate / clients;
  const t0 = performance.now();
  const all = await Promise.all(Array.from({ length: clients }, async (_, c) => {
    const out: (number | null)[] = [];
    let at = 0;
    for (;;) {
      at += (-Math.log(1 - Math.random()) * 1000) / perClient;
      if (at > seconds * 1000) break;
      const wait = t0 + at - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const ok = await fn(c);
      out.push(ok ? performance.now() - (t0 + at) : null);
    }
    return out;
  }));
  return all.flat();
}

/**
 * What autovacuum would do after the writes (VACUUM ANALYZE of the tables they touched), a CHECKPOINT, then wait (at
 * most 3 minutes) until no autovacuum worker runs. Returns the seconds it took.
 */
async function settle(databaseUrl: string): Promise<number> {
  const t0 = performance.now();
  const pool = createPool(databaseUrl, 1);
  try {
    await pool.query('VACUUM (ANALYZE) dossiers, dossier_events, outbox, applicants, dossier_sequences, idempotency_keys');
    await pool.query('CHECKPOINT');
    for (let k = 0; k < 180; k++) {
      const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await pool.end();
  }
  return (performance.now() - t0) / 1000;
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
  // As `npm start` does: the owner migrates, the server runs as the app's restricted role.
  const urls = await embeddedDatabaseUrls(pgServer.url('postgres'), dir);
  const t0 = performance.now();
  const { applied } = await prepareSchema(urls);
  if (applied.length) console.log(`Migrations ${applied.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const url = urls.ownerUrl;
  const serverEnv = { DATABASE_URL: urls.appUrl, MOTCUA_OWNER_DATABASE_URL: urls.ownerUrl, MOTCUA_DEMO: '0' };
  const db = createPool(url, 4);
  await seedIfEmpty(db, { demo: true });
  if (reuse) console.log(`Reusing the generated dossiers in ${dir}`);
  else {
    console.log(`Generating dossiers (${perDay} per center per weekday over 3 years)…`);
    await generateDossiers(url, perDay, 1095);
    if (keepDir) fs.writeFileSync(path.join(dir, 'generated'), new Date().toISOString());
  }
  // Registrations of earlier runs stay (a few thousand on top of the million): they do not change the picture.
  const total = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
  const sample = (await db.query<{ code: string; id_number: string; phone: string }>(`SELECT code, applicant->>'idNumber' AS id_number, applicant->>'phone' AS phone
    FROM dossiers TABLESAMPLE SYSTEM (1) WHERE code LIKE '000.00.15.H57-%' LIMIT 5000`)).rows;
  const codes = sample.map((r) => r.code);
  await db.end();

  server = await startServer({ root, env: serverEnv });
  let base = server.base;
  const login = async (u: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'motcua-demo' }) });
    return (r.headers.getSetCookie()[0] ?? '').split(';')[0];
  };
  const clerkNames = ['tn.tp', 'tn.tc', 'tn.dd', 'tn.xd', 'tn.ld', 'tn.ca', 'tn.th', 'tn.bh', 'tn.nv', 'tn.vh'];
  const cookies = await Promise.all(Array.from({ length: 50 }, (_, i) => login(clerkNames[i % clerkNames.length])));
  let cpu = cpuMeter(server.pid, path.join(dir, 'pg', 'postmaster.pid'));
  const rows: Record<string, unknown>[] = [];
  let seq = Math.floor(Math.random() * 1e9);
  /** One registration then its receipt, as a clerk at the counter does; returns the two latencies. */
  let client = leanClient(base);
  /** A registration body for a new applicant (a citizen ID not used before), received at once or not. */
  const registration = (receive: boolean) => JSON.stringify({
    procedure: '2.000748', channel: 'direct', ...(receive ? { receive: true } : {}),
    applicant: { kind: 'person', fullName: 'Nguyễn Văn Bench', idNumber: String(100_000_000_000 + seq++).padStart(12, '0'), phone: '0905000111' },
  });
  const pair = async (cookie: string): Promise<[number, number] | null> => {
    let t = performance.now();
    const r = await client.request('POST', '/api/v1/dossiers', { cookie }, registration(false));
    const reg = performance.now() - t;
    if (r.status !== 201) return null;
    const { code } = JSON.parse(r.body) as { code: string };
    t = performance.now();
    const rr = await client.request('POST', `/api/v1/dossiers/${code}/receive`, { cookie }, '{}');
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
  if (wanted('pairs')) {
    const results: ([number, number] | null)[] = [];
    const until = Date.now() + 20_000;
    const c = cpu.start();
    await Promise.all(cookies.map(async (cookie) => {
      while (Date.now() < until) results.push(await pair(cookie));
    }));
    summarize('register + receive, 50 clients (pairs/s; latency register / receive)', results, 20, c.stop());
  }
  // 2. The same at a fixed offered rate (open loop): the latency a clerk sees when the center is busy, not saturated.
  for (const rate of wanted('pairs') ? [50, 100] : []) {
    const c = cpu.start();
    const results = await openLoop(rate, 15, (k) => pair(cookies[k % cookies.length]));
    summarize(`register + receive, ${rate} pairs/s arriving at random (open loop)`, results, 15, c.stop());
  }

  // 3. One-step reception (`receive: true`): the clerk with the applicant and the papers at the counter registers and
  //    receives in one request. Closed loop at 50 clients (capacity), then 50 clients sharing 300 receptions/s.
  const reception = async (cookie: string): Promise<boolean> => {
    const r = await client.request('POST', '/api/v1/dossiers', { cookie }, registration(true));
    return r.status === 201;
  };
  const latencyRow = (label: string, times: (number | null)[], seconds: number, cpuUse: CpuUse) => {
    const ok = times.filter((x): x is number => x !== null).sort((a, b) => a - b);
    rows.push({ scenario: label, 'req/s': Math.round(ok.length / seconds), 'p50 ms': pct(ok, 50).toFixed(1), 'p95 ms': pct(ok, 95).toFixed(1),
      'p99 ms': pct(ok, 99).toFixed(1), 'CPU ms/req (app + db)': cpuUse.perRequest(ok.length), errors: times.length - ok.length });
  };
  if (wanted('reception')) {
    const times: (number | null)[] = [];
    const until = Date.now() + 20_000;
    const c = cpu.start();
    await Promise.all(cookies.map(async (cookie) => {
      while (Date.now() < until) {
        const t = performance.now();
        times.push((await reception(cookie)) ? performance.now() - t : null);
      }
    }));
    latencyRow('reception in one step, 50 clients closed loop', times, 20, c.stop());
  }
  for (const rate of wanted('reception') ? [300, 200] : []) {
    const c = cpu.start();
    const times = await clientsAtRate(50, rate, 20, (k) => reception(cookies[k]));
    latencyRow(`reception in one step, 50 clients sharing ${rate}/s at random`, times, 20, c.stop());
  }

  // The write scenarios above add tens of thousands of dossiers in two minutes (a large center's month): vacuum and
  // checkpoint after them, as PostgreSQL would over the next minutes, to measure reads in a steady state.
  // (Reads while receptions run are measured separately at the end.)
  // The server is restarted too: tens of thousands of writes leave its heap full of garbage, and the young-generation
  // collections that follow pause for 8-11 ms instead of 2-5 ms, for a minute or two. That is the write burst's
  // after-effect, not the cost of a read; reads during writes are the last scenario, on the same server as writes.
  const settled = await settle(pgServer.url('motcua')); // CHECKPOINT needs the superuser
  console.log(`Vacuum, analyze and checkpoint after the writes: ${settled.toFixed(1)} s.`);
  if (!only || only.some((g) => g !== 'pairs' && g !== 'reception')) {
    client.close();
    await server.stop();
    server = await startServer({ root, env: serverEnv });
    base = server.base;
    client = leanClient(base);
    cpu = cpuMeter(server.pid, path.join(dir, 'pg', 'postmaster.pid'));
  }

  // 4. Reads: saturation with 10 connections, then latency at a fixed offered rate.
  const director = await login('giamdoc');
  const specialist = await login('cv.tp');
  let i = 0;
  const reads: [string, string, () => string, number][] = [
    ['lookup by code', director, () => `/api/v1/dossiers/${encodeURIComponent(codes[i++ % codes.length])}`, 200],
    ['department inbox, first page', specialist, () => '/api/v1/dossiers?inbox=1&limit=20', 100],
    ['overdue list, first page', director, () => '/api/v1/dossiers?overdue=1&limit=20&sort=due_asc', 100],
    ['search by applicant name', director, () => '/api/v1/dossiers?q=nguyen%20van%20an&limit=20', 50],
    ['search by citizen ID', director, () => `/api/v1/dossiers?idNumber=${sample[i++ % sample.length].id_number}&limit=20`, 50],
    ['search by phone', director, () => `/api/v1/dossiers?phone=${sample[i++ % sample.length].phone}&limit=20`, 50],
    // The public status page with its verifier (the last 4 digits of the applicant's phone), no session.
    ['public look-up by code and verifier', '', () => { const s = sample[i++ % sample.length]; return `/api/v1/public/dossiers/${encodeURIComponent(s.code)}?verifier=${s.phone.slice(-4)}`; }, 200],
  ];
  // Each read: 5 s of warm-up at the given rate (not recorded: JIT, caches), then the latency at that rate, then the
  // throughput flat out. Latency first: right after a saturating burst, the garbage it left makes the collector
  // pause longer for a while, which is the burst's after-effect, not the cost of the read.
  for (const [label, cookie, pathOf, rate] of reads.filter(([label]) => wanted(label.split(' ')[0]))) {
    const get = async () => {
      const t = performance.now();
      const res = await client.request('GET', pathOf(), { cookie });
      return res.status === 200 ? performance.now() - t : null;
    };
    await openLoop(rate, 5, get);
    const c2 = cpu.start();
    latencyRow(`${label}, ${rate} req/s arriving at random`, await openLoop(rate, 15, get), 15, c2.stop());
    const c = cpu.start();
    const r = await autocannon({ url: base, connections: 10, duration: 10, headers: { cookie }, requests: [{ setupRequest: (req: object) => ({ ...req, path: pathOf() }) }] });
    rows.push({ scenario: `${label}, 10 connections flat out`, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50,
      'p95 ms': r.latency.p97_5 ?? '', 'p99 ms': r.latency.p99, 'CPU ms/req (app + db)': c.stop().perRequest(r.requests.total), errors: r.non2xx + r.errors });
  }
  // 5. Lookups while receptions arrive: 200 lookups/s and 100 one-step receptions/s at the same time.
  if (wanted('mixed')) {
    const c = cpu.start();
    const [times] = await Promise.all([
      openLoop(200, 20, async () => {
        const t = performance.now();
        const res = await client.request('GET', `/api/v1/dossiers/${encodeURIComponent(codes[i++ % codes.length])}`, { cookie: director });
        return res.status === 200 ? performance.now() - t : null;
      }),
      clientsAtRate(50, 100, 20, (k) => reception(cookies[k])),
    ]);
    latencyRow('lookup by code, 200/s at random while 100 receptions/s arrive', times, 20, c.stop());
  }
  client.close();
  console.log(`\nDossiers in the database: ${total.toLocaleString('en')} (+ those registered above). Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores).`);
  console.log('p95 column: autocannon reports p97.5 for the "flat out" read scenarios.');
  console.table(rows);
} finally {
  // BENCH_SERVER_LOG=<file> keeps what the server printed (with BENCH_SERVER_NODE_ARGS=--trace-gc: its GC pauses).
  if (server && process.env.BENCH_SERVER_LOG) fs.writeFileSync(process.env.BENCH_SERVER_LOG, server.output());
  if (server) await server.stop();
  await pgServer.stop();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
}
