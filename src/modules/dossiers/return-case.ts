import type { WorkCalendar } from '../calendar/domain';
import type { DossierRow } from './repo';
import { timingOf } from './presenter';

export type ReturnCase = 'on_time' | 'late' | 'not_resolved' | 'rejected' | 'returned' | 'not_received' | 'closed';

export interface ReturnAdvice {
  case: ReturnCase;
  message: string;
  /**
   * What to print or hand over at the counter for this case. `apology`, `evaluation` and `rejection` print from
   * `…/forms/{name}.pdf` (the apology in its "late result" wording once the result is there); `result` is the
   * result itself; `extension` is the `extend` action (new date, once), after which the apology carries that date.
   */
  documents: ('result' | 'evaluation' | 'apology' | 'extension' | 'rejection')[];
}

/** Which return scenario applies at the counter (DOMAIN §4), and what the clerk prints for it. */
export function returnCase(d: DossierRow, cal: WorkCalendar, now: Date): ReturnAdvice {
  if (d.status === 'returned') return { case: 'returned', message: 'Hồ sơ đã được trả kết quả.', documents: [] };
  if (d.status === 'refused' || d.status === 'withdrawn') return { case: 'closed', message: 'Hồ sơ đã kết thúc (từ chối tiếp nhận hoặc rút hồ sơ).', documents: [] };
  if (d.status === 'submitted' || d.status === 'needs_supplement') return { case: 'not_received', message: 'Hồ sơ chưa được tiếp nhận.', documents: [] };
  if (d.status === 'rejected') return { case: 'rejected', message: 'Hồ sơ không đủ điều kiện giải quyết: trả lại toàn bộ hồ sơ kèm văn bản nêu rõ lý do.', documents: ['rejection'] };
  if (d.status === 'resolved') {
    const late = timingOf(cal, d, now) === 'late';
    return late
      ? { case: 'late', message: 'Kết quả trễ hạn: trả kết quả kèm thư xin lỗi và phiếu đánh giá.', documents: ['result', 'apology', 'evaluation'] }
      : { case: 'on_time', message: 'Kết quả đúng hạn: trả kết quả và mời người dân đánh giá mức độ hài lòng.', documents: ['result', 'evaluation'] };
  }
  return {
    case: 'not_resolved',
    message: d.extended_at
      ? 'Chưa có kết quả dù đã hẹn lại: báo lãnh đạo Trung tâm và phòng chuyên môn.'
      : 'Chưa có kết quả: gia hạn (hẹn lại ngày trả, một lần) và in phiếu xin lỗi và hẹn lại ngày trả kết quả.',
    documents: d.extended_at ? [] : ['apology', 'extension'],
  };
}
