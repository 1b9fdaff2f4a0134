import { z } from 'zod';

// Vietnamese messages for every zod issue a schema does not word itself, so no "Invalid input: expected string,
// received undefined" reaches a citizen or a clerk. A message says which field (its Vietnamese label) and what is
// wrong with it; a schema's own message (e.g. 'Số điện thoại không hợp lệ') still wins. Installed once for the
// whole process with z.config (zod v4's global error customization), before any request is parsed.

/** Vietnamese names of the fields of the API's inputs (bodies, path parameters, query strings). */
const LABELS: Record<string, string> = {
  accountName: 'Tên tài khoản', accountNumber: 'Số tài khoản', action: 'Thao tác', active: 'Đang hoạt động', address: 'Địa chỉ',
  agency: 'Cơ quan thực hiện', answer: 'Nội dung trả lời', amount: 'Số tiền', apology: 'Nội dung xin lỗi', applicant: 'Người nộp', backEntry: 'Nhập bù',
  bankBin: 'Mã BIN ngân hàng', bankName: 'Tên ngân hàng', bankReference: 'Số chứng từ ngân hàng', before: 'Trước mốc',
  bookSize: 'Số tờ mỗi quyển', budget: 'Nộp ngân sách', calendarDays: 'Tính theo ngày lịch', cap: 'Mức trần', card: 'Thẻ',
  cash: 'Tiền mặt', categories: 'Đối tượng', center: 'Trung tâm', centerId: 'Trung tâm', centerSharePercent: 'Tỷ lệ Trung tâm được giữ lại',
  channel: 'Kênh nộp', charge: 'Mức thu', checklist: 'Thành phần hồ sơ', choiceGroup: 'Nhóm lựa chọn', code: 'Mã',
  collectAt: 'Thời điểm thu', contact: 'Thông tin liên hệ', content: 'Nội dung phản ánh', collector: 'Người thu', confidence: 'Độ tin cậy', copies: 'Số bản sao', copy: 'Số bản sao',
  cutoff: 'Giờ chốt', date: 'Ngày', dateOfBirth: 'Ngày sinh', decidingAuthority: 'Cơ quan có thẩm quyền quyết định',
  defaultServiceMinutes: 'Thời gian phục vụ mặc định (phút)', departmentCode: 'Mã phòng', departmentId: 'Phòng chuyên môn',
  dossierCode: 'Mã hồ sơ', dossierCodes: 'Mã hồ sơ', email: 'E-mail', estimatedFields: 'Trường ước tính', fees: 'Phí, lệ phí', field: 'Lĩnh vực',
  fieldCodes: 'Mã lĩnh vực', fields: 'Lĩnh vực', file: 'Tệp', format: 'Định dạng', from: 'Từ ngày', fullName: 'Họ và tên',
  groupBy: 'Nhóm theo', groups: 'Nhóm dịch vụ', handedOver: 'Đã bàn giao', id: 'Mã định danh', idNumber: 'Số định danh cá nhân (CCCD)',
  'idempotency-key': 'Khóa chống gửi trùng (Idempotency-Key)', inbox: 'Hộp xử lý', includeInactive: 'Gồm cả mục ngừng áp dụng',
  index: 'Số thứ tự', interAgency: 'Liên thông', itemQuantities: 'Số lượng theo khoản thu', kind: 'Loại', legalBasis: 'Căn cứ pháp lý',
  level: 'Mức độ', limit: 'Số dòng tối đa', mandatory: 'Bắt buộc', manualAmounts: 'Số tiền nhập tay', method: 'Hình thức',
  missing: 'Giấy tờ còn thiếu', name: 'Tên', newDueAt: 'Ngày hẹn trả mới', note: 'Ghi chú', notes: 'Ghi chú', number: 'Số',
  numbering: 'Đánh số thứ tự', offset: 'Vị trí bắt đầu', onlineLevel: 'Mức độ trực tuyến', order: 'Thứ tự', orgName: 'Tên tổ chức',
  original: 'Số bản chính', overdue: 'Quá hạn', pages: 'Số trang', password: 'Mật khẩu', percent: 'Tỷ lệ phần trăm', phone: 'Số điện thoại',
  prefix: 'Tiền tố', presented: 'Đã nộp', priorities: 'Đối tượng ưu tiên', priority: 'Đối tượng ưu tiên', priorityStreakLimit: 'Số lượt ưu tiên liên tiếp tối đa',
  procedure: 'Thủ tục', procedureCode: 'Mã thủ tục', processingTime: 'Thời hạn giải quyết', proposedDueAt: 'Ngày hẹn đề xuất',
  q: 'Từ khóa tìm kiếm', rangeStart: 'Số bắt đầu', reason: 'Lý do', recallLimit: 'Số lần gọi lại tối đa', receive: 'Tiếp nhận ngay',
  receivedAt: 'Thời điểm tiếp nhận', recipient: 'Người nhận', reference: 'Số tham chiếu', replacesReceiptId: 'Biên lai được thay thế',
  requiredDocuments: 'Thành phần hồ sơ', result: 'Kết quả', resultFileId: 'Tệp kết quả', resultSummary: 'Tóm tắt kết quả', role: 'Vai trò',
  roles: 'Vai trò', saturdayMorningOpen: 'Làm việc sáng thứ Bảy', selected: 'Khoản thu được chọn', services: 'Dịch vụ', shortName: 'Tên viết tắt',
  formNumber: 'Mẫu số', sort: 'Sắp xếp', source: 'Nguồn', status: 'Trạng thái', symbol: 'Ký hiệu', taxCode: 'Mã số thuế', tendered: 'Số tiền khách đưa',
  to: 'Đến ngày', trackingNumber: 'Mã vận đơn', transfer: 'Chuyển khoản', unit: 'Đơn vị', unlock: 'Mở khóa', userId: 'Người dùng',
  username: 'Tên đăng nhập', value: 'Giá trị', version: 'Phiên bản', workflow: 'Quy trình xử lý', year: 'Năm',
  body: 'Nội dung gửi lên', querystring: 'Tham số truy vấn', params: 'Đường dẫn', headers: 'Tiêu đề HTTP',
};

/** The Vietnamese label of an input field, in «»; a field without one is named as it is spelled. */
export function fieldLabel(key: string): string {
  return Object.hasOwn(LABELS, key) ? `«${LABELS[key]}»` : `Trường «${key}»`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'một chuỗi ký tự', number: 'một số', int: 'một số nguyên', bigint: 'một số nguyên', boolean: 'true hoặc false',
  object: 'một đối tượng JSON', array: 'một danh sách', date: 'một ngày', null: 'null', undefined: 'để trống', nan: 'một số',
  symbol: 'một giá trị hợp lệ', function: 'một giá trị hợp lệ', map: 'một bảng', set: 'một tập hợp', file: 'một tệp', literal: 'một giá trị cố định',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'địa chỉ e-mail', url: 'địa chỉ URL', uuid: 'mã định danh UUID', uuidv4: 'mã định danh UUID', guid: 'mã định danh GUID',
  datetime: 'thời điểm ISO 8601 (ví dụ 2026-03-12T08:30:00+07:00)', date: 'ngày dạng YYYY-MM-DD', time: 'giờ dạng HH:MM',
  e164: 'số điện thoại quốc tế', ipv4: 'địa chỉ IPv4', ipv6: 'địa chỉ IPv6', base64: 'chuỗi base64', json_string: 'chuỗi JSON',
};

const UNITS: Record<string, string> = { string: 'ký tự', array: 'phần tử', set: 'phần tử', file: 'byte' };

const fmt = (n: number | bigint) => (typeof n === 'bigint' ? n : Math.abs(n) >= 1000 && Number.isInteger(n) ? n.toLocaleString('vi-VN') : n).toString();
const valueList = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/** What is wrong, in Vietnamese, without the field's name. */
function problemOf(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'bắt buộc, chưa có giá trị';
      return `phải là ${TYPE_NAMES[iss.expected] ?? 'một giá trị hợp lệ'}`;
    }
    case 'invalid_value':
      return iss.values.length === 1 ? `phải là ${valueList(iss.values)}` : `phải là một trong các giá trị: ${valueList(iss.values)}`;
    case 'too_small': {
      const unit = UNITS[iss.origin as string];
      if (unit) return Number(iss.minimum) === 1 && !unit.startsWith('byte') ? 'không được để trống' : `phải có ít nhất ${fmt(iss.minimum as number)} ${unit}`;
      return iss.inclusive ? `không được nhỏ hơn ${fmt(iss.minimum as number)}` : `phải lớn hơn ${fmt(iss.minimum as number)}`;
    }
    case 'too_big': {
      const unit = UNITS[iss.origin as string];
      if (unit) return `không được quá ${fmt(iss.maximum as number)} ${unit}`;
      return iss.inclusive ? `không được lớn hơn ${fmt(iss.maximum as number)}` : `phải nhỏ hơn ${fmt(iss.maximum as number)}`;
    }
    case 'invalid_format':
      if (iss.format === 'starts_with') return `phải bắt đầu bằng "${iss.prefix}"`;
      if (iss.format === 'ends_with') return `phải kết thúc bằng "${iss.suffix}"`;
      if (iss.format === 'includes') return `phải chứa "${iss.includes}"`;
      return FORMAT_NAMES[iss.format] ? `phải là ${FORMAT_NAMES[iss.format]}` : 'không đúng định dạng';
    case 'not_multiple_of':
      return `phải là bội số của ${fmt(iss.divisor as number)}`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${iss.keys.join(', ')}`;
    case 'invalid_key':
      return 'có khóa không hợp lệ';
    case 'invalid_element':
      return 'có phần tử không hợp lệ';
    case 'invalid_union':
      return 'không đúng dạng nào được chấp nhận';
    default:
      return 'không hợp lệ';
  }
}

/** The Vietnamese message of a zod issue: «label»: what is wrong (e.g. «Số điện thoại»: không được để trống). */
export function vietnameseIssue(iss: z.core.$ZodRawIssue): string {
  const key = [...(iss.path ?? [])].reverse().find((p) => typeof p === 'string') as string | undefined;
  return key ? `${fieldLabel(key)}: ${problemOf(iss)}` : `Dữ liệu ${problemOf(iss)}`;
}

let installed = false;
/** Makes every zod schema of the process answer in Vietnamese (idempotent). */
export function installVietnameseErrors(): void {
  if (installed) return;
  installed = true;
  z.config({ customError: (iss) => vietnameseIssue(iss) });
}
