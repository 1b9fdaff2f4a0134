import { describe, expect, it } from 'vitest';
import { at, holidays } from '../../../../test/support/calendar-instants';
import { createWorkCalendar } from '../../calendar/domain/work-calendar';
import { deriveIndicators, summarizeDerived, type DerivedIndicators, type DerivedInput, type HistoryEvent } from './derived';

const cal = createWorkCalendar({ holidays });
const workflow = [{ unit: 'Bộ phận Một cửa' }, { unit: 'Phòng Tư pháp' }, { unit: 'Lãnh đạo Phòng Tư pháp' }, { unit: 'UBND phường Phú Bài' }];
const ev = (local: string, action: string, toStatus: string, stepIndex: number | null = null): HistoryEvent => ({ at: at(local), action, toStatus, stepIndex });
const base = (events: HistoryEvent[], over: Partial<DerivedInput> = {}): DerivedInput => ({
  centerName: 'Trung tâm Hương Thủy', departmentName: 'Phòng Tư pháp', workflow,
  receivedAt: events.find((e) => e.action === 'receive')?.at ?? null,
  dueAt: at('2025-03-14 17:00'), settledAt: events.find((e) => e.toStatus === 'resolved' || e.toStatus === 'rejected')?.at ?? null,
  events, ...over,
});

// Hand-counted: a working day is 07:00–11:30 + 13:30–17:00 = 8 h; Wed 12/03/2025 is a working day.
const cases: [string, DerivedInput, Date, DerivedIndicators][] = [
  ['straight through, early: counter 1 h, department 2 h + head 1 h, settled Wed 12/03 14:30 for Fri 14/03',
    base([
      ev('2025-03-12 08:00', 'register', 'submitted'), ev('2025-03-12 08:00', 'receive', 'received'),
      ev('2025-03-12 09:00', 'transfer', 'in_progress', 1), ev('2025-03-12 11:00', 'complete-step', 'in_progress', 2),
      ev('2025-03-12 14:30', 'resolve', 'resolved', 2), ev('2025-03-13 08:00', 'return', 'returned', 2),
    ]),
    at('2025-03-20 08:00'),
    { timing: 'early', workingHours: 4.5, perUnit: [{ unit: 'Trung tâm Hương Thủy', workingHours: 1 }, { unit: 'Phòng Tư pháp', workingHours: 2 }, { unit: 'Lãnh đạo Phòng Tư pháp', workingHours: 1.5 }], contacts: 1, supplementRequests: 0 }],
  ['a department supplement request: the applicant’s day and a half is not counted; two contacts; late',
    base([
      ev('2025-03-12 08:00', 'receive', 'received'), ev('2025-03-12 08:00', 'transfer', 'in_progress', 1),
      ev('2025-03-12 10:00', 'request-supplement-by-department', 'paused', 1), ev('2025-03-13 13:30', 'supplement', 'in_progress', 1),
      ev('2025-03-13 15:30', 'complete-step', 'in_progress', 3), ev('2025-03-17 09:00', 'complete-step', 'in_progress', 2),
      ev('2025-03-17 10:00', 'resolve', 'resolved', 2),
    ]),
    at('2025-03-20 08:00'),
    // Dept 2 h (12/03 08–10) + 2 h (13/03 13:30–15:30); inter-agency Thu 1.5 h + Fri 8 h + Mon 2 h = 11.5 h; head 1 h.
    // Total 12/03 08:00 → 17/03 10:00 = 9 + 8 + 8 + 3 = 28 h minus the applicant's 12/03 10:00 → 13/03 13:30 (7 + 4.5 = 11.5) = 16.5.
    { timing: 'late', workingHours: 16.5, perUnit: [{ unit: 'Phòng Tư pháp', workingHours: 4 }, { unit: 'UBND phường Phú Bài', workingHours: 11.5 }, { unit: 'Lãnh đạo Phòng Tư pháp', workingHours: 1 }], contacts: 2, supplementRequests: 1 }],
  ['two counter supplement requests before receipt: three contacts, nothing counted before receipt; still open and overdue',
    base([
      ev('2025-03-10 08:00', 'register', 'submitted'), ev('2025-03-10 09:00', 'request-supplement', 'needs_supplement'),
      ev('2025-03-11 08:00', 'supplement', 'submitted'), ev('2025-03-11 08:30', 'request-supplement', 'needs_supplement'),
      ev('2025-03-12 08:00', 'supplement', 'submitted'), ev('2025-03-12 08:00', 'receive', 'received'),
      ev('2025-03-12 09:00', 'transfer', 'in_progress', 1),
    ], { departmentName: 'Phòng Tư pháp', workflow: [{ unit: '' }, { unit: '' }] }),
    at('2025-03-17 07:00'),
    // Open: the center 1 h, then the step names no unit → the department: 12/03 09:00–17:00 6 h + 13/03 8 h + 14/03 8 h = 22 h.
    { timing: 'overdue', workingHours: 23, perUnit: [{ unit: 'Trung tâm Hương Thủy', workingHours: 1 }, { unit: 'Phòng Tư pháp', workingHours: 22 }], contacts: 3, supplementRequests: 2 }],
  ['registered, not yet received: no timing, no hours',
    base([ev('2025-03-12 08:00', 'register', 'submitted')], { dueAt: null }),
    at('2025-03-12 10:00'),
    { timing: null, workingHours: null, perUnit: [], contacts: 1, supplementRequests: 0 }],
];

describe('deriveIndicators', () => {
  it.each(cases)('%s', (_name, input, now, expected) => {
    expect(deriveIndicators(input, cal, now)).toEqual(expected);
  });

  it('reads events in time order whatever order they come in', () => {
    const [, input, now, expected] = cases[0]!;
    expect(deriveIndicators({ ...input, events: [...input.events].reverse() }, cal, now)).toEqual(expected);
  });
});

describe('summarizeDerived', () => {
  it('counts timings and averages the figures of the three hand-counted histories', () => {
    const list = cases.slice(0, 3).map(([, input, now]) => deriveIndicators(input, cal, now));
    expect(summarizeDerived(list)).toEqual({
      dossiers: 3, early: 1, onTime: 0, late: 1, open: 1,
      averageWorkingHours: 14.67, // (4.5 + 16.5 + 23) / 3
      averageContacts: 2, // (1 + 2 + 3) / 3
      averageSupplementRequests: 1, // (0 + 1 + 2) / 3
      perUnit: [
        { unit: 'Phòng Tư pháp', dossiers: 3, averageWorkingHours: 9.33 }, // (2 + 4 + 22) / 3
        { unit: 'UBND phường Phú Bài', dossiers: 1, averageWorkingHours: 11.5 },
        { unit: 'Lãnh đạo Phòng Tư pháp', dossiers: 2, averageWorkingHours: 1.25 },
        { unit: 'Trung tâm Hương Thủy', dossiers: 2, averageWorkingHours: 1 },
      ].sort((a, b) => b.averageWorkingHours - a.averageWorkingHours),
    });
    expect(summarizeDerived([])).toMatchObject({ dossiers: 0, averageWorkingHours: null, perUnit: [] });
  });
});
