// The queue in the hall: the display board is open on the TV, a visitor takes a number for the Justice field at the
// kiosk (the ticket prints on 80 mm paper with a QR code to follow it on a phone), the clerk at counter 2 calls the
// next number from the console, and the board shows it at counter 2 within seconds (Server-Sent Events) and reads
// it aloud. Then the statistics screen counts the day's tickets.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appNow, BASE, browser, closeBrowser, installAppClock, loginViaApi, readmeShots, withPage } from './support.mjs';

after(closeBrowser);

const CENTER = '000.00.15.H57';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const slug = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** What a phone camera reads: the element's screenshot, decoded by zbarimg (zbar-tools). */
async function scanQr(locator) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-qr-')), 'qr.png');
  await locator.screenshot({ path: file });
  try {
    return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', file], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/**
 * Several browser contexts at once (the TV, the kiosk, the clerk's PC: separate sessions). On failure each page is
 * saved to test-results/<test>-<name>.png; page errors fail the test.
 */
async function withPages(t, specs, fn) {
  const b = await browser();
  const pages = {};
  const contexts = [];
  const problems = [];
  try {
    for (const [name, opts] of Object.entries(specs)) {
      const context = await b.newContext({
        viewport: opts.viewport,
        deviceScaleFactor: 1,
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        ...(opts.isMobile ? { isMobile: true, hasTouch: true } : {}),
      });
      context.setDefaultTimeout(15_000);
      await installAppClock(context);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
      if (opts.init) await page.addInitScript(opts.init);
      pages[name] = page;
    }
    await fn(pages);
    if (problems.length) throw new Error(`errors in the pages:\n${problems.join('\n')}`);
  } catch (e) {
    fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
    for (const [name, page] of Object.entries(pages)) {
      const file = path.join(root, 'test-results', `${slug(t.name)}-${name}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      t.diagnostic(`screenshot: ${path.relative(root, file)}`);
    }
    throw e;
  } finally {
    for (const c of contexts) await c.close().catch(() => {});
  }
}

/**
 * README screenshot (only with --screenshots). The board and the counter panel keep an event stream open, so
 * "network idle" never comes: wait for the fonts and a quiet moment instead.
 */
async function shot(page, name, locator) {
  if (!readmeShots) return;
  const dir = path.join(root, 'docs/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const file = path.join(dir, name);
  await (locator ?? page).screenshot({ path: file });
  const kb = fs.statSync(file).size / 1024;
  if (kb > 400) throw new Error(`${name} is ${kb.toFixed(0)} KB (limit 400 KB)`);
}

// The board's voice: a stand-in speech engine with a Vietnamese voice that records what it is asked to say and
// fails the page if two announcements ever overlap.
function fakeSpeech() {
  window.__spoken = [];
  window.__overlap = false;
  let speaking = false;
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
    }
  };
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [{ lang: 'vi-VN', name: 'Giọng đọc thử' }],
      speak(u) {
        if (!u.text.trim()) return void setTimeout(() => u.onend?.(), 0);
        if (speaking) window.__overlap = true;
        speaking = true;
        window.__spoken.push(u.text);
        setTimeout(() => {
          speaking = false;
          u.onend?.();
        }, 300);
      },
      cancel() {},
      addEventListener() {},
      removeEventListener() {},
    },
  });
}

// The kiosk's printer: count the print requests instead of opening the dialog.
function fakePrint() {
  window.__printed = 0;
  window.print = () => {
    window.__printed += 1;
  };
}

test('kiosk ticket → counter call → board, live and spoken', { timeout: 120_000 }, (t) =>
  withPages(
    t,
    {
      board: { viewport: { width: 1920, height: 1080 }, init: fakeSpeech },
      kiosk: { viewport: { width: 1080, height: 1920 }, init: fakePrint },
      clerk: { viewport: { width: 1366, height: 900 } },
      phone: { viewport: { width: 390, height: 844 }, isMobile: true },
    },
    async ({ board, kiosk, clerk, phone }) => {
      // ---- the TV in the hall ----
      await board.goto(`${BASE}/board/${CENTER}`);
      await board.getByTestId('board-counter-2').waitFor();
      await board.locator('[data-testid=board-live][data-live="1"]').waitFor();
      // Browsers hold sound back until someone touches the screen; the board offers a button for it.
      const sound = board.getByTestId('board-sound');
      if (await sound.isVisible()) await sound.click();
      await sound.waitFor({ state: 'hidden' });
      assert.match(await board.locator('.qh-center').innerText(), /HƯƠNG THỦY/);

      // ---- the kiosk: Justice field, no priority, no phone ----
      await kiosk.goto(`${BASE}/kiosk/${CENTER}`);
      const tile = kiosk.locator('.qk-tile[data-field="TP"]');
      await tile.waitFor();
      assert.match(await tile.innerText(), /Tư pháp[\s\S]*Quầy 2/);
      assert.equal(await kiosk.locator('.qk-tile').count(), 14, 'the 14 fields of the center');
      await shot(kiosk, 'queue-kiosk.png');
      await tile.click();
      await kiosk.getByRole('radio', { name: 'Người cao tuổi' }).waitFor();
      // A half-typed phone number blocks printing until it is complete or cleared.
      await kiosk.getByRole('button', { name: '0', exact: true }).click();
      await kiosk.getByRole('button', { name: '9', exact: true }).click();
      assert.ok(await kiosk.getByTestId('kiosk-issue').isDisabled());
      await kiosk.getByRole('button', { name: 'Xóa hết' }).click();
      await kiosk.getByTestId('kiosk-issue').click();
      await kiosk.getByTestId('kiosk-issued').waitFor();
      const number = (await kiosk.getByTestId('kiosk-number').innerText()).trim();
      assert.match(number, /^\d{4}$/);
      assert.match(await kiosk.getByTestId('kiosk-issued').innerText(), /Mời đến Quầy 2/);
      await kiosk.waitForFunction(() => window.__printed === 1);

      // The printed ticket: 80 mm wide, the number, the counter, and a QR code of the follow page.
      const slip = kiosk.locator('.qslip');
      assert.equal(await slip.locator('.qslip-number').innerText(), number);
      const slipText = await slip.innerText();
      assert.match(slipText, /TRUNG TÂM HÀNH CHÍNH CÔNG/);
      assert.match(slipText, /Quầy phục vụ\s+2/);
      assert.match(slipText, /Số người chờ trước\s+0/);
      const followUrl = await slip.locator('svg[data-qr]').getAttribute('data-qr');
      assert.ok(followUrl?.startsWith(`${BASE}/queue/`), followUrl ?? 'no QR');
      // The code on the screen scans to the follow page (the printed one below).
      assert.equal(await scanQr(kiosk.locator('.qk-issued-qr svg[data-qr]')), followUrl);
      const widthPx = await slip.evaluate((el) => el.getBoundingClientRect().width);
      assert.ok(Math.abs(widthPx - (80 * 96) / 25.4) < 1, `ticket width ${widthPx}px`);
      await shot(kiosk, 'queue-kiosk-issued.png');
      await kiosk.emulateMedia({ media: 'print' });
      // In print, only the ticket is shown.
      assert.equal(await kiosk.locator('.qk').isVisible(), false);
      await kiosk.setViewportSize({ width: 303, height: 800 });
      await shot(kiosk, 'queue-ticket.png', slip);
      assert.equal(await scanQr(slip.locator('svg[data-qr]')), followUrl);
      await kiosk.emulateMedia({ media: 'screen' });

      // ---- the visitor's phone: the QR code's page ----
      await phone.goto(followUrl);
      await phone.getByTestId('follow-card').waitFor();
      assert.equal((await phone.getByTestId('follow-number').innerText()).trim(), number);
      assert.equal(await phone.getByTestId('follow-card').getAttribute('data-status'), 'waiting');
      assert.equal((await phone.getByTestId('follow-ahead').innerText()).trim(), '0');

      // The board counts the waiting visitor (live).
      await board.locator('.qb-waiting li[data-field="TP"] .qb-waiting-count', { hasText: /^1$/ }).waitFor({ timeout: 5_000 });

      // ---- the clerk at counter 2 ----
      await loginViaApi(clerk, 'tn.tp');
      await clerk.goto(`${BASE}/console/queue`);
      await clerk.getByTestId('console-menu').getByRole('link', { name: 'Gọi số tại quầy', exact: true }).waitFor();
      // The clerk's own counter is chosen once the counters have loaded (read too early, the select still says "Chọn quầy").
      await clerk.getByTestId('counter-select').filter({ hasText: /Quầy 2/ }).waitFor();
      await clerk.locator('[data-testid=counter-waiting] .qp-waiting-number', { hasText: /^1$/ }).waitFor();
      const callNext = clerk.getByTestId('call-next');
      await callNext.waitFor();
      assert.ok(await callNext.isEnabled());
      // The board notes (in its own page) when the number appears at counter 2.
      await board.evaluate((n) => {
        const seen = () => document.querySelector('[data-testid="board-counter-2"]')?.textContent?.includes(n);
        new window.MutationObserver(() => {
          if (!window.__seenAt && seen()) window.__seenAt = Date.now();
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }, number);
      const answered = clerk.waitForResponse((r) => r.url().includes('/call-next') && r.request().method() === 'POST');
      await callNext.click();
      assert.equal((await answered).status(), 200);
      const answeredAt = appNow(); // the pages run at the app's time
      await clerk.getByTestId('counter-current-number').filter({ hasText: number }).waitFor();
      assert.equal(await clerk.getByTestId('counter-current-status').innerText(), 'Đang mời');

      // ---- the board shows it at counter 2, highlighted, within seconds (no reload: the event stream) ----
      const tile2 = board.getByTestId('board-counter-2');
      await tile2.filter({ hasText: number }).waitFor({ timeout: 10_000 });
      const seenAt = await board.evaluate(() => window.__seenAt);
      t.diagnostic(`call answered → number on the board: ${Math.max(0, seenAt - answeredAt)} ms`);
      assert.ok(seenAt - answeredAt < 5_000, `the board took ${seenAt - answeredAt} ms`);
      assert.match(await tile2.getAttribute('class'), /qb-counter-hot/);
      const banner = await board.getByTestId('board-latest').innerText();
      assert.match(banner.replace(/\s+/g, ' '), new RegExp(`MỜI SỐ ${number} ĐẾN QUẦY SỐ 2`));
      // … and reads it aloud, once per call, never two at a time.
      const sentence = `Mời số ${number} đến quầy số 2`;
      await board.waitForFunction((s) => window.__spoken.includes(s), sentence, { timeout: 10_000 });
      await clerk.getByTestId('recall').click();
      await board.waitForFunction((s) => window.__spoken.filter((x) => x === s).length === 2, sentence, { timeout: 10_000 });
      assert.equal(await board.evaluate(() => window.__overlap), false, 'two announcements overlapped');
      await board.locator('.qb-waiting li[data-field="TP"] .qb-waiting-count', { hasText: /^0$/ }).waitFor({ timeout: 5_000 });
      await shot(board, 'queue-board.png');

      // The phone learns where to go.
      await phone.reload();
      await phone.getByTestId('follow-called').waitFor();
      assert.match(await phone.getByTestId('follow-called').innerText(), /quầy số 2/);

      // Marking absent (F4) asks first; "Hủy" keeps the citizen called.
      await clerk.keyboard.press('F4');
      const ask = clerk.locator('.ant-modal-confirm');
      await ask.locator('.ant-modal-confirm-title', { hasText: `Đánh dấu số ${number} vắng mặt?` }).waitFor();
      await ask.getByRole('button', { name: 'Hủy' }).click();
      await ask.waitFor({ state: 'detached' });
      await clerk.getByTestId('counter-current-status').filter({ hasText: 'Đang mời' }).waitFor();

      // ---- start, then finish with the keyboard ----
      await clerk.keyboard.press('F6');
      await clerk.getByTestId('counter-current-status').filter({ hasText: 'Đang phục vụ' }).waitFor();
      if (readmeShots) await clerk.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
      await shot(clerk, 'queue-counter.png');
      await clerk.keyboard.press('F8');
      const modal = clerk.locator('.ant-modal');
      await modal.waitFor();
      // The example is a real dossier code of this center.
      assert.match(await modal.innerHTML(), /Ví dụ: 000\.00\.15\.H57-\d{6}-0001/);
      await modal.locator('.ant-btn-primary').click();
      await clerk.getByText(`Đã hoàn thành số ${number}`).waitFor();
      await clerk.getByText('Chưa có số nào tại quầy').waitFor();
      // Nobody else waits: "call next" says so.
      await clerk.keyboard.press('F2');
      await clerk.getByText('Không còn ai chờ ở lĩnh vực của quầy.').waitFor();
      await phone.reload();
      await phone.locator('[data-testid=follow-card][data-status=done]').waitFor();
    },
  ));

test('queue statistics for the director, with Excel', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console`);
    const menu = page.getByTestId('console-menu');
    await menu.getByRole('link', { name: 'Thống kê lấy số', exact: true }).click();
    await page.waitForURL(/\/console\/queue\/stats$/);
    assert.ok(!(await menu.innerText()).includes('Gọi số tại quầy'), 'a director does not sit at a counter');
    const table = page.getByTestId('stats-table');
    await table.locator('.qs-total-row').waitFor();
    const total = await table.locator('.qs-total-row').innerText();
    assert.match(total, /Tổng cộng\s+\d+\s+\d+/);
    assert.ok(Number(total.split(/\s+/)[2]) >= 1, `at least the ticket of the first test: ${total}`);
    await page.getByTestId('stats-chart').waitFor();
    await page.locator('.toolbar-card .ant-segmented').getByText('Quầy', { exact: true }).click();
    await table.getByText('Quầy 2 – Tư pháp').waitFor();
    // The chart (ECharts) draws the counter's served tickets in navy (besides the legend's key).
    await page.getByTestId('stats-chart').locator('svg path[fill="#1f4e8c"]').nth(1).waitFor();
    await shot(page, 'queue-stats.png');
    const href = await page.getByTestId('stats-xlsx').getAttribute('href');
    assert.match(href ?? '', /\/api\/v1\/queue\/stats\.xlsx\?.*groupBy=counter/);
    const r = await page.request.get(`${BASE}${href}`);
    assert.equal(r.status(), 200);
    assert.match(r.headers()['content-type'], /spreadsheetml/);
    assert.equal((await r.body()).subarray(0, 2).toString(), 'PK');
    // A clerk has no statistics.
    await loginViaApi(page, 'tn.tp');
    await page.goto(`${BASE}/console/queue/stats`);
    await page.getByText('Không có quyền truy cập').waitFor();
  }));
