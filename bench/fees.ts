/**
 * Fees: the pure fee calculation in-process (ops/s), then receipts issued through the API by 20 fee collectors at
 * once (receipts/s, p50/p99 latency), each on a dossier of their own with an amount due.
 * Run: npm run bench fees   (or: npx tsx bench/fees.ts; FEES_BENCH_SECONDS=20 for a longer API run,
 *      FEES_BENCH_COLLECTORS=1 to see one collector alone)
 *
 * The API part starts a real server (embedded PostgreSQL, demo data) and sets everything up through the API:
 * 20 collector accounts (admin), 20 dossiers registered and received by the reception clerk, each charged a
 * "theo quy định" amount of 1.000.000.000 đ so it never runs out, then every collector pays 1.000 đ in cash
 * again and again, each request waiting for the previous answer. All receipts come from the center's one active
 * series, so the run also measures the row lock that keeps the numbering gap-free; afterwards the numbers are
 * checked to be 1..n without a gap or a duplicate.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { prng } from '../src/platform/prng';
import { fileURLToPath } from 'node:url';
import {
  allocatePayment,
  balances,
  calculateFees,
  dossierFees,
  type FeeCalculationInput,
  type ReductionRule,
  type ScheduleItem,
} from '../src/modules/fees/domain/index';
import { startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLLECTORS = Number(process.env.FEES_BENCH_COLLECTORS ?? 20);
const SECONDS = Number(process.env.FEES_BENCH_SECONDS ?? 15);
const CENTER = '000.00.15.H57';

// ── In-process ──

const CERT: ScheduleItem = {
  code: 'F1', name: 'Phí chứng thực bản sao từ bản chính', amount: 2000, unit: 'per_page', tiers: [{ fromUnit: 3, amount: 1000 }], cap: 200_000,
  collectAt: 'reception', legalBasis: 'Thông tư 226/2016/TT-BTC', choiceGroup: null, centerSharePercent: 0, departmentCode: null,
};
const schedule: ScheduleItem[] = [
  { ...CERT },
  { ...CERT, code: 'F2', name: 'Lệ phí đăng ký', unit: 'per_dossier', amount: 75_000, tiers: undefined, cap: null },
  { ...CERT, code: 'F3', name: 'Phí cấp bản sao trích lục', unit: 'per_copy', amount: 8000, tiers: [{ fromUnit: 2, amount: 3000 }], cap: null, collectAt: 'return' },
  { ...CERT, code: 'F4', name: 'Phí thẩm định (1–3 phòng)', unit: 'per_dossier', amount: 4_000_000, tiers: undefined, cap: null, choiceGroup: 'g' },
  { ...CERT, code: 'F5', name: 'Phí thẩm định (4–5 phòng)', unit: 'per_dossier', amount: 6_000_000, tiers: undefined, cap: null, choiceGroup: 'g' },
];
const rules: ReductionRule[] = [
  { code: 'HT-MIEN', name: 'Miễn cho hộ nghèo', categories: ['poor_household'], appliesTo: ['F2'], kind: 'exempt', legalBasis: 'Thông tư 85/2019/TT-BTC' },
  { code: 'TT-50', name: 'Giảm 50% khi nộp trực tuyến', categories: ['online_submission'], appliesTo: 'all', kind: 'percent', percent: 50, legalBasis: 'Nghị quyết HĐND' },
];


const COUNT = 200_000;
const rnd = prng(6);
const quantities = Array.from({ length: COUNT }, () => ({ pages: 1 + Math.floor(rnd() * 300), copies: 1 + Math.floor(rnd() * 5) }));
const categories = Array.from({ length: COUNT }, () => (rnd() < 0.2 ? ['poor_household'] : rnd() < 0.3 ? ['online_submission'] : []));

function measure(name: string, fn: (i: number) => number): { operation: string; 'ops/s': number; 'µs/op': number } {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += fn(i); // warm-up (JIT)
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) sink += fn(i);
  const elapsed = performance.now() - started;
  if (sink === -1) console.log(sink);
  return { operation: name, 'ops/s': Math.round((COUNT / elapsed) * 1000), 'µs/op': Math.round((elapsed * 1000 / COUNT) * 100) / 100 };
}

const one: FeeCalculationInput = { items: [CERT], quantities: { pages: 10 } };
const inProcess = [
  measure('calculateFees: certification, tiers + cap per copy (1 item)', (i) => calculateFees({ ...one, quantities: quantities[i] }).total),
  measure('calculateFees: 3 items, tiers, reductions by category', (i) =>
    calculateFees({ items: schedule.slice(0, 3), quantities: quantities[i], categories: categories[i], rules }).total),
  measure('dossierFees: schedule with a choice + rules + tier text', (i) =>
    dossierFees(schedule, rules, { pages: quantities[i].pages, copies: quantities[i].copies, selected: ['F5'], categories: categories[i] }).total),
  measure('dossierFees + allocatePayment (a partial payment)', (i) => {
    const f = dossierFees(schedule, rules, { pages: quantities[i].pages, copies: quantities[i].copies, selected: ['F4'] });
    return allocatePayment(balances(f.lines, {}), 1 + (i % f.total)).length;
  }),
];
console.log(`\nFee calculation in-process (${COUNT.toLocaleString('en')} calls each, inputs from a seeded generator):`);
console.table(inProcess);

// ── Through the API ──

/** Parsed JSON answers; the bench reads a few fields and checks them at run time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(base: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const r = await fetch(base + url, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : null };
}

async function login(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return r.headers.get('set-cookie')!.split(';')[0];
}

async function must(p: Promise<{ status: number; json: Json }>, expected: number, what: string) {
  const r = await p;
  if (r.status !== expected) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x: number) => Math.round(x * 10) / 10;

async function setup(base: string): Promise<{ cookie: string; code: string }[]> {
  const admin = await login(base, 'admin');
  const centers = await must(call(base, admin, 'GET', '/api/v1/centers'), 200, 'centers');
  const center = (centers.items ?? centers).find((c: { code: string }) => c.code === CENTER);
  const clerk = await login(base, 'tn.nn');
  const out: { cookie: string; code: string }[] = [];
  for (let i = 1; i <= COLLECTORS; i++) {
    const username = `bench.thu${String(i).padStart(2, '0')}`;
    await must(call(base, admin, 'POST', '/api/v1/admin/users', { username, fullName: `Người thu ${i}`, password: 'motcua-demo', roles: ['fee_collector'], centerId: center.id }), 201, 'create collector');
    const dossier = await must(call(base, clerk, 'POST', '/api/v1/dossiers', {
      procedure: 'H57-TAM-NN-02', channel: 'direct',
      applicant: { fullName: `Nguyễn Văn Bench ${i}`, idNumber: `04619${String(Date.now()).slice(-5)}${String(i).padStart(2, '0')}`, phone: '0905123456' },
    }), 201, 'register');
    const code = encodeURIComponent(dossier.code);
    await must(call(base, clerk, 'POST', `/api/v1/dossiers/${code}/receive`, {}), 200, 'receive');
    const fees = await must(call(base, clerk, 'PUT', `/api/v1/dossiers/${code}/fees/quantities`, { manualAmounts: { F1: 1_000_000_000 } }), 200, 'fee quantities');
    if (fees.due !== 1_000_000_000) throw new Error(`dossier ${dossier.code} owes ${fees.due}`);
    out.push({ cookie: await login(base, username), code });
  }
  return out;
}

/** Every collector pays 1.000 đ in cash, again and again, for `seconds`; returns latencies and receipt numbers. */
async function collect(base: string, collectors: { cookie: string; code: string }[], seconds: number) {
  const latencies: number[] = [];
  const numbers: { series: string; number: number }[] = [];
  const failures: string[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(collectors.map(async ({ cookie, code }) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const r = await call(base, cookie, 'POST', `/api/v1/dossiers/${code}/payments`, { method: 'cash', amount: 1000 });
      latencies.push(performance.now() - t0);
      if (r.status === 201) numbers.push({ series: r.json.series, number: r.json.number });
      else failures.push(`${r.status} ${r.json?.code}`);
    }
  }));
  return { latencies, numbers, failures, elapsed: (performance.now() - started) / 1000 };
}

const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const server = await startServer({ root });
let api;
try {
  const collectors = await setup(server.base);
  // A short warm-up (JIT, connection pool, the series row), not counted.
  await collect(server.base, collectors, 2);
  const before = load();
  const run = await collect(server.base, collectors, SECONDS);
  const after = load();
  if (run.failures.length) throw new Error(`failed payments: ${run.failures.slice(0, 5).join(', ')} (${run.failures.length})`);
  // Gap-free: the run's numbers follow the warm-up's without a hole or a duplicate, in one series.
  const series = new Set(run.numbers.map((n) => n.series));
  const sorted = run.numbers.map((n) => n.number).sort((a, b) => a - b);
  const contiguous = series.size === 1 && sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1);
  if (!contiguous) throw new Error('receipt numbers are not contiguous');
  const director = await login(server.base, 'giamdoc');
  const list = await must(call(server.base, director, 'GET', '/api/v1/fees/receipt-series'), 200, 'series');
  const active = list.items.find((s: { active: boolean }) => s.active);
  if (active.issued !== sorted[sorted.length - 1]) throw new Error(`series says ${active.issued} issued, last number ${sorted[sorted.length - 1]}`);
  api = {
    scenario: `${COLLECTORS} collectors, own dossier each, cash 1.000 đ, ${SECONDS} s`,
    'receipts/s': Math.round(run.numbers.length / run.elapsed),
    'p50 ms': ms(pct(run.latencies, 50)),
    'p99 ms': ms(pct(run.latencies, 99)),
    'max ms': ms(Math.max(...run.latencies)),
    receipts: run.numbers.length,
  };
  console.log(`\nReceipts through POST /api/v1/dossiers/{code}/payments (one server, loopback; load average before ${before}, after ${after}):`);
  console.table([api]);
  console.log(`Numbering checked: receipts ${active.symbol}/${sorted[0]}…${sorted[sorted.length - 1]} contiguous, no gap or duplicate; the series counts ${active.issued} issued in ${active.books.length} book(s).`);
  console.log(`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`);
} finally {
  await server.stop();
}
