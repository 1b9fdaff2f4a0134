import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { cachedWorkload, type CenterWorkload } from '../../src/modules/metrics/workload';
import { createSecondApp, createTestApp, type TestApp } from '../support/app';
import { applicant, register } from '../support/dossiers';

// GET /metrics: Prometheus text with the request histogram by route pattern, process and pool figures, and each
// center's workload; readable from this machine, or from elsewhere with MOTCUA_METRICS_TOKEN.
const HT = '000.00.15.H57';
const HUE = '000.00.11.H57';
const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample line, e.g. value(text, 'motcua_dossiers_open{center="…"}'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics content', () => {
  let t: TestApp;
  let clerk: string;
  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-03-10T08:00:00+07:00') });
    clerk = await t.login('tn.tp');
  });
  afterAll(async () => t.close());
  const scrape = async (app = t.app) => {
    const r = await app.inject({ url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return r.body;
  };

  it("counts each center's open and overdue dossiers and today's waiting tickets, computed at most every 5 s", async () => {
    const dossiers = [];
    for (let i = 1; i <= 3; i++) dossiers.push(await register(t, clerk, { applicant: applicant(i), receive: true }));
    for (let i = 0; i < 2; i++) expect((await t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'TP' } })).statusCode).toBe(201);

    const first = await scrape();
    expect(value(first, `motcua_dossiers_open{center="${HT}"}`)).toBe(3);
    expect(value(first, `motcua_dossiers_overdue{center="${HT}"}`)).toBe(0);
    expect(value(first, `motcua_queue_tickets_waiting{center="${HT}"}`)).toBe(2);
    // A center with nothing open is there, at 0.
    expect(value(first, `motcua_dossiers_open{center="${HUE}"}`)).toBe(0);
    expect(value(first, `motcua_queue_tickets_waiting{center="${HUE}"}`)).toBe(0);

    // A year later (every appointment passed) and one more dossier: this app still shows its snapshot of < 5 s ago…
    (t.clock as ManualClock).set(new Date('2026-03-10T08:00:00+07:00'));
    clerk = await t.login('tn.tp'); // the session of a year ago has expired
    await register(t, clerk, { applicant: applicant(9), receive: true });
    expect(value(await scrape(), `motcua_dossiers_open{center="${HT}"}`)).toBe(3);
    // …and a fresh instance (same database) counts anew: 4 open, the 3 old ones overdue, no ticket waiting today.
    const b = await createSecondApp(t);
    try {
      const now = await scrape(b.app);
      expect(value(now, `motcua_dossiers_open{center="${HT}"}`)).toBe(4);
      expect(value(now, `motcua_dossiers_overdue{center="${HT}"}`)).toBe(3);
      expect(value(now, `motcua_queue_tickets_waiting{center="${HT}"}`)).toBe(0);
    } finally {
      await b.close();
    }
    // What the overdue list says, for the same moment.
    const list = await t.app.inject({ url: '/api/v1/dossiers?overdue=1', headers: { cookie: await t.login('giamdoc') } });
    expect(list.json().total ?? list.json().items.length).toBe(3);
    expect(dossiers).toHaveLength(3);
  });

  it('times requests by route pattern and status, not by raw URL', async () => {
    const code = (await register(t, clerk, { applicant: applicant(20) })).code;
    expect((await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}`, headers: { cookie: clerk } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/dossiers/000.00.15.H57-000000-9999', headers: { cookie: clerk } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/khong-co-duong-nay' })).statusCode).toBe(404);
    const text = await scrape();
    expect(value(text, 'motcua_http_request_duration_seconds_count{method="GET",route="/api/v1/dossiers/:code",status_code="200"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'motcua_http_request_duration_seconds_count{method="GET",route="/api/v1/dossiers/:code",status_code="404"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'motcua_http_request_duration_seconds_count{method="POST",route="/api/v1/dossiers",status_code="201"}')).toBeGreaterThanOrEqual(1);
    // A path no API route matches: "unmatched", or the web app's catch-all "/*" when web/dist is built.
    expect(text).toMatch(/^motcua_http_request_duration_seconds_count\{method="GET",route="(unmatched|\/\*)",status_code="404"\} [1-9]/m);
    expect(text).toContain('motcua_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/v1/dossiers/:code",status_code="200"}');
    expect(text).not.toContain(code);
    expect(text).not.toContain('khong-co-duong-nay');
  });

  it('reports the event loop, the process, the database pool and the PDF workers', async () => {
    const text = await scrape();
    for (const series of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'motcua_db_pool_max', 'motcua_pdf_jobs_queued']) {
      expect(value(text, series), series).toBeGreaterThanOrEqual(0);
    }
    expect(value(text, 'motcua_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'motcua_db_pool_connections{state="waiting"}')).toBe(0);
    expect(value(text, 'motcua_db_pool_max')).toBe(10);
    expect(value(text, 'motcua_pdf_workers{state="max"}')).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /metrics without the database', () => {
  it('still answers with the process and pool figures, no per-center samples and motcua_workload_up 0', async () => {
    const t = await createTestApp();
    const b = await createSecondApp(t);
    try {
      await b.db.end();
      const r = await b.app.inject({ url: '/metrics' });
      expect(r.statusCode).toBe(200);
      expect(value(r.body, 'motcua_workload_up')).toBe(0);
      expect(r.body).not.toMatch(/^motcua_dossiers_open\{/m);
      expect(value(r.body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(value(r.body, 'motcua_db_pool_connections{state="total"}')).toBe(0);
      expect(value(await scrapeText(t.app), 'motcua_workload_up')).toBe(1);
    } finally {
      await b.app.close();
      await t.close();
    }
  });
});

const scrapeText = async (app: TestApp['app']) => (await app.inject({ url: '/metrics' })).body;

describe('cachedWorkload', () => {
  it('runs one query per period however many scrapes, and retries at once after a failure', async () => {
    let now = 0;
    let calls = 0;
    let fail = false;
    const rows: CenterWorkload[] = [{ center: HT, dossiersOpen: 1, dossiersOverdue: 0, ticketsWaiting: 0 }];
    const get = cachedWorkload(async () => {
      calls++;
      if (fail) throw new Error('database down');
      return rows;
    }, 5_000, () => now);
    await Promise.all([get(), get(), get()]);
    expect(calls).toBe(1);
    now = 4_999;
    await get();
    expect(calls).toBe(1);
    now = 5_000;
    fail = true;
    await expect(get()).rejects.toThrow('database down');
    fail = false;
    await expect(get()).resolves.toEqual(rows);
    expect(calls).toBe(3);
  });
});

describe('who may read /metrics', () => {
  const apps: TestApp[] = [];
  afterAll(async () => Promise.all(apps.map((a) => a.close())));
  const app = async (config: { metricsToken?: string; trustProxy?: boolean } = {}) => {
    const a = await createTestApp({ config });
    apps.push(a);
    return a.app;
  };

  it('without a token: this machine only (IPv4 and IPv6 loopback); anyone else gets a Vietnamese 403', async () => {
    const a = await app();
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    expect((await a.inject({ url: '/metrics', remoteAddress: '::ffff:127.0.0.1' })).statusCode).toBe(200);
    const r = await a.inject({ url: '/metrics', remoteAddress: '10.0.0.7' });
    expect(r.statusCode).toBe(403);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json()).toMatchObject({ code: 'METRICS_LOOPBACK_ONLY', detail: 'Số liệu giám sát chỉ xem được từ chính máy chủ (hoặc với mã truy cập MOTCUA_METRICS_TOKEN).' });
    // A bearer token when none is configured opens nothing, even from this machine.
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(401);
  });

  it('with MOTCUA_METRICS_TOKEN: the right bearer token from anywhere; none or a wrong one is a 401', async () => {
    const a = await app({ metricsToken: TOKEN });
    expect((await a.inject({ url: '/metrics', remoteAddress: '10.0.0.7', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    const none = await a.inject({ url: '/metrics', remoteAddress: '10.0.0.7' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED', detail: 'Cần mã truy cập (Authorization: Bearer …) để xem số liệu giám sát.' });
    const wrong = await a.inject({ url: '/metrics', remoteAddress: '10.0.0.7', headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'METRICS_TOKEN_INVALID', detail: 'Mã truy cập số liệu giám sát không đúng.' });
    expect((await a.inject({ url: '/metrics', remoteAddress: '10.0.0.7', headers: { authorization: `Basic ${TOKEN}` } })).statusCode).toBe(401);
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
  });

  it('behind a proxy (MOTCUA_TRUST_PROXY=1) loopback is the proxy: the token is always required', async () => {
    const a = await app({ trustProxy: true, metricsToken: TOKEN });
    const viaProxy = await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(viaProxy.statusCode).toBe(401);
    // Even a forwarded address of 127.0.0.1 proves nothing: anybody can send that header through the proxy.
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(401);
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(401);
    expect((await a.inject({ url: '/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(200);
    const noToken = await app({ trustProxy: true });
    expect((await noToken.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(403);
  });

  it('over real sockets: 200 on the loopback address, 403 on the machine’s network address', async () => {
    const a = await app();
    await a.listen({ host: '0.0.0.0', port: 0 });
    const port = (a.server.address() as { port: number }).port;
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    const external = Object.values(os.networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) expect((await fetch(`http://${external.address}:${port}/metrics`)).status).toBe(403);
  });
});
