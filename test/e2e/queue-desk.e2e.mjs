// One number from the support desk to the counter (issue 13): the support desk registers a dossier on the reception
// screen and gets a queue number, the dossier slip prints it as the number to wait for, the reception clerk calls it
// at the counter and the dossier opens, ready to be received. And the kiosk outside the center's public hours.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { appNow, BASE, closeBrowser, loginViaApi, loginViaForm, readmeShot, readmeShots, withPage } from './support.mjs';

after(closeBrowser);

const HUE = '000.00.11.H57';
const FORMS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/forms');
const newIdNumber = () => `0463${String(Date.now()).slice(-7)}${Math.floor(Math.random() * 10)}`;

/** The text of a PDF (pdftotext), and its first page as a PNG in docs/forms when README screenshots are asked for. */
function pdfText(pdf, png) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-pdf-'));
  try {
    const file = path.join(dir, 'form.pdf');
    fs.writeFileSync(file, pdf);
    if (png && readmeShots) execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', file, path.join(FORMS, png.replace(/\.png$/, ''))]);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('the support desk registers, the slip names the queue number, the counter calls it and the dossier opens', { timeout: 180_000 }, (t) =>
  withPage(t, async (page) => {
    // ---- the support desk (giamsat): registration on the reception screen ----
    await loginViaForm(page, 'giamsat');
    await page.waitForURL(/\/console$/);
    await page.goto(`${BASE}/console/dossiers/new`);
    await page.locator('#reception_procedure').waitFor();
    await page.keyboard.type('thay doi cai chinh ho tich');
    await page.locator('.procedure-option', { hasText: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'reception_idNumber');
    await page.keyboard.type(newIdNumber());
    await page.locator('#reception_fullName').fill('Hoàng Thị Thu Trang');
    await page.locator('#reception_phone').fill('0905765432');
    // The support desk cannot receive: one button, "create".
    assert.equal(await page.getByTestId('reception-receive-now').count(), 0);
    await page.getByTestId('reception-submit').click();
    await page.waitForURL(/\/console\/dossiers\/[^/]+$/);
    const code = (await page.getByTestId('dossier-code').innerText()).trim();
    const ticketBox = page.getByTestId('created-ticket');
    await ticketBox.waitFor();
    const number = /Số thứ tự chờ gọi: (\d{4})/.exec(await ticketBox.innerText())?.[1];
    assert.ok(number, await ticketBox.innerText());
    assert.match(await ticketBox.innerText(), /tại quầy 2/);
    await readmeShot(page, 'support-desk-ticket.png');

    // ---- the dossier slip: the number to wait for is the queue number ----
    const slip = await page.request.get(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/forms/slip.pdf`);
    assert.equal(slip.status(), 200);
    const text = pdfText(await slip.body(), 'dossier-slip-ticket.png');
    assert.match(text, new RegExp(`SỐ THỨ TỰ CHỜ GỌI .*\\b${number}\\b.*Số thứ tự trong ngày của hồ sơ: 0\\d{3}`));
    assert.match(text, new RegExp(`chờ gọi số ${number} tại quầy số 2`));
    assert.doesNotMatch(text, /chờ gọi số 0\d{3}\b/);

    // ---- the reception clerk at counter 2 calls the next number: that one, and the dossier opens ----
    await loginViaApi(page, 'tn.tp');
    await page.goto(`${BASE}/console/queue`);
    const callNext = page.getByTestId('call-next');
    await callNext.waitFor();
    await page.locator('[data-testid=counter-waiting] .qp-waiting-number', { hasText: /^1$/ }).waitFor();
    await callNext.click();
    await page.waitForURL(new RegExp(`/console/dossiers/${code.replace(/\./g, '\\.')}$`));
    const banner = page.getByTestId('from-ticket');
    await banner.waitFor();
    assert.match(await banner.innerText(), new RegExp(`Số ${number} đã được mời đến quầy 2`));
    // Straight to receiving: the checklist of the procedure, in the receive dialog.
    const modal = page.locator('.dossier-action-modal');
    await modal.waitFor();
    assert.match(await modal.innerText(), /Tiếp nhận/);
    await modal.locator('.modal-checklist .ant-checkbox-input').first().waitFor();
    await readmeShot(page, 'counter-calls-desk-ticket.png');
    for (const box of await modal.locator('.modal-checklist .ant-checkbox-input').all()) await box.check();
    await page.getByTestId('action-ok').click();
    await modal.waitFor({ state: 'detached' });
    await page.locator('.dossier-title-row .dossier-status-big', { hasText: 'Đã tiếp nhận' }).waitFor();
    // The timeline names the queue number.
    assert.match(await page.getByTestId('dossier-timeline').innerText(), new RegExp(`Số thứ tự ${number} \\(cấp khi đăng ký tại bàn hỗ trợ\\)`));

    // ---- back at the counter: the number stands for this dossier; finishing keeps the link ----
    await page.getByRole('button', { name: 'Về bàn gọi số' }).click();
    await page.waitForURL(/\/console\/queue$/);
    await page.getByTestId('counter-linked').getByText(code).waitFor();
    await page.getByTestId('finish').click();
    const finish = page.locator('.ant-modal', { hasText: `Hoàn thành phục vụ số ${number}` });
    await finish.locator('.ant-select-selection-item', { hasText: code }).first().waitFor();
    await finish.getByRole('button', { name: 'Hoàn thành' }).click();
    await page.getByTestId('counter-current').getByText('Chưa có số nào tại quầy').waitFor();
  }));

test('outside public hours the kiosk says the center is closed and when it opens', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 1280, height: 800 } }, async (page) => {
    // Today is a day off for the Huế center (the administrator's calendar), so its kiosk is closed now.
    await loginViaApi(page, 'admin');
    const today = new Date(appNow() + 7 * 3600_000).toISOString().slice(0, 10);
    const add = await page.request.post(`${BASE}/api/v1/admin/calendar/overrides`, { data: { date: today, kind: 'day_off', reason: 'Thử màn hình ngoài giờ của kiosk', center: HUE } });
    assert.equal(add.status(), 201, await add.text());
    const override = await add.json();
    try {
      await page.goto(`${BASE}/kiosk/${HUE}`);
      const closed = page.getByTestId('kiosk-closed');
      await closed.waitFor();
      assert.match(await closed.innerText(), /Trung tâm đang ngoài giờ tiếp công dân/);
      // The next public session: 07:30 of the next day the center opens, with its weekday and date.
      assert.match(await page.getByTestId('kiosk-opens').innerText(), /Trung tâm mở cửa lại lúc\s+07:30, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)), \d{2}\/\d{2}\/\d{4}/);
      assert.equal(await page.locator('.qk-tile').count(), 0, 'no field to take a number for');
      // And the API refuses a ticket, in Vietnamese.
      const r = await page.request.post(`${BASE}/api/v1/queue/tickets`, { data: { center: HUE, field: 'TP' } });
      assert.equal(r.status(), 409);
      assert.match((await r.json()).detail, /ngoài giờ tiếp công dân nên chưa cấp số thứ tự\. Trung tâm mở cửa lại lúc 07 giờ 30/);
      await readmeShot(page, 'kiosk-closed.png');

      // The reception screen of that center warns before receiving: a dossier received now counts from the next opening.
      await loginViaApi(page, 'tn.tp.hue');
      await page.goto(`${BASE}/console/dossiers/new`);
      const notice = page.getByTestId('office-hours-notice');
      await notice.waitFor();
      assert.match(await notice.innerText(), /Đang ngoài giờ hành chính[\s\S]*được tính là tiếp nhận lúc 07:00, Thứ/);
      await page.locator('#reception_procedure').click();
      await page.keyboard.type('thay doi cai chinh ho tich');
      await page.locator('.procedure-option', { hasText: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('#reception_idNumber').fill(newIdNumber());
      await page.locator('#reception_fullName').fill('Nguyễn Hữu Phước');
      await page.getByTestId('checklist-all').click();
      await page.getByTestId('reception-receive-now').click();
      const confirm = page.locator('.ant-modal-confirm', { hasText: 'Tiếp nhận ngoài giờ hành chính?' });
      await confirm.waitFor();
      assert.match(await confirm.innerText(), /tiếp nhận lúc 07:00, Thứ/);
      await readmeShot(page, 'reception-outside-hours.png');
      await confirm.getByRole('button', { name: 'Hủy' }).click();
      await confirm.waitFor({ state: 'detached' });
      assert.match(page.url(), /\/console\/dossiers\/new$/, 'nothing was registered');
    } finally {
      await loginViaApi(page, 'admin');
      const del = await page.request.delete(`${BASE}/api/v1/admin/calendar/overrides/${override.id}`, { data: { reason: 'Hết thử màn hình ngoài giờ' } });
      assert.equal(del.status(), 204);
    }
  }));

test('postal intake: the postmark date on the reception screen, the due date counted from it', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    await page.goto(`${BASE}/console/dossiers/new`);
    await page.locator('#reception_procedure').click();
    await page.keyboard.type('thay doi cai chinh ho tich');
    await page.locator('.procedure-option', { hasText: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#reception_idNumber').fill(newIdNumber());
    await page.locator('#reception_fullName').fill('Lê Thị Hoài Thương');
    await page.locator('#reception_address').fill('Thôn Lương Văn, xã Thủy Lương');
    await page.locator('label.ant-radio-button-wrapper', { hasText: 'Bưu chính' }).click();
    // Two days before the app's today.
    const postmark = new Date(appNow() + 7 * 3600_000 - 2 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const picker = page.getByTestId('reception-postmark');
    await picker.click();
    await picker.fill(postmark);
    await picker.press('Enter');
    await page.getByTestId('checklist-all').click();
    await readmeShot(page, 'reception-postmark.png');
    await page.getByTestId('reception-receive-now').click();
    await page.waitForURL(/\/console\/dossiers\/[^/]+$/);
    await page.getByTestId('dossier-postmark').getByText(postmark).waitFor();
    assert.match(await page.getByTestId('dossier-return-window').innerText(), /Hẹn trả: 14:00–16:30, Thứ (Hai|Ba|Tư|Năm|Sáu), \d{2}\/\d{2}\/\d{4}/);
    await readmeShot(page, 'dossier-postmark.png');
  }));

test('the administrator counts Saturday morning in time limits at a center', { timeout: 60_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'admin');
    await page.goto(`${BASE}/console/admin/centers`);
    const row = page.locator('tr', { hasText: 'Trung tâm Hành chính công thành phố Huế' });
    await row.getByRole('button', { name: 'Sửa' }).click();
    const modal = page.locator('.ant-modal', { hasText: 'Sáng thứ Bảy tính vào thời hạn' });
    await modal.waitFor();
    const counts = modal.getByTestId('center-saturday-counts');
    assert.equal(await counts.getAttribute('aria-checked'), 'false');
    await counts.click();
    assert.equal(await counts.getAttribute('aria-checked'), 'true');
    await readmeShot(page, 'center-saturday.png');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await modal.waitFor({ state: 'detached' });
    const hue = (await (await page.request.get(`${BASE}/api/v1/centers`)).json()).items.find((c) => c.code === HUE);
    assert.equal(hue.saturdayMorningCounts, true);
    // Thursday + 3 working days is Monday there now (a fixed Thursday, not today).
    const due = await (await page.request.get(`${BASE}/api/v1/calendar/due-date?center=${HUE}&unit=working_days&value=3&receivedAt=${encodeURIComponent('2026-06-11T10:00:00+07:00')}`)).json();
    assert.equal(due.dueAt, '2026-06-15T10:00:00.000Z');
    // Back to the national rules for the other tests.
    const off = await page.request.patch(`${BASE}/api/v1/admin/centers/${hue.id}`, { data: { saturdayMorningCounts: false } });
    assert.equal(off.status(), 200);
  }));
