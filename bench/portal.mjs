// The public portal on a phone: bytes transferred and Largest Contentful Paint of each public page on a first visit
// (cold cache), in headless Chromium (Debian package, playwright-core) at 390 px over a slow-4G profile set through
// the DevTools protocol (Network.emulateNetworkConditions: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up).
// Targets (issue 15, item 6): ≤ 250 KB and LCP < 2.5 s per page.
//
//   node bench/portal.mjs                  builds web/dist, starts this checkout's server (demo data), measures
//   node bench/portal.mjs --root <dir>     the same for another checkout (e.g. the previous commit, for "before")
//   PORTAL_BENCH_BASE=http://host:port node bench/portal.mjs   measures a server that is already running
//   PORTAL_BENCH_RUNS=3 (default)          visits per page; the median is reported
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootArg = process.argv.indexOf('--root');
const root = rootArg > 0 ? path.resolve(process.argv[rootArg + 1]) : here;
const RUNS = Number(process.env.PORTAL_BENCH_RUNS ?? 3);
const KB = 1000;
const TARGET_BYTES = 250 * KB;
const TARGET_LCP = 2500;
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) };
const PAGES = [
  ['Trang chủ', '/'],
  ['Danh mục thủ tục', '/procedures'],
  ['Một thủ tục', '/procedures/2.000748'],
  ['Tra cứu hồ sơ', '/tra-cuu'],
  ['Đăng nhập', '/login'],
  ['Nộp trực tuyến', '/cong-dan/nop/2.000748'],
  ['Hồ sơ của tôi', '/cong-dan'],
];

/** One cold visit: a fresh browser context (empty cache), the network profile, bytes on the wire and LCP. */
async function visit(browser, base, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  await context.addInitScript(() => {
    window.__lcp = 0;
    new window.PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  try {
    await page.goto(base + url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.waitForTimeout(300);
    const lcp = await page.evaluate(() => window.__lcp);
    return { bytes, requests, lcp };
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  let server = null;
  let base = process.env.PORTAL_BENCH_BASE?.replace(/\/$/, '');
  if (!base) {
    console.log(`building the web app in ${path.relative(here, root) || '.'} …`);
    const b = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'web/vite.config.ts')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('web build failed');
    server = await startServer({ root });
    base = server.base;
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = false;
  try {
    await visit(browser, base, '/'); // the server's first answers (query plans, JIT) are not a citizen's first visit
    console.log(`\nslow 4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up), 390 px, cold cache, median of ${RUNS}`);
    console.log('page                   KB    requests  LCP (s)');
    for (const [name, url] of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, base, url));
      const bytes = median(runs.map((r) => r.bytes));
      const lcp = median(runs.map((r) => r.lcp));
      const requests = median(runs.map((r) => r.requests));
      const ok = bytes <= TARGET_BYTES && lcp > 0 && lcp < TARGET_LCP;
      failed ||= !ok;
      console.log(`${name.padEnd(20)} ${(bytes / KB).toFixed(0).padStart(5)} ${String(requests).padStart(10)} ${(lcp / 1000).toFixed(2).padStart(8)}  ${ok ? 'ok' : 'OVER TARGET'}`);
    }
    console.log(`targets: ≤ ${TARGET_BYTES / KB} KB, LCP < ${TARGET_LCP / 1000} s`);
  } finally {
    await browser.close();
    await server?.stop();
  }
  if (failed && process.env.PORTAL_BENCH_STRICT === '1') process.exit(1);
}

await main();
