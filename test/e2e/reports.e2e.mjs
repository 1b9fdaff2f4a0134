// The director's dashboard and the reports screen: figures of a small history (dossiers received weeks ago by
// back-entry, some settled late, some today online and at the counter), a number opens the list of exactly that many
// dossiers, the settlement report opens its lists too and offers Excel and the PDF form, the monthly report the
// scheduler made at start (the previous month, caught up) is listed with its files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { appNow, BASE, closeBrowser, loginViaForm, PASSWORD, readmeShot, withPage } from './support.mjs';

after(closeBrowser);

const newIdNumber = (i) => `0462${String(Date.now()).slice(-6)}${String(i).padStart(2, '0')}`;
const daysAgo = (n, hour = 9) => {
  const d = new Date(appNow() - n * 86_400_000);
  const day = new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+07:00`;
};

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

/** A history at Hương Thủy: back-entries from the last weeks (some overdue), settled ones, today's receptions. */
before(async () => {
  const clerk = { tp: await as('tn.tp'), dd: await as('tn.dd'), tc: await as('tn.tc') };
  const head = { tp: await as('ld.tp'), dd: await as('ld.dd'), tc: await as('ld.tc') };
  let i = 0;
  const make = async (field, procedure, { ago, channel = 'direct', settle = false }) => {
    const body = { procedure, applicant: { fullName: 'Trần Thị Bích Ngọc', idNumber: newIdNumber(++i), phone: '0905123456' }, channel };
    const created = await ok(await clerk[field].post('/api/v1/dossiers', {
      data: ago ? { ...body, backEntry: { receivedAt: daysAgo(ago), reason: 'Mất điện, tiếp nhận trên giấy rồi nhập bù' } } : { ...body, receive: true },
    }), 201);
    const code = encodeURIComponent(created.code);
    await ok(await clerk[field].post(`/api/v1/dossiers/${code}/transfer`, { data: {} }));
    if (!settle) return;
    for (let k = 0; k < 8; k++) {
      const d = await ok(await head[field].get(`/api/v1/dossiers/${code}`));
      if (d.can.resolve) return ok(await head[field].post(`/api/v1/dossiers/${code}/resolve`, { data: { resultSummary: 'Đã có kết quả' } }));
      await ok(await head[field].post(`/api/v1/dossiers/${code}/complete-step`, { data: {} }));
    }
  };
  await make('tp', '2.000748', { ago: 24 });
  await make('tp', '2.000748', { ago: 17 });
  await make('tp', '2.000748', { ago: 12, settle: true });
  await make('dd', '1.012790', { ago: 20 });
  await make('dd', '1.012790', { ago: 2, settle: true });
  await make('tc', '1.001612', { ago: 9, settle: true });
  await make('tc', '1.001612', { ago: 1 });
  await make('tp', '2.000748', { channel: 'online' });
  await make('tp', '2.000748', { channel: 'online', settle: true });
  await make('tp', '2.000748', {});
  await make('dd', '1.012790', {});
  for (const api of [...Object.values(clerk), ...Object.values(head)]) await api.dispose();
});

const number = (s) => Number((s ?? '').replace(/\D/g, ''));

test("the director's dashboard: a number opens the list of exactly those dossiers", { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1366, height: 1500 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console$/);
    await page.getByTestId('dashboard-figures').waitFor();
    await page.getByTestId('chart-settlement').locator('svg').waitFor();
    await page.getByTestId('chart-by-field').locator('svg').waitFor();
    const overdue = number(await page.getByTestId('dash-overdue').textContent());
    assert.ok(overdue >= 3, `at least the three back-entries past their due date are overdue, got ${overdue}`);
    const rows = await page.getByTestId('most-overdue').locator('tbody tr.ant-table-row').count();
    assert.equal(rows, Math.min(10, overdue));
    await readmeShot(page, 'dashboard.png', { fullPage: true });

    await page.getByTestId('dash-overdue').click();
    await page.waitForURL(/\/console\/dossiers\?stat=overdue/);
    await page.getByTestId('stat-banner').waitFor();
    assert.match(await page.getByTestId('stat-banner').textContent(), /đang quá hạn/);
    const total = page.locator('.ant-pagination-total-text');
    await total.waitFor();
    assert.equal(number(await total.textContent()), overdue);
    assert.equal(await page.locator('[data-testid=dossier-table] tbody tr.row-overdue').count(), Math.min(20, overdue));

    // Back to the dashboard; this month's online receptions open their own list.
    await page.goBack();
    const online = page.getByTestId('fig-month-received_online');
    const n = number(await online.textContent());
    assert.ok(n >= 2);
    await online.click();
    await page.waitForURL(/stat=received_online/);
    await page.locator('.ant-pagination-total-text').waitFor();
    assert.equal(number(await page.locator('.ant-pagination-total-text').textContent()), n);
  }));

test('the reports screen: the period report opens its lists, exports the form, lists the monthly reports', { timeout: 120_000 }, (t) =>
  withPage(t, { viewport: { width: 1500, height: 1100 } }, async (page) => {
    await loginViaForm(page, 'giamdoc');
    await page.waitForURL(/\/console$/);
    await page.goto(`${BASE}/console/reports`);
    const table = page.getByTestId('settlement-table');
    await table.locator('tr.total-row').waitFor();
    // The monthly report of the previous month was made when the app started (caught up) and is listed.
    const monthly = page.getByTestId('monthly-table').locator('tbody tr.ant-table-row');
    await monthly.first().waitFor({ timeout: 30_000 });
    assert.match(await monthly.first().textContent(), /Đã lập/);
    await readmeShot(page, 'reports.png', { fullPage: true });

    const totalReceived = table.locator('tr.total-row a[data-stat=received]');
    const n = number(await totalReceived.textContent());
    assert.ok(n >= 11);
    const pdfHref = await page.getByTestId('settlement-pdf').getAttribute('href');
    const pdf = await page.request.get(`${BASE}${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    const xlsx = await page.request.get(`${BASE}${await page.getByTestId('settlement-xlsx').getAttribute('href')}`);
    assert.match(xlsx.headers()['content-type'], /spreadsheetml/);

    await totalReceived.click();
    await page.waitForURL(/\/console\/dossiers\?stat=received/);
    await page.locator('.ant-pagination-total-text').waitFor();
    assert.equal(number(await page.locator('.ant-pagination-total-text').textContent()), n);
  }));
