import { describe, expect, it } from 'vitest';
import { createWorkCalendar } from '../../calendar/domain';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { attributeDelay, budgetMinutes, type BudgetedStep, type HistoryEvent, type LateFacts } from './attribution';

const cal = createWorkCalendar({ holidays });

// A three-working-day procedure (24 working hours) and its budgets: 2 h + 14 h + 4 h + 4 h.
const WORKFLOW: BudgetedStep[] = [
  { name: 'Tiếp nhận, chuyển hồ sơ', role: 'reception', unit: 'Bộ phận Tiếp nhận và Trả kết quả', budget: { unit: 'working_hours', value: 2 } },
  { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', unit: 'Phòng Tư pháp', budget: { unit: 'working_hours', value: 14 } },
  { name: 'Phê duyệt, ký kết quả', role: 'department_head', unit: 'Phòng Tư pháp', budget: { unit: 'working_hours', value: 4 } },
  { name: 'Chuyển kết quả về Trung tâm', role: 'specialist', unit: 'Phòng Tư pháp', budget: { unit: 'working_hours', value: 4 } },
];
const INTER: BudgetedStep[] = [
  WORKFLOW[0],
  { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', unit: 'Phòng Tài chính - Kế hoạch', budget: { unit: 'working_hours', value: 8 } },
  { name: 'Phối hợp liên thông (Chi cục Thuế)', role: 'inter_agency', unit: 'Chi cục Thuế', budget: { unit: 'working_days', value: 1 } },
  { name: 'Phê duyệt, ký kết quả', role: 'department_head', unit: 'Phòng Tài chính - Kế hoạch', budget: { unit: 'working_hours', value: 4 } },
  { name: 'Chuyển kết quả về Trung tâm', role: 'specialist', unit: 'Phòng Tài chính - Kế hoạch', budget: { unit: 'working_hours', value: 2 } },
];
const clerk = { id: 'u-tn', name: 'Lê Văn Tiếp' };
const cv = { id: 'u-cv', name: 'Nguyễn Thị Xử' };
const ld = { id: 'u-ld', name: 'Trần Văn Duyệt' };

const ev = (local: string, action: string, actor: HistoryEvent['actor'], more: Partial<HistoryEvent> = {}): HistoryEvent => ({ at: at(local), action, actor, ...more });
const facts = (over: Partial<LateFacts>): LateFacts => ({
  workflow: WORKFLOW, receivedAt: at('2026-03-09 09:00'), legalDueAt: at('2026-03-12 17:00'), endedAt: null, lateBySupplement: false, assignee: null, events: [], ...over,
});
const brief = (a: ReturnType<typeof attributeDelay>) => ({
  lateMinutes: a.lateMinutes,
  reasons: a.reasons,
  overruns: a.overruns.map((s) => [s.index, s.usedMinutes, s.overMinutes, s.person?.name ?? null]),
});

describe('attributeDelay: which step overran its budget, by how much (working minutes)', () => {
  it('budgets count a working day as 8 hours', () => {
    expect(WORKFLOW.map(budgetMinutes)).toEqual([120, 840, 240, 240]);
    expect(budgetMinutes(INTER[2])).toBe(480);
  });

  it.each([
    [
      // Received Mon 09/03 09:00 (due Thu 12/03 17:00). Transfer Mon 11:00 (2 h: on budget). Processing Mon 11:00 →
      // Thu 10:00 = 0.5 + 3.5 + 8 + 8 + 3 = 23 h (9 h over). Approval Thu 10:00 → 15:00 = 3 h. Return Thu 15:00 → Fri
      // 16:00 = 2 + 4.5 + 2.5 = 9 h (5 h over). Resolved Fri 16:00: late by Fri 07:00–16:00 = 7 h.
      'settled late: processing and the return of the result overran',
      facts({
        endedAt: at('2026-03-13 16:00'),
        events: [
          ev('2026-03-09 09:00', 'receive', clerk),
          ev('2026-03-09 11:00', 'transfer', clerk, { fromStep: 0, toStep: 1 }),
          ev('2026-03-09 14:00', 'assign', cv),
          ev('2026-03-12 10:00', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-12 15:00', 'complete-step', ld, { fromStep: 2, toStep: 3 }),
          ev('2026-03-13 16:00', 'resolve', cv),
        ],
      }),
      '2026-03-20 10:00',
      { lateMinutes: 420, reasons: ['processing', 'result_return'], overruns: [[1, 1380, 540, cv.name], [3, 540, 300, cv.name]] },
    ],
    [
      // The department asks for a supplement Mon 14:00 after 2.5 h of processing; the applicant brings it Wed 11/03
      // 10:00 (14 working hours paused: the legal due date moved from Thu 12/03 17:00 to Mon 16/03 15:00). Processing
      // resumes and ends Mon 16/03 09:00: 2.5 + (Wed 5 + Thu 8 + Fri 8 + Mon 2) = 25.5 h (11.5 h over). Approval is open
      // with the head at 16:30: 2.5 + 3 = 5.5 h (1.5 h over); overdue by Mon 15:00–16:30 = 1.5 h.
      'open and overdue, paused time excluded',
      facts({
        legalDueAt: at('2026-03-16 15:00'), assignee: ld,
        events: [
          ev('2026-03-09 09:30', 'transfer', clerk, { fromStep: 0, toStep: 1 }),
          ev('2026-03-09 14:00', 'request-supplement-by-department', cv),
          ev('2026-03-11 10:00', 'supplement', clerk, { pausedFrom: at('2026-03-09 14:00') }),
          ev('2026-03-16 09:00', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-17 08:00', 'complete-step', ld, { fromStep: 2, toStep: 3 }), // after the moment looked at: ignored
        ],
      }),
      '2026-03-16 16:30',
      { lateMinutes: 90, reasons: ['processing', 'approval'], overruns: [[1, 1530, 690, cv.name], [2, 330, 90, ld.name]] },
    ],
    [
      // Sent back once: processing Mon 11:00 → Tue 11:00 (0.5 + 3.5 + 4 = 8 h), approval Tue 11:00 → 14:30 (1.5 h),
      // back to processing Tue 14:30 → Wed 14:30 (2.5 + 4.5 + 1 = 8 h), approval Wed 14:30 → 16:30 (2 h), return Wed
      // 16:30 → Fri 13/03 09:00 (0.5 + 8 + 2 = 10.5 h). Processing: 16 h for a 14 h budget; approval 3.5 h within 4 h.
      'a step visited twice has one budget',
      facts({
        endedAt: at('2026-03-13 09:00'),
        events: [
          ev('2026-03-09 11:00', 'transfer', clerk),
          ev('2026-03-10 11:00', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-10 14:30', 'send-back', ld, { fromStep: 2, toStep: 1 }),
          ev('2026-03-11 14:30', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-11 16:30', 'complete-step', ld, { fromStep: 2, toStep: 3 }),
          ev('2026-03-13 09:00', 'resolve', cv),
        ],
      }),
      '2026-03-13 09:00',
      { lateMinutes: 120, reasons: ['result_return', 'processing'], overruns: [[3, 630, 390, cv.name], [1, 960, 120, cv.name]] },
    ],
    [
      // A second supplement request makes it late by rule though every step kept its budget (1 h, 8 h, 3 h, 4 h) and
      // it was resolved Wed 11/03 09:00, before its due date.
      'late by a second supplement request only',
      facts({
        endedAt: at('2026-03-11 09:00'), lateBySupplement: true,
        events: [
          ev('2026-03-09 10:00', 'transfer', clerk),
          ev('2026-03-10 10:00', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-10 15:00', 'complete-step', ld, { fromStep: 2, toStep: 3 }),
          ev('2026-03-11 09:00', 'resolve', cv),
        ],
      }),
      '2026-03-11 09:00',
      { lateMinutes: 0, reasons: ['supplement'], overruns: [] },
    ],
    [
      // Inter-agency: the tax office keeps it from Tue 10/03 10:00 to Fri 13/03 10:00 (1.5 + 3.5 + 8 + 8 + 3 = 24 h for
      // an 8 h budget); the head records its return. Nobody of ours is named for that step.
      'another agency overran: the unit is the agency, no person',
      facts({
        workflow: INTER, legalDueAt: at('2026-03-12 17:00'), endedAt: at('2026-03-13 16:00'),
        events: [
          ev('2026-03-09 10:00', 'transfer', clerk),
          ev('2026-03-10 10:00', 'complete-step', cv, { fromStep: 1, toStep: 2 }),
          ev('2026-03-13 10:00', 'complete-step', ld, { fromStep: 2, toStep: 3 }),
          ev('2026-03-13 14:00', 'complete-step', ld, { fromStep: 3, toStep: 4 }),
          ev('2026-03-13 16:00', 'resolve', cv),
        ],
      }),
      '2026-03-13 16:00',
      { lateMinutes: 420, reasons: ['inter_agency'], overruns: [[2, 1440, 960, null]] },
    ],
    [
      // Back-entry after an outage: received on paper Tue 20/01 09:00, transferred when the system came back Tue 10/02
      // 09:00 — the reception step held it Tue 20/01's 6 h + 14 working days (112 h) + Tue 10/02's 2 h = 120 h; open
      // at the specialist, unclaimed, at Thu 12/02 16:00: 6 + 8 + 7 = 21 h. Due Fri 23/01 17:00: overdue by 13 working
      // days (104 h) + Thu 12/02's 7 h.
      'the reception step of a dossier entered after an outage',
      facts({
        receivedAt: at('2026-01-20 09:00'), legalDueAt: at('2026-01-23 17:00'),
        events: [ev('2026-02-10 09:00', 'transfer', clerk)],
      }),
      '2026-02-12 16:00',
      { lateMinutes: 111 * 60, reasons: ['reception', 'processing'], overruns: [[0, 7200, 7080, clerk.name], [1, 1260, 420, null]] },
    ],
  ] as const)('%s', (_name, d, asOf, expected) => {
    expect(brief(attributeDelay(cal, d as LateFacts, at(asOf)))).toEqual(expected);
  });
});
