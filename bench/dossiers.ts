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
  const procs: Record<string, string> = { 'tn.tp': '2.000748', 'tn.tc': '1.001612', 'tn.dd': '1.003003', 'tn.xd': '1.009994', 'tn.ld': '1.001758', 'tn.ca': '1.001758', 'tn.th': '1.001612', 'tn.bh': '2.000748', 'tn.nv': '2.000748', 'tn.vh': '2.000748' };
  void procs;

  // 1. Registration + receipt: 50 workers, each loops register → receive for 20 s.
  const lat: { reg: number[]; rec: number[] } = { reg: [], rec: [] };
  let done = 0;
  let errors = 0;
  const until = Date.now() + 20_000;
  let seq = 0;
  await Promise.all(cookies.map(async (cookie) => {
    while (Date.now() < until) {
      const id = String(100_000_000 + seq++).padStart(12, '0');
      let t = performance.now();
      const r = await fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant: { fullName: 'Nguyễn Văn Bench', idNumber: id, phone: '0905000111' } }) });
      const body = (await r.json()) as { code?: string };
      lat.reg.push(performance.now() - t);
      if (r.status !== 201) { errors++; continue; }
      t = performance.now();
      const rr = await fetch(`${base}/api/v1/dossiers/${body.code}/receive`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });
      await rr.arrayBuffer();
      lat.rec.push(performance.now() - t);
      if (rr.status === 200) done++;
      else errors++;
    }
  }));
  lat.reg.sort((a, b) => a - b);
  lat.rec.sort((a, b) => a - b);
  const rows: Record<string, unknown>[] = [
    { scenario: 'register + receive (pairs)', 'req/s': Math.round(done / 20), 'p50 ms': `${pct(lat.reg, 50).toFixed(1)} / ${pct(lat.rec, 50).toFixed(1)}`, 'p95 ms': `${pct(lat.reg, 95).toFixed(1)} / ${pct(lat.rec, 95).toFixed(1)}`, 'p99 ms': `${pct(lat.reg, 99).toFixed(1)} / ${pct(lat.rec, 99).toFixed(1)}`, errors },
  ];

  // 2–4. Reads with autocannon.
  const director = await login('giamdoc');
  const specialist = await login('cv.tp');
  let i = 0;
  const reads: [string, string, () => string, number][] = [
    ['lookup by code', director, () => `/api/v1/dossiers/${encodeURIComponent(codes[i++ % codes.length])}`, 10],
    ['department inbox, first page', specialist, () => '/api/v1/dossiers?inbox=1&limit=20', 10],
    ['overdue list, first page', director, () => '/api/v1/dossiers?overdue=1&limit=20&sort=due_asc', 10],
    ['search by applicant name', director, () => '/api/v1/dossiers?q=nguyen%20van%20an&limit=20', 10],
  ];
  for (const [label, cookie, pathOf, connections] of reads) {
    const r = await autocannon({ url: base, connections, duration: 10, headers: { cookie }, requests: [{ setupRequest: (req: object) => ({ ...req, path: pathOf() }) }] });
    rows.push({ scenario: label, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p95 ms': r.latency.p97_5 ?? '', 'p99 ms': r.latency.p99, errors: r.non2xx + r.errors });
  }
  console.log(`\nDossiers in the database: ${total.toLocaleString('en')} (+ those registered above). Clients: 50 for writes, 10 for reads.`);
  console.table(rows);
} finally {
  if (server) await server.stop();
  await pgServer.stop();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
}
