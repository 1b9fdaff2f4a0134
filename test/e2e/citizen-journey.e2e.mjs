// A citizen's whole online journey on a 390 px phone (issue 15, part 2): sign in with a texted code (read from the
// stand-in SMS gateway scripts/e2e.mjs starts) → submit a fully online procedure with a file and the result delivered
// online → the clerk asks for a supplement (her console shows the delivery the citizen chose) → the citizen sees
// what was asked and supplements on the web → the department resolves, the center returns online → the citizen
// downloads the result from the dossier page.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, assertAccessible, closeBrowser, loginViaApi, readmeShot, sessionCookie, withPage } from './support.mjs';

after(closeBrowser);

const SINK = process.env.E2E_SMS_SINK;
const PHONE = `094${String(Date.now()).slice(-7)}`;
const PHONE_INTL = `+84${PHONE.slice(1)}`;
const PDF = Buffer.from('%PDF-1.4\n% don de nghi\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PDF2 = Buffer.from('%PDF-1.4\n% ban sao bo sung\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const RESULT = Buffer.from('%PDF-1.4\n% giay phep karaoke dieu chinh\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
// A fully online procedure of the demo catalog (online level 4) of the culture department (tn.vh, cv.vh, ld.vh).
const PROCEDURE = 'H57-TAM-VH-02';
const PHONE_VIEW = { viewport: { width: 390, height: 844 }, isMobile: true };

async function act(cookie, code, action, body = {}) {
  const r = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await r.text();
  assert.equal(r.status, 200, `${action}: ${text}`);
  return JSON.parse(text);
}

// Node's own fetch classes (the lint's e2e globals list only the test runner's).
const { FormData, Blob } = globalThis;
/** Signs in on the sign-in card with the code texted to PHONE (the latest sign-in text of the stand-in gateway). */
async function signIn(page) {
  await page.getByLabel('Số điện thoại hoặc e-mail').fill(PHONE);
  await page.getByRole('button', { name: 'Gửi mã đăng nhập' }).click();
  await page.getByText(/Đã gửi mã 6 chữ số/).waitFor();
  const texts = await (await fetch(`${SINK}/messages`)).json();
  const otp = /: (\d{6})\./.exec(texts.filter((m) => m.to === PHONE_INTL && m.text.startsWith('Ma dang nhap')).at(-1).text)[1];
  await page.getByLabel('Mã đăng nhập (6 chữ số)').fill(otp);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}
let firstDossier;

const noSideScroll = (page) => page.evaluate(() => document.documentElement.scrollWidth <= 390);

test('a citizen submits online, supplements on the web when asked and downloads the result', { timeout: 180_000 }, (t) =>
  withPage(t, PHONE_VIEW, async (page) => {
    await page.goto(`${BASE}/procedures/${PROCEDURE}`);
    await page.getByTestId('online-submit-cta').click();
    await signIn(page);

    // The e-form: a fully online procedure offers, and picks, the result online.
    await page.getByText('Nộp hồ sơ trực tuyến').first().waitFor();
    await page.getByTestId('online-name').fill('Phan Thị Thu Hà');
    await page.getByTestId('online-id').fill(`0463${String(Date.now()).slice(-8)}`);
    await page.getByLabel('Địa chỉ', { exact: true }).fill('8 Chi Lăng, phường Phú Hiệp, Huế');
    assert.ok(await page.getByRole('radio', { name: 'Nhận kết quả điện tử trực tuyến' }).isChecked());
    // "By post" asks for the postal address; back to online.
    await page.getByRole('radio', { name: 'Nhận qua bưu chính' }).check();
    await page.getByLabel('Địa chỉ nhận kết quả qua bưu chính').waitFor();
    assert.ok(await page.getByTestId('online-submit').isDisabled(), 'no submission by post without an address');
    await page.getByRole('radio', { name: 'Nhận kết quả điện tử trực tuyến' }).check();
    assert.ok(await noSideScroll(page), 'no horizontal scrolling at 390 px (e-form)');
    await readmeShot(page, 'journey-form.png', { fullPage: true });
    await page.getByTestId('online-submit').click();

    await page.getByText(/Đã nộp hồ sơ/).waitFor();
    const code = /Đã nộp hồ sơ (\S+)\./.exec(await page.locator('body').innerText())[1];
    firstDossier = code;
    await page.getByTestId('doc-0').locator('input[type=file]').setInputFiles({ name: 'don-de-nghi.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByText('✓ don-de-nghi.pdf').waitFor();
    await page.getByRole('button', { name: 'Xem hồ sơ trong "Hồ sơ của tôi"' }).click();
    await page.getByText('Quá trình giải quyết').waitFor();
    assert.equal(await page.getByTestId('citizen-delivery').innerText(), 'Nhận kết quả điện tử trực tuyến');

    // The clerk: her dossier screen shows the delivery the citizen chose; she asks for a supplement (API).
    const clerk = await sessionCookie('tn.vh');
    await withPage(t, { viewport: { width: 1280, height: 900 } }, async (console) => {
      await loginViaApi(console, 'tn.vh');
      await console.goto(`${BASE}/console/dossiers/${encodeURIComponent(code)}`);
      assert.match(await console.getByTestId('dossier-delivery').innerText(), /Trực tuyến/);
      await readmeShot(console, 'journey-clerk.png');
    });
    await act(clerk, code, 'request-supplement', { reason: 'Đơn chưa ký', missing: ['Đơn đề nghị có chữ ký', 'Bản sao hợp đồng thuê địa điểm'] });

    // The citizen sees what was asked, uploads per document and sends the supplement.
    await page.reload();
    const form = page.getByTestId('supplement-form');
    await form.waitFor();
    assert.deepEqual(await page.getByTestId('supplement-missing').locator('li').allInnerTexts(), ['Đơn đề nghị có chữ ký', 'Bản sao hợp đồng thuê địa điểm']);
    assert.match(await form.innerText(), /Lý do: Đơn chưa ký/);
    assert.ok(await page.getByTestId('supplement-send').isDisabled(), 'nothing to send before a paper is uploaded');
    // "Giấy tờ của tôi" offers nothing from this same dossier; a fresh upload it is.
    assert.equal(await form.getByTestId('online-reuse-1').count(), 0);
    await form.getByTestId('doc-1').locator('input[type=file]').setInputFiles({ name: 'hop-dong-thue.pdf', mimeType: 'application/pdf', buffer: PDF2 });
    await form.getByText('✓ hop-dong-thue.pdf').waitFor();
    await page.getByLabel('Ghi chú cho cán bộ (không bắt buộc)').fill('Đã ký đơn và bổ sung hợp đồng');
    assert.match(await form.getByTestId('doc-0').innerText(), /Đã nộp trước: don-de-nghi\.pdf/);
    assert.ok(await noSideScroll(page), 'no horizontal scrolling at 390 px (supplement)');
    await assertAccessible(page, 'the supplement form');
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'journey-supplement.png', { fullPage: true });
    await page.getByTestId('supplement-send').click();
    await page.getByTestId('supplement-sent').waitFor();
    await page.getByTestId('supplement-form').waitFor({ state: 'detached' });
    // The page reads the dossier again: the new status and the supplement in the history.
    await page.getByText(/Đã nộp bổ sung hồ sơ: /).waitFor();
    const afterSupplement = await page.locator('body').innerText();
    assert.match(afterSupplement, /Chờ bổ sung[\s\S]*Đơn chưa ký/, 'the request is in the history');
    assert.match(afterSupplement, /hop-dong-thue\.pdf/);
    assert.match(afterSupplement, /Đã nộp bổ sung hồ sơ: Đã ký đơn và bổ sung hợp đồng/);
    await readmeShot(page, 'journey-supplemented.png', { fullPage: true });

    // The center receives and the department resolves with a result file; the fees are paid at the counter; returned online.
    await act(clerk, code, 'receive');
    await act(clerk, code, 'transfer');
    const cv = await sessionCookie('cv.vh');
    await act(cv, code, 'complete-step');
    await act(await sessionCookie('ld.vh'), code, 'complete-step');
    const fd = new FormData();
    fd.append('kind', 'result');
    fd.append('file', new Blob([RESULT], { type: 'application/pdf' }), 'giay-phep.pdf');
    const up = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/files`, { method: 'POST', headers: { cookie: cv }, body: fd });
    const upText = await up.text();
    assert.equal(up.status, 201, upText);
    await act(cv, code, 'resolve', { resultFileId: JSON.parse(upText).id, resultSummary: 'Cấp giấy phép điều chỉnh' });
    const cashier = await sessionCookie('thuphi');
    const fees = await (await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/fees`, { headers: { cookie: cashier } })).json();
    if (fees.due > 0) {
      const pay = await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}/payments`, {
        method: 'POST', headers: { cookie: cashier, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'cash', amount: fees.due, tendered: fees.due }),
      });
      assert.equal(pay.status, 201, await pay.text());
    }
    await act(clerk, code, 'return', { method: 'online' });

    // The citizen downloads the result from the dossier page.
    await page.reload();
    const download = page.getByTestId('citizen-result');
    await download.waitFor();
    assert.match(await page.locator('body').innerText(), /Đã trả kết quả/);
    assert.ok(await noSideScroll(page), 'no horizontal scrolling at 390 px (result)');
    await readmeShot(page, 'journey-result.png', { fullPage: true });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.equal(file.suggestedFilename(), 'giay-phep.pdf');
    const chunks = [];
    for await (const c of await file.createReadStream()) chunks.push(c);
    assert.ok(Buffer.concat(chunks).equals(RESULT), 'the downloaded file is the result the department attached');

    // "Hồ sơ của tôi" lists the citizen's papers for reuse ("Giấy tờ của tôi"), never the result.
    await page.getByRole('button', { name: /Về danh sách hồ sơ/ }).click();
    const mine = page.getByTestId('my-files');
    await mine.waitFor();
    const papers = await mine.innerText();
    assert.match(papers, /don-de-nghi\.pdf/);
    assert.match(papers, /hop-dong-thue\.pdf/);
    assert.doesNotMatch(papers, /giay-phep\.pdf/);
    await assertAccessible(page, 'Hồ sơ của tôi with Giấy tờ của tôi');
    await readmeShot(page, 'journey-my-files.png', { fullPage: true });
  }));

test('the same citizen submits for an organisation, by post, reusing a paper of the first dossier', { timeout: 120_000 }, (t) =>
  withPage(t, PHONE_VIEW, async (page) => {
    assert.ok(firstDossier, 'runs after the journey above');
    await page.goto(`${BASE}/cong-dan/nop/${PROCEDURE}`);
    await signIn(page);
    await page.getByText('Nộp hồ sơ trực tuyến').first().waitFor();
    await page.getByRole('radio', { name: 'Tổ chức, doanh nghiệp' }).check();
    await page.getByLabel('Tên tổ chức, doanh nghiệp').fill('Công ty TNHH Karaoke Sông Hương');
    await page.getByLabel('Mã số thuế (10 hoặc 13 chữ số)').fill('3301765432');
    await page.getByLabel('Họ và tên người đại diện').fill('Phan Thị Thu Hà');
    await page.getByLabel('Địa chỉ', { exact: true }).fill('20 Nguyễn Huệ, Huế');
    await page.getByRole('radio', { name: 'Nhận qua bưu chính' }).check();
    await page.getByLabel('Địa chỉ nhận kết quả qua bưu chính').fill('20 Nguyễn Huệ, phường Vĩnh Ninh, Huế');
    assert.ok(await noSideScroll(page), 'no horizontal scrolling at 390 px (organisation)');
    await assertAccessible(page, 'the e-form for an organisation, by post');
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'journey-organisation.png', { fullPage: true });
    await page.getByTestId('online-submit').click();
    await page.getByText(/Đã nộp hồ sơ/).waitFor();
    const code = /Đã nộp hồ sơ (\S+)\./.exec(await page.locator('body').innerText())[1];

    // "Giấy tờ của tôi" offers the papers of the first dossier for each document: reuse the application form.
    await page.getByTestId('online-reuse-0').selectOption({ label: `don-de-nghi.pdf · hồ sơ ${firstDossier}` });
    await page.getByText('✓ don-de-nghi.pdf (đã dùng lại)').waitFor();
    await assertAccessible(page, 'the uploads with Giấy tờ của tôi');
    await page.evaluate(() => window.scrollTo(0, 0));
    await readmeShot(page, 'journey-reuse.png', { fullPage: true });

    // The clerk's view: the organisation, the postal address, the reused paper.
    const d = await (await fetch(`${BASE}/api/v1/dossiers/${encodeURIComponent(code)}`, { headers: { cookie: await sessionCookie('tn.vh') } })).json();
    assert.equal(d.applicant.kind, 'organization');
    assert.equal(d.applicant.orgName, 'Công ty TNHH Karaoke Sông Hương');
    assert.equal(d.applicant.taxCode, '3301765432');
    assert.equal(d.returnMethod, 'post');
    assert.equal(d.returnAddress, '20 Nguyễn Huệ, phường Vĩnh Ninh, Huế');
    assert.deepEqual(d.files.map((f) => [f.name, f.reused, f.checklistIndex]), [['don-de-nghi.pdf', true, 0]]);
  }));
