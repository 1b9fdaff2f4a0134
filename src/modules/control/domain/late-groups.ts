// The late-dossier report's groups: by the unit (department, reception desk, other agency) whose step overran its
// budget — with the people of that unit — or by the reason. A dossier counts once per group it falls in; its minutes
// are the overruns of that group's steps. Pure.
import type { Attribution, Person, Reason, StepUse } from './attribution';

export const REASON_NAMES: Record<Reason, string> = {
  reception: 'Tiếp nhận, chuyển hồ sơ quá định mức',
  processing: 'Thẩm định, xử lý quá định mức',
  approval: 'Phê duyệt, ký kết quả quá định mức',
  inter_agency: 'Cơ quan phối hợp liên thông quá định mức',
  result_return: 'Chuyển kết quả về Trung tâm quá định mức',
  supplement: 'Yêu cầu bổ sung hồ sơ từ lần thứ hai (tính trễ hạn)',
  unattributed: 'Không bước nào vượt định mức',
};

export type UnitKind = 'department' | 'reception' | 'inter_agency' | 'none';

export interface LateItem {
  code: string;
  centerId: string;
  department: { id: string; name: string } | null;
  attribution: Attribution;
}

export interface PersonRow extends Person {
  dossiers: number;
  overMinutes: number;
}

export interface LateGroup {
  key: string;
  name: string;
  kind: UnitKind | 'reason';
  dossiers: number;
  /** Steps over budget in the group (a dossier may have several). */
  overruns: number;
  overMinutes: number;
  people: PersonRow[];
}

export interface StepUnit {
  key: string;
  name: string;
  kind: UnitKind;
}

/** The unit a step belongs to: the center's reception desk, the dossier's department, or the other agency. */
export function unitOf(item: Pick<LateItem, 'centerId' | 'department'>, s: Pick<StepUse, 'role' | 'unit' | 'reason'>): StepUnit {
  if (s.reason === 'reception') return { key: `reception:${item.centerId}`, name: s.unit || 'Bộ phận Tiếp nhận và Trả kết quả', kind: 'reception' };
  if (s.role === 'inter_agency') return { key: `agency:${s.unit}`, name: s.unit, kind: 'inter_agency' };
  if (item.department) return { key: `department:${item.department.id}`, name: item.department.name, kind: 'department' };
  return { key: `unit:${s.unit}`, name: s.unit, kind: 'department' };
}

const NONE: StepUnit = { key: 'none', name: 'Không bước nào vượt định mức (trễ do yêu cầu bổ sung từ lần thứ hai)', kind: 'none' };

class Acc {
  private readonly groups = new Map<string, LateGroup & { seen: Set<string>; persons: Map<string, PersonRow & { seen: Set<string> }> }>();

  add(g: { key: string; name: string; kind: LateGroup['kind'] }, code: string, minutes: number, person: Person | null, overrun: boolean): void {
    let row = this.groups.get(g.key);
    if (!row) {
      row = { ...g, dossiers: 0, overruns: 0, overMinutes: 0, people: [], seen: new Set(), persons: new Map() };
      this.groups.set(g.key, row);
    }
    if (!row.seen.has(code)) {
      row.seen.add(code);
      row.dossiers++;
    }
    if (overrun) row.overruns++;
    row.overMinutes += minutes;
    if (!person) return;
    let p = row.persons.get(person.id);
    if (!p) {
      p = { id: person.id, name: person.name, dossiers: 0, overMinutes: 0, seen: new Set() };
      row.persons.set(person.id, p);
    }
    if (!p.seen.has(code)) {
      p.seen.add(code);
      p.dossiers++;
    }
    p.overMinutes += minutes;
  }

  rows(): LateGroup[] {
    return [...this.groups.values()]
      .map(({ seen: _s, persons, ...g }) => ({
        ...g,
        people: [...persons.values()].map(({ seen: _p, ...p }) => p).sort((a, b) => b.overMinutes - a.overMinutes || a.name.localeCompare(b.name, 'vi')),
      }))
      .sort((a, b) => b.overMinutes - a.overMinutes || b.dossiers - a.dossiers || a.name.localeCompare(b.name, 'vi'));
  }
}

/** Groups by the unit of each overrun step (with its people); a dossier late without an overrun goes to "none". */
export function groupByUnit(items: readonly LateItem[]): LateGroup[] {
  const acc = new Acc();
  for (const it of items) {
    if (!it.attribution.overruns.length) acc.add(NONE, it.code, 0, null, false);
    for (const s of it.attribution.overruns) acc.add(unitOf(it, s), it.code, s.overMinutes, s.person, true);
  }
  return acc.rows();
}

/** Groups by reason: each overrun step's kind, plus the one-stop rule (a second supplement request). */
export function groupByReason(items: readonly LateItem[]): LateGroup[] {
  const acc = new Acc();
  for (const it of items) {
    for (const s of it.attribution.overruns) acc.add({ key: s.reason, name: REASON_NAMES[s.reason], kind: 'reason' }, it.code, s.overMinutes, null, true);
    for (const r of it.attribution.reasons) {
      if (r === 'supplement' || r === 'unattributed') acc.add({ key: r, name: REASON_NAMES[r], kind: 'reason' }, it.code, 0, null, false);
    }
  }
  return acc.rows();
}
