// Issue 13 item 1: a result is handed over only when the dossier's fees are settled — the regulation's return step
// is "check the slip → fees due at return → hand over". A director may waive what is owed, with a reason; the
// waiver is recorded and shown on the dossier.
import { formatVnd } from './money';

export interface FeeStanding {
  /** What is still owed: every line (at reception and at return) minus what receipts in force paid. */
  due: number;
  /** Lines "theo quy định" whose amount nobody entered yet: the total is not known. */
  undetermined: readonly string[];
  waived: boolean;
}

export interface Block {
  code: 'FEES_DUE' | 'FEES_UNDETERMINED';
  message: string;
}

/** Why the result may not be handed over yet, or null when it may. */
export function returnBlock(s: FeeStanding): Block | null {
  if (s.waived) return null;
  if (s.undetermined.length > 0) {
    return { code: 'FEES_UNDETERMINED', message: 'Phí, lệ phí của hồ sơ chưa xác định (khoản "theo quy định" chưa nhập số tiền): xác định và thu trước khi trả kết quả.' };
  }
  if (s.due > 0) {
    return { code: 'FEES_DUE', message: `Hồ sơ còn phải nộp ${formatVnd(s.due)} phí, lệ phí: thu đủ trước khi trả kết quả (lãnh đạo Trung tâm có thể miễn thu, ghi rõ lý do).` };
  }
  return null;
}
