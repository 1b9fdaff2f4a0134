// Queue: call-to-board latency through PostgreSQL LISTEN/NOTIFY and SSE (one instance and across two instances
// sharing one database), and kiosk tickets issued per second (autocannon, 20 and 50 concurrent kiosks).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { TextDecoder } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CENTER = '000.00.15.H57';
const FIELDS = ['YT', 'TP', 'GD', 'VH', 'LD', 'NV', 'NN', 'MT', 'XD', 'TC', 'DD', 'CA', 'TH', 'BH'];
const CALLS = Number(process.env.QUEUE_BENCH_CALLS ?? 300);

/** A board client: keeps the SSE stream open and resolves waiters when a `call` event for a ticket arrives. */
async function board(base) {
  const res = await fetch(`${base}/api/v1/queue/board/stream?center=${CENTER}`);
  if (!res.ok) throw new Error(`stream: ${res.status}`);
  const waiting = new Map();
  let ready;
  const snapshot = new Promise((r) => (ready = r));
  const ac = { closed: false };
  void (async () => {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    while (!ac.closed) {
      const { value, done } = await reader.read().catch(() => ({ done: true }));
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
        const lines = buf.slice(0, i).split('\n');
        buf = buf.slice(i + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event === 'snapshot') ready();
        if (event === 'call') {
          const at = performance.now();
          const { ticketId } = JSON.parse(data);
          waiting.get(ticketId)?.(at);
          waiting.delete(ticketId);
        }
      }
    }
  })();
  await snapshot;
  return {
    expect(ticketId) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no call event for ${ticketId}`)), 10_000);
        waiting.set(ticketId, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
    },
    close() {
      ac.closed = true;
      res.body.cancel().catch(() => undefined);
    },
  };
}

async function json(url, init) {
  const r = await fetch(url, init);
  if (!r.ok && r.status !== 204) throw new Error(`${init?.method ?? 'GET'} ${url}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) => Math.round(x * 10) / 10;

async function latency(a, b, label, load) {
  const login = await fetch(`${a.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tn.tp', password: 'motcua-demo' }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const counters = await json(`${a.base}/api/v1/queue/counters?center=${CENTER}`);
  const counter = counters.items.find((c) => c.number === 2).id;
  const boardA = await board(a.base);
  const boardB = await board(b.base);
  const same = [];
  const other = [];
  const http = [];
  // Background kiosks on the other fields: `load` tickets per second in all (0: none; Infinity: as fast as they can).
  const rate = Number.isFinite(load) ? { overallRate: load } : {};
  const kiosks = load ? autocannon({ url: a.base, connections: 20, duration: 3600, ...rate, requests: kioskRequests(FIELDS.filter((f) => f !== 'TP')) }) : null;
  try {
    for (let i = 0; i < CALLS; i++) {
      const ticket = await json(`${a.base}/api/v1/queue/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ center: CENTER, field: 'TP' }) });
      const onA = boardA.expect(ticket.id);
      const onB = boardB.expect(ticket.id);
      const t0 = performance.now();
      const r = await json(`${a.base}/api/v1/queue/counters/${counter}/call-next`, { method: 'POST', headers: { cookie } });
      http.push(performance.now() - t0);
      if (r.ticket.id !== ticket.id) throw new Error('called another ticket than the one just issued');
      same.push((await onA) - t0);
      other.push((await onB) - t0);
    }
  } finally {
    if (kiosks) {
      kiosks.stop();
      await kiosks;
    }
    boardA.close();
    boardB.close();
  }
  return [
    { scenario: `${label}: call-next HTTP response`, calls: http.length, 'p50 ms': ms(pct(http, 50)), 'p99 ms': ms(pct(http, 99)), 'max ms': ms(Math.max(...http)) },
    { scenario: `${label}: call → board, same instance`, calls: same.length, 'p50 ms': ms(pct(same, 50)), 'p99 ms': ms(pct(same, 99)), 'max ms': ms(Math.max(...same)) },
    { scenario: `${label}: call → board, other instance`, calls: other.length, 'p50 ms': ms(pct(other, 50)), 'p99 ms': ms(pct(other, 99)), 'max ms': ms(Math.max(...other)) },
  ];
}

function kioskRequests(fields) {
  let i = 0;
  return [{
    method: 'POST',
    path: '/api/v1/queue/tickets',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ center: CENTER, field: fields[i++ % fields.length] }) }),
  }];
}

async function issuing(base, connections, fields) {
  const result = await autocannon({ url: base, connections, duration: 10, requests: kioskRequests(fields) });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { scenario: `${connections} kiosks, ${fields.length === 1 ? `one field (${fields[0]})` : `${fields.length} fields`}`, 'tickets/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, tickets: result.requests.total };
}

/** Every queue of every day numbered 1..n with no gap and no duplicate. */
async function checkNumbering(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const r = await c.query(`SELECT queue_code, day, count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq) AS m FROM queue_tickets GROUP BY 1, 2`);
  await c.end();
  const bad = r.rows.filter((x) => x.n !== x.d || x.n !== x.m);
  if (bad.length) throw new Error(`numbering gaps or duplicates: ${JSON.stringify(bad)}`);
  return r.rows.reduce((s, x) => s + x.n, 0);
}

// Kiosks issue tickets in the center's public hours only: both servers' clocks start on a working morning.
const CLOCK = { MOTCUA_CLOCK_START: '2026-03-10T09:00:00+07:00' };
const a = await startServer({ root, env: CLOCK });
let b;
const latencyRows = [];
const issueRows = [];
let total;
try {
  // Demo mode (the database is seeded already, so nothing is loaded twice) for the shifted clock.
  b = await startServer({ root, env: { DATABASE_URL: a.databaseUrl(), MOTCUA_DEMO: '1', ...CLOCK } });
  latencyRows.push(...(await latency(a, b, 'idle', 0)));
  latencyRows.push(...(await latency(a, b, '20 kiosks at 10 tickets/s', 10)));
  latencyRows.push(...(await latency(a, b, '20 kiosks flat out', Infinity)));
  issueRows.push(await issuing(a.base, 20, FIELDS));
  issueRows.push(await issuing(a.base, 50, FIELDS));
  issueRows.push(await issuing(a.base, 50, ['TP']));
  total = await checkNumbering(a.databaseUrl());
} finally {
  await b?.stop();
  await a.stop();
}
console.log(`\nCall-to-board latency (${CALLS} sequential calls; the board on instance B is another process sharing A's PostgreSQL):`);
console.table(latencyRows);
console.log('\nKiosk tickets through POST /api/v1/queue/tickets (autocannon, 10 s each, one instance):');
console.table(issueRows);
console.log(`Numbering checked: ${total} tickets, every queue numbered 1..n without gap or duplicate.`);
