/**
 * Memory and latency of the compiled server (`npm start` runs dist/main.js) in three situations:
 *   1. idle, after start-up;
 *   2. 2,000 receptions in one step (`POST /dossiers` with `receive: true`) by 20 clerks at once;
 *   3. PDFs: fee receipts one at a time (latency, CPU per PDF), the receipt-and-appointment slip one at a time,
 *      then 40 fee receipts requested at the same moment — the burst that drove RSS to 753 MB when pdfmake ran
 *      on the event loop.
 * RSS is the server process's (its PDF worker threads included), read from /proc every 50 ms; "after" is 15 s
 * after the burst. Targets: RSS < 300 MB throughout, fee receipt PDF p50 < 50 ms.
 *
 * Run: `npm run bench runtime` (or `npx tsx bench/runtime.ts`). The server runs on its own embedded PostgreSQL and
 * a throw-away data directory, on loopback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './lib/server.mjs';
// @ts-expect-error plain ESM script without types
import { buildIfStale } from '../scripts/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildIfStale(root);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const cpuMs = (pid: number) => {
  // utime + stime, fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command), in clock ticks (100/s).
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

/** Samples the server's RSS every 50 ms between start() and stop(). */
function rssSampler(pid: number) {
  let max = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    start() {
      max = rssMb(pid);
      timer = setInterval(() => (max = Math.max(max, rssMb(pid))), 50);
    },
    stop() {
      clearInterval(timer);
      return Math.max(max, rssMb(pid));
    },
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const server = await startServer({ root, compiled: true });
const { base, pid } = server;

async function call(cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: Json; bytes: number }> {
  const r = await fetch(base + url, { method, headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, body: body !== undefined ? JSON.stringify(body) : undefined });
  const buf = Buffer.from(await r.arrayBuffer());
  const json = (r.headers.get('content-type') ?? '').includes('json') && buf.length ? JSON.parse(buf.toString('utf8')) : {};
  return { status: r.status, json, bytes: buf.length };
}
async function login(username: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'motcua-demo' }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
  return r.headers.get('set-cookie')!.split(';')[0];
}
async function must(p: Promise<{ status: number; json: Json }>, expected: number, what: string): Promise<Json> {
  const r = await p;
  if (r.status !== expected) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}
let serial = 0;
const applicant = () => {
  serial++;
  return { fullName: `Nguyễn Văn Đo Tải ${serial}`, idNumber: `0461${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(5, '0')}`, phone: '0905123456' };
};

const rows: { scenario: string; requests: number; p50: number | string; p95: number | string; p99: number | string; rssMax: number; extra: string }[] = [];
try {
  // 1. Idle.
  await sleep(10_000);
  const idle = rssSampler(pid);
  idle.start();
  await sleep(5_000);
  rows.push({ scenario: 'idle (10 s after start)', requests: 0, p50: '—', p95: '—', p99: '—', rssMax: r1(idle.stop()), extra: '' });

  // 2. 2,000 receptions in one step by 20 clerks.
  const clerks = await Promise.all(Array.from({ length: 20 }, () => login('tn.nn')));
  const receptions = rssSampler(pid);
  const latencies: number[] = [];
  let left = 2000;
  let failed = 0;
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  receptions.start();
  await Promise.all(clerks.map(async (cookie) => {
    while (left-- > 0) {
      const s = performance.now();
      const r = await call(cookie, 'POST', '/api/v1/dossiers', { procedure: 'H57-TAM-NN-02', channel: 'direct', applicant: applicant(), receive: true });
      latencies.push(performance.now() - s);
      if (r.status !== 201) failed++;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  rows.push({
    scenario: '2,000 receptions in one step, 20 clients', requests: latencies.length, p50: r1(pct(latencies, 50)), p95: r1(pct(latencies, 95)), p99: r1(pct(latencies, 99)),
    rssMax: r1(receptions.stop()), extra: `${Math.round(latencies.length / seconds)}/s, ${r1((cpuMs(pid) - cpu0) / latencies.length)} ms app CPU/req${failed ? `, ${failed} failed` : ''}`,
  });

  // 3. PDFs. A dossier with a fee paid in 150 instalments: 150 different receipts, each with its own VietQR code
  // (the amount still due differs), so no two PDFs in a run are alike.
  const clerk = clerks[0];
  const d = await must(call(clerk, 'POST', '/api/v1/dossiers', { procedure: 'H57-TAM-NN-02', channel: 'direct', applicant: applicant(), receive: true }), 201, 'register');
  const code = encodeURIComponent(d.code);
  await must(call(clerk, 'PUT', `/api/v1/dossiers/${code}/fees/quantities`, { manualAmounts: { F1: 1_000_000 } }), 200, 'fees');
  const collector = await login('thuphi');
  const receiptUrls: string[] = [];
  for (let i = 0; i < 150; i++) {
    const receipt = await must(call(collector, 'POST', `/api/v1/dossiers/${code}/payments`, { method: 'cash', amount: 1_000 }), 201, 'payment');
    receiptUrls.push(`/api/v1/receipts/${receipt.id}.pdf`);
  }
  const slipUrl = `/api/v1/dossiers/${code}/forms/receipt.pdf`;

  async function sequential(urls: string[]) {
    for (let i = 0; i < 5; i++) await must(call(collector, 'GET', urls[urls.length - 1 - i]), 200, 'warm-up'); // workers started, fonts parsed
    const lat: number[] = [];
    const c0 = cpuMs(pid);
    const sampler = rssSampler(pid);
    sampler.start();
    let bytes = 0;
    for (const url of urls) {
      const s = performance.now();
      const r = await call(collector, 'GET', url);
      lat.push(performance.now() - s);
      if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
      bytes = r.bytes;
    }
    return { lat, cpu: (cpuMs(pid) - c0) / urls.length, rss: sampler.stop(), bytes };
  }
  const fee = await sequential(receiptUrls.slice(0, 100));
  rows.push({ scenario: 'fee receipt PDF (A5), one at a time, 100 different receipts', requests: 100, p50: r1(pct(fee.lat, 50)), p95: r1(pct(fee.lat, 95)), p99: r1(pct(fee.lat, 99)), rssMax: r1(fee.rss), extra: `${r1(fee.cpu)} ms app CPU/PDF, ${Math.round(fee.bytes / 1024)} KB` });
  const slip = await sequential(Array(50).fill(slipUrl));
  rows.push({ scenario: 'receipt-and-appointment slip PDF (A4), one at a time', requests: 50, p50: r1(pct(slip.lat, 50)), p95: r1(pct(slip.lat, 95)), p99: r1(pct(slip.lat, 99)), rssMax: r1(slip.rss), extra: `${r1(slip.cpu)} ms app CPU/PDF, ${Math.round(slip.bytes / 1024)} KB` });

  const burst = rssSampler(pid);
  burst.start();
  const b0 = performance.now();
  const burstLat = await Promise.all(receiptUrls.slice(100, 140).map(async (url) => {
    const s = performance.now();
    const r = await call(collector, 'GET', url);
    if (r.status !== 200) throw new Error(`burst: ${r.status}`);
    return performance.now() - s;
  }));
  const batch = performance.now() - b0;
  const burstRss = burst.stop();
  await sleep(15_000);
  rows.push({ scenario: '40 fee receipt PDFs at once', requests: 40, p50: r1(pct(burstLat, 50)), p95: r1(pct(burstLat, 95)), p99: r1(pct(burstLat, 99)), rssMax: r1(burstRss), extra: `batch ${r1(batch / 1000)} s; RSS 15 s later ${r1(rssMb(pid))} MB` });
} finally {
  await server.stop();
}

console.log(`\nServer: compiled, dist/main.js, ${os.availableParallelism()} cores, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| scenario | requests | p50 ms | p95 ms | p99 ms | RSS max MB | notes |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.scenario} | ${r.requests} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.rssMax} | ${r.extra} |`);
