// Shared by the e2e tests: the browser (the one scripts/e2e.mjs launched, or a local one), a fresh context per
// test, a screenshot in test-results/ when a test fails, logins and README screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BASE = (process.env.E2E_BASE_URL || 'http://127.0.0.1:3000').replace(/\/$/, '');
export const PASSWORD = 'motcua-demo';
const RESULTS = path.join(root, 'test-results');
/** How far the app's clock is ahead of this machine's (scripts/e2e.mjs starts the app on a working morning). */
const CLOCK_SHIFT_MS = Number(process.env.E2E_CLOCK_SHIFT_MS || 0);
/** "Now" as the app sees it: for dates the tests compute (back-entries some days ago, today's date). */
export const appNow = () => Date.now() + CLOCK_SHIFT_MS;

/** A new browser context's pages live at the app's time (date pickers, "today", this month's report, hall clocks). */
export async function installAppClock(context) {
  if (CLOCK_SHIFT_MS) await context.clock.install({ time: appNow() });
}
const README_SHOTS = path.join(root, 'docs/screenshots');

let browserPromise = null;
/** One browser per test file: connect to scripts/e2e.mjs's Chromium, or launch one when run on its own. */
export function browser() {
  browserPromise ??= process.env.E2E_WS_ENDPOINT
    ? chromium.connect(process.env.E2E_WS_ENDPOINT)
    : chromium.launch({
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
  return browserPromise;
}

export async function closeBrowser() {
  if (!browserPromise) return;
  const b = await browserPromise;
  browserPromise = null;
  await b.close();
}

const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

/**
 * Runs `fn(page)` in a fresh browser context (Vietnamese, Vietnam's time zone). On failure the page is saved to
 * test-results/<test name>.png before the error is rethrown.
 */
export async function withPage(t, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  const b = await browser();
  const context = await b.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    deviceScaleFactor: 1,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...(options.isMobile ? { isMobile: true, hasTouch: true } : {}),
  });
  context.setDefaultTimeout(15_000);
  await installAppClock(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // The Content-Security-Policy must never block the app's own scripts, styles or images.
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  try {
    await fn(page);
    if (problems.length) throw new Error(`errors in the page:\n${problems.join('\n')}`);
  } catch (e) {
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `${slug(t.name)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    t.diagnostic(`screenshot: ${path.relative(root, file)}`);
    throw e;
  } finally {
    await context.close();
  }
}

/** Signs in through the login form (the real path a user takes). */
export async function loginViaForm(page, username, password = PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.locator('form button[type=submit]').click();
}

/** Signs in through the API (same cookie jar as the page) for tests about other screens. */
export async function loginViaApi(page, username, password = PASSWORD) {
  const r = await page.request.post(`${BASE}/api/v1/auth/login`, { data: { username, password } });
  if (r.status() !== 200) throw new Error(`login ${username}: HTTP ${r.status()} ${await r.text()}`);
}

/** README screenshots are written only when asked (npm run test:e2e -- --screenshots), so runs leave git clean. */
export const readmeShots = process.env.E2E_README_SHOTS === '1';

export async function readmeShot(page, name, { fullPage = false } = {}) {
  if (!readmeShots) return;
  fs.mkdirSync(README_SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement && 'blur' in document.activeElement && document.activeElement.blur());
  await page.waitForTimeout(300);
  const file = path.join(README_SHOTS, name);
  await page.screenshot({ path: file, fullPage });
  const kb = fs.statSync(file).size / 1024;
  if (kb > 400) throw new Error(`${name} is ${kb.toFixed(0)} KB (limit 400 KB)`);
}

/** Signs a demo account in through the API (no browser) and returns its session cookie, `name=value`. */
export async function sessionCookie(username, password = PASSWORD) {
  const r = await fetch(`${BASE}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (r.status !== 200) throw new Error(`login ${username}: HTTP ${r.status}`);
  return r.headers.getSetCookie()[0].split(';')[0];
}

/**
 * Pays a dossier's fees due at reception in cash as the demo fee collector (`thuphi`), as the counter does before
 * handing out the appointment slip (receipt.pdf answers 409 while they are owed).
 */
export async function payReceptionFees(code, amount) {
  const cookie = await sessionCookie('thuphi');
  const r = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/payments`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'cash', amount, tendered: amount }),
  });
  if (r.status !== 201) throw new Error(`payment of ${code}: HTTP ${r.status} ${await r.text()}`);
}

const AXE_SOURCE = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now (WCAG 2.1 A/AA rules).
 * axe's source is evaluated through the DevTools protocol, as the browser's own tools do: no <script> element is
 * added, so the page's Content-Security-Policy (script-src 'self') stays as strict as for a citizen.
 */
export async function axeViolations(page, { exclude = [] } = {}) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (exclude) => {
    const result = await window.axe.run(exclude.length ? { exclude } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ').trim()}`) }));
  }, exclude);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with a readable list when axe-core finds a serious or critical violation. */
export async function assertAccessible(page, what, options) {
  const found = await axeViolations(page, options);
  if (found.length) {
    const lines = found.flatMap((v) => [`${v.impact} ${v.id}: ${v.help}`, ...v.nodes.slice(0, 6).map((n) => `    ${n}`)]);
    throw new Error(`${what}: ${found.length} serious/critical accessibility violation(s)\n${lines.join('\n')}`);
  }
}
