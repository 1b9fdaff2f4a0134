#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/, one after the other (they share the machine's two cores).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv[2];
const benches = [
  ['calendar (in-process)', ['--import', 'tsx', 'bench/calendar-inprocess.ts']],
  ['calendar (API)', ['bench/calendar-api.mjs']],
  ['queue', ['bench/queue.mjs']],
  ['fees', ['--import', 'tsx', 'bench/fees.ts']],
  ['runtime', ['--import', 'tsx', 'bench/runtime.ts']],
  ['portal (slow 4G, 390 px)', ['bench/portal.mjs']],
];
for (const [name, args] of benches) {
  if (only && !name.startsWith(only)) continue;
  console.log(`\n### ${name}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
