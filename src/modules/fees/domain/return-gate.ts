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

export interface SlipStanding {
  /** What is still owed of the lines collected at reception (fees and related services). */
  dueAtReception: number;
  /** Reception lines "theo quy định" whose amount nobody entered yet. */
  undeterminedAtReception: readonly string[];
  waived: boolean;
}

export interface SlipBlock {
  code: 'FEES_DUE_AT_RECEPTION' | 'FEES_UNDETERMINED_AT_RECEPTION';
  message: string;
}

/**
 * Why the appointment slip (giấy tiếp nhận và hẹn trả kết quả) may not be handed out yet, or null when it may: the
 * regulation's order is reception → "đề nghị nộp phí, lệ phí" → receipt → the slip. Fees collected at return do not
 * hold it back; a waiver releases it.
 */
export function slipBlock(s: SlipStanding): SlipBlock | null {
  if (s.waived) return null;
  if (s.undeterminedAtReception.length > 0) {
    return { code: 'FEES_UNDETERMINED_AT_RECEPTION', message: 'Phí, lệ phí nộp khi tiếp nhận chưa xác định (khoản "theo quy định" chưa nhập số tiền): xác định và thu trước khi in giấy tiếp nhận và hẹn trả kết quả.' };
  }
  if (s.dueAtReception > 0) {
    return { code: 'FEES_DUE_AT_RECEPTION', message: `Hồ sơ còn phải nộp ${formatVnd(s.dueAtReception)} phí, lệ phí khi tiếp nhận: thu trước khi in giấy tiếp nhận và hẹn trả kết quả.` };
  }
  return null;
}
