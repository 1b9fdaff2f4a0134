// The SMS look-up (the seed's "tra cứu qua SMS"): a citizen texts "HS <mã hồ sơ>" and gets the status and the
// appointment back, only when the text comes from the phone the dossier was registered with. No name, no ID
// number, nothing personal in any reply; the same neutral answer whether the code is unknown or the phone differs.
// Pure: parsing and wording.
import { formatVnDate, vnParts } from '../../../platform/pdf/time';

/** The dossier code of a look-up text ("HS 000.00.15.H57-250312-0007", "hs:…", "HS…"), or null. */
export function parseLookup(text: string): string | null {
  const m = /^\s*HS\s*[:.#-]?\s*([0-9A-Za-z.]+-\d{6}-\d{4,6})\s*\.?\s*$/i.exec(text);
  return m ? m[1] : null;
}

/** 16h30 ngày 17/03/2025 */
export function smsHourDate(d: Date): string {
  const p = vnParts(d);
  return `${p.hour}h${String(p.minute).padStart(2, '0')} ngày ${formatVnDate(d)}`;
}

export const LOOKUP_HELP = 'Sai cú pháp. Để tra cứu hồ sơ, soạn: HS <mã hồ sơ> và gửi từ số điện thoại đã đăng ký khi nộp hồ sơ.';
export const LOOKUP_NEUTRAL = 'Không tìm thấy hồ sơ phù hợp với số điện thoại này. Soạn HS <mã hồ sơ> từ số điện thoại đã đăng ký khi nộp hồ sơ.';

/** The reply to a look-up that matched: the code, the status in words, and the appointment while it matters. */
export function lookupReply(d: { code: string; statusName: string; status: string; dueAt: Date | null }): string {
  const open = !['returned', 'withdrawn', 'refused'].includes(d.status);
  const due = open && d.dueAt ? ` Hẹn trả kết quả: ${smsHourDate(d.dueAt)}.` : '';
  return `Hồ sơ ${d.code}: ${d.statusName}.${due}`;
}
