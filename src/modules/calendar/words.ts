// Dates and times of the public calendar in the words of notices ("07 giờ 30, thứ Hai, ngày 09/03/2026").
import type { PublicSession } from './domain';

type Session = Pick<PublicSession, 'day' | 'start' | 'end'>;

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** 'YYYY-MM-DD' → 'thứ Hai' … 'Chủ nhật'. */
export const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** 'YYYY-MM-DD' → '09/03/2026'. */
export const vnDay = (day: string) => day.split('-').reverse().join('/');

/** 'HH:MM' → '07 giờ 30'. */
export const hourText = (hhmm: string) => hhmm.replace(':', ' giờ ');

/** When a session begins: '07 giờ 30, thứ Hai, ngày 09/03/2026'. */
export const sessionStartText = (s: Session) => `${hourText(s.start)}, ${weekdayOf(s.day)}, ngày ${vnDay(s.day)}`;

/** A session as the appointment slip prints it: 'từ 14 giờ 00 đến 16 giờ 30, thứ Hai, ngày 09/03/2026'. */
export const sessionText = (s: Session) => `từ ${hourText(s.start)} đến ${hourText(s.end)}, ${weekdayOf(s.day)}, ngày ${vnDay(s.day)}`;
