// Formatting shared by every screen: Vietnamese dates (dd/mm/yyyy, Asia/Ho_Chi_Minh), money in integer VND with a
// dot as thousand separator ("1.000.000 đ"), processing times, fee summaries and online levels.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { TFunction } from 'i18next';
import type { DossierStatus, Fee, ProcessingTime } from '../api/types';

dayjs.extend(utc);
dayjs.extend(timezone);

export const VN_TZ = 'Asia/Ho_Chi_Minh';

/** A moment as seen on a wall clock in Vietnam (UTC+7, no daylight saving). */
export const vnTime = (iso: string | Date | number) => dayjs(iso).tz(VN_TZ);

/** dd/mm/yyyy for an ISO moment (in Vietnam time) or a plain YYYY-MM-DD day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  return vnTime(value).format('DD/MM/YYYY');
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return vnTime(value).format('HH:mm DD/MM/YYYY');
}

/** Day of week (0 = Sunday) of a plain YYYY-MM-DD day, independent of the browser's time zone. */
export function dayOfWeek(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function weekdayName(t: TFunction, dow: number): string {
  return t(`weekday.${dow}`);
}

export function groupThousands(n: number, sep: string): string {
  const sign = n < 0 ? '-' : '';
  return sign + Math.abs(Math.round(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** 1000000 → "1.000.000 đ" */
export function formatMoney(amount: number): string {
  return `${groupThousands(amount, '.')} đ`;
}

/** 8.75 → "8,75" in Vietnamese, "8.75" in English. */
export function formatNumber(n: number, lang: string): string {
  const s = String(Math.round(n * 100) / 100);
  return lang === 'en' ? s : s.replace('.', ',');
}

/** "5 ngày làm việc", "8 giờ làm việc", "Trong ngày" … */
export function durationText(t: TFunction, unit: 'working_days' | 'working_hours' | 'calendar_days', value: number): string {
  const n = formatNumber(value, t('lang.code'));
  const count = Number.isInteger(value) ? value : 2;
  if (unit === 'working_hours') return t('time.workingHours', { count, n });
  if (unit === 'calendar_days') return t('time.calendarDays', { count, n });
  return t('time.workingDays', { count, n });
}

export function processingTimeText(t: TFunction, pt: ProcessingTime | null | undefined): string {
  if (!pt) return '';
  if (pt.unit === 'same_day') return t('time.sameDay');
  if (pt.unit === 'working_hours') return durationText(t, 'working_hours', pt.value);
  return durationText(t, pt.calendarDays ? 'calendar_days' : 'working_days', pt.value);
}

export function feeUnitText(t: TFunction, unit: Fee['unit']): string {
  return t(`fee.unit.${unit}`);
}

/** "50.000 đ/hồ sơ", "1.000 đ/trang (tối đa 200.000 đ)", "Theo quy định", "Miễn phí" */
export function feeAmountText(t: TFunction, fee: Fee): string {
  if (fee.amount === null || fee.amount === undefined) return t('fee.byRegulation');
  if (fee.amount === 0) return t('fee.free');
  let s = `${formatMoney(fee.amount)}/${feeUnitText(t, fee.unit)}`;
  if (fee.cap) s += ` (${t('fee.cap', { amount: formatMoney(fee.cap) })})`;
  return s;
}

/** One line for lists: the first (or only) fee, or the range, or "Không thu phí". */
export function feeSummary(t: TFunction, fees: Fee[] | null | undefined): string {
  if (!fees || fees.length === 0) return t('fee.none');
  const priced = fees.filter((f) => typeof f.amount === 'number' && f.amount > 0);
  if (priced.length === 0) {
    return fees.every((f) => f.amount === 0) ? t('fee.free') : t('fee.byRegulation');
  }
  if (fees.length === 1) return feeAmountText(t, fees[0]);
  const amounts = priced.map((f) => f.amount as number);
  const min = Math.min(...amounts);
  const max = Math.max(...amounts);
  const sameUnit = priced.every((f) => f.unit === priced[0].unit);
  const unit = sameUnit ? `/${feeUnitText(t, priced[0].unit)}` : '';
  if (min === max) return `${formatMoney(min)}${unit}`;
  return t('fee.range', { min: formatMoney(min), max: formatMoney(max) }) + unit;
}

export const onlineLevelColor: Record<number, string> = { 1: 'default', 2: 'default', 3: 'blue', 4: 'green' };

/** The colour of a dossier's status tag, the same on the console (Ant Design) and the light public pages. */
export const dossierStatusColor: Record<DossierStatus, string> = {
  submitted: 'geekblue', needs_supplement: 'orange', refused: 'red', received: 'cyan', in_progress: 'blue',
  paused: 'gold', resolved: 'green', rejected: 'volcano', returned: 'purple', withdrawn: 'default',
};

/** "Tư pháp (hộ tịch, chứng thực, …)" → "Tư pháp": for narrow table columns; the full name goes in a tooltip. */
export function shortFieldName(name: string | null | undefined): string {
  if (!name) return '';
  return name.replace(/\s*\([^)]*\)\s*$/u, '').trim() || name;
}

/** A stretch of public hours: "14:00–16:30, Thứ Hai, 16/03/2026" (the return window of a due date, a next opening). */
export function sessionText(t: TFunction, s: { day: string; start: string; end: string }): string {
  return `${s.start}–${s.end}, ${weekdayName(t, dayOfWeek(s.day))}, ${formatDate(s.day)}`;
}

/** When a stretch of public hours begins: "07:30, Thứ Hai, 16/03/2026". */
export function sessionStartText(t: TFunction, s: { day: string; start: string }): string {
  return `${s.start}, ${weekdayName(t, dayOfWeek(s.day))}, ${formatDate(s.day)}`;
}
