import { AppError, badRequest } from '../../../platform/errors';
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

/**
 * The checklist a dossier is received with: the clerk's ticks when sent, otherwise every mandatory document counts as
 * presented (`{}` means "all that the procedure requires was shown"). A mandatory document still missing refuses the
 * receipt: the clerk must issue a supplement request instead.
 */
export function checklistAtReceipt(current: ChecklistItem[], ticks: Parameters<typeof applyChecklist>[1] | undefined, incompleteMessage?: string): ChecklistItem[] {
  const checklist = ticks ? applyChecklist(current, ticks) : current.map((c) => ({ ...c, presented: c.presented || c.mandatory }));
  const missing = missingMandatory(checklist);
  if (missing.length) {
    throw new AppError(409, 'DOSSIER_CHECKLIST_INCOMPLETE',
      incompleteMessage ?? `Hồ sơ còn thiếu giấy tờ bắt buộc: ${missing.map((m) => m.name).join('; ')}. Hãy lập phiếu yêu cầu bổ sung.`);
  }
  return checklist;
}
