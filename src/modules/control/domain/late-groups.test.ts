import { describe, expect, it } from 'vitest';
import type { Attribution, StepUse } from './attribution';
import { groupByReason, groupByUnit, type LateItem } from './late-groups';

const cv = { id: 'cv', name: 'Nguyễn Thị Xử' };
const cv2 = { id: 'cv2', name: 'Hồ Văn Lý' };
const ld = { id: 'ld', name: 'Trần Văn Duyệt' };
const tn = { id: 'tn', name: 'Lê Văn Tiếp' };
const TP = { id: 'dep-tp', name: 'Phòng Tư pháp' };
const TC = { id: 'dep-tc', name: 'Phòng Tài chính - Kế hoạch' };

const step = (index: number, role: StepUse['role'], reason: StepUse['reason'], unit: string, over: number, person: StepUse['person']): StepUse =>
  ({ index, name: `Bước ${index + 1}`, role, unit, reason, budgetMinutes: 240, usedMinutes: 240 + over, overMinutes: over, person, visits: 1 });
const attr = (overruns: StepUse[], reasons: Attribution['reasons'], lateMinutes = 60): Attribution => ({ lateMinutes, steps: overruns, overruns, reasons });

// Four late dossiers of one center:
//   A (TP): processing by cv 540 min over, approval by ld 90 min over
//   B (TP): processing by cv2 120 min over
//   C (TC): the tax office 960 min over, and the reception desk (tn) 30 min over
//   D (TP): late by a second supplement request only
const items: LateItem[] = [
  { code: 'A', centerId: 'c1', department: TP, attribution: attr([step(1, 'specialist', 'processing', 'Phòng Tư pháp', 540, cv), step(2, 'department_head', 'approval', 'Phòng Tư pháp', 90, ld)], ['processing', 'approval']) },
  { code: 'B', centerId: 'c1', department: TP, attribution: attr([step(1, 'specialist', 'processing', 'Phòng Tư pháp', 120, cv2)], ['processing']) },
  { code: 'C', centerId: 'c1', department: TC, attribution: attr([step(2, 'inter_agency', 'inter_agency', 'Chi cục Thuế', 960, null), step(0, 'reception', 'reception', 'Bộ phận Tiếp nhận và Trả kết quả', 30, tn)], ['inter_agency', 'reception']) },
  { code: 'D', centerId: 'c1', department: TP, attribution: attr([], ['supplement'], 0) },
];

describe('late-dossier groups (hand-counted)', () => {
  it('by unit: the department counts its dossiers once, with each person\'s minutes', () => {
    const rows = groupByUnit(items);
    expect(rows.map((r) => [r.key, r.dossiers, r.overruns, r.overMinutes])).toEqual([
      ['agency:Chi cục Thuế', 1, 1, 960],
      ['department:dep-tp', 2, 3, 750],
      ['reception:c1', 1, 1, 30],
      ['none', 1, 0, 0],
    ]);
    const tp = rows.find((r) => r.key === 'department:dep-tp')!;
    expect(tp.people.map((p) => [p.name, p.dossiers, p.overMinutes])).toEqual([['Nguyễn Thị Xử', 1, 540], ['Hồ Văn Lý', 1, 120], ['Trần Văn Duyệt', 1, 90]]);
    expect(rows[0].people).toEqual([]);
  });

  it('by reason', () => {
    expect(groupByReason(items).map((r) => [r.key, r.dossiers, r.overMinutes])).toEqual([
      ['inter_agency', 1, 960],
      ['processing', 2, 660],
      ['approval', 1, 90],
      ['reception', 1, 30],
      ['supplement', 1, 0],
    ]);
  });
});
