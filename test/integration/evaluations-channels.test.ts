// Issue 14 item 4, the missing channels: a tablet at the return counter (paired by key, bound to a counter, fed by
// the clerk's "Mời đánh giá"), paper forms typed in by their barcode, and the derived indicators computed from the
// dossier's history (checked against hand-counted histories) in each evaluation and in the period report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { QUESTIONS } from '../../src/modules/evaluations/domain/questions';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';

// Wednesday 12/03/2025 09:00 in Hương Thủy; a working day is 07:00–11:30 + 13:30–17:00 (8 h).
const clock = new ManualClock(new Date('2025-03-12T02:00:00Z'));
let t: TestApp;
const at = (local: string) => clock.set(new Date(`${local}+07:00`));
const as = async (user: string) => t.login(user);
const answers = (value = 2) => QUESTIONS.map((q) => ({ question: q.id, value: q.id === 'online' ? -1 : value }));

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => t.close());

const api = async (user: string | null, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
  const opts: InjectOptions = { method, url: `/api/v1${url}`, headers: { ...(user ? { cookie: await as(user) } : {}), ...headers } };
  if (payload !== undefined) opts.payload = payload;
  return t.app.inject(opts);
};

/** Registered, received and handed over at 12/03 09:00; the three steps done at the given moments. */
async function processed(n: number, steps: { supplement?: [string, string] ; done: [string, string, string] }) {
  at('2025-03-12T09:00:00');
  const clerk = await as('tn.tp');
  const d = await register(t, clerk, { applicant: applicant(n) });
  await mustAct(t, clerk, d.code, 'receive', {});
  await mustAct(t, clerk, d.code, 'transfer', {});
  if (steps.supplement) {
    at(steps.supplement[0]);
    await mustAct(t, await as('cv.tp'), d.code, 'request-supplement-by-department', { reason: 'Thiếu bản sao giấy khai sinh', missing: ['Bản sao giấy khai sinh'] });
    at(steps.supplement[1]);
    await mustAct(t, await as('tn.tp'), d.code, 'supplement', {});
  }
  at(steps.done[0]);
  await mustAct(t, await as('cv.tp'), d.code, 'complete-step', {});
  at(steps.done[1]);
  await mustAct(t, await as('ld.tp'), d.code, 'complete-step', {});
  at(steps.done[2]);
  await mustAct(t, await as('cv.tp'), d.code, 'resolve', { resultSummary: 'Trích lục đã ký' });
  return d.code as string;
}

/** The Code 128 barcodes printed on a PDF, read back as a counter scanner would (pdftoppm + zbarimg). */
function pdfBarcodes(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'eval-bar-'));
  try {
    writeFileSync(path.join(dir, 'form.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-png', path.join(dir, 'form.pdf'), path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => path.join(dir, f));
    return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Scode128.enable', ...pages], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let tabletKey = '';
let counterId = '';
let unit: string[] = [];

describe('evaluation tablet at the return counter', () => {
  it('the admin pairs a tablet with a counter; the key is shown once and only its hash kept', async () => {
    const c = await t.db.query<{ id: string; counter_id: string | null }>(
      `SELECT c.id, u.counter_id FROM counters c JOIN centers ce ON ce.id = c.center_id LEFT JOIN users u ON u.username = 'tn.tp'
       WHERE c.center_id = (SELECT center_id FROM users WHERE username = 'tn.tp') ORDER BY c.number LIMIT 1`);
    counterId = c.rows[0]!.counter_id ?? c.rows[0]!.id;
    const r = await api('admin', 'POST', '/evaluation-tablets', { center: '000.00.15.H57', counter: counterId, name: 'Máy tính bảng quầy trả kết quả' });
    expect(r.statusCode, r.body).toBe(201);
    tabletKey = r.json().key;
    expect(tabletKey).toMatch(/^tablet_/);
    const stored = await t.db.query('SELECT key_hash FROM evaluation_tablets');
    expect(stored.rows.map((x) => x.key_hash)).not.toContain(tabletKey);
    expect((await api('admin', 'GET', '/evaluation-tablets?center=000.00.15.H57')).json().items).toHaveLength(1);
    // A counter of another center: refused, nothing written.
    const other = await t.db.query<{ id: string }>(`SELECT c.id FROM counters c WHERE c.center_id <> (SELECT center_id FROM counters WHERE id = $1) LIMIT 1`, [counterId]);
    const wrong = await api('admin', 'POST', '/evaluation-tablets', { center: '000.00.15.H57', counter: other.rows[0]!.id, name: 'X' });
    expect(wrong.statusCode).toBe(404);
    expect((await t.db.query('SELECT count(*)::int AS n FROM evaluation_tablets')).rows[0].n).toBe(1);
    // Only the admin pairs tablets.
    expect((await api('tn.tp', 'POST', '/evaluation-tablets', { counter: counterId, name: 'Y' })).statusCode).toBe(403);
  });

  it('welcome screen, then "Mời đánh giá" shows the dossier; answers recorded once (409 the second time)', async () => {
    const tablet = (method: 'GET' | 'POST', payload?: object, key = tabletKey) =>
      api(null, method, method === 'GET' ? '/public/evaluation-tablet' : '/public/evaluation-tablet/answers', payload, { 'x-tablet-key': key });
    expect((await api(null, 'GET', '/public/evaluation-tablet')).statusCode).toBe(403);
    const idle = await tablet('GET');
    expect(idle.statusCode, idle.body).toBe(200);
    expect(idle.json().pending).toBeNull();
    expect(idle.json().tablet.centerName).toContain('Hương Thủy');

    const code = await processed(951, { done: ['2025-03-12T14:00:00', '2025-03-13T09:00:00', '2025-03-13T10:00:00'] });
    unit = (await t.db.query<{ workflow: { unit: string }[] }>('SELECT workflow FROM dossiers WHERE code = $1', [code])).rows[0]!.workflow.map((s) => s.unit);
    at('2025-03-13T10:30:00');
    const push = await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/tablet`, { counter: counterId });
    expect(push.statusCode, push.body).toBe(200);
    const shown = (await tablet('GET')).json();
    expect(shown.pending).toMatchObject({ dossierCode: code });
    expect(shown.pending.questions).toHaveLength(QUESTIONS.length);

    const bad = await tablet('POST', { token: shown.pending.token, answers: answers().slice(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Chưa trả lời');
    const first = await tablet('POST', { token: shown.pending.token, answers: answers() });
    expect(first.statusCode, first.body).toBe(201);
    const again = await tablet('POST', { token: shown.pending.token, answers: answers(0) });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('đã được đánh giá');
    expect((await tablet('GET')).json().pending).toBeNull(); // back to the welcome screen
    const row = await t.db.query(`SELECT e.channel, e.answers, e.tablet_id IS NOT NULL AS by_tablet FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1`, [code]);
    expect(row.rows[0]).toEqual({ channel: 'kiosk', by_tablet: true, answers: { reception: 2, time: 2, attitude: 2, publicity: 2, online: -1 } });
    // Pushing an evaluated dossier: 409.
    expect((await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/tablet`, { counter: counterId })).statusCode).toBe(409);

    // Derived: department step 1 12/03 09:00–14:00 = 3 h; head 14:00 → 13/03 09:00 = 3 + 2 = 5 h; step 3 1 h; 9 h in all.
    const ev = (await api('giamdoc', 'GET', `/evaluations/dossiers/${code}`)).json();
    expect(ev.evaluation).toMatchObject({ submitted: true, channel: 'kiosk', enteredBy: null });
    const perUnit = new Map<string, number>();
    for (const [u, h] of [[unit[1]!, 3], [unit[2]!, 5], [unit[3]!, 1]] as const) perUnit.set(u, (perUnit.get(u) ?? 0) + h);
    expect(ev.derived).toEqual({ timing: 'early', workingHours: 9, contacts: 1, supplementRequests: 0, perUnit: [...perUnit].map(([u, h]) => ({ unit: u, workingHours: h })) });

    // A revoked key stops at once.
    const list = (await api('admin', 'GET', '/evaluation-tablets?center=000.00.15.H57')).json().items;
    expect((await api('admin', 'POST', `/evaluation-tablets/${list[0].id}/revoke`, { center: '000.00.15.H57' })).statusCode).toBe(200);
    expect((await tablet('GET')).statusCode).toBe(403);
  });

  it('a dossier without its result is neither pushed to the tablet nor typed in (409), and nothing is written', async () => {
    at('2025-03-14T09:00:00');
    const clerk = await as('tn.tp');
    const d = await register(t, clerk, { applicant: applicant(952) });
    const r = await api('tn.tp', 'POST', `/evaluations/dossiers/${d.code}/tablet`, { counter: counterId });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain('chưa có kết quả');
    const paper = await api('tn.tp', 'POST', `/evaluations/dossiers/${d.code}/paper`, { answers: answers() });
    expect(paper.statusCode).toBe(409);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1`, [d.code])).rows[0].n).toBe(0);
  });
});

describe('paper form typed in by its barcode', () => {
  it('finds the dossier by the code, records the answers once with who typed them; derived indicators hand-counted', async () => {
    const code = await processed(953, {
      supplement: ['2025-03-12T10:00:00', '2025-03-13T09:00:00'],
      done: ['2025-03-13T10:00:00', '2025-03-13T11:00:00', '2025-03-13T14:00:00'],
    });
    at('2025-03-14T08:00:00');
    // The printed rating form's barcode, scanned, is what the clerk types in.
    const pdf = await api('tn.tp', 'GET', `/dossiers/${encodeURIComponent(code)}/forms/evaluation.pdf`);
    expect(pdf.statusCode).toBe(200);
    const scanned = pdfBarcodes(pdf.rawPayload);
    expect(scanned).toEqual([code]);
    const before = await api('tn.tp', 'GET', `/evaluations/dossiers/${encodeURIComponent(scanned[0]!)}`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().evaluation.submitted).toBe(false);
    // Department 12/03 09–10 + 13/03 09–10 = 2 h; head 13/03 10–11 = 1 h; step 3 11:00–14:00 = 0.5 + 0.5 = 1 h;
    // the applicant held it 12/03 10:00 → 13/03 09:00 (7 h), not counted: 4 h in all; two contacts, one request.
    const perUnit = new Map<string, number>();
    for (const [u, h] of [[unit[1]!, 2], [unit[2]!, 1], [unit[3]!, 1]] as const) perUnit.set(u, (perUnit.get(u) ?? 0) + h);
    expect(before.json().derived).toEqual({ timing: 'early', workingHours: 4, contacts: 2, supplementRequests: 1, perUnit: [...perUnit].map(([u, h]) => ({ unit: u, workingHours: h })) });

    // Its counter's tablet was revoked: nothing to push to (404). A new tablet cannot record a dossier not pushed to it.
    const none = await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/tablet`, {});
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toContain('máy tính bảng');
    const fresh = (await api('admin', 'POST', '/evaluation-tablets', { center: '000.00.15.H57', counter: counterId, name: 'Máy mới' })).json();
    const { token } = (await api('tn.tp', 'GET', `/dossiers/${code}/evaluation-link`)).json();
    const stray = await api(null, 'POST', '/public/evaluation-tablet/answers', { token, answers: answers() }, { 'x-tablet-key': fresh.key });
    expect(stray.statusCode).toBe(409);
    expect(stray.json().code).toBe('EVALUATION_NOT_ON_TABLET');

    expect((await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/paper`, { answers: [{ question: 'reception', value: 9 }] })).statusCode).toBe(400);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM evaluations WHERE submitted_at IS NOT NULL`)).rows[0].n).toBe(1);
    const saved = await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/paper`, { answers: answers(1) });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().evaluation).toMatchObject({ submitted: true, channel: 'paper', enteredBy: expect.any(String) });
    const typist = await t.db.query(`SELECT u.username FROM evaluations e JOIN users u ON u.id = e.entered_by JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1`, [code]);
    expect(typist.rows[0].username).toBe('tn.tp');
    const audit = await t.db.query(`SELECT a.action, u.username FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'evaluation.paper'`);
    expect(audit.rows).toEqual([{ action: 'evaluation.paper', username: 'tn.tp' }]);
    expect((await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/paper`, { answers: answers(2) })).statusCode).toBe(409);
    // Another center's clerk cannot see or type it; a specialist cannot type paper forms.
    expect((await api('tn.tp.hue', 'GET', `/evaluations/dossiers/${code}`)).statusCode).toBe(403);
    expect((await api('cv.tp', 'POST', `/evaluations/dossiers/${code}/paper`, { answers: answers(2) })).statusCode).toBe(403);
  });

  it('the period report aggregates channels and the derived indicators of the rated dossiers', async () => {
    const r = await api('giamdoc', 'GET', '/reports/evaluations?from=2025-03-13&to=2025-03-14');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.total).toBe(2);
    expect(body.byChannel).toEqual([{ channel: 'kiosk', count: 1 }, { channel: 'link', count: 0 }, { channel: 'paper', count: 1 }]);
    expect(body.derived).toMatchObject({ dossiers: 2, early: 2, onTime: 0, late: 0, open: 0, averageWorkingHours: 6.5, averageContacts: 1.5, averageSupplementRequests: 0.5 });
    // Attitude: 2 (tablet) and 1 (paper) → 1.5.
    expect(body.questions.find((q: { id: string }) => q.id === 'attitude')).toMatchObject({ answered: 2, average: 1.5 });
  });
});

describe('rate limits: a paired tablet polls freely, an unknown caller is limited', () => {
  it('40 polls in a minute from a paired tablet pass; the 31st without a key is refused (429)', async () => {
    const limited = await createTestApp({ clock, config: { rateLimitFactor: 1 } });
    try {
      const admin = await limited.login('admin');
      const counter = (await limited.db.query<{ counter_id: string }>(`SELECT counter_id FROM users WHERE username = 'tn.tp'`)).rows[0]!.counter_id;
      const paired = await limited.app.inject({ method: 'POST', url: '/api/v1/evaluation-tablets', headers: { cookie: admin }, payload: { center: '000.00.15.H57', counter, name: 'Máy tính bảng' } });
      expect(paired.statusCode).toBe(201);
      const poll = (headers: Record<string, string>, remoteAddress: string) => limited.app.inject({ url: '/api/v1/public/evaluation-tablet', headers, remoteAddress });
      const fromTablet: number[] = [];
      for (let i = 0; i < 40; i++) fromTablet.push((await poll({ 'x-tablet-key': paired.json().key }, '10.20.0.1')).statusCode);
      expect(fromTablet.every((c) => c === 200)).toBe(true);
      const anonymous: number[] = [];
      for (let i = 0; i < 31; i++) anonymous.push((await poll({ 'x-tablet-key': 'tablet_not-a-real-key-0000000000' }, '10.20.0.2')).statusCode);
      expect(anonymous.slice(0, 30).every((c) => c === 403)).toBe(true);
      expect(anonymous[30]).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
