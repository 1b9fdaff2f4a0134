// The placeholder values of one event, from the facts the worker read. Pure: the same facts give the same text.
import { formatVnDate } from '../../../platform/pdf/time';
import { formatVnd } from '../../fees/domain/money';
import type { NotifyEvent } from './events';
import { smsHourDate } from './inbound';

export interface EventFacts {
  centerShortName: string;
  dossier?: {
    code: string;
    procedureName: string;
    receivedAt: Date | null;
    dueAt: Date | null;
    result: Record<string, unknown> | null;
  };
  /** The history event's reason and data (missing papers, new due date, return method…), or the outbox payload. */
  reason?: string | null;
  data?: Record<string, unknown>;
  ticket?: { displayNumber: string; ahead: number; counters: number[] };
  /** A feedback's tracking code and the address of its tracking page. */
  feedback?: { code: string; trackingUrl: string };
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : '');
const date = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
const RETURN_METHOD: Record<string, string> = { counter: 'tại quầy', post: 'qua bưu điện', online: 'trực tuyến' };

export function eventValues(event: NotifyEvent, f: EventFacts): Record<string, string> {
  const d = f.dossier;
  const data = f.data ?? {};
  const v: Record<string, string> = { trung_tam: f.centerShortName };
  if (d) Object.assign(v, { ma_ho_so: d.code, thu_tuc: d.procedureName });
  switch (event) {
    case 'received': {
      const due = date(data.dueAt) ?? d?.dueAt ?? null;
      Object.assign(v, { ngay_hen: due ? smsHourDate(due) : '', ngay_tiep_nhan: formatVnDate(d?.receivedAt ?? null) });
      break;
    }
    case 'supplement_requested': {
      const missing = Array.isArray(data.missing) ? (data.missing as unknown[]).map(str).filter(Boolean) : [];
      Object.assign(v, { giay_to_bo_sung: missing.join('; ') || str(f.reason), ly_do: str(f.reason) });
      break;
    }
    case 'extended': {
      const due = date(data.dueAt) ?? d?.dueAt ?? null;
      const before = date(data.previousDueAt);
      Object.assign(v, { ngay_hen_moi: due ? smsHourDate(due) : '', ngay_hen_cu: before ? smsHourDate(before) : '', ly_do: str(f.reason) });
      break;
    }
    case 'result_ready':
      v.ket_qua = str(d?.result?.summary);
      break;
    case 'rejected':
      v.ly_do = str(f.reason) || str(d?.result?.reason);
      break;
    case 'returned':
      Object.assign(v, { hinh_thuc_tra: RETURN_METHOD[str(data.method)] ?? RETURN_METHOD.counter, ma_van_don: str(data.trackingNumber) });
      break;
    case 'payment_received':
      Object.assign(v, { so_tien: typeof data.amount === 'number' ? formatVnd(data.amount) : '', so_bien_lai: str(data.receiptNumber) });
      break;
    case 'queue_near':
      if (f.ticket) Object.assign(v, { so_thu_tu: f.ticket.displayNumber, so_nguoi_truoc: String(f.ticket.ahead), quay: f.ticket.counters.join(', ') });
      break;
    case 'feedback_published':
    case 'feedback_rejected':
      if (f.feedback) Object.assign(v, { ma_phan_anh: f.feedback.code, duong_dan: f.feedback.trackingUrl });
      if (event === 'feedback_rejected') v.ly_do = str(f.reason);
      break;
  }
  return v;
}
