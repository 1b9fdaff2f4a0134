// A known history for the reports tests, built through the API with a hand-moved clock (Hương Thủy unless said):
// January–March 2026 around Tết (days off Mon 16 – Fri 20/02). Every dossier's fate is written next to it; the
// tests count the report's figures by hand from these lines.
import { expect } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import type { TestApp } from './app';
import { applicant, waiveFeesForReturn } from './dossiers';

export const HT = '000.00.15.H57';

export interface History {
  codes: Record<string, string>;
  /** The director's dashboard as it was at a few instants of the history. */
  snapshots: Record<string, { overdue: number; atRisk: number; mostOverdue: { code: string }[] }>;
}

/** Signs in on demand and again after the idle limit (the clock jumps days ahead). */
export function sessions(t: TestApp) {
  const cookies = new Map<string, string>();
  return async function as(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    if (!cookies.has(user)) cookies.set(user, await t.login(user));
    const send = () => t.app.inject({ method, url, headers: { cookie: cookies.get(user)! }, ...(payload ? { payload } : {}) });
    let r = await send();
    if (r.statusCode === 401) {
      cookies.set(user, await t.login(user));
      r = await send();
    }
    return r;
  };
}

export async function buildHistory(t: TestApp): Promise<History> {
  const clock = t.clock as ManualClock;
  const as = sessions(t);
  const at = (local: string) => clock.set(new Date(`${local.replace(' ', 'T')}:00+07:00`));
  const codes: Record<string, string> = {};
  const snapshots: History['snapshots'] = {};
  const snapshot = async (local: string) => {
    at(local);
    const r = await as('giamdoc', 'GET', '/api/v1/dashboard');
    expect(r.statusCode, r.body).toBe(200);
    snapshots[local] = r.json();
  };
  let n = 0;
  const ok = async (user: string, code: string, action: string, body: object = {}) => {
    const r = await as(user, 'POST', `/api/v1/dossiers/${encodeURIComponent(code)}/${action}`, body);
    expect(r.statusCode, `${action} ${code}: ${r.body}`).toBe(200);
    return r.json();
  };
  /** Registered and received at once (the counter's one step), by the field's clerk. */
  const receive = async (name: string, field: string, procedure: string, channel: 'direct' | 'post' | 'online', clerk = `tn.${field}`) => {
    const r = await as(clerk, 'POST', '/api/v1/dossiers', { procedure, applicant: applicant(++n), channel, receive: true });
    expect(r.statusCode, r.body).toBe(201);
    codes[name] = r.json().code;
    return codes[name] as string;
  };
  const transfer = (code: string, field: string) => ok(`tn.${field}`, code, 'transfer');
  /** The department head takes it through the remaining steps and resolves (or rejects) it at the last one. */
  const settle = async (code: string, field: string, how: 'resolve' | 'reject' = 'resolve') => {
    for (let i = 0; i < 10; i++) {
      const d = (await as(`ld.${field}`, 'GET', `/api/v1/dossiers/${encodeURIComponent(code)}`)).json();
      if (d.can[how]) return ok(`ld.${field}`, code, how, how === 'reject' ? { reason: 'Không đủ điều kiện theo quy định' } : { resultSummary: 'Đã có kết quả' });
      await ok(`ld.${field}`, code, 'complete-step', { note: 'Chuyển bước' });
    }
    throw new Error(`could not ${how} ${code}`);
  };

  // A — received Mon 26/01 09:00 (due Thu 29/01 17:00), resolved Wed 28/01: early, in January.
  at('2026-01-26 09:00');
  await receive('A', 'tp', '2.000748', 'direct');
  await transfer(codes.A, 'tp');
  // B — online, received Tue 27/01 (due Fri 30/01 17:00), resolved Tue 03/02: carried into February, late.
  at('2026-01-27 09:00');
  await receive('B', 'tp', '2.000748', 'online');
  await transfer(codes.B, 'tp');
  at('2026-01-28 10:00');
  await settle(codes.A, 'tp');

  // D — postal, received Mon 02/02 (due Thu 05/02 17:00), resolved Thu 05/02 16:00: on time.
  // M — land (DD, 8 days), received Mon 02/02, resolved Wed 04/02: early (another department).
  at('2026-02-02 09:00');
  await receive('D', 'tp', '2.000748', 'post');
  await transfer(codes.D, 'tp');
  await receive('M', 'dd', '1.012790', 'direct');
  await transfer(codes.M, 'dd');
  // N — household business (TC), inter-agency with the tax office; received Tue 03/02 (due Fri 06/02), resolved
  // Thu 05/02 15:00: early, counted once.
  at('2026-02-03 09:00');
  await receive('N', 'tc', '1.001612', 'direct');
  await transfer(codes.N, 'tc');
  at('2026-02-03 10:00');
  await settle(codes.B, 'tp');
  // E — received Wed 04/02 (due Mon 09/02 17:00); the department asks for a supplement Fri 06/02 10:00, the
  // applicant brings it Tue 24/02 09:00 after Tết: 55 working hours paused, due Wed 25/02 16:00; resolved Wed 25/02
  // 15:00: on time (late if the paused time counted).
  at('2026-02-04 09:00');
  await receive('E', 'tp', '2.000748', 'direct');
  await transfer(codes.E, 'tp');
  at('2026-02-04 10:00');
  await settle(codes.M, 'dd');
  // F — first a supplement request at the counter, received Thu 05/02 10:00 (due Tue 10/02 17:00); a second request by
  // the department Mon 09/02 09:00 (with an apology), supplemented 14:00; resolved Tue 10/02 10:00, before its due
  // date: late, by the second supplement request.
  at('2026-02-05 09:00');
  const f = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(++n), channel: 'direct' });
  codes.F = f.json().code;
  await ok('tn.tp', codes.F, 'request-supplement', { reason: 'Thiếu giấy tờ', missing: ['Bản sao giấy khai sinh'] });
  at('2026-02-05 10:00');
  await ok('tn.tp', codes.F, 'supplement');
  await ok('tn.tp', codes.F, 'receive');
  await transfer(codes.F, 'tp');
  at('2026-02-05 15:00');
  await settle(codes.N, 'tc');
  at('2026-02-05 16:00');
  await settle(codes.D, 'tp');
  at('2026-02-06 10:00');
  await ok('cv.tp', codes.E, 'request-supplement-by-department', { reason: 'Cần bổ sung', missing: ['Bản sao trích lục'] });
  // H — received Mon 09/02, withdrawn Wed 11/02: settled as withdrawn.
  at('2026-02-09 09:00');
  await ok('cv.tp', codes.F, 'request-supplement-by-department', { reason: 'Cần bổ sung lần hai', missing: ['Tờ khai có chữ ký'], apology: 'Xin lỗi vì phải yêu cầu bổ sung lần thứ hai' });
  await receive('H', 'tp', '2.000748', 'direct');
  await transfer(codes.H, 'tp');
  at('2026-02-09 14:00');
  await ok('tn.tp', codes.F, 'supplement');
  // I — registered Tue 10/02 and refused: never received.
  // J — received Tue 10/02 (due Fri 13/02 17:00), found not eligible Thu 12/02 10:00: early, rejected; returned Fri 13/02.
  // C — back-entry on Tue 10/02 of a dossier received on paper Tue 20/01 09:00 during an outage (due Fri 23/01 17:00),
  // still open at the end of February: carried over, overdue.
  at('2026-02-10 09:00');
  const i = await as('tn.tp', 'POST', '/api/v1/dossiers', { procedure: '2.000748', applicant: applicant(++n), channel: 'direct' });
  codes.I = i.json().code;
  await ok('tn.tp', codes.I, 'refuse', { reason: 'Không thuộc thẩm quyền của Trung tâm' });
  await receive('J', 'tp', '2.000748', 'direct');
  await transfer(codes.J, 'tp');
  const c = await as('tn.tp', 'POST', '/api/v1/dossiers', {
    procedure: '2.000748', applicant: applicant(++n), channel: 'direct',
    backEntry: { receivedAt: '2026-01-20T09:00:00+07:00', reason: 'Mất điện, tiếp nhận trên giấy ngày 20/01' },
  });
  expect(c.statusCode, c.body).toBe(201);
  codes.C = c.json().code;
  await transfer(codes.C, 'tp');
  await ok('cv.tp', codes.C, 'assign'); // the specialist claims it: the dashboard names who holds it
  at('2026-02-10 10:00');
  await settle(codes.F, 'tp');
  at('2026-02-11 10:00');
  await ok('tn.tp', codes.H, 'withdraw', { reason: 'Người nộp xin rút hồ sơ' });
  // G — online, received Thu 12/02 09:00: 3 working days over Tết are Fri 13, Mon 23, Tue 24 → due Tue 24/02 17:00;
  // resolved Tue 24/02 10:00: on time.
  at('2026-02-12 09:00');
  await receive('G', 'tp', '2.000748', 'online');
  await transfer(codes.G, 'tp');
  at('2026-02-12 10:00');
  await settle(codes.J, 'tp', 'reject');
  at('2026-02-13 09:00');
  await waiveFeesForReturn(t, codes.J);
  await ok('tn.tp', codes.J, 'return', { method: 'counter' });
  // Friday before Tết, 17:00: G is due Tue 24/02, more than one working day away (the Tết week is off).
  await snapshot('2026-02-13 17:00');
  // K — received Mon 23/02 (due Thu 26/02 17:00); the department warns on Wed 25/02, the director extends Thu 26/02 to
  // Wed 04/03: overdue at the end of February all the same; resolved Tue 03/03 before the new date: late.
  // P — received Mon 23/02 (due Thu 26/02 17:00), paused by the department Wed 25/02 10:00 and still waiting at the end
  // of February: within time; resumed Thu 05/03 09:00 (47 h paused → due Fri 06/03 16:00), then overdue.
  at('2026-02-23 09:00');
  await receive('K', 'tp', '2.000748', 'direct');
  await transfer(codes.K, 'tp');
  await receive('P', 'tp', '2.000748', 'direct');
  await transfer(codes.P, 'tp');
  // O — Huế: another center, never in Hương Thủy's figures.
  await receive('O', 'tp', '2.000748', 'direct', 'tn.tp.hue');
  // Monday after Tết, 17:00: G (due tomorrow 17:00) is now at risk.
  await snapshot('2026-02-23 17:00');
  at('2026-02-24 09:00');
  await ok('tn.tp', codes.E, 'supplement');
  at('2026-02-24 10:00');
  await settle(codes.G, 'tp');
  at('2026-02-25 10:00');
  await ok('cv.tp', codes.K, 'report-late', { reason: 'Chờ ý kiến cơ quan khác', proposedDueAt: '2026-03-04T17:00:00+07:00' });
  await ok('cv.tp', codes.P, 'request-supplement-by-department', { reason: 'Cần bổ sung', missing: ['Giấy ủy quyền'] });
  at('2026-02-25 15:00');
  await settle(codes.E, 'tp');
  // L — online, received Thu 26/02 (due Tue 03/03 17:00): within time at the end of February; resolved Tue 03/03
  // 16:00: on time.
  at('2026-02-26 09:00');
  await receive('L', 'tp', '2.000748', 'online');
  await transfer(codes.L, 'tp');
  at('2026-02-26 10:00');
  await ok('giamdoc', codes.K, 'extend', { reason: 'Chờ ý kiến cơ quan khác, xin lỗi và hẹn lại', newDueAt: '2026-03-04T17:00:00+07:00' });

  at('2026-03-03 10:00');
  await settle(codes.K, 'tp');
  at('2026-03-03 16:00');
  await settle(codes.L, 'tp');
  // R — received Thu 05/03 09:00 (due Tue 10/03 17:00): at risk on the morning of 10/03.
  at('2026-03-05 09:00');
  await ok('tn.tp', codes.P, 'supplement');
  await receive('R', 'tp', '2.000748', 'direct');
  await transfer(codes.R, 'tp');
  // Q — online, received Mon 09/03 (due Thu 12/03 17:00): within time on 10/03.
  at('2026-03-09 09:00');
  await receive('Q', 'tp', '2.000748', 'online');
  await transfer(codes.Q, 'tp');
  // The hall on Tue 10/03: two tickets at 09:00 and 09:02, the first called at 09:12 (waited 12 minutes).
  at('2026-03-10 09:00');
  const counters = (await as('tn.tp', 'GET', `/api/v1/queue/counters?center=${HT}`)).json().items as { number: number; id: string; fieldCodes?: string[] }[];
  for (const when of ['2026-03-10 09:00', '2026-03-10 09:02']) {
    at(when);
    const tk = await t.app.inject({ method: 'POST', url: '/api/v1/queue/tickets', payload: { center: HT, field: 'TP' } });
    expect(tk.statusCode, tk.body).toBe(201);
  }
  at('2026-03-10 09:12');
  const called = await as('tn.tp', 'POST', `/api/v1/queue/counters/${counters.find((k) => k.number === 2)!.id}/call-next`, {});
  expect(called.statusCode, called.body).toBe(200);
  at('2026-03-10 10:00');
  return { codes, snapshots };
}
