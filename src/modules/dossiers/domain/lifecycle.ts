// The dossier state machine: one table of who may do what from which state. Pure: the commands apply it inside a
// guarded UPDATE (status + version), so a rule checked here is also the rule enforced in the database.
import type { Permission } from '../../auth/permissions';

export const STATUSES = [
  'submitted', // registered at the desk or online, not yet checked
  'needs_supplement', // incomplete at reception: a written supplement request was issued
  'refused', // not receivable (end)
  'received', // valid, appointment slip issued, due date fixed
  'in_progress', // with a department, at workflow step k
  'paused', // the department asked for a supplement through the center: the clock stops
  'resolved', // result ready at the center
  'rejected', // the department decided it is not eligible
  'returned', // result handed over (end)
  'withdrawn', // the applicant withdrew (end)
] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'receive',
  'request-supplement',
  'supplement',
  'refuse',
  'transfer',
  'complete-step',
  'send-back',
  'request-supplement-by-department',
  'report-late',
  'resolve',
  'reject',
  'extend',
  'return',
  'withdraw',
] as const;
export type Action = (typeof ACTIONS)[number];

export const FINAL: readonly Status[] = ['refused', 'returned', 'withdrawn'];
export const OPEN_PROCESSING: readonly Status[] = ['received', 'in_progress', 'paused'];

/** Who holds the dossier at a workflow step, as the steps name it. */
export type StepRole = 'reception' | 'specialist' | 'department_head' | 'inter_agency';

export interface Rule {
  from: readonly Status[];
  /** The resulting status; `null` keeps the current one (an update that records something). */
  to: Status | null;
  /** Permission the actor needs. */
  permission: Permission;
  /** Where the actor must sit: the dossier's center, or the department that holds it now. */
  where: 'center' | 'department';
  /** Whether `reason` is mandatory. */
  reason: boolean;
}

export const RULES: Record<Action, Rule> = {
  receive: { from: ['submitted'], to: 'received', permission: 'dossiers.receive', where: 'center', reason: false },
  'request-supplement': { from: ['submitted'], to: 'needs_supplement', permission: 'dossiers.receive', where: 'center', reason: true },
  // The applicant brings what was missing: back to the counter for a second check, or back to the department.
  supplement: { from: ['needs_supplement', 'paused'], to: null, permission: 'dossiers.receive', where: 'center', reason: false },
  refuse: { from: ['submitted', 'needs_supplement'], to: 'refused', permission: 'dossiers.receive', where: 'center', reason: true },
  transfer: { from: ['received'], to: 'in_progress', permission: 'dossiers.receive', where: 'center', reason: false },
  'complete-step': { from: ['in_progress'], to: 'in_progress', permission: 'dossiers.process', where: 'department', reason: false },
  'send-back': { from: ['in_progress'], to: 'in_progress', permission: 'dossiers.process', where: 'department', reason: true },
  'request-supplement-by-department': { from: ['in_progress'], to: 'paused', permission: 'dossiers.process', where: 'department', reason: true },
  'report-late': { from: ['in_progress', 'paused'], to: null, permission: 'dossiers.process', where: 'department', reason: true },
  resolve: { from: ['in_progress'], to: 'resolved', permission: 'dossiers.process', where: 'department', reason: false },
  reject: { from: ['in_progress'], to: 'rejected', permission: 'dossiers.approve', where: 'department', reason: true },
  extend: { from: ['received', 'in_progress', 'paused'], to: null, permission: 'dossiers.extend', where: 'center', reason: true },
  return: { from: ['resolved', 'rejected'], to: 'returned', permission: 'dossiers.return', where: 'center', reason: false },
  withdraw: { from: ['submitted', 'needs_supplement', 'received', 'in_progress', 'paused'], to: 'withdrawn', permission: 'dossiers.receive', where: 'center', reason: true },
};

export interface DossierState {
  status: Status;
  stepIndex: number | null;
  workflow: readonly { role: StepRole }[];
  extended: boolean;
  departmentId: string | null;
  centerId: string;
}

export interface ActorView {
  permissions: readonly Permission[];
  centerId: string | null;
  departmentId: string | null;
  provinceWide: boolean;
}

export type Refusal = { ok: false; code: string; message: string } ;
export type Decision = { ok: true } | Refusal;

const STATUS_VI: Record<Status, string> = {
  submitted: 'Mới đăng ký',
  needs_supplement: 'Chờ bổ sung',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang giải quyết',
  paused: 'Tạm dừng chờ bổ sung',
  resolved: 'Đã có kết quả',
  rejected: 'Không đủ điều kiện giải quyết',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
};
export const statusName = (s: Status) => STATUS_VI[s];

const no = (code: string, message: string): Refusal => ({ ok: false, code, message });

/** Whether the dossier's state allows the action at all (ignoring who asks). */
export function stateAllows(d: DossierState, action: Action): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(d.status)) {
    return no('DOSSIER_INVALID_TRANSITION', `Không thể thực hiện thao tác này khi hồ sơ ở trạng thái "${STATUS_VI[d.status]}".`);
  }
  const step = d.stepIndex === null ? null : d.workflow[d.stepIndex];
  const last = d.workflow.length - 1;
  switch (action) {
    case 'transfer':
      if (d.workflow.length < 2) return no('DOSSIER_NO_WORKFLOW', 'Thủ tục chưa có quy trình nội bộ để chuyển xử lý.');
      break;
    case 'complete-step':
      if (d.stepIndex === null || d.stepIndex >= last) return no('DOSSIER_LAST_STEP', 'Đây là bước cuối: hãy cập nhật kết quả giải quyết.');
      break;
    case 'resolve':
      if (d.stepIndex !== last) return no('DOSSIER_NOT_LAST_STEP', 'Chỉ cập nhật kết quả ở bước cuối của quy trình.');
      break;
    case 'send-back':
      if (d.stepIndex === null || d.stepIndex <= 1) return no('DOSSIER_FIRST_STEP', 'Hồ sơ đang ở bước đầu tiên của phòng, không thể trả lại bước trước.');
      break;
    case 'extend':
      if (d.extended) return no('DOSSIER_ALREADY_EXTENDED', 'Hồ sơ đã được gia hạn một lần; không được gia hạn thêm.');
      break;
    case 'request-supplement-by-department':
    case 'reject':
      if (step?.role === 'inter_agency') return no('DOSSIER_AT_OTHER_AGENCY', 'Hồ sơ đang ở cơ quan phối hợp liên thông.');
      break;
    default:
      break;
  }
  return { ok: true };
}

/** Whether this actor may take the action on this dossier now (state + permission + where they sit). */
export function decide(d: DossierState, action: Action, actor: ActorView): Decision {
  const rule = RULES[action];
  if (!actor.permissions.includes(rule.permission)) return no('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.');
  if (rule.where === 'center' && !actor.provinceWide && actor.centerId !== d.centerId) {
    return no('FORBIDDEN', 'Hồ sơ không thuộc Trung tâm của bạn.');
  }
  if (rule.where === 'department') {
    if (!actor.departmentId || actor.departmentId !== d.departmentId) return no('FORBIDDEN', 'Hồ sơ không thuộc phòng của bạn.');
    const step = d.stepIndex === null ? null : d.workflow[d.stepIndex];
    // The head approves at an approval step; specialists act at their steps; the head may act at any step of
    // the department (they supervise it), and records an inter-agency step's return.
    const isHead = actor.permissions.includes('dossiers.approve');
    if (step?.role === 'department_head' && !isHead && action !== 'report-late') {
      return no('DOSSIER_STEP_FOR_HEAD', 'Bước này do lãnh đạo phòng phê duyệt.');
    }
  }
  return stateAllows(d, action);
}

/** The `can` map sent with a dossier: every action, true when the caller may take it now. */
export function abilities(d: DossierState, actor: ActorView): Record<Action, boolean> {
  return Object.fromEntries(ACTIONS.map((a) => [a, decide(d, a, actor).ok])) as Record<Action, boolean>;
}

/** The status after an action (for actions that keep or branch the status). */
export function nextStatus(d: DossierState, action: Action): Status {
  if (action === 'supplement') return d.status === 'paused' ? 'in_progress' : 'submitted';
  return RULES[action].to ?? d.status;
}

/** The step after an action. */
export function nextStep(d: DossierState, action: Action): number | null {
  switch (action) {
    case 'transfer':
      return 1; // step 0 is the hand-over by the reception desk
    case 'complete-step':
      return (d.stepIndex ?? 0) + 1;
    case 'send-back':
      return (d.stepIndex ?? 1) - 1;
    default:
      return d.stepIndex;
  }
}

/** Who physically holds the dossier after an action. */
export function holderAfter(d: DossierState, action: Action): 'center' | 'department' | 'inter_agency' | 'applicant' {
  const status = nextStatus(d, action);
  if (status === 'needs_supplement' || status === 'paused') return 'applicant';
  if (status === 'in_progress') return d.workflow[nextStep(d, action) ?? 0]?.role === 'inter_agency' ? 'inter_agency' : 'department';
  return 'center';
}
