// Strings of online payment: the page VNPay sends the citizen back to.
export const vi = {
  vnpayPay: {
    button: 'Thanh toán trực tuyến (VNPay)', due: 'Còn phải nộp: {{amount}}', title: 'Nộp phí, lệ phí', busy: 'Đang chuyển tới VNPay…',
    vietqrTitle: 'Chuyển khoản bằng mã VietQR', vietqrIntro: 'Mở ứng dụng ngân hàng, quét mã: số tiền và nội dung được điền sẵn.',
    qrAlt: 'Mã VietQR chuyển khoản {{amount}} cho hồ sơ {{code}}', bank: 'Ngân hàng', account: 'Số tài khoản', accountName: 'Chủ tài khoản',
    amount: 'Số tiền', content: 'Nội dung chuyển khoản',
    note: 'Giữ nguyên nội dung chuyển khoản (mã hồ sơ). Cán bộ thu phí của Trung tâm đối chiếu khoản chuyển theo nội dung này và xác nhận; biên lai được phát hành sau khi xác nhận, nên trạng thái có thể chưa cập nhật ngay.',
    demo: 'Tài khoản minh họa (DEMO): không chuyển tiền thật vào tài khoản này.',
  },
  vnpayReturn: {
    title: 'Kết quả thanh toán trực tuyến (VNPay)',
    paid: 'Đã thanh toán {{amount}} cho hồ sơ {{code}}. Biên lai được Trung tâm phát hành tự động.',
    failed: 'Giao dịch cho hồ sơ {{code}} không thành công hoặc đã bị hủy. Chưa có khoản tiền nào được ghi nhận.',
    pending: 'Trung tâm chưa nhận được xác nhận từ VNPay cho hồ sơ {{code}}. Vui lòng tải lại trang sau ít phút.',
    invalid: 'Thông tin trả về không hợp lệ (sai chữ ký) hoặc không tìm thấy giao dịch. Kết quả thanh toán chỉ được ghi nhận theo xác nhận của VNPay.',
    track: 'Xem tình trạng hồ sơ',
    mine: 'Về hồ sơ của tôi',
  },
};
