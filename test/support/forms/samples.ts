// Realistic sample data for the form tests and for rendering sample papers (test/fixtures/forms/render-samples.ts).
import type { FormContext, FormDossier, Handoff, TrackingRow } from '../../../src/modules/dossiers/forms/types';

/** A Việt Nam wall-clock time (UTC+7) as an instant. */
export function vn(y: number, mo: number, d: number, h = 0, mi = 0): Date {
  return new Date(Date.UTC(y, mo - 1, d, h - 7, mi));
}

export const CODE = '000.00.15.H57-250312-0007';

export const ctx: FormContext = {
  center: {
    name: 'Trung tâm Hành chính công thị xã Hương Thủy',
    shortName: 'TTHCC',
    code: '000.00.15.H57',
    address: 'Số 02 Trần Hưng Đạo, phường Phú Bài, thị xã Hương Thủy, tỉnh Thừa Thiên Huế',
    phone: '0234 3861 234',
    parentAgency: 'UBND THỊ XÃ HƯƠNG THỦY',
    place: 'Hương Thủy',
  },
  staff: { fullName: 'Lê Thị Thu Hà', title: 'Công chức tiếp nhận hồ sơ' },
  printedAt: vn(2025, 3, 12, 9, 20),
};

export const LONG_DOC =
  'Giấy đề nghị đăng ký hộ kinh doanh (Mẫu số 01 ban hành kèm theo Thông tư số 02/2023/TT-BKHĐT ngày 18/4/2023 ' +
  'của Bộ trưởng Bộ Kế hoạch và Đầu tư), có chữ ký của chủ hộ kinh doanh';

export const dossier: FormDossier = {
  code: CODE,
  dailyNumber: 7,
  procedure: {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    fieldName: 'Thành lập và hoạt động của hộ kinh doanh',
    timeLimit: { unit: 'working_days', value: 3 },
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
  },
  applicant: {
    kind: 'person',
    fullName: 'Nguyễn Thị Hồng Nhung',
    idNumber: '046189001234',
    dateOfBirth: '1989-07-21',
    phone: '0905 123 456',
    email: 'hongnhung.nguyen@gmail.com',
    address: 'Tổ 5, phường Thủy Dương, thị xã Hương Thủy, tỉnh Thừa Thiên Huế',
  },
  channel: 'direct',
  registeredAt: vn(2025, 3, 12, 9, 5),
  receivedAt: vn(2025, 3, 12, 9, 15),
  dueAt: vn(2025, 3, 17, 16, 30),
  originalDueAt: null,
  checklist: [
    { name: LONG_DOC, original: 1, copy: 0, presented: true, mandatory: true },
    {
      name: 'Bản sao hợp lệ giấy tờ pháp lý của cá nhân đối với chủ hộ kinh doanh và các thành viên hộ gia đình đăng ký hộ kinh doanh',
      original: 0,
      copy: 1,
      presented: true,
      mandatory: true,
    },
    {
      name: 'Bản sao hợp lệ biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (trường hợp các thành viên hộ gia đình cùng đăng ký)',
      original: 0,
      copy: 1,
      presented: false,
      mandatory: false,
    },
    {
      name: 'Văn bản ủy quyền của các thành viên hộ gia đình cho một thành viên làm chủ hộ kinh doanh',
      original: 1,
      copy: 0,
      presented: true,
      mandatory: false,
    },
    {
      name: 'Bản sao hợp đồng thuê địa điểm kinh doanh hoặc giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh',
      original: 0,
      copy: 2,
      presented: true,
      mandatory: true,
    },
  ],
  department: 'Phòng Tài chính - Kế hoạch',
  statusUrl: `https://dichvucong.huongthuy.gov.vn/tra-cuu-ho-so/${CODE}`,
};

export const handoffs: Handoff[] = [
  {
    step: 'Chuyển hồ sơ đến phòng chuyên môn',
    giver: { name: 'Lê Thị Thu Hà', unit: 'Bộ phận Tiếp nhận và Trả kết quả' },
    receiver: { name: 'Hoàng Văn Minh', unit: 'Phòng Tài chính - Kế hoạch' },
    at: vn(2025, 3, 12, 10, 5),
    due: vn(2025, 3, 12, 11, 0),
    outcome: 'early',
  },
  {
    step: 'Thẩm định hồ sơ, lấy ý kiến cơ quan thuế',
    giver: { name: 'Hoàng Văn Minh', unit: 'Phòng Tài chính - Kế hoạch' },
    receiver: { name: 'Phạm Thị Lan', unit: 'Chi cục Thuế khu vực Hương Thủy - Phú Vang' },
    at: vn(2025, 3, 13, 14, 30),
    due: vn(2025, 3, 14, 16, 30),
    outcome: 'on_time',
    note: 'Liên thông cơ quan thuế',
  },
  {
    step: 'Trình ký Giấy chứng nhận đăng ký hộ kinh doanh',
    giver: { name: 'Phạm Thị Lan', unit: 'Chi cục Thuế khu vực Hương Thủy - Phú Vang' },
    receiver: { name: 'Trần Quốc Bảo', unit: 'Phòng Tài chính - Kế hoạch' },
    at: vn(2025, 3, 17, 15, 45),
    due: vn(2025, 3, 17, 10, 0),
    outcome: 'late',
    note: 'Chậm do chờ kết quả xác minh địa điểm',
  },
  {
    step: 'Trả kết quả về Trung tâm',
    giver: { name: 'Trần Quốc Bảo', unit: 'Phòng Tài chính - Kế hoạch' },
    receiver: { name: 'Lê Thị Thu Hà', unit: 'Bộ phận Tiếp nhận và Trả kết quả' },
    at: vn(2025, 3, 18, 8, 10),
    due: null,
    outcome: null,
  },
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Hữu', 'Thị Thanh', 'Quang'];
const GIVEN = ['Nhung', 'Hùng', 'Thảo', 'Dũng', 'Phương', 'Quý', 'Hạnh', 'Tuấn', 'Yến', 'Lộc', 'Ánh', 'Khôi'];
const PROCEDURES = [
  'Đăng ký thành lập hộ kinh doanh',
  'Cấp giấy phép xây dựng đối với công trình, nhà ở riêng lẻ',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp',
  'Đăng ký khai sinh',
  'Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu',
  'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh',
];
const WARDS = ['Phú Bài', 'Thủy Dương', 'Thủy Phương', 'Thủy Châu', 'Thủy Lương', 'Thủy Vân'];
const STATUSES = ['returned', 'resolved', 'in_progress', 'received', 'returned', 'needs_supplement'];

/** Working days of March 2025 (Monday–Friday). */
const MARCH_WORKING_DAYS = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31];

/** Dossiers of March 2025 (two a working day, 3-day limit), so 30 of them run the book over several pages. */
export function trackingRows(n = 30): TrackingRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = Math.min(Math.floor(i / 2), MARCH_WORKING_DAYS.length - 4);
    const day = MARCH_WORKING_DAYS[k];
    const after = (m: number) => MARCH_WORKING_DAYS[k + m];
    const status = STATUSES[i % STATUSES.length];
    const received = vn(2025, 3, day, 8 + (i % 8), (i * 7) % 60);
    const due = vn(2025, 3, after(3), 16, 30);
    const done = status === 'returned' || status === 'resolved';
    return {
      code: `000.00.15.H57-2503${String(day).padStart(2, '0')}-${String((i % 2) + 1).padStart(4, '0')}`,
      procedureName: PROCEDURES[i % PROCEDURES.length],
      applicantName: `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
      applicantContact: `Tổ ${1 + (i % 9)}, phường ${WARDS[i % WARDS.length]}; 09${String(10000000 + i * 1234567).slice(0, 8)}`,
      receivedAt: received,
      dueAt: due,
      transferredAt: status === 'needs_supplement' ? null : vn(2025, 3, day, 14, 0),
      settledAt: done ? vn(2025, 3, after(2), 10, 0) : null,
      returnedAt: status === 'returned' ? vn(2025, 3, after(3), 9, 0) : null,
      status,
      note: i === 4 ? 'Trả kết quả qua dịch vụ bưu chính công ích' : undefined,
    };
  });
}
