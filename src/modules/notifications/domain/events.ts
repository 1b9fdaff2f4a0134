// The events an applicant (or a visitor with a kiosk ticket) is told about, the outbox topics they come from, the
// placeholders their texts may use, and the defaults a center starts with. One table; pure.

export const CHANNELS = ['email', 'sms', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['received', 'supplement_requested', 'extended', 'result_ready', 'rejected', 'returned', 'payment_received', 'queue_near',
  'feedback_published', 'feedback_rejected'] as const;
export type NotifyEvent = (typeof EVENTS)[number];

export interface Placeholder {
  name: string;
  label: string;
  /** A value of typical length: the settings screen previews with it and checks the SMS length with it. */
  example: string;
}

export interface EventSpec {
  event: NotifyEvent;
  label: string;
  /** The channels this event can go on (a queue ticket has a phone, never an e-mail address). */
  channels: readonly Channel[];
  /** A center without its own settings: the switches of each channel. */
  defaults: Record<Channel, boolean>;
  placeholders: readonly Placeholder[];
  /** The SMS (and the Zalo fallback) text, with diacritics: the sender removes them. */
  smsTemplate: string;
}

const DOSSIER: Placeholder[] = [
  { name: 'ma_ho_so', label: 'Mã hồ sơ', example: '000.00.15.H57-250312-0007' },
  { name: 'thu_tuc', label: 'Tên thủ tục', example: 'Đăng ký thành lập hộ kinh doanh' },
  { name: 'trung_tam', label: 'Tên ngắn của Trung tâm', example: 'TTHCC thị xã Hương Thủy' },
];
const CENTER: Placeholder[] = [DOSSIER[2]];
const FEEDBACK: Placeholder[] = [
  ...CENTER,
  { name: 'ma_phan_anh', label: 'Mã phản ánh', example: 'PA-7K2M9QXD' },
  { name: 'duong_dan', label: 'Đường dẫn theo dõi phản ánh', example: 'https://motcua.huongthuy.gov.vn/phan-anh/PA-7K2M9QXD' },
];

// SMS on the main events by default (issue 15): received with the due date, supplement requested, result ready.
// The other events e-mail only until the center switches SMS on for them. Zalo needs a template id first.
const EMAIL_ONLY = { email: true, sms: false, zalo: false };
const MAIN = { email: true, sms: true, zalo: false };

export const EVENT_SPECS: readonly EventSpec[] = [
  {
    event: 'received', label: 'Tiếp nhận hồ sơ, hẹn ngày trả kết quả', channels: CHANNELS, defaults: MAIN,
    placeholders: [...DOSSIER, { name: 'ngay_hen', label: 'Ngày giờ hẹn trả kết quả', example: '16h30 ngày 17/03/2025' }, { name: 'ngay_tiep_nhan', label: 'Ngày tiếp nhận', example: '12/03/2025' }],
    smsTemplate: '((trung_tam)): hồ sơ ((ma_ho_so)) đã được tiếp nhận, hẹn trả kết quả lúc ((ngay_hen)).',
  },
  {
    event: 'supplement_requested', label: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', channels: CHANNELS, defaults: MAIN,
    placeholders: [...DOSSIER, { name: 'giay_to_bo_sung', label: 'Giấy tờ cần bổ sung', example: 'Bản sao Giấy khai sinh có chứng thực; Tờ khai ký đủ họ tên' }, { name: 'ly_do', label: 'Lý do', example: 'Hồ sơ chưa đầy đủ' }],
    smsTemplate: '((trung_tam)): hồ sơ ((ma_ho_so)) cần bổ sung: ((giay_to_bo_sung)). Mời Ông/Bà mang đến Bộ phận Tiếp nhận và Trả kết quả.',
  },
  {
    event: 'extended', label: 'Gia hạn: xin lỗi và hẹn lại ngày trả', channels: CHANNELS, defaults: EMAIL_ONLY,
    placeholders: [...DOSSIER, { name: 'ngay_hen_moi', label: 'Ngày giờ hẹn mới', example: '16h30 ngày 20/03/2025' }, { name: 'ngay_hen_cu', label: 'Ngày giờ hẹn trước đây', example: '16h30 ngày 17/03/2025' }, { name: 'ly_do', label: 'Lý do', example: 'Cần xác minh thêm' }],
    smsTemplate: '((trung_tam)) xin lỗi Ông/Bà: hồ sơ ((ma_ho_so)) chưa có kết quả đúng hẹn. Hẹn trả kết quả mới: ((ngay_hen_moi)).',
  },
  {
    event: 'result_ready', label: 'Đã có kết quả', channels: CHANNELS, defaults: MAIN,
    placeholders: [...DOSSIER, { name: 'ket_qua', label: 'Kết quả', example: 'Giấy chứng nhận đăng ký hộ kinh doanh' }],
    smsTemplate: '((trung_tam)): hồ sơ ((ma_ho_so)) đã có kết quả. Mời Ông/Bà mang giấy hẹn đến nhận tại Bộ phận Tiếp nhận và Trả kết quả.',
  },
  {
    event: 'rejected', label: 'Không đủ điều kiện giải quyết', channels: CHANNELS, defaults: EMAIL_ONLY,
    placeholders: [...DOSSIER, { name: 'ly_do', label: 'Lý do', example: 'Không thuộc thẩm quyền giải quyết' }],
    smsTemplate: '((trung_tam)): hồ sơ ((ma_ho_so)) không đủ điều kiện giải quyết. Mời Ông/Bà đến nhận lại hồ sơ và văn bản nêu rõ lý do.',
  },
  {
    event: 'returned', label: 'Đã trả kết quả', channels: CHANNELS, defaults: EMAIL_ONLY,
    placeholders: [...DOSSIER, { name: 'hinh_thuc_tra', label: 'Hình thức trả', example: 'qua bưu điện' }, { name: 'ma_van_don', label: 'Mã vận đơn', example: 'EV123456789VN' }],
    smsTemplate: '((trung_tam)): kết quả hồ sơ ((ma_ho_so)) đã được trả ((hinh_thuc_tra))((ma_van_don??, mã vận đơn ))((ma_van_don)). Cảm ơn Ông/Bà.',
  },
  {
    event: 'payment_received', label: 'Đã nộp phí, lệ phí', channels: CHANNELS, defaults: EMAIL_ONLY,
    placeholders: [...DOSSIER, { name: 'so_tien', label: 'Số tiền', example: '1.050.000 đ' }, { name: 'so_bien_lai', label: 'Số biên lai', example: 'BL-25/0000123' }],
    smsTemplate: '((trung_tam)) đã nhận ((so_tien)) phí, lệ phí hồ sơ ((ma_ho_so)), biên lai số ((so_bien_lai)).',
  },
  {
    event: 'queue_near', label: 'Số thứ tự sắp đến lượt', channels: ['sms', 'zalo'], defaults: { email: false, sms: true, zalo: false },
    placeholders: [...CENTER, { name: 'so_thu_tu', label: 'Số thứ tự', example: '2015' }, { name: 'so_nguoi_truoc', label: 'Số người phía trước', example: '3' }, { name: 'quay', label: 'Quầy phục vụ', example: '2, 3' }],
    smsTemplate: '((trung_tam)): số ((so_thu_tu)) sắp đến lượt (còn ((so_nguoi_truoc)) người phía trước). Mời Ông/Bà đến khu vực chờ quầy ((quay)).',
  },
  // Feedback (phản ánh, kiến nghị): the sender is told by e-mail when the contact has one, else by SMS.
  {
    event: 'feedback_published', label: 'Phản ánh, kiến nghị đã được trả lời', channels: ['email', 'sms'], defaults: MAIN,
    placeholders: FEEDBACK,
    smsTemplate: '((trung_tam)) đã trả lời phản ánh ((ma_phan_anh)) của Ông/Bà. Xem nội dung trả lời tại ((duong_dan))',
  },
  {
    event: 'feedback_rejected', label: 'Phản ánh, kiến nghị không được tiếp nhận', channels: ['email', 'sms'], defaults: MAIN,
    placeholders: [...FEEDBACK, { name: 'ly_do', label: 'Lý do', example: 'Nội dung không thuộc thẩm quyền của Trung tâm' }],
    smsTemplate: '((trung_tam)) không tiếp nhận phản ánh ((ma_phan_anh)): ((ly_do)). Chi tiết tại ((duong_dan))',
  },
];

export const specOf = (event: NotifyEvent): EventSpec => EVENT_SPECS.find((s) => s.event === event)!;
export const isEvent = (s: string): s is NotifyEvent => (EVENTS as readonly string[]).includes(s);

/** The events of a feedback's sender (not of a dossier). */
export const FEEDBACK_EVENTS: readonly NotifyEvent[] = ['feedback_published', 'feedback_rejected'];

/** The events a dossier's SMS service matters for (the queue's own message is for kiosk tickets). */
export const DOSSIER_EVENTS: readonly NotifyEvent[] = EVENTS.filter((e) => e !== 'queue_near' && !FEEDBACK_EVENTS.includes(e));

/** "Sắp đến lượt": the message goes when this many people are left in front of the ticket. */
export const TURN_NEAR_AHEAD = 3;

/** The event an outbox row announces, or null for internal hand-offs (transfer, steps, send-back…). */
export function eventOfTopic(topic: string, payload: Record<string, unknown>): NotifyEvent | null {
  switch (topic) {
    case 'dossier.registered':
      // Only a back-entry is registered already received; a plain registration is not news at the counter.
      return payload.status === 'received' ? 'received' : null;
    case 'dossier.receive':
      return 'received';
    case 'dossier.request-supplement':
    case 'dossier.request-supplement-by-department':
      return 'supplement_requested';
    case 'dossier.extend':
      return 'extended';
    case 'dossier.resolve':
      return 'result_ready';
    case 'dossier.reject':
      return 'rejected';
    case 'dossier.return':
      return 'returned';
    case 'fees.payment':
      return 'payment_received';
    case 'queue.turn-near':
      return 'queue_near';
    case 'feedback.publish':
      return 'feedback_published';
    case 'feedback.reject':
      return 'feedback_rejected';
    default:
      return null;
  }
}

/** The outbox topics that become messages (the others are marked skipped in bulk). */
export const NOTIFY_TOPICS = [
  'dossier.registered', 'dossier.receive', 'dossier.request-supplement', 'dossier.request-supplement-by-department', 'dossier.extend',
  'dossier.resolve', 'dossier.reject', 'dossier.return', 'fees.payment', 'queue.turn-near',
  'feedback.publish', 'feedback.reject',
] as const;

/** The example values of an event's placeholders. */
export const exampleValues = (event: NotifyEvent): Record<string, string> => Object.fromEntries(specOf(event).placeholders.map((p) => [p.name, p.example]));
