// The Vietnamese strings of other areas that the light public pages (home, catalog, a procedure, the look-up, sign-in)
// show: kept here so those pages load them without the console's (vi-public.ts). The area files use these values.
export const dossiersPublic = {
  status: {
    submitted: 'Mới đăng ký',
    needs_supplement: 'Chờ bổ sung',
    refused: 'Từ chối tiếp nhận',
    received: 'Đã tiếp nhận',
    in_progress: 'Đang giải quyết',
    paused: 'Tạm dừng chờ bổ sung',
    resolved: 'Đã có kết quả',
    rejected: 'Không đủ điều kiện giải quyết',
    returned: 'Đã trả kết quả',
    withdrawn: 'Đã rút hồ sơ',
  },
  track: {
    title: 'Tra cứu hồ sơ',
    lead: 'Nhập mã hồ sơ in trên phiếu tiếp nhận, hoặc quét mã QR trên phiếu bằng điện thoại.',
    placeholder: 'Nhập mã hồ sơ',
    example: 'Ví dụ: 000.00.15.H57-261126-0001',
    search: 'Tra cứu',
    notFound: 'Không tìm thấy hồ sơ có mã {{code}} với 4 số đã nhập. Vui lòng kiểm tra lại mã in trên phiếu và 4 số cuối số điện thoại hoặc CCCD.',
    verifierLabel: '4 số cuối số điện thoại hoặc số CCCD của người nộp',
    verifierHint: 'Để bảo vệ thông tin hồ sơ, vui lòng nhập 4 chữ số cuối của số điện thoại hoặc số căn cước công dân đã khai khi nộp hồ sơ. Quét mã QR trên phiếu thì không cần nhập.',
    verifierSubmit: 'Xem tình trạng',
    verifierInvalid: 'Nhập đúng 4 chữ số.',
    tokenRefused: 'Đường dẫn tra cứu không còn đúng. Vui lòng nhập 4 số cuối số điện thoại hoặc CCCD của người nộp.',
    code: 'Mã hồ sơ',
    procedure: 'Thủ tục',
    center: 'Nơi tiếp nhận',
    receivedAt: 'Ngày tiếp nhận',
    dueAt: 'Hẹn trả kết quả',
    notReceived: 'Chưa tiếp nhận',
    another: 'Tra cứu hồ sơ khác',
    stages: { registered: 'Nộp hồ sơ', received: 'Tiếp nhận', processing: 'Giải quyết', ready: 'Có kết quả', returned: 'Trả kết quả' },
    message: {
      submitted: 'Hồ sơ đã được đăng ký, đang chờ cán bộ kiểm tra và tiếp nhận.',
      needs_supplement: 'Hồ sơ cần bổ sung giấy tờ. Vui lòng xem phiếu yêu cầu bổ sung và liên hệ Trung tâm.',
      refused: 'Hồ sơ không được tiếp nhận. Lý do ghi trên phiếu từ chối tiếp nhận.',
      received: 'Hồ sơ đã được tiếp nhận và sẽ được chuyển đến cơ quan giải quyết.',
      in_progress: 'Hồ sơ đang được cơ quan chuyên môn giải quyết.',
      paused: 'Cơ quan giải quyết đề nghị bổ sung giấy tờ; thời hạn tạm dừng đến khi bổ sung xong.',
      resolved: 'Đã có kết quả. Mời ông/bà mang phiếu hẹn đến Trung tâm để nhận kết quả.',
      rejected: 'Hồ sơ không đủ điều kiện giải quyết. Mời ông/bà đến Trung tâm nhận lại hồ sơ và văn bản trả lời.',
      returned: 'Kết quả đã được trả.',
      withdrawn: 'Hồ sơ đã được rút theo đề nghị của người nộp.',
    },
    privacy: 'Trang tra cứu không hiển thị thông tin cá nhân của người nộp.',
  },
};

export const securityPublic = {
  login: {
    totp: 'Mã xác thực (6 chữ số)',
    totpHelp: 'Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator…) và nhập mã đang hiển thị.',
    totpRequired: 'Vui lòng nhập mã xác thực',
    useRecovery: 'Dùng mã khôi phục',
    useTotp: 'Dùng mã từ ứng dụng',
    recovery: 'Mã khôi phục',
    recoveryRequired: 'Vui lòng nhập mã khôi phục',
  },
};

export const feedbackPublic = {
  nav: 'Phản ánh, kiến nghị',
  fromDossier: 'Phản ánh, kiến nghị về hồ sơ này',
  form: { title: 'Gửi phản ánh, kiến nghị' },
  published: { title: 'Trả lời phản ánh, kiến nghị đã công khai' },
};

export const onlinePublic = { cta: 'Nộp trực tuyến' };

// The look-up page's payment box (VnpayPayButton).
export const paymentsPublic = {
  vnpayPay: {
    button: 'Thanh toán trực tuyến (VNPay)', due: 'Còn phải nộp: {{amount}}', title: 'Nộp phí, lệ phí', busy: 'Đang chuyển tới VNPay…',
    vietqrTitle: 'Chuyển khoản bằng mã VietQR', vietqrIntro: 'Mở ứng dụng ngân hàng, quét mã: số tiền và nội dung được điền sẵn.',
    qrAlt: 'Mã VietQR chuyển khoản {{amount}} cho hồ sơ {{code}}', bank: 'Ngân hàng', account: 'Số tài khoản', accountName: 'Chủ tài khoản',
    amount: 'Số tiền', content: 'Nội dung chuyển khoản',
    note: 'Giữ nguyên nội dung chuyển khoản (mã hồ sơ). Cán bộ thu phí của Trung tâm đối chiếu khoản chuyển theo nội dung này và xác nhận; biên lai được phát hành sau khi xác nhận, nên trạng thái có thể chưa cập nhật ngay.',
    demo: 'Tài khoản minh họa (DEMO): không chuyển tiền thật vào tài khoản này.',
  },
};
