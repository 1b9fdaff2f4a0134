import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { vnTime } from '../../lib/format';

/** "Tư pháp (hộ tịch, chứng thực, …)" → { main: "Tư pháp", detail: "hộ tịch, chứng thực, …" } */
export function splitFieldName(name: string): { main: string; detail: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/u.exec(name.trim());
  if (m && m[1]) return { main: m[1], detail: m[2] };
  return { main: name.trim(), detail: '' };
}

/** "Trung tâm Hành chính công thị xã Hương Thủy" → ["Trung tâm Hành chính công", "thị xã Hương Thủy"] (for two-line headings). */
export function centerLines(name: string): string[] {
  const m = /^(trung tâm (?:phục vụ )?hành chính công)\s+(.+)$/iu.exec(name.trim());
  return m ? [m[1], m[2]] : [name];
}

/** "Quầy 4 – Văn hóa và gia đình, viễn thông và internet" → "Văn hóa và gia đình, viễn thông và internet" */
export function counterFieldLabel(name: string): string {
  const m = /^\s*quầy\s*\d+\s*[–—-]\s*(.+)$/iu.exec(name);
  return m ? m[1] : name;
}

/** "khoảng 15 phút", "khoảng 1 giờ 20 phút", "Sắp đến lượt" */
export function waitText(t: TFunction, minutes: number): string {
  if (minutes <= 0) return t('queue.wait.none');
  if (minutes < 60) return t('queue.wait.minutes', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? t('queue.wait.hoursMinutes', { h, m }) : t('queue.wait.hours', { count: h });
}

/** [2] → "2", [12, 13] → "12, 13" */
export const counterNumbers = (numbers: number[]) => numbers.join(', ');

/** "2015" read out digit groups as the server wrote it; the call sentence of the board. */
export function callSentence(t: TFunction, displayNumber: string, counterNumber: number): string {
  return t('queue.board.callText', { number: displayNumber, counter: counterNumber });
}

/** The current time, refreshed every `ms`. */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export const hhmm = (d: string | Date) => vnTime(d).format('HH:mm');
export const hhmmss = (d: string | Date) => vnTime(d).format('HH:mm:ss');
export const dmy = (d: string | Date) => vnTime(d).format('DD/MM/YYYY');

/** Absolute address of a path of this web app (for the QR code on the ticket). */
export const absoluteUrl = (path: string) => (/^https?:\/\//.test(path) ? path : `${window.location.origin}${path.startsWith('/') ? '' : '/'}${path}`);
