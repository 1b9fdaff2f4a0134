// Starts a real motcua (embedded PostgreSQL, demo data) on a free port with a throw-away data directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverCommand } from '../../scripts/build.mjs';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `compiled`: run dist/main.js (as `npm start` does; build it first) instead of the TypeScript sources through tsx. */
export async function startServer({ root, env = {}, compiled = false } = {}) {
  const port = await freePort();
  const pgPort = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  fs.chmodSync(dataDir, 0o755);
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/some/dir" profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // Compiled: exactly as `npm start` runs it (scripts/build.mjs, serverCommand).
  const run = compiled ? serverCommand(root) : { args: ['--import', 'tsx', path.join(root, 'src/main.ts')], env: process.env };
  const child = spawn(process.execPath, [...nodeArgs, ...run.args], {
    cwd: root,
    env: { ...run.env, PORT: String(port), HOST: '127.0.0.1', MOTCUA_DATA_DIR: dataDir, MOTCUA_PG_PORT: String(pgPort), MOTCUA_LOG_LEVEL: 'warn', MOTCUA_RATE_LIMIT_FACTOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited:\n' + log);
    try {
      const r = await fetch(base + '/api/v1/health');
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not start in time:\n' + log);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    base,
    dataDir,
    pid: child.pid,
    pgPort,
    /** What the server printed so far (its log, and e.g. --trace-gc lines from BENCH_SERVER_NODE_ARGS). */
    output: () => log,
    /** The embedded PostgreSQL's URL (user postgres, database motcua), for a second server sharing it. */
    databaseUrl() {
      const password = fs.readFileSync(path.join(dataDir, '.pgpass-motcua'), 'utf8').trim();
      return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/motcua`;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
