// Strings of the citizen sign-in with VNeID / the national portal's SSO (issue 15). Under the top-level `citizenOidc` key.
export const vi = {
  button: 'Đăng nhập bằng {{name}}',
  or: 'hoặc nhận mã qua điện thoại, e-mail',
  hint: 'Dùng tài khoản định danh điện tử của bạn: hồ sơ nộp với số định danh cá nhân của bạn hiện ra mà không cần mã.',
  failed: 'Chưa đăng nhập được bằng tài khoản định danh',
  signedInAs: 'Đã đăng nhập bằng {{name}}: {{fullName}}',
  idNumber: 'Số định danh cá nhân: {{idNumber}}',
  errors: {
    denied: 'Bạn đã không đồng ý chia sẻ thông tin hoặc đã hủy đăng nhập. Bấm đăng nhập lại nếu muốn tiếp tục.',
    expired: 'Phiên đăng nhập đã hết hạn hoặc đã được dùng. Vui lòng bấm đăng nhập lại.',
    state: 'Yêu cầu đăng nhập không hợp lệ (không phải phiên đăng nhập bắt đầu trên trình duyệt này). Vui lòng đăng nhập lại.',
    provider: 'Chưa kết nối được với hệ thống định danh hoặc câu trả lời của hệ thống không hợp lệ. Vui lòng thử lại sau ít phút.',
    'no-id': 'Tài khoản định danh không cung cấp số định danh cá nhân (12 chữ số) nên chưa đăng nhập được. Vui lòng dùng tài khoản định danh mức 2 hoặc đăng nhập bằng mã một lần.',
    mismatch: 'Số định danh nhận được không khớp với tài khoản đã liên kết trước đây. Vui lòng liên hệ Trung tâm để được hỗ trợ.',
    unknown: 'Đăng nhập không thành công. Vui lòng thử lại.',
  },
};
