// Ranking, the service index (766) and the public transparency page: dossiers handled and settled through the API this
// month, then the director reads the ranking (formula, chart), records a periodic assessment, opens an indicator's
// dossier list, and anyone opens the center's public page — which shows codes, never the applicant's name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { BASE, closeBrowser, loginViaForm, PASSWORD, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const CENTER = '000.00.15.H57';
const APPLICANT = 'Trương Thị Hồng Nhung';
const SENDER = 'Lê Văn Góp Ý';
const FEEDBACK = 'Quầy Tư pháp chưa niêm yết mẫu tờ khai cải chính hộ tịch, tôi phải đi lại hai lần.';
const ANSWER = 'Trung tâm đã niêm yết mẫu tờ khai tại quầy Tư pháp và trên Cổng dịch vụ công. Xin cảm ơn ông đã phản ánh.';
async function as(username) {
  const api = await request.newContext({ baseURL: BASE });
  const r = await api.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  assert.equal(r.status(), 200, await r.text());
  return api;
}
async function ok(res, status = 200) {
  assert.equal(res.status(), status, await res.text());
  return res.json();
}
const path = (code, tail) => `/api/v1/dossiers/${encodeURIComponent(code)}/${tail}`;

const codes = [];
let lateCode;
before(async () => {
  const clerk = await as('tn.tp');
  const head = await as('ld.tp');
  const specialist = await as('cv.tp');
  for (let i = 0; i < 3; i++) {
    const idNumber = `0465${String(Date.now() + i).slice(-8)}`;
    const d = await ok(await clerk.post('/api/v1/dossiers', {
      data: { procedure: '2.000748', channel: i === 0 ? 'online' : 'direct', receive: true, applicant: { fullName: APPLICANT, idNumber, phone: '0905123456' } },
    }), 201);
    codes.push(d.code);
    await ok(await clerk.post(path(d.code, 'transfer'), { data: {} }));
    // The first two are taken through by the specialist then the head; the third by the head alone.
    const worker = i < 2 ? specialist : head;
    for (let s = 0; s < 10; s++) {
      const cur = await ok(await worker.get(`/api/v1/dossiers/${encodeURIComponent(d.code)}`));
      if (cur.can.resolve) {
        await ok(await worker.post(path(d.code, 'resolve'), { data: { resultSummary: 'Đã có kết quả' } }));
        break;
      }
      await ok(await (s === 0 ? worker : head).post(path(d.code, 'complete-step'), { data: { note: 'Chuyển bước' } }));
    }
  }
  // A fourth, late by the one-stop rule: the department asks for a second supplement (with the written apology).
  const late = await ok(await clerk.post('/api/v1/dossiers', {
    data: { procedure: '2.000748', channel: 'direct', applicant: { fullName: APPLICANT, idNumber: `0466${String(Date.now()).slice(-8)}`, phone: '0905123456' } },
  }), 201);
  lateCode = late.code;
  await ok(await clerk.post(path(late.code, 'request-supplement'), { data: { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] } }));
  await ok(await clerk.post(path(late.code, 'supplement'), { data: {} }));
  await ok(await clerk.post(path(late.code, 'receive'), { data: {} }));
  await ok(await clerk.post(path(late.code, 'transfer'), { data: {} }));
  await ok(await specialist.post(path(late.code, 'request-supplement-by-department'), {
    data: { reason: 'Cần bổ sung', missing: ['Tờ khai có chữ ký'], apology: 'Xin lỗi ông/bà vì phải yêu cầu bổ sung lần thứ hai' },
  }));
  await ok(await clerk.post(path(late.code, 'supplement'), { data: {} }));
  for (let s = 0; s < 10; s++) {
    const cur = await ok(await head.get(`/api/v1/dossiers/${encodeURIComponent(late.code)}`));
    if (cur.can.resolve) {
      await ok(await head.post(path(late.code, 'resolve'), { data: { resultSummary: 'Đã có kết quả' } }));
      break;
    }
    await ok(await head.post(path(late.code, 'complete-step'), { data: { note: 'Chuyển bước' } }));
  }
  const link = await ok(await clerk.get(path(codes[0], 'evaluation-link')));
  const form = await ok(await clerk.get(`/api/v1/public/evaluations/${link.token}`));
  const sent = await clerk.post(`/api/v1/public/evaluations/${link.token}`, { data: { answers: form.questions.map((q) => ({ question: q.id, value: q.options[0].value })) } });
  assert.ok(sent.status() < 300, await sent.text());
  // A feedback through the real routes: submitted on the public site, accepted and assigned to Phòng Tư pháp, answered
  // by its head, published by the director — it appears on the transparency page, without the sender's details.
  const pub = await request.newContext({ baseURL: BASE });
  const sentFb = await ok(await pub.post('/api/v1/public/feedback', { data: { center: CENTER, content: FEEDBACK, contact: { fullName: SENDER, phone: '0905777888' } } }), 201);
  await pub.dispose();
  const director = await as('giamdoc');
  const list = await ok(await director.get('/api/v1/feedback?status=received&limit=100'));
  const item = list.items.find((x) => x.code === sentFb.code);
  assert.ok(item, 'the director sees the new feedback');
  const deps = await ok(await director.get('/api/v1/feedback/' + item.id));
  await ok(await director.post(`/api/v1/feedback/${item.id}/accept`, { data: {} }));
  const tp = deps.departments.find((d) => d.name === 'Phòng Tư pháp').id;
  await ok(await director.post(`/api/v1/feedback/${item.id}/assign`, { data: { departmentId: tp } }));
  await ok(await head.post(`/api/v1/feedback/${item.id}/answer`, { data: { answer: ANSWER, upheld: true } }));
  await ok(await director.post(`/api/v1/feedback/${item.id}/publish`, { data: {} }));
  await director.dispose();
  await Promise.all([clerk.dispose(), head.dispose(), specialist.dispose()]);
});


test('the director reads the ranking with its formula and records a periodic assessment', { timeout: 180_000 }, (t) =>
  withPage(t, { viewport: { width: 1440, height: 1000 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console/);
    await page.goto(`${BASE}/console/reports/ranking`);
    const table = page.getByTestId('ranking-table');
    await table.getByText('Phòng Tư pháp').first().waitFor();
    await page.getByTestId('ranking-formula').getByText('Điểm = 100 + (Tỷ lệ đúng hạn − Tỷ lệ đúng hạn kỳ vọng) × 100').waitFor();
    await page.getByTestId('ranking-formula').getByText(/− 5 × Số phản ánh đúng/).waitFor();
    await page.getByTestId('ranking-chart').locator('svg').waitFor();
    await readmeShot(page, 'ranking.png', { fullPage: true });

    const me = await as('giamdoc');
    const now = await ok(await me.get('/api/v1/reports/ranking?from=2026-01-01&to=2030-12-31&by=staff'));
    const cv = now.rows.find((r) => r.roles.includes('specialist'));
    assert.ok(cv, 'the specialist who handled two dossiers is ranked');
    await me.dispose();
    await page.getByTestId(`assess-${cv.key}`).click();
    await page.getByRole('dialog').getByText(`Đánh giá định kỳ cán bộ: ${cv.name}`).waitFor();
    await page.getByTestId('assess-rating').click();
    await page.getByTitle('Hoàn thành tốt nhiệm vụ').click();
    await page.getByTestId('assess-remarks').fill('Giải quyết đúng hạn, phối hợp tốt với bộ phận một cửa.');
    await readmeShot(page, 'ranking-assess.png');
    await page.getByRole('button', { name: 'Lưu đánh giá' }).click();
    await page.getByText(`Đã lưu đánh giá của ${cv.name}.`).waitFor();
    await page.getByTestId('assessments').getByText('Hoàn thành tốt nhiệm vụ').waitFor();
    await page.getByTestId('assessments').getByText('Giải quyết đúng hạn, phối hợp tốt').waitFor();

    await page.getByTestId('ranking-by').getByText('Theo phòng chuyên môn').click();
    await table.locator('th').getByText('Phòng chuyên môn').waitFor();
    await table.locator('th').getByText('Phản ánh giao xử lý').waitFor();
    await table.locator('th').getByText('Phản ánh đúng').waitFor();
    await readmeShot(page, 'ranking-department.png', { fullPage: true });
  }));

test('the 766 index shows each figure with its formula and opens the dossiers behind it', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1440, height: 1000 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console/);
    await page.goto(`${BASE}/console/reports/index-766`);
    const f21 = page.getByTestId('figure-2.1');
    await f21.waitFor();
    await f21.getByText('Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn').waitFor();
    await page.getByTestId('figure-5.2').getByText('Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn').waitFor();
    await readmeShot(page, 'index-766.png', { fullPage: true });
    await page.getByTestId('figure-2.1-list').click();
    const drawer = page.getByTestId('index-counted');
    for (const code of codes) await drawer.getByText(code).waitFor();
    await page.getByTestId('index-rest').getByText(lateCode).waitFor();
    await readmeShot(page, 'index-766-list.png');
  }));

test('the center\'s public transparency page: figures and codes, no names', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.goto(`${BASE}/procedures`);
    await page.getByTestId('footer-transparency').click();
    await page.waitForURL(new RegExp(`/cong-khai/${CENTER.replace(/\./g, '\\.')}`));
    await page.getByTestId('transparency').waitFor();
    await page.getByText('Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn').waitFor();
    // Other browser tests of the same run may rate dossiers this month too: the page shows the server's own count.
    const pub = await (await fetch(`${BASE}/api/v1/public/centers/${encodeURIComponent(CENTER)}/transparency`)).json();
    assert.ok(pub.evaluations.count >= 1, 'the rating recorded above is counted');
    await page.getByText(`${pub.evaluations.count} phiếu đánh giá trong tháng`).waitFor();
    await page.getByTestId('transparency-late').getByText(lateCode).waitFor();
    await page.getByTestId('transparency-late').getByText('xin lỗi vì yêu cầu bổ sung lần hai').waitFor();
    await page.getByTestId('transparency-feedback-list').getByText(FEEDBACK).waitFor();
    await page.getByTestId('transparency-feedback-list').getByText(ANSWER).waitFor();
    const text = await page.getByTestId('transparency').innerText();
    assert.ok(!text.includes(APPLICANT), 'no applicant name on the public page');
    assert.ok(!text.includes(SENDER) && !text.includes('0905777888'), 'no feedback sender on the public page');
    await readmeShot(page, 'transparency.png', { fullPage: true });
  }));
