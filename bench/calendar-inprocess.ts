/**
 * In-process benchmark of the legal clock (pure domain, no I/O in the measured loops).
 * Run: npx tsx bench/calendar-inprocess.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { prng } from '../src/platform/prng';
import {
  type HolidayFile,
  type TimeLimit,
  computeDueDate,
  createWorkCalendar,
  workingMinutesBetween,
} from '../src/modules/calendar/domain/index';

const holidays = JSON.parse(
  readFileSync(new URL('../data/seed/vn-holidays.json', import.meta.url), 'utf8'),
) as HolidayFile;


const FROM = Date.parse('2017-01-01T00:00:00+07:00');
const TO = Date.parse('2032-01-01T00:00:00+07:00');
const COUNT = 200_000;
const rnd = prng(42);
const instants = Array.from({ length: COUNT }, () => new Date(FROM + Math.floor(rnd() * (TO - FROM))));

// Cold start: building the calendar and every year table the runs below touch.
const coldStart = performance.now();
const cal = createWorkCalendar({ holidays });
for (let year = 2016; year <= 2035; year++) cal.yearDays(year);
const coldMs = performance.now() - coldStart;

function measure(name: string, fn: (d: Date, i: number) => unknown): { name: string; opsPerSec: number; usPerOp: number } {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += fn(instants[i], i) ? 1 : 0; // warm-up (JIT)
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) sink += fn(instants[i], i) ? 1 : 0;
  const elapsed = performance.now() - started;
  if (sink < 0) console.log(sink);
  return { name, opsPerSec: Math.round((COUNT / elapsed) * 1000), usPerOp: (elapsed * 1000) / COUNT };
}

const limits: Array<[string, TimeLimit]> = [
  ['N = 5 working days', { unit: 'working_days', value: 5 }],
  ['N = 365 working days', { unit: 'working_days', value: 365 }],
  ['8 working hours', { unit: 'working_hours', value: 8 }],
  ['same_day', { unit: 'same_day', value: 0 }],
  ['same_day, cut-off 15:00', { unit: 'same_day', value: 0, cutoff: '15:00' }],
];
const rows = limits.map(([name, limit]) => measure(`computeDueDate ${name}`, (d) => computeDueDate(cal, d, limit)));
rows.push(
  measure('workingMinutesBetween (span ≤ 2 years)', (d, i) =>
    workingMinutesBetween(cal, d, new Date(Math.min(TO - 1, d.getTime() + ((i * 7919) % 730) * 86_400_000))),
  ),
);

console.log(`legal clock, in-process — ${COUNT.toLocaleString('en')} random receipt instants 2017–2031, Node ${process.version}`);
console.log(`cold start (calendar + year tables 2016–2035): ${coldMs.toFixed(1)} ms\n`);
const w = Math.max(...rows.map((r) => r.name.length));
console.log(`${'operation'.padEnd(w)} | ${'ops/s'.padStart(12)} | ${'µs/op'.padStart(8)}`);
console.log(`${'-'.repeat(w)}-|-${'-'.repeat(12)}-|-${'-'.repeat(8)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(w)} | ${r.opsPerSec.toLocaleString('en').padStart(12)} | ${r.usPerOp.toFixed(3).padStart(8)}`);
}
