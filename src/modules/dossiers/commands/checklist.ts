import { badRequest } from '../../../platform/errors';
import type { ChecklistItem } from '../repo';

/** Applies the clerk's ticks to the procedure's document list; unknown indexes are an input error. */
export function applyChecklist(base: ChecklistItem[], ticks: { index: number; presented: boolean; original?: number; copy?: number }[]): ChecklistItem[] {
  const out = base.map((c) => ({ ...c }));
  for (const t of ticks) {
    const item = out[t.index];
    if (!item) throw badRequest('DOSSIER_CHECKLIST_INDEX', `Thành phần hồ sơ số ${t.index + 1} không có trong danh mục của thủ tục.`);
    item.presented = t.presented;
    if (t.original !== undefined) item.original = t.original;
    if (t.copy !== undefined) item.copy = t.copy;
  }
  return out;
}

export const missingMandatory = (list: ChecklistItem[]) => list.filter((c) => c.mandatory && !c.presented);
