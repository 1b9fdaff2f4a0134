// Issue 13 item 5: the return counter records who took the result — the applicant, or a person they authorised
// with that person's ID number and the authorisation paper — and the history and the control slip show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatText } from '../support/forms/pdf';
import { createTestApp, type TestApp } from '../support/app';
import { action, mustAct, register, waiveFeesForReturn } from '../support/dossiers';

let t: TestApp;
let clerk: string, cv: string, ld: string;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-12T02:00:00Z') });
  [clerk, cv, ld] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp'].map((u) => t.login(u)));
});
afterAll(async () => t.close());

/** A dossier with its result at the center, ready to be handed over. */
async function ready(): Promise<string> {
  const { code } = await register(t, clerk, { receive: true });
  await mustAct(t, clerk, code, 'transfer');
  await mustAct(t, cv, code, 'complete-step');
  await mustAct(t, ld, code, 'complete-step');
  await mustAct(t, cv, code, 'resolve', { resultSummary: 'Trích lục đã ký' });
  await waiveFeesForReturn(t, code);
  return code;
}
const returnEvent = (d: { events: { action: string; data: Record<string, unknown> }[] }) => d.events.find((e) => e.action === 'return')!;
const controlSlip = async (code: string) => flatText((await t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/forms/control.pdf`, headers: { cookie: clerk } })).rawPayload);

describe('who took the result', () => {
  it('the applicant, by default: named from the dossier, on the control slip as the last hand-off', async () => {
    const code = await ready();
    const d = (await action(t, clerk, code, 'return', { method: 'counter' })).json();
    expect(returnEvent(d).data.collectedBy).toEqual({ kind: 'applicant', fullName: 'Nguyễn Văn An' });
    const slip = await controlSlip(code);
    expect(slip).toContain('Trả kết quả giải quyết hồ sơ');
    expect(slip).toMatch(/Nhận: Người nộp hồ sơ/);
  });

  it('a person the applicant authorised: name, ID number and paper, all three required', async () => {
    const code = await ready();
    for (const partial of [{ kind: 'authorized' }, { kind: 'authorized', fullName: 'Lê Văn Bình', idNumber: '046190001234' }]) {
      const r = await action(t, clerk, code, 'return', { method: 'counter', collectedBy: partial });
      expect(r.statusCode).toBe(400);
      expect(r.json().detail).toBe('Người được ủy quyền nhận kết quả: nhập họ tên, số CCCD và giấy ủy quyền.');
    }
    const bad = await action(t, clerk, code, 'return', { method: 'counter', collectedBy: { kind: 'authorized', fullName: 'Lê Văn Bình', idNumber: '12345', authorization: 'Giấy ủy quyền số 12/UQ' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/12 \(hoặc 9\) chữ số/);
    const by = { kind: 'authorized', fullName: 'Lê Văn Bình', idNumber: '046190001234', authorization: 'Giấy ủy quyền số 12/UQ ngày 10/03/2025, UBND phường Phú Bài chứng thực' };
    const d = (await action(t, clerk, code, 'return', { method: 'counter', collectedBy: by })).json();
    expect(d.status).toBe('returned');
    expect(returnEvent(d).data.collectedBy).toEqual(by);
    const slip = await controlSlip(code);
    expect(slip).toContain('Người nhận: Lê Văn Bình');
    expect(slip).toContain('Người được ủy quyền (CCCD 046190001234; Giấy ủy quyền số 12/UQ ngày 10/03/2025');
  });

  it('by post: the tracking number on the control slip, no collector asked', async () => {
    const code = await ready();
    const d = (await action(t, clerk, code, 'return', { method: 'post', trackingNumber: 'EB123456789VN' })).json();
    expect(returnEvent(d).data.collectedBy).toBeUndefined();
    expect(await controlSlip(code)).toContain('Người nộp (qua bưu chính, mã vận đơn EB123456789VN)');
  });
});
