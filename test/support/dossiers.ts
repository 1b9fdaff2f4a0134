import type { TestApp } from './app';

// Builders for dossier tests: real API calls, so every test goes through the same rules as a clerk.
export const applicant = (n = 1) => ({
  fullName: 'Nguyễn Văn An',
  idNumber: `0460800${String(n).padStart(5, '0')}`,
  dateOfBirth: '1980-01-02',
  phone: '0905000111',
  address: 'Phường Phú Bài, thị xã Hương Thủy',
});

export async function register(t: TestApp, cookie: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie, ...headers }, payload: { procedure: '2.000748', applicant: applicant(), channel: 'direct', ...body } });
  if (r.statusCode !== 201) throw new Error(`register: ${r.statusCode} ${r.body}`);
  return r.json();
}

export async function action(t: TestApp, cookie: string, code: string, name: string, body: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${encodeURIComponent(code)}/${name}`, headers: { cookie }, payload: body });
}

/**
 * Tests about something other than fees hand a result over as the center does when the director has waived what
 * is owed (fees/gate.ts): a waiver row, with no receipt, cash book entry or message to change what they count.
 */
export async function waiveFeesForReturn(t: TestApp, code: string) {
  await t.db.query(`INSERT INTO fee_waivers (dossier_id, amount, reason, waived_by, waived_at)
    SELECT d.id, 0, 'Miễn thu trong kiểm thử', (SELECT id FROM users WHERE username = 'giamdoc'), now() FROM dossiers d WHERE d.code = $1
    ON CONFLICT DO NOTHING`, [code]);
}

/**
 * The appointment slip (receipt.pdf) is handed out once the fees due at reception are paid or waived (fees/gate.ts):
 * tests about the slip's content waive them the same way as `waiveFeesForReturn`, without a receipt or cash book entry.
 */
export const waiveFeesForSlip = waiveFeesForReturn;

export async function mustAct(t: TestApp, cookie: string, code: string, name: string, body: Record<string, unknown> = {}) {
  if (name === 'return') await waiveFeesForReturn(t, code);
  const r = await action(t, cookie, code, name, body);
  if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body}`);
  return r.json();
}

export async function getDossier(t: TestApp, cookie: string, code: string) {
  return t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}`, headers: { cookie } });
}
