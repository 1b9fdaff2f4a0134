// Issue 14 item 4: a single-use evaluation link per dossier, its public questions, answers recorded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { QUESTIONS } from '../../src/modules/evaluations/domain/questions';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, register } from '../support/dossiers';

const clock = new ManualClock(new Date('2025-03-12T02:00:00Z'));
let t: TestApp;
let clerk: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  clerk = await t.login('tn.tp');
});
afterAll(async () => t.close());

const link = (code: string, cookie = clerk) =>
  t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/evaluation-link`, headers: { cookie } });
const allAnswers = () => QUESTIONS.map((q) => ({ question: q.id, value: q.options[0]!.value }));

describe('satisfaction evaluation by single-use link', () => {
  it('issues one link per dossier, shows the questions, records once, then 409', async () => {
    const d = await register(t, clerk, { applicant: applicant(901) });
    const r1 = await link(d.code);
    expect(r1.statusCode, r1.body).toBe(200);
    const { url, token } = r1.json() as { url: string; token: string };
    expect(url.endsWith(`/danh-gia/${token}`)).toBe(true);
    expect((await link(d.code)).json().token).toBe(token); // same link on reprint

    const q = await t.app.inject({ url: `/api/v1/public/evaluations/${token}` });
    expect(q.statusCode).toBe(200);
    const body = q.json();
    expect(body.dossierCode).toBe(d.code);
    expect(body.submitted).toBe(false);
    expect(body.questions.map((x: { id: string }) => x.id)).toEqual(['reception', 'time', 'attitude', 'publicity', 'online']);
    expect(body.questions[2].options.map((o: { label: string }) => o.label)).toEqual(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);

    const post = (answers: unknown) => t.app.inject({ method: 'POST', url: `/api/v1/public/evaluations/${token}`, payload: { answers } });
    const bad = await post([{ question: 'reception', value: 2 }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Chưa trả lời');
    const wrong = await post(allAnswers().map((a, i) => (i === 0 ? { ...a, value: 7 } : a)));
    expect(wrong.statusCode).toBe(400);

    expect((await post(allAnswers())).statusCode).toBe(201);
    const again = await post(allAnswers());
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('đã được đánh giá');

    const row = await t.db.query('SELECT answers, channel FROM evaluations WHERE token = $1', [token]);
    expect(row.rows[0]).toEqual({ answers: { reception: 2, time: 2, attitude: 2, publicity: 2, online: 2 }, channel: 'link' });
    expect((await t.app.inject({ url: `/api/v1/public/evaluations/${token}` })).json().submitted).toBe(true);

    // The period report counts it in Hương Thủy, field TP, with full marks; the Huế director sees nothing of it.
    const report = async (user: string, q = 'from=2025-03-12&to=2025-03-12') =>
      t.app.inject({ url: `/api/v1/reports/evaluations?${q}`, headers: { cookie: await t.login(user) } });
    const rep = await report('giamdoc');
    expect(rep.statusCode, rep.body).toBe(200);
    const r = rep.json();
    expect(r.total).toBe(1);
    expect(r.questions.find((x: { id: string }) => x.id === 'attitude')).toMatchObject({ answered: 1, average: 2 });
    expect(r.byField).toEqual([expect.objectContaining({ key: 'TP', count: 1, average: 2 })]);
    expect((await report('giamdoc.hue')).json().total).toBe(0);
    expect((await report('giamdoc', 'from=2025-03-13&to=2025-03-31')).json().total).toBe(0);
    expect((await report('giamdoc', 'from=2025-03-13&to=2025-03-01')).statusCode).toBe(400);
    expect((await report('tn.tp')).statusCode).toBe(403);
  });

  it('unknown or malformed tokens: 404 / 400; staff route needs sign-in', async () => {
    expect((await t.app.inject({ url: '/api/v1/public/evaluations/AAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/evaluations/x' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/dossiers/ABCDE-1/evaluation-link' })).statusCode).toBe(401);
  });
});
