// What staff read in the console's notifications and in the e-mail copy: urges (by a leader, or automatic before the
// due date and at overdue), a department-wide urge, and the department's daily digest. Vietnamese; pure.
import { formatVnDate, formatVnDateTime } from '../../../platform/pdf/time';

/** The statuses a dossier can be urged in: waiting at the center for the transfer, or with the department. */
export const URGEABLE: readonly string[] = ['received', 'in_progress'];

export type UrgeKind = 'manual' | 'department' | 'due_soon' | 'overdue';
export type NotificationKind = 'urge' | 'due_soon' | 'overdue' | 'digest';

export interface Message {
  kind: NotificationKind;
  title: string;
  body: string;
  /** The console page it opens. */
  link: string;
}

export interface UrgedDossier {
  code: string;
  procedureName: string;
  legalDueAt: Date | null;
  step: string | null;
}

export const dossierLink = (code: string) => `/console/dossiers/${encodeURIComponent(code)}`;

const dueText = (d: UrgedDossier) => (d.legalDueAt ? `Hạn giải quyết: ${formatVnDateTime(d.legalDueAt)}.` : '');
const stepText = (d: UrgedDossier) => (d.step ? `Đang ở bước: ${d.step}.` : '');
const lines = (...xs: (string | null | undefined | false)[]) => xs.filter((x): x is string => !!x).join('\n');

/** An urge of one dossier. */
export function urgeMessage(kind: Exclude<UrgeKind, 'department'>, d: UrgedDossier, by: { name: string; title: string } | null, note: string): Message {
  const head = `${d.code} — ${d.procedureName}`;
  if (kind === 'due_soon') {
    return {
      kind, link: dossierLink(d.code), title: `Hồ sơ ${d.code} sắp đến hạn`,
      body: lines(`Hồ sơ ${head} còn không quá một ngày làm việc đến hạn giải quyết.`, dueText(d), stepText(d),
        'Đề nghị khẩn trương giải quyết; nếu không kịp, báo trễ hạn (nêu lý do, ngày hẹn đề xuất) trước thời điểm hẹn trả kết quả.'),
    };
  }
  if (kind === 'overdue') {
    return {
      kind, link: dossierLink(d.code), title: `Hồ sơ ${d.code} đã quá hạn`,
      body: lines(`Hồ sơ ${head} đã quá hạn giải quyết.`, dueText(d), stepText(d), 'Đề nghị khẩn trương giải quyết và báo cáo lý do trễ hạn.'),
    };
  }
  return {
    kind: 'urge', link: dossierLink(d.code), title: `Đôn đốc giải quyết hồ sơ ${d.code}`,
    body: lines(by ? `${by.name} (${by.title}) đôn đốc giải quyết hồ sơ ${head}.` : `Đôn đốc giải quyết hồ sơ ${head}.`, dueText(d), stepText(d), note && `Nội dung: ${note}`),
  };
}

const LISTED = 20;

/** An urge of a department about several of its dossiers: one message to each person concerned. */
export function departmentUrgeMessage(department: string, dossiers: readonly UrgedDossier[], by: { name: string; title: string }, note: string): Message {
  const shown = dossiers.slice(0, LISTED).map((d) => `- ${d.code} — ${d.procedureName}${d.legalDueAt ? ` (hạn ${formatVnDateTime(d.legalDueAt)})` : ''}`);
  const more = dossiers.length > LISTED ? `… và ${dossiers.length - LISTED} hồ sơ khác.` : null;
  return {
    kind: 'urge', link: '/console/dossiers/inbox', title: `Đôn đốc ${department}: ${dossiers.length} hồ sơ`,
    body: lines(`${by.name} (${by.title}) đôn đốc ${department} giải quyết ${dossiers.length} hồ sơ:`, ...shown, more, note && `Nội dung: ${note}`),
  };
}

export interface DigestItem {
  code: string;
  procedureName: string;
  legalDueAt: Date | null;
  assignee: string | null;
  flags: ('overdue' | 'at_risk' | 'untouched')[];
}

const FLAG: Record<DigestItem['flags'][number], string> = { overdue: 'quá hạn', at_risk: 'sắp đến hạn', untouched: 'chưa cập nhật quá nửa ngày làm việc' };

/** The daily digest of a department: counts, then every dossier concerned with why it is listed. */
export function digestMessage(department: string, day: Date, items: readonly DigestItem[]): Message {
  const count = (f: DigestItem['flags'][number]) => items.filter((i) => i.flags.includes(f)).length;
  const title = `Tổng hợp ngày ${formatVnDate(day)}: ${count('overdue')} quá hạn, ${count('at_risk')} sắp đến hạn, ${count('untouched')} chưa cập nhật`;
  const rows = items.map((i) => `- ${i.code} — ${i.procedureName}: ${i.flags.map((f) => FLAG[f]).join(', ')}`
    + `${i.legalDueAt ? `; hạn ${formatVnDateTime(i.legalDueAt)}` : ''}${i.assignee ? `; người xử lý: ${i.assignee}` : '; chưa phân công'}`);
  return {
    kind: 'digest', link: '/console/dossiers/inbox', title,
    body: lines(`${department} — tình hình hồ sơ cần chú ý ngày ${formatVnDate(day)}:`, ...rows,
      'Quy chế: cập nhật tiến độ từng hồ sơ ít nhất vào cuối mỗi buổi sáng và buổi chiều.'),
  };
}

/** The e-mail copy of a notification: the same text, with a link to the console page when the public address is known. */
export function notificationMail(m: { title: string; body: string; link: string | null }, publicUrl: string | undefined): { subject: string; text: string; html: string } {
  const url = publicUrl && m.link ? `${publicUrl}${m.link}` : null;
  const text = lines(m.body, '', url && `Xem trên phần mềm: ${url}`, '', 'Thư này được gửi tự động từ phần mềm Trung tâm Hành chính công; vui lòng không trả lời.');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const body = m.body.split('\n').map((l) => `<p style="margin:0 0 6px">${esc(l)}</p>`).join('\n');
  const link = url ? `<p><a href="${esc(url)}">Xem trên phần mềm</a></p>` : '';
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(m.title)}</title></head>`
    + `<body style="font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5">\n${body}\n${link}\n`
    + '<p style="color:#666;font-size:12px">Thư này được gửi tự động từ phần mềm Trung tâm Hành chính công; vui lòng không trả lời.</p>\n</body></html>\n';
  return { subject: m.title, text, html };
}
