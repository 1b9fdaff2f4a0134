#!/usr/bin/env node
// `npm run test:e2e`: end-to-end tests of the web app in a real Chromium against the real server.
//   1. starts the app (`node scripts/start.mjs`, which builds web/dist and the compiled server dist/ when they are
//      stale) on free ports with a fresh temporary MOTCUA_DATA_DIR (embedded PostgreSQL, demo data) and waits for
//      GET /api/v1/health to say ok; its SMS go to a stand-in gateway (scripts/sms-sink.mjs, the generic webhook);
//   2. launches Chromium (Debian package, /usr/bin/chromium) through playwright-core with a fresh profile;
//   3. runs test/e2e/*.e2e.mjs with node's test runner (E2E_BASE_URL, E2E_WS_ENDPOINT in the environment);
//   4. stops the browser and the app (by PID), also when something fails, and removes the temporary directory.
// The app's clock starts on a working morning (MOTCUA_CLOCK_START, default Tuesday 16/06/2026 08:00, or
// E2E_CLOCK_START): the kiosk issues numbers in public hours only and receiving outside office hours asks first, so
// the tests must not depend on the hour they run at. The browser pages get the same clock (test/e2e/support.mjs).
// Options: --screenshots  also (re)write the README screenshots in docs/screenshots/
//          --keep         keep the temporary data directory (its path is printed)
//          <name> …       run only the files whose name contains one of these words (e.g. `-- fees queue`)
// Failure screenshots go to test-results/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startOidcProvider } from './oidc-provider.mjs';
import { tsImport } from 'tsx/esm/api';
import { startSmsSink } from './sms-sink.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const wantShots = argv.includes('--screenshots');
const keep = argv.includes('--keep');
const only = argv.filter((a) => !a.startsWith('--'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok && (await r.json())?.status === 'ok') return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error(`no healthy answer from ${base}/api/v1/health within ${timeoutMs / 1000} s`);
}

/** SIGTERM by PID (start.mjs forwards it to the server, which stops its embedded PostgreSQL), SIGKILL if it hangs. */
async function stopChild(child, name, graceMs = 20_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    console.error(`[e2e] ${name} (pid ${child.pid}) did not stop in ${graceMs / 1000} s: SIGKILL`);
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await exited;
  }
}

const testFiles = fs
  .readdirSync(path.join(root, 'test/e2e'))
  .filter((f) => f.endsWith('.e2e.mjs') && (only.length === 0 || only.some((w) => f.includes(w))))
  .sort()
  .map((f) => path.join('test/e2e', f));
if (testFiles.length === 0) {
  console.error('[e2e] no test/e2e/*.e2e.mjs files');
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
// mkdtemp makes it 0700; run as root, the embedded PostgreSQL drops to the `postgres` user, which must get through.
fs.chmodSync(dataDir, 0o755);
let app = null;
let browserServer = null;
let smsSink = null;
let oidcProvider = null;
let vnpaySim = null;
let exitCode;
let stopping = false;

async function cleanup() {
  if (stopping) return;
  stopping = true;
  if (browserServer) await browserServer.close().catch(() => {});
  await stopChild(app, 'app');
  await smsSink?.close().catch(() => {});
  await oidcProvider?.close().catch(() => {});
  await vnpaySim?.close().catch(() => {});
  if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.log(`[e2e] data kept in ${dataDir}`);
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

try {
  const port = await freePort();
  const pgPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(dataDir, 'app.log');
  const log = fs.openSync(logFile, 'a');
  const clockStart = process.env.E2E_CLOCK_START || '2026-06-16T08:00:00+07:00';
  // The app sends SMS to a local stand-in gateway (the generic webhook), which reports delivery back: the screens
  // then offer SMS as with a real provider, and tests read what the phones received at E2E_SMS_SINK/messages.
  const inboundToken = 'e2e-sms-gateway-token-0001';
  smsSink = await startSmsSink({ reportTo: () => base, token: inboundToken });
  // Citizens sign in with VNeID through a local OpenID Connect provider (scripts/oidc-provider.mjs).
  const oidcClient = { clientId: 'motcua-e2e', clientSecret: 'e2e-oidc-client-secret-0001' };
  oidcProvider = await startOidcProvider({ ...oidcClient, redirectUri: `${base}/api/v1/citizen/auth/oidc/callback` });
  // Citizens pay through a local VNPay gateway (test/support/vnpay-sim.ts, the integration tests' own): the browser
  // opens it, it checks the signed URL, calls the app's IPN signed with the same secret, and sends the browser back.
  const vnpay = { tmnCode: 'E2ETEST1', secret: 'e2e-vnpay-hash-secret-0001' };
  const { startVnpaySim } = await tsImport('../test/support/vnpay-sim.ts', import.meta.url);
  vnpaySim = await startVnpaySim({ ...vnpay, ipnUrl: `${base}/api/v1/payments/vnpay/ipn` });
  const env = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', MOTCUA_DATA_DIR: path.join(dataDir, 'data'), MOTCUA_PG_PORT: String(pgPort), MOTCUA_DEMO: '1',
    // Dozens of sign-ins a minute from one address: the limits stay on, twenty times wider (test/integration/rate-limits.test.ts checks them as set).
    MOTCUA_RATE_LIMIT_FACTOR: '20',
    MOTCUA_LOG_LEVEL: 'warn', MOTCUA_CLOCK_START: clockStart,
    MOTCUA_SMS_URL: `${smsSink.url}/sms`, MOTCUA_SMS_BRANDNAME: 'TTHCC HT', MOTCUA_SMS_INBOUND_TOKEN: inboundToken,
    MOTCUA_VNPAY_TMN_CODE: vnpay.tmnCode, MOTCUA_VNPAY_HASH_SECRET: vnpay.secret, MOTCUA_VNPAY_URL: vnpaySim.url,
    MOTCUA_PUBLIC_URL: base, MOTCUA_OIDC_ISSUER: oidcProvider.issuer, MOTCUA_OIDC_CLIENT_ID: oidcClient.clientId, MOTCUA_OIDC_CLIENT_SECRET: oidcClient.clientSecret,
  };
  delete env.DATABASE_URL;
  console.log(`[e2e] starting the app on ${base} (data in ${dataDir})`);
  app = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: ['ignore', log, log] });
  try {
    await waitForHealth(base, app, 180_000);
  } catch (e) {
    console.error(`[e2e] ${e.message}; last lines of the app log:`);
    console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n'));
    throw e;
  }
  // How far the app's clock is from this machine's, read from the app itself (it started its clock when it booted).
  const opening = await (await fetch(`${base}/api/v1/calendar/opening?center=000.00.15.H57`)).json();
  const clockShift = Date.parse(opening.at) - Date.now();
  console.log(`[e2e] app healthy, its clock at ${opening.at}; launching Chromium`);

  browserServer = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...testFiles], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_BASE_URL: base,
      E2E_WS_ENDPOINT: browserServer.wsEndpoint(),
      E2E_CLOCK_SHIFT_MS: String(clockShift),
      E2E_SMS_SINK: smsSink.url,
      E2E_SMS_TOKEN: inboundToken,
      ...(wantShots ? { E2E_README_SHOTS: '1' } : {}),
    },
  });
  exitCode = await new Promise((resolve) => runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  if (exitCode !== 0) {
    console.error('[e2e] tests failed; screenshots in test-results/. Last lines of the app log:');
    console.error(fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
  }
} catch (e) {
  console.error('[e2e]', e?.stack || e);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
