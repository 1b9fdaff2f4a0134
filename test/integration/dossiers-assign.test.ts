// The head of a department assigns a dossier to a colleague: who may be picked (active processing staff of the
// department holding it), who may assign (the head of that department, while it is being processed), and the
// `can.assign` flag the dossier page shows the control by.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/platform/password';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/app';
import { getDossier, mustAct, register } from '../support/dossiers';

let t: TestApp;
let clerk: string, cv: string, ld: string, ldOther: string, director: string;
const ids: Record<string, string> = {};

async function addUser(username: string, fullName: string, roles: string[], dept: string | null, active = true) {
  const r = await t.db.query<{ id: string }>(`INSERT INTO users (username, full_name, password_hash, roles, center_id, department_id, active)
    SELECT $1, $2, $3, $4, c.id, (SELECT id FROM departments WHERE center_id = c.id AND code = $5), $6 FROM centers c WHERE c.code = '000.00.15.H57' RETURNING id`,
  [username, fullName, await hashPassword(DEMO_PASSWORD), roles, dept, active]);
  return r.rows[0].id;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, cv, ld, ldOther, director] = await Promise.all(['tn.tp', 'cv.tp', 'ld.tp', 'ld.dd', 'giamdoc'].map((u) => t.login(u)));
  for (const u of ['cv.tp', 'ld.tp', 'cv.dd']) ids[u] = (await t.db.query('SELECT id FROM users WHERE username = $1', [u])).rows[0].id;
  ids.cv2 = await addUser('cv2.tp', 'Lê Thị Kim Oanh', ['specialist'], 'TP');
  ids.gone = await addUser('cv3.tp', 'Trần Văn Nghỉ', ['specialist'], 'TP', false);
  ids.clerkInDept = await addUser('tn2.tp', 'Võ Thị Quầy', ['reception'], 'TP');
});
afterAll(async () => t.close());

const assignees = (code: string, cookie: string) => t.app.inject({ url: `/api/v1/dossiers/${encodeURIComponent(code)}/assignees`, headers: { cookie } });
const assign = (code: string, cookie: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${encodeURIComponent(code)}/assign`, headers: { cookie }, payload: body });

async function atDepartment() {
  const d = await register(t, clerk);
  await mustAct(t, clerk, d.code, 'receive', {});
  return (await mustAct(t, clerk, d.code, 'transfer', {})) as { code: string; version: number };
}

describe('the head assigns a dossier to a colleague', () => {
  it('lists the active processing staff of the department, with their load, and assigns one of them', async () => {
    const d = await atDepartment();
    const detail = (await getDossier(t, ld, d.code)).json();
    expect(detail.can.assign).toBe(true);
    const list = await assignees(d.code, ld);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; username: string; role: string; roleName: string; openCount: number; current: boolean }[];
    expect(items.map((i) => i.username).sort()).toEqual(['cv.tp', 'cv2.tp', 'ld.tp']);
    expect(items.find((i) => i.username === 'ld.tp')!.roleName).toBe('Lãnh đạo phòng chuyên môn');
    expect(items.every((i) => !i.current)).toBe(true);
    const before = items.find((i) => i.username === 'cv2.tp')!.openCount;

    const r = await assign(d.code, ld, { userId: ids.cv2, version: detail.version });
    expect(r.statusCode, r.body).toBe(200);
    const after = r.json();
    expect(after.assignee).toBe('Lê Thị Kim Oanh');
    const ev = after.events.at(-1);
    expect(ev.action).toBe('assign');
    expect(ev.data).toMatchObject({ assigneeId: ids.cv2, assigneeName: 'Lê Thị Kim Oanh', assignedByHead: true });
    const again = (await assignees(d.code, ld)).json().items as typeof items;
    expect(again.find((i) => i.username === 'cv2.tp')).toMatchObject({ current: true, openCount: before + 1 });
    // The assignee sees it as theirs in the department inbox.
    const cv2 = await t.login('cv2.tp');
    const inbox = await t.app.inject({ url: '/api/v1/dossiers?inbox=1&limit=50', headers: { cookie: cv2 } });
    expect(inbox.json().items.find((i: { code: string }) => i.code === d.code)?.assignee).toBe('Lê Thị Kim Oanh');
  });

  it('only members of the department who process dossiers can be picked', async () => {
    const d = await atDepartment();
    for (const userId of [ids['cv.dd'], ids.gone, ids.clerkInDept]) {
      const r = await assign(d.code, ld, { userId });
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('DOSSIER_ASSIGNEE_INVALID');
    }
    expect((await getDossier(t, ld, d.code)).json().assignee).toBeNull();
  });

  it('a specialist cannot assign others (but may claim), and has no assign control', async () => {
    const d = await atDepartment();
    expect((await getDossier(t, cv, d.code)).json().can.assign).toBe(false);
    expect((await assignees(d.code, cv)).statusCode).toBe(403);
    const r = await assign(d.code, cv, { userId: ids.cv2 });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toBe('Chỉ lãnh đạo phòng được phân công cho người khác.');
    expect((await assign(d.code, cv, {})).statusCode).toBe(200);
  });

  it("another department's head gets 403; the center's director cannot assign either", async () => {
    const d = await atDepartment();
    expect((await assignees(d.code, ldOther)).statusCode).toBe(403);
    expect((await assign(d.code, ldOther, { userId: ids['cv.dd'] })).statusCode).toBe(403);
    expect((await assign(d.code, ldOther, { userId: ids['cv.tp'] })).statusCode).toBe(403);
    expect((await getDossier(t, director, d.code)).json().can.assign).toBe(false);
    expect((await assignees(d.code, director)).statusCode).toBe(403);
    expect((await assignees(d.code, await t.login('tn.tp.hue'))).statusCode).toBe(403);
  });

  it('only while the department processes it; a stale version is refused', async () => {
    const d = await register(t, clerk);
    await mustAct(t, clerk, d.code, 'receive', {});
    // Not handed to the department yet.
    expect((await getDossier(t, clerk, d.code)).json().can.assign).toBe(false);
    expect((await assign(d.code, ld, { userId: ids['cv.tp'] })).statusCode).toBe(409);
    const inDept = await mustAct(t, clerk, d.code, 'transfer', {});
    expect((await assign(d.code, ld, { userId: ids['cv.tp'], version: inDept.version - 1 })).statusCode).toBe(409);
    expect((await assign(d.code, ld, { userId: ids['cv.tp'], version: inDept.version })).statusCode).toBe(200);
    // Resolved: no more assigning.
    await mustAct(t, cv, d.code, 'complete-step', {});
    await mustAct(t, ld, d.code, 'complete-step', {});
    const done = await mustAct(t, cv, d.code, 'resolve', {});
    expect(done.can.assign).toBe(false);
    const r = await assign(d.code, ld, { userId: ids.cv2 });
    expect(r.statusCode).toBe(409);
  });
});
