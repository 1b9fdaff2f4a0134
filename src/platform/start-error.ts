/**
 * A start-up failure the operator can act on: the Vietnamese message says what failed, where, and how to fix it.
 * `describeStartFailure` turns anything thrown during start-up into such a sentence (never "undefined").
 */
export class StartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartError';
  }
}

const NET_REASONS: Record<string, string> = {
  ECONNREFUSED: 'máy chủ từ chối kết nối (chưa chạy, hoặc sai cổng)',
  ENOENT: 'không thấy socket của máy chủ (chưa chạy)',
  ENOTFOUND: 'không tìm thấy tên máy chủ',
  EAI_AGAIN: 'không phân giải được tên máy chủ',
  ETIMEDOUT: 'hết thời gian chờ kết nối',
  EHOSTUNREACH: 'không tới được máy chủ',
  ECONNRESET: 'kết nối bị ngắt',
};

export function describeStartFailure(err: unknown): string {
  if (err instanceof StartError) return err.message;
  const e = err as { code?: string; message?: string; address?: string; port?: number; syscall?: string; name?: string; issues?: { path: PropertyKey[]; message: string }[] } | undefined | null;
  if (e && typeof e === 'object') {
    if (e.name === 'ZodError' && Array.isArray(e.issues)) {
      return `biến môi trường không hợp lệ: ${e.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ')}. Xem bảng cấu hình trong README.`;
    }
    if (e.syscall === 'listen' && (e.code === 'EADDRINUSE' || e.code === 'EACCES')) {
      const why = e.code === 'EADDRINUSE' ? 'đang bị một chương trình khác chiếm (có thể một motcua khác đang chạy)' : 'cần quyền root (cổng dưới 1024)';
      return `cổng HTTP ${e.port ?? ''} ${why}. Đặt PORT tới một cổng khác, hoặc dừng chương trình đó.`;
    }
    if (e.code && NET_REASONS[e.code]) {
      const where = e.address ? ` (${e.address}${e.port ? `:${e.port}` : ''})` : '';
      return `không kết nối được PostgreSQL${where}: ${NET_REASONS[e.code]}. Kiểm tra DATABASE_URL và máy chủ cơ sở dữ liệu.`;
    }
    if (e.code === '28P01') return 'PostgreSQL từ chối đăng nhập (sai tên người dùng hoặc mật khẩu trong DATABASE_URL).';
    if (e.code === '3D000') return `cơ sở dữ liệu trong DATABASE_URL không tồn tại (${e.message ?? ''}). Tạo nó trước (CREATE DATABASE).`;
    if (e.message) return e.message;
  }
  if (err === undefined || err === null) return 'lỗi không rõ nguyên nhân (không có thông tin lỗi). Xem nhật ký phía trên.';
  return String(err);
}
