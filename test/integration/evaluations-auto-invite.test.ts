// Issue 14: the return of a dossier at the counter invites the evaluation on the counter's tablet by itself — the
// same effect as the clerk's "Mời đánh giá" — at the counter the clerk sits at in the queue today, else the counter
// the clerk is assigned to. Once only; nothing for a result sent by post, an evaluated dossier, or a center that
// switched it off.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { QUESTIONS } from '../../src/modules/evaluations/domain/questions';
import { inviteOnReturn } from '../../src/modules/evaluations/auto-invite';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, mustAct, register } from '../support/dossiers';

// Wednesday 12/03/2025 09:00 in Hương Thủy.
const clock = new ManualClock(new Date('2025-03-12T02:00:00Z'));
let t: TestApp;
const at = (local: string) => clock.set(new Date(`${local}+07:00`));
const answers = () => QUESTIONS.map((q) => ({ question: q.id, value: q.id === 'online' ? -1 : 2 }));
let assigned = '';
let other = '';
let centerId = '';
const keys: Record<string, string> = {};

const api = async (user: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) => {
  const opts: InjectOptions = { method, url: `/api/v1${url}`, headers: { ...(user ? { cookie: await t.login(user) } : {}), ...headers } };
  if (payload !== undefined) opts.payload = payload;
  return t.app.inject(opts);
};
const tablet = (key: string) => api(null, 'GET', '/public/evaluation-tablet', undefined, { 'x-tablet-key': key });

/** A dossier with its result, ready to be returned. */
async function resolved(n: number): Promise<string> {
  at('2025-03-12T09:00:00');
  const clerk = await t.login('tn.tp');
  const d = await register(t, clerk, { applicant: applicant(n) });
  await mustAct(t, clerk, d.code, 'receive', {});
  await mustAct(t, clerk, d.code, 'transfer', {});
  await mustAct(t, await t.login('cv.tp'), d.code, 'complete-step', {});
  await mustAct(t, await t.login('ld.tp'), d.code, 'complete-step', {});
  await mustAct(t, await t.login('cv.tp'), d.code, 'resolve', { resultSummary: 'Trích lục đã ký' });
  return d.code as string;
}
const pushes = async (code: string) => (await t.db.query<{ data: Record<string, unknown> }>(
  `SELECT data FROM audit_log WHERE action = 'evaluation.tablet.push' AND data->>'dossier' = $1 ORDER BY id`, [code])).rows.map((r) => r.data);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const c = await t.db.query<{ counter_id: string; center_id: string }>(`SELECT counter_id, center_id FROM users WHERE username = 'tn.tp'`);
  assigned = c.rows[0]!.counter_id;
  centerId = c.rows[0]!.center_id;
  expect(assigned).toBeTruthy();
  other = (await t.db.query<{ id: string }>('SELECT id FROM counters WHERE center_id = $1 AND id <> $2 ORDER BY number LIMIT 1', [centerId, assigned])).rows[0]!.id;
  for (const [name, counter] of [['assigned', assigned], ['other', other]] as const) {
    const r = await api('admin', 'POST', '/evaluation-tablets', { center: '000.00.15.H57', counter, name: `Máy tính bảng ${name}` });
    expect(r.statusCode, r.body).toBe(201);
    keys[name] = r.json().key;
  }
});
afterAll(async () => t.close());

describe('auto-invite on return', () => {
  it('return at the counter → the tablet of the clerk\'s counter shows the dossier → answers recorded once', async () => {
    const code = await resolved(961);
    expect((await tablet(keys.assigned!)).json().pending).toBeNull();
    at('2025-03-13T10:30:00');
    await mustAct(t, await t.login('tn.tp'), code, 'return', {});
    const shown = (await tablet(keys.assigned!)).json();
    expect(shown.pending).toMatchObject({ dossierCode: code });
    expect((await tablet(keys.other!)).json().pending).toBeNull();
    expect(await pushes(code)).toEqual([expect.objectContaining({ dossier: code, auto: true })]);
    // Idempotent: inviting again changes nothing and writes nothing.
    const clerkId = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'tn.tp'`)).rows[0]!.id;
    const dossierId = (await t.db.query<{ id: string }>('SELECT id FROM dossiers WHERE code = $1', [code])).rows[0]!.id;
    expect(await inviteOnReturn(t.db, dossierId, clerkId, clock.now())).toBeNull();
    expect(await pushes(code)).toHaveLength(1);

    const first = await api(null, 'POST', '/public/evaluation-tablet/answers', { token: shown.pending.token, answers: answers() }, { 'x-tablet-key': keys.assigned! });
    expect(first.statusCode, first.body).toBe(201);
    const again = await api(null, 'POST', '/public/evaluation-tablet/answers', { token: shown.pending.token, answers: answers() }, { 'x-tablet-key': keys.assigned! });
    expect(again.statusCode).toBe(409);
    expect((await tablet(keys.assigned!)).json().pending).toBeNull();
    const rows = await t.db.query('SELECT e.channel FROM evaluations e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1', [code]);
    expect(rows.rows).toEqual([{ channel: 'kiosk' }]);
    // Evaluated: a later invite (as after a repeated return) sends nothing.
    expect(await inviteOnReturn(t.db, dossierId, clerkId, clock.now())).toBeNull();
    expect((await tablet(keys.assigned!)).json().pending).toBeNull();
  });

  it('the counter the clerk sits at in the queue today wins over the assigned one', async () => {
    const code = await resolved(962);
    at('2025-03-13T11:00:00');
    const open = await api('tn.tp', 'POST', `/queue/counters/${other}/open`);
    expect(open.statusCode, open.body).toBe(200);
    await mustAct(t, await t.login('tn.tp'), code, 'return', {});
    expect((await tablet(keys.other!)).json().pending).toMatchObject({ dossierCode: code });
    expect((await api('tn.tp', 'POST', `/queue/counters/${other}/close`)).statusCode).toBe(200);
  });

  it('no invite for a result sent by post, nor when the center switched it off', async () => {
    const before = (await tablet(keys.assigned!)).json().pending;
    const byPost = await resolved(963);
    at('2025-03-13T14:00:00');
    await mustAct(t, await t.login('tn.tp'), byPost, 'return', { method: 'post', trackingNumber: 'EB123456789VN' });
    expect(await pushes(byPost)).toEqual([]);

    const off = await api('admin', 'PATCH', `/admin/centers/${centerId}`, { evaluationAutoInvite: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().evaluationAutoInvite).toBe(false);
    const code = await resolved(964);
    at('2025-03-13T14:30:00');
    await mustAct(t, await t.login('tn.tp'), code, 'return', {});
    expect(await pushes(code)).toEqual([]);
    expect((await tablet(keys.assigned!)).json().pending).toEqual(before);
    // The button still works by hand.
    const push = await api('tn.tp', 'POST', `/evaluations/dossiers/${code}/tablet`, { counter: assigned });
    expect(push.statusCode, push.body).toBe(200);
    expect((await tablet(keys.assigned!)).json().pending).toMatchObject({ dossierCode: code });
    expect((await api('admin', 'PATCH', `/admin/centers/${centerId}`, { evaluationAutoInvite: true })).json().evaluationAutoInvite).toBe(true);
  });
});
