import type { FastifyPluginAsync } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { LOOPBACK_OR_TOKEN } from '../../http/access';
import { cachedWorkload, centerWorkload } from './workload';

// GET /metrics in the Prometheus text format: request durations by route pattern and status, the process (memory,
// CPU, event-loop lag, GC), the database pool, the PDF workers, and each center's workload. Who may read it:
// src/http/access.ts (loopback, or MOTCUA_METRICS_TOKEN).

// Process metrics are per process (they read process-wide counters), so one registry however many apps run in it
// (the tests build many).
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    // nodejs_eventloop_lag_seconds and the nodejs_eventloop_lag_p50/p90/p99_seconds percentiles come from here.
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

/** Seconds a workload snapshot is reused: the counts move slowly, and a scrape should never load the database. */
export const WORKLOAD_TTL_MS = 5_000;

export const metricsPlugin: FastifyPluginAsync = async (app) => {
  const registry = new Registry();
  const http = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern (not the raw URL) and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    // The pattern keeps the label set small (one series per route, not per dossier code); a request that matched
    // no route (404) is counted under one label.
    const route = req.routeOptions.url ?? 'unmatched';
    http.observe({ method: req.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  const { db } = app.deps;
  new Gauge({
    name: 'motcua_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, db.totalCount);
      this.set({ state: 'idle' }, db.idleCount);
      this.set({ state: 'waiting' }, db.waitingCount);
    },
  });
  new Gauge({
    name: 'motcua_db_pool_max',
    help: 'Largest number of connections the pool opens',
    registers: [registry],
    collect() {
      this.set(db.options.max ?? 10);
    },
  });
  new Gauge({
    name: 'motcua_pdf_workers',
    help: 'PDF worker threads: running now, and the most that run',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = app.deps.printer.stats();
      this.set({ state: 'running' }, s.threads);
      this.set({ state: 'max' }, s.maxThreads);
    },
  });
  new Gauge({
    name: 'motcua_pdf_jobs_queued',
    help: 'PDF jobs waiting for a free worker',
    registers: [registry],
    collect() {
      this.set(app.deps.printer.stats().queued);
    },
  });

  const cached = cachedWorkload(() => centerWorkload(db, app.deps.clock.now()), WORKLOAD_TTL_MS);
  // Without the database (down, or no answer within 2 s) the scrape still answers — the process and pool figures
  // matter most then — with no per-center samples and motcua_workload_up 0.
  let workloadUp = 1;
  const workload = async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      // A database that hangs (no free connection, a lock) must not hang the scrape.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('workload query took more than 2 s')), 2_000);
      });
      const rows = await Promise.race([cached(), timeout]);
      workloadUp = 1;
      return rows;
    } catch (err) {
      if (workloadUp) app.log.warn({ err }, 'metrics: cannot count the workload');
      workloadUp = 0;
      return [];
    } finally {
      clearTimeout(timer);
    }
  };
  new Gauge({
    name: 'motcua_workload_up',
    help: '1 when the per-center workload could be counted at the last scrape, 0 when the database did not answer',
    registers: [registry],
    async collect() {
      await workload();
      this.set(workloadUp);
    },
  });
  const perCenter = (name: string, help: string, pick: (w: Awaited<ReturnType<typeof workload>>[number]) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['center'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const w of await workload()) this.set({ center: w.center }, pick(w));
      },
    });
  perCenter('motcua_dossiers_open', 'Dossiers neither settled nor closed, per center (center code)', (w) => w.dossiersOpen);
  perCenter('motcua_dossiers_overdue', 'Open dossiers past their due date, per center', (w) => w.dossiersOverdue);
  perCenter('motcua_queue_tickets_waiting', "Tickets waiting in today's queue, per center", (w) => w.ticketsWaiting);

  app.get('/metrics', { config: { access: LOOPBACK_OR_TOKEN }, schema: { hide: true } }, async (_req, reply) => {
    const text = (await processMetrics().metrics()) + '\n' + (await registry.metrics());
    return reply.type(registry.contentType).send(text);
  });
};

// Not encapsulated (as fastify-plugin would do): the timing hook must see every route of the app.
(metricsPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
