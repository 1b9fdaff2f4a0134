// Satisfaction evaluations at the return counter (issue 14 item 4): the admin pairs a tablet with a counter, the
// tablet waits on a welcome screen, the clerk's "Mời đánh giá" puts the returned dossier on it, the citizen answers
// once and the tablet thanks them and goes back to welcome; a paper form is typed in by its barcode; the director
// reads the period's results with the indicators computed from the dossiers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

const stamp = String(Date.now()).slice(-5);
const codes = [];

async function act(cookie, code, action, body = {}) {
  const r = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(r.status, 200, `${action}: ${await r.text()}`);
}

before(async () => {
  const [tn, cv, ld] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp'].map((u) => sessionCookie(u)));
  for (const n of [1, 2]) {
    const applicant = { kind: 'person', fullName: n === 1 ? 'Hoàng Thị Thu Hà' : 'Lê Văn Đức', idNumber: `04619${stamp}${n}0`.slice(0, 12), phone: '0935111222', address: '12 Nguyễn Tất Thành, Phú Bài' };
    const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie: tn, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant }) });
    assert.equal(reg.status, 201, await reg.clone().text());
    const code = (await reg.json()).code;
    await act(tn, code, 'receive');
    await act(tn, code, 'transfer');
    await act(cv, code, 'complete-step');
    await act(ld, code, 'complete-step');
    await act(cv, code, 'resolve', { resultSummary: 'Trích lục đã ký' });
    if (n === 1) {
      // The first is handed over at the counter (fee paid in cash first): the citizen rates it on the tablet.
      const paid = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/payments`, {
        method: 'POST', headers: { cookie: await sessionCookie('thuphi'), 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'cash', amount: 25000, tendered: 25000 }),
      });
      assert.equal(paid.status, 201, await paid.text());
      await act(tn, code, 'return');
    }
    codes.push(code);
  }
});

let pairingLink;

test('the admin pairs an evaluation tablet with the Tư pháp counter; the link is shown once', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'admin');
    await page.goto(`${BASE}/console/admin/evaluation-tablets`);
    await page.getByRole('heading', { name: 'Máy tính bảng đánh giá' }).waitFor();
    // The admin works for the whole province: choose the center first.
    await page.locator('.console-page-extra .ant-select').click();
    await page.getByTitle('Trung tâm Hành chính công thị xã Hương Thủy').click();
    await page.getByTestId('tablet-counter').click();
    await page.locator('.ant-select-item-option', { hasText: 'Tư pháp' }).first().click();
    await page.getByTestId('tablet-name').fill('Máy tính bảng quầy Tư pháp');
    await page.getByTestId('tablet-pair').click();
    const link = page.getByTestId('tablet-link').locator('code');
    await link.waitFor();
    pairingLink = await link.innerText();
    assert.match(pairingLink, /\/danh-gia-tai-quay#pair=tablet_/);
    await page.getByTestId('tablet-list').getByText('Máy tính bảng quầy Tư pháp').waitFor();
    assert.match(await page.getByTestId('tablet-list').innerText(), /Đang dùng/);
    await readmeShot(page, 'evaluation-tablets.png');
  }));

test('the tablet welcomes, shows the dossier the clerk invites to rate, records once, thanks and goes back', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1180, height: 820 } }, async (tablet) => {
    assert.ok(pairingLink, 'paired in the previous test');
    await tablet.goto(pairingLink);
    await tablet.getByTestId('tablet-welcome').waitFor();
    assert.equal(new URL(tablet.url()).hash, '', 'the key leaves the address bar');
    assert.match(await tablet.locator('.etab-where').innerText(), /Hương Thủy · Quầy \d+ – Tư pháp/);
    await readmeShot(tablet, 'evaluation-tablet-welcome.png');

    await withPage(t, async (clerk) => {
      await loginViaApi(clerk, 'tn.tp');
      await clerk.goto(`${BASE}/console/dossiers/${encodeURIComponent(codes[0])}`);
      // Just returned: the return box says so and offers the tablet.
      await clerk.locator('[data-testid=return-case][data-case=returned]').waitFor();
      await clerk.getByTestId('invite-rate').click();
      await clerk.getByText('Mời công dân đánh giá trên máy tính bảng').waitFor();
      await clerk.getByTestId('return-case').scrollIntoViewIfNeeded();
      await readmeShot(clerk, 'evaluation-invite.png');
    });

    const form = tablet.getByTestId('tablet-form');
    await form.waitFor({ timeout: 10_000 });
    assert.ok((await form.innerText()).includes(codes[0]));
    assert.ok(!(await form.innerText()).includes('Hoàng Thị Thu Hà'), 'no applicant name on the counter tablet');
    const questions = form.locator('.etab-question');
    assert.equal(await questions.count(), 5);
    assert.equal(await tablet.getByTestId('tablet-submit').isDisabled(), true);
    for (let i = 0; i < 4; i++) await questions.nth(i).getByRole('radio', { name: i === 2 ? 'Hài lòng' : 'Rất hài lòng', exact: true }).click();
    await questions.nth(4).getByRole('radio', { name: 'Không sử dụng' }).click();
    await tablet.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(tablet, 'evaluation-tablet-form.png');
    await tablet.getByTestId('tablet-submit').click();
    await tablet.getByTestId('tablet-thanks').waitFor();
    await readmeShot(tablet, 'evaluation-tablet-thanks.png');
    // Recorded once: the clerk cannot put it on the tablet again.
    const tn = await sessionCookie('tn.tp');
    const again = await fetch(`${BASE}/api/v1/evaluations/dossiers/${encodeURIComponent(codes[0])}/tablet`, { method: 'POST', headers: { cookie: tn, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(again.status, 409);
    const ev = await (await fetch(`${BASE}/api/v1/evaluations/dossiers/${encodeURIComponent(codes[0])}`, { headers: { cookie: tn } })).json();
    assert.deepEqual(ev.evaluation.answers, { reception: 2, time: 2, attitude: 1, publicity: 2, online: -1 });
    assert.equal(ev.evaluation.channel, 'kiosk');
    await tablet.getByTestId('tablet-welcome').waitFor({ timeout: 15_000 });
  }));

test('a paper form is found by its barcode, ticked and saved once, with who typed it', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'tn.tp');
    await page.goto(`${BASE}/console/evaluations/paper`);
    await page.getByTestId('paper-code').fill(codes[1].toLowerCase());
    await page.getByTestId('paper-code').press('Enter');
    const form = page.getByTestId('paper-form');
    await form.waitFor();
    assert.ok((await form.innerText()).includes('Lê Văn Đức'));
    assert.match(await page.getByTestId('derived').innerText(), /Số lần phải liên hệ\s*1/);
    const sets = form.locator('fieldset');
    for (let i = 0; i < 4; i++) await sets.nth(i).getByLabel('Hài lòng', { exact: true }).check();
    await sets.nth(4).getByLabel('Không sử dụng').check();
    await readmeShot(page, 'evaluation-paper.png');
    await page.getByTestId('paper-save').click();
    const done = page.getByTestId('paper-done');
    await done.waitFor();
    assert.match(await done.innerText(), new RegExp(`Đã lưu phiếu đánh giá của hồ sơ ${codes[1]}`));
    assert.match(await done.innerText(), /Người nhập: /);
    // Typed again: it says the dossier was already rated, by paper.
    await page.reload();
    await page.getByTestId('paper-code').fill(codes[1]);
    await page.getByTestId('paper-find').click();
    assert.match(await page.getByTestId('paper-done').innerText(), /đã được đánh giá \(phiếu giấy/);
  }));

test('the director reads the period’s results with the derived indicators', { timeout: 90_000 }, (t) =>
  withPage(t, async (page) => {
    await loginViaApi(page, 'giamdoc');
    await page.goto(`${BASE}/console/reports/evaluations`);
    await page.getByTestId('evaluation-chart').locator('svg').waitFor();
    const derived = page.getByTestId('evaluation-derived');
    assert.match(await derived.innerText(), /Trước hạn/);
    const body = await page.locator('.console-page').innerText();
    assert.match(body, /Số hồ sơ được đánh giá\s*([2-9]|\d{2,})/);
    assert.match(body, /Phiếu trên máy tính bảng\s*[1-9]/);
    assert.match(body, /Phiếu giấy\s*[1-9]/);
    await page.getByTestId('evaluation-by').getByText('Theo cán bộ').click();
    await page.getByTestId('evaluation-by').getByText('Theo lĩnh vực').click();
    assert.match(await page.getByTestId('evaluation-groups').innerText(), /Tư pháp \(hộ tịch[^\n]*\n?\s*([2-9]|\d{2,})\s/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'evaluation-report.png');
  }));
