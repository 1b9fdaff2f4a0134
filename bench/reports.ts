// Reports at volume: the settlement report and the dashboard over 1,000,000 generated dossiers (bench/dossiers-data.ts:
// 2 centers, 3 years), through the real HTTP server in its own process. Each request is timed end to end (HTTP,
// query, JSON), 7 times after 2 warm-up calls; the table gives the median and the slowest.
// Run: `npx tsx bench/reports.ts [perDay]` (default 640 ≈ 1M). BENCH_KEEP_DIR=<dir> keeps (and reuses) the data, the
// same directory bench/dossiers.ts keeps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool } from '../src/platform/db';
import { ensureDatabase, startEmbeddedPostgres } from '../src/platform/embedded-pg';
import { migrate } from '../src/platform/migrate';
import { seedIfEmpty } from '../src/seed';
import { generateDossiers } from './dossiers-data';
import { freePort, startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const perDay = Number(process.argv[2] ?? 640);
const keepDir = process.env.BENCH_KEEP_DIR;
const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-reports-'));
fs.mkdirSync(dir, { recursive: true });
fs.chmodSync(dir, 0o755);
const reuse = keepDir !== undefined && fs.existsSync(path.join(dir, 'generated'));
const pgServer = await startEmbeddedPostgres(dir, await freePort());
let server: Awaited<ReturnType<typeof startServer>> | undefined;

const day = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (s: string, n: number) => day(new Date(Date.parse(`${s}T12:00:00+07:00`) + n * 86_400_000));

try {
  await ensureDatabase(pgServer.url('postgres'), 'motcua');
  const url = pgServer.url('motcua');
  const db = createPool(url, 2);
  await migrate(db);
  await seedIfEmpty(db, { demo: true });
  if (reuse) console.log(`Reusing the generated dossiers in ${dir}`);
  else {
    console.log(`Generating dossiers (${perDay} per center per weekday over 3 years)…`);
    await generateDossiers(url, perDay, 1095);
    if (keepDir) fs.writeFileSync(path.join(dir, 'generated'), new Date().toISOString());
  }
  await db.query('VACUUM ANALYZE dossiers');
  const total = (await db.query('SELECT count(*)::int AS n FROM dossiers')).rows[0].n;
  const open = (await db.query(`SELECT count(*)::int AS n FROM dossiers WHERE received_at IS NOT NULL AND ended_at IS NULL`)).rows[0].n;
  const index = (await db.query(`SELECT pg_size_pretty(pg_relation_size('dossiers_report')) AS s`)).rows[0].s;
  await db.end();

  server = await startServer({ root, env: { DATABASE_URL: url, MOTCUA_DEMO: '0' } });
  const base = server.base;
  const login = async (u: string) => {
    const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: 'motcua-demo' }) });
    return (r.headers.getSetCookie()[0] ?? '').split(';')[0];
  };
  const director = await login('giamdoc');
  const province = await login('tinh');
  const today = day(new Date());
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthEnd = addDays(monthStart, -1);
  const lastMonthStart = `${lastMonthEnd.slice(0, 8)}01`;
  const yearAgo = addDays(today, -364);
  const threeYears = addDays(today, -1100);
  const cases: [string, string, string][] = [
    ['dashboard, one center', director, '/api/v1/dashboard'],
    ['dashboard, all centers', province, '/api/v1/dashboard'],
    ['settlement, this month, one center, by field', director, `/api/v1/reports/settlement?from=${monthStart}&to=${today}&groupBy=field`],
    ['settlement, last month, one center, by field', director, `/api/v1/reports/settlement?from=${lastMonthStart}&to=${lastMonthEnd}&groupBy=field`],
    ['settlement, last month, all centers, by department', province, `/api/v1/reports/settlement?from=${lastMonthStart}&to=${lastMonthEnd}&groupBy=department`],
    ['settlement, last 12 months, one center, by field', director, `/api/v1/reports/settlement?from=${yearAgo}&to=${today}&groupBy=field`],
    ['settlement, 3 years (every dossier), all centers, by field', province, `/api/v1/reports/settlement?from=${threeYears}&to=${today}&groupBy=field`],
    ['settlement, 3 years, all centers, by department', province, `/api/v1/reports/settlement?from=${threeYears}&to=${today}&groupBy=department`],
    ['settlement PDF, last 12 months, one center', director, `/api/v1/reports/settlement.pdf?from=${yearAgo}&to=${today}`],
    ['settlement Excel, last 12 months, one center', director, `/api/v1/reports/settlement.xlsx?from=${yearAgo}&to=${today}`],
  ];
  const rows: Record<string, unknown>[] = [];
  for (const [label, cookie, p] of cases) {
    const times: number[] = [];
    let received = 0;
    for (let k = 0; k < 9; k++) {
      const t = performance.now();
      const r = await fetch(base + p, { headers: { cookie } });
      const body = await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${label}: HTTP ${r.status} ${Buffer.from(body).toString().slice(0, 200)}`);
      if (k >= 2) times.push(performance.now() - t);
      if (k === 2 && p.includes('settlement?')) received = (JSON.parse(Buffer.from(body).toString()) as { total: { received: { total: number } } }).total.received.total;
    }
    times.sort((a, b) => a - b);
    rows.push({ request: label, 'median ms': Math.round(times[3]), 'max ms': Math.round(times[6]), 'dossiers counted': received || '' });
  }
  console.log(`\nDossiers: ${total.toLocaleString('en')}, open: ${open.toLocaleString('en')}; report index dossiers_report: ${index}.`);
  console.log(`Load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (${os.cpus().length} cores).`);
  console.table(rows);
} finally {
  if (server) await server.stop();
  await pgServer.stop();
  if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
}
