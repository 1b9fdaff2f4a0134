// Due-date computations through the public API: 50 concurrent clients for 10 s per scenario (autocannon).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServer } from './lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = await startServer({ root });
const scenarios = [
  ['5 ngày làm việc', 'unit=working_days&value=5'],
  ['365 ngày làm việc', 'unit=working_days&value=365'],
  ['8 giờ làm việc', 'unit=working_hours&value=8'],
  ['trong ngày', 'unit=same_day&value=1'],
];
const rows = [];
try {
  for (const [label, q] of scenarios) {
    // Many different receipt instants, so no cache of a single answer can flatter the figure.
    let i = 0;
    const start = Date.UTC(2017, 0, 1);
    const result = await autocannon({
      url: server.base,
      connections: 50,
      duration: 10,
      requests: [{
        setupRequest: (req) => {
          const at = new Date(start + ((i++ * 7_919_357) % (15 * 365 * 86_400)) * 1000).toISOString();
          return { ...req, path: `/api/v1/calendar/due-date?receivedAt=${encodeURIComponent(at)}&${q}&center=000.00.15.H57` };
        },
      }],
    });
    if (result.non2xx > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers`);
    rows.push({ scenario: label, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, requests: result.requests.total });
  }
} finally {
  await server.stop();
}
console.log('\nDue dates through GET /api/v1/calendar/due-date (50 connections, 10 s each):');
console.table(rows);
