// Feedback and complaints (issue 14 item 5): a citizen opens the form from a dossier's public status page (the dossier
// code filled in), sends a complaint and follows it by its code; staff accept it, assign it to the Justice department,
// whose head answers, and the director publishes; the answer then appears on the public page without the sender's
// name or phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, closeBrowser, loginViaApi, readmeShot, withPage, sessionCookie } from './support.mjs';

after(closeBrowser);

const SENDER = { fullName: 'Hoàng Thị Mỹ Duyên', phone: '0905135791' };
const APPLICANT = { kind: 'person', fullName: 'Hoàng Thị Mỹ Duyên', idNumber: `0461${String(Date.now()).slice(-4)}1357`, phone: '0905135791', address: '9 Nguyễn Tất Thành, Phú Bài' };
const CONTENT = 'Hồ sơ chứng thực của tôi đã quá ngày hẹn trả nhưng chưa nhận được kết quả, đề nghị Trung tâm kiểm tra.';
const ANSWER = 'Trung tâm đã kiểm tra: kết quả đã có từ ngày hẹn, xin lỗi bà vì chưa kịp báo. Mời bà đến quầy số 2 nhận kết quả.';
let dossier;

before(async () => {
  const cookie = await sessionCookie('tn.tp');
  const reg = await fetch(`${BASE}/api/v1/dossiers`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ procedure: '2.000748', channel: 'direct', applicant: APPLICANT, receive: true }) });
  assert.equal(reg.status, 201, await reg.clone().text());
  dossier = (await reg.json()).code;
});

test('a complaint sent from the dossier status page, accepted, assigned, answered and published', { timeout: 180_000 }, (t) =>
  withPage(t, async (page) => {
    // The citizen: the status page (4 digits of the phone), then its feedback link with the dossier code filled in.
    await page.goto(`${BASE}/tra-cuu/${encodeURIComponent(dossier)}`);
    await page.getByLabel('4 số cuối số điện thoại hoặc số CCCD của người nộp').fill('5791');
    await page.getByTestId('track-verify-submit').click();
    await page.getByTestId('track-result').waitFor();
    await page.getByTestId('track-feedback').click();
    await page.getByTestId('feedback-form').waitFor();
    assert.equal(await page.getByTestId('fb-dossier').inputValue(), dossier);

    // Without a phone or an e-mail the form says what is missing, in Vietnamese.
    await page.getByTestId('fb-content').fill(CONTENT);
    await page.getByTestId('fb-name').fill(SENDER.fullName);
    await page.getByTestId('fb-submit').click();
    await page.getByText('Xin nhập số điện thoại hoặc e-mail.').waitFor();
    await page.getByTestId('fb-phone').fill(SENDER.phone);
    await readmeShot(page, 'feedback-form.png', { fullPage: true });
    await page.getByTestId('fb-submit').click();
    const sent = page.getByTestId('feedback-sent');
    await sent.waitFor();
    const code = (await sent.innerText()).match(/PA-[A-Z0-9]{8}/)[0];

    await page.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
    await page.getByTestId('fb-status').getByText('Mới tiếp nhận').waitFor();
    const tracking = await page.getByTestId('feedback-track').innerText();
    assert.ok(tracking.includes(code));
    for (const personal of [SENDER.fullName, SENDER.phone]) assert.ok(!tracking.includes(personal), `no "${personal}" on the tracking page`);

    // The director: the console list, then the detail; accept and assign to the Justice department.
    await loginViaApi(page, 'giamdoc');
    // The dashboard's overdue-feedback figure opens the list filtered to overdue feedback (none yet: sent today).
    await page.goto(`${BASE}/console`);
    const figure = page.getByTestId('dash-feedback-overdue');
    assert.equal(await figure.innerText(), '0');
    await readmeShot(page, 'feedback-dashboard.png');
    await figure.click();
    await page.getByTestId('feedback-table').waitFor();
    assert.match(page.url(), /\/console\/feedback\?overdue=1$/);
    const overdueOnly = page.getByRole('checkbox', { name: 'Chỉ phản ánh quá hạn' });
    assert.equal(await overdueOnly.isChecked(), true);
    assert.equal(await page.getByTestId('feedback-table').locator('tr', { hasText: code }).count(), 0);
    await overdueOnly.click(); // controlled by the address: the box follows once the URL changed
    await page.waitForURL(/\/console\/feedback$/);
    await page.getByTestId('feedback-table').locator('tr', { hasText: code }).waitFor();
    assert.equal(await overdueOnly.isChecked(), false);
    const row = page.getByTestId('feedback-table').locator('tr', { hasText: code });
    await row.waitFor();
    assert.ok((await row.innerText()).includes('Mới tiếp nhận'));
    await row.getByRole('link', { name: code }).click();
    await page.getByTestId('fb-detail-content').getByText(CONTENT).waitFor();
    // The complaint is about the dossier: the clerk who received it is offered first as the officer concerned.
    await page.getByTestId('fb-officer').click();
    await page.keyboard.type('đã xử lý hồ sơ');
    await page.keyboard.press('Enter');
    await page.getByTestId('fb-accept').click();
    await page.getByTestId('fb-detail-status').getByText('Đã tiếp nhận').waitFor();
    await page.getByTestId('fb-department').click();
    await page.keyboard.type('Tư pháp');
    await page.keyboard.press('Enter');
    await page.getByTestId('fb-assign').click();
    await page.getByTestId('fb-detail-status').getByText('Đã giao phòng xử lý').waitFor();
    const detailUrl = page.url();

    // The head of the Justice department sees it in the department's list and answers.
    await page.context().clearCookies();
    await loginViaApi(page, 'ld.tp');
    await page.goto(detailUrl);
    await page.getByTestId('fb-answer-text').fill(ANSWER);
    assert.equal(await page.getByTestId('fb-publish').count(), 0); // publishing is the center's
    // No answer without a verdict.
    assert.equal(await page.getByTestId('fb-answer').isDisabled(), true);
    await page.getByTestId('fb-verdict-choice').getByText('Phản ánh đúng, có cơ sở').click();
    await readmeShot(page, 'feedback-answer.png', { fullPage: true });
    await page.getByTestId('fb-answer').click();
    await page.getByTestId('fb-detail-status').getByText('Đã có trả lời').waitFor();

    // The director publishes; the history shows every step with who did it.
    await page.context().clearCookies();
    await loginViaApi(page, 'giamdoc');
    await page.goto(detailUrl);
    await page.getByTestId('fb-publish').click();
    await page.getByTestId('fb-detail-status').getByText('Đã công khai').waitFor();
    const history = await page.getByTestId('fb-history').innerText();
    for (const step of ['Người dân gửi phản ánh', 'Tiếp nhận', 'Giao phòng xử lý', 'Phòng Tư pháp', 'Trả lời', 'Phản ánh đúng, có cơ sở', 'Cán bộ bị phản ánh', 'Công khai trả lời']) assert.ok(history.includes(step), `history shows "${step}"`);
    assert.notEqual(await page.getByTestId('fb-detail-officer').innerText(), '—');
    await page.getByTestId('fb-verdict').first().getByText('Phản ánh đúng, có cơ sở').waitFor();
    await readmeShot(page, 'feedback-detail.png', { fullPage: true });
    const officer = await page.getByTestId('fb-detail-officer').innerText();

    // The list shows the verdict and the officer under the status.
    await page.goto(`${BASE}/console/feedback`);
    const answeredRow = page.getByTestId('feedback-table').locator('tr', { hasText: code });
    await answeredRow.getByTestId('fb-list-verdict').getByText('Đúng, có cơ sở').waitFor();
    assert.ok((await answeredRow.innerText()).includes(officer));
    await readmeShot(page, 'feedback-list.png');

    // The ranking counts it against that officer: 5 points off, and the formula on screen says so.
    await page.goto(`${BASE}/console/reports/ranking`);
    await page.getByTestId('ranking-formula').getByText(/− 5 × Số phản ánh đúng/).waitFor();
    const ranked = page.getByTestId('ranking-table').locator('tr', { hasText: officer });
    await ranked.getByText('−5 điểm').waitFor();
    await readmeShot(page, 'ranking-upheld.png', { fullPage: true });

    // The public: the tracking page shows the answer; the published list shows it without the sender's details.
    await page.context().clearCookies();
    await page.goto(`${BASE}/phan-anh/${code}`);
    await page.getByTestId('fb-answer').getByText(ANSWER).waitFor();
    await page.goto(`${BASE}/phan-anh/cong-khai`);
    const item = page.getByTestId('published-item').filter({ hasText: code });
    await item.getByText(ANSWER).waitFor();
    const list = await page.getByTestId('feedback-published').innerText();
    for (const personal of [SENDER.fullName, SENDER.phone, dossier]) assert.ok(!list.includes(personal), `no "${personal}" in the published answers`);
    await readmeShot(page, 'feedback-published.png');

    // The home page links to the form and to the published answers.
    await page.goto(`${BASE}/`);
    assert.equal(await page.getByTestId('home-feedback').getAttribute('href'), '/phan-anh');
  }));

test('on a 375 px phone the header and the form fit the screen', { timeout: 60_000 }, (t) =>
  withPage(t, { viewport: { width: 375, height: 812 }, isMobile: true }, async (page) => {
    await page.goto(`${BASE}/phan-anh`);
    await page.getByTestId('feedback-form').waitFor();
    await page.getByTestId('nav-feedback').waitFor({ state: 'attached' }); // the header's links fold away on a phone, as the others do
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    assert.equal(await page.getByTestId('fb-phone').getAttribute('inputmode'), 'tel');
    await readmeShot(page, 'feedback-phone.png');
  }));
