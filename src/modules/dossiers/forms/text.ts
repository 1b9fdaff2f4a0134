import type { FormApplicant, FormDossier, Handoff, TimeLimitUnit } from './types';

// Vietnamese wording shared by the papers.

const pad2 = (n: number) => String(n).padStart(2, '0');

/** '05 ngày làm việc', '08 giờ làm việc', 'Trong ngày'. */
export function timeLimitText(limit: { unit: TimeLimitUnit; value: number }): string {
  switch (limit.unit) {
    case 'same_day':
      return 'Trong ngày';
    case 'working_hours':
      return `${pad2(limit.value)} giờ làm việc`;
    case 'working_days':
      return `${pad2(limit.value)} ngày làm việc`;
  }
}

const CHANNEL: Record<FormDossier['channel'], string> = {
  direct: 'Trực tiếp tại Trung tâm',
  post: 'Qua dịch vụ bưu chính công ích',
  online: 'Trực tuyến',
};

/** How the dossier was submitted. */
export function channelText(channel: FormDossier['channel']): string {
  return CHANNEL[channel];
}

/** 'Ông/Bà' for a person, 'Quý tổ chức' for an organization. */
export function honorific(a: FormApplicant): string {
  return a.kind === 'organization' ? 'Quý tổ chức' : 'Ông/Bà';
}

/** The name the paper is addressed to: the person, or the organization (its representative separately). */
export function applicantName(a: FormApplicant): string {
  return a.kind === 'organization' && a.orgName ? a.orgName : a.fullName;
}

/** The applicant's account on the national service portal: personal identification number, else tax code. */
export function applicantAccount(a: FormApplicant): string {
  if (a.kind === 'organization') return a.taxCode || a.idNumber || a.email || a.phone || '';
  return a.idNumber || a.email || a.phone || '';
}

const OUTCOME: Record<NonNullable<Handoff['outcome']>, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

/** 'Trước hạn' / 'Đúng hạn' / 'Quá hạn'; '' while the step is open. */
export function outcomeText(outcome: Handoff['outcome']): string {
  return outcome ? OUTCOME[outcome] : '';
}

const STATUS: Record<string, string> = {
  submitted: 'Chờ kiểm tra',
  needs_supplement: 'Chờ bổ sung',
  refused: 'Từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  in_progress: 'Đang giải quyết',
  paused: 'Tạm dừng',
  resolved: 'Đã có kết quả',
  rejected: 'Không đủ điều kiện',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã rút hồ sơ',
};

/** A dossier state code in Vietnamese (unknown codes and already-Vietnamese text pass through). */
export function statusText(status: string): string {
  return STATUS[status] ?? status;
}

/** 7 → '0007' (daily sequence number). */
export function dailyNumberText(n: number): string {
  return String(n).padStart(4, '0');
}

/** '01', '02', … */
export function twoDigits(n: number): string {
  return pad2(n);
}

/** A return window as the appointment slip prints it: 'từ 14 giờ 00 đến 16 giờ 30, thứ Hai, ngày 17/03/2025'. */
export { sessionText as returnWindowText } from '../../calendar/words';

/** A postmark: its date ('ngày 09/03/2026'), with the hour when one was entered ('15 giờ 20 phút, ngày …'). */
export function postmarkText(d: Date): string {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  const day = `${pad2(local.getUTCDate())}/${pad2(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  const h = local.getUTCHours();
  const m = local.getUTCMinutes();
  return h === 0 && m === 0 ? `ngày ${day}` : `${pad2(h)} giờ ${pad2(m)} phút, ngày ${day}`;
}
