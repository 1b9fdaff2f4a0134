// Strings of online payment: the page VNPay sends the citizen back to.
import { paymentsPublic } from './public';

export const vi = {
  vnpayPay: paymentsPublic.vnpayPay,
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
