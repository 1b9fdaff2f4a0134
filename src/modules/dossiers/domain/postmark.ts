// Postal intake: "thời hạn nhận được xác định theo dấu ngày đến của bưu điện" (Đề án IV.3.1.a). The clerk enters
// the postmark of arrival at registration; the legal clock counts from it instead of from the moment of entry.
// Pure: the moment of entry comes in.
import { badRequest } from '../../../platform/errors';
import { vnDate, vnDayString } from '../../calendar/domain';

/** A postmark older than this is a typo (or a letter lost for a month): the clerk checks the envelope again. */
export const MAX_POSTMARK_DAYS = 30;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The postmark as an instant, or null without one. A date ('YYYY-MM-DD', what a postmark shows) stands for the
 * start of that day in Việt Nam, so the clock receives it at that day's opening (or the next working day's).
 * Refused: on a dossier not sent by post, with a back-entry (one receipt time per dossier), a malformed or
 * non-existent date, a date after `now`, or one more than MAX_POSTMARK_DAYS before it.
 */
export function postmarkOf(input: { postmarkedAt?: string | null; channel: string; backEntry?: unknown }, now: Date): Date | null {
  const raw = input.postmarkedAt?.trim();
  if (!raw) return null;
  if (input.channel !== 'post') throw badRequest('DOSSIER_POSTMARK_NOT_POST', 'Chỉ hồ sơ nộp qua bưu chính (channel "post") mới có dấu ngày đến của bưu điện.');
  if (input.backEntry) throw badRequest('DOSSIER_POSTMARK_BACK_ENTRY', 'Hồ sơ nhập bù đã có thời điểm tiếp nhận thực tế; không nhập thêm dấu bưu điện.');
  let at: Date;
  if (DAY.test(raw)) {
    const d = new Date(`${raw}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw) throw badRequest('DOSSIER_POSTMARK_INVALID', `Ngày ${raw.split('-').reverse().join('/')} không tồn tại.`);
    if (raw > vnDayString(now)) throw future();
    at = vnDate(raw);
  } else if (INSTANT.test(raw) && !Number.isNaN(Date.parse(raw))) {
    at = new Date(raw);
    if (at.getTime() > now.getTime()) throw future();
  } else {
    throw badRequest('DOSSIER_POSTMARK_INVALID', 'Dấu ngày đến của bưu điện phải là một ngày (YYYY-MM-DD) hoặc thời điểm ISO 8601 kèm múi giờ.');
  }
  if (now.getTime() - at.getTime() > (MAX_POSTMARK_DAYS + 1) * 86_400_000) {
    throw badRequest('DOSSIER_POSTMARK_TOO_OLD', `Dấu ngày đến của bưu điện sớm hơn ${MAX_POSTMARK_DAYS} ngày trước; hãy kiểm tra lại ngày trên phong bì.`);
  }
  return at;
}

const future = () => badRequest('DOSSIER_POSTMARK_FUTURE', 'Dấu ngày đến của bưu điện không được sau thời điểm hiện tại.');
