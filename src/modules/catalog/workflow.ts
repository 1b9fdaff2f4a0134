import type { z } from 'zod';
import type { ProcessingTimeSchema, WorkflowStepSchema } from './schema';

type Step = z.infer<typeof WorkflowStepSchema>;
type Time = z.infer<typeof ProcessingTimeSchema>;

export const HOURS_PER_WORKING_DAY = 8; // 07:00–11:30 + 13:30–17:00

/**
 * The default internal workflow of a procedure: reception hands over, the specialist reviews, the department
 * head approves, the result goes back to the center. Budgets are in working hours and add up exactly to the
 * procedure's time limit (a same-day procedure gets a 4-hour budget: the morning or the afternoon).
 */
export function defaultWorkflow(time: Time, department: string, interAgency: readonly string[] = []): Step[] {
  const total = time.unit === 'working_days' ? time.value * HOURS_PER_WORKING_DAY : time.unit === 'working_hours' ? time.value : 4;
  const handover = round(Math.min(4, total / 8));
  const back = round(Math.min(4, total / 8));
  const approve = round(Math.min(8, Math.max(total / 8, total * 0.15)));
  const shared = total - handover - back - approve;
  const steps: Omit<Step, 'order'>[] = [
    { name: 'Tiếp nhận, chuyển hồ sơ đến phòng chuyên môn', role: 'reception', unit: 'Bộ phận Tiếp nhận và Trả kết quả', budget: { unit: 'working_hours', value: handover } },
  ];
  if (interAgency.length > 0) {
    const mine = round(shared * 0.6);
    steps.push(
      { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', unit: department, budget: { unit: 'working_hours', value: mine } },
      { name: `Phối hợp liên thông (${interAgency.join(', ')})`, role: 'inter_agency', unit: interAgency.join(', '), budget: { unit: 'working_hours', value: round(shared - mine) } },
    );
  } else {
    steps.push({ name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', unit: department, budget: { unit: 'working_hours', value: round(shared) } });
  }
  steps.push(
    { name: 'Phê duyệt, ký kết quả', role: 'department_head', unit: department, budget: { unit: 'working_hours', value: approve } },
    { name: 'Chuyển kết quả về Trung tâm', role: 'specialist', unit: department, budget: { unit: 'working_hours', value: back } },
  );
  return steps.map((s, i) => ({ ...s, order: i + 1 }));
}

/** Total of a workflow's budgets in working hours. */
export function workflowHours(steps: readonly Step[]): number {
  return round(steps.reduce((sum, s) => sum + (s.budget.unit === 'working_days' ? s.budget.value * HOURS_PER_WORKING_DAY : s.budget.value), 0));
}

export function limitHours(time: Time): number {
  return time.unit === 'working_days' ? time.value * HOURS_PER_WORKING_DAY : time.unit === 'working_hours' ? time.value : 4;
}

// Quarter-hour precision keeps budgets readable and sums exact in binary floating point.
const round = (h: number) => Math.round(h * 4) / 4;
