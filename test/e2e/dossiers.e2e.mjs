// A dossier's life through the web app: the reception clerk registers it with the keyboard, digitizes a paper,
// receives it and prints the slip, transfers it; the specialist claims and processes it, the head approves, the
// specialist records the result; the clerk returns it at the counter; the timeline and the public page show it all.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, loginViaForm, payReceptionFees, readmeShot, readmeShots, withPage } from './support.mjs';

after(closeBrowser);

const PROCEDURE = '2.000748';
const DATE_TIME = /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/;
// A 1×1 PNG: the server checks the content, not the name.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A citizen ID number nobody else in this run has (12 digits). */
const newIdNumber = (prefix) => `${prefix}${String(Date.now()).slice(-8)}${Math.floor(Math.random() * 10)}`.slice(0, 12).padEnd(12, '7');

/** README screenshots without the passing "saved" toasts. */
async function shot(page, name) {
  if (!readmeShots) return;
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  await readmeShot(page, name);
}

async function statusIs(page, text) {
  await page.locator('.dossier-title-row .dossier-status-big', { hasText: text }).waitFor();
}

/** Opens the action's modal from the dossier page, fills what `fill` needs, confirms, waits for the new status. */
async function act(page, action, status, fill) {
  await page.locator(`[data-testid=dossier-actions] [data-action="${action}"]`).click();
  const modal = page.locator('.dossier-action-modal');
  await modal.waitFor();
  if (fill) await fill(modal);
  await page.getByTestId('action-ok').click();
  await modal.waitFor({ state: 'detached' });
  if (status) await statusIs(page, status);
}

/** Fetches a link of the page from the page itself (same cookies), as a browser tab would. */
async function fetchFromPage(page, href) {
  return page.evaluate(async (u) => {
    const r = await fetch(u);
    const head = String.fromCharCode(...new Uint8Array((await r.arrayBuffer()).slice(0, 5)));
    return { status: r.status, type: r.headers.get('content-type'), head };
  }, href);
}

test('a dossier from the reception counter to the return counter', { timeout: 240_000 }, (t) =>
  withPage(t, async (page) => {
    // ---- reception clerk: keyboard-only registration ----
    await loginViaForm(page, 'tn.tp');
    await page.waitForURL(/\/console$/);
    const menu = page.getByTestId('console-menu');
    for (const entry of ['Tiếp nhận hồ sơ', 'Hồ sơ']) await menu.getByRole('link', { name: entry, exact: true }).waitFor();
    assert.ok(!(await menu.innerText()).includes('Hộp xử lý'), 'a reception clerk has no processing inbox');
    await menu.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await page.waitForURL(/\/console\/dossiers\/new$/);

    // The procedure box has the focus: type without accents, Enter picks the first match and moves on.
    await page.locator('#reception_procedure').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reception_procedure');
    await page.keyboard.type('thay doi cai chinh ho tich');
    await page.locator('.procedure-option', { hasText: 'Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('procedure-facts').getByText(PROCEDURE).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'reception_idNumber');

    const idNumber = newIdNumber('0460');
    await page.keyboard.type(idNumber);
    await page.getByTestId('id-lookup').getByText('Người nộp lần đầu').waitFor();
    for (const [text, next] of [
      ['', 'reception_fullName'],
      ['Trần Thị Mỹ Dung', 'reception_dateOfBirth'],
      ['03041985', 'reception_phone'],
      ['0905123456', 'reception_email'],
      ['', 'reception_address'],
    ]) {
      if (text) await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.waitForFunction((id) => document.activeElement?.id === id, next);
    }
    assert.equal(await page.locator('#reception_dateOfBirth').inputValue(), '03/04/1985');
    await page.keyboard.type('45 Nguyễn Tất Thành, phường Phú Bài');
    await page.keyboard.press('Enter');
    // The checklist: "all presented" has the focus; Space ticks every document.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'checklist-all');
    await page.keyboard.press('Space');
    assert.equal(await page.locator('.reception-checklist li.is-presented').count(), 3);
    await shot(page, 'dossier-reception.png');
    await page.keyboard.press('Control+Enter');

    // ---- the dossier page: slip ready, digitize, receive, print, transfer ----
    await page.waitForURL(/\/console\/dossiers\/000\.00\.15\.H57-\d{6}-\d{4}$/);
    const code = decodeURIComponent(page.url().split('/').pop());
    await page.getByTestId('print-slip-now').waitFor();
    await statusIs(page, 'Mới đăng ký');
    assert.match(await page.locator('.applicant-block').innerText(), /Trần Thị Mỹ Dung[\s\S]*03\/04\/1985/);

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('upload-0').click();
    await (await chooser).setFiles({ name: 'to-khai.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('dossier-checklist').getByRole('link', { name: /to-khai\.png/ }).waitFor();

    await act(page, 'receive', 'Đã tiếp nhận');
    assert.match(await page.getByTestId('dossier-due').innerText(), DATE_TIME);

    // The appointment slip waits for the 25.000 đ due at reception: the print card says why and links to collection.
    assert.match(await page.getByTestId('slip-reason').innerText(), /còn phải nộp 25\.000\sđ phí, lệ phí khi tiếp nhận/);
    assert.equal(await page.locator('[data-testid=print-buttons] [data-form=receipt]').isDisabled(), true);
    await payReceptionFees(code, 25_000);
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-testid=print-buttons] [data-form=receipt]')?.getAttribute('href'));
    for (const form of ['slip', 'receipt']) {
      const href = await page.locator(`[data-testid=print-buttons] [data-form=${form}]`).getAttribute('href');
      const pdf = await fetchFromPage(page, href);
      assert.equal(pdf.status, 200, `${form}.pdf`);
      assert.equal(pdf.type, 'application/pdf');
      assert.equal(pdf.head, '%PDF-');
    }
    const file = await fetchFromPage(page, await page.getByTestId('dossier-checklist').getByRole('link', { name: /to-khai\.png/ }).getAttribute('href'));
    assert.equal(file.type, 'image/png');

    await act(page, 'transfer', 'Đang giải quyết');
    await page.getByTestId('step-current').waitFor();
    assert.match(await page.getByTestId('dossier-steps').innerText(), /Thẩm định, xử lý hồ sơ/);

    // ---- specialist: inbox, claim, complete the step ----
    await loginViaApi(page, 'cv.tp');
    await page.goto(`${BASE}/console/dossiers/inbox`);
    const row = page.locator('[data-testid=inbox-table] tr', { hasText: code });
    await row.waitFor();
    assert.match(await row.innerText(), /Thẩm định, xử lý hồ sơ/);
    await page.getByTestId(`claim-${code}`).click();
    await row.getByText('Hồ Quang Tuấn').waitFor();
    await shot(page, 'dossier-inbox.png');
    await row.getByRole('link', { name: code }).click();
    await page.waitForURL(new RegExp(`/console/dossiers/${code.replace(/\./g, '\\.')}$`));
    await act(page, 'complete-step', null, (m) => m.locator('textarea').fill('Hồ sơ hợp lệ, đề nghị phê duyệt.'));
    await page.getByTestId('step-current').getByText('Đang thực hiện').waitFor();
    await page.locator('.step-title-current', { hasText: 'Phê duyệt, ký kết quả' }).waitFor();
    // The approval step is the head's: the specialist has no action on it.
    assert.equal(await page.locator('[data-testid=dossier-actions] [data-action="complete-step"]').count(), 0);

    // ---- head of department: approve ----
    await loginViaApi(page, 'ld.tp');
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    await act(page, 'complete-step', null);
    await page.locator('.step-title-current', { hasText: 'Chuyển kết quả về Trung tâm' }).waitFor();

    // ---- specialist: the result ----
    await loginViaApi(page, 'cv.tp');
    await page.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
    await act(page, 'resolve', 'Đã có kết quả', (m) => m.locator('textarea').fill('Trích lục thay đổi hộ tịch đã ký.'));

    // ---- reception clerk: scan the code into the list's search box, return at the counter ----
    await loginViaApi(page, 'tn.tp');
    await page.goto(`${BASE}/console/dossiers`);
    const search = page.getByPlaceholder('Mã hồ sơ, tên người nộp, số CCCD, điện thoại');
    await search.fill(`${BASE}/tra-cuu/${encodeURIComponent(code)}`);
    await search.press('Enter');
    await page.waitForURL(new RegExp(`/console/dossiers/${code.replace(/\./g, '\\.')}$`));
    const advice = page.getByTestId('return-case');
    await advice.waitFor();
    assert.equal(await advice.getAttribute('data-case'), 'on_time');
    assert.match(await advice.innerText(), /đúng hạn[\s\S]*Phiếu đánh giá mức độ hài lòng/);
    // The 25.000 đ was paid at reception, before the appointment slip: nothing is owed when the result goes.
    await page.getByTestId('dossier-fees').getByText('Đã nộp đủ').waitFor();
    await act(page, 'return', 'Đã trả kết quả');
    // Who took it is recorded: here the applicant herself (the default at the counter).
    await page.getByTestId('collected-by').filter({ hasText: /^Người nhận: Trần Thị Mỹ Dung$/ }).waitFor();

    // Every step is in the timeline, with who did it.
    const timeline = page.getByTestId('dossier-timeline');
    for (const action of ['register', 'receive', 'transfer', 'assign', 'complete-step', 'resolve', 'return']) {
      assert.ok((await timeline.locator(`[data-action="${action}"]`).count()) >= 1, `timeline has ${action}`);
    }
    assert.equal(await timeline.locator('[data-action="complete-step"]').count(), 2);
    const history = await timeline.innerText();
    for (const who of ['Đỗ Thị Thu Nam', 'Hồ Quang Tuấn', 'Ngô Thị Hải']) assert.ok(history.includes(who), `timeline names ${who}`);
    assert.match(history, /Hồ sơ hợp lệ, đề nghị phê duyệt\./);
    assert.equal(await page.locator('[data-testid=dossier-actions] button').count(), 0);
    await shot(page, 'dossier-detail.png');

    // ---- the public page, the code typed by hand: the last 4 digits of the phone; no personal data ----
    await page.context().clearCookies();
    await page.goto(`${BASE}/tra-cuu/${encodeURIComponent(code)}`);
    await page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp').fill('3456');
    await page.getByTestId('track-verify-submit').click();
    const track = page.getByTestId('track-result');
    await track.getByText('Đã trả kết quả').first().waitFor();
    const publicText = await track.innerText();
    assert.ok(publicText.includes(code));
    for (const personal of ['Trần', 'Dung', idNumber, '0905123456']) assert.ok(!publicText.includes(personal), `no ${personal} on the public page`);
  }));

test('a returning applicant is filled in from the ID number; the list finds names without accents', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    const idNumber = newIdNumber('0791');
    const first = await page.request.post(`${BASE}/api/v1/dossiers`, {
      data: { procedure: PROCEDURE, channel: 'direct', applicant: { kind: 'person', fullName: 'Lê Văn Đức', idNumber, dateOfBirth: '1979-12-30', phone: '0914000111', address: '7 Lý Bôn, Phú Bài' } },
    });
    assert.equal(first.status(), 201);
    // A paper digitized for that earlier dossier is stored for the applicant's later ones.
    const stored = await page.request.post(`${BASE}/api/v1/dossiers/${encodeURIComponent((await first.json()).code)}/files`, {
      multipart: { kind: 'document', checklistIndex: '0', file: { name: 'to-khai-cu.png', mimeType: 'image/png', buffer: PNG } },
    });
    assert.equal(stored.status(), 201);

    await page.goto(`${BASE}/console/dossiers/new`);
    await page.locator('#reception_procedure').waitFor();
    await page.keyboard.type(PROCEDURE);
    await page.locator('.procedure-option', { hasText: PROCEDURE }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'reception_idNumber');
    await page.keyboard.type(idNumber);
    await page.getByTestId('id-lookup').getByText('Đã điền thông tin từ hồ sơ trước').waitFor();
    assert.equal(await page.locator('#reception_fullName').inputValue(), 'Lê Văn Đức');
    assert.equal(await page.locator('#reception_dateOfBirth').inputValue(), '30/12/1979');
    assert.equal(await page.locator('#reception_phone').inputValue(), '0914000111');
    // Enter jumps straight to the checklist. Until every mandatory paper is ticked, "receive now" is not offered.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'checklist-all');
    assert.equal(await page.getByTestId('reception-receive-now').isDisabled(), true);
    // Space ticks them all; Ctrl+Shift+Enter registers and receives in one step.
    await page.keyboard.press('Space');
    assert.equal(await page.getByTestId('reception-receive-now').isDisabled(), false);
    await page.keyboard.press('Control+Shift+Enter');
    await page.waitForURL(/\/console\/dossiers\/000\.00\.15\.H57-\d{6}-\d{4}$/);
    await page.locator('.applicant-block', { hasText: 'Lê Văn Đức' }).waitFor();
    await statusIs(page, 'Đã tiếp nhận');
    const receipt = page.getByTestId('print-receipt-now');
    assert.match(await page.locator('.created-alert').innerText(), /hẹn trả kết quả \d{2}\/\d{2}\/\d{4}/);
    // The slip waits for the 25.000 đ due at reception: the alert says so, links to collection, and the button waits.
    await page.getByTestId('slip-waits').waitFor();
    assert.match(await page.getByTestId('slip-waits').innerText(), /còn phải nộp 25\.000\sđ/);
    assert.equal(await receipt.isDisabled(), true);
    await payReceptionFees(decodeURIComponent(new URL(page.url()).pathname.split('/').pop()), 25_000);
    await page.reload();
    await page.waitForFunction(() => !!document.querySelector('[data-testid=print-receipt-now]')?.getAttribute('href'));
    const pdf = await fetchFromPage(page, await receipt.getAttribute('href'));
    assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });
    await shot(page, 'dossier-received-now.png');
    // Reuse the stored file instead of scanning the paper again.
    await page.getByTestId('reuse-open').click();
    await page.getByRole('dialog').getByText('to-khai-cu.png').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Dùng lại' }).click();
    await page.getByTestId('dossier-checklist').getByRole('link', { name: /to-khai-cu\.png/ }).waitFor();

    await page.goto(`${BASE}/console/dossiers`);
    const search = page.getByPlaceholder('Mã hồ sơ, tên người nộp, số CCCD, điện thoại');
    await search.fill('le van duc');
    await search.press('Enter');
    await page.waitForURL(/q=le(\+|%20)van/);
    // Both dossiers of the applicant, and nothing else.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=dossier-table] .ant-table-row')];
      return rows.length >= 2 && rows.every((r) => r.textContent.includes('Lê Văn Đức'));
    });
  }));
