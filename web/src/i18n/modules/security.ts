// Strings of sign-in security: the second step of the login, two-factor enrolment, failed sign-in notices, kiosk pairing.
import { securityPublic } from './public';

export const vi = {
  menu: { security: 'Bảo mật tài khoản', kiosks: 'Máy kiosk lấy số' },
  login: securityPublic.login,
  notice: {
    failures: 'Có {{count}} lần đăng nhập sai vào tài khoản của bạn từ {{first}} đến {{last}}. Nếu không phải bạn, hãy đổi mật khẩu và bật xác thực hai bước.',
    recoveryUsed: 'Bạn vừa đăng nhập bằng mã khôi phục; mỗi mã chỉ dùng được một lần. Xem số mã còn lại ở trang Bảo mật tài khoản.',
    enrol: 'Tài khoản {{role}} cần bật xác thực hai bước (mật khẩu + mã trên điện thoại) để bảo vệ dữ liệu của Trung tâm.',
    enrolNow: 'Bật ngay',
  },
  page: {
    title: 'Bảo mật tài khoản',
    subtitle: 'Xác thực hai bước: sau mật khẩu, nhập mã 6 chữ số từ ứng dụng xác thực trên điện thoại',
    on: 'Đang bật', off: 'Chưa bật', required: 'Bắt buộc với vai trò của bạn',
    recoveryLeft: 'Còn {{count}} mã khôi phục chưa dùng',
    start: 'Bật xác thực hai bước',
    password: 'Nhập mật khẩu để tiếp tục',
    step1: '1. Quét mã QR bằng ứng dụng xác thực (hoặc nhập khóa bên dưới)',
    secret: 'Khóa bí mật',
    step2: '2. Nhập mã 6 chữ số ứng dụng đang hiển thị',
    confirm: 'Xác nhận và bật',
    codesTitle: 'Mã khôi phục — lưu lại ngay, chỉ hiện một lần',
    codesHelp: 'Khi không có điện thoại, dùng một mã này thay cho mã xác thực. Mỗi mã dùng được một lần. In ra hoặc cất ở nơi an toàn.',
    copy: 'Sao chép các mã',
    done: 'Tôi đã lưu các mã',
    disable: 'Tắt xác thực hai bước',
    disableConfirm: 'Nhập mật khẩu để tắt xác thực hai bước',
    enabled: 'Đã bật xác thực hai bước',
    disabled: 'Đã tắt xác thực hai bước',
  },
  kiosks: {
    title: 'Máy kiosk lấy số',
    subtitle: 'Máy kiosk đã ghép nối được cấp số không giới hạn theo địa chỉ mạng (các kiosk của Trung tâm dùng chung một địa chỉ).',
    add: 'Ghép nối kiosk', name: 'Tên máy (vị trí)', namePlaceholder: 'Kiosk sảnh chính',
    created: 'Ngày ghép nối', lastSeen: 'Lần cấp số gần nhất', status: 'Trạng thái', active: 'Đang dùng', revoked: 'Đã thu hồi',
    revoke: 'Thu hồi', revokeConfirm: 'Thu hồi mã khóa của máy này? Máy sẽ bị giới hạn như mọi máy khác.',
    linkTitle: 'Mở địa chỉ này một lần trên máy kiosk',
    linkHelp: 'Địa chỉ chứa mã khóa của máy, chỉ hiện một lần. Mở nó trên trình duyệt của máy kiosk: máy lưu mã và từ đó gửi kèm khi cấp số.',
    never: 'Chưa dùng',
  },
};
