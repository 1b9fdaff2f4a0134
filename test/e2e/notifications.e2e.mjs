// Notifications, as the director and the clerk meet them: the center's settings screen (channels, who gets SMS,
// switches and texts per event), the kiosk asking for a phone only while "sắp đến lượt" is really sent, and a
// dossier's messages with their status on the dossier page. The app sends SMS to the stand-in gateway that
// scripts/e2e.mjs starts (E2E_SMS_SINK), which reports each message delivered.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, closeBrowser, loginViaApi, readmeShot, readmeShots, withPage } from './support.mjs';

after(closeBrowser);

const CENTER = '000.00.15.H57';
const SINK = process.env.E2E_SMS_SINK;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function json(res, status) {
  assert.equal(res.status(), status, await res.text());
  return res.json();
}

/** Switches one event's SMS on or off through the API (as the director), keeping everything else. */
async function setSms(page, event, on) {
  await loginViaApi(page, 'giamdoc');
  const s = await json(await page.request.get(`${BASE}/api/v1/notifications/settings`), 200);
  const events = s.events.map((e) => ({ event: e.event, email: e.email, sms: e.event === event ? on : e.sms, zalo: e.zalo, smsTemplate: e.custom ? e.smsTemplate : null, zaloTemplateId: e.zaloTemplateId }));
  await json(await page.request.put(`${BASE}/api/v1/notifications/settings`, { data: { smsPolicy: s.smsPolicy, brandname: s.brandname, events } }), 200);
}

/** Presses "Lưu cấu hình" and waits for the server's answer. */
async function save(page, status) {
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/notifications/settings') && r.request().method() === 'PUT');
  await page.getByTestId('notify-save').click();
  assert.equal((await answer).status(), status);
}

/** An element's screenshot for the README (only with --screenshots). */
async function elementShot(page, locator, name) {
  if (!readmeShots) return;
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  await locator.screenshot({ path: path.join(root, 'docs/screenshots', name) });
  const kb = fs.statSync(path.join(root, 'docs/screenshots', name)).size / 1024;
  assert.ok(kb < 400, `${name} is ${kb.toFixed(0)} KB`);
}

test('the director sets the center\'s notifications', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 1440, height: 1100 } }, async (page) => {
    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console/notifications/settings`);
    const providers = page.getByTestId('notify-providers');
    await providers.waitFor();
    assert.match(await providers.innerText(), /SMS\s*Cổng SMS \(webhook\)/);
    assert.match(await providers.innerText(), /Tra cứu qua SMS[\s\S]*Đã cấu hình/);
    // The defaults: SMS on receipt, supplement and result; off for the extension.
    const on = async (event) => (await page.getByTestId(`switch-${event}-sms`).getAttribute('aria-checked')) === 'true';
    assert.deepEqual([await on('received'), await on('supplement_requested'), await on('result_ready'), await on('extended')], [true, true, true, false]);
    assert.match(await page.getByTestId('preview-received').innerText(), /TTHCC thi xa Huong Thuy: ho so 000\.00\.15\.H57-250312-0007 da duoc tiep nhan, hen tra ket qua luc 16h30 ngay 17\/03\/2025\.[\s\S]*1 phần tin/);
    await readmeShot(page, 'notifications-settings.png', { fullPage: true });

    // A text with a field that does not exist is refused with the list of those that do.
    const text = page.getByTestId('template-extended');
    await text.fill('Hồ sơ ((ma_ho_so)) của ((ho_ten)) được gia hạn.');
    await page.getByTestId('switch-extended-sms').click();
    await page.getByTestId('notify-save').click();
    assert.match(await page.getByTestId('notify-save-error').innerText(), /dùng trường không có: \(\(ho_ten\)\)/);
    // Fixed: saved, and still there after a reload.
    await text.fill('((trung_tam)) xin lỗi: hồ sơ ((ma_ho_so)) hẹn trả kết quả mới lúc ((ngay_hen_moi)).');
    await save(page, 200);
    await page.locator('.ant-message-notice', { hasText: 'Đã lưu cấu hình thông báo' }).waitFor();
    await page.reload();
    await page.getByTestId('notify-events').waitFor();
    assert.equal(await on('extended'), true);
    assert.match(await page.getByTestId('preview-extended').innerText(), /TTHCC thi xa Huong Thuy xin loi: ho so .+ hen tra ket qua moi luc 16h30 ngay 20\/03\/2025\./);
    // Back to the defaults for the other tests.
    await page.getByRole('button', { name: 'Dùng nội dung mặc định' }).first().click();
    await page.getByTestId('switch-extended-sms').click();
    await save(page, 200);
    assert.equal(await on('extended'), false);
  }));

test('the kiosk asks for a phone only while "sắp đến lượt" is sent', { timeout: 90_000 }, (t) =>
  withPage(t, { viewport: { width: 1280, height: 900 } }, async (page) => {
    const details = async () => {
      await page.goto(`${BASE}/kiosk/${CENTER}`);
      await page.locator('[data-field="TP"]').click();
      await page.getByTestId('kiosk-issue').waitFor();
    };
    await details();
    assert.match(await page.getByTestId('kiosk-phone-panel').innerText(), /Số điện thoại di động[\s\S]*còn 3 người/);
    await setSms(page, 'queue_near', false);
    try {
      await details();
      assert.equal(await page.getByTestId('kiosk-phone-panel').count(), 0);
    } finally {
      await setSms(page, 'queue_near', true);
    }
  }));

test('the dossier page lists the messages sent to the applicant and their status', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1440, height: 1000 } }, async (page) => {
    await loginViaApi(page, 'tn.tp');
    const suffix = String(Date.now()).slice(-6);
    const d = await json(await page.request.post(`${BASE}/api/v1/dossiers`, {
      data: { procedure: '2.000748', channel: 'direct', applicant: { kind: 'person', fullName: 'Lê Thị Thu Hà', idNumber: `0461${suffix}09`.padEnd(12, '1'), phone: '0935111222' } },
    }), 201);
    const code = d.code;
    const act = async (user, action, data = {}) => {
      await loginViaApi(page, user);
      await json(await page.request.post(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, { data }), 200);
    };
    // Received, processed and resolved: two SMS; then the applicant texts "HS <code>" and gets the status back.
    await act('tn.tp', 'receive');
    await act('tn.tp', 'transfer');
    await act('cv.tp', 'complete-step');
    await act('ld.tp', 'complete-step');
    await act('cv.tp', 'resolve', { resultSummary: 'Trích lục cải chính hộ tịch' });
    const lookup = await fetch(`${BASE}/api/v1/sms/inbound`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.E2E_SMS_TOKEN}` }, body: JSON.stringify({ from: '+84935111222', text: `HS ${code}` }),
    });
    assert.equal(lookup.status, 202);
    await loginViaApi(page, 'tn.tp');

    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    const card = page.getByTestId('dossier-messages-card');
    await card.waitFor();
    // The worker sends within seconds; the gateway reports delivery; the page follows by itself.
    const delivered = card.getByTestId('notify-status').filter({ hasText: 'Đã đến người nhận' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=dossier-messages-card] [data-testid=notify-status]').length === 3
      && [...document.querySelectorAll('[data-testid=dossier-messages-card] [data-testid=notify-status]')].every((e) => e.textContent === 'Đã đến người nhận'), null, { timeout: 45_000 });
    assert.equal(await delivered.count(), 3);
    const text = await card.innerText();
    assert.match(text, /Tiếp nhận hồ sơ, hẹn ngày trả kết quả[\s\S]*Đã có kết quả[\s\S]*Trả lời tra cứu qua SMS/);
    assert.match(text, /SMS\s*0935111222/);
    const escaped = code.replace(/\./g, '\\.');
    assert.match(text, new RegExp(`TTHCC thi xa Huong Thuy: ho so ${escaped} da duoc tiep nhan, hen tra ket qua luc`));
    assert.match(text, new RegExp(`Ho so ${escaped}: Da co ket qua\\.`));
    // What the phone got: each once.
    const phones = await (await fetch(`${SINK}/messages`)).json();
    assert.equal(phones.filter((m) => m.to === '+84935111222' && m.text.includes(code)).length, 3);
    await card.scrollIntoViewIfNeeded();
    await elementShot(page, card, 'dossier-messages.png');
  }));
