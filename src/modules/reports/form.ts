// The settlement report laid out as the official form (mẫu II.06a kind: "Tình hình, kết quả giải quyết thủ tục
// hành chính"): the same header groups and numbered columns in the PDF and the Excel file.
import type { Figures } from './domain';
import type { SettlementReport } from './settlement-query';

export interface Issuer {
  /** "UBND thị xã Hương Thủy" or "UBND tỉnh Thừa Thiên Huế". */
  parentAgency: string;
  /** "Trung tâm Hành chính công thị xã Hương Thủy", or the province-wide label. */
  unitName: string;
  /** For the place-date line: "Hương Thủy". */
  place: string;
}

export const TITLE = 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

/** The twelve numbered columns: label, value. */
export const COLUMNS: { no: number; label: string; value: (f: Figures) => number }[] = [
  { no: 1, label: 'Tổng số', value: (f) => f.received.total },
  { no: 2, label: 'Số kỳ trước chuyển qua', value: (f) => f.received.carriedOver },
  { no: 3, label: 'Mới tiếp nhận trực tuyến', value: (f) => f.received.online },
  { no: 4, label: 'Mới tiếp nhận trực tiếp, dịch vụ bưu chính', value: (f) => f.received.direct },
  { no: 5, label: 'Tổng số', value: (f) => f.settled.total },
  { no: 6, label: 'Trả trước hạn', value: (f) => f.settled.early },
  { no: 7, label: 'Trả đúng hạn', value: (f) => f.settled.onTime },
  { no: 8, label: 'Trả quá hạn', value: (f) => f.settled.late },
  { no: 9, label: 'Rút hồ sơ, dừng giải quyết', value: (f) => f.settled.withdrawn },
  { no: 10, label: 'Tổng số', value: (f) => f.inProgress.total },
  { no: 11, label: 'Chưa đến hạn (trong hạn)', value: (f) => f.inProgress.withinTime },
  { no: 12, label: 'Quá hạn', value: (f) => f.inProgress.overdue },
];

/** The groups above the numbered columns. */
export const GROUPS = {
  received: 'Số hồ sơ nhận giải quyết',
  of: 'Trong đó',
  result: 'Kết quả giải quyết',
  settled: 'Số hồ sơ đã giải quyết',
  inProgress: 'Số hồ sơ đang giải quyết',
  note: 'Ghi chú',
};

export const groupTitle = (r: SettlementReport) => (r.groupBy === 'field' ? 'Lĩnh vực giải quyết' : 'Phòng chuyên môn');

/** The notes column: not eligible (within the settled) and refused at reception (outside the reconciliation). */
export function noteOf(f: Figures): string {
  const parts: string[] = [];
  if (f.settled.rejected) parts.push(`Không đủ điều kiện: ${f.settled.rejected}`);
  if (f.refused) parts.push(`Từ chối tiếp nhận: ${f.refused}`);
  return parts.join('; ');
}

export const ddmmyyyy = (day: string) => day.split('-').reverse().join('/');

export const FOOTNOTES = [
  '(1) = (2) + (3) + (4) = (5) + (10); (5) = (6) + (7) + (8) + (9); (10) = (11) + (12).',
  'Trước hạn: có kết quả trước ngày hẹn trả; đúng hạn: trong ngày hẹn trả; quá hạn: sau thời hạn theo quy định (kể cả hồ sơ đã hẹn lại) '
    + 'hoặc phải yêu cầu bổ sung từ lần thứ hai. Thời gian chờ người nộp bổ sung hồ sơ không tính vào thời hạn.',
  'Hồ sơ liên thông được tính một lần, tại phòng chuyên môn chủ trì. Hồ sơ bị từ chối tiếp nhận không thuộc số hồ sơ nhận giải quyết.',
];

export function periodLine(r: SettlementReport): string {
  return `Kỳ báo cáo: từ ngày ${ddmmyyyy(r.from)} đến ngày ${ddmmyyyy(r.to)}`;
}
