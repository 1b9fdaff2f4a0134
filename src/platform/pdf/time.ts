// Calendar and clock text in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), computed by arithmetic so the result
// never depends on the machine's time zone.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VnParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock fields of an instant in Việt Nam. */
export function vnParts(d: Date): VnParts {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('Ngày giờ không hợp lệ');
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes() };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `12/03/2025`; '' for a missing date. */
export function formatVnDate(d: Date | null | undefined): string {
  if (!d) return '';
  const p = vnParts(d);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** `16:30`; '' for a missing date. */
export function formatVnTime(d: Date | null | undefined): string {
  if (!d) return '';
  const p = vnParts(d);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** `12/03/2025 16:30`; '' for a missing date. */
export function formatVnDateTime(d: Date | null | undefined): string {
  if (!d) return '';
  return `${formatVnDate(d)} ${formatVnTime(d)}`;
}

/** The wording of slips: `16 giờ 30 phút, ngày 12/03/2025`; '' for a missing date. */
export function formatVnHourDate(d: Date | null | undefined): string {
  if (!d) return '';
  const p = vnParts(d);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${formatVnDate(d)}`;
}

/**
 * `ngày 12 tháng 3 năm 2025` as in the date line of administrative documents (Nghị định 30/2020/NĐ-CP): a day below
 * 10 and the months January and February get a leading zero (`ngày 05 tháng 02 năm 2025`).
 */
export function formatVnLongDate(d: Date): string {
  const p = vnParts(d);
  return `ngày ${pad2(p.day)} tháng ${p.month < 3 ? pad2(p.month) : String(p.month)} năm ${p.year}`;
}

/** `2025-03-12` (an ISO calendar date, e.g. a date of birth) → `12/03/2025`; other text is returned unchanged. */
export function formatIsoDate(s: string | null | undefined): string {
  if (!s) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}

/** The Việt Nam calendar date of an instant as a UTC-midnight Date (what spreadsheets store for a date cell). */
export function vnCalendarDate(d: Date): Date {
  const p = vnParts(d);
  return new Date(Date.UTC(p.year, p.month - 1, p.day));
}
