// Strings of control and urging (issue 14 item 2): the bell and notifications, urging a dossier or a department,
// the half-day update flag, the late-dossier report. Under the top-level `control` key.
export const vi = {
  menu: {
    notifications: 'Thông báo', notificationsDesc: 'Đôn đốc, hồ sơ sắp đến hạn, quá hạn và tổng hợp hằng ngày gửi cho bạn',
    late: 'Hồ sơ trễ hạn', lateDesc: 'Bước, đơn vị và cán bộ vượt định mức thời gian; theo đơn vị hoặc nguyên nhân',
  },
  bell: {
    label: 'Thông báo', unread: '{{count}} thông báo chưa đọc', none: 'Không có thông báo mới.', all: 'Xem tất cả thông báo', readAll: 'Đánh dấu đã đọc tất cả',
  },
  notifications: {
    title: 'Thông báo của tôi', subtitle: 'Đôn đốc giải quyết hồ sơ, hồ sơ sắp đến hạn, quá hạn và tổng hợp hằng ngày của phòng',
    unreadOnly: 'Chưa đọc', all: 'Tất cả', markRead: 'Đánh dấu đã đọc', readAll: 'Đánh dấu đã đọc tất cả', open: 'Mở', empty: 'Không có thông báo.',
    total: '{{count}} thông báo',
    kind: { urge: 'Đôn đốc', due_soon: 'Sắp đến hạn', overdue: 'Quá hạn', digest: 'Tổng hợp ngày' },
    email: { off: '', no_address: 'Chưa có e-mail', pending: 'Chờ gửi e-mail', sending: 'Đang gửi e-mail', sent: 'Đã gửi e-mail', failed: 'Gửi e-mail lỗi' },
  },
  urge: {
    button: 'Đôn đốc', title: 'Đôn đốc giải quyết hồ sơ {{code}}',
    help: 'Nội dung đôn đốc được ghi vào lịch sử hồ sơ và gửi thông báo cho người đang xử lý và lãnh đạo phòng chuyên môn (hoặc bộ phận tiếp nhận khi hồ sơ còn ở Trung tâm); gửi kèm e-mail khi có cấu hình.',
    note: 'Nội dung đôn đốc', noteRequired: 'Vui lòng nhập nội dung đôn đốc', notePlaceholder: 'Ví dụ: Đề nghị hoàn thành, trình ký trong ngày; báo cáo lý do nếu không kịp.',
    send: 'Gửi đôn đốc', sent: 'Đã đôn đốc: thông báo cho {{names}}.', sentNobody: 'Đã ghi nhận đôn đốc (không có người nhận thông báo).',
    department: 'Đôn đốc phòng', departmentTitle: 'Đôn đốc {{name}}',
    departmentHelp: 'Mỗi hồ sơ được đôn đốc có một dòng trong lịch sử; lãnh đạo phòng nhận một thông báo liệt kê các hồ sơ, người đang xử lý nhận thông báo về hồ sơ của mình.',
    which: 'Hồ sơ được đôn đốc', whichOpt: { late: 'Quá hạn và sắp đến hạn', untouched: 'Chậm cập nhật (quá nửa ngày làm việc)', all: 'Mọi hồ sơ phòng đang giải quyết' },
    departmentSent: 'Đã đôn đốc {{name}}: {{count}} hồ sơ.',
    kind: { manual: 'Đôn đốc', department: 'Đôn đốc phòng', due_soon: 'Tự động: sắp đến hạn', overdue: 'Tự động: quá hạn' },
    recipients: 'Đã thông báo: {{names}}',
  },
  untouched: {
    tag: 'Chậm cập nhật', hint: 'Phòng chuyên môn chưa cập nhật hồ sơ quá nửa ngày làm việc (Quy chế: cập nhật cuối mỗi buổi sáng, buổi chiều)',
    kpi: 'Chậm cập nhật', kpiHint: 'Hồ sơ phòng đang giữ mà chưa cập nhật quá nửa ngày làm việc (4 giờ theo giờ hành chính của Trung tâm)',
  },
  control: {
    title: 'Kiểm soát theo phòng chuyên môn', subtitle: 'Quá hạn, sắp đến hạn, chậm cập nhật; bấm số để xem danh sách',
    department: 'Phòng chuyên môn', overdue: 'Quá hạn', atRisk: 'Sắp đến hạn', untouched: 'Chậm cập nhật', empty: 'Không có hồ sơ quá hạn, sắp đến hạn hay chậm cập nhật.',
  },
  late: {
    title: 'Hồ sơ trễ hạn và nguyên nhân',
    subtitle: 'Hồ sơ giải quyết trễ hạn và đang quá hạn trong kỳ: bước nào, đơn vị và cán bộ nào vượt định mức thời gian, bao lâu (giờ làm việc)',
    groupBy: { unit: 'Theo đơn vị', reason: 'Theo nguyên nhân' },
    col: {
      unit: 'Đơn vị / cán bộ', reason: 'Nguyên nhân', dossiers: 'Số hồ sơ', overruns: 'Bước vượt định mức', over: 'Vượt định mức',
      code: 'Mã hồ sơ', state: 'Tình trạng', due: 'Hạn giải quyết', ended: 'Kết thúc', lateBy: 'Trễ', steps: 'Bước vượt định mức', reasons: 'Nguyên nhân', notice: 'Lý do phòng báo trễ',
    },
    state: { settled_late: 'Đã giải quyết trễ hạn', overdue: 'Đang quá hạn' },
    total: 'Tổng: {{dossiers}} hồ sơ ({{settled}} đã giải quyết trễ hạn, {{overdue}} đang quá hạn)', asOf: 'Hồ sơ đang giải quyết tính đến {{time}}.',
    excel: 'Excel', details: 'Danh sách hồ sơ trễ hạn', empty: 'Không có hồ sơ trễ hạn trong kỳ.',
    step: '{{n}}. {{step}} — {{unit}}', used: 'dùng {{used}} / định mức {{budget}}', overBy: 'vượt {{over}}',
    hours: '{{n}} giờ', days: '{{d}} ngày {{h}} giờ', daysOnly: '{{d}} ngày', zero: '0',
  },
};
