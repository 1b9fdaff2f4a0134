import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { applicant, getDossier, mustAct, register } from '../support/dossiers';

// Registration and every transition answer with the dossier built from what the write returned (no second read,
// for speed). These tests hold that answer to the truth: after each write, a fresh GET by the same person must
// return exactly the same document.
const clock = new ManualClock(new Date('2025-03-11T02:00:00Z')); // Tuesday 09:00 in Hương Thủy
let t: TestApp;
let clerk: string, cv: string, ld: string;
beforeAll(async () => {
  t = await createTestApp({ clock });
  await login();
});
afterAll(async () => t.close());

async function expectSameAsRead(cookie: string, answer: { code: string; ticket?: unknown }) {
  const fresh = await getDossier(t, cookie, answer.code);
  expect(fresh.statusCode).toBe(200);
  // A registration also answers with its queue number (none here: the clerk serves no ticket), beside the dossier.
  const { ticket, ...dossier } = answer;
  if ('ticket' in answer) expect(ticket).toBeNull();
  expect(dossier).toEqual(fresh.json());
}

const login = async () => ([clerk, cv, ld] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp'].map((u) => t.login(u))));
// Moving the clock can pass the 30-minute idle limit and end the sessions: sign in again, as staff would.
async function step(minutes: number) {
  clock.advanceMinutes(minutes);
  await login();
}

describe('write answers equal a fresh read', () => {
  it('through the whole life: register, receive, transfer, claim, steps, resolve, return', async () => {
    const d = await register(t, clerk, { applicant: applicant(901) });
    await expectSameAsRead(clerk, d);
    await step(3);
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'receive', { note: 'Đủ giấy tờ' }));
    await step(5);
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'transfer', {}));
    await step(10);
    await expectSameAsRead(cv, await mustAct(t, cv, d.code, 'assign', {}));
    await expectSameAsRead(cv, await mustAct(t, cv, d.code, 'complete-step', { note: 'Hồ sơ hợp lệ, trình lãnh đạo' }));
    await step(20);
    await expectSameAsRead(ld, await mustAct(t, ld, d.code, 'complete-step', { note: 'Đồng ý' }));
    await step(20);
    await expectSameAsRead(cv, await mustAct(t, cv, d.code, 'resolve', { resultSummary: 'Đã cấp trích lục' }));
    await step(60);
    const ret = await mustAct(t, clerk, d.code, 'return', { method: 'post', trackingNumber: 'EB123456789VN' });
    await expectSameAsRead(clerk, ret);
    expect(ret.events.map((e: { action: string }) => e.action)).toEqual(['register', 'receive', 'transfer', 'assign', 'complete-step', 'complete-step', 'resolve', 'return']);
  });

  it('through supplements, a pause, a late notice and an extension', async () => {
    const d = await register(t, clerk, { applicant: applicant(902), channel: 'online' });
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao CCCD'] }));
    await step(30);
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'supplement', {}));
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'receive', {}));
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'transfer', {}));
    await step(60);
    await expectSameAsRead(cv, await mustAct(t, cv, d.code, 'request-supplement-by-department', { reason: 'Cần xác minh', missing: ['Giấy xác nhận cư trú'], apology: 'Trung tâm xin lỗi ông vì phải bổ sung lần hai.' }));
    await step(24 * 60);
    // The center records the applicant's supplement; the clock resumes with the paused working time added.
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'supplement', {}));
    const current = (await getDossier(t, cv, d.code)).json();
    const later = new Date(new Date(current.dueAt).getTime() + 3 * 86_400_000).toISOString();
    await expectSameAsRead(cv, await mustAct(t, cv, d.code, 'report-late', { reason: 'Chờ cơ quan khác trả lời', proposedDueAt: later }));
    await expectSameAsRead(clerk, await mustAct(t, clerk, d.code, 'extend', { reason: 'Chờ cơ quan khác trả lời', newDueAt: later }));
  });

  it('refusal and withdrawal', async () => {
    const a = await register(t, clerk, { applicant: applicant(903) });
    await expectSameAsRead(clerk, await mustAct(t, clerk, a.code, 'refuse', { reason: 'Không thuộc thẩm quyền' }));
    const b = await register(t, clerk, { applicant: applicant(904) });
    await mustAct(t, clerk, b.code, 'receive', {});
    await expectSameAsRead(clerk, await mustAct(t, clerk, b.code, 'withdraw', { reason: 'Người nộp xin rút hồ sơ' }));
  });

  it('registrations sent together (one batch) each answer with their own dossier', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => register(t, clerk, { applicant: applicant(910 + i) })));
    expect(new Set(answers.map((a) => a.code)).size).toBe(12);
    answers.forEach((a, i) => expect(a.applicant.idNumber).toBe(applicant(910 + i).idNumber));
    for (const a of answers) await expectSameAsRead(clerk, a);
  });
});
