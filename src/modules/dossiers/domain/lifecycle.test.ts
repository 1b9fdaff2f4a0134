import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../auth/permissions';
import { abilities, ACTIONS, decide, holderAfter, nextStatus, nextStep, stateAllows, STATUSES, type Action, type DossierState, type Status } from './lifecycle';

const WF = [{ role: 'reception' }, { role: 'specialist' }, { role: 'department_head' }, { role: 'specialist' }] as const;
const WF_INTER = [{ role: 'reception' }, { role: 'specialist' }, { role: 'inter_agency' }, { role: 'department_head' }, { role: 'specialist' }] as const;
const state = (status: Status, stepIndex: number | null = null, extra: Partial<DossierState> = {}): DossierState => ({
  status, stepIndex, workflow: WF, extended: false, departmentId: 'dep-tp', centerId: 'c-ht', ...extra,
});
const actor = (roles: string[], departmentId: string | null = null, centerId: string | null = 'c-ht') => ({
  permissions: permissionsOf(roles), centerId, departmentId, provinceWide: false,
});
const clerk = actor(['reception']);
const specialist = actor(['specialist'], 'dep-tp');
const head = actor(['department_head'], 'dep-tp');
const director = actor(['director']);

// The whole table: from each state, which actions the state allows (steps chosen so step guards pass).
const allowed: Record<Status, Action[]> = {
  submitted: ['receive', 'request-supplement', 'refuse', 'withdraw'],
  needs_supplement: ['supplement', 'refuse', 'withdraw'],
  refused: [],
  received: ['transfer', 'extend', 'withdraw'],
  in_progress: ['complete-step', 'send-back', 'request-supplement-by-department', 'report-late', 'reject', 'extend', 'withdraw'],
  paused: ['supplement', 'report-late', 'extend', 'withdraw'],
  resolved: ['return'],
  rejected: ['return'],
  returned: [],
  withdrawn: [],
};

describe('transition table', () => {
  const cells = STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a, allowed[s].includes(a)] as const));
  it.each(cells)('from %s, %s allowed → %s', (status, action, ok) => {
    expect(stateAllows(state(status, status === 'in_progress' ? 2 : null), action).ok).toBe(ok);
  });

  it('forbidden transitions say why in Vietnamese', () => {
    const d = stateAllows(state('returned'), 'receive');
    expect(d).toEqual({ ok: false, code: 'DOSSIER_INVALID_TRANSITION', message: 'Không thể thực hiện thao tác này khi hồ sơ ở trạng thái "Đã trả kết quả".' });
  });
});

describe('step guards', () => {
  it.each([
    ['complete-step at the last step', state('in_progress', 3), 'complete-step', 'DOSSIER_LAST_STEP'],
    ['resolve before the last step', state('in_progress', 1), 'resolve', 'DOSSIER_NOT_LAST_STEP'],
    ['send back from the first department step', state('in_progress', 1), 'send-back', 'DOSSIER_FIRST_STEP'],
    ['extend twice', state('in_progress', 1, { extended: true }), 'extend', 'DOSSIER_ALREADY_EXTENDED'],
    ['reject while at the other agency', state('in_progress', 2, { workflow: WF_INTER }), 'reject', 'DOSSIER_AT_OTHER_AGENCY'],
    ['transfer without a workflow', state('received', null, { workflow: [{ role: 'reception' }] }), 'transfer', 'DOSSIER_NO_WORKFLOW'],
  ] as const)('%s', (_l, d, action, code) => {
    const r = stateAllows(d, action as Action);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe(code);
  });

  it('resolve is allowed at the last step', () => {
    expect(stateAllows(state('in_progress', 3), 'resolve').ok).toBe(true);
  });
});

describe('who may act', () => {
  it.each([
    ['clerk receives at own center', clerk, state('submitted'), 'receive', true],
    ['clerk of another center cannot', actor(['reception'], null, 'c-hue'), state('submitted'), 'receive', false],
    ['specialist cannot receive', specialist, state('submitted'), 'receive', false],
    ['specialist completes own step', specialist, state('in_progress', 1), 'complete-step', true],
    ['specialist of another department cannot', actor(['specialist'], 'dep-dd'), state('in_progress', 1), 'complete-step', false],
    ['specialist cannot approve at the head step', specialist, state('in_progress', 2), 'complete-step', false],
    ['head approves at the head step', head, state('in_progress', 2), 'complete-step', true],
    ['specialist cannot reject', specialist, state('in_progress', 1), 'reject', false],
    ['head rejects', head, state('in_progress', 1), 'reject', true],
    ['clerk cannot process', clerk, state('in_progress', 1), 'complete-step', false],
    ['director extends', director, state('in_progress', 1), 'extend', true],
    ['clerk issues an extension at the counter', clerk, state('in_progress', 1), 'extend', true],
    ['specialist cannot extend (reports late instead)', specialist, state('in_progress', 1), 'extend', false],
    ['specialist reports late', specialist, state('in_progress', 1), 'report-late', true],
    ['clerk returns a result', clerk, state('resolved'), 'return', true],
    ['director cannot return', director, state('resolved'), 'return', false],
    ['clerk transfers', clerk, state('received'), 'transfer', true],
  ] as const)('%s', (_l, a, d, action, ok) => {
    expect(decide(d, action as Action, a).ok).toBe(ok);
  });

  it('abilities name every action', () => {
    const can = abilities(state('submitted'), clerk);
    expect(Object.keys(can).sort()).toEqual([...ACTIONS].sort());
    expect(can).toMatchObject({ receive: true, 'request-supplement': true, refuse: true, withdraw: true, transfer: false, resolve: false });
  });
});

describe('effects', () => {
  it.each([
    [state('submitted'), 'receive', 'received', null, 'center'],
    [state('received'), 'transfer', 'in_progress', 1, 'department'],
    [state('in_progress', 1), 'complete-step', 'in_progress', 2, 'department'],
    [state('in_progress', 1, { workflow: WF_INTER }), 'complete-step', 'in_progress', 2, 'inter_agency'],
    [state('in_progress', 2, { workflow: WF_INTER }), 'complete-step', 'in_progress', 3, 'department'],
    [state('in_progress', 3), 'send-back', 'in_progress', 2, 'department'],
    [state('in_progress', 1), 'request-supplement-by-department', 'paused', 1, 'applicant'],
    [state('paused', 1), 'supplement', 'in_progress', 1, 'department'],
    [state('needs_supplement'), 'supplement', 'submitted', null, 'center'],
    [state('submitted'), 'request-supplement', 'needs_supplement', null, 'applicant'],
    [state('in_progress', 3), 'resolve', 'resolved', 3, 'center'],
    [state('resolved', 3), 'return', 'returned', 3, 'center'],
    [state('in_progress', 2), 'extend', 'in_progress', 2, 'department'],
  ] as const)('%j + %s → %s at step %s held by %s', (d, action, status, step, holder) => {
    expect(nextStatus(d, action as Action)).toBe(status);
    expect(nextStep(d, action as Action)).toBe(step);
    expect(holderAfter(d, action as Action)).toBe(holder);
  });
});
